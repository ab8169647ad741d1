"""Numbers as news text writes them: digits, number words and scales.

Example:
    >>> parse_number("about 1.3 million".split())
    1300000.0
    >>> parse_number(["eighteen"]), parse_number(["Thirty-one"])
    (18.0, 31.0)
"""

from __future__ import annotations

import re

from newsweave.lexicon.numbers import COUNT_WORDS, NUMBER_WORDS, SCALES

# Number words as counts: "two", "a dozen", "a hundred" ("a" counts as one before a scale).
WORD_NUMBERS: dict[str, float] = {**NUMBER_WORDS, "hundred": 100, **COUNT_WORDS}

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def parse_number(words: list[str]) -> float | None:
    """The number written in ``words`` ("two", "1,200", "4.2 billion", "60km"), else None."""
    value: float | None = None
    for w in words:
        w = w.strip(".,()").lower()
        if _NUMBER.fullmatch(w):
            value = float(w.replace(",", "")) * (value if value and value < 1 else 1)
        elif w in SCALES and value is not None:
            value *= SCALES[w]
        elif w in WORD_NUMBERS and (w not in {"a", "an"} or value is None):
            n = WORD_NUMBERS[w]
            value = float(n) if value is None else value + n
        elif "-" in w and all(p in NUMBER_WORDS for p in w.split("-")):  # "thirty-one"
            n = sum(NUMBER_WORDS[p] for p in w.split("-"))
            value = float(n) if value is None else value + n
        else:
            m = _NUMBER.match(w)
            if m and value is None:  # "60km"
                value = float(m.group().replace(",", ""))
    return value
