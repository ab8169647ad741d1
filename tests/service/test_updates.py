"""service.updates: new articles, facts, changed figures, quotes and disputes between two
briefings, on a real briefing split in two."""

from __future__ import annotations

from typing import Any

from newsweave.model import Briefing
from newsweave.service.updates import updates


def _fact(
    text: str, spans: list[tuple[str, int, int]], variants: list[dict[str, Any]]
) -> dict[str, Any]:
    evidence = [{"article": a, "start": s, "end": e, "text": ""} for a, s, e in spans]
    disputed = any(v["relation"] != "naming" for v in variants)
    return {
        "text": text,
        "evidence": evidence,
        "variants": variants,
        "disputed": disputed,
        "articles": sorted({a for a, _, _ in spans}),
    }


def _toll(value: str, article: str) -> dict[str, Any]:
    return {
        "value": value,
        "articles": [article],
        "relation": "conflict",
        "detail": "number",
        "about": "people:killed",
        "as_of": None,
    }


def test_a_changed_toll_a_new_quote_and_a_new_dispute() -> None:
    old = {
        "articles": [{"id": "a"}, {"id": "b"}],
        "facts": [_fact("Two died.", [("a", 0, 9), ("b", 0, 9)], [])],
        "quotes": [{"article": "a", "start": 20, "end": 40, "text": "old"}],
    }
    new = {
        "articles": [
            {"id": "a"},
            {"id": "b"},
            {"id": "c", "source": "Post", "title": "T", "url": None, "published": None},
        ],
        "facts": [
            _fact(
                "Two died.",
                [("a", 0, 9), ("b", 0, 9), ("c", 0, 9)],
                [_toll("two", "a"), _toll("four", "c")],
            ),
            _fact("An inquiry opens.", [("c", 50, 70)], []),
        ],
        "quotes": [
            {"article": "a", "start": 20, "end": 40, "text": "old"},
            {"article": "c", "start": 80, "end": 99, "text": "new"},
        ],
    }
    got = updates(old, new)
    assert [a["id"] for a in got["articles"]] == ["c"]
    assert [f["text"] for f in got["facts"]] == ["An inquiry opens."]
    assert [q["text"] for q in got["quotes"]] == ["new"]
    assert [f["text"] for f in got["disputes"]] == ["Two died."]
    assert got["figures"] == []  # no value was given for the toll before: nothing changed
    later = dict(
        new,
        facts=[
            _fact("Two died.", [("a", 0, 9), ("c", 0, 9)], [_toll("two", "a"), _toll("five", "c")])
        ],
    )
    (changed,) = updates(new, later)["figures"]
    assert changed["about"] == "people:killed"
    assert {v["value"] for v in changed["before"]} == {"two", "four"}
    assert {v["value"] for v in changed["now"]} == {"two", "five"}
    assert updates(new, later)["disputes"] == []  # the point was disputed already


def test_from_nothing_everything_is_new(example_briefing: Briefing) -> None:
    data = example_briefing.to_dict()
    got = updates(None, data)
    assert len(got["articles"]) == len(data["articles"])
    assert len(got["facts"]) == len(data["facts"])
    assert updates(data, data) == {
        "articles": [],
        "facts": [],
        "figures": [],
        "quotes": [],
        "disputes": [],
    }
