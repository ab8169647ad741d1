"""Big JSON Lines archives through ``newsweave stories``: time and peak memory by size.

Usage:  python bench/archive.py [MB ...] [--embedder NAME] [--db] [--keep DIR]
        (default 50 200 1000 MB, embedder minilm-static)

Each size is a JSON Lines archive of synthetic articles from ``bench/_synth.py`` (several
seeded worlds of 100,000 articles, ids prefixed by the world), written to a temporary
folder and grouped by the real command, ``newsweave stories ARCHIVE --format json``, in a
child process whose peak memory (``ru_maxrss``) is that run's alone. With ``--db`` the
run ingests into a new SQLite store instead of grouping in one batch.

What it shows: the archive is never rejected for its size (the limit is on each record),
and memory grows with the articles' features, not with the texts: past
``HOLD_ARTICLES`` articles the command lets each block's texts go once it has their
features. Compare the peak with the archive's size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

WORLD = 100_000  # articles per seeded synthetic world


def write_archive(path: Path, megabytes: int) -> int:
    """Write about ``megabytes`` MB of JSON Lines records to ``path``; return the count."""
    from _synth import synth_records

    target = megabytes * 1_000_000
    written = count = 0
    seed = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            for rec in synth_records(WORLD, seed=seed):
                rec = {**rec, "id": f"w{seed}-{rec['id']}"}
                rec.pop("story", None)
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                count += 1
                if written >= target:
                    break
            seed += 1
    return count


def run(archive: Path, embedder: str, db: Path | None) -> tuple[float, float, int, int]:
    """Group ``archive`` with the CLI in a child process: seconds, peak MB, stories,
    rejected inputs."""
    cmd = [
        sys.executable,
        "-m",
        "newsweave",
        "stories",
        str(archive),
        "--format",
        "json",
        "--embedder",
        embedder,
        "--max-bytes",
        "100000",
    ]
    if db is not None:
        cmd += ["--db", str(db)]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    if done.returncode not in (0, 1):
        raise SystemExit(f"newsweave stories failed ({done.returncode}): {done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out = json.loads(done.stdout)
    return seconds, peak, len(out["stories"]), len(out["rejected"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[50, 200, 1000])
    parser.add_argument("--embedder", default="minilm-static")
    parser.add_argument("--db", action="store_true", help="ingest into a new SQLite store")
    parser.add_argument("--keep", type=Path, help="write the archives here and keep them")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mode = "into a SQLite store" if args.db else "batch"
    print(f"newsweave stories on JSON Lines archives, {mode}, {args.embedder}, {cores} cores")
    print(f"{'MB':>6} {'articles':>9} {'seconds':>8} {'art/s':>6} {'peak MB':>8} {'stories':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            archive = folder / f"archive-{size}mb.jsonl"
            if not archive.exists():
                write_archive(archive, size)
            with archive.open("rb") as fh:
                count = sum(1 for _ in fh)
            db = Path(tmp) / f"stories-{size}.db" if args.db else None
            # Each size in its own child of a fresh interpreter, so RUSAGE_CHILDREN's peak
            # is that size's run alone.
            child = subprocess.run(
                [sys.executable, __file__, "--one", str(archive), args.embedder, str(db or "")],
                capture_output=True,
                text=True,
                check=False,
            )
            if child.returncode:
                raise SystemExit(f"{archive}: the run failed:\n{child.stderr[-3000:]}")
            seconds, peak, stories, rejected = json.loads(child.stdout.strip())
            print(
                f"{size:>6} {count:>9} {seconds:>8.0f} {count / seconds:>6.0f} {peak:>8.0f} "
                f"{stories:>8}" + (f"   ({rejected} rejected)" if rejected else ""),
                flush=True,
            )


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--one":
        _, _, path, name, store = sys.argv
        print(json.dumps(run(Path(path), name, Path(store) if store else None)))
    else:
        main()
