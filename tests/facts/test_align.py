"""align: cross-outlet facts, their ids and kinds (acceptance figures: evals/test_facts.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsweave.entities import resolve_entities
from newsweave.facts.align import align_facts, fact_id, make_fact
from newsweave.model import Article, Span
from newsweave.nlp.annotate import annotate

if TYPE_CHECKING:
    from spacy.language import Language


def _annotate(nlp: Language, texts: dict[str, str]):
    articles = [Article(k, f"Outlet {k}", None, t) for k, t in texts.items()]
    annotations = annotate(articles, nlp=nlp)
    return annotations, resolve_entities(annotations)


def test_each_article_counts_once_per_fact(nlp: Language) -> None:
    texts = {
        "a": "The Orran dam burst on Friday, flooding the valley town of Mesk. "
        "The dam burst after days of heavy rain, engineers said.",
        "b": "Floodwater poured into Mesk after the Orran dam burst on Friday.",
        "c": "The Orran dam gave way on Friday and the town of Mesk was flooded. "
        "A school in Mesk will serve as a shelter.",
    }
    annotations, entities = _annotate(nlp, texts)
    alignment = align_facts(annotations, entities)
    assert alignment.facts[0].kind == "consensus"
    for fact in alignment.facts:
        assert len(fact.article_ids) == len(set(fact.article_ids))
        for span in fact.support:
            assert 0 <= span.start < span.end <= len(texts[span.article_id])
    single = [f for f in alignment.facts if f.kind == "single"]
    assert any("shelter" in f.text for f in single)


def test_an_empty_story_aligns_to_nothing() -> None:
    alignment = align_facts([], [])
    assert alignment.facts == ()


def test_a_fact_lists_its_support_in_reading_order_and_is_named_by_it() -> None:
    order = {"a": 0, "b": 1, "c": 2}
    b, a1, a2 = Span("b", 0, 9), Span("a", 30, 40), Span("a", 0, 12)
    fact = make_fact("f", "The dam burst.", [b, a1, a2, b], order)
    assert fact.support == (a2, a1, b)  # by article, then by offset; each span once
    assert fact.kind == "shared"
    assert fact.id == fact_id("f", fact.support)
    # the same statements make the same id, whatever order they come in; a dispute's
    # id differs by its prefix only
    assert make_fact("f", "other text", [a1, b, a2], order).id == fact.id
    assert make_fact("d", "The dam burst.", [b, a1, a2], order).id == "d" + fact.id[1:]
    assert fact.id != make_fact("f", "The dam burst.", [b, a1], order).id
    assert make_fact("f", "x", [a1, b, Span("c", 0, 1)], order).kind == "consensus"
    assert make_fact("f", "x", [a1, a2], order).kind == "single"


def test_a_fact_keeps_only_statements_close_to_the_one_it_reads_as() -> None:
    import numpy as np

    from newsweave.facts.align import HEAD_THRESHOLD, _cohere, _Unit
    from newsweave.model import Statement

    def unit(article: int) -> _Unit:
        return _Unit(Statement(Span(str(article), 0, 5), 0), article, "text", ("x", "y"))

    units = [unit(0), unit(1), unit(2)]
    # 0 and 1 say one thing; 2 was chained in through a loose average link
    dense = np.array([[1.0, 0.0], [0.96, 0.28], [0.0, 1.0]])
    lexical = [{"a": 1.0}, {"a": 1.0}, {"b": 1.0}]
    kept = _cohere(units, [[0, 1, 2]], dense, lexical)
    assert HEAD_THRESHOLD > 0
    assert sorted(map(sorted, kept)) == [[0, 1], [2]]
