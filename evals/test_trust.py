"""Claims a reader can trust, on real coverage (``bench/data/trust``): no false consensus,
disagreements found, no invented disputes, consensus found, citations that hold.

The same scoring as ``bench/trust.py`` (see trustgold.py), on the briefing JSON a user gets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsweave
from floors import gate
from newsweave.settings import Settings
from trustgold import Score, load_all, score

DATA = Path(__file__).resolve().parents[1] / "bench" / "data" / "trust"


@pytest.fixture(scope="module")
def total() -> Score:
    result = Score()
    for story in load_all(DATA):
        briefing = newsweave.brief(
            [str(story.path / "articles.jsonl")], Settings(today="2026-01-01")
        )
        result.add(score(story, json.loads(newsweave.render(briefing, "json"))))
    return result


def test_no_false_consensus(total: Score) -> None:
    # The share of facts counted as agreed whose outlets do not contradict their sentence.
    gate("trust.agreed_facts_true", 1 - total.false_consensus / max(total.agreed_facts, 1))


def test_disagreements_are_found(total: Score) -> None:
    gate("trust.numeric_disagreements_found", total.numeric_found / total.numeric)
    gate("trust.contested_claims_found", total.contested_found / total.contested)


def test_no_invented_disputes(total: Score) -> None:
    gate("trust.not_same_pairs_left_apart", 1 - total.invented / total.not_same)


def test_consensus_is_found(total: Score) -> None:
    gate("trust.consensus_found", total.consensus_found / total.consensus)


def test_summary_citations_hold_and_summaries_agree(total: Score) -> None:
    gate("trust.citations_held", total.citations_held / max(total.citations, 1))
    assert total.summaries_contradicting == 0, total.misses
