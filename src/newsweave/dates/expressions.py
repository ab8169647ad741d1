"""Temporal expressions, as news text writes them, read into reference-free forms.

:func:`parse_time` reads an expression ("last Monday", "in July", "10-13 September",
"18 months", "early last year") into a :class:`~newsweave.model.TimeForm` that does not yet
depend on when it was written; :mod:`newsweave.dates.calendar` places a form on the
calendar. Calendar dates written out go through :mod:`newsweave.dates.written` (and
dateparser for numeric forms); the relative words that dateparser reads loosely (weekdays,
"last week", ranges, durations) are read here.

Example:
    >>> parse_time("last Monday").shift
    -1
    >>> parse_time("18 months of fighting").length
    'P18M'
    >>> parse_time("the opening month").kind
    'unresolved'
"""

from __future__ import annotations

import re

from newsweave.dates.written import (
    DAY_PART_PATTERN,
    WEEKDAY_PATTERN,
    normalise,
    part_and_rest,
    read_calendar,
    read_decade,
    read_year,
    weekday_index,
)
from newsweave.lexicon.calendar import SEASONS, SHIFTS
from newsweave.lexicon.numbers import ABOUT, AT_LEAST, AT_MOST, VAGUE_COUNTS
from newsweave.model import Precision, TimeForm
from newsweave.nlp.quantities import WORD_NUMBERS
from newsweave.text.patterns import alternatives

_UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y", "century": "Y"}

_UNIT_SCALE = {"decade": 10, "century": 100}


_DURATION_UNITS = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centurie)s?"

_NONE = TimeForm("unresolved", "none")


def parse_time(text: str) -> TimeForm:
    """Read a temporal expression (a spaCy DATE or TIME span, say) into a :class:`TimeForm`.

    Never raises: text that names no date reads as ``unresolved``.

    Example:
        >>> f = parse_time("10-13 September")
        >>> (f.form, f.month, f.day, f.end)
        ('calendar', 9, 10, (None, 9, 13))
        >>> parse_time("the opening month").kind
        'unresolved'
    """
    t = normalise(text)
    if not t or len(t) > 80:
        return _NONE
    for rule in _RULES:
        form = rule(t)
        if form is not None:
            return form
    return _NONE


def _rule_recurring(t: str) -> TimeForm | None:
    if re.fullmatch(
        r"(?:daily|weekly|monthly|yearly|annually|nightly|hourly|quarterly|"
        r"(?:each|every|per) (?:other )?(?:day|week|month|year|night|morning|evening|"
        r"weekend|hour|" + WEEKDAY_PATTERN + r")|an? (?:day|night|hour)|"
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s)",
        t,
    ):
        return TimeForm("recurring", "recurring")
    return None


def _rule_deictic(t: str) -> TimeForm | None:
    t = (
        re.sub(rf"\s+{DAY_PART_PATTERN}$", "", t)
        if not t.startswith(("last night", "this "))
        else t
    )
    table = {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "earlier today": 0,
        "later today": 0,
        "yesterday": -1,
        "last night": -1,
        "overnight": 0,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "day before yesterday": -2,
        "the day after tomorrow": 2,
        "day after tomorrow": 2,
    }
    if t in table:
        return TimeForm("date", "deictic", count=table[t])
    return None


def _rule_weekday(t: str) -> TimeForm | None:
    t = re.sub(rf"(?:\s+|-){DAY_PART_PATTERN}$", "", t)
    t = re.sub(rf"^(?:early|late)\s+(?:on\s+)?(?=({WEEKDAY_PATTERN})$)", "", t)
    m = re.fullmatch(
        rf"(?:(last|next|this|this coming|coming|past|previous)\s+)?({WEEKDAY_PATTERN})", t
    )
    if not m:
        return None
    day = weekday_index(m.group(2))
    if day is None:
        return None
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this coming": 1}.get(
        m.group(1) or "", 0 if m.group(1) == "this" else None
    )
    return TimeForm("date", "weekday", weekday=day, shift=shift)


def _rule_unit(t: str) -> TimeForm | None:
    part, rest = part_and_rest(t)
    m = re.fullmatch(
        r"(last|past|previous|this|next|coming|following|the)\s+"
        r"(week|month|year|weekend|decade|spring|summer|autumn|fall|winter)",
        rest,
    )
    if m is None:
        m2 = re.fullmatch(r"(?:the\s+)?(weekend|spring|summer|autumn|fall|winter)", rest)
        if m2 is None:
            if part is not None and rest in {"week", "month", "year"}:
                unit, shift = rest, 0  # "by the end of the year": this one
            else:
                return None
        else:
            unit, shift = m2.group(1), None
    else:
        unit = m.group(2)
        shift = None if m.group(1) == "the" else SHIFTS[m.group(1)]
        if m.group(1) == "the" and unit not in {"weekend"} | set(SEASONS):
            shift = 0  # "before the end of the year": this one
    if part is not None and t.startswith(("earlier", "later")):
        # "earlier this year": from the start of the year to now; "later this month": the rest.
        part = (0.0, -1.0) if t.startswith("earlier") else (-1.0, 1.0)
    units: dict[str, Precision] = {"week": "week", "weekend": "day", "decade": "year"}
    precision: Precision = units.get(unit, "month")
    if unit == "year":
        precision = "year"
    return TimeForm("date", "unit", unit=unit, shift=shift, part=part, precision=precision)


