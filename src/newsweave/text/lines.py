"""The cues one line gives on its own: the line classifiers of :mod:`newsweave.text.clean`.

Everything here looks at a single line. Document-level reasoning (repetition, blocks, the
bottom zone, lists of headlines) lives in :mod:`newsweave.text.clean`, the module to call.
Each pattern is anchored or bounded and runs only on short lines, so hostile input stays
linear.

Example:
    >>> from newsweave.text.shapes import split_lines
    >>> [classify_line(line, bottom=True) for line in split_lines("Menu\\n\\nWith AFP")]
    ['navigation', 'credit']
"""

from __future__ import annotations

import re

from newsweave.lexicon.calendar import MONTHS, TIME_PREPOSITIONS
from newsweave.lexicon.pages import (
    NAVIGATION_FILLERS,
    NAVIGATION_WORDS,
    PHOTO_VERBS,
    PROMO_OPENERS,
    TIMESTAMP_WORDS,
)
from newsweave.text.shapes import (
    ATTRIBUTION,
    BULLETS,
    QUOTES_OPEN,
    RELATED_MAX_WORDS,
    Line,
    ends_sentence,
    headline_shaped,
    sentence_count,
)

__all__ = [
    "AGENCY",
    "BIO",
    "NAME_LINE",
    "RELATED_LABEL",
    "classify_line",
    "is_timestamp",
]

_NAV_MAX_WORDS = 8

# ---- lexicons -------------------------------------------------------------------------
# Wire and photo agencies, for credits: "(AP)", "— Reuters", "With AFP".
AGENCY = (
    r"(?i:ap|afp|reuters|getty(?:\s+images)?|epa|pa|ansa|xinhua|yonhap|shutterstock|alamy|"
    r"bloomberg|anadolu|dpa|efe|kyodo|tass|associated\s+press|agence\s+france[-\s]presse|"
    r"agencies|wires?|staff)"
)

