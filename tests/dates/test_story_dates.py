"""publication: undated reports placed by the dated reports they agree with (no parser)."""

from __future__ import annotations

import datetime as dt

from newsweave.dates.expressions import parse_time
from newsweave.dates.story_dates import infer_datings
from newsweave.model import Alignment, Annotation, Article, Span, Statement, Tense, TimeMention

TODAY = dt.date(2026, 12, 2)


def _article(key: str, text: str, published: dt.date | None = None) -> Annotation:
    return Annotation(Article(key, key, None, text, published=published), (), ())


def _mention(key: str, text: str, written: str, tense: Tense) -> TimeMention:
    start = text.index(written)
    span = Span(key, start, start + len(written))
    return TimeMention(span, written, parse_time(written), tense, 0)


def _story(undated: str, mentions: list[tuple[str, Tense]], hedged: bool = False):
    dated = "The ferry caught fire on Monday and was towed to port on Tuesday."
    a = _article("dated", dated, dt.date(2025, 6, 3))  # a Tuesday
    b = _article("undated", undated)
    statements = (
        Statement(Span("dated", 0, len(dated)), 0),
        Statement(Span("undated", 0, len(undated)), 0, hedged),
    )
    alignment = Alignment((), statements, pairs=((0, 1, 0.8),))
    found = [
        [_mention("dated", dated, "Monday", "past"), _mention("dated", dated, "Tuesday", "past")],
        [_mention("undated", undated, w, t) for w, t in mentions],
    ]
    return infer_datings([a, b], found, alignment, TODAY)


def test_the_same_event_on_the_same_weekday_gives_the_same_day() -> None:
    _, dating = _story("Fire broke out on the ferry on Monday.", [("Monday", "past")])
    assert dating is not None
    assert dating.inferred
    # Monday 2 June from 2–8 June; the weekday it names as past puts it on Monday itself
    assert dating.when.label == "2025-06-02"


def test_a_report_of_what_happened_is_written_after_it() -> None:
    _, dating = _story("Fire broke out on the ferry and it burned for hours.", [])
    assert dating is not None
    assert dating.when.earliest >= dt.date(2025, 6, 2)
    assert not dating.when.exact  # nothing says which day after: no day is invented


def test_an_expectation_of_a_reported_event_is_written_before_it() -> None:
    _, dating = _story("The ferry could catch fire, inspectors warned.", [], hedged=True)
    assert dating is not None
    assert dating.when.latest < dt.date(2025, 6, 3)


def test_without_a_dated_report_nothing_is_inferred() -> None:
    a = _article("a", "The ferry caught fire on Monday.")
    b = _article("b", "Fire broke out on the ferry on Monday.")
    statements = (Statement(Span("a", 0, 10), 0), Statement(Span("b", 0, 10), 0))
    alignment = Alignment((), statements, pairs=((0, 1, 0.9),))
    assert infer_datings([a, b], [[], []], alignment, TODAY) == (None, None)
