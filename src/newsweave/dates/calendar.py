"""Temporal forms placed on the calendar, against the day a text was written and its tense.

"on Wednesday" in "could meet on Wednesday" is the next Wednesday, in "met on Wednesday"
the last one; "last Monday" said on a Monday is a week before. When the day of writing is
only known to lie in a stretch (a month, say), :func:`resolve_between` gives what every
reading agrees on, at the precision that holds them all. :func:`resolve_times` places a
story's expressions, each against its own article's dating.

Example:
    >>> import datetime as dt
    >>> from newsweave.dates.expressions import parse_time
    >>> tuesday = dt.date(2023, 9, 12)
    >>> resolve_time(parse_time("on Sunday"), tuesday, "past").label
    '2023-09-10'
    >>> resolve_time(parse_time("Wednesday"), tuesday, "future").label
    '2023-09-13'
    >>> resolve_time(parse_time("last week"), tuesday).label
    '2023-09-04/2023-09-10'
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from newsweave.lexicon.calendar import SEASONS
from newsweave.model import (
    Annotation,
    Dating,
    Precision,
    Tense,
    TimeExpression,
    TimeForm,
    TimeMention,
    When,
)


def resolve_time(
    form: TimeForm, reference: dt.date | None, tense: Tense = "unknown"
) -> When | None:
    """Place ``form`` on the calendar, written on ``reference`` in a clause of ``tense``.

    Returns None for durations, recurring and unresolved forms, and for relative forms when
    the reference is unknown.

    Example:
        >>> import datetime as dt
        >>> from newsweave.dates.expressions import parse_time
        >>> monday = dt.date(2023, 9, 11)
        >>> resolve_time(parse_time("last Monday"), monday).label  # a week before, not today
        '2023-09-04'
        >>> resolve_time(parse_time("on Monday"), monday, "past").label
        '2023-09-11'
    """
    if form.kind != "date":
        return None
    if form.form == "calendar" and form.year is not None:
        return _calendar(form, form.year)
    if reference is None:
        return None
    try:
        return _RESOLVERS[form.form](form, reference, tense)
    except (ValueError, OverflowError):
        return None


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _apply_part(
    first: dt.date, last: dt.date, part: tuple[float, float] | None
) -> tuple[dt.date, dt.date]:
    if part is None or part[1] <= part[0] or part == (0.0, 1.0):
        return first, last
    days = (last - first).days + 1
    lo = first + dt.timedelta(days=int(days * part[0]))
    hi = first + dt.timedelta(days=max(int(days * part[1]) - 1, 0))
    return lo, max(lo, min(hi, last))


def _calendar(form: TimeForm, year: int) -> When | None:
    month, day = form.month, form.day
    if month is None:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif day is None:
        first, last = _month_bounds(year, month)
    else:
        first = last = dt.date(year, month, day)
    if form.end is not None:
        end_year = form.end[0] if form.end[0] is not None else year
        if form.end[1] is None:
            last = dt.date(end_year, 12, 31)
        elif form.end[2] is None:
            last = _month_bounds(end_year, form.end[1])[1]
        else:
            last = dt.date(end_year, form.end[1], form.end[2])
        if last < first:
            if form.end[0] is None:  # "30 December - 2 January": the range crosses a new year
                last = last.replace(year=last.year + 1)
            else:
                return None
    first, last = _apply_part(first, last, form.part)
    return When(first, last, form.precision)


CROSS_YEAR_DAYS = 120  # how far back or ahead a year-less date may reach into another year


def _resolve_calendar(form: TimeForm, ref: dt.date, tense: Tense) -> When | None:
    """A date without its year: a day in the year of writing, a month where the tense points."""
    if form.month is None:
        return None
    if form.year_shift is not None:
        return _calendar(form, ref.year + form.year_shift)
    if form.shift is not None and form.day is None:
        # "last July": the July before this one; "next March": the March after it.
        year = ref.year + form.shift
        if form.shift == -1 and form.month < ref.month:
            year = ref.year
        if form.shift == 1 and form.month > ref.month:
            year = ref.year
        return _calendar(form, year)
    if form.day is None:
        candidates = [
            w for y in (ref.year - 1, ref.year, ref.year + 1) if (w := _calendar(form, y))
        ]
        if tense == "past":
            past = [w for w in candidates if w.earliest <= ref]
            return max(past, key=lambda w: w.earliest) if past else None
        if tense == "future":
            future = [w for w in candidates if w.latest >= ref]
            return min(future, key=lambda w: w.earliest) if future else None
        # "in July", tense unknown: this year's July, or last year's if it is still to come
        this = next((w for w in candidates if w.earliest.year == ref.year), None)
        if this is not None and (tense == "present" or this.earliest <= ref):
            return this
        return next((w for w in candidates if w.earliest.year == ref.year - 1), None)
    # A day and month without a year is in the year of writing (news style gives the year
    # only for other years), unless the tense points across New Year to a day close by:
    # "on 28 December" written in January looking back, "on 3 January" in December ahead.
    this_year = _calendar(form, ref.year)
    if this_year is None:
        return None
    if tense == "past" and this_year.earliest > ref + dt.timedelta(days=1):
        before = _calendar(form, ref.year - 1)
        if before is not None and (ref - before.earliest).days <= CROSS_YEAR_DAYS:
            return before
    if tense == "future" and this_year.latest < ref - dt.timedelta(days=1):
        after = _calendar(form, ref.year + 1)
        if after is not None and (after.earliest - ref).days <= CROSS_YEAR_DAYS:
            return after
    if tense in {"unknown", "present"}:
        others = [w for y in (ref.year - 1, ref.year + 1) if (w := _calendar(form, y))]
        near = [w for w in others if abs((w.earliest - ref).days) <= CROSS_YEAR_DAYS]
        if near and abs((this_year.earliest - ref).days) > 183:
            return near[0]
    return this_year


def _resolve_weekday(form: TimeForm, ref: dt.date, tense: Tense) -> When | None:
    assert form.weekday is not None
    delta = (form.weekday - ref.weekday()) % 7  # days ahead to the next such day (0 = today)
    if form.shift == -1:  # "last Monday", said on a Monday: a week ago
        back = (ref.weekday() - form.weekday) % 7 or 7
        return When.on(ref - dt.timedelta(days=back))
    if form.shift == 1:
        return When.on(ref + dt.timedelta(days=delta or 7))
    if tense == "future":
        return When.on(ref + dt.timedelta(days=delta))
    if tense == "present" or (form.shift == 0 and tense == "unknown"):
        back = (7 - delta) % 7
        return When.on(
            ref + dt.timedelta(days=delta) if delta <= back else ref - dt.timedelta(days=back)
        )
    return When.on(ref - dt.timedelta(days=(7 - delta) % 7))


def _resolve_deictic(form: TimeForm, ref: dt.date, tense: Tense) -> When | None:
    return When.on(ref + dt.timedelta(days=int(form.count)))


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _resolve_unit(form: TimeForm, ref: dt.date, tense: Tense) -> When | None:
    unit = form.unit or ""
    if unit in SEASONS or unit == "weekend":
        found = _occurrence(_occurrences(unit, ref), ref, form.shift, tense)
        if found is None:
            return None
        first, last = found
    else:
        shift = 0 if form.shift is None else form.shift
        if unit == "week":
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
            first, last = monday, monday + dt.timedelta(days=6)
        elif unit == "month":
            year, month0 = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
            first, last = _month_bounds(year, month0 + 1)
        elif unit == "year":
            first, last = dt.date(ref.year + shift, 1, 1), dt.date(ref.year + shift, 12, 31)
        elif unit == "decade":
            start = (ref.year // 10 + shift) * 10
            first, last = dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
        else:
            return None
    part = form.part
    if part == (0.0, -1.0):  # "earlier this year": up to the day of writing
        last, part = min(last, ref), None
    elif part == (-1.0, 1.0):  # "later this month": from the day of writing
        first, part = max(first, ref), None
    if last < first:
        return None
    first, last = _apply_part(first, last, part)
    return When(first, last, form.precision)


def _occurrences(unit: str, ref: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Weekends (Saturday–Sunday) or seasons around ``ref``, in order."""
    if unit == "weekend":
        saturday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=5)
        return [
            (saturday + dt.timedelta(weeks=k), saturday + dt.timedelta(weeks=k, days=1))
            for k in (-2, -1, 0, 1, 2)
        ]
    a, b = SEASONS[unit]
    out = []
    for year in range(ref.year - 2, ref.year + 2):
        end_year = year + (1 if b < a else 0)
        out.append((dt.date(year, a, 1), _month_bounds(end_year, b)[1]))
    return out


