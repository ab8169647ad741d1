"""Story grouping scored with BCubed on ECB+ and on our own labelled story sets.

Usage:
    python bench/story_eval.py              # ECB+ (topic and event level) and own sets
    python bench/story_eval.py --fit        # also fit the Decision weights on ECB+ pairs

ECB+ (``shared/corpora/ecbplus``): 982 articles in 43 topics, each topic two events of one
kind (two earthquakes, two shootings): 86 gold events. Topic level scores one run of all
982 articles against the 43 topics; event level against the 86 events. ECB+ articles carry
no publication date, so time helps only where a full date stands in the lead.

Ours is scored with 2-fold cross-validation by topic when ``--fit`` is given (fit on odd
topics, score even ones, and back), so the figures never come from the pairs they were
fitted on. The baseline is TF-IDF (scikit-learn, fitted on the corpus itself) with
cosine-distance average-linkage agglomerative clustering, its threshold tuned on the very
set it is scored on: a best case for it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _ecbplus import load_ecb_docs
from newsweave.embed import get_embedder
from newsweave.model import Article
from newsweave.read import read_inputs
from newsweave.stories import (
    Decision,
    candidate_pairs,
    cluster_rows,
    decision_for,
    find_pairs,
    row_dots,
)
from newsweave.story_features import StoryFeatures, featurize

REPO = Path(__file__).resolve().parents[1]
OWN_SETS = REPO / "tests" / "data" / "clusters"


def bcubed(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of predicted labels against gold labels.

    Example:
        >>> [round(x, 3) for x in bcubed(["a", "a", "b"], ["x", "x", "x"])]
        [1.0, 0.556, 0.714]
    """
    by_pred: dict[str, list[int]] = defaultdict(list)
    by_gold: dict[str, list[int]] = defaultdict(list)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].append(i)
        by_gold[g].append(i)
    precision = recall = 0.0
    for p, g in zip(pred, gold, strict=True):
        both = sum(1 for j in by_pred[p] if gold[j] == g)
        precision += both / len(by_pred[p])
        recall += both / len(by_gold[g])
    n = len(pred)
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ecb_articles() -> tuple[list[Article], list[str], list[str]]:
    """ECB+ documents as articles, with their topic and event labels."""
    docs = load_ecb_docs()
    arts = [d.article for d in docs]
    topics = [d.topic for d in docs]
    events = [f"{d.topic}-{d.subtopic}" for d in docs]
    return arts, topics, events


def own_set(name: str) -> tuple[list[Article], list[str]]:
    """One of our own labelled sets (``tests/data/clusters/<name>.jsonl``)."""
    path = OWN_SETS / f"{name}.jsonl"
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            labels[rec["id"]] = rec["story"]
    result = read_inputs([str(path)])
    arts = list(result.articles)
    return arts, [labels[a.id] for a in arts]


def ours(features: StoryFeatures, decision: Decision) -> list[str]:
    pairs = find_pairs(features, decision)
    groups = cluster_rows(features, pairs, decision.threshold)
    label = [""] * len(features)
    for k, group in enumerate(groups):
        for r in group:
            label[r] = str(k)
    return label


def baseline(arts: Sequence[Article], gold: Sequence[str]) -> tuple[float, list[str]]:
    """TF-IDF + average-linkage agglomerative, threshold tuned on ``gold`` itself."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{a.title or ''}\n{a.text}" for a in arts]
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts)
    dense = x.toarray()
    best: tuple[float, float, list[str]] = (-1.0, 0.0, [])
    for threshold in np.arange(0.5, 1.0, 0.02):
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
        )
        labels = [str(x) for x in model.fit_predict(dense)]
        f1 = bcubed(labels, gold)[2]
        if f1 > best[0]:
            best = (f1, float(threshold), labels)
    return best[1], best[2]


def pair_table(
    features: StoryFeatures, events: Sequence[str], decision: Decision
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of rows as (features, label, same-language), for fitting."""
    loose = replace(decision, candidate=-1.0)
    left, right = candidate_pairs(features, loose)
    words = row_dots(features.words, left, right)
    names = row_dots(features.names, left, right)
    dense = np.einsum("ij,ij->i", features.dense[left], features.dense[right])
    y = np.array([events[i] == events[j] for i, j in zip(left, right, strict=True)])
    same = np.array(
        [features.langs[i] == features.langs[j] for i, j in zip(left, right, strict=True)]
    )
    return np.stack([words, names, dense], axis=1), y, same


