"""Numbers in words, units of measure, and the words that qualify a number.

Example:
    >>> NUMBER_WORDS["twelve"], SCALES["million"], UNITS["km"]
    (12, 1000000, ('distance', 1000))
"""

from __future__ import annotations

NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        """
        zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen eighteen nineteen twenty
        """.split()
    )
} | {
    word: 10 * k
    for k, word in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)
}
# Words that multiply the number before them: "4.2 billion", "two hundred".
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Words that count loosely: "a dozen", "half a million", "a hundred".
COUNT_WORDS = {"a": 1, "an": 1, "dozen": 12, "half": 0.5}
# Vague counts, with the number they are read as: "a few days", "several weeks" (0: unknown).
VAGUE_COUNTS = {
    "a few": 3.0,
    "few": 3.0,
    "several": 3.0,
    "many": 0.0,
    "some": 0.0,
    "a couple of": 2.0,
}
# Units folded to one base so "two weeks" and "a month" compare (in days, in metres).
UNITS: dict[str, tuple[str, float]] = {
    "second": ("duration", 1 / 86_400),
    "minute": ("duration", 1 / 1_440),
    "hour": ("duration", 1 / 24),
    "day": ("duration", 1),
    "week": ("duration", 7),
    "fortnight": ("duration", 14),
    "month": ("duration", 30),
    "year": ("duration", 365),
    "km": ("distance", 1_000),
    "kilometre": ("distance", 1_000),
    "kilometer": ("distance", 1_000),
    "mile": ("distance", 1_609),
    "m": ("distance", 1),
    "metre": ("distance", 1),
    "meter": ("distance", 1),
    "foot": ("distance", 0.3048),
    "feet": ("distance", 0.3048),
}
# Words a length hangs from, all saying how long a thing is: "233 metres long", "a length
# of 230 metres", and as a verb "spanned 233 metres" ("a 210-metre span" is a part of it).
LENGTH_WORDS = frozenset("long length".split())
LENGTH_VERBS = frozenset("span".split())
# Words that make a time of day loose ("shortly before 9 a.m.", "by 10 p.m."), besides
# those of ABOUT; such a time allows CLOCK_SLACK minutes either side.
CLOCK_HEDGES = ("before", "after", "shortly", "just", "by", "past", "until", "late", "early")
CLOCK_SLACK = 30
# What a qualifier allows of the number after it: "at least 12" is 12 or more.
AT_LEAST = ("at least", "more than", "over", "upwards of", "in excess of")
AT_MOST = ("at most", "up to", "fewer than", "less than", "under", "no more than")
ABOUT = ("about", "around", "some", "roughly", "approximately", "an estimated", "nearly")
