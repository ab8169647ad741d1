"""The JSON renderer: the newsweave.briefing/2 contract, text carried unchanged, evidence
given as offsets with the text they cover."""

from __future__ import annotations

import json

from briefings import HOSTILE, hostile_briefing
from newsweave.model import Article, Briefing, Fact, Quote, Span, Speaker, Story, Variant
from newsweave.renderers import render
from newsweave.renderers.json import SCHEMA, briefing_dict, render_json


def test_json_round_trips_text_unchanged() -> None:
    data = json.loads(render(hostile_briefing(), "json"))
    assert data["story"]["title"] == HOSTILE
    assert data["articles"][0]["removed"] == [{"start": 0, "end": 5, "reason": "navigation"}]
    assert [m["article"] for m in data["entities"][0]["mentions"]] == ["a1"]
    assert data["rejected"] == [{"input": "bad.bin", "reason": HOSTILE}]


def test_json_carries_datings_and_timeline_rows() -> None:
    data = json.loads(render(hostile_briefing(), "json"))
    first = data["articles"][0]
    assert (first["published"], first["published_inferred"]) == ("2023-09", True)
    assert first["dating"]["earliest"] == "2023-09-01"
    assert first["dating"]["evidence"] == [{"article": "a1", "start": 0, "end": 3, "text": "xxx"}]
    assert data["articles"][1]["published"] is None
    row = data["timeline"][0]
    assert (row["when"], row["precision"], row["text"], row["expected"]) == (
        "2023-09-10",
        "day",
        HOSTILE,
        False,
    )
    assert row["articles"] == ["a1", "a2"]
    assert row["dates"] == [{"article": "a1", "start": 2, "end": 4, "text": "xx"}]


TEXT = "Nine people died, police said. The toll rose to 10."


def _disputed() -> Briefing:
    a = Article("a", "Wire", "Fire", TEXT)
    b = Article("b", "Post", "Blaze", "Ten died in the blaze.")
    nine, ten = Span("a", 0, 4), Span("b", 0, 3)
    fact = Fact(
        "f1",
        "people died",
        "shared",
        (Span("a", 0, 16), Span("b", 0, 8)),
        variants=(
            Variant("nine", ("a",), evidence=(nine,)),
            Variant("ten", ("b",), evidence=(ten,)),
        ),
    )
    quote = Quote(
        "q1",
        Span("a", 0, 16),
        "Nine people died",
        "indirect",
        Speaker("police"),
        cue=Span("a", 25, 29),
        speaker_span=Span("a", 18, 24),
    )
    return Briefing(Story("s-2", "Fire", ("a", "b")), (a, b), quotes=(quote,), facts=(fact,))


def test_a_fact_lists_its_evidence_and_each_variants_evidence() -> None:
    (fact,) = briefing_dict(_disputed())["facts"]
    assert (fact["kind"], fact["disputed"], fact["articles"]) == ("shared", True, ["a", "b"])
    assert [e["text"] for e in fact["evidence"]] == ["Nine people died", "Ten died"]
    assert [(v["value"], v["relation"], v["detail"]) for v in fact["variants"]] == [
        ("nine", "conflict", "number"),
        ("ten", "conflict", "number"),
    ]
    ten = {"article": "b", "start": 0, "end": 3, "text": "Ten"}
    assert fact["variants"][1]["evidence"] == [ten]


def test_a_quote_gives_offsets_for_its_words_cue_and_speaker() -> None:
    (quote,) = briefing_dict(_disputed())["quotes"]
    assert quote["speaker"] == {"name": "police", "entity": None}
    assert (quote["article"], quote["start"], quote["end"]) == ("a", 0, 16)
    assert quote["cue"] == {"start": 25, "end": 29}
    assert quote["speaker_span"] == {"start": 18, "end": 24}
    assert TEXT[25:29] == "said"


def test_the_text_is_indented_utf8_with_the_schema_first() -> None:
    briefing = Briefing(Story("s", "Café reopens", ("a",)), (Article("a", "Wire", None, "x"),))
    text = render_json(briefing)
    assert text.endswith("}\n")
    assert "Café reopens" in text  # not ASCII-escaped
    assert text.splitlines()[1] == f'  "schema": "{SCHEMA}",'
    assert json.loads(text)["articles"][0]["title_span"] is None


def test_articles_carry_their_text_unless_left_out() -> None:
    briefing = _disputed()
    whole = briefing_dict(briefing)
    assert [a["text"] for a in whole["articles"]] == [TEXT, "Ten died in the blaze."]
    assert whole["story"]["articles"] == ["a", "b"]
    shared = briefing_dict(briefing, article_text=False)
    assert [a["text"] for a in shared["articles"]] == [None, None]
    # the passages cited keep their words
    assert [e["text"] for e in shared["facts"][0]["evidence"]] == ["Nine people died", "Ten died"]


def _schema(name: str) -> dict[str, object]:
    from importlib.resources import files

    loaded: dict[str, object] = json.loads(
        files("newsweave").joinpath("schemas", name).read_text(encoding="utf-8")
    )
    return loaded


def test_output_follows_its_json_schema(example_briefing: Briefing) -> None:
    import jsonschema

    from newsweave.renderers.excerpts import without_article_text

    schema = _schema("briefing.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for briefing in (example_briefing, hostile_briefing(), _disputed()):
        validator.validate(json.loads(render_json(briefing)))
        validator.validate(briefing_dict(without_article_text(briefing)))
    # the schema is strict: a key it does not know, or a wrong type, fails
    data = briefing_dict(_disputed())
    data["facts"][0]["confidence"] = 0.9
    assert not validator.is_valid(data)
    data = briefing_dict(_disputed())
    data["articles"][0]["published_day"] = "Tuesday"
    assert not validator.is_valid(data)
