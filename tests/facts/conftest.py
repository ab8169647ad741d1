"""Fixtures for the facts tests: one annotated line, and a story's facts with their disputes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from newsweave.model import Annotation, Article, Fact, Statement
from newsweave.nlp.parse import ParseIndex

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.facts.claims import Claim

Parsed = Callable[[str], tuple[Annotation, ParseIndex]]
Disputed = Callable[..., tuple[Fact, ...]]
Claimed = Callable[..., list["Claim"]]


@pytest.fixture(scope="session")
def parsed(nlp: Language) -> Parsed:
    """``parsed("One line of text.")``: its annotation (article id "a") and parse index."""
    from newsweave.nlp.annotate import annotate

    def run(text: str) -> tuple[Annotation, ParseIndex]:
        (annotation,) = annotate([Article("a", "Outlet A", None, text)], nlp=nlp)
        return annotation, ParseIndex(annotation)

    return run


@pytest.fixture(scope="session")
def disputed(nlp: Language) -> Disputed:
    """``disputed({"a": text, …}, {"a": "2025-03-01", …})``: the story's facts, disputes
    included, each key an article id and the optional dates its publication days."""
    from newsweave.entities import resolve_entities
    from newsweave.facts.align import align_facts
    from newsweave.facts.disputes import find_disputes
    from newsweave.nlp.annotate import annotate

    def run(texts: dict[str, str], dates: dict[str, str] | None = None) -> tuple[Fact, ...]:
        dates = dates or {}
        articles = [
            Article(
                key,
                f"Outlet {key.upper()}",
                None,
                text,
                published=dt.date.fromisoformat(dates[key]) if key in dates else None,
            )
            for key, text in texts.items()
        ]
        annotations = annotate(articles, nlp=nlp)
        entities = resolve_entities(annotations)
        return find_disputes(align_facts(annotations, entities), annotations, entities)

    return run


@pytest.fixture(scope="session")
def claimed(nlp: Language) -> Claimed:
    """``claimed("One line.", "2023-06-04")``: the number claims of an article published
    that day (the story's day), its dates placed on the calendar; with ``every=True``, all
    its claims (days, places, polarity, what is not known)."""
    from newsweave.dates.calendar import resolve_times
    from newsweave.dates.mentions import find_time_mentions
    from newsweave.facts.claims import read_claims
    from newsweave.nlp.annotate import annotate

    def run(text: str, published: str | None = None, every: bool = False) -> list[Claim]:
        day = dt.date.fromisoformat(published) if published else None
        (annotation,) = annotate([Article("a", "Outlet A", None, text, published=day)], nlp=nlp)
        statements = [
            Statement(s.span, i) for i, s in enumerate(annotation.sentences) if not s.is_title
        ]
        times = resolve_times([annotation], [find_time_mentions(annotation)])
        placed = {
            (t.span.article_id, t.span.start): t.when
            for t in times
            if t.when is not None and t.relative and t.kind == "date"
        }
        found = read_claims(
            annotation,
            statements,
            times,
            story_day=day.toordinal() if day else None,
            placed=placed,
        )
        return [c for cs in found.values() for c in cs if every or c.detail.detail == "number"]

    return run
