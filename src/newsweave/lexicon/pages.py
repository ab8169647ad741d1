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
    sort dropdown arrow placeholder menü anmelden anzeige werbung
    """.split()
)
# Words that may stand beside them in such a line: "to", "this", "your", "settings".
NAVIGATION_FILLERS = frozenset(
    """
    to the a an of in on out up and or this article story page us our all my your here now via
    for with settings preferences use more less
    """.split()
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
        published updated posted modified last first on at am pm a p m ago hours hour hrs
        minutes mins min days day weeks week months month years year yesterday today uhr
        """.split()
    )
)