# ---- line classifiers (each anchored, bounded, and run on short lines only) ------------
_CREDIT_PAREN_CUE = re.compile(
    rf"\b(?:photo\w*|image|pictures?|pic|credit|via|file|courtesy|handout|supplied|pool|"
    rf"screen\s*(?:shot|grab)|{AGENCY})\b",
    re.IGNORECASE,
)
# "(via Reuters)." — a credit that may be followed by the caption's own full stop
_CREDIT_PAREN_STRONG = re.compile(
    r"\b(?:photo\w*|image|pictures?|via|credit|courtesy|handout|file)\b|/", re.IGNORECASE
)
# "Photo: Jane Doe/Reuters", "Image source, Getty Images", "Photograph by X"
_CAPTION_LABEL = re.compile(
    r"^(?:photo(?:graph)?s?|pictures?|images?|image\s+(?:source|caption)|caption|credits?|"
    r"fotos?|bild(?:er)?|quelle|crédit\s+photo|"
    r"photo\s+credit|illustration|file\s+photo)\s*(?::|,|by\b|\|)|^image\s+source\s",
    re.IGNORECASE,
)
# "Kim waves to the crowd. Photo: Jane Doe/Reuters" — a credit tacked on the end
_CAPTION_TAIL = re.compile(
    r"\b(?:photo(?:graph)?|picture|image|credit|quelle|foto|bild|crédit)\s*:\s*[^.:]{1,60}\.?$",
    re.IGNORECASE,
)
# "… on Day 4 of the Test. AP", "… Feb. 28, 2022. Armando Solis / AP", "… social media.
# VIDEO OBTAINED BY REUTERS": a credit after the caption's last full stop
_CREDIT_AFTER_STOP = re.compile(
    rf"[.!?][\"'”’)]?\s+(?:(?P<name>(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*\s*/\s*)|"
    rf"(?:[A-Z]+\s+){{0,3}}(?:BY|VIA)\s+)?{AGENCY}(?:\s*/\s*{AGENCY})?\.?$"
)
# "… - © gettyimages / Martin Rose": a copyright sign near the end closes a picture's text
# "… them. Staff": a word the agency list holds for sign-offs ("— Staff"), not a credit
_LONE_STAFF = re.compile(r"[.!?][\"'”’)]?\s+(?i:staff|agencies|wires?)\.?$")
_COPYRIGHT_TAIL = re.compile(r"(?:^|\s)©[^.!?©]{0,60}$|©\s*©")
# "1 of 3 | Rescuers search …": a gallery's caption, counted
_GALLERY = re.compile(r"^\d{1,3}\s+(?:of|/)\s+\d{1,3}\s*[|:•-]")
# "President Joe Biden, left, and Prime Minister Rishi Sunak …": who stands where in a photo
_PICTURED = re.compile(
    r",\s+(?i:left|right|center|centre|second\s+(?:from\s+)?(?:left|right)|(?:top|bottom)"
    r"\s+(?:left|right))\s*,\s+(?:and\b|with\b|[A-Z])|"
    # "(C on left)", "(3e à droite)", "(links)", "(izquierda)": where someone stands; not a
    # lone letter, which is a party ("Gov. Rick Perry (R)") or a clause ("501(c)(4)")
    r"\((?i:\d?(?:e|nd|rd|th|st)?\s*(?:à\s+|de\s+|from\s+)?(?:left|right|centre|center|"
    r"droite|gauche|links|rechts|mitte|izquierda|derecha))\)|\([LRC]\s+on\s+(?:left|right)\)"
)
# "X talks to the media outside a polling booth in Sydney on May 18, 2019.": a person
# doing something in the present tense, on a date given in full: a photograph's caption
_PHOTO_SCENE = re.compile(
    # "is seen in Sydney", not "growth is seen slowing"
    r"\b(?:is|are)\s+seen\s+(?:in|at|on|from|during|as|outside|inside|near|with|before|"
    r"after)\b|\b(?:" + "|".join(PHOTO_VERBS) + r")\b",
    re.IGNORECASE,
)
_FULL_DATE_END = re.compile(
    r"\b(?i:" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\s+\d{1,2},\s+\d{4}\s*\.?$|"
    r"\b\d{1,2}\s+(?i:" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\s+\d{4}\s*\.?$"
)
# "In this file photo, …", "in this image taken from video": a picture's own words
# at the caption's start, maybe after "FILE -" or a dateline, never mid-sentence ("the
# suspect, seen in this image released by police, is 30")
_PICTURE_WORDS = re.compile(
    r"^(?:[^.]{0,60}[:–—-]\s*)?in\s+this\s+(?:[\w.,]+\s+){0,4}(?:file\s+)?(?:photo\w*|"
    r"image|picture|still|handout)\b",
    re.IGNORECASE,
)
_AGENCY_ONLY = re.compile(rf"^{AGENCY}\.?$")
# "Jane Doe/Reuters", "AP Photo/Jane Doe", "AFP via Getty Images" — a credit on its own line
_CREDIT_ONLY = re.compile(
    rf"^(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*\s*/\s*{AGENCY}(?:\s*/\s*{AGENCY})?$|"
    rf"^{AGENCY}\s+(?i:photo|pool|images?)\s*/\s*[A-Z][\w .'’-]{{1,40}}$|"
    rf"^(?:[A-Z][\w.'’-]*\s+)?via\s+{AGENCY}$"
)
_PROMO = re.compile(
    r"^(?:also\s+(?:see|read)|see\s+also|read\s+(?:more|also|next|this)|more|related|watch|"
    r"listen|recommended|trending|don[’']?t\s+miss|must\s+read|popular|most\s+read|video|"
    r"podcast|sponsored|promoted|advertisement|newsletter)"
    r"(?:\s+\w+){0,2}\s*[:|]",
    re.IGNORECASE,
)
# "Sign up for our newsletter …", "Download the app", "Follow us on Instagram"
_PROMO_OPENER = re.compile(r"^(?:" + "|".join(PROMO_OPENERS) + r")", re.IGNORECASE)
# "Lewis Hamilton wins a record sixth British Grand Prix - video": a link to other media
_MEDIA_LINK = re.compile(
    r"\s[-–—|]\s*(?:video|audio|gallery|podcast|photos|pictures|in\s+pictures)$",
    re.IGNORECASE,
)
# "Read management's comments on the results", "Watch the full interview": a link's words
_LINK_CALL = re.compile(r"^(?:read|watch|listen\s+to)\s+(?:the\s+|our\s+)?[a-z]", re.IGNORECASE)
# "— Mary Jo Pitzl": a live blog's sign-off under a post
_SIGN_OFF = re.compile(r"^[—–]\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")
# "larepublica.pe", "UrduPoint.com": a site's address alone
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
# "Pictures of the Comet Lander 0:58": a video's title with its running time
_DURATION = re.compile(r"\s\(?\d{1,2}:\d{2}\)?$")
# "… stream for free on 7plus >>", ">>France: …": a link's arrow
_LINK_ARROW = re.compile(r"(?:>>|»|→|➜)\s*$|^(?:>>|»)\s*\S")
# "Have your say", "Comments are closed.", "Join the conversation": the comment box
_COMMENT_PROMPT = re.compile(
    r"^(?:have\s+your\s+say|join\s+the\s+(?:conversation|discussion|debate)|comments?\s+"
    r"(?:are|is)\s+(?:closed|disabled)|leave\s+a\s+(?:comment|reply)|add\s+(?:a|your)\s+"
    r"comment|be\s+the\s+first\s+to\s+comment|list\s+is\s+empty)\b",
    re.IGNORECASE,
)
_CLICK_HERE = re.compile(r"\b(?:click|tap)\s+here\b", re.IGNORECASE)
_PROMO_CALL = re.compile(
    r"^(?:sign\s+up|subscribe|register|download|get\s+(?:our|the\s+latest|free|unlimited)|"
    r"follow\s+(?:us|our|the\s+latest)|join\s+(?:us|our)|click|tap|support\s+(?:our|us))\b"
    r".{0,80}?\b(?:newsletters?|app|updates|alerts|subscription|subscribe|here|on|inbox|"
    r"journalism|podcast|channel|whatsapp|telegram|twitter|instagram|facebook|youtube)\b",
    re.IGNORECASE,
)
RELATED_LABEL = re.compile(
    r"^(?:related(?:\s+(?:stories|articles|content|coverage|news|topics|links|reading))?|"
    r"explore\s+more(?:\s+on\s+(?:these|this)\s+topics?)?|"
    r"more\s+(?:on|from|about|in)\b.{0,40}|more\s+(?:stories|news|headlines)|"
    r"you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|recommended(?:\s+for\s+you)?|"
    r"most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|read\s+(?:more|next|also)|"
    r"see\s+also|also\s+read|top\s+stories|latest(?:\s+(?:news|stories))?|further\s+reading|"
    r"what\s+to\s+read\s+next|editor[’']?s\s+picks)\s*:?$",
    re.IGNORECASE,
)
_EDITOR_NOTE = re.compile(
    r"^(?:editor[’']?s[’']?\s+note|note\s+to\s+readers|note|correction|clarification|update|"
    r"disclaimer)"
    r"(?:\s*[:—–]|\s+-\s)|^this\s+(?:article|story|report|piece)\s+(?:has\s+been|was)\s+"
    r"(?:updated|corrected|amended|edited|changed)|^an\s+earlier\s+version\s+of\s+this\b|"
    # "This article is more than 2 years old"
    r"^this\s+(?:article|story|content|piece)\s+is\s+(?:more\s+than|over)\s+\w+\s+\w+\s+old\b",
    re.IGNORECASE,
)
# "Reporting by Jane Doe; Editing by John Roe", "Reuters with additional reporting by X",
# "Associated Press writer Jo Roe contributed to this report.", "© 2023 The Daily Planet"
_CREDIT = re.compile(
    r"^[(\[]?\s*(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|written|produced|"
    r"contributions?)\s+(?:\w+\s+){0,3}by)\s+(?:[A-Z]|(?i:agencies|staff|wires|our\s))|"
    r"^(?:[A-Z][\w.&'’-]*\s+){1,4}(?:with|and)\s+(?i:additional\s+)?(?i:reporting|editing)\b|"
    r"^(?i:this\s+(?:story|article|report|piece)\s+(?:was|is|has\s+been)\s+(?:produced|"
    r"published|originally|written|supported|funded|made\s+possible|republished))|"
    r"^(?:©|\([cC]\)|(?i:copyright)\s*(?:©|\([cC]\)|\d{4}))|"
    r"^[(\[]?\s*(?i:with\s+inputs?\s+from)\s|"  # "( With inputs from ANI )"
    # "Editor: Zhang Wei | Source: Example.com"
    r"^(?i:editors?|edited\s+by|source|reporter|writer|author|text|photos?)\s*:\s*[A-Z]"
)
_CREDIT_INSIDE = re.compile(
    r";\s*editing\s+by\b|\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)",
    re.IGNORECASE,
)
# "With Agence France-Presse", "— Reuters", "AFP" — only believed near the end
_CREDIT_END = re.compile(
    rf"^(?:[Ww]ith|[—–-]+|[Ss]ource:?)\s*(?:the\s+)?"
    rf"(?:{AGENCY}|[A-Z][\w.&'’-]*(?:\s+[A-Z&][\w.&'’-]*){{0,4}})"
    rf"(?:\s*(?:,|and|&)\s*{AGENCY})?\s*\.?$|^{AGENCY}(?:\s*(?:,|and|&)\s*{AGENCY})*\.?$"
)
_BYLINE = re.compile(
    r"^(?i:posted\s+by\s*:?\s*)?(?i:by|written\s+by|words\s+by|story\s+by)\s+[A-Z][\w.'’-]*(?:[\s,]+(?:[A-Z][\w.'’-]*|"
    r"and|&|in|for|de|van|von|al|bin))*(?:\s*\([^()]{1,20}\))?(?:\s*[|•–—-].{0,60})?$|"
    # "From CNN’s Donie O’Sullivan", "From CNN Business' Catherine Thorbecke"
    r"^(?i:from)\s+(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*['’]s?\s+"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$"
)
# "Jim Pollard is an Australian journalist based in Thailand …"
BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){2,4}(?:is|was|has\s+been|covers|reports|writes|joined)\b.{0,80}?"
    r"\b(?:journalist|reporter|correspondent|editor|writer|columnist|producer|contributor|"
    r"photographer|author|freelancer|newsroom|covers|covering)",
    re.DOTALL,
)
NAME_LINE = re.compile(r"^[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){1,3}$")
_CONTACT = re.compile(r"^\S.{0,120}(?:\S@\S+\.\w|\B@\w{2,})", re.IGNORECASE)
# "reached 12. The" — a sentence boundary inside a line ("U.S. Army" does not count)
_WORD = re.compile(r"[\w'’-]+")
_COOKIE = re.compile(r"\bcookies?\b.{0,300}\b(?:use|accept|consent|policy|settings)\b", re.I)
# "Topics: Floods, Velmark" — the page's tag list
_BROWSER = re.compile(r"\b(?:javascript|ad[\s-]?blocker|your\s+browser)\b", re.IGNORECASE)
# ("Categories Earnings, Health Care" without the colon)
_TAGS = re.compile(
    r"^(?:tags|topics|filed\s+under|categories|keywords)\s*(?::|\s(?=[^.]*,))", re.IGNORECASE
)
_BREADCRUMB = re.compile(r"\s(?:[|›»>•]|/)\s")


