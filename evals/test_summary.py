"""The seeds' summary against the gold: how many consensus facts it states."""

from __future__ import annotations

import json
import re
from pathlib import Path

from floors import gate
from newsweave.model import Briefing


def test_the_seed_summary_covers_consensus_facts(seed_briefing: Briefing, shared: Path) -> None:
    gold = json.loads((shared / "gold" / "facts.json").read_text(encoding="utf-8"))
    consensus = [f for f in gold["facts"] if f["kind"] == "consensus"]
    texts = [s.text for s in seed_briefing.summary]
    covered = [
        f["id"] for f in consensus if any(all(re.search(k, t) for k in f["keys"]) for t in texts)
    ]
    print(f"consensus facts covered: {len(covered)}/{len(consensus)}: {covered}")
    gate("summary.seeds.consensus_covered", len(covered) / len(consensus))
