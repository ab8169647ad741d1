"""story_dates: undated reports placed by the dated reports they agree with, and each
article's dating set on it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from newsweave.dates.expressions import parse_time
from newsweave.dates.mentions import find_time_mentions
from newsweave.dates.story_dates import date_articles, infer_datings
from newsweave.model import Alignment, Annotation, Article, Span, Statement, Tense, TimeMention
from newsweave.nlp.annotate import annotate
from newsweave.pipeline import brief_articles
from newsweave.settings import Settings
from newsweave.text.clean import clean_article

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.model import Briefing

TODAY = dt.date(2026, 12, 2)
SETTINGS = Settings(today="2026-12-02")


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


def test_date_articles_sets_each_dating_and_the_day_it_gives() -> None:
    lined = Article("a", "a", None, "Published 3 June 2025\n\nIt opened.")
    stamped = Article("b", "b", None, "It opened.", published=dt.date(2025, 6, 1))
    undated = Article("c", "c", None, "It opened.")
    annotations = [Annotation(a, (), ()) for a in (lined, stamped, undated)]
    out = date_articles(annotations, [[], [], []], today=TODAY)
    first, second, third = (a.article for a in out)
    assert first.dating is not None
    assert (first.published, first.published_inferred) == (dt.date(2025, 6, 3), True)
    assert second.dating is not None  # metadata: kept, and not inferred
    assert (second.published, second.published_inferred) == (dt.date(2025, 6, 1), False)
    # nothing of its own: the year of the story's reports at most, and no day
    assert third.dating is not None
    assert (third.dating.when.label, third.published) == ("2025", None)
    alone = date_articles(annotations[2:], [[]], today=TODAY)
    assert alone[0] is annotations[2]  # nothing to go on: the annotation as it came


# --- end to end: spaCy's annotation, then the brief's dating


def _brief(nlp: Language, texts: dict[str, str], **published: dt.date) -> Briefing:
    """The texts briefed as one story, each dated by ``published`` where given."""
    articles = [
        clean_article(Article(key, key, None, text, published=published.get(key)))
        for key, text in texts.items()
    ]
    return brief_articles(articles, SETTINGS, nlp=nlp)


def test_an_undated_report_is_placed_by_the_reports_it_agrees_with(nlp: Language) -> None:
    dated = (
        "Ferry fire kills nine off Tollan\n\nPORT ENNIS, June 3, 2025 (Coastline) - Nine "
        "people died when fire broke out aboard the ferry Corran Dawn off Tollan on Monday. "
        "The burnt-out ferry was towed to Port Ennis on Tuesday."
    )
    undated = (
        "Nine dead in Tollan ferry blaze\n\nNine people were killed when fire broke out on "
        "the ferry Corran Dawn off Tollan on Monday. The ferry was towed into Port Ennis on "
        "Tuesday morning."
    )
    preview = (
        "Ferry safety rules to be reviewed\n\nThe ferry Corran Dawn will be towed to Port "
        "Ennis on Tuesday, officials said on Sunday. Inspectors are expected to board her "
        "on Tuesday."
    )
    b = _brief(nlp, {"dated": dated, "undated": undated, "preview": preview})
    by = {a.id: a for a in b.articles}
    print({k: (a.dating.when.label, a.dating.reason) for k, a in by.items() if a.dating})
    assert by["dated"].published == dt.date(2025, 6, 3)
    assert by["undated"].published == dt.date(2025, 6, 3)
    assert by["undated"].published_inferred
    preview_dating = by["preview"].dating
    assert preview_dating is not None
    assert preview_dating.when.latest < dt.date(2025, 6, 3)


def test_no_day_is_invented_without_evidence(nlp: Language) -> None:
    text = "Dam opens\n\nThe dam opened on Monday, officials said. It cost $4m."
    (article,) = _brief(nlp, {"a": text}).articles
    assert article.dating is None
    assert article.published is None


def test_date_articles_keeps_undatable_annotations_as_they_are(nlp: Language) -> None:
    annotations = annotate([Article("a", "Wire", None, "Nothing dated here at all.")], nlp=nlp)
    out = date_articles(annotations, [find_time_mentions(annotations[0])], None)
    assert out == annotations


@pytest.mark.seeds
def test_seed_publication_dates(seed_briefing: Briefing) -> None:
    dates = {a.source[:3]: a.dating for a in seed_briefing.articles}
    for key, dating in sorted(dates.items()):
        print(key, dating.when.label if dating else None, dating.reason if dating else "")
    tuesday = dt.date(2023, 9, 12)
    for key in ("000", "001", "002", "004"):
        dating = dates[key]
        assert dating is not None
        assert dating.inferred
        assert dating.when.exact
        assert dating.when.earliest == tuesday
    early = dates["003"]
    assert early is not None
    assert early.inferred
    assert not early.when.exact  # no day is given that the text does not support
    assert early.when.latest < tuesday
