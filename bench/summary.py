"""Cited summaries scored with ROUGE against Multi-News human summaries, beside two baselines.

Usage:
    python bench/summary.py                          # test split, all 250 clusters
    python bench/summary.py --split validation --limit 20
    python bench/summary.py --max-words 250 --min-words 200 --dump /tmp/summaries.jsonl

Data (``shared/corpora/multi_news_sample``; ``NEWSWEAVE_SHARED`` points at the shared
folder, else ``shared`` beside the repo): ``<split>_articles_by_cluster.jsonl`` gives the
articles, one a line; ``sample_<split>.csv`` gives the human (newser.com) summaries. The
``cluster_id`` of an article is the 0-based row of the CSV, and ``article_id`` is
``<split>-<row>-<k>`` for the k-th entry of that row's ``documents``; both are asserted, text
for text, before anything is scored. The summaries' leading "– " is stripped.

Systems, all extractive:

* ours: ``brief_articles`` on the cluster's articles (no titles, no dates; one spaCy
  pipeline for all clusters), then ``briefing.summary``, re-made with ``summarize`` when
  the word limits differ from its defaults. Its time is the whole brief per cluster.
* lead-3: the first three sentences of the cluster's documents laid end to end (the usual
  Multi-News lead baseline), whatever their length.
* lead, our length: the same sentences, as many whole ones as fit in the words of our
  summary of that cluster: the stronger baseline, at equal length.
* LexRank: every sentence of the cluster, TF-IDF vectors fitted on them (English stop words
  out), an unweighted graph of the pairs with cosine above 0.1, PageRank by power iteration
  (damping 0.85); sentences are then taken best first, skipping one with cosine 0.5 or more
  to a sentence already taken or one that would pass ``--max-words``, and shown in their
  order in the documents.

The baselines split sentences with one regular expression (line breaks; ``.!?`` before a
capital, skipping common abbreviations and initials); the references are split the same
way for ROUGE-Lsum. ROUGE is Google's ``rouge-score`` with the Porter stemmer: F1 averaged
over clusters, times 100. Words are counted as runs of letters and digits. "cited" is the
share of summary sentences that carry at least one article id (ours only). Under the table:
the clusters where the brief raised or gave no summary, and those of our sentences that
look cut (unbalanced quotes or brackets, no end mark, ending at a title such as "Mr.", two
sentences glued together).
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
MULTI_NEWS = (
    Path(os.environ.get("NEWSWEAVE_SHARED", str(REPO.parent / "shared")))
    / "corpora"
    / "multi_news_sample"
)
LEXRANK_EDGE = 0.1  # cosine above which two sentences are linked
LEXRANK_REDUNDANT = 0.5  # cosine to a chosen sentence at which a candidate is skipped
DAMPING = 0.85
PROGRESS_EVERY = 25

_WORD = re.compile(r"[^\W_][\w'’-]*")
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+")
# Words that end in a full stop without ending the sentence (lower case, last stop dropped);
# titles never end one.
_TITLE_TEXT = "mr mrs ms dr prof sen rep gov gen col lt capt sgt st rev hon"
_OTHER_ABBREVIATION_TEXT = """jr sr inc corp co ltd vs etc jan feb mar apr aug sep sept oct nov dec
no u.s u.k u.n d.c a.m p.m"""
_TITLES = frozenset(_TITLE_TEXT.split())
_ABBREVIATIONS = _TITLES | frozenset(_OTHER_ABBREVIATION_TEXT.split())
_GLUED = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]")  # "today.All travelers"


@dataclass(frozen=True, slots=True)
class Cluster:
    """One Multi-News item: its articles' ids and texts and the human summary."""

    index: int
    article_ids: tuple[str, ...]
    texts: tuple[str, ...]
    reference: str


@dataclass(slots=True)
class Tally:
    """Scores and sizes of one system over the clusters it has summarized."""

    name: str
    rouge: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    words: list[int] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    sentences: int = 0
    cited: int | None = None

    def add(self, scores: dict[str, float], words: int, seconds: float) -> None:
        for key, value in scores.items():
            self.rouge[key].append(value)
        self.words.append(words)
        self.seconds.append(seconds)


