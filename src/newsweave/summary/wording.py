"""How a summary sentence reads: its words and content words, light compression, wholeness.

Example:
    >>> compress("The bridge will reopen on Friday, the transport ministry said.")
    'The bridge will reopen on Friday.'
    >>> sorted(content_words("The ferry did not sink, officials said."))
    ['ferry', 'not', 'officials', 'sink']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.lexicon.function_words import FUNCTION_WORDS, NEGATIONS
from newsweave.lexicon.reporting import MODALS, REPORTING_FORMS
from newsweave.model import SummarySentence
from newsweave.text.sentences import TITLES

SENTENCE_WORDS = (6, 50)  # evidence sentences outside this many words are not candidates

# Words that carry no content of their own; a negation does ("not" turns a sentence around).
_STOP = (FUNCTION_WORDS | MODALS | REPORTING_FORMS) - NEGATIONS
_WORD = re.compile(r"[^\W_][\w'’-]*")
_ATTRIBUTION_VERBS = r"(?:said|says|added|reported|announced|told [\w .'’-]{1,40})"
_TRAILING = [
    # "…, officials said." / "…, the ministry told reporters on Monday."
    re.compile(
        r",\s*(?:[\w.'’-]+\s+){0,6}?" + _ATTRIBUTION_VERBS + r"(?:\s+on\s+\w+)?\s*(?P<end>[.!?])$"
    ),
    # "…, said Tova Lind, the mayor."
    re.compile(
        r",\s*(?:said|says|reported|according to)\s+[^,;:]{1,60}(?:,[^,;:]{1,40})?"
        r"\s*(?P<end>[.!?])$"
    ),
]
_LEADING = re.compile(r"^(?:According to [^,]{1,80},|In a statement,|But|And|So|Yet)\s+")
_GLUED = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]")


def words(text: str) -> list[str]:
    """The words of ``text``, as the summary's limits count them."""
    return _WORD.findall(text)


def word_count(summary: Sequence[SummarySentence]) -> int:
    """Words in ``summary``, counted as the limits count them."""
    return sum(len(words(s.text)) for s in summary)


def content_words(text: str) -> set[str]:
    """The lower-cased words of ``text`` that say something: three letters or more, not a
    function word, modal or reporting verb (a negation counts)."""
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def compress(sentence: str) -> str:
    """``sentence`` without a trailing attribution, or a leading "According to …," or
    conjunction ("But", "And") that leans on the sentence before.

    Example:
        >>> compress("According to the mayor, nine people died in the fire on the quay.")
        'Nine people died in the fire on the quay.'
    """
    text = " ".join(sentence.split())
    if text[:1] in "\"“'‘":
        return text  # a quotation keeps its attribution
    for pattern in _TRAILING:
        m = pattern.search(text)
        if m and len(words(text[: m.start()])) >= SENTENCE_WORDS[0]:
            text = text[: m.start()] + m.group("end")
            break
    m = _LEADING.match(text)
    if m and len(words(text[m.end() :])) >= SENTENCE_WORDS[0]:
        rest = text[m.end() :]
        text = rest[:1].upper() + rest[1:]
    return text


def is_whole(text: str) -> bool:
    """Whether ``text`` reads as one whole sentence: it ends on an end mark (inside closing
    quotes or brackets, not after an abbreviation such as "Sgt." or an ellipsis), its
    quotation marks and brackets close within it, and no second sentence is glued on
    without a space ("involved.Struthers", as scraped pages have).

    Example:
        >>> [is_whole(t) for t in ("He left.", "Lt. Rice and Sgt.", "It rained (a lot.", "to")]
        [True, False, False, False]
    """
    bare = text.rstrip('"”’)] ')
    if bare[-1:] not in ".!?" or bare.endswith(("..", "…")) or _GLUED.search(text):
        return False
    last = (bare[:-1].split() or [""])[-1].lstrip("(\"“‘'").lower()
    if bare.endswith(".") and (last in TITLES or (len(last) == 1 and last.isalpha())):
        return False  # "… and Sgt." or "… by J.": cut before the name
    balanced = text.count("“") == text.count("”") and text.count('"') % 2 == 0
    return balanced and text.count("(") == text.count(")") and text.count("[") == text.count("]")


def informative(text: str) -> float:
    """Names and numbers per word, the mark of a sentence that carries facts."""
    found = words(text)
    marked = sum(1 for w in found[1:] if w[:1].isupper() or w[:1].isdigit())
    return round(marked / max(1, len(found)) * 10) / 10
