"""``lexical``: hashed word unigrams and bigrams; no model, the fallback of ``auto``.

Example:
    >>> fold_word("fires"), fold_word("fired"), fold_word("firing")
    ('fir', 'fir', 'fir')
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from newsweave.embed.base import Vectors, encode_distinct
from newsweave.lexicon.function_words import FUNCTION_WORDS
from newsweave.lexicon.reporting import REPORTING_FORMS

LEXICAL_DIM = 2**12

_WORD = re.compile(r"\w+(?:['’]\w+)*")
# Function words and reporting verbs: every article has them, so they say nothing shared.
_STOPWORDS = FUNCTION_WORDS | REPORTING_FORMS


def fold_word(word: str) -> str:
    """Crude suffix folding so "fires", "fired" and "firing" meet; not a real stemmer."""
    for possessive in ("'s", "’s"):
        word = word.removesuffix(possessive)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith(("ed", "es")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def _feature(term: str) -> tuple[int, float]:
    """Column and sign of ``term``; blake2b, so the same in every process (unlike hash())."""
    h = int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")
    return h % LEXICAL_DIM, (1.0 if (h >> 63) & 1 else -1.0)


def _terms(text: str) -> Counter[str]:
    words = [
        fold_word(w) for w in _WORD.findall(text.casefold()) if w not in _STOPWORDS and len(w) > 1
    ]
    return Counter([*words, *(f"{a} {b}" for a, b in pairwise(words))])


@dataclass(frozen=True, slots=True)
class Lexical:
    """Hashed bag of words and word pairs with sublinear counts; no model, no training."""

    name: str = "lexical"
    dim: int = LEXICAL_DIM

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Rows for ``texts``; see :class:`~newsweave.embed.Embedder`."""
        return encode_distinct(texts, self.dim, self._encode_batch)

    def _encode_batch(self, texts: list[str]) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term, count in _terms(text).items():
                column, sign = _feature(term)
                out[row, column] += sign * (1.0 + math.log(count))
        return out
