"""Numbers as news text writes them: digits, number words and scales.

Example:
    >>> parse_number("about 1.3 million".split())
    1300000.0
    >>> parse_number(["eighteen"]), parse_number(["Thirty-one"])
    (18.0, 31.0)
    >>> parse_clock("10:30 p.m."), parse_clock("22:25"), parse_clock("8.38am local time")
    (1350, 1345, 518)
"""

from __future__ import annotations

import re

from newsweave.lexicon.numbers import COUNT_WORDS, NUMBER_WORDS, SCALES

# Number words as counts: "two", "a dozen", "a hundred" ("a" counts as one before a scale).
WORD_NUMBERS: dict[str, float] = {**NUMBER_WORDS, "hundred": 100, **COUNT_WORDS}

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# "10:30 p.m.", "8.38am", "9 pm", "22:25", "14h30": hours, minutes, the half of the day
# ("1.25" alone is no time).
_CLOCK = re.compile(
    r"(?<![\d.:])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?"
    r"|(?<![\d.:])([01]?\d|2[0-3])[:h]([0-5]\d)(?![\d.:])",
    re.IGNORECASE,
)


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


def parse_clock(text: str) -> int | None:
    """The time of day ``text`` writes first, in minutes after midnight ("10:30 p.m." is
    1350, "22:25" is 1345), else None. "noon" and "midnight" are not read (they are as
    often loose as exact), nor "7:30" without a.m. or p.m. (morning or evening)."""
    found = _CLOCK.search(text)
    if found is None:
        return None
    if found.group(3):  # with a.m. or p.m.
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        hour = hour % 12 + (12 if found.group(3).lower() == "p" else 0)
        return hour * 60 + minute
    written = found.group(4)
    if int(written) <= 12 and not written.startswith("0"):
        return None  # "7:30" may be morning or evening; "07:30" and "19:30" are not
    return int(written) * 60 + int(found.group(5))