def _count(word: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in VAGUE_COUNTS:
        return VAGUE_COUNTS[word]
    return float(WORD_NUMBERS[word]) if word in WORD_NUMBERS else None


# "3", "a few", "several", "eighteen": how many units
_COUNT = rf"(\d+(?:\.\d+)?|{alternatives(VAGUE_COUNTS)}|[a-z]+)"


def _rule_ago(t: str) -> TimeForm | None:
    m = re.fullmatch(
        rf"{_COUNT}\s+(day|week|month|year|decade)s?\s+"
        r"(ago|earlier|later|before|after|from now|hence)",
        t,
    )
    if m is None:
        return None
    direction = m.group(3)
    n = _count(m.group(1))
    if n is None or n <= 0:
        return None
    unit = m.group(2)
    if direction in {"earlier", "later", "before", "after"}:
        return TimeForm("unresolved", "none")  # "two days later": later than what the text says
    sign = -1 if direction == "ago" else 1
    units: dict[str, Precision] = {"day": "day", "week": "week", "month": "month"}
    precision: Precision = units.get(unit, "year")
    return TimeForm("date", "ago", unit=unit, count=sign * n, precision=precision)


def _rule_recent(t: str) -> TimeForm | None:
    m = re.fullmatch(
        rf"(past|last|previous|coming|next|recent|following)\s+(?:{_COUNT}\s+)?"
        r"(day|week|month|year|decade)s",
        t,
    )
    if m is None:
        return None
    n = _count(m.group(2)) if m.group(2) else 3.0
    if n is None:
        return None
    if m.group(1) == "following":
        return TimeForm("unresolved", "none")
    sign = 1 if m.group(1) in {"coming", "next"} else -1
    unit = m.group(3)
    precision: Precision = "day" if unit == "day" else "week" if unit == "week" else "month"
    if unit in {"year", "decade"}:
        precision = "year"
    return TimeForm("date", "recent", unit=unit, count=sign * (n or 3.0), precision=precision)


# "about 18 months", "more than a week", "the past two years": the number's qualifier goes.
_DURATION_LEAD = re.compile(
    r"^(?:(?:"
    + alternatives((*AT_LEAST, *AT_MOST, *ABOUT, "almost", "just", "only", "barely"))
    + r"|the past|the last|the first)\s+)+"
)


def _rule_duration(t: str) -> TimeForm | None:
    t = _DURATION_LEAD.sub("", t)
    t = re.sub(r"\s+of\s+[a-z' -]+$", "", t)  # "18 months of fighting"
    m = re.fullmatch(
        rf"(?:{_COUNT}[\s-]+)?(?:and a half\s+)?({_DURATION_UNITS})"
        r"(?:[\s-]+(?:and a half|long|old))?",
        t,
    )
    if m is None:
        return None
    word, unit = m.group(1), m.group(2).rstrip("s")
    if unit == "centurie":
        unit = "century"
    if word is None:
        if not m.group(2).endswith("s"):
            return None  # "month" alone is no duration
        return TimeForm("duration", "duration", length=_iso_length(None, unit))
    n = _count(word)
    if n is None:
        return None
    if n == 0.0:  # "many years", "some months"
        return TimeForm("duration", "duration", length=_iso_length(None, unit))
    if "and a half" in t:
        n += 0.5
    if unit == "fortnight":
        unit, n = "week", n * 2
    return TimeForm("duration", "duration", length=_iso_length(n, unit))


def _iso_length(n: float | None, unit: str) -> str:
    if unit in {"second", "minute", "hour"}:
        code = {"second": "S", "minute": "M", "hour": "H"}[unit]
        return f"PT{'X' if n is None else f'{n:g}'}{code}"
    scale = _UNIT_SCALE.get(unit, 1)
    amount = "X" if n is None else f"{n * scale:g}"
    return f"P{amount}{_UNIT_CODE[unit]}"


_RULES = (
    _rule_recurring,
    _rule_deictic,
    _rule_weekday,
    _rule_ago,
    _rule_recent,
    _rule_unit,
    read_decade,
    read_year,
    read_calendar,
    _rule_duration,
)
