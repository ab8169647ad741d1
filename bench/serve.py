"""Read latency of ``newsweave serve`` while articles are ingested.

    python bench/serve.py [--db postgresql://…] [--readers 50] [--articles 1000]

Builds a store with the harbour-bridge example briefed, starts ``newsweave serve`` on it in
its own process (``--no-worker``: briefing runs elsewhere, as beside a watcher), then runs
``--readers`` concurrent readers of the list page, the story page and the briefing API
while one writer POSTs ``--articles`` articles (the close-events set, varied) in batches of
50. Prints p50/p95/p99 read latency, the error count, and the ingest rate.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

TOKEN = "bench-token"


def _records(n: int) -> list[dict[str, str]]:
    base = [
        json.loads(x)
        for x in (ROOT / "tests/data/clusters/close-events.jsonl").read_text().splitlines()
    ]
    out = []
    for k in range(n):
        r = base[k % len(base)]
        out.append(
            {
                "id": f"bench-{k}",
                "title": r["title"],
                "source": f"Outlet {k % 37}",
                "text": r["text"] + f"\n\nUpdate {k}: reporters at the scene sent a further note.",
            }
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="", help="a postgresql:// URL (default: a SQLite file)")
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of reads alone first")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers")
    args = parser.parse_args()

    from servicedb import briefed_store, wait_until_up

    folder = Path(tempfile.mkdtemp(prefix="nw-serve-"))
    db = args.db or str(folder / "news.db")
    if args.db:
        from sqlalchemy import create_engine, text

        engine = create_engine(args.db.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as conn:
            conn.execute(
                text(
                    "DROP TABLE IF EXISTS nw_meta, nw_articles, nw_documents, nw_pairs, "
                    "nw_stories, nw_briefings, nw_sources, nw_seen"
                )
            )
        engine.dispose()
    started = time.perf_counter()
    if args.db:
        _briefed_pg(db)
    else:
        briefed_store(Path(db))
    kind = "PostgreSQL" if args.db else "SQLite"
    print(f"store ready in {time.perf_counter() - started:.1f} s ({kind})")
    env = {
        **os.environ,
        "NEWSWEAVE_API_TOKEN": TOKEN,
        "NEWSWEAVE_API_RATE": "100000",
        "NEWSWEAVE_STORY_EMBEDDER": "lexical",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsweave",
            "serve",
            "--db",
            db,
            "--port",
            str(args.port),
            "--no-worker",
        ],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        wait_until_up(base)
        sid = httpx.get(f"{base}/api/stories").json()["stories"][0]["id"]
        paths = ["/", f"/stories/{sid}", f"/api/stories/{sid}/briefing", "/api/stories?limit=20"]
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        done = threading.Event()

        def reader(k: int) -> None:
            with httpx.Client(base_url=base, timeout=30) as client:
                n = k
                while not done.is_set():
                    path = paths[n % len(paths)]
                    n += 1
                    t = time.perf_counter()
                    try:
                        status = client.get(path).status_code
                    except httpx.HTTPError as exc:
                        status = 0
                        with lock:
                            errors.append(type(exc).__name__)
                    took = time.perf_counter() - t
                    with lock:
                        latencies.append(took)
                        if status and status >= 400:
                            errors.append(str(status))

        threads = [
            threading.Thread(target=reader, args=(k,), daemon=True) for k in range(args.readers)
        ]
        for t in threads:
            t.start()
        time.sleep(args.idle)  # reads alone first: the baseline
        with lock:
            idle = latencies[:]
            latencies.clear()
        records = _records(args.articles)
        t0 = time.perf_counter()
        with httpx.Client(
            base_url=base, timeout=120, headers={"Authorization": f"Bearer {TOKEN}"}
        ) as writer:
            for start in range(0, len(records), 50):
                r = writer.post("/api/articles", json=records[start : start + 50])
                if r.status_code != 200:
                    errors.append(f"POST {r.status_code}")
        ingest = time.perf_counter() - t0
        done.set()
        for t in threads:
            t.join(timeout=60)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"{args.readers} readers; {args.articles} articles ingested in {ingest:.1f} s "
        f"({args.articles / ingest:.0f} articles/s)"
    )
    for label, values in (("reads alone", idle), ("while ingesting", latencies)):
        q = statistics.quantiles(values, n=100)
        print(
            f"{label:>16}: {len(values)} reads, ms p50 {q[49] * 1000:.0f}  "
            f"p95 {q[94] * 1000:.0f}  p99 {q[98] * 1000:.0f}  max {max(values) * 1000:.0f}"
        )
    print(f"errors: {len(errors)}" + (f" ({', '.join(sorted(set(errors)))})" if errors else ""))
    return 0


def _briefed_pg(url: str) -> None:
    from newsweave.grouping.store import open_store
    from newsweave.read import read_inputs
    from newsweave.service.refresh import refresh
    from newsweave.settings import load_settings

    settings = load_settings(story_embedder="lexical", today="2025-10-20")
    store = open_store(url, "lexical")
    store.ingest(read_inputs([str(ROOT / "examples" / "harbour-bridge")], settings).articles)
    store.close()
    refresh(url, settings)


if __name__ == "__main__":
    raise SystemExit(main())
