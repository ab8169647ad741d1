"""calendar: temporal expressions placed on the calendar against fixed days, and a story's
expressions against their articles' dates."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave.dates.calendar import (
    coarsest_when,
    resolve_between,
    resolve_mention,
    resolve_time,
    resolve_times,
)
from newsweave.dates.expressions import parse_time
from newsweave.dates.mentions import find_time_mentions
from newsweave.model import Annotation, Article, Dating, Span, Tense, TimeMention, When
from newsweave.nlp.annotate import annotate

if TYPE_CHECKING:
    from spacy.language import Language

TUE = dt.date(2023, 9, 12)  # Tuesday 12 September 2023, the day of the seed reports
MON = dt.date(2023, 9, 11)
NEW_YEAR = dt.date(2024, 1, 2)  # a Tuesday just after New Year
END_OF_YEAR = dt.date(2023, 12, 29)  # a Friday just before it
LEAP = dt.date(2024, 3, 1)  # a Friday, the day after 29 February

CASES: list[tuple[str, dt.date, Tense, str | None]] = [
    # weekdays, by tense; "last Monday" said on a Monday is a week earlier
    ("on Sunday", TUE, "past", "2023-09-10"),
    ("Tuesday morning", TUE, "past", "2023-09-12"),
    ("on Tuesday", TUE, "past", "2023-09-12"),
    ("on Wednesday", TUE, "future", "2023-09-13"),
    ("on Wednesday", TUE, "past", "2023-09-06"),
    ("Monday", MON, "past", "2023-09-11"),
    ("last Monday", MON, "past", "2023-09-04"),
    ("last Monday", TUE, "past", "2023-09-11"),
    ("next Monday", MON, "future", "2023-09-18"),
    ("this Friday", TUE, "future", "2023-09-15"),
    ("Friday", TUE, "present", "2023-09-15"),
    ("Saturday", TUE, "present", "2023-09-09"),
    ("late on Tuesday evening", TUE, "past", "2023-09-12"),
    ("early on Monday afternoon", TUE, "past", "2023-09-11"),
    ("on Sunday", NEW_YEAR, "past", "2023-12-31"),
    ("on Monday", END_OF_YEAR, "future", "2024-01-01"),
    # days around now
    ("yesterday", NEW_YEAR, "past", "2024-01-01"),
    ("tomorrow", END_OF_YEAR, "future", "2023-12-30"),
    ("tonight", TUE, "future", "2023-09-12"),
    ("last night", NEW_YEAR, "past", "2024-01-01"),
    # weeks, weekends, months, years
    ("last week", TUE, "past", "2023-09-04/2023-09-10"),
    ("next week", TUE, "future", "2023-09-18/2023-09-24"),
    ("last week", NEW_YEAR, "past", "2023-12-25/2023-12-31"),
    ("the weekend", TUE, "past", "2023-09-09/2023-09-10"),
    ("this weekend", TUE, "future", "2023-09-16/2023-09-17"),
    ("this month", TUE, "past", "2023-09"),
    ("last month", NEW_YEAR, "past", "2023-12"),
    ("next month", END_OF_YEAR, "future", "2024-01"),
    ("last year", NEW_YEAR, "past", "2023"),
    ("early last year", TUE, "past", "2022"),
    ("next year", END_OF_YEAR, "future", "2024"),
    ("by the end of the year", TUE, "future", "2023"),
    # months without a year: where the tense points
    ("in July", TUE, "past", "2023-07"),
    ("in July", TUE, "future", "2024-07"),
    ("in December", NEW_YEAR, "past", "2023-12"),
    ("in January", END_OF_YEAR, "future", "2024-01"),
    ("mid-September", TUE, "future", "2023-09"),
    ("last July", TUE, "past", "2023-07"),
    ("last September", TUE, "past", "2022-09"),
    ("this summer", TUE, "past", "2023-06/2023-08"),
    # days without a year: the year of writing, unless across New Year close by
    ("10-13 September", TUE, "future", "2023-09-10/2023-09-13"),
    ("12 September", TUE, "past", "2023-09-12"),
    ("1 September", dt.date(2025, 6, 11), "past", "2025-09-01"),
    ("28 December", NEW_YEAR, "past", "2023-12-28"),
    ("3 January", END_OF_YEAR, "future", "2024-01-03"),
    ("30 December - 2 January", END_OF_YEAR, "future", "2023-12-30/2024-01-02"),
    ("3-5 March this year", dt.date(2025, 10, 15), "past", "2025-03-03/2025-03-05"),
    ("29 February", LEAP, "past", "2024-02-29"),
    # written in full
    ("in 2019", TUE, "past", "2019"),
    ("Sept 12, 2023", TUE, "unknown", "2023-09-12"),
    ("May 03, 2013", TUE, "unknown", "2013-05-03"),
    ("the 1990s", TUE, "past", "1990/1999"),
    ("2019-20", TUE, "past", "2019/2020"),
    # ago, and stretches up to now
    ("seven years ago", TUE, "past", "2016"),
    ("two weeks ago", TUE, "past", "2023-08-28/2023-09-03"),
    ("three days ago", NEW_YEAR, "past", "2023-12-30"),
    ("the past 17 months", TUE, "past", "2022-04/2023-09"),
    # not dates
    ("18 months of fighting", TUE, "past", None),
    ("the opening month", TUE, "past", None),
    ("each week", TUE, "past", None),
    ("two days later", TUE, "past", None),
]


@pytest.mark.parametrize(("text", "ref", "tense", "label"), CASES, ids=lambda x: str(x))
def test_expressions_resolve_against_the_day_of_writing(
    text: str, ref: dt.date, tense: Tense, label: str | None
) -> None:
    when = resolve_time(parse_time(text), ref, tense)
    assert (when.label if when else None) == label


def test_parts_of_a_unit_narrow_its_bounds_but_keep_its_label() -> None:
    early = resolve_time(parse_time("early last year"), TUE, "past")
    assert early is not None
    assert (early.label, early.earliest, early.latest) == (
        "2022",
        dt.date(2022, 1, 1),
        dt.date(2022, 5, 1),
    )
    late = resolve_time(parse_time("late July"), TUE, "past")
    assert late is not None
    assert (late.label, late.earliest.day, late.latest.day) == ("2023-07", 21, 31)


def test_earlier_this_year_runs_up_to_the_day_of_writing() -> None:
    when = resolve_time(parse_time("earlier this year"), TUE, "past")
    assert when is not None
    assert (when.earliest, when.latest) == (dt.date(2023, 1, 1), TUE)


def test_a_relative_expression_needs_a_reference() -> None:
    assert resolve_time(parse_time("on Sunday"), None, "past") is None
    assert resolve_time(parse_time("in 2019"), None, "past") is not None


def test_an_uncertain_day_of_writing_coarsens_the_result() -> None:
    first, last = dt.date(2023, 9, 1), dt.date(2023, 9, 9)
    july = resolve_between(parse_time("in July"), first, last, "past")
    assert july is not None
    assert july.label == "2023-07"
    monday = resolve_between(parse_time("on Monday"), first, last, "past")
    assert monday is not None
    assert monday.precision == "year"
    assert monday.earliest <= dt.date(2023, 9, 4) <= monday.latest


def test_coarsest_when_picks_the_finest_unit_that_holds_a_stretch() -> None:
    assert coarsest_when(TUE, TUE).label == "2023-09-12"  # type: ignore[union-attr]
    week = coarsest_when(dt.date(2023, 9, 11), dt.date(2023, 9, 14))
    assert week is not None
    assert week.precision == "week"
    assert coarsest_when(dt.date(2023, 12, 30), dt.date(2024, 1, 2)) is None


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(["past", "future", "present", "unknown"]),
)
def test_a_bare_weekday_lands_within_a_week_on_that_weekday(
    ref: dt.date, weekday: int, tense: Tense
) -> None:
    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    when = resolve_time(parse_time(f"on {names[weekday]}"), ref, tense)
    assert when is not None
    assert when.exact
    assert when.earliest.weekday() == weekday
    assert abs((when.earliest - ref).days) <= 6
    if tense == "past":
        assert when.earliest <= ref
    if tense == "future":
        assert when.earliest >= ref


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=28),
    st.sampled_from(["past", "future", "present", "unknown"]),
)
def test_a_day_without_its_year_stays_within_a_year_of_writing(
    ref: dt.date, month: int, day: int, tense: Tense
) -> None:
    names = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    when = resolve_time(parse_time(f"{day} {names[month - 1]}"), ref, tense)
    assert when is not None
    assert (when.earliest.month, when.earliest.day) == (month, day)
    assert abs((when.earliest - ref).days) <= 366


def _mention(text: str, written: str, tense: Tense = "past") -> TimeMention:
    start = text.index(written)
    span = Span("a", start, start + len(written))
    return TimeMention(span, written, parse_time(written), tense, 0)


def test_a_mention_resolves_against_the_articles_dating() -> None:
    text = "Kim left on Sunday and met Putin in 2019 after 18 months of talks."
    sunday, year, months = (_mention(text, w) for w in ("Sunday", "2019", "18 months"))
    on_tuesday = Dating(When.on(TUE), True, "date line")
    assert resolve_mention(sunday, on_tuesday).when == When.on(dt.date(2023, 9, 10))
    # without a dating a relative date stays unplaced; a year needs none
    assert resolve_mention(sunday, None).when is None
    assert resolve_mention(year, None).when is not None
    assert resolve_mention(year, None).when.label == "2019"  # type: ignore[union-attr]
    # a duration is kept with its length and placed nowhere
    duration = resolve_mention(months, on_tuesday)
    assert (duration.kind, duration.when, duration.length) == ("duration", None, "P18M")


def test_a_dating_known_to_a_week_coarsens_a_weekday() -> None:
    text = "Kim left on Sunday."
    week = Dating(When(dt.date(2023, 9, 11), dt.date(2023, 9, 17), "week"), True, "story")
    when = resolve_mention(_mention(text, "Sunday"), week).when
    assert when is not None
    assert when.precision != "day"
    assert when.earliest <= dt.date(2023, 9, 10) <= when.latest


def test_resolve_times_takes_the_published_day_when_no_dating_is_given() -> None:
    text = "Kim left on Sunday."
    article = Article("a", "Wire", None, text, published=TUE)
    (time,) = resolve_times([Annotation(article, (), ())], [[_mention(text, "Sunday")]])
    assert time.when is not None
    assert time.when.label == "2023-09-10"
    assert text[time.span.start : time.span.end] == time.text == "Sunday"


def test_expressions_resolve_against_the_article_date(nlp: Language) -> None:
    text = "Kim left Pyongyang on Sunday. He could meet Putin on Wednesday. They met in 2019."
    article = Article("a", "Wire", None, text, published=dt.date(2023, 9, 12))
    (annotation,) = annotate([article], nlp=nlp)
    found = find_time_mentions(annotation)
    times = resolve_times([annotation], [found])
    labels = {t.text: t.when.label for t in times if t.when}
    assert labels == {"Sunday": "2023-09-10", "Wednesday": "2023-09-13", "2019": "2019"}
    for t in times:
        assert text[t.span.start : t.span.end] == t.text
