"""Small invented briefings for the renderer tests: one whose every article-derived text is
hostile markup (whatever format renders it must show that text, never run it), and one with
a figure later reports replaced."""

from __future__ import annotations

import datetime as dt

from newsweave.model import (
    Article,
    Briefing,
    Dating,
    Entity,
    Event,
    Fact,
    Quote,
    Rejected,
    Removed,
    Span,
    Speaker,
    Story,
    Variant,
    When,
)

HOSTILE = "<script>alert(1)</script> [click](javascript:alert(2)) | *bold* `code`"


def hostile_briefing() -> Briefing:
    sunday = When(dt.date(2023, 9, 10), dt.date(2023, 9, 10), "day")
    september = When(dt.date(2023, 9, 1), dt.date(2023, 9, 9), "month")
    article = Article(
        "a1",
        HOSTILE,
        HOSTILE,
        "x" * 40,
        removed=(Removed(Span("a1", 0, 5), "navigation"),),
        dating=Dating(september, True, HOSTILE, (Span("a1", 0, 3),)),
        published_inferred=True,  # as dates.story_dates sets it beside an inferred dating
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


def figure_briefing() -> Briefing:
    """Three outlets on one toll: A Wire's 233 (3 June) replaced by 288 (B and C, 4 June)."""
    a, b, c = (Article(x, f"{x.upper()} Wire", None, "x" * 200) for x in "abc")
    spans = tuple(Span(x, 0, 3) for x in "abc")
    variants = (
        Variant(
            "233",
            ("a",),
            "superseded",
            "number",
            "people:killed",
            spans[:1],
            False,
            dt.date(2023, 6, 3),
        ),
        Variant(
            "288",
            ("b", "c"),
            "conflict",
            "number",
            "people:killed",
            spans[1:],
            False,
            dt.date(2023, 6, 4),
        ),
    )
    fact = Fact("d1", "The toll rose to 288.", "consensus", spans, variants)
    return Briefing(Story("s", "Crash", ("a", "b", "c")), (a, b, c), facts=(fact,))
