"""renderers.json_read: briefing JSON read back, on real briefings and hostile data."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from briefings import hostile_briefing
from newsweave.errors import BriefingFormatError, InputError
from newsweave.model import Briefing
from newsweave.renderers.excerpts import without_article_text


def _comparable(b: Briefing) -> Briefing:
    """What the JSON carries: not the annotation's sentences, nor date expressions' sentence
    indices (internal to one run)."""
    from dataclasses import replace

    dates = tuple(replace(t, sentence=-1) for t in b.dates)
    return replace(b, sentences=(), dates=dates)


def test_a_real_briefing_round_trips(example_briefing: Briefing) -> None:
    data = example_briefing.to_dict()
    again = Briefing.from_dict(json.loads(json.dumps(data)))
    assert again == _comparable(example_briefing)
    assert again.to_dict() == data
    assert again.to_json() == example_briefing.to_json()


def test_a_hostile_briefing_round_trips() -> None:
    briefing = hostile_briefing()
    assert Briefing.from_dict(briefing.to_dict()) == _comparable(briefing)


def test_without_article_text_the_cited_passages_come_back(example_briefing: Briefing) -> None:
    data = example_briefing.to_dict(article_text=False)
    assert all(a["text"] is None for a in data["articles"])
    again = Briefing.from_dict(data)
    assert not any(a.full_text for a in again.articles)
    assert again.to_dict(article_text=False) == data
    # every cited passage reads as in the original, at the same offsets
    original = {a.id: a.text for a in example_briefing.articles}
    for fact in again.facts:
        for span in fact.support:
            text = {a.id: a.text for a in again.articles}[span.article_id]
            assert text[span.start : span.end] == original[span.article_id][span.start : span.end]
    # and what no item cites is gone
    shared = without_article_text(example_briefing)
    assert Briefing.from_dict(shared.to_dict()).to_dict() == shared.to_dict()


def _bad(data: dict[str, Any], message: str) -> None:
    with pytest.raises(BriefingFormatError, match=message) as caught:
        Briefing.from_dict(data)
    assert isinstance(caught.value, InputError)


def test_bad_data_names_the_first_bad_item(example_briefing: Briefing) -> None:
    good = example_briefing.to_dict()
    _bad({**good, "schema": "newsweave.briefing/1"}, r"schema: 'newsweave.briefing/1' is not")
    data = copy.deepcopy(good)
    data["facts"][1]["variants"] = "many"
    _bad(data, r"facts\[1\]\.variants: expected a list, got 'many'")
    data = copy.deepcopy(good)
    data["quotes"][0]["start"] = -3
    _bad(data, r"quotes\[0\]\.start: expected a whole number")
    data = copy.deepcopy(good)
    data["articles"][2]["published_day"] = "Tuesday"
    _bad(data, r"articles\[2\]\.published_day: expected a YYYY-MM-DD day")
    data = copy.deepcopy(good)
    data["entities"][0]["type"] = "ALIEN"
    _bad(data, r"entities\[0\]\.type: 'ALIEN' is not one of PERSON")
    with pytest.raises(BriefingFormatError, match="expected a JSON object, got list"):
        Briefing.from_dict([])  # type: ignore[arg-type]


def test_huge_offsets_in_hostile_data_do_not_allocate(example_briefing: Briefing) -> None:
    data = example_briefing.to_dict(article_text=False)
    data["facts"][0]["evidence"][0]["start"] = 10**15
    data["facts"][0]["evidence"][0]["end"] = 10**15 + 5
    again = Briefing.from_dict(data)  # the passage is not placed, nothing of that size is built
    assert max(len(a.text) for a in again.articles) < 100_000
