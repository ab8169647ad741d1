"""Quotes on the seeds against the gold: found, credited to the right speaker, grouped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from floors import gate
from newsweave.model import Article, Briefing, Quote
from newsweave.pipeline import brief_articles


def _norm(text: str) -> str:
    return text.strip().strip(' ,.;:"“”‘’')


def _same(gold: str, predicted: str) -> bool:
    a, b = _norm(gold), _norm(predicted)
    if a == b:
        return True
    return (a in b or b in a) and min(len(a), len(b)) >= 0.8 * max(len(a), len(b))


@pytest.fixture(scope="module")
def seed_quotes(shared: Path, nlp) -> tuple[Briefing, dict]:
    gold = json.loads((shared / "gold" / "quotes.json").read_text(encoding="utf-8"))
    articles = [
        Article(p.name, p.stem, None, p.read_text(encoding="utf-8"))
        for p in sorted((shared / "seeds").glob("*.txt"))
    ]
    return brief_articles(articles, nlp=nlp), gold


@pytest.mark.seeds
def test_seed_quotes_against_gold(seed_quotes: tuple[Briefing, dict]) -> None:
    briefing, gold = seed_quotes
    predicted = [q for q in briefing.quotes if q.kind != "indirect"]
    aliases = {name: {name, *forms} for name, forms in gold["speakers"].items()}
    found = {True: 0, False: 0}
    total = {True: 0, False: 0}
    matched: dict[int, Quote] = {}
    right_speaker = 0
    for index, item in enumerate(gold["quotes"]):
        total[item["partial"]] += 1
        hits = [
            q
            for q in predicted
            if q.span.article_id == item["doc"] and _same(item["quote"], q.text)
        ]
        if not hits:
            print(f"missed {item['doc'][:3]}: {item['quote'][:70]!r}")
            continue
        found[item["partial"]] += 1
        matched[index] = hits[0]
        speaker = hits[0].speaker.name if hits[0].speaker else None
        names = aliases.get(item["speaker"], {item["speaker"]})
        if speaker in names:
            right_speaker += 1
        else:
            print(f"speaker {item['doc'][:3]}: {speaker!r} for {item['speaker']!r}")
    used = {q.id for q in matched.values()}
    extra = [q for q in predicted if q.id not in used]
    for q in extra:
        print(f"extra {q.span.article_id[:3]} {q.kind}: {q.text[:70]!r}")
    direct_recall = found[False] / total[False]
    partial_recall = found[True] / total[True]
    precision = len(used) / len(predicted)
    speaker_accuracy = right_speaker / len(matched)
    groups: dict[str, list[int]] = {}
    for index, item in enumerate(gold["quotes"]):
        if item.get("group"):
            groups.setdefault(item["group"], []).append(index)
    groups_found = sum(
        len({matched[i].group for i in members if i in matched} - {None}) == 1
        and all(i in matched and matched[i].group for i in members)
        for members in groups.values()
    )
    print(
        f"\nseed quotes: direct recall {direct_recall:.3f} ({found[False]}/{total[False]}), "
        f"partial recall {partial_recall:.3f} ({found[True]}/{total[True]}), "
        f"precision {precision:.3f} ({len(used)}/{len(predicted)}), "
        f"speaker accuracy {speaker_accuracy:.3f}, groups {groups_found}/{len(groups)}"
    )
    gate("quotes.seeds.direct_recall", direct_recall)
    gate("quotes.seeds.partial_recall", partial_recall)
    gate("quotes.seeds.precision", precision)
    gate("quotes.seeds.speaker_accuracy", speaker_accuracy)
    gate("quotes.seeds.groups_found", groups_found / len(groups))
