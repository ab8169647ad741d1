"""render: JSON contract and Markdown escaping of hostile article text."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsweave.errors import UnknownComponentError
from newsweave.model import (
    Article,
    Briefing,
    Dating,
    Entity,
    Event,
    Quote,
    Rejected,
    Removed,
    Span,
    Speaker,
    Story,
    When,
)
from newsweave.renderers import render, renderer_names

HOSTILE = "<script>alert(1)</script> [click](javascript:alert(2)) | *bold* `code`"


def _briefing() -> Briefing:
    sunday = When(dt.date(2023, 9, 10), dt.date(2023, 9, 10), "day")
    september = When(dt.date(2023, 9, 1), dt.date(2023, 9, 9), "month")
    article = Article(
        "a1",
        HOSTILE,
        HOSTILE,
        "x" * 40,
        removed=(Removed(Span("a1", 0, 5), "navigation"),),
        dating=Dating(september, True, HOSTILE, (Span("a1", 0, 3),)),
    )
    entity = Entity(
        "e1", HOSTILE, "PERSON", aliases=(HOSTILE,), roles=(HOSTILE,), mentions=(Span("a1", 0, 1),)
    )
    other = Article("a2", "Other Wire", "t", "x" * 40)
    quotes = (
        Quote("q1", Span("a1", 0, 5), HOSTILE, "direct", Speaker(HOSTILE, "e1"), group="g1"),
        Quote(
            "q2",
            Span("a2", 0, 5),
            "a different <b>wording</b>",
            "direct",
            Speaker(HOSTILE, "e1"),
            group="g1",
        ),
    )
    return Briefing(
        Story("s-1", HOSTILE, ("a1", "a2")),
        (article, other),
        entities=(entity,),
        quotes=quotes,
        rejected=(Rejected("bad.bin", HOSTILE),),
        timeline=(
            Event(sunday, HOSTILE, (Span("a1", 0, 4), Span("a2", 1, 5)), (Span("a1", 2, 4),)),
            Event(sunday, "could meet", (Span("a2", 0, 3),), expected=True),
        ),
    )


def test_markdown_escapes_everything_from_articles() -> None:
    md = render(_briefing(), "md")
    assert "<script>" not in md
    assert "[click](" not in md  # the bracket is escaped, so no link forms
    assert "\\<script\\>" in md
    for line in md.splitlines():
        if line.startswith("| ") and "Source" not in line and "---" not in line:
            assert line.count(" | ") == 3  # a '|' in a title must not add a column


def test_who_said_what_lists_outlets_and_wording() -> None:
    md = render(_briefing(), "md")
    section = md.split("## Who said what", 1)[1].split("\n## ", 1)[0]
    assert "Other Wire" in section
    assert "differs:" in section
    assert "<b>" not in section


def test_json_round_trips_text_unchanged() -> None:
    data = json.loads(render(_briefing(), "json"))
    assert data["story"]["title"] == HOSTILE
    assert data["articles"][0]["removed"] == [{"start": 0, "end": 5, "reason": "navigation"}]
    assert data["entities"][0]["mentions"] == 1
    assert data["rejected"] == [{"input": "bad.bin", "reason": HOSTILE}]


def test_markdown_timeline_lists_dates_outlets_and_expectations() -> None:
    md = render(_briefing(), "md")
    section = md.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert lines[0].startswith("- **Sun 2023-09-10** — \\<script\\>")
    assert "Other Wire" in lines[0]
    assert lines[1].startswith("- **Sun 2023-09-10** (expected) — could meet")
    assert "<script>" not in section
    assert "| 2023-09 (inferred: 2023-09-01 to 2023-09-09) |" in md


def test_json_carries_datings_and_timeline_rows() -> None:
    data = json.loads(render(_briefing(), "json"))
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


def test_unknown_format_lists_the_available_ones() -> None:
    with pytest.raises(UnknownComponentError, match="available: html, json, md"):
        render(_briefing(), "pdf")
    assert renderer_names() == ("html", "json", "md")


def test_a_model_written_summary_is_marked_and_its_unkept_sentences_escaped() -> None:
    from dataclasses import replace

    from newsweave.model import SummarySentence, UnsupportedSentence

    briefing = replace(
        _briefing(),
        summary=(
            SummarySentence("Written by the model.", ("a1",), (Span("a1", 0, 5),), "model"),
            SummarySentence("Taken from an outlet.", ("a2",), (Span("a2", 0, 5),)),
        ),
        summary_writer="llm:tiny",
        unsupported=(UnsupportedSentence(HOSTILE, ("a1",), "no citation"),),
    )
    md = render(briefing, "md")
    assert "*Written by the model.* [" in md
    assert " Taken from an outlet. [" in md  # the outlet's own sentence stays upright
    assert "### Model sentences not kept" in md
    assert "<script>" not in md
    page = render(briefing, "html")
    assert "<span class='sent model'>Written by the model." in page
    assert "Model sentences not kept" in page
    assert "<script>alert(1)" not in page
    data = json.loads(render(briefing, "json"))
    assert [s["origin"] for s in data["summary"]] == ["model", "outlet"]
    assert data["summary_writer"] == "llm:tiny"
    assert data["unsupported"] == [{"text": HOSTILE, "articles": ["a1"], "reason": "no citation"}]
