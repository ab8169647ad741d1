"""align: statements, cross-outlet facts, and the seed and own-story acceptance figures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factgold import FactScore, own_stories, score_facts
from newsweave.entities import resolve_entities
from newsweave.facts.align import align_facts, split_statements
from newsweave.model import Article
from newsweave.nlp.annotate import annotate

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.model import Briefing


def _annotate(nlp: Language, texts: dict[str, str]):
    articles = [Article(k, f"Outlet {k}", None, t) for k, t in texts.items()]
    annotations = annotate(articles, nlp=nlp)
    return annotations, resolve_entities(annotations)


def test_a_long_sentence_splits_into_its_clauses(nlp: Language) -> None:
    text = (
        "Ms Varga arrived on the night train at Calder Junction station on Monday morning, "
        "where she met the regional transport commissioner. Officials said the talks would "
        "last two days."
    )
    (annotation,), _ = _annotate(nlp, {"a": text})
    statements = split_statements(annotation)
    texts = [s.span.text(annotation.article) for s in statements]
    print(texts)
    assert texts[0].startswith("Ms Varga arrived")
    assert texts[0].endswith("Monday morning")
    assert texts[1] == "where she met the regional transport commissioner."
    assert [s.hedged for s in statements] == [False, False, True]


def test_statements_stay_inside_their_sentence_and_skip_headlines(nlp: Language) -> None:
    text = "Bridge falls in Port Calder\n\nThe bridge fell. Two people were hurt, police said."
    article = Article("a", "x", "Bridge falls in Port Calder", text)
    from newsweave.text.clean import clean_article

    (annotation,) = annotate([clean_article(article)], nlp=nlp)
    statements = split_statements(annotation)
    assert [s.span.text(annotation.article) for s in statements] == [
        "The bridge fell.",
        "Two people were hurt, police said.",
    ]


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


def _report(name: str, score: FactScore) -> None:
    print(f"\n{name}: multi-outlet facts right {score.matched}/{score.multi} = {score.share:.2f}")
    print(f"  pairing precision {score.precision:.2f}, recall {score.recall:.2f}")
    for fact_id, jaccard, gold, found in score.rows:
        print(f"  {jaccard:.2f} {fact_id:30} gold {gold} found {found}")


@pytest.mark.seeds
def test_seed_facts_against_gold(shared: Path, seed_briefing: Briefing) -> None:
    gold = json.loads((shared / "gold" / "facts.json").read_text())
    score = score_facts(seed_briefing, gold)
    _report("seeds", score)
    assert score.share >= 0.8
    by_doc = {a.id: Path(a.path or "").name[:3] for a in seed_briefing.articles}
    venue = [
        v
        for f in seed_briefing.facts
        for v in f.variants
        if v.detail == "place" and v.relation != "naming"
    ]
    values = {v.value: sorted(by_doc[a] for a in v.article_ids) for v in venue}
    print("  venue values:", values)
    assert any("Vostochny" in v for v in values)
    assert any("Vladivostok" in v for v in values)
    kozlov = [v for f in seed_briefing.facts for v in f.variants if v.about == "Alexander Kozlov"]
    print("  Kozlov:", [(v.value, v.relation) for v in kozlov])
    assert len(kozlov) == 2
    assert {v.relation for v in kozlov} == {"naming"}


@pytest.mark.parametrize(("name", "folder", "gold_path"), own_stories(), ids=lambda x: str(x))
def test_own_story_facts_against_gold(
    name: str, folder: Path, gold_path: Path, nlp: Language
) -> None:
    from newsweave.pipeline import brief

    gold = json.loads(gold_path.read_text())
    briefing = brief([str(folder)])
    score = score_facts(briefing, gold)
    _report(name, score)
    assert score.share >= 0.6
