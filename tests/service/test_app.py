"""service.app: the app a real uvicorn serves on loopback, read in Chromium at phone and
desktop width: the list, a story, a citation's evidence highlighted, and back."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsweave.service.app import app_from_env, create_app, parse_since
from newsweave.service.guard import Guard
from servicedb import SETTINGS, briefed_store, wait_until_up


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, nlp) -> Iterator[str]:
    import uvicorn

    from newsweave.settings import load_settings

    db = briefed_store(tmp_path_factory.mktemp("served") / "news.db")
    app = create_app(db, load_settings(**SETTINGS), Guard(), worker=False)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


def test_the_api_explorer_renders_offline_in_chromium(browser, served: str) -> None:
    """/docs draws every operation from this server alone: Chromium here has no way out,
    and the page's policy would block anything from elsewhere."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    elsewhere: list[str] = []
    tab.on(
        "request",
        lambda r: None if r.url.startswith(served) else elsewhere.append(r.url),
    )
    tab.goto(served + "/docs")
    tab.locator(".opblock-summary-path").first.wait_for(timeout=20_000)
    paths = set(tab.locator(".opblock-summary-path").all_text_contents())
    assert {"/api/stories", "/api/articles", "/healthz"} <= {p.strip() for p in paths}
    assert "newsweave" in (tab.locator(".info .title").text_content() or "")
    assert errors == []
    assert [u for u in elsewhere if not u.startswith("data:")] == []
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_list_story_citation_and_back_in_chromium(browser, served: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 800 else 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    response = tab.goto(served + "/")
    assert response is not None
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert tab.evaluate("document.scrollingElement.scrollWidth") <= width
    tab.locator("li.story a").first.click()
    tab.wait_for_url("**/stories/**")
    assert tab.locator("nav.site a").text_content() == "← All stories"
    assert tab.evaluate("document.scrollingElement.scrollWidth") <= width
    chip = tab.locator("#brief button.chip").first
    start, end = int(chip.get_attribute("data-s") or 0), int(chip.get_attribute("data-e") or 0)
    article = chip.get_attribute("data-a")
    chip.click()
    marked = tab.locator(f'article[data-id="{article}"] .text mark')
    assert marked.first.is_visible()
    assert end - start == len("".join(marked.all_text_contents()))
    tab.locator("#back").click()
    box = chip.bounding_box()
    assert box is not None
    assert 0 <= box["y"] <= (tab.viewport_size or {"height": 0})["height"]
    tab.locator("nav.site a").click()
    tab.wait_for_url(served + "/")
    assert errors == []
    context.close()


def test_since_is_read_as_utc() -> None:
    assert parse_since("2023-09-04T12:00:00+02:00") == "2023-09-04T10:00:00+00:00"
    assert parse_since("2023-09-04") == "2023-09-04T00:00:00+00:00"
    assert parse_since("2023-09-04T10:00:00Z") == "2023-09-04T10:00:00+00:00"
    assert parse_since(None) is None
    from fastapi import HTTPException

    with pytest.raises(HTTPException):
        parse_since("last week")


def test_the_factory_reads_its_store_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from newsweave.errors import NewsweaveError

    monkeypatch.delenv("NEWSWEAVE_SERVE_DB", raising=False)
    with pytest.raises(RuntimeError, match="NEWSWEAVE_SERVE_DB is not set"):
        app_from_env()
    monkeypatch.setenv("NEWSWEAVE_SERVE_DB", str(tmp_path / "none.db"))
    with pytest.raises(NewsweaveError, match="no story store there"):
        app_from_env()


def _stores(tmp_path: Path) -> list[str]:
    """A SQLite file, and the PostgreSQL database CI starts (emptied of newsweave's tables)."""
    import os

    found = [str(tmp_path / "news.db")]
    url = os.environ.get("NEWSWEAVE_TEST_POSTGRES", "")
    if url:
        from sqlalchemy import create_engine, text

        engine = create_engine(url.replace("postgresql:", "postgresql+psycopg:", 1))
        with engine.begin() as conn:
            conn.execute(
                text(
                    "DROP TABLE IF EXISTS nw_pairs, nw_documents, nw_articles, nw_stories, "
                    "nw_meta, nw_briefings, nw_sources, nw_seen"
                )
            )
        engine.dispose()
        found.append(url)
    return found


def test_two_web_workers_and_a_watcher_share_one_store(tmp_path: Path) -> None:
    """`serve --workers 2 --no-worker` beside `watch`, as docs/service.md deploys them: every
    read succeeds, and what the watcher adds shows in both workers' answers."""
    import os
    import socket
    import subprocess
    import sys

    import httpx

    from feedserver import Item, feed_server

    harbour = Path(__file__).resolve().parents[2] / "examples" / "harbour-bridge"
    env = {**os.environ, "NEWSWEAVE_STORY_EMBEDDER": "lexical", "NEWSWEAVE_TODAY": "2025-10-20"}
    for db in _stores(tmp_path):
        with feed_server() as feeds:
            names = ["westmarch-herald", "meridian-post", "northwire"]
            for name in names[:2]:
                text = (harbour / f"{name}.txt").read_text(encoding="utf-8")
                feeds.publish(name, name, Item(name, text.splitlines()[0], text))
            watch = [
                sys.executable,
                "-m",
                "newsweave",
                "watch",
                "--db",
                db,
                "--once",
                "-q",
                "--every",
                "1s",
                "--host-delay",
                "0",
            ]
            subprocess.run(
                [*watch, *(feeds.url(n) for n in names[:2])], env=env, check=True, timeout=300
            )
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "newsweave",
                    "serve",
                    "--db",
                    db,
                    "--port",
                    str(port),
                    "--workers",
                    "2",
                    "--no-worker",
                ],
                env=env,
                stderr=subprocess.DEVNULL,
            )
            try:
                base = f"http://127.0.0.1:{port}"
                wait_until_up(base)
                first = httpx.get(f"{base}/api/stories").json()["stories"]
                assert [len(s["articles"]) for s in first] == [2]
                text = (harbour / "northwire.txt").read_text(encoding="utf-8")
                feeds.publish(names[2], names[2], Item(names[2], text.splitlines()[0], text))
                time.sleep(1.1)
                subprocess.run(
                    [*watch, *(feeds.url(n) for n in names)], env=env, check=True, timeout=300
                )
                time.sleep(1.1)  # the answers of the last second are kept
                with httpx.Client(base_url=base, timeout=30) as client:
                    answers = [client.get("/api/stories") for _ in range(20)]
                    fresh = [httpx.get(f"{base}/api/stories").json() for _ in range(6)]
                assert {a.status_code for a in answers} == {200}
                assert {len(f["stories"][0]["articles"]) for f in fresh} == {3}
                assert {f["stories"][0]["id"] for f in fresh} == {first[0]["id"]}
            finally:
                server.terminate()
                server.wait(timeout=30)
