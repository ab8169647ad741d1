"""Calendar words: months, weekdays, seasons, parts of the day and of a stretch of time.

Example:
    >>> MONTHS.index("september") + 1, WEEKDAYS.index("tuesday")
    (9, 1)
"""

from __future__ import annotations

MONTHS = tuple(
    "january february march april may june july august september october november december".split()
)
# As abbreviated with or without a full stop: "Sept. 12", "12 Oct".
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
WEEKDAYS = tuple("monday tuesday wednesday thursday friday saturday sunday".split())
WEEKDAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
# "Sunday afternoon", "late on Tuesday night": the part of a day an expression may name.
DAY_PARTS = tuple(
    """
    morning afternoon evening night overnight noon midday midnight dawn daybreak dusk lunchtime
    nightfall
    """.split()
)
# Months each season spans (northern hemisphere, as news in English mostly means it).
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
# The share of a stretch that "early", "mid" or "the end of" points at.
PARTS = {
    "early": (0.0, 1 / 3),
    "mid": (1 / 3, 2 / 3),
    "middle of": (1 / 3, 2 / 3),
    "late": (2 / 3, 1.0),
    "end of": (2 / 3, 1.0),
    "the end of": (2 / 3, 1.0),
    "beginning of": (0.0, 1 / 3),
    "start of": (0.0, 1 / 3),
    "earlier": (0.0, 1.0),
    "later": (0.0, 1.0),
}
# "last week", "this year", "next month": how many units from the one of writing.
SHIFTS = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1, "following": 1}
# The words before a clock time that make it a time of day, not a video's running time:
# "voting closes at 10:45" against "Pictures of the comet lander 0:58".
TIME_PREPOSITIONS = frozenset("at by from to until till before after since around about".split())
# Time zones as datelines and timestamps abbreviate them: "10:45 GMT", "9 a.m. EDT".
TIME_ZONES = frozenset(
    "gmt utc bst cet cest est edt et pt pdt pst cst cdt mst mdt ist jst kst msk hkt sgt wib "
    "aest aedt bdst bjt".split()
)
