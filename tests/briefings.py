"""A small invented briefing whose every article-derived text is hostile markup, for the
renderer tests: whatever format renders it must show that text, never run it."""

from __future__ import annotations

import datetime as dt

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
