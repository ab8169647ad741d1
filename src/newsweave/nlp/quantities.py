"""Numbers as news text writes them: digits, number words and scales.

Example:
    >>> parse_number("about 1.3 million".split())
    1300000.0
    >>> parse_number(["eighteen"])
    18.0
"""

from __future__ import annotations

import re

WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "half": 0.5,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def parse_number(words: list[str]) -> float | None:
    """The number written in ``words`` ("two", "1,200", "4.2 billion", "60km"), else None."""
    value: float | None = None
    for w in words:
        w = w.strip(".,()").lower()
        if _NUMBER.fullmatch(w):
            value = float(w.replace(",", "")) * (value if value and value < 1 else 1)
        elif w in _SCALES and value is not None:
            value *= _SCALES[w]
        elif w in WORD_NUMBERS and (w not in {"a", "an"} or value is None):
            n = WORD_NUMBERS[w]
            value = float(n) if value is None else value + n
        else:
            m = _NUMBER.match(w)
            if m and value is None:  # "60km"
                value = float(m.group().replace(",", ""))
    return value
