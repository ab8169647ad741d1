"""quantities: numbers written in digits, words and scales."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave.nlp.quantities import parse_number


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
