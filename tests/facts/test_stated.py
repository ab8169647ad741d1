"""stated: one detail as one statement gives it."""

from __future__ import annotations

import dataclasses

import pytest

from newsweave.facts.stated import StatedDetail
from newsweave.model import Span


def test_a_detail_is_a_value_that_keys_disputes() -> None:
    # Disputes number each detail by value: the same reading of the same span is one detail.
    a = StatedDetail("number", "people:killed", "78", "78", Span("a", 4, 6), 78, 78)
    again = StatedDetail("number", "people:killed", "78", "78", Span("a", 4, 6), 78, 78)
    elsewhere = dataclasses.replace(a, span=Span("b", 4, 6))
    assert {a: 0}[again] == 0
    assert len({a, again, elsewhere}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.key = "79"  # type: ignore[misc]
