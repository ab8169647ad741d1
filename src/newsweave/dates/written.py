"""Calendar dates as written in words: months, days, years, decades and their ranges.

The readers here turn "10-13 September", "Sept. 12, 2023", "mid-2019" or "the 1990s"
into a :class:`~newsweave.model.TimeForm`; :mod:`newsweave.dates.expressions` adds the
relative words.
Numeric dates ("12/09/2023") go through dateparser. :func:`find_full_dates` finds complete
dates (with their year) in a line of text, for datelines and editor's notes; it never reads
"may" or "march" as a date.

Example:
    >>> f = read_calendar("10-13 september")
    >>> (f.month, f.day, f.end)
    (9, 10, (None, 9, 13))
    >>> parse_full_date("12 September 2023")
    datetime.date(2023, 9, 12)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from newsweave.lexicon.calendar import (
    DAY_PARTS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    PARTS,
    SHIFTS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from newsweave.model import Precision, TimeForm
from newsweave.text.patterns import alternatives

_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
# "September", "Sept.", "sep": a month as written, with its full stop.
MONTH_PATTERN = rf"(?:{alternatives((*MONTHS, *MONTH_ABBREVIATIONS))})\b\.?"
WEEKDAY_PATTERN = rf"(?:{alternatives((*WEEKDAYS, *WEEKDAY_ABBREVIATIONS))})\b\.?"
# "on Sunday afternoon", "late at night": a part of the day after a date.
DAY_PART_PATTERN = rf"(?:early |late |in the |on )?(?:{alternatives(DAY_PARTS)})"


_LEAD_WORDS = re.compile(
    r"^(?:(?:on|in|at|by|from|since|until|till|til|through|throughout|thru|during|before|"
    r"after|as of|around|about|of|the|for|over|this past|within|into|to|up to|as late as|"
    r"as early as|beginning|starting|ending|some time|sometime|as recently as)\s+)+"
)


def normalise(text: str) -> str:
    t = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"[,;:!?()\"“”]", " ", t)
    t = " ".join(t.split()).strip(" .-'")
    prev = None
    while prev != t:
        prev = t
        t = _LEAD_WORDS.sub("", t).strip()
    return t


def part_and_rest(t: str) -> tuple[tuple[float, float] | None, str]:
    """ "early last year" → ((0, 1/3), "last year"); "mid-July" → ((1/3, 2/3), "july")."""
    m = re.match(
        r"^(the end of|end of|beginning of|start of|middle of|early|mid|late|earlier|later)"
        r"(?:-|\s+)(?:in\s+|on\s+|of\s+)?(.+)$",
        t,
    )
    if m:
        return PARTS[m.group(1)], normalise(m.group(2))
    return None, t


def weekday_index(word: str) -> int | None:
    w = word.strip(".")[:3]
    names = [d[:3] for d in WEEKDAYS]
    return names.index(w) if w in names else None


def read_decade(t: str) -> TimeForm | None:
    part, rest = part_and_rest(t)
    m = re.fullmatch(
        r"(?:the\s+)?(1[0-9]|20)(\d)0'?s(?:\s+and\s+(?:the\s+)?(1[0-9]|20)(\d)0'?s)?", rest
    )
    if m is None:
        m2 = re.fullmatch(r"(?:the\s+)?'?([2-9])0s", rest)
        if m2 is None:
            return None
        start = 1900 + int(m2.group(1)) * 10
        return TimeForm(
            "date", "calendar", year=start, end=(start + 9, None, None), part=part, precision="year"
        )
    start = int(m.group(1) + m.group(2) + "0")
    last = start + 9
    if m.group(3):
        last = int(m.group(3) + m.group(4) + "0") + 9
    return TimeForm(
        "date", "calendar", year=start, end=(last, None, None), part=part, precision="year"
    )


def read_year(t: str) -> TimeForm | None:
    part, rest = part_and_rest(t)
    rest = re.sub(r"^(?:fiscal|fy|the year|year|calendar year|the\s+)\s*", "", rest)
    m = re.fullmatch(
        r"((?:1[5-9]|20|21)\d\d)(?:\s*(?:-|/|to|and)\s*((?:1[5-9]|20|21)?\d\d))?", rest
    )
    if m is None:
        return None
    year = int(m.group(1))
    end = None
    if m.group(2):
        tail = m.group(2)
        last = int(tail) if len(tail) == 4 else int(str(year)[:2] + tail)
        if last <= year:
            return None
        end = (last, None, None)
    return TimeForm("date", "calendar", year=year, end=end, part=part, precision="year")


_DATE_PIECE = re.compile(
    rf"^(?:{WEEKDAY_PATTERN}\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({MONTH_PATTERN})|({MONTH_PATTERN})"
    rf"(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?)?)(?:\s+((?:1[5-9]|20|21)\d\d))?$"
)


def _month_number(word: str | None) -> int | None:
    if not word:
        return None
    w = word.strip(".")
    if w in MONTHS:
        return MONTHS.index(w) + 1
    return _MONTH_ABBR.get(w[:4] if w.startswith("sept") else w[:3]) if len(w) >= 3 else None


def _piece(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of "12 September 2023", "Sept. 12", "July", "Tuesday, Sept 12"."""
    m = _DATE_PIECE.match(text.strip())
    if m is None:
        return None
    day_s, mon_a, mon_b, day_b, year_s = m.groups()
    month = _month_number(mon_a or mon_b)
    if month is None:
        return None
    day = int(day_s or day_b) if (day_s or day_b) else None
    if day is not None and not 1 <= day <= 31:
        return None
    return (int(year_s) if year_s else None, month, day)


