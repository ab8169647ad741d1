"""Story grouping scored with BCubed on ECB+ and on our own labelled story sets.

Usage:
    python bench/story_eval.py              # ECB+ (topic and event level) and own sets
    python bench/story_eval.py --fit        # also fit the Decision weights on ECB+ pairs

ECB+ (``shared/corpora/ecbplus``): 982 articles in 43 topics, each topic two events of one
kind (two earthquakes, two shootings): 86 gold events. Topic level scores one run of all
982 articles against the 43 topics; event level against the 86 events. ECB+ articles carry
no publication date, so time helps only where a full date stands in the lead.

Multi-News (``shared/corpora/multi_news_sample``): the articles newser.com cited for one
story form a cluster; 250 validation and 250 test clusters, without titles or dates, some
of them scraping junk. Far-apart stories, where ECB+ holds close ones: the two pull the
decision in opposite directions, so it is fitted on both.

With ``--fit``, the weights are fitted on ECB+ pairs and Multi-News validation pairs:
ECB+ is scored by 2-fold cross-validation by topic (fit on odd topics, score even ones, and
back); Multi-News test and our own sets are scored with the weights fitted on all of
ECB+ and Multi-News validation, so no figure comes from pairs it was fitted on.

The baseline is TF-IDF (scikit-learn, fitted on the corpus itself) with cosine-distance
average-linkage agglomerative clustering, its threshold tuned on the very set it is scored
on: a best case for it.
"""

from __future__ import annotations

import argparse
import json
import os
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
from newsweave.grouping.decision import Decision, decision_for
from newsweave.grouping.embedder import story_embedder
from newsweave.grouping.features import StoryFeatures, featurize
from newsweave.grouping.linkage import cluster_rows
from newsweave.grouping.pairs import candidate_pairs, find_pairs
from newsweave.model import Article
from newsweave.read import read_inputs

REPO = Path(__file__).resolve().parents[1]
OWN_SETS = REPO / "tests" / "data" / "clusters"
REAL_SETS = REPO / "bench" / "data" / "stories"  # real pages, hand-labelled (README there)
MIN_CROSS = 50  # same-story pairs in two languages needed to fit the cross-language weights
MULTI_NEWS = (
    Path(os.environ.get("NEWSWEAVE_SHARED", str(REPO.parent / "shared")))
    / "corpora"
    / "multi_news_sample"
)


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


def multi_news(split: str) -> tuple[list[Article], list[str]]:
    """Multi-News articles of ``split`` (validation or test) with their cluster labels."""
    arts: list[Article] = []
    gold: list[str] = []
    path = MULTI_NEWS / f"{split}_articles_by_cluster.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["text"].strip():
            arts.append(Article(f"mn-{rec['article_id']}", "multi-news", None, rec["text"]))
            gold.append(str(rec["cluster_id"]))
    return arts, gold


def own_set(name: str) -> tuple[list[Article], list[str]]:
    """One of our own labelled sets (``tests/data/clusters/<name>.jsonl``)."""
    return labelled(OWN_SETS / f"{name}.jsonl")


def labelled(path: Path) -> tuple[list[Article], list[str]]:
    """The articles of a labelled JSON Lines set and their story labels, in read order."""
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            labels[rec["id"]] = rec["story"]
    arts = list(read_inputs([str(path)]).articles)
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
    found = candidate_pairs(features, loose)
    left, right, words, names, dense = (
        found.left,
        found.right,
        found.words,
        found.names,
        found.dense,
    )
    y = np.array([events[i] == events[j] for i, j in zip(left, right, strict=True)])
    same = np.array(
        [features.langs[i] == features.langs[j] for i, j in zip(left, right, strict=True)]
    )
    return np.stack([words, names, dense], axis=1), y, same


