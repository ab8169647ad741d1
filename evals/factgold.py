"""Score aligned facts against a gold file in the format of ``../shared/gold/facts.json``.

Gold facts name their supporting articles by file-name prefix and give regular expressions
("keys") that a sentence stating the fact matches. A system fact *finds* a gold fact when
one of its evidence sentences matches the keys; the gold fact comes out right when the
system fact's articles match the gold articles with Jaccard >= 0.75. A disagreement's
articles are its support plus the articles that give another value.

Pairing is scored over evidence pairs from different articles: a pair is right when both
sentences match the keys of one gold fact that both articles state.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsweave.model import Briefing, Fact, Span

JACCARD = 0.75


@dataclass
class FactScore:
    matched: int = 0
    multi: int = 0
    pair_right: int = 0
    pair_wrong: int = 0
    gold_pairs: int = 0
    gold_pairs_found: int = 0
    rows: list[tuple[str, float, list[str], list[str]]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.matched / self.multi if self.multi else 0.0

    @property
    def precision(self) -> float:
        total = self.pair_right + self.pair_wrong
        return self.pair_right / total if total else 0.0

    @property
    def recall(self) -> float:
        return self.gold_pairs_found / self.gold_pairs if self.gold_pairs else 0.0

    def add(self, other: FactScore) -> None:
        for name in (
            "matched",
            "multi",
            "pair_right",
            "pair_wrong",
            "gold_pairs",
            "gold_pairs_found",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rows += other.rows


def gold_articles(fact: dict[str, Any]) -> set[str]:
    docs = set(fact["support"]) | {d["doc"] for d in fact.get("differs", [])}
    docs |= {d for v in fact.get("values", []) for d in v["docs"]}
    return docs


REPO = Path(__file__).resolve().parents[1]
STORIES = REPO / "tests" / "data" / "stories"
EXAMPLES = REPO / "examples"


def own_stories() -> list[tuple[str, Path, Path]]:
    """(name, folder, gold file) of each story we wrote, with its gold."""
    stories = [
        ("harbour-bridge", EXAMPLES / "harbour-bridge", STORIES / "harbour-bridge.gold.json")
    ]
    for gold in sorted(STORIES.glob("*.gold.json")):
        folder = STORIES / gold.name.removesuffix(".gold.json")
        if folder.is_dir():
            stories.append((folder.name, folder, gold))
    return stories


def doc_names(briefing: Briefing, gold: dict[str, Any]) -> dict[str, str]:
    """Article id → the gold's document prefix (the longest prefix of its file name)."""
    return prefix_names(briefing, {d for f in gold["facts"] for d in gold_articles(f)})


def prefix_names(briefing: Briefing, prefixes: set[str]) -> dict[str, str]:
    """Article id → the longest of ``prefixes`` its file name starts with (else the name)."""
    names: dict[str, str] = {}
    for article in briefing.articles:
        name = Path(article.path or article.id).name
        found = [p for p in prefixes if name.startswith(p)]
        names[article.id] = max(found, key=len) if found else name
    return names


def score_facts(briefing: Briefing, gold: dict[str, Any]) -> FactScore:
    doc = doc_names(briefing, gold)
    articles = {a.id: a for a in briefing.articles}
    sentence_of: dict[Span, str] = {}

    def sentence(span: Span) -> str:
        if span not in sentence_of:
            text = articles[span.article_id].text
            start = max(text.rfind("\n", 0, span.start), _last_stop(text, span.start)) + 1
            end_candidates = [
                i for i in (text.find("\n", span.end), _next_stop(text, span.end)) if i >= 0
            ]
            end = min(end_candidates) if end_candidates else len(text)
            sentence_of[span] = text[start:end]
        return sentence_of[span]

    sets = {g["id"]: gold_articles(g) for g in gold["facts"]}

    def states(span: Span) -> set[str]:
        text = sentence(span)
        d = doc[span.article_id]
        return {
            g["id"]
            for g in gold["facts"]
            if d in sets[g["id"]] and all(re.search(k, text) for k in g["keys"])
        }

    score = FactScore()
    facts: list[Fact] = [f for f in briefing.facts if f.kind != "single" or f.variants]
    for fact in facts:
        for x, y in itertools.combinations(fact.support, 2):
            if x.article_id == y.article_id:
                continue
            if states(x) & states(y):
                score.pair_right += 1
            else:
                score.pair_wrong += 1
    for g in gold["facts"]:
        gs = sets[g["id"]]
        if len(gs) < 2:
            continue
        score.multi += 1
        best, best_docs = 0.0, []
        for fact in briefing.facts:
            if any(g["id"] in states(s) for s in fact.support):
                ds = {doc[s.article_id] for s in fact.support}
                jaccard = len(ds & gs) / len(ds | gs)
                if jaccard > best:
                    best, best_docs = jaccard, sorted(ds)
        score.matched += best >= JACCARD
        score.rows.append((g["id"], best, sorted(gs), best_docs))
        for d1, d2 in itertools.combinations(sorted(gs), 2):
            score.gold_pairs += 1
            score.gold_pairs_found += any(
                any(doc[s.article_id] == d1 and g["id"] in states(s) for s in f.support)
                and any(doc[s.article_id] == d2 and g["id"] in states(s) for s in f.support)
                for f in facts
            )
    return score


def _last_stop(text: str, pos: int) -> int:
    stops = list(re.finditer(r"[.!?][”\"’']?\s", text[max(0, pos - 600) : pos]))
    return max(0, pos - 600) + stops[-1].end() - 1 if stops else -1


def _next_stop(text: str, pos: int) -> int:
    m = re.search(r"[.!?][”\"’']?(\s|$)", text[pos:])
    return pos + m.end() if m else -1
