"""quantities: numbers written in digits, words and scales."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave.nlp.quantities import parse_clock, parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("four", 4),
        ("11", 11),
        ("1,200", 1200),
        ("two hundred", 200),
        ("60km", 60),
        ("a", 1),
        ("4.2 billion", 4.2e9),
        ("Eighteen", 18),
    ],
)
def test_numbers_parse_from_digits_and_words(words: str, value: float) -> None:
    assert parse_number(words.split()) == value


def test_words_that_name_no_number_give_none() -> None:
    assert parse_number(["several", "officials"]) is None


@given(st.lists(st.text(max_size=12), max_size=6))
def test_any_words_parse_without_error(words: list[str]) -> None:
    value = parse_number(words)
    assert value is None or isinstance(value, float)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("10:30 p.m.", 22 * 60 + 30),
        ("22:25 local time", 22 * 60 + 25),
        ("8.38am", 8 * 60 + 38),
        ("9 pm", 21 * 60),
        ("12:15 a.m.", 15),
        ("14h30", 14 * 60 + 30),
        ("1.25 metres", None),  # a decimal, not a time
        ("at 9", None),  # no half of the day, no minutes
        ("7:30 on Friday evening", None),  # morning or evening
        ("06:38", 6 * 60 + 38),
        ("13 p.m.", None),
    ],
)
def test_times_of_day_parse_to_minutes_after_midnight(text: str, minutes: int | None) -> None:
    assert parse_clock(text) == minutes
