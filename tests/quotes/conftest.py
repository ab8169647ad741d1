"""Fixtures for the quote rules: invented articles, annotated and their entities resolved."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from newsweave.model import Annotation, Article, Entity, Quote

if TYPE_CHECKING:
    from spacy.language import Language

Story = tuple[tuple[Annotation, ...], tuple[Entity, ...]]


@pytest.fixture(scope="session")
def story(nlp: Language) -> Callable[..., Story]:
    """``story(text, …)``: one article per text, cleaned and annotated, with its entities."""
    from newsweave.entities import resolve_entities
    from newsweave.nlp.annotate import annotate
    from newsweave.text.clean import clean_article

    def read(*texts: str) -> Story:
        articles = [
            clean_article(Article(f"t{i}", f"outlet{i}", None, text))
            for i, text in enumerate(texts)
        ]
        annotations = annotate(articles, nlp=nlp)
        return annotations, resolve_entities(annotations)

    return read


@pytest.fixture(scope="session")
def quote_of(story: Callable[..., Story]) -> Callable[..., Quote]:
    """``quote_of(start, text, …)``: the one quote of the texts whose words begin ``start``."""
    from newsweave.quotes.extract import extract_quotes

    def find(start: str, *texts: str) -> Quote:
        quotes = extract_quotes(*story(*texts))
        hits = [q for q in quotes if q.text.startswith(start)]
        assert len(hits) == 1, [(q.kind, q.text) for q in quotes]
        return hits[0]

    return find
