"""Time fact alignment on the seeds and on a 50-article story; score pairing on ECB+.

Usage:  python bench/align.py [--repeat 3] [--articles 50]

Figures (2-core laptop CPU; the spaCy annotation is done beforehand and not counted):
* embed: encoding every statement with the default embedder (model already loaded);
* align: candidate pairs, scoring and clustering into facts (embeddings cached);
* disputes: reading details off the statements and comparing them;
* pairing precision / recall on ECB+ (Cybulska & Vossen 2014): two sentences of different
  articles about the same event instance (a cross-document event chain) should share a fact.
  Only the sentences ECB+ annotators covered are scored; they are mostly about the main
  event, so the set leans positive (75% of annotated pairs are gold pairs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from bisect import bisect_right
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _ecbplus import annotated_sentences, gold_sentence_pairs, load_ecb_docs, shared_dir  # noqa: E402
from newsweave.embed import get_embedder  # noqa: E402
from newsweave.entities import resolve_entities  # noqa: E402
from newsweave.facts.align import align_facts  # noqa: E402
from newsweave.facts.disputes import find_disputes  # noqa: E402
from newsweave.facts.statements import split_statements  # noqa: E402
from newsweave.model import Annotation, Article, Fact  # noqa: E402
from newsweave.nlp.annotate import annotate  # noqa: E402
from newsweave.read import read_inputs  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.text.clean import clean_article  # noqa: E402


def time_story(
    name: str, articles: list[Article], repeat: int
) -> tuple[tuple[Fact, ...], list[Annotation]]:
    annotations = list(annotate(articles))
    entities = resolve_entities(annotations)
    embedder = get_embedder(Settings().embedder)
    texts = [s.span.text(a.article) for a in annotations for s in split_statements(a)]
    embed_times, align_times, dispute_times = [], [], []
    facts: tuple[Fact, ...] = ()
    for _ in range(repeat):
        start = time.perf_counter()
        rows: dict[str, np.ndarray] = {}

        def encode(batch, rows=rows):  # noqa: ANN001
            missing = [t for t in dict.fromkeys(batch) if t not in rows]
            if missing:
                rows.update(zip(missing, embedder.encode(missing), strict=True))
            return np.stack([rows[t] for t in batch]) if batch else np.zeros((0, embedder.dim))

        encode(texts)  # the same statements align_facts will ask for
        embed_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        alignment = align_facts(annotations, entities, encode=encode)
        align_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        facts = find_disputes(alignment, annotations, entities)
        dispute_times.append(time.perf_counter() - start)
    multi = sum(f.kind != "single" for f in facts)
    disputed = sum(f.disputed for f in facts)
    print(
        f"| {name} | {len(articles)} | {len(texts)} | {statistics.median(embed_times):.2f} s "
        f"| {statistics.median(align_times):.2f} s | {statistics.median(dispute_times):.2f} s "
        f"| {multi} | {disputed} |"
    )
    return facts, annotations


def pairing_on_ecb(
    facts: tuple[Fact, ...], docs: list, gold: set, covered: set
) -> tuple[float, float, int]:
    """Precision and recall of same-fact sentence pairs against ECB+ event chains."""
    by_id = {d.article.id: d for d in docs}

    def sentence(article_id: str, start: int) -> tuple[str, int]:
        doc = by_id[article_id]
        starts = [s for s, _ in doc.sentence_spans]
        return doc.name, bisect_right(starts, start) - 1

    system: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for fact in facts:
        keys = {sentence(s.article_id, s.start) for s in fact.support}
        for a in keys:
            for b in keys:
                if a < b and a[0] != b[0] and a in covered and b in covered:
                    system.add((a, b))
    right = len(system & gold)
    precision = right / len(system) if system else 0.0
    recall = right / len(gold) if gold else 0.0
    return precision, recall, len(system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=int, default=50)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, embedder: {get_embedder(Settings().embedder).name}\n")
    print(
        "| story | articles | statements | embed | align | disputes "
        "| multi-outlet facts | disputed |"
    )
    print("|---|---|---|---|---|---|---|---|")
    seeds = shared_dir() / "seeds"
    if seeds.is_dir():
        result = read_inputs([str(seeds)], Settings())
        time_story("seeds", [clean_article(a) for a in result.articles], args.repeat)
    example = REPO / "examples" / "harbour-bridge"
    result = read_inputs([str(example)], Settings())
    time_story("examples/harbour-bridge", [clean_article(a) for a in result.articles], args.repeat)
    try:
        docs = load_ecb_docs(["1", "13", "12"])
    except Exception as exc:
        print(f"\nECB+ not available ({exc}); skipping the 50-article story")
        return
    # Topic 1 and the start of the next: real, distinct reports (two events per topic).
    docs = docs[: args.articles]
    articles = [d.article for d in docs]
    topics = ", ".join(dict.fromkeys(d.topic for d in docs))
    facts, _ = time_story(f"ECB+ topics {topics} ({len(docs)} reports)", articles, args.repeat)
    precision, recall, n = pairing_on_ecb(
        facts, docs, gold_sentence_pairs(docs), annotated_sentences(docs)
    )
    print(
        f"\nECB+ pairing over annotated sentences: precision {precision:.2f}, "
        f"recall {recall:.2f} ({n} system pairs)"
    )
    # A second, separate look: each ECB+ topic on its own, as a story of about 20-40 reports.
    for topic in ("1", "13", "12"):
        tdocs = load_ecb_docs([topic])
        facts, _ = time_story(f"ECB+ topic {topic}", [d.article for d in tdocs], 1)
        p, r, n = pairing_on_ecb(
            facts, tdocs, gold_sentence_pairs(tdocs), annotated_sentences(tdocs)
        )
        print(f"  pairing: precision {p:.2f}, recall {r:.2f} ({n} system pairs)")


if __name__ == "__main__":
    main()