def _occurrence(
    spans: list[tuple[dt.date, dt.date]], ref: dt.date, shift: int | None, tense: Tense
) -> tuple[dt.date, dt.date] | None:
    """Which weekend or season "last", "this", "next" or the bare word means."""
    if shift == -1:
        done = [s for s in spans if s[1] < ref]
        return done[-1] if done else None
    if shift == 1:
        ahead = [s for s in spans if s[0] > ref]
        return ahead[0] if ahead else None
    current = [s for s in spans if s[0] <= ref <= s[1]]
    if current:
        return current[0]
    if shift == 0:
        # "this weekend" on a weekday is the coming one; "this summer" is this year's
        if spans[0][1] - spans[0][0] < dt.timedelta(days=7):
            ahead = [s for s in spans if s[0] > ref]
            return ahead[0] if ahead else None
        same = [s for s in spans if s[0].year == ref.year]
        return same[0] if same else None
    if tense == "future":
        ahead = [s for s in spans if s[0] > ref]
        return ahead[0] if ahead else None
    started = [s for s in spans if s[0] <= ref]
    return started[-1] if started else None


def _resolve_ago(form: TimeForm, ref: dt.date, tense: Tense) -> When | None:
    n = form.count
    unit = form.unit
    if unit == "day":
        return When.on(ref + dt.timedelta(days=round(n)))
    if unit == "week":
        day = ref + dt.timedelta(days=round(7 * n))
        monday = day - dt.timedelta(days=day.weekday())
        return When(monday, monday + dt.timedelta(days=6), "week")
    months = round(n * (12 if unit == "year" else 120 if unit == "decade" else 1))
    day = _shift_months(ref, months)
    if unit == "month":
        first, last = _month_bounds(day.year, day.month)
        return When(first, last, "month")
    return When(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year")


def _resolve_recent(form: TimeForm, ref: dt.date, tense: Tense) -> When | None:
    n = form.count
    unit = form.unit or "day"
    days = {"day": 1, "week": 7}.get(unit)
    if days is not None:
        other = ref + dt.timedelta(days=round(n * days))
    else:
        other = _shift_months(
            ref, round(n * (12 if unit == "year" else 120 if unit == "decade" else 1))
        )
    first, last = (other, ref) if other < ref else (ref, other)
    return When(first, last, form.precision)


_RESOLVERS = {
    "calendar": _resolve_calendar,
    "weekday": _resolve_weekday,
    "deictic": _resolve_deictic,
    "unit": _resolve_unit,
    "ago": _resolve_ago,
    "recent": _resolve_recent,
}


def resolve_between(
    form: TimeForm, earliest: dt.date, latest: dt.date, tense: Tense = "unknown"
) -> When | None:
    """Resolve ``form`` when the text's date is only known to lie in ``earliest..latest``.

    The result covers every reading; its precision coarsens until one unit holds them all
    ("on Monday" written some day in 1–9 September is only known to be in 2023).

    Example:
        >>> import datetime as dt
        >>> from newsweave.dates.expressions import parse_time
        >>> f = parse_time("in July")
        >>> resolve_between(f, dt.date(2023, 9, 1), dt.date(2023, 9, 9), "past").label
        '2023-07'
    """
    if not form.relative or earliest == latest:
        return resolve_time(form, earliest, tense)
    readings = []
    day = earliest
    step = max(1, (latest - earliest).days // 60)
    while day <= latest:
        readings.append(resolve_time(form, day, tense))
        day += dt.timedelta(days=step)
    readings.append(resolve_time(form, latest, tense))
    if any(r is None for r in readings):
        return None
    whens = [r for r in readings if r is not None]
    first = min(w.earliest for w in whens)
    last = max(w.latest for w in whens)
    if all(w == whens[0] for w in whens):
        return whens[0]
    return coarsest_when(first, last, whens[0].precision)


# Precisions from the finest to the coarsest: a When's unit, and how coarsely a date is known.
PRECISIONS: tuple[Precision, ...] = ("day", "week", "month", "year")
COARSENESS: dict[Precision, int] = {p: k for k, p in enumerate(PRECISIONS)}


def coarsest_when(first: dt.date, last: dt.date, finest: Precision = "day") -> When | None:
    """The finest unit, no finer than ``finest``, that names ``first..last`` as one value.

    A stretch of up to a week inside one Monday–Sunday week is a week; inside one month a
    month; inside one year a year; anything longer is no single value (None).

    Example:
        >>> import datetime as dt
        >>> coarsest_when(dt.date(2023, 9, 1), dt.date(2023, 9, 9)).label
        '2023-09'
    """
    for precision in PRECISIONS[COARSENESS[finest] :]:
        if precision == "day" and first == last:
            return When(first, last, "day")
        if precision == "week" and first.isocalendar()[:2] == last.isocalendar()[:2]:
            return When(first, last, "week")
        if precision == "month" and (first.year, first.month) == (last.year, last.month):
            return When(first, last, "month")
        if precision == "year" and first.year == last.year:
            return When(first, last, "year")
    return None


def resolve_times(
    annotations: Sequence[Annotation], mentions: Sequence[Sequence[TimeMention]]
) -> tuple[TimeExpression, ...]:
    """Every temporal expression of the story, placed against its article's dating.

    Example:
        >>> from newsweave.dates.expressions import parse_time
        >>> from newsweave.model import Annotation, Article, Span
        >>> art = Article("a", "Wire", None, "Kim left on Sunday.", published=dt.date(2023, 9, 12))
        >>> sunday = TimeMention(Span("a", 12, 18), "Sunday", parse_time("Sunday"), "past", 0)
        >>> [t.when.label for t in resolve_times([Annotation(art, (), ())], [[sunday]])]
        ['2023-09-10']
    """
    out: list[TimeExpression] = []
    for annotation, found in zip(annotations, mentions, strict=True):
        dating = annotation.article.dating
        if dating is None and annotation.article.published is not None:
            day = annotation.article.published
            dating = Dating(When.on(day), annotation.article.published_inferred, "metadata")
        out.extend(resolve_mention(m, dating) for m in found)
    return tuple(out)


def resolve_mention(mention: TimeMention, dating: Dating | None) -> TimeExpression:
    """One mention as a :class:`TimeExpression`, resolved against ``dating`` when needed."""
    form = mention.form
    when = None
    if form.kind == "date":
        if not form.relative:
            when = resolve_time(form, None)
        elif dating is not None:
            when = resolve_between(form, dating.when.earliest, dating.when.latest, mention.tense)
    return TimeExpression(
        mention.span,
        mention.text,
        form.kind,
        when,
        form.relative,
        mention.tense,
        form.length,
        mention.sentence,
    )
