"""Our own labelled story sets (tests/data/clusters) and BCubed F1 over them."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.model import Article
from newsweave.read import read_inputs

CLUSTERS = Path(__file__).parent / "data" / "clusters"


def own_set(name: str) -> tuple[list[Article], dict[str, str]]:
    return labelled(CLUSTERS / f"{name}.jsonl")


def labelled(path: Path) -> tuple[list[Article], dict[str, str]]:
    """The articles of a labelled JSON Lines set, and each one's story label by id."""
    gold = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            gold[rec["id"]] = rec["story"]
    return list(read_inputs([str(path)]).articles), gold


def bcubed_f1(pred: dict[str, str], gold: dict[str, str]) -> float:
    precision = recall = 0.0
    for a in gold:
        same_pred = [b for b in gold if pred[b] == pred[a]]
        same_gold = [b for b in gold if gold[b] == gold[a]]
        both = sum(1 for b in same_pred if gold[b] == gold[a])
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    precision, recall = precision / len(gold), recall / len(gold)
    return 2 * precision * recall / (precision + recall)