def read_calendar(t: str) -> TimeForm | None:
    m = re.fullmatch(r"(.+?)\s+(?:of\s+)?(this|last|next) year", t)
    if m is not None and not re.fullmatch(r"(?:early|mid|late|end of|the end of)", m.group(1)):
        form = read_calendar(m.group(1))
        if form is None or form.year is not None or form.shift is not None:
            return None
        return replace(form, year_shift=SHIFTS[m.group(2)])
    part, rest = part_and_rest(t)
    rest = re.sub(rf"^{WEEKDAY_PATTERN}\s+(?=\d|{MONTH_PATTERN})", "", rest)
    rest = re.sub(rf"\s+{DAY_PART_PATTERN}$", "", rest)
    # "last July", "next March"
    m = re.fullmatch(rf"(last|next|this)\s+({MONTH_PATTERN})", rest)
    if m:
        month = _month_number(m.group(2))
        if month is None:
            return None
        return TimeForm(
            "date", "calendar", month=month, shift=SHIFTS[m.group(1)], part=part, precision="month"
        )
    # Ranges: "10-13 September", "September 10-13", "30 August - 2 September 2023", "June to August"
    rm = re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|to|and)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+"
        rf"(?:of\s+)?({MONTH_PATTERN})(?:\s+((?:1[5-9]|20|21)\d\d))?",
        rest,
    )
    if rm is None:
        rm2 = re.fullmatch(
            rf"({MONTH_PATTERN})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|to|and)\s*"
            rf"(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+((?:1[5-9]|20|21)\d\d))?",
            rest,
        )
        if rm2 is not None:
            rm_groups: tuple[Any, ...] = (rm2.group(2), rm2.group(3), rm2.group(1), rm2.group(4))
        else:
            rm_groups = ()
    else:
        rm_groups = rm.groups()
    if rm_groups:
        d1, d2, mon, yr = rm_groups
        month = _month_number(mon)
        first, last = int(d1), int(d2)
        if month is None or not 1 <= first < last <= 31:
            return None
        year = int(yr) if yr else None
        return TimeForm(
            "date", "calendar", year=year, month=month, day=first, end=(year, month, last)
        )
    if re.search(r"\s(?:-|to|until|till|through|and)\s", rest) or re.search(r"[a-z.]-[a-z]", rest):
        halves = re.split(
            r"\s*(?:\s-\s|-|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*", rest, maxsplit=1
        )
        if len(halves) == 2:
            a, b = _piece(halves[0]), _piece(halves[1])
            if a is not None and b is not None:
                year_b = b[0]
                year_a = a[0] if a[0] is not None else year_b
                if year_a is not None and year_b is not None and (year_a, a[1]) > (year_b, b[1]):
                    return None
                precision: Precision = "day" if a[2] and b[2] else "month"
                return TimeForm(
                    "date",
                    "calendar",
                    year=year_a,
                    month=a[1],
                    day=a[2],
                    end=(year_b, b[1], b[2]),
                    part=part,
                    precision=precision,
                )
    piece = _piece(rest)
    if piece is not None:
        year, month, day = piece
        precision = "day" if day is not None else "month"
        return TimeForm(
            "date", "calendar", year=year, month=month, day=day, part=part, precision=precision
        )
    # Numeric dates ("12/09/2023") and dates in other languages ("12 septembre 2023",
    # "12. September 2023"): dateparser, which says which parts it found. Only with a year,
    # and never its relative-time parser, so a result does not depend on the day we run.
    if re.search(r"\d{4}", rest):
        return _dateparser_form(rest)
    return None


