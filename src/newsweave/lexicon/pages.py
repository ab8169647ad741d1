"""The words a web page's chrome is made of, as opposed to its article.

Example:
    >>> "subscribe" in NAVIGATION_WORDS and "published" in TIMESTAMP_WORDS
    True
"""

from __future__ import annotations

from newsweave.lexicon.calendar import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    TIME_ZONES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)

# A short line built only from these (and a strong one among them) is navigation:
# "Type to search", "Share this article", "Sign in | Subscribe", "5 min read".
NAVIGATION_WORDS = frozenset(
    """
    search menu skip content navigation sign log register subscribe subscription account share
    facebook twitter x email e-mail whatsapp telegram linkedin reddit pinterest print copy link
    links copied save saved bookmark comment comments advertisement advertising advert ad ads
    sponsored show load close open toggle home back top next previous listen audio follow
    newsletter newsletters cookie cookies accept reject privacy policy terms contact feedback
    javascript browser loading edition gallery photos video watch play read continue reading
    more expand collapse jump type min mins minute minutes login logout signup main posts
    sort dropdown arrow placeholder menü anmelden anzeige werbung hide streaming live mail
    avatar reactions commentaire commentaires kommentar kommentare comentario comentarios
    cargando chargement laden caricamento
    """.split()
)
# Words that may stand beside them in such a line: "to", "this", "your", "settings".
NAVIGATION_FILLERS = frozenset(
    """
    to the a an of in on out up and or this article story page us our all my your here now via
    for with by settings preferences use more less leave laissez un une deja dejar einen
    """.split()
)
# How a page opens a promotion, an invitation to read or watch something else, in the
# languages it reads: "Sehen Sie im Video: …", "Lire aussi : …", "Lee también: …". Matched
# at the start of a short line, case-insensitively, as regular-expression alternatives.
PROMO_OPENERS = (
    # German: the formal imperative of reading and watching, "more on", "here is"
    r"(?:lesen|sehen|hören|schauen)\s+sie\b",
    r"mehr\s+(?:zum\s+thema|dazu|lesen)\b",
    r"auch\s+interessant\b",
    r"das\s+könnte\s+sie\s+(?:auch\s+)?interessieren\b",
    r"hier\s+geht\s+(?:es|['’]s)\s+zu[mr]?\b",
    r"alle\s+infos\s+zu(?:[mr])?\b",
    # French
    r"(?:à\s+)?(?:lire|voir|regarder|écouter)\s+(?:aussi|également|la\s+suite)\b",
    r"de\s+la\s+m[eê]me\s+catégorie\b",
    # Spanish
    r"(?:lee|lea|leer|mira|ver|vea)\s+(?:también|tambien|más|mas)\b",
    r"te\s+puede\s+interesar\b",
    # Italian
    r"(?:leggi|guarda)\s+anche\b",
)
# What people in a news photograph do, in the present tense a caption is written in:
# "Morrison talks to the media outside a polling booth … on May 18, 2019."
# Not the verbs of a schedule ("holds its meeting on May 18", "votes on Sept. 12"), and
# those that are also nouns only with what follows them ("talks to", not "for talks on").
PHOTO_VERBS = (
    "speaks",
    "gestures",
    "walks",
    "reacts",
    "celebrates",
    "listens",
    "greets",
    "poses",
    "smiles",
    "embraces",
    "hugs",
    "kneels",
    "prays",
    "mourns",
    r"talks\s+(?:to|with)",
    r"waves\s+(?:to|at|from|as)",
    r"looks\s+(?:on|at)",
    r"stands\s+(?:in|on|at|near|outside|beside|next)",
)
# "Published 12 Sept 2023, 10:45 GMT", "Updated 3 hours ago": a line of these and digits is
# a timestamp, never a headline.
TIMESTAMP_WORDS = (
    frozenset(MONTHS)
    | MONTH_ABBREVIATIONS
    | {"may"}
    | frozenset(WEEKDAYS)
    | WEEKDAY_ABBREVIATIONS
    | TIME_ZONES
    | frozenset(
        """
        published updated update posted modified last first on at am pm a p m ago hours hour hrs
        minutes mins min days day weeks week months month years year yesterday today uhr
        """.split()
    )
)