def fit(sets: Sequence[tuple[StoryFeatures, Sequence[str]]], base: Decision) -> Decision:
    """Logistic weights for (words, names, dense) on the same-language pairs of ``sets``
    and for (names, dense) on their pairs in two languages (on all pairs when the sets hold
    fewer than ``MIN_CROSS`` same-story pairs in two languages), the threshold with the best
    mean event-level BCubed F1 over them, and the candidate cut at the dense cosine that
    keeps 98% of their same-story pairs."""
    from sklearn.linear_model import LogisticRegression

    tables = [pair_table(f, labels, base) for f, labels in sets]
    x = np.vstack([t[0] for t in tables])
    y = np.concatenate([t[1] for t in tables])
    same = np.concatenate([t[2] for t in tables])
    full = LogisticRegression(max_iter=3000, C=10).fit(x[same], y[same])
    two = ~same if (y & ~same).sum() >= MIN_CROSS else np.ones_like(same)
    cross = LogisticRegression(max_iter=3000, C=10).fit(x[two][:, 1:], y[two])
    w = full.coef_[0]
    c = cross.coef_[0]
    candidate = float(np.floor(np.percentile(x[y, 2], 2) * 20) / 20)
    fitted = replace(
        base,
        bias=round(float(full.intercept_[0]), 2),
        words=round(float(w[0]), 2),
        names=round(float(w[1]), 2),
        dense=round(float(w[2]), 2),
        cross_bias=round(float(cross.intercept_[0]), 2),
        cross_names=round(float(c[0]), 2),
        cross_dense=round(float(c[1]), 2),
        candidate=candidate,
    )
    scores = {
        t: float(np.mean([bcubed(ours(f, replace(fitted, threshold=t)), g)[2] for f, g in sets]))
        for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
    }
    print(
        "    threshold: mean BCubed F1",
        json.dumps({str(k): round(v, 3) for k, v in scores.items()}),
    )
    return replace(fitted, threshold=max(scores, key=lambda t: (scores[t], -t)))


def _row(name: str, scores: tuple[float, float, float], extra: str = "") -> None:
    p, r, f = scores
    print(f"  {name:<34} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fit", action="store_true", help="fit on ECB+ and Multi-News val")
    parser.add_argument("--embedder", default="minilm-static")
    parser.add_argument(
        "--real",
        type=Path,
        metavar="DIR",
        help="only the labelled real sets under DIR (bench/data/stories, or the held-out "
        "bench/data/stories-check), grouped as `newsweave stories` would (--embedder auto); "
        "with --fit, each set is scored by weights fitted without it",
    )
    args = parser.parse_args()
    if args.real is not None:
        if not args.real.is_dir():
            parser.error(f"--real {args.real}: no such folder")
        sets = real_sets(args.real)
        if args.fit:
            name = story_embedder([a for arts, _ in sets.values() for a in arts], args.embedder)
            fitted, held = fit_real(sets, name, decision_for(name))
            report_real(sets, args.embedder, held)
        else:
            report_real(sets, args.embedder)
        return
    model = get_embedder(args.embedder)
    decision = decision_for(model.name)
    print(f"embedder {model.name}; decision {decision}")

    arts, topics, events = ecb_articles()
    t0 = time.perf_counter()
    features = featurize(arts, model)
    t1 = time.perf_counter()
    print(f"\nECB+: {len(arts)} articles, {len(set(topics))} topics, {len(set(events))} events")
    print(f"  features {t1 - t0:.1f} s ({len(arts) / (t1 - t0):.0f} articles/s)")
    mn_val, mn_val_gold = multi_news("validation")
    mn_val_features = featurize(mn_val, model)
    if args.fit:
        topic_ids = sorted(set(topics), key=int)
        folds = [[i for i, t in enumerate(topics) if topic_ids.index(t) % 2 == k] for k in (0, 1)]
        pred = [""] * len(arts)
        for k in (0, 1):
            train, test = folds[1 - k], folds[k]
            train_set = (features.take(train), [events[i] for i in train])
            fitted = fit([train_set, (mn_val_features, mn_val_gold)], decision)
            print(f"  fold {k}: fitted {fitted}")
            for i, label in zip(test, ours(features.take(test), fitted), strict=True):
                pred[i] = f"{k}-{label}"
        _row("ours, 2-fold CV by topic: topic", bcubed(pred, topics))
        _row("ours, 2-fold CV by topic: event", bcubed(pred, events))
        decision = fit([(features, events), (mn_val_features, mn_val_gold)], decision)
        print(f"  fitted on all of ECB+ and Multi-News validation: {decision}")
    t2 = time.perf_counter()
    pred = ours(features, decision)
    t3 = time.perf_counter()
    name = "fitted" if args.fit else "shipped"
    _row(f"ours ({name} weights): topic", bcubed(pred, topics), f"({len(set(pred))} stories)")
    _row(f"ours ({name} weights): event", bcubed(pred, events), f"grouping {t3 - t2:.2f} s")
    for level, gold in (("topic", topics), ("event", events)):
        threshold, labels = baseline(arts, gold)
        _row(f"baseline TF-IDF+agglo: {level}", bcubed(labels, gold), f"(tuned at {threshold:.2f})")

    for split in ("validation", "test"):
        mn, gold = (mn_val, mn_val_gold) if split == "validation" else multi_news(split)
        f = mn_val_features if split == "validation" else featurize(mn, model)
        seen = " (fitted on it)" if args.fit and split == "validation" else ""
        print(f"\nMulti-News {split}{seen}: {len(mn)} articles, {len(set(gold))} clusters")
        _row(f"ours ({name} weights)", bcubed(ours(f, decision), gold))
        threshold, labels = baseline(mn, gold)
        _row("baseline TF-IDF+agglo", bcubed(labels, gold), f"(tuned at {threshold:.2f})")

    for own in ("close-events", "multilingual"):
        if not (OWN_SETS / f"{own}.jsonl").is_file():
            continue
        own_arts, gold = own_set(own)
        f = featurize(own_arts, model)
        print(f"\nown set {own}: {len(own_arts)} articles, {len(set(gold))} stories")
        _row(f"ours ({name} weights)", bcubed(ours(f, decision), gold))
        threshold, labels = baseline(own_arts, gold)
        _row("baseline TF-IDF+agglo", bcubed(labels, gold), f"(tuned at {threshold:.2f})")