def _dateparser_form(text: str) -> TimeForm | None:
    parsed = _parse_with_dateparser(text)
    if parsed is None:
        return None
    day, period = parsed
    if period == "year":
        return TimeForm("date", "calendar", year=day.year, precision="year")
    if period == "month":
        return TimeForm("date", "calendar", year=day.year, month=day.month, precision="month")
    return TimeForm("date", "calendar", year=day.year, month=day.month, day=day.day)


@lru_cache(maxsize=4096)
def _parse_with_dateparser(text: str) -> tuple[dt.date, str] | None:
    parser = _date_data_parser()
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises many kinds on hostile text; no date is the answer
        return None
    if data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period or "day")


@lru_cache(maxsize=1)
def _date_data_parser() -> Any:
    from dateparser.date import DateDataParser

    # A fixed base so a result never depends on today; relative words are not sent here.
    return DateDataParser(
        languages=list(DATEPARSER_LANGUAGES),
        settings={
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),  # noqa: DTZ001 - calendar arithmetic only
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": False,
            "REQUIRE_PARTS": ["year"],
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        },
    )


# Languages whose written-out dates dateparser reads for us (it picks among them per text).
DATEPARSER_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl")

_FULL_DATE = re.compile(
    rf"\b(?:{WEEKDAY_PATTERN},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN},?\s+(?:1[6-9]|2[01])\d\d|"
    rf"{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:1[6-9]|2[01])\d\d|(?:1[6-9]|2[01])\d\d-\d\d-\d\d)\b",
    re.IGNORECASE,
)


def find_full_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Calendar dates written in full, with their year, as ``(start, end, date)`` in ``text``.

    Only complete dates count ("Sept 12, 2023", "12 September 2023", "2023-09-12"), so
    words like "may" or "march" never make a date.

    Example:
        >>> find_full_dates("NOTE: Further details were added to this report on Sept 12, 2023.")
        [(51, 64, datetime.date(2023, 9, 12))]
    """
    out = []
    for m in _FULL_DATE.finditer(text[:100_000]):
        day = parse_full_date(m.group())
        if day is not None:
            out.append((m.start(), m.end(), day))
    return out


def parse_full_date(text: str) -> dt.date | None:
    """A calendar date written in full with its year ("Sept 12, 2023", "2023-09-12"), else None.

    Example:
        >>> parse_full_date("Further details were added on Sept 12, 2023")
        >>> parse_full_date("Sept 12, 2023")
        datetime.date(2023, 9, 12)
    """
    form = read_calendar(normalise(text))
    if form is None:
        return None
    if form.form != "calendar" or form.end is not None or form.day is None or form.year is None:
        return None
    try:
        return dt.date(form.year, form.month or 1, form.day)
    except ValueError:
        return None
