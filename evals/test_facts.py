"""Facts across outlets against hand-made gold: the seeds and our own stories.

A gold fact that several outlets state comes out right when one of our facts states it with
the gold's articles (Jaccard >= 0.75, see factgold.py); pairing precision and recall count
evidence pairs across articles.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factgold import FactScore, own_stories, score_facts
from floors import gate
from newsweave.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.model import Briefing

SETTINGS = Settings(today="2026-12-05")


def _report(name: str, score: FactScore) -> None:
    print(f"\n{name}: multi-outlet facts right {score.matched}/{score.multi}")
    for gold_id, jaccard, gold, found in score.rows:
        print(f"  {jaccard:.2f} {gold_id:30} gold {gold} found {found}")
    gate(f"facts.{name}.right", score.share)
    gate(f"facts.{name}.pairing_precision", score.precision)
    gate(f"facts.{name}.pairing_recall", score.recall)


@pytest.mark.seeds
def test_seed_facts_against_gold(shared: Path, seed_briefing: Briefing) -> None:
    gold = json.loads((shared / "gold" / "facts.json").read_text())
    _report("seeds", score_facts(seed_briefing, gold))
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
    _report(name, score_facts(brief([str(folder)], SETTINGS), gold))
