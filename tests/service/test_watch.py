"""service.watch end to end on loopback: feeds publish reports one by one, the watcher keeps
the stories and their briefings current, ?since= tells exactly what changed, and kill -9
loses and doubles nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feedserver import Feeds, Item, feed_server
from newsweave.grouping.store import open_stored
from newsweave.service.versions import latest, listing, stale_stories
from newsweave.service.watch import interval, watch
from newsweave.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
HARBOUR = ROOT / "examples" / "harbour-bridge"
SETTINGS = {"story_embedder": "lexical", "today": "2025-10-20"}


def _item(path: Path) -> Item:
    text = path.read_text(encoding="utf-8")
    return Item(path.stem, text.strip().splitlines()[0], text, "Wed, 15 Oct 2025 08:00:00 GMT")


def _round(feeds: Feeds, names: list[str], db: Path) -> None:
    time.sleep(1.1)  # a new second: versions are stamped to the second, and sources fall due
    watch(
        [feeds.url(n) for n in names],
        str(db),
        load_settings(**SETTINGS),
        every=1.0,
        once=True,
        host_delay=0,
    )


def test_feeds_published_one_by_one_keep_the_briefing_current(nlp, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsweave.service.app import create_app

    db = tmp_path / "news.db"
    # the toll they give: "at least two", then "three" (twice); the later one says "four"
    outlets = ["westmarch-herald", "meridian-post", "northwire"]
    with feed_server() as feeds:
        for name in outlets[:2]:
            feeds.publish(name, name.replace("-", " ").title(), _item(HARBOUR / f"{name}.txt"))
        _round(feeds, outlets[:2], db)
        store = open_stored(db)
        ((story,), _) = listing(store)
        assert (story.articles, story.version) == (2, 1)
        # one more outlet a round: the story grows under the same id, a version each time
        feeds.publish(outlets[2], "Northwire", _item(HARBOUR / "northwire.txt"))
        _round(feeds, outlets, db)
        ((story,), _) = listing(store)
        assert (story.articles, story.version) == (3, 2)
        assert stale_stories(store) == []
        before = latest(store, story.id)
        assert before is not None
        # the polls asked with the ETag they were given: unchanged feeds answered 304
        assert ("/westmarch-herald.xml", 304) in feeds.requests

        # a later report with a new toll
        time.sleep(1.1)
        since = before.made
        feeds.publish("calder-courier", "Calder Courier", _item(HARBOUR / "calder-courier.txt"))
        _round(feeds, [*outlets, "calder-courier"], db)

        with TestClient(create_app(str(db), load_settings(**SETTINGS), worker=False)) as client:
            data = client.get(f"/api/stories/{story.id}/briefing", params={"since": since}).json()
    updates = data["updates"]
    calder = next(a["id"] for a in data["articles"] if a["source"] == "Calder Courier")
    assert [a["id"] for a in updates["articles"]] == [calder]
    assert data["version"]["number"] == 3
    killed = next(f for f in updates["figures"] if f["about"] == "people:killed")
    assert "Four" not in {v["value"] for v in killed["before"]}
    assert "Four" in {v["value"] for v in killed["now"]}
    assert updates["quotes"]
    assert {q["article"] for q in updates["quotes"]} == {calder}
    assert all(calder in f["articles"] for f in updates["facts"])


def test_kill_9_loses_and_doubles_nothing(tmp_path: Path) -> None:
    """The watcher is killed in the middle of its round; the next run ends where one
    uninterrupted run would: every article once, every story briefed."""
    records = [
        json.loads(line)
        for line in (ROOT / "tests" / "data" / "clusters" / "close-events.jsonl")
        .read_text()
        .splitlines()
    ]
    db = tmp_path / "news.db"
    env = {**os.environ, "NEWSWEAVE_STORY_EMBEDDER": "lexical", "NEWSWEAVE_TODAY": "2023-12-31"}
    with feed_server() as feeds:
        for r in records:
            feeds.publish("wire", "Close Wire", Item(r["id"], r["title"], r["text"]))
        command = [
            sys.executable,
            "-m",
            "newsweave",
            "watch",
            feeds.url("wire"),
            "--db",
            str(db),
            "--once",
            "--host-delay",
            "0",
            "-q",
        ]
        process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
            if db.exists() and _briefed(db) >= 1:
                break
        assert process.poll() is None, "the watcher ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        assert process.stderr is not None
        process.stderr.close()
        killed_at = _briefed(db)
        again = subprocess.run(command, env=env, capture_output=True, timeout=600, check=False)
        assert again.returncode == 0, again.stderr.decode()[-2000:]
    store = open_stored(db)
    try:
        assert store.count() == len({_text_id(r["text"]) for r in records})
        assert stale_stories(store) == []
        stories, total = listing(store, limit=200)
        assert total == len(store.stories())
        assert sum(s.articles for s in stories) == store.count()
        assert _briefed(db) >= killed_at
    finally:
        store.close()


def _briefed(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM nw_briefings").fetchone()[0])
    except sqlite3.Error:
        return 0


def _text_id(text: str) -> str:
    from newsweave.read._article import article_id

    return article_id(text.strip())


def test_every_reads_seconds_minutes_and_hours() -> None:
    from newsweave.errors import InputError

    assert (interval("30s"), interval("10m"), interval("1h")) == (30.0, 600.0, 3600.0)
    with pytest.raises(InputError, match="give a time such as"):
        interval("soon")
    with pytest.raises(InputError, match="between 1 s and 7 days"):
        interval("0.1s")


@pytest.mark.seeds
def test_the_seeds_published_one_by_one_grow_one_story(nlp, shared: Path, tmp_path: Path) -> None:
    """Each seed report from its own feed, one a round: one story, a version per report."""
    db = tmp_path / "seeds.db"
    seeds = sorted((shared / "seeds").glob("*.txt"))
    with feed_server() as feeds:
        for k, path in enumerate(seeds, 1):
            text = path.read_text(encoding="utf-8")
            item = Item(
                path.stem, text.strip().splitlines()[0], text, "Tue, 12 Sep 2023 08:00:00 GMT"
            )
            feeds.publish(f"outlet-{k}", f"Outlet {k}", item)
            time.sleep(1.1)
            watch(
                [feeds.url(f"outlet-{n}") for n in range(1, k + 1)],
                str(db),
                load_settings(story_embedder="lexical", today="2023-09-14"),
                every=1.0,
                once=True,
                host_delay=0,
            )
    store = open_stored(db)
    try:
        ((story,), _) = listing(store)
        assert (story.articles, story.version) == (len(seeds), len(seeds))
        assert story.outlets == tuple(f"Outlet {k}" for k in range(1, len(seeds) + 1))
        assert story.disputed >= 1  # the venue: Vladivostok or the Vostochny Cosmodrome
    finally:
        store.close()


def test_a_slow_feed_costs_its_timeout_not_the_round(tmp_path: Path) -> None:
    """A site that trickles its feed a byte at a time is given up after fetch_timeout (body
    included), listed as failed with the reason and asked again later, after a longer wait;
    the other feed's articles are stored and briefed in the same round."""
    db = tmp_path / "news.db"
    with feed_server() as feeds:
        feeds.publish("quick", "Quick Wire", _item(HARBOUR / "northwire.txt"))
        feeds.publish("slow", "Slow Post", _item(HARBOUR / "meridian-post.txt"))
        feeds.slow["slow"] = 0.05  # ~4 KB at 20 bytes a second: minutes, if waited for
        settings = load_settings(**SETTINGS, fetch_timeout=2.0)
        started = time.monotonic()
        done = watch(
            [feeds.url("quick"), feeds.url("slow")],
            str(db),
            settings,
            every=60.0,
            once=True,
            host_delay=0,
        )
        took = time.monotonic() - started
    assert took < 60  # one timeout, not the trickle's minutes (briefing included)
    assert (done.polled, done.added, len(done.briefed)) == (2, 1, 1)
    ((url, problem),) = done.failed
    assert url == feeds.url("slow")
    assert problem.endswith("timed out after 2 s")
    store = open_stored(db)
    try:
        ((story,), _) = listing(store)
        assert story.outlets == ("Quick Wire",)
        import datetime as dt

        from newsweave.service.sources import _state

        def wait(url: str) -> float:
            state = _state(store, url)
            due, checked = (dt.datetime.fromisoformat(state[k]) for k in ("due", "checked"))
            return (due - checked).total_seconds()

        # the quick feed is asked again after --every; the slow one after twice that
        assert (wait(feeds.url("quick")), wait(feeds.url("slow"))) == (60.0, 120.0)
        assert _state(store, feeds.url("slow"))["failures"] == 1
    finally:
        store.close()


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::FutureWarning")
def test_a_large_round_runs_on_ray_and_stores_the_same(
    local_ray: None, nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--engine ray with a threshold each source reaches: the features run on Ray, and the
    store ends as the local engine leaves it (Ray's briefs: tests/service/test_refresh.py)."""
    from newsweave.scale import ray_engine

    on_ray: list[int] = []
    real = ray_engine.featurize_with_ray

    def counted(articles: list[object], *args: object, **kw: object) -> object:
        on_ray.append(len(articles))
        return real(articles, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ray_engine, "featurize_with_ray", counted)
    outlets = ["westmarch-herald", "meridian-post", "northwire"]
    records = {}
    for engine in ("local", "ray"):
        db = tmp_path / f"{engine}.db"
        with feed_server() as feeds:
            for name in outlets:
                feeds.publish(name, name.title(), _item(HARBOUR / f"{name}.txt"))
            done = watch(
                [feeds.url(n) for n in outlets],
                str(db),
                load_settings(**SETTINGS),
                every=60.0,
                once=True,
                host_delay=0,
                engine=engine,
                ray_from=1,
            )
        assert (done.added, len(done.briefed)) == (3, 1)
        store = open_stored(db)
        ((story,), _) = listing(store)
        version = latest(store, story.id)
        store.close()
        assert version is not None
        records[engine] = json.loads(version.record)
    assert on_ray == [1, 1, 1]  # one call per source, on the Ray run only
    assert records["ray"]["facts"] == records["local"]["facts"]
    assert records["ray"]["summary"] == records["local"]["summary"]
    from newsweave.scale.cluster import connected

    assert connected()  # the watcher left the Ray it found running


@pytest.mark.parametrize(("was_up", "stopped"), [(False, True), (True, False)])
def test_the_watcher_stops_only_a_ray_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, was_up: bool, stopped: bool
) -> None:
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'newsweave[ray]')")
    from newsweave.scale import cluster

    calls: list[str] = []
    monkeypatch.setattr(cluster, "connected", lambda: was_up)
    monkeypatch.setattr(cluster, "disconnect", lambda: calls.append("disconnect"))
    with feed_server() as feeds:  # a source that is not there: the round has no articles
        done = watch(
            [feeds.url("gone")],
            str(tmp_path / "news.db"),
            load_settings(**SETTINGS),
            once=True,
            host_delay=0,
            engine="ray",
        )
    assert len(done.failed) == 1
    assert (calls == ["disconnect"]) is stopped
