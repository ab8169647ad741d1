"""service.sources: source lists, JSON Feeds and sitemaps on a local server, conditional
requests, one request at a time per host, and backoff after failures."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.grouping.store import open_store
from newsweave.read.web import make_client
from newsweave.service.sources import Politeness, due, poll, record_poll, source_urls
from newsweave.settings import load_settings

PAGE = (
    "<html><head><title>{title}</title><meta property='og:site_name' content='Lake Post'>"
    "</head><body><article><h1>{title}</h1>"
    + "<p>The Kariba dam on the Zambezi opened its floodgates on Monday after a week of heavy "
    "rain upstream, the river authority said, and towns downstream were told to move to higher "
    "ground.</p>" * 3 + "</article></body></html>"
)


@pytest.fixture
def site() -> Iterator[tuple[str, dict[str, tuple[int, str, bytes]], list[str]]]:
    routes: dict[str, tuple[int, str, bytes]] = {}
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            status, kind, body = routes.get(self.path, (404, "text/plain", b"missing"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", routes, asked
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def _poll(url: str, db: Path) -> object:
    settings = load_settings(allow_private_urls=True)  # the test's pages are on loopback
    store = open_store(db, "lexical")
    client = make_client(settings)
    try:
        result = poll(url, store, settings, client, Politeness(0))
        record_poll(store, result, 60.0, [a.id for a in result.articles])
        return result
    finally:
        client.close()
        store.close()


def test_a_json_feed_and_its_teasers_pages(site, tmp_path: Path) -> None:
    base, routes, asked = site
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Lake Post",
        "items": [
            {
                "id": "1",
                "url": f"{base}/dam",
                "title": "Kariba dam opens",
                "content_text": "Teaser.",
            },
            {"id": "2", "title": "Full item", "content_text": "The river rose overnight. " * 30},
            "not an item",
        ],
    }
    routes["/feed.json"] = (200, "application/feed+json", json.dumps(feed).encode())
    routes["/dam"] = (200, "text/html", PAGE.format(title="Kariba dam opens").encode())
    first = _poll(f"{base}/feed.json", tmp_path / "s.db")
    assert [a.title for a in first.articles] == ["Kariba dam opens", "Full item"]
    assert "floodgates" in first.articles[0].text  # the teaser's page was read
    assert all(a.source == "Lake Post" for a in first.articles)
    again = _poll(f"{base}/feed.json", tmp_path / "s.db")
    assert again.articles == []  # both were read: the page is not fetched again
    assert asked.count("/dam") == 1


def test_a_sitemap_index_leads_to_its_pages(site, tmp_path: Path) -> None:
    base, routes, _ = site
    index = f"<sitemapindex><sitemap><loc>{base}/news.xml</loc></sitemap></sitemapindex>"
    urlset = (
        "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"<url><loc>{base}/a</loc></url><url><loc>{base}/b</loc></url>"
        "<url><loc>javascript:alert(1)</loc></url></urlset>"
    )
    routes["/sitemap.xml"] = (200, "application/xml", index.encode())
    routes["/news.xml"] = (200, "application/xml", urlset.encode())
    routes["/a"] = (200, "text/html", PAGE.format(title="Dam opens").encode())
    result = _poll(f"{base}/sitemap.xml", tmp_path / "s.db")
    assert [a.title for a in result.articles] == ["Dam opens"]
    assert [r.reason for r in result.rejected] == ["HTTP 404"]  # /b is missing


def test_a_sitemap_with_entities_is_not_read(site, tmp_path: Path) -> None:
    base, routes, _ = site
    bomb = (
        "<?xml version='1.0'?><!DOCTYPE u [<!ENTITY a 'aaaa'>]>"
        "<urlset><url><loc>&a;</loc></url></urlset>"
    )
    routes["/s.xml"] = (200, "application/xml", bomb.encode())
    assert _poll(f"{base}/s.xml", tmp_path / "s.db").articles == []


def test_a_failing_source_waits_longer_each_time(site, tmp_path: Path) -> None:
    base, _, _ = site
    db = tmp_path / "s.db"
    url = f"{base}/gone.xml"
    waits = []
    for _ in range(3):
        result = _poll(url, db)
        assert result.status == "failed"
        assert result.problem == "HTTP 404"
        store = open_store(db, "lexical")
        from newsweave.service.sources import _state

        state = _state(store, url)
        store.close()
        waits.append((state["failures"], state["due"] > state["checked"]))
        assert due(open_store(db, "lexical"), [url]) == []
    assert [f for f, _ in waits] == [1, 2, 3]


def test_politeness_spaces_requests_to_one_host() -> None:
    polite = Politeness(0.2)
    started = time.monotonic()
    for _ in range(3):
        with polite.wait("https://a.example/x"):
            pass
    with polite.wait("https://b.example/x"):
        pass
    assert 0.38 <= time.monotonic() - started < 1.5


def test_a_source_list_file(tmp_path: Path) -> None:
    listed = tmp_path / "feeds.txt"
    listed.write_text("# our feeds\nhttps://a.example/rss  # wire\n\nhttps://b.example/feed.json\n")
    assert source_urls([str(listed), "https://a.example/rss"]) == [
        "https://a.example/rss",
        "https://b.example/feed.json",
    ]
    listed.write_text("ftp://a.example/rss\n")
    with pytest.raises(InputError, match=r"feeds.txt:1: ftp://a.example/rss"):
        source_urls([str(listed)])
    with pytest.raises(InputError, match="not a URL, nor a readable list"):
        source_urls([str(tmp_path / "missing.txt")])


def test_a_nested_json_feed_is_rejected_not_a_crash(site, tmp_path: Path) -> None:
    base, routes, _ = site
    nested = '{"version": "https://jsonfeed.org/version/1", "items": ' + "[" * 100_000
    routes["/deep.json"] = (200, "application/feed+json", (nested + "]" * 100_000 + "}").encode())
    result = _poll(f"{base}/deep.json", tmp_path / "s.db")
    assert [r.reason for r in result.rejected] == ["not a JSON Feed (nested too deeply)"]


def test_teasers_wait_no_longer_than_the_feed_budget(site, tmp_path: Path) -> None:
    """The host's pacing is spent only within the feed's budget: 20 teasers on a slow host
    do not stretch a round past it."""
    base, routes, _ = site
    items = [{"id": str(k), "url": f"{base}/p{k}", "content_text": "Teaser."} for k in range(20)]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": items}
    routes["/teasers.json"] = (200, "application/feed+json", json.dumps(feed).encode())
    settings = load_settings(allow_private_urls=True, feed_budget=0.5)
    store = open_store(tmp_path / "s.db", "lexical")
    client = make_client(settings)
    started = time.monotonic()
    try:
        poll(f"{base}/teasers.json", store, settings, client, Politeness(0.2))
    finally:
        client.close()
        store.close()
    assert time.monotonic() - started < 2.0
