"""timeline: dated events across outlets, on invented stories, our own stories and the seeds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factgold import own_stories
from newsweave.model import Article
from newsweave.pipeline import brief, brief_articles
from newsweave.settings import Settings
from newsweave.text.clean import clean_article
from timegold import TimelineScore, score_published, score_timeline

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.model import Briefing

SETTINGS = Settings(today="2026-12-02")


def _story(nlp: Language, texts: dict[str, str], day: dt.date) -> Briefing:
    articles = [
        clean_article(Article(key, key, None, text, published=day)) for key, text in texts.items()
    ]
    return brief_articles(articles, SETTINGS, nlp=nlp)


def test_one_event_from_two_outlets_is_one_row(nlp: Language) -> None:
    day = dt.date(2025, 6, 11)  # a Wednesday
    b = _story(
        nlp,
        {
            "a": "Talks end\n\nThe two leaders met alone for four hours on Tuesday in Kessan. "
            "Farmers protested outside the hotel. The next round of talks will be held in "
            "October.",
            "b": "Leaders meet\n\nThe prime minister and the president met alone for nearly "
            "four hours on Tuesday, aides said. The crossing, shut in 2021, will reopen soon.",
        },
        day,
    )
    rows = {(e.when.label, tuple(sorted(e.article_ids)), e.expected) for e in b.timeline}
    print(rows)
    assert ("2025-06-10", ("a", "b"), False) in rows
    assert ("2025-10", ("a",), True) in rows  # still to come: an expectation
    assert ("2021", ("b",), False) in rows
    whens = [e.when.earliest for e in b.timeline]
    assert whens == sorted(whens)
    for event in b.timeline:
        assert event.support
        assert event.dates
        for span in (*event.support, *event.dates):
            article = next(a for a in b.articles if a.id == span.article_id)
            assert 0 <= span.start < span.end <= len(article.text)


def test_a_statement_with_two_dates_makes_two_rows(nlp: Language) -> None:
    b = _story(
        nlp,
        {"a": "Bridge falls\n\nThe bridge, which opened in 1971, was last inspected in 2019."},
        dt.date(2025, 10, 15),
    )
    texts = {e.when.label: e.text for e in b.timeline}
    print(texts)
    assert set(texts) == {"1971", "2019"}
    assert "inspected" in texts["2019"]
    assert "1971" not in texts["2019"]


def test_durations_and_repeated_times_date_nothing(nlp: Language) -> None:
    b = _story(
        nlp,
        {"a": "War\n\nAfter 18 months of war, the army fires thousands of shells each week."},
        dt.date(2023, 9, 12),
    )
    assert b.timeline == ()
    kinds = {t.text: t.kind for t in b.dates}
    assert kinds == {"18 months": "duration", "each week": "recurring"}


def _report(name: str, score: TimelineScore) -> None:
    print(f"{name}: timeline rows found {score.found}/{score.total}, merged {score.merged}")
    for when, what, ok, got, text in score.rows:
        print(f"  {'ok' if ok else '--'} {when} {what[:50]} {got} {text[:60]}")


@pytest.mark.seeds
def test_seed_timeline_holds_the_gold_rows(shared: Path, seed_briefing: Briefing) -> None:
    gold = json.loads((shared / "gold" / "facts.json").read_text())
    score = score_timeline(seed_briefing, gold)
    _report("seeds", score)
    assert score.found == score.total
    expected = [e for e in seed_briefing.timeline if e.when.label == "2023-09-13" and e.expected]
    assert expected, "the Wednesday summit is reported as an expectation"


# Floors pinned from the figures in docs/dates.md; raised when we improve, never lowered.
FLOORS = {"harbour-bridge": (9, 5), "ferry-fire": (11, 5), "trade-summit": (8, 3)}


@pytest.mark.parametrize(("name", "folder", "gold_path"), own_stories(), ids=lambda x: str(x))
def test_own_story_timelines_and_dates(
    name: str, folder: Path, gold_path: Path, nlp: Language
) -> None:
    gold = json.loads(gold_path.read_text())
    briefing = brief([str(folder)], SETTINGS)
    score = score_timeline(briefing, gold)
    _report(name, score)
    exact, holds, total = score_published(briefing, gold)
    print(f"  publication dates: {exact}/{total} exact, {holds}/{total} within the given range")
    rows, days = FLOORS[name]
    assert score.found >= rows
    assert exact >= days
    assert holds >= exact
