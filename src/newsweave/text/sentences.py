"""Sentences of text that never went through spaCy (an LLM's reply), split at end marks.

Article text is split once, by annotation (:mod:`newsweave.nlp.sentences`); this splitter is
for everything else. A full stop after an abbreviation ("Mr.", "U.S.", "Sept.") or an
initial ("J.") ends no sentence.

Example:
    >>> split_sentences("Mr. Kim left on Monday. Talks ended. Then")
    ['Mr. Kim left on Monday.', 'Talks ended.', 'Then']
"""

from __future__ import annotations

import re

from newsweave.lexicon.calendar import MONTH_ABBREVIATIONS
from newsweave.lexicon.function_words import ABBREVIATIONS
from newsweave.lexicon.people import ABBREVIATED_TITLES, HONORIFICS, NAME_SUFFIXES

# Titles before a name: a full stop after one ("Sgt.") ends no sentence.
TITLES = HONORIFICS | ABBREVIATED_TITLES
_ABBREVIATIONS = TITLES | NAME_SUFFIXES | MONTH_ABBREVIATIONS | ABBREVIATIONS
_END = re.compile(r"[.!?][\"”’)]*(?=\s|$)")


def split_sentences(line: str) -> list[str]:
    """The sentences of one line of text, at end marks that end no abbreviation; the last
    may lack an end mark."""
    out: list[str] = []
    start = 0
    for m in _END.finditer(line):
        if _ends(line, m):
            out.append(line[start : m.end()])
            start = m.end()
    out.append(line[start:])
    return [s for s in (s.strip() for s in out) if s]


def _ends(text: str, m: re.Match[str]) -> bool:
    """Whether the end mark ``m`` in ``text`` ends a sentence, not an abbreviation."""
    if text[m.start()] != ".":
        return True
    word = text[max(0, m.start() - 12) : m.start()].split()[-1:] or [""]
    token = word[0].lstrip("(\"“‘'").lower()
    return not (token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()))
