"""The timeline and the articles' dates against the gold: the seeds and our own stories."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factgold import own_stories
from floors import gate
from newsweave.pipeline import brief
from newsweave.settings import Settings
from timegold import TimelineScore, score_published, score_timeline

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.model import Briefing

SETTINGS = Settings(today="2026-12-02")


def _report(name: str, score: TimelineScore) -> None:
    print(f"{name}: timeline rows found {score.found}/{score.total}, merged {score.merged}")
    for when, what, ok, got, text in score.rows:
        print(f"  {'ok' if ok else '--'} {when} {what[:50]} {got} {text[:60]}")


@pytest.mark.seeds
def test_seed_timeline_holds_the_gold_rows(shared: Path, seed_briefing: Briefing) -> None:
    gold = json.loads((shared / "gold" / "facts.json").read_text())
    score = score_timeline(seed_briefing, gold)
    _report("seeds", score)
    gate("timeline.seeds.rows_found", score.recall)
    expected = [e for e in seed_briefing.timeline if e.when.label == "2023-09-13" and e.expected]
    assert expected, "the Wednesday summit is reported as an expectation"


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
    gate(f"timeline.{name}.rows_found", score.recall)
    gate(f"dates.{name}.published_exact", exact / total)
    assert holds >= exact
