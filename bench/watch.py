"""One large ``newsweave watch`` round, on the local engine and on Ray.

    python bench/watch.py [--feeds validation test] [--ray-from 500] [--embedder NAME]

Serves the Multi-News sample (../shared/corpora; real news, one JSON Feed per split: 690
and 666 articles in 250 clusters each) from a loopback HTTP server, and runs one watcher
round (``watch(..., once=True)``: poll, group, brief every new story) into a fresh SQLite
store, first with ``engine="local"``, then with ``engine="ray"`` (a local Ray on this
machine's cores, its start-up included). Each feed is one ingest of more than
``--ray-from`` articles, so Ray computes its features, and the round's stories are briefed
as Ray tasks. Prints each engine's seconds, articles per second, stories briefed, and
whether the two stores hold the same stories and the same briefings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpora" / "multi_news_sample"


def write_feed(split: str, folder: Path) -> int:
    """The split's articles as a JSON Feed in ``folder``; returns how many."""
    items = []
    day = dt.date(2016, 1, 1)
    for line in (CORPUS / f"{split}_articles_by_cluster.jsonl").read_text().splitlines():
        rec = json.loads(line)
        text = rec["text"].replace(" \n \n ", "\n\n").strip()
        if not text:
            continue
        title = text.splitlines()[0][:200]
        items.append(
            {
                "id": rec["article_id"],
                "url": f"https://{split}.example/{rec['article_id']}",
                "title": title,
                "content_text": text,
                "date_published": (day + dt.timedelta(days=int(rec["cluster_id"]))).isoformat(),
            }
        )
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": f"{split} desk", "items": items}
    (folder / f"{split}.json").write_text(json.dumps(feed), encoding="utf-8")
    return len(items)


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def one_round(urls: list[str], db: Path, engine: str, args: argparse.Namespace) -> tuple:
    from newsweave.service.watch import watch
    from newsweave.settings import load_settings

    settings = load_settings(story_embedder=args.embedder, today="2026-12-06", max_bytes=20_000_000)
    started = time.perf_counter()
    done = watch(
        urls, str(db), settings, once=True, host_delay=0, engine=engine, ray_from=args.ray_from
    )
    return time.perf_counter() - started, done


def contents(db: Path) -> tuple[dict[tuple[str, ...], str], int]:
    """Each story's members and its latest briefing's facts and summary; and the count."""
    from newsweave.grouping.store import open_stored
    from newsweave.service.versions import latest, listing

    store = open_stored(db)
    try:
        found, total = listing(store, limit=100_000)
        out = {}
        for story in found:
            version = latest(store, story.id)
            data = json.loads(version.record) if version else {}
            out[tuple(story.members)] = json.dumps([data.get("facts"), data.get("summary")])
        return out, total
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", nargs="+", default=["validation", "test"])
    parser.add_argument("--ray-from", type=int, default=500)
    parser.add_argument("--embedder", default="minilm-static")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} not found (set NEWSWEAVE_SHARED)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sizes = {split: write_feed(split, folder) for split in args.feeds}
        server = serve(folder)
        port = server.server_address[1]
        urls = [f"http://127.0.0.1:{port}/{split}.json" for split in args.feeds]
        articles = sum(sizes.values())
        print(f"{articles} articles in {len(urls)} feeds ({sizes}), {os.cpu_count()} cores")
        results = {}
        for engine in ("local", "ray"):
            db = folder / f"{engine}.db"
            seconds, done = one_round(urls, db, engine, args)
            results[engine] = contents(db)
            print(
                f"{engine:>5}: {seconds:7.1f} s  {done.added / seconds:6.1f} articles/s  "
                f"{done.added} added, {len(done.briefed)} stories briefed, "
                f"{len(done.failed)} sources failed"
            )
        server.shutdown()
        same = results["local"][0] == results["ray"][0]
        print(f"same stories and briefings on both engines: {same}")


if __name__ == "__main__":
    main()