def _ends_with_credit(s: str) -> bool:
    """ "… steps down from his train (AP)" — a caption closed by a parenthesised credit."""
    tail = s[-120:].rstrip()
    full_stop = tail.endswith(".")
    tail = tail.rstrip(". ")
    if not tail.endswith(")") or "(" not in tail:
        return False
    inside = tail[tail.rfind("(") + 1 : -1].strip()
    if not inside or len(inside.split()) > 8 or not _CREDIT_PAREN_CUE.search(inside):
        return False
    # A body sentence may close on "(Reuters)." only with a photo cue; bare agencies may not.
    return not full_stop or bool(_CREDIT_PAREN_STRONG.search(inside))


CAPTION_MAX_WORDS = 90  # a caption with its credit runs this long at most
PICTURED_MAX_WORDS = 60  # … and without a credit, this long


def _is_caption(line: Line) -> bool:
    s = line.text
    if line.words > CAPTION_MAX_WORDS:
        return False
    if _ends_with_credit(s) or (_CAPTION_LABEL.match(s) and line.words <= 15):
        return True
    if _GALLERY.match(s):
        return True
    if line.words <= PICTURED_MAX_WORDS and (_PICTURED.search(s) or _PICTURE_WORDS.search(s)):
        return True  # who stands where: a caption's words, in a caption's length
    if (
        line.words <= PICTURED_MAX_WORDS
        and sentence_count(line) <= 1
        and _FULL_DATE_END.search(s[-40:])
        and _PHOTO_SCENE.search(s)
        and "@" not in s  # an embedded post ends with its date too: "— X (@x) May 3, 2017"
    ):
        return True
    if line.words <= 8 and _CREDIT_ONLY.match(s):
        return True
    if "©" in s[-70:] and _COPYRIGHT_TAIL.search(s[-70:]) and not _CREDIT.match(s):
        return True
    credit = _CREDIT_AFTER_STOP.search(s[-90:])
    if credit is not None and not _LONE_STAFF.search(credit.group()):
        # a named credit closes any caption; a bare agency only a one-sentence one
        # ("… the company said. Reuters" may be a body paragraph signed off)
        caption = s[: len(s) - len(s[-90:]) + credit.start() + 1]
        if (
            credit.group("name")
            or sentence_count(Line(0, 0, caption, len(caption.split()), 0)) <= 1
        ):
            return True
    return ":" in s[-70:] and bool(_CAPTION_TAIL.search(s[-80:]))


