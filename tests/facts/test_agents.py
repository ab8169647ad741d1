"""agents: who a statement says did a thing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsweave.facts.agents import agents
from newsweave.facts.statements import split_statements

if TYPE_CHECKING:
    from conftest import Parsed


def _agents(parsed: Parsed, text: str) -> list[tuple[str, str]]:
    annotation, parse = parsed(text)
    out = []
    for statement in split_statements(annotation, parse):
        within = parse.tokens_in(statement.span)
        out += [(d.about, d.key) for d in agents(parse, within, statement.span, {})]
    return out


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Narendra Modi sought urgent mobilisation of rescue teams.",
            ("seek:mobilisation", "narendra modi"),
        ),
        # a coordinated verb shares its subject
        (
            "Narendra Modi spoke to Bhupendra Patel and sought urgent mobilisation of rescue "
            "teams on Sunday.",
            ("seek:mobilisation", "narendra modi"),
        ),
        # a relative clause's "who" stands for the name it hangs from
        (
            "Modi said he had spoken to Bhupendra Patel, who had sought urgent mobilisation "
            "of rescue teams.",
            ("seek:mobilisation", "bhupendra patel"),
        ),
        # a passive names its agent after "by"
        (
            "The mobilisation was ordered by Bhupendra Patel.",
            ("order:mobilisation", "bhupendra patel"),
        ),
    ],
    ids=["subject", "coordinated-verb", "relative-who", "passive-by"],
)
def test_the_person_who_did_a_thing(parsed: Parsed, text: str, found: tuple[str, str]) -> None:
    assert found in _agents(parsed, text)


@pytest.mark.parametrize(
    "text",
    [
        "He sought urgent mobilisation of rescue teams.",  # a pronoun names nobody
        "Mateo Sarrin and Hanne Ostrell signed ten agreements.",  # more than one did it
        "Narendra Modi said the teams were ready.",  # speaking is not the act reported
        "Narendra Modi did not seek help from the army.",  # not done
    ],
    ids=["pronoun", "coordinated-subjects", "reporting-verb", "negated"],
)
def test_no_one_is_named_for_the_act(parsed: Parsed, text: str) -> None:
    assert _agents(parsed, text) == []
