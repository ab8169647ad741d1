"""Time `newsweave brief` on the seeds and on a corpus 20 times larger; print a table.

Usage:  python bench/brief.py [--seeds ../shared/seeds] [--repeat 3]

Figures:
* cold: a fresh `newsweave brief` process (imports, model load, everything);
* warm: the library call again in a process that has already loaded the model;
* annotate / bare nlp.pipe: our annotate stage against plain ``nlp.pipe`` over the same
  article texts, both warm (target: 1.3x or less);
* `newsweave --help`: start-up time of the CLI (target: under 0.5 s).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent / "newsweave"


def synthetic_corpus(sources: list[Path], out: Path, n: int, seed: int = 7) -> None:
    """Write ``n`` articles mixing the paragraphs of ``sources`` (deterministic)."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    headlines: list[str] = []
    for path in sources:
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        headlines.append(blocks[0].splitlines()[0])
        paragraphs.extend(b for b in blocks[1:] if len(b.split()) > 12)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(12, 20)))
        text = rng.choice(headlines) + "\n\n" + "\n\n".join(body) + "\n"
        (out / f"synthetic-{i:04d}.txt").write_text(text, encoding="utf-8")


def time_cold(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(BIN), "brief", str(folder), "--format", "json", "-o", os.devnull],
        check=False,
        capture_output=True,
    )
    return time.perf_counter() - start


def time_help(repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([str(BIN), "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def time_warm(folder: Path, repeat: int) -> tuple[float, float, float, int, int]:
    """(whole brief, annotate stage, bare nlp.pipe) in seconds, best of ``repeat``."""
    from newsweave.nlp.annotate import annotate, load_pipeline
    from newsweave.pipeline import brief
    from newsweave.read import read_inputs
    from newsweave.text.clean import clean_article

    nlp = load_pipeline()
    brief([str(folder)])  # warm-up: model, gazetteer, caches
    articles = [clean_article(a) for a in read_inputs([str(folder)]).articles]
    texts = [a.text for a in articles]
    whole, ours, bare = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        brief([str(folder)])
        whole.append(time.perf_counter() - start)
        start = time.perf_counter()
        annotate(articles, nlp=nlp)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=256):
            pass
        bare.append(time.perf_counter() - start)
    chars = sum(len(t) for t in texts)
    return min(whole), min(ours), min(bare), len(articles), chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.seeds.is_dir():
        sys.exit(f"{args.seeds}: no seeds folder; pass --seeds")
    sources = sorted(args.seeds.glob("*.txt"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        large = Path(tmp) / "x20"
        synthetic_corpus(sources, large, 20 * len(sources))
        for label, folder in (("seeds", args.seeds), ("seeds x20 (synthetic)", large)):
            cold = statistics.median(time_cold(folder) for _ in range(2))
            whole, ours, bare, n, chars = time_warm(folder, args.repeat)
            rows.append((label, n, chars, cold, whole, ours, bare))
    help_s = time_help()
    print(f"newsweave brief — {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    header = (
        f"{'corpus':<22} {'articles':>8} {'chars':>8} {'cold s':>7} {'warm s':>7} "
        f"{'art/s':>6} {'annotate s':>10} {'nlp.pipe s':>10} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    for label, n, chars, cold, whole, ours, bare in rows:
        print(
            f"{label:<22} {n:>8} {chars:>8} {cold:>7.2f} {whole:>7.2f} {n / whole:>6.1f} "
            f"{ours:>10.2f} {bare:>10.2f} {ours / bare:>6.2f}"
        )
    print(f"\n`newsweave --help`: {help_s:.3f} s (best of 5)")


if __name__ == "__main__":
    main()
