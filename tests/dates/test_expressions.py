"""temporal: temporal expressions read into reference-free forms; never an error."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.dates.expressions import parse_time

# text → (kind, form, extra check)
FORMS = [
    ("on Sunday", "date", "weekday"),
    ("Tuesday morning", "date", "weekday"),
    ("last week", "date", "unit"),
    ("in July", "date", "calendar"),
    ("in 2019", "date", "calendar"),
    ("early last year", "date", "unit"),
    ("10-13 September", "date", "calendar"),
    ("September 10-13, 2023", "date", "calendar"),
    ("the 1940s and 1950s", "date", "calendar"),
    ("yesterday", "date", "deictic"),
    ("three years ago", "date", "ago"),
    ("the coming days", "date", "recent"),
    ("recent weeks", "date", "recent"),
    ("18 months of fighting", "duration", "duration"),
    ("18-month", "duration", "duration"),
    ("more than three years", "duration", "duration"),
    ("decades", "duration", "duration"),
    ("about 90 minutes", "duration", "duration"),
    ("each week", "recurring", "recurring"),
    ("daily", "recurring", "recurring"),
    ("the opening month", "unresolved", "none"),
    ("its 18th month", "unresolved", "none"),
    ("two days later", "unresolved", "none"),
    ("19th-century", "unresolved", "none"),
]


@pytest.mark.parametrize(("text", "kind", "form"), FORMS, ids=lambda x: str(x))
def test_expressions_read_into_forms(text: str, kind: str, form: str) -> None:
    parsed = parse_time(text)
    assert (parsed.kind, parsed.form) == (kind, form)


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("18 months of fighting", "P18M"),
        ("four years", "P4Y"),
        ("a decade", "P10Y"),
        ("two-day", "P2D"),
        ("a fortnight", "P2W"),
        ("nine hours", "PT9H"),
        ("years", "PXY"),
    ],
)
def test_durations_carry_an_iso_length(text: str, length: str) -> None:
    assert parse_time(text).length == length


def test_month_words_are_not_read_inside_other_words() -> None:
    # "decades" is no December, "mayor" no May, "marching" no March
    assert parse_time("decades").form == "duration"
    assert parse_time("the mayor").kind == "unresolved"
    assert parse_time("marching").kind == "unresolved"


def test_relative_forms_say_they_need_the_day_of_writing() -> None:
    assert parse_time("on Monday").relative
    assert parse_time("10-13 September").relative
    assert parse_time("3-5 March this year").relative
    assert not parse_time("12 September 2023").relative
    assert not parse_time("in 2019").relative


def test_last_and_next_shift_a_weekday() -> None:
    assert parse_time("last Monday").shift == -1
    assert parse_time("next Monday").shift == 1
    assert parse_time("this Monday").shift == 0
    assert parse_time("Monday").shift is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_reads_without_error(text: str) -> None:
    parsed = parse_time(text)
    assert parsed.kind in {"date", "duration", "recurring", "unresolved"}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "on",
                "in",
                "last",
                "next",
                "the",
                "early",
                "mid",
                "late",
                "of",
                "12",
                "3-5",
                "2019",
                "1990s",
                "week",
                "month",
                "year",
                "Monday",
                "July",
                "September",
                "Sept.",
                "a",
                "two",
                "days",
                "ago",
                "-",
                ",",
                "and",
                "to",
            ]
        ),
        max_size=7,
    )
)
def test_near_valid_word_salad_reads_without_error(words: list[str]) -> None:
    parse_time(" ".join(words))
