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
from servicedb import SETTINGS, briefed_store


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