def load_split(split: str, limit: int | None = None) -> list[Cluster]:
    """The clusters of ``split``, their articles checked against the CSV's documents."""
    csv.field_size_limit(sys.maxsize)
    with (MULTI_NEWS / f"sample_{split}.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_cluster: dict[int, list[dict[str, str]]] = defaultdict(list)
    path = MULTI_NEWS / f"{split}_articles_by_cluster.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            by_cluster[int(rec["cluster_id"])].append(rec)
    assert sorted(by_cluster) == list(range(len(rows))), "cluster ids are not the CSV rows"
    clusters = []
    for index, row in enumerate(rows):
        documents = ast.literal_eval(row["documents"])
        recs = by_cluster[index]
        assert [r["text"] for r in recs] == documents, f"cluster {index}: texts differ from CSV"
        assert int(row["num_documents"]) == len(documents), f"cluster {index}: document count"
        ids = tuple(r["article_id"] for r in recs)
        assert ids == tuple(f"{split}-{index}-{k}" for k in range(len(ids))), ids
        summary = row["summary"].strip()
        assert summary.startswith("– "), f"cluster {index}: summary lacks its dash"
        clusters.append(Cluster(index, ids, tuple(documents), summary[2:].strip()))
    return clusters[:limit] if limit is not None else clusters


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``: each line, cut after ``.!?`` when a capital follows.

    Example:
        >>> split_sentences("Mr. Lind of the U.S. spoke. He left!\\nA new line")
        ['Mr. Lind of the U.S. spoke.', 'He left!', 'A new line']
    """
    out: list[str] = []
    for line in text.splitlines():
        start = 0
        for m in _BOUNDARY.finditer(line):
            following = line[m.end() : m.end() + 1]
            if not (following.isupper() or following.isdigit() or following in "\"“‘'(["):
                continue
            before = line[start : m.start()].split()
            last = before[-1].lstrip("\"“‘'([").lower() if before else ""
            if line[m.start()] == "." and (
                last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())
            ):
                continue
            out.append(line[start : m.end()].strip())
            start = m.end()
        out.append(line[start:].strip())
    return [s for s in out if s]


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def lead3(cluster: Cluster) -> list[str]:
    """The first three sentences of the documents laid end to end."""
    sentences: list[str] = []
    for text in cluster.texts:
        sentences.extend(split_sentences(text))
        if len(sentences) >= 3:
            break
    return sentences[:3]


def lead_words(cluster: Cluster, words: int) -> list[str]:
    """The documents' sentences laid end to end, as many whole ones as fit in ``words``
    (at least one): the lead at the length of another summary, the fairer baseline."""
    out: list[str] = []
    total = 0
    for text in cluster.texts:
        for sentence in split_sentences(text):
            size = count_words(sentence)
            if out and total + size > words:
                return out
            out.append(sentence)
            total += size
    return out


def lexrank(cluster: Cluster, max_words: int) -> list[str]:
    """LexRank with a 0.1 cosine threshold and a redundancy check, up to ``max_words``."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    sentences = [s for text in cluster.texts for s in split_sentences(text) if count_words(s)]
    if not sentences:
        return []
    try:
        x = TfidfVectorizer(stop_words="english").fit_transform(sentences)
    except ValueError:  # nothing but stop words
        return []
    sim = (x @ x.T).toarray()
    adjacency = (sim > LEXRANK_EDGE).astype(float)
    degree = adjacency.sum(axis=1, keepdims=True)
    n = len(sentences)
    # A sentence with no terms links nowhere: let it spread its score evenly.
    transition = np.where(degree > 0, adjacency / np.maximum(degree, 1.0), 1.0 / n)
    score = np.full(n, 1.0 / n)
    for _ in range(200):
        updated = (1 - DAMPING) / n + DAMPING * transition.T @ score
        done = np.abs(updated - score).sum() < 1e-10
        score = updated
        if done:
            break
    chosen: list[int] = []
    words = 0
    for i in sorted(range(n), key=lambda i: (-score[i], i)):
        size = count_words(sentences[i])
        if words + size > max_words:
            continue
        if any(sim[i, j] >= LEXRANK_REDUNDANT for j in chosen):
            continue
        chosen.append(i)
        words += size
    return [sentences[i] for i in sorted(chosen)]


def fragment_reasons(sentence: str) -> list[str]:
    """Signs that ``sentence`` is not a whole sentence (for the report on ours)."""
    reasons = []
    if sentence.count('"') % 2 or sentence.count("“") != sentence.count("”"):
        reasons.append("unbalanced quotes")
    if sentence.count("(") != sentence.count(")"):
        reasons.append("unbalanced brackets")
    first = sentence.lstrip("\"“‘'(")[:1]
    if first and not (first.isupper() or first.isdigit()):
        reasons.append("lowercase start")
    end = sentence.rstrip("\"”’')")
    if end[-1:] not in ".!?" or end.endswith(("...", "…")):
        reasons.append("no end mark")
    words = end.split()
    if end.endswith(".") and words and words[-1].lower().rstrip(".") in _TITLES:
        reasons.append("ends at a title (Mr.)")
    if _GLUED.search(sentence):
        reasons.append("two sentences glued")
    return reasons


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("test", "validation"), default="test")
    parser.add_argument("--limit", type=int, default=None, help="first N clusters only")
    parser.add_argument("--max-words", type=int, default=250)
    parser.add_argument(
        "--min-words", type=int, default=None, help="the length aimed for (default: AIM_WORDS)"
    )
    parser.add_argument("--dump", type=Path, default=None, help="write every summary (JSONL)")
    args = parser.parse_args()

    from rouge_score import rouge_scorer  # type: ignore[import-untyped]

    from newsweave.embed import get_embedder
    from newsweave.model import Article
    from newsweave.nlp.annotate import load_pipeline
    from newsweave.pipeline import brief_articles
    from newsweave.settings import Settings
    from newsweave.summary.extractive import AIM_WORDS, MAX_WORDS, summarize

    if args.min_words is None:
        args.min_words = AIM_WORDS
    clusters = load_split(args.split, args.limit)
    settings = Settings()
    t0 = time.perf_counter()
    nlp = load_pipeline(settings.spacy_model)
    embedder = get_embedder(settings.embedder)
    loaded = time.perf_counter() - t0
    print(
        f"Multi-News {args.split}: {len(clusters)} clusters, "
        f"{sum(len(c.texts) for c in clusters)} articles; words {args.min_words}-{args.max_words}"
    )
    print(
        f"spaCy {nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}, "
        f"embedder {embedder.name}; loaded in {loaded:.1f} s (not in the times below)",
        flush=True,
    )
    resummarize = (args.min_words, args.max_words) != (AIM_WORDS, MAX_WORDS)

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    ours, lead, lex = Tally("ours (newsweave)", cited=0), Tally("lead-3"), Tally("LexRank")
    same = Tally("lead, our length")
    failures: list[tuple[int, str]] = []
    empty: list[int] = []
    fragments: list[tuple[int, str, list[str]]] = []
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None

    def score(cluster: Cluster, sentences: Sequence[str]) -> dict[str, float]:
        reference = "\n".join(split_sentences(cluster.reference))
        found = scorer.score(reference, "\n".join(sentences))
        return {key: value.fmeasure for key, value in found.items()}

    def baseline(tally: Tally, cluster: Cluster, run: Callable[[Cluster], list[str]]) -> list[str]:
        start = time.perf_counter()
        sentences = run(cluster)
        seconds = time.perf_counter() - start
        tally.add(score(cluster, sentences), count_words(" ".join(sentences)), seconds)
        tally.sentences += len(sentences)
        return sentences

    started = time.perf_counter()
    for n, cluster in enumerate(clusters, 1):
        articles = [
            Article(aid, f"doc{k}", None, text)
            for k, (aid, text) in enumerate(zip(cluster.article_ids, cluster.texts, strict=True))
        ]
        start = time.perf_counter()
        cited: list[tuple[str, tuple[str, ...]]] = []
        try:
            briefing = brief_articles(articles, settings, nlp=nlp)
            summary = briefing.summary
            if resummarize:
                summary = summarize(briefing, min_words=args.min_words, max_words=args.max_words)
            cited = [(s.text, tuple(s.article_ids)) for s in summary]
        except Exception as exc:  # a failing cluster is reported, not fatal
            failures.append((cluster.index, f"{type(exc).__name__}: {exc}"))
        seconds = time.perf_counter() - start
        texts = [text for text, _ in cited]
        ours.add(score(cluster, texts), count_words(" ".join(texts)), seconds)
        ours.sentences += len(cited)
        ours.cited = (ours.cited or 0) + sum(1 for _, ids in cited if ids)
        if not cited:
            empty.append(cluster.index)
        for text in texts:
            reasons = fragment_reasons(text)
            if reasons:
                fragments.append((cluster.index, text, reasons))

        lead_sentences = baseline(lead, cluster, lead3)
        baseline(same, cluster, partial(lead_words, words=count_words(" ".join(texts))))
        lex_sentences = baseline(lex, cluster, partial(lexrank, max_words=args.max_words))
        if dump is not None:
            record = {
                "cluster": cluster.index,
                "ours": [{"text": t, "article_ids": list(ids)} for t, ids in cited],
                "lead3": lead_sentences,
                "lexrank": lex_sentences,
                "reference": cluster.reference,
                "rouge": {
                    t.name: {k: round(v[-1], 4) for k, v in t.rouge.items()}
                    for t in (ours, lead, lex)
                },
            }
            dump.write(json.dumps(record, ensure_ascii=False) + "\n")
        if n % PROGRESS_EVERY == 0 or n == len(clusters):
            elapsed = time.perf_counter() - started
            r1 = 100 * float(np.mean(ours.rouge["rouge1"]))
            print(
                f"  {n}/{len(clusters)} clusters, {elapsed:.0f} s; ours ROUGE-1 so far {r1:.1f}",
                file=sys.stderr,
                flush=True,
            )
    if dump is not None:
        dump.close()

    print(
        f"\n  {'system':<18} {'R-1':>5} {'R-2':>5} {'R-Lsum':>6} {'words':>6} {'cited':>6}"
        f" {'s/cluster':>9}"
    )
    for tally in (ours, lead, same, lex):
        r1, r2, rl = (
            100 * float(np.mean(tally.rouge[k])) for k in ("rouge1", "rouge2", "rougeLsum")
        )
        cited_share = (
            f"{100 * tally.cited / max(1, tally.sentences):5.1f}%"
            if tally.cited is not None
            else "-"
        )
        print(
            f"  {tally.name:<18} {r1:5.1f} {r2:5.1f} {rl:6.1f} {np.mean(tally.words):6.1f}"
            f" {cited_share:>6} {np.mean(tally.seconds):9.3f}"
        )
    print(
        f"\nours: {ours.sentences} sentences, {len(failures)} clusters raised, "
        f"{len(empty)} empty summaries, {len(fragments)} sentences that look cut"
    )
    for index, message in failures[:5]:
        print(f"  raised, cluster {index}: {message[:160]}")
    if empty:
        print(f"  empty: clusters {', '.join(map(str, empty[:20]))}")
    kinds = Counter(reason for _, _, reasons in fragments for reason in reasons)
    if kinds:
        print("  look cut: " + ", ".join(f"{reason} {n}" for reason, n in kinds.most_common()))
    for index, text, reasons in fragments[:8]:
        print(f"  cut? cluster {index} ({', '.join(reasons)}): {text[:120]}")


if __name__ == "__main__":
    main()
