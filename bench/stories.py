"""Story grouping at scale: articles per second, peak memory and time per article.

Usage:  python bench/stories.py [SIZE ...] [--embedder NAME] [--undated]
        (default sizes 1000 10000 100000, embedder minilm-static)

Each size is a synthetic corpus from ``bench/_synth.py`` (our own templates: close
neighbouring events, wire copies, boilerplate, missing dates), grouped in batch mode in a
fresh process, so peak memory (ru_maxrss) belongs to that size alone. It prints the time
of each stage, the BCubed F1 against the generator's labels, and the machine's cores.

``--undated`` makes the archive an undated one full of near-copies, the worst case for
candidate search: no record keeps its date (nothing in the synthetic text gives a full
one), and a third of the articles are syndicated copies of another one in the corpus,
under another outlet with one paragraph dropped or a line added (``near_copies``). The
size counts the copies.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


COPY_SHARE = 1 / 3  # share of an undated archive's articles that are near-copies


def near_copies(records: list[dict[str, str]], size: int, seed: int) -> list[dict[str, str]]:
    """``size`` undated records: ``records`` without their dates, and near-copies of them
    (the same story, another outlet, one paragraph dropped or a line added) making up
    ``COPY_SHARE`` of the result; a few originals are copied many times, as wire stories
    are."""
    import random

    rng = random.Random(seed)
    originals = [{k: v for k, v in r.items() if k != "published"} for r in records]
    out = list(originals)
    k = 0
    while len(out) < size:
        src = originals[min(int(rng.paretovariate(1.2)) - 1, len(originals) - 1)]
        src = src if rng.random() < 0.5 else rng.choice(originals)
        paras = src["text"].split("\n\n")
        if len(paras) > 2 and rng.random() < 0.5:
            del paras[rng.randrange(1, len(paras))]
        else:
            paras.append(f"This story was republished by partner outlet {k % 97}.")
        out.append(
            {
                **src,
                "id": f"copy-{k:07d}",
                "source": f"partner-{k % 97}",
                "text": "\n\n".join(paras),
            }
        )
        k += 1
    rng.shuffle(out)
    return out


def run_one(size: int, embedder: str, undated: bool = False) -> dict[str, float]:
    """Group ``size`` synthetic articles in this process; return the figures."""
    from _synth import synth_records
    from newsweave.embed import get_embedder
    from newsweave.grouping.decision import decision_for
    from newsweave.grouping.features import featurize
    from newsweave.grouping.linkage import cluster_rows
    from newsweave.grouping.pairs import find_pairs
    from newsweave.grouping.story import make_story
    from newsweave.model import Article
    from story_eval import bcubed

    if undated:
        records = near_copies(synth_records(round(size * (1 - COPY_SHARE)), seed=7), size, 7)
    else:
        records = synth_records(size, seed=7)
    gold = [r["story"] for r in records]
    articles = [
        Article(
            r["id"],
            r["source"],
            r["title"],
            r["text"],
            published=dt.date.fromisoformat(r["published"]) if "published" in r else None,
            lang=r["lang"],
        )
        for r in records
    ]
    del records
    model = get_embedder(embedder)
    model.encode(["warm up the model"])
    decision = decision_for(model.name)
    t0 = time.perf_counter()
    features = featurize(articles, model)
    t1 = time.perf_counter()
    pairs = find_pairs(features, decision)
    t2 = time.perf_counter()
    groups = cluster_rows(features, pairs, decision.threshold)
    stories = [make_story(features, g) for g in groups]
    t3 = time.perf_counter()
    label = {aid: s.id for s in stories for aid in s.article_ids}
    precision, recall, f1 = bcubed([label[a.id] for a in articles], gold)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "size": size,
        "features_s": t1 - t0,
        "pairs_s": t2 - t1,
        "group_s": t3 - t2,
        "total_s": t3 - t0,
        "pairs": len(pairs),
        "stories": len(stories),
        "f1": f1,
        "precision": precision,
        "recall": recall,
        "gold_stories": len(set(gold)),
        "peak_mb": rss_mb,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10_000, 100_000])
    parser.add_argument("--embedder", default="minilm-static")
    parser.add_argument(
        "--undated", action="store_true", help="undated archives with many near-copies"
    )
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.sizes[0], args.embedder, args.undated)))
        return
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    kind = "undated archives with near-copies" if args.undated else "dated news"
    print(f"story grouping, batch mode, {kind}, embedder {args.embedder}, {cores} cores")
    print(
        f"{'articles':>9} {'art/s':>7} {'ms/art':>7} {'features':>9} {'pairs':>7} "
        f"{'group':>7} {'peak MB':>8} {'stories':>8} {'gold':>8} {'P':>6} {'R':>6} {'F1':>6}"
    )
    first = None
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, str(size), "--embedder", args.embedder, "--one"]
            + (["--undated"] if args.undated else []),
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        per = 1000 * r["total_s"] / size
        first = first or per
        print(
            f"{size:>9} {size / r['total_s']:>7.0f} {per:>7.2f} {r['features_s']:>8.1f}s "
            f"{r['pairs_s']:>6.1f}s {r['group_s']:>6.1f}s {r['peak_mb']:>8.0f} "
            f"{r['stories']:>8} {r['gold_stories']:>8} {r['precision']:>6.3f} {r['recall']:>6.3f} "
            f"{r['f1']:>6.3f}   ({per / first:.2f}x the first size per article)",
            flush=True,
        )


if __name__ == "__main__":
    main()
