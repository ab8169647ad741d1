"""Regular-expression pieces built from the lexicon's word lists.

Example:
    >>> alternatives(["sep", "sept", "september"])
    'september|sept|sep'
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first ("sept" before "sep"), so a
    pattern built from a word list matches the same whatever order the list is in."""
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(set(words), key=_longest))


def _longest(word: str) -> tuple[int, str]:
    return -len(word), word