_NUMERIC_DATE = re.compile(r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b")


def is_timestamp(line: Line) -> bool:
    """A line of dates, times and their words ("Published: 23 Aug 2021 12:14 PM BdST",
    "Updated 1339 GMT (2139 HKT) April 26, 2022", "23.02.2020, 15.06 Uhr"), with at most a
    name before it when it says how long ago ("Faizan Hashmi 3 minutes ago …")."""
    words = [w for w in _WORD.findall(line.text) if any(ch.isalnum() for ch in w)]
    if line.words > 16 or sum(any(ch.isdigit() for ch in w) for w in words) < 1:
        return False
    other = [w for w in words if w.lower().strip(".") not in TIMESTAMP_WORDS and not _has_digit(w)]
    if not other:
        return True
    lowered = [w.lower().strip(".") for w in words]
    # a month, a weekday, "ago", "PM", or a date in figures ("2009-09-07", "24.09.2017")
    dated = any(w in TIMESTAMP_WORDS for w in lowered) or bool(_NUMERIC_DATE.search(line.text))
    named = "ago" in lowered or sum(_has_digit(w) for w in words) >= 3
    return dated and named and len(other) <= 2 and all(w[:1].isupper() for w in other)


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _is_navigation(line: Line) -> bool:
    s = line.text
    if ("ookie" in s or "OOKIE" in s) and line.words <= 60 and _COOKIE.search(s[:600]):
        return True  # "We use cookies to improve your experience. Accept all"
    if line.words <= 25 and _BROWSER.search(s):
        return True  # "Please ensure Javascript is enabled for purposes of accessibility"
    if line.words == 1 and "_" in s.strip("_"):
        return True  # "gvw_ap_news": a site's own code name
    if line.words > 20:
        return False
    if _TAGS.match(s):
        return True
    parts = [p for p in re.split(r"[|›»•]", s) if p.strip()]
    if len(parts) >= 4 and all(len(p.split()) <= 3 for p in parts):
        return True  # "Home | World | Asia | Business" — a menu row
    if _BREADCRUMB.search(s) and len(parts) >= 3 and all(len(p.split()) <= 2 for p in parts):
        return True  # "Home › World › Asia"
    halves = s.split(" / ")
    if len(halves) == 2 and line.words <= 4 and not ends_sentence(s):
        return True  # "Deutschland / Welt", "World / Europe": a section path
    if line.words > _NAV_MAX_WORDS or (ends_sentence(s) and not s.endswith(("…", ":", "..."))):
        return False
    tokens = [
        part
        for t in _WORD.findall(s)
        if not t.isdigit()
        for part in _navigation_parts(t.replace("-", " ").split())
    ]
    return (
        bool(tokens)
        and all(t in NAVIGATION_WORDS or t in NAVIGATION_FILLERS for t in tokens)
        and any(t in NAVIGATION_WORDS for t in tokens)
    )


def _navigation_parts(words: list[str]) -> list[str]:
    """Words the way a page glues its buttons together: "xwhatsappmailcopy" is x,
    whatsapp, mail, copy; "byDropdown" is by, dropdown. A word that does not split wholly
    into navigation words stays as it is."""
    out = []
    for raw in words:
        word = raw.lower()
        camel = any(ch.isupper() for ch in raw[1:])
        if word in NAVIGATION_WORDS or word in NAVIGATION_FILLERS or len(word) > 40:
            out.append(word)
            continue
        # best[i]: the parts of word[:i], if it splits into known words
        best: list[list[str] | None] = [[]] + [None] * len(word)
        for end in range(1, len(word) + 1):
            for start in range(max(0, end - 12), end):
                piece = word[start:end]
                done = best[start]
                if done is not None and (piece in NAVIGATION_WORDS or piece in NAVIGATION_FILLERS):
                    best[end] = [*done, piece]
                    break
        found = best[-1]
        # glued buttons: three or more ("xwhatsappmailcopy"), or two run together in camel
        # case ("byDropdown"); "outplay" is a word
        glued = found is not None and (len(found) >= 3 or (len(found) == 2 and camel))
        out.extend(found if found and glued else [word])
    return out


def classify_line(line: Line, bottom: bool) -> str | None:
    """The reason a line is boilerplate on its own, if any; ``bottom`` means near the end."""
    s = line.text
    if _is_navigation(line):
        return "navigation"
    if _is_caption(line):
        return "caption"
    if line.words <= 40 and _EDITOR_NOTE.match(s):
        return "editor_note"
    if line.words <= 30 and (
        _PROMO.match(s) or _PROMO_CALL.match(s) or _PROMO_OPENER.match(s) or _CLICK_HERE.search(s)
    ):
        return "promo"
    if line.words <= RELATED_MAX_WORDS and _MEDIA_LINK.search(s) and not ends_sentence(s):
        return "related"
    if line.words <= 12 and _LINK_CALL.match(s) and not ends_sentence(s) and "?" not in s:
        return "promo"
    if line.words <= 5 and _SIGN_OFF.match(s):
        return "signoff"  # not a closing byline: a live blog's next post may follow
    if line.words == 1 and _DOMAIN.match(s):
        return "navigation"
    if line.words <= 20 and RELATED_LABEL.match(s):
        return "related"
    bare = s.lstrip(BULLETS + " ")
    if line.words <= 30 and (
        _CREDIT.match(bare) or (("ontribut" in s or "diting" in s) and _CREDIT_INSIDE.search(s))
    ):
        return "credit"
    if bottom and line.words <= 6 and _CREDIT_END.match(bare):
        return "credit"
    if line.words <= 3 and s.lstrip()[:1] not in "—–-" and _AGENCY_ONLY.match(bare):
        return "credit"  # ">> Reuters": an agency alone on its line ("— Reuters" signs off)
    if line.words <= 25 and _LINK_ARROW.search(s):
        return "promo"
    if line.words <= 8 and _COMMENT_PROMPT.match(s):
        return "navigation"
    if (
        line.words <= RELATED_MAX_WORDS
        and _DURATION.search(s)
        and s.rsplit(None, 2)[-2].lower() not in TIME_PREPOSITIONS  # "closes at 10:45"
        and headline_shaped(s, 20)
        and not is_timestamp(line)
    ):
        return "related"
    if not any(ch.isalnum() for ch in s):
        return "navigation"  # "|", "* * *", "---": a rule or a separator
    if line.words <= 14 and _BYLINE.match(bare):
        return "byline"
    quoted = s[:1] in QUOTES_OPEN or bool(ATTRIBUTION.search(s))  # a tweet quoted, "@x …"
    if bottom and line.words <= 20 and "@" in s and not quoted and _CONTACT.match(s):
        return "bio"  # "Contact the author: jane@example.com", "Follow her @janedoe"
    if is_timestamp(line) or _is_meta_row(line):
        return "timestamp"  # "May 03, 2013", "Published 12 Sept 2023, 10:45 GMT"
    return None


def _is_meta_row(line: Line) -> bool:
    """ "PTI | Matera | Updated: 29-06-2021 21:26 IST": short fields, one a time stamp;
    "Press Trust of India, Sep 03, 2019 13:22:02 IST": a name, then a time stamp."""
    if line.words > 24:
        return False
    name, comma, rest = line.text.partition(", ")
    if (
        comma
        and len(name.split()) <= 5
        and name[:1].isupper()
        and not _has_digit(name)
        and sum(map(_has_digit, rest.split())) >= 2
        and is_timestamp(Line(0, 0, rest, len(rest.split()), 0))
    ):
        return True
    if " | " not in line.text:
        return False
    parts = [p.strip() for p in line.text.split(" | ") if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > 5 for p in parts):
        return False
    stamps = [is_timestamp(Line(0, 0, p, len(p.split()), 0)) for p in parts]
    return any(stamps) and all(
        stamp or len(p.split()) <= 3 for p, stamp in zip(parts, stamps, strict=True)
    )