def real_sets(folder: Path) -> dict[str, tuple[list[Article], list[str]]]:
    """The labelled real sets under ``folder`` (each ``<name>/articles.jsonl``)."""
    return {path.parent.name: labelled(path) for path in sorted(folder.glob("*/articles.jsonl"))}


def bcubed_of(pred: Sequence[str], gold: Sequence[str], rows: Sequence[int]) -> tuple[float, ...]:
    """BCubed precision, recall and F1 averaged over ``rows`` only (one language's
    articles), each judged against the whole grouping."""
    precision = recall = 0.0
    for i in rows:
        mine = [j for j in range(len(pred)) if pred[j] == pred[i]]
        theirs = [j for j in range(len(gold)) if gold[j] == gold[i]]
        both = sum(1 for j in mine if gold[j] == gold[i])
        precision += both / len(mine)
        recall += both / len(theirs)
    p, r = precision / len(rows), recall / len(rows)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def grouped(arts: Sequence[Article], embedder: str, decision: Decision | None) -> list[str]:
    """Labels from grouping ``arts`` as ``newsweave stories`` would, with ``embedder``
    (``auto``: the one the CLI picks for them) and its decision unless one is given."""
    name = story_embedder(arts, embedder)
    return ours(featurize(arts, get_embedder(name)), decision or decision_for(name))


def report_real(
    sets: dict[str, tuple[list[Article], list[str]]],
    embedder: str,
    decisions: dict[str, Decision] | None = None,
) -> None:
    """BCubed per real set: English articles alone, all languages, and per language, each
    beside the TF-IDF + agglomerative baseline tuned on that very set."""
    for name, (arts, gold) in sets.items():
        decision = (decisions or {}).get(name)
        langs = [a.lang or "en" for a in arts]
        en = [i for i, lang in enumerate(langs) if lang == "en"]
        print(
            f"\nreal set {name}: {len(arts)} articles, {len(set(gold))} stories,",
            f"{len(en)} in English",
        )
        en_arts, en_gold = [arts[i] for i in en], [gold[i] for i in en]
        _row("ours: English only", bcubed(grouped(en_arts, embedder, None), en_gold))
        threshold, labels = baseline(en_arts, en_gold)
        _row("baseline: English only", bcubed(labels, en_gold), f"(tuned at {threshold:.2f})")
        pred = grouped(arts, embedder, decision)
        _row("ours: all languages", bcubed(pred, gold), f"({len(set(pred))} stories)")
        threshold, base = baseline(arts, gold)
        _row("baseline: all languages", bcubed(base, gold), f"(tuned at {threshold:.2f})")
        for lang in sorted(set(langs), key=lambda x: (-langs.count(x), x)):
            rows = [i for i, x in enumerate(langs) if x == lang]
            ours_l, base_l = bcubed_of(pred, gold, rows), bcubed_of(base, gold, rows)
            print(
                f"    {lang} ({len(rows)}): ours F1 {ours_l[2]:.3f} (P {ours_l[0]:.3f} "
                f"R {ours_l[1]:.3f}); baseline F1 {base_l[2]:.3f}"
            )


def fit_real(
    sets: dict[str, tuple[list[Article], list[str]]], embedder: str, base: Decision
) -> tuple[Decision, dict[str, Decision]]:
    """The decision fitted on ECB+, Multi-News validation and every real set, and, for
    each real set, one fitted without it (so its figures come from weights that never saw
    it)."""
    model = get_embedder(embedder)
    arts, _, events = ecb_articles()
    mn, mn_gold = multi_news("validation")
    corpora = [(featurize(arts, model), events), (featurize(mn, model), mn_gold)]
    own = {name: (featurize(a, model), g) for name, (a, g) in sets.items()}
    held = {}
    for name in own:
        held[name] = fit(corpora + [v for k, v in own.items() if k != name], base)
        print(f"  fitted without {name}: {held[name]}")
    fitted = fit(corpora + list(own.values()), base)
    print(f"  fitted on all: {fitted}")
    return fitted, held


if __name__ == "__main__":
    main()
