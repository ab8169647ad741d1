"""calendar_dates: calendar dates in words; full dates found in lines of text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.dates.written import find_full_dates, normalise, parse_full_date, read_calendar


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("12 september 2023", (2023, 9, 12, None)),
        ("sept. 12", (None, 9, 12, None)),
        ("july", (None, 7, None, None)),
        ("10-13 september", (None, 9, 10, (None, 9, 13))),
        ("september 10-13", (None, 9, 10, (None, 9, 13))),
        ("30 august - 2 september 2023", (2023, 8, 30, (2023, 9, 2))),
        ("june to august", (None, 6, None, (None, 8, None))),
        ("tuesday sept. 12", (None, 9, 12, None)),
    ],
)
def test_calendar_words_read_into_parts(text: str, parts: tuple[object, ...]) -> None:
    form = read_calendar(text)
    assert form is not None
    assert (form.year, form.month, form.day, form.end) == parts


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("NOTE: Further details were added to this report on Sept 12, 2023.", "Sept 12, 2023"),
        ("Published 12 September 2023, 10:45 BST", "12 September 2023"),
        ("Updated: Tuesday, September 12, 2023", "Tuesday, September 12, 2023"),
        ("Last modified on 2023-09-12", "2023-09-12"),
    ],
)
def test_full_dates_are_found_with_their_offsets(line: str, found: str) -> None:
    (start, end, day), *_ = find_full_dates(line)
    assert line[start:end] == found
    assert day == dt.date(2023, 9, 12)


@pytest.mark.parametrize(
    "text", ["12 septembre 2023", "12. September 2023", "12 de septiembre de 2023"]
)
def test_dates_written_in_other_languages_read_through_dateparser(text: str) -> None:
    form = read_calendar(normalise(text))
    assert form is not None
    assert (form.year, form.month, form.day) == (2023, 9, 12)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40).map(lambda t: f"{t} 2023"))
def test_text_with_a_year_reads_without_error(text: str) -> None:
    form = read_calendar(normalise(text))
    assert form is None or form.year is None or 1500 <= form.year <= 2199


def test_incomplete_dates_and_month_words_are_not_full_dates() -> None:
    assert find_full_dates("We may march on Sept 12 if the mayor agrees.") == []
    assert find_full_dates("In 2023 it rained.") == []
    assert parse_full_date("Sept 31, 2023") is None  # no such day


def test_normalise_drops_leading_prepositions_and_possessives() -> None:
    assert normalise("  on Tuesday’s ") == "tuesday"
    assert normalise("as of the end of July.") == "end of july"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_found_dates_lie_inside_the_text_and_parse_again(text: str) -> None:
    for start, end, day in find_full_dates(text):
        assert 0 <= start < end <= len(text)
        assert parse_full_date(text[start:end]) == day
