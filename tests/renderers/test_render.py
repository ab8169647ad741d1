"""render: picks a renderer by name, and every format marks a model-written summary."""

from __future__ import annotations

import json

import pytest

from briefings import HOSTILE, hostile_briefing
from newsweave.errors import UnknownComponentError
from newsweave.model import Span
from newsweave.renderers import render, renderer_names


def test_unknown_format_lists_the_available_ones() -> None:
    with pytest.raises(UnknownComponentError, match="available: html, json, md"):
        render(hostile_briefing(), "pdf")
    assert renderer_names() == ("html", "json", "md")


def test_a_model_written_summary_is_marked_and_its_unkept_sentences_escaped() -> None:
    from dataclasses import replace

    from newsweave.model import SummarySentence, UnsupportedSentence

    briefing = replace(
        hostile_briefing(),
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
