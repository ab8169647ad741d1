"""The shape of a line of a page: its words and sentences, and whether it reads as
prose, a paragraph or a headline. No lexicon is needed to tell these; the classifiers of
:mod:`newsweave.text.lines` build on them.

Example:
    >>> [line.text for line in split_lines("Dam opens\\n\\nIt opened on Monday.")]
    ['Dam opens', 'It opened on Monday.']
    >>> headline_shaped("Dam opens", TITLE_MAX_WORDS), is_prose(split_lines("It opened.")[0])
    (True, False)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple

__all__ = [
    "ATTRIBUTION",
    "BULLETS",
    "QUOTES_CLOSE",
    "QUOTES_OPEN",
    "RELATED_MAX_WORDS",
    "TITLE_MAX_WORDS",
    "Line",
    "body_end",
    "ends_sentence",
    "fold",
    "headline_shaped",
    "is_listed_headline",
    "is_paragraph",
    "is_prose",
    "norm",
    "sentence_count",
    "split_lines",
    "stripped_span",
    "touched",
]

# Line-shape limits. Headlines run to ~16 words in lists and ~25 on a page; a line past
# these is prose, and most rules never look at it (which also keeps hostile input cheap).
TITLE_MAX_WORDS = 25
RELATED_MAX_WORDS = 16
_SHORT_MAX_WORDS = 25

QUOTES_CLOSE = "\"'”’»)]"
QUOTES_OPEN = "\"'“‘«(["
BULLETS = "•·*-–—▪►‣◦>|"


_SENT_BOUNDARY = re.compile(r"[a-z0-9%][.!?][\"'”’)]?\s+[\"'“‘(]?[A-Z]")
ATTRIBUTION = re.compile(r"[,?!][\"”’]\s")


class Line(NamedTuple):
    """A non-empty line: its offsets (without the line break) and stripped text."""

    start: int
    end: int
    text: str
    words: int
    block: int  # lines with no blank line between them share a block


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    block = pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            stop = pos + len(raw) - (1 if raw.endswith("\r") else 0)
            lines.append(Line(pos, stop, stripped, len(stripped.split()), block))
        else:
            block += 1
        pos += len(raw) + 1
    return lines


def body_end(s: str) -> str:
    return s.rstrip(QUOTES_CLOSE + " ")


def ends_sentence(s: str) -> bool:
    tail = body_end(s)
    return tail.endswith((".", "…", ":", ";", ","))


def sentence_count(line: Line) -> int:
    return len(_SENT_BOUNDARY.findall(line.text)) + (1 if ends_sentence(line.text) else 0)


def is_prose(line: Line) -> bool:
    """Two sentences or ~25 words: a line no positional rule may take."""
    return line.words >= _SHORT_MAX_WORDS or sentence_count(line) >= 2


# A sentence boundary as a headline may hold one: not after a short number, which is an
# ordinal in German ("zum 32. Spieltag"), nor after "v." or "vs."
_HEADLINE_BOUNDARY = re.compile(r"(?:\b(?!vs?\.)\w*[a-z]|%|\d{3,})[.!?][\"'”’)]?\s+[\"'“‘(]?[A-Z]")


def is_paragraph(line: Line) -> bool:
    """A line of the body: a sentence of some length, not a headline."""
    return line.words >= 8 and not headline_shaped(line.text, TITLE_MAX_WORDS)


def headline_shaped(s: str, max_words: int) -> bool:
    """A headline: short, capitalised, one unfinished sentence ("Kim Orders War Drills")."""
    words = s.split()
    if not 1 <= len(words) <= max_words or ends_sentence(s):
        return False
    first = s.lstrip(QUOTES_OPEN + BULLETS + " ")[:1]
    return (first.isupper() or first.isdigit()) and not _HEADLINE_BOUNDARY.search(s)


def is_listed_headline(line: Line, labelled: bool = False) -> bool:
    """An item of a related-headlines list: "Farmers Count Losses After Hail".

    Not a quote paragraph (“Is this the end of it?”) nor an attributed quote. Under a
    label ("Related topics") one-word items and bullets count; without one, a bulleted
    list is more likely the article's own key points.
    """
    s = line.text
    if line.words > RELATED_MAX_WORDS or (not labelled and (line.words < 3 or s[0] in BULLETS)):
        return False
    return (
        headline_shaped(s, RELATED_MAX_WORDS)
        and not ATTRIBUTION.search(s)
        and not (s[0] in '"“‘' and body_end(s) != s.rstrip())
    )


def fold(text: str) -> str:
    """Case-folded, without accents: "Köln" and "KOLN" fold alike."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def norm(s: str) -> str:
    s = s.casefold()
    return " ".join(s.split()) if "  " in s or "\t" in s or "\xa0" in s else s


def stripped_span(text: str, line: Line) -> tuple[int, int]:
    """Where ``line``'s text stands in ``text``, without the spaces around it.

    Example:
        >>> text = "  Dam opens  "
        >>> s, e = stripped_span(text, split_lines(text)[0])
        >>> text[s:e]
        'Dam opens'
    """
    raw = text[line.start : line.end]
    start = line.start + len(raw) - len(raw.lstrip())
    return start, start + len(line.text)


def touched(lines: Sequence[Line], spans: Iterable[tuple[int, int]]) -> list[bool]:
    """For each of ``lines`` (in text order), whether any of ``spans`` overlaps it. One
    sorted sweep, so a page of many lines and many removed spans stays linear.

    Example:
        >>> lines = split_lines("a\\nbb\\nccc")
        >>> touched(lines, [(2, 3)])
        [False, True, False]
    """
    ordered = sorted((s, e) for s, e in spans if s < e)
    out = []
    k = 0
    for line in lines:
        while k < len(ordered) and ordered[k][1] <= line.start:
            k += 1
        # spans are not nested deeply: look at the few that start before this line ends
        hit = False
        j = k
        while j < len(ordered) and ordered[j][0] < line.end:
            if ordered[j][1] > line.start:
                hit = True
                break
            j += 1
        out.append(hit)
    return out
