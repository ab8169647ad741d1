"""decision: one fitted join model per embedder, and the fallback for the others."""

from __future__ import annotations

import dataclasses

import pytest

from newsweave.embed import embedder_names
from newsweave.grouping.decision import DECISIONS, Decision, decision_for
from newsweave.grouping.pairs import LINK_FLOOR


def test_the_decision_falls_back_to_minilm_weights_for_an_unknown_embedder(caplog) -> None:
    assert decision_for("sentence-transformers:x") == decision_for("minilm-onnx")
    assert "no story decision" in caplog.text


def test_a_fitted_decision_is_found_without_a_warning(caplog) -> None:
    assert decision_for("lexical").embedder == "lexical"
    assert caplog.text == ""


@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_each_decision_is_filed_under_a_registered_embedder(name: str) -> None:
    assert DECISIONS[name].embedder == name
    assert name in embedder_names()


@pytest.mark.parametrize("decision", list(DECISIONS.values()), ids=lambda d: d.embedder)
def test_each_threshold_lies_between_the_link_floor_and_certainty(decision: Decision) -> None:
    # Pairs under the floor are dropped before linkage: a threshold there would be empty.
    assert LINK_FLOOR < decision.threshold < 1
    assert -1 <= decision.candidate < 1
    assert decision.per_day > 0
    assert decision.window >= 1


def test_a_decision_cannot_be_changed_in_place() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DECISIONS["lexical"].threshold = 0.9  # type: ignore[misc]