def fit(features: StoryFeatures, events: Sequence[str], base: Decision) -> Decision:
    """Logistic weights for (words, names, dense) and (names, dense) on ECB+ pairs."""
    from sklearn.linear_model import LogisticRegression

    x, y, _ = pair_table(features, events, base)
    full = LogisticRegression(max_iter=2000).fit(x, y)
    cross = LogisticRegression(max_iter=2000).fit(x[:, 1:], y)
    w = full.coef_[0]
    c = cross.coef_[0]
    fitted = replace(
        base,
        bias=round(float(full.intercept_[0]), 2),
        words=round(float(w[0]), 2),
        names=round(float(w[1]), 2),
        dense=round(float(w[2]), 2),
        cross_bias=round(float(cross.intercept_[0]), 2),
        cross_names=round(float(c[0]), 2),
        cross_dense=round(float(c[1]), 2),
    )
    # The merge threshold: the best event-level BCubed F1 on the same training articles.
    best = max(
        (bcubed(ours(features, replace(fitted, threshold=t)), events)[2], -t)
        for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
    )
    return replace(fitted, threshold=-best[1])


def _row(name: str, scores: tuple[float, float, float], extra: str = "") -> None:
    p, r, f = scores
    print(f"  {name:<34} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fit", action="store_true", help="fit and cross-validate on ECB+")
    parser.add_argument("--embedder", default="auto")
    args = parser.parse_args()
    model = get_embedder(args.embedder)
    decision = decision_for(model.name)
    print(f"embedder {model.name}; decision {decision}")

    arts, topics, events = ecb_articles()
    t0 = time.perf_counter()
    features = featurize(arts, model)
    t1 = time.perf_counter()
    print(f"\nECB+: {len(arts)} articles, {len(set(topics))} topics, {len(set(events))} events")
    print(f"  features {t1 - t0:.1f} s ({len(arts) / (t1 - t0):.0f} articles/s)")
    if args.fit:
        topic_ids = sorted(set(topics), key=int)
        folds = [[i for i, t in enumerate(topics) if topic_ids.index(t) % 2 == k] for k in (0, 1)]
        pred = [""] * len(arts)
        for k in (0, 1):
            train, test = folds[1 - k], folds[k]
            fitted = fit(features.take(train), [events[i] for i in train], decision)
            print(f"  fold {k}: fitted {fitted}")
            for i, label in zip(test, ours(features.take(test), fitted), strict=True):
                pred[i] = f"{k}-{label}"
        _row("ours, 2-fold CV by topic: topic", bcubed(pred, topics))
        _row("ours, 2-fold CV by topic: event", bcubed(pred, events))
        fitted = fit(features, events, decision)
        print(f"  fitted on all of ECB+: {fitted}")
        decision = fitted
    t2 = time.perf_counter()
    pred = ours(features, decision)
    t3 = time.perf_counter()
    _row("ours (shipped weights): topic", bcubed(pred, topics), f"({len(set(pred))} stories)")
    _row("ours (shipped weights): event", bcubed(pred, events), f"grouping {t3 - t2:.2f} s")
    for level, gold in (("topic", topics), ("event", events)):
        threshold, labels = baseline(arts, gold)
        _row(f"baseline TF-IDF+agglo: {level}", bcubed(labels, gold), f"(tuned at {threshold:.2f})")

    for name in ("close-events", "multilingual"):
        if not (OWN_SETS / f"{name}.jsonl").is_file():
            continue
        own, gold = own_set(name)
        f = featurize(own, model)
        print(f"\nown set {name}: {len(own)} articles, {len(set(gold))} stories")
        _row("ours", bcubed(ours(f, decision), gold))
        threshold, labels = baseline(own, gold)
        _row("baseline TF-IDF+agglo", bcubed(labels, gold), f"(tuned at {threshold:.2f})")


if __name__ == "__main__":
    main()
