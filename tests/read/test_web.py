"""Reading URLs (through httpx.MockTransport, never the network) and RSS/Atom feeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from newsweave.model import Article, Rejected
from newsweave.read import read_inputs
from newsweave.read._article import Origin
from newsweave.read.feeds import read_feed, root_element, snippet_text
from newsweave.read.web import Fetched, fetch
from newsweave.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data" / "read"
PAGE = (DATA / "ferrow-dam.html").read_bytes()
RSS = (DATA / "harbour.rss").read_bytes()
ATOM = (DATA / "harbour.atom").read_bytes()
LONG_PAGE = b"".join(
    [b"<html><head><title>Ferry service resumes</title></head><body><article>"]
    + [
        b"<p>The Port Alder ferry resumed service on Tuesday after a two-day suspension, "
        b"the operator said in statement number %d to passengers.</p>" % n
        for n in range(6)
    ]
    + [b"</article></body></html>"]
)

Handler = Callable[[httpx.Request], httpx.Response]


def client_for(
    routes: dict[str, httpx.Response], seen: list[httpx.Request] | None = None
) -> httpx.Client:
    def handle(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return routes.get(str(request.url), httpx.Response(404))

    return httpx.Client(transport=httpx.MockTransport(handle))


def html(body: bytes, content_type: str = "text/html; charset=utf-8") -> httpx.Response:
    return httpx.Response(200, content=body, headers={"content-type": content_type})


# --- fetch ------------------------------------------------------------------------------


def test_fetch_follows_redirects_and_sends_user_agent() -> None:
    seen: list[httpx.Request] = []
    routes = {
        "https://valleywire.example/a": httpx.Response(301, headers={"location": "/b"}),
        "https://valleywire.example/b": html(PAGE),
    }
    with client_for(routes, seen) as client:
        got = fetch("https://valleywire.example/a", Settings(), client)
    assert got == Fetched(
        "https://valleywire.example/a",
        "https://valleywire.example/b",
        "text/html; charset=utf-8",
        PAGE,
    )
    assert got.media_type == "text/html"
    assert got.charset == "utf-8"
    assert {r.headers["user-agent"] for r in seen} == {Settings().user_agent}


@pytest.mark.parametrize(
    ("routes", "reason"),
    [
        ({}, "HTTP 404"),
        ({"https://a.example/x": httpx.Response(503)}, "HTTP 503"),
        (
            {
                "https://a.example/x": httpx.Response(
                    302, headers={"location": "file:///etc/passwd"}
                )
            },
            "redirected to file:///etc/passwd: unsupported URL scheme 'file': "
            "only http and https URLs can be read",
        ),
        (
            {
                "https://a.example/x": httpx.Response(
                    302, headers={"location": "https://a.example/x"}
                )
            },
            "too many redirects (more than 5)",
        ),
        ({"https://a.example/x": html(b"x" * 101)}, "larger than 100 bytes (NEWSWEAVE_MAX_BYTES)"),
    ],
)
def test_fetch_rejections(routes: dict[str, httpx.Response], reason: str) -> None:
    with client_for(routes) as client:
        got = fetch("https://a.example/x", Settings().replace(max_bytes=100), client)
    assert got == Rejected("https://a.example/x", reason)


def test_fetch_stops_streaming_at_the_limit() -> None:
    pulled: list[int] = []

    def chunks() -> object:
        for n in range(1000):
            pulled.append(n)
            yield b"x" * 50

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks())  # type: ignore[arg-type]

    with httpx.Client(transport=httpx.MockTransport(handle)) as client:
        got = fetch("https://a.example/big", Settings().replace(max_bytes=120), client)
    assert got == Rejected("https://a.example/big", "larger than 120 bytes (NEWSWEAVE_MAX_BYTES)")
    assert len(pulled) < 10


def test_fetch_timeout_and_connection_errors() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with httpx.Client(transport=httpx.MockTransport(slow)) as client:
        assert fetch("http://a.example/", Settings(), client) == Rejected(
            "http://a.example/", "timed out after 20 s"
        )
    with httpx.Client(transport=httpx.MockTransport(refused)) as client:
        got = fetch("http://a.example/", Settings(), client)
    assert got == Rejected("http://a.example/", "fetch failed: ConnectError: connection refused")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://a.example/x", "javascript:alert(1)", "https:///nohost"]
)
def test_fetch_refuses_other_schemes_without_a_request(url: str) -> None:
    seen: list[httpx.Request] = []
    with client_for({}, seen) as client:
        got = fetch(url, Settings(), client)
    assert isinstance(got, Rejected)
    assert got.input == url
    assert seen == []


# --- URLs through read_inputs -----------------------------------------------------------


def test_urls_dispatch_on_content_type() -> None:
    base = "https://wire.example"
    routes = {
        f"{base}/page": html(PAGE),
        f"{base}/feed": html(RSS, "application/rss+xml"),
        f"{base}/atom": html(ATOM, "application/xml"),
        f"{base}/recs": html(b'{"text": "Ferry resumes on Tuesday."}', "application/json"),
        f"{base}/plain": html(b"Ferry halted.\r\nCrews wait.", "text/plain; charset=utf-8"),
        f"{base}/unlabelled": html(b"<!doctype html><p>Ferry halted again on Friday.</p>", ""),
        f"{base}/image": html(b"\x89PNG\x00\x00", "image/png"),
    }
    seen: list[str] = []
    with client_for(routes) as client:
        result = read_inputs(
            [
                f"{base}/{k}"
                for k in ("page", "feed", "atom", "recs", "plain", "unlabelled", "image", "gone")
            ],
            client=client,
            progress=seen.append,
        )
    assert len(seen) == 8
    by_url = {a.url: a for a in result.articles}
    page = by_url["https://www.valleywire.example/news/ferrow-dam-gates"]
    assert (page.source, page.path) == ("Valley Wire", None)
    plain = by_url[f"{base}/plain"]
    assert (plain.text, plain.source) == ("Ferry halted.\nCrews wait.", "wire.example")
    assert by_url[f"{base}/unlabelled"].text == "Ferry halted again on Friday."
    texts = {a.text for a in result.articles}
    assert "Ferry resumes on Tuesday." in texts
    assert {a.source for a in result.articles} >= {"Harbour Wire", "Alder Daily"}
    assert set(result.rejected) >= {
        Rejected(f"{base}/gone", "HTTP 404"),
        Rejected(f"{base}/image", "unsupported content type (image/png) and the body is not text"),
    }


# --- feeds ------------------------------------------------------------------------------


def test_rss_feed_entries() -> None:
    result = read_inputs([str(DATA / "harbour.rss")])
    assert result.rejected == ()
    first, second = result.articles
    assert first.title == "Ferry service resumes after storm"
    assert first.text == (
        "The Port Alder ferry resumed service on Tuesday after a two-day suspension, "
        "the operator said.\n\nCrossings will run every hour until Sunday."
    )
    assert first.url == "https://harbourwire.example/news/ferry-resumes"
    assert first.published == dt.date(2024, 3, 5)
    assert first.source == "Harbour Wire"
    assert ("guid", "hw-2024-0305-1") in first.meta
    assert ("categories", "Transport") in first.meta
    assert second.published == dt.date(2024, 3, 6)


def test_atom_feed_entries_and_entry_without_text() -> None:
    path = str(DATA / "harbour.atom")
    result = read_inputs([path])
    art = result.articles[0]
    assert (art.source, art.title, art.published) == (
        "Alder Daily",
        "Council approves harbour budget",
        dt.date(2024, 3, 6),
    )
    assert art.text.endswith("on Wednesday.\n\nThe vote was 9 to 2.")
    assert result.rejected == (Rejected(f"{path}#entry 2", "no text"),)


def test_feed_teasers_are_fetched_with_a_client() -> None:
    routes = {"https://harbourwire.example/news/ferry-resumes": html(LONG_PAGE)}
    with client_for(routes) as client:
        first, second = read_feed(RSS, Origin.for_path("hw.rss"), client=client)
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert first.text.startswith("The Port Alder ferry resumed service on Tuesday")
    assert len(first.text.split("\n\n")) == 6
    assert first.title == "Ferry service resumes"
    assert first.url == "https://harbourwire.example/news/ferry-resumes"
    assert first.published == dt.date(2024, 3, 5)  # from the entry: the page has no date
    assert (
        second.text
        == "Work crews began repairing a 40-metre section of the harbour wall on Wednesday."
    )
    assert ("fetch_error", "HTTP 404") in second.meta


def test_feed_teasers_are_not_fetched_without_a_client() -> None:
    arts = read_feed(RSS, Origin.for_path("hw.rss"))
    assert all(
        isinstance(a, Article) and not any(k == "fetch_error" for k, _ in a.meta) for a in arts
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<html><body><p>x</p></body></html>", "not RSS or Atom (root element <html>)"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
            "feed has no entries",
        ),
        (b"", "empty file"),
        (b"\x00\x01", "binary file (NUL bytes in the first 8 KiB)"),
    ],
)
def test_feed_rejections(data: bytes, reason: str) -> None:
    assert read_feed(data, Origin.for_path("f.xml")) == (Rejected("f.xml", reason),)


def test_broken_feed_is_rejected_with_the_parser_reason() -> None:
    (rejected,) = read_feed(b"<rss><channel><item", Origin.for_path("f.rss"))
    assert isinstance(rejected, Rejected)
    assert rejected.reason.startswith("not a readable RSS or Atom feed (")


def test_billion_laughs_feed_does_not_expand() -> None:
    lol = b"".join(
        b'<!ENTITY l%d "%s">' % (n, b"".join(b"&l%d;" % (n - 1) for _ in range(10)))
        for n in range(1, 10)
    )
    data = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">' + lol + b"]>"
    data += b"<rss><channel><item><title>t</title><description>&l9;</description></item>"
    data += b"</channel></rss>"
    for outcome in read_feed(data, Origin.for_path("lol.rss")):
        assert len(getattr(outcome, "text", "")) < 10_000


def test_feedparser_never_opens_paths(tmp_path: Path) -> None:
    # feedparser.parse(bytes) would open a file of that name; we hand it a stream instead.
    feed = tmp_path / "real.rss"
    feed.write_bytes(RSS)
    outcomes = read_feed(str(feed).encode(), Origin.for_path("name.rss"))
    assert all(isinstance(o, Rejected) for o in outcomes)


def test_root_element_and_snippet_text() -> None:
    assert (
        root_element(b'\xef\xbb\xbf<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><atom:feed>')
        == "atom:feed"
    )
    assert root_element(b"plain words") is None
    assert snippet_text("<div>One<br>two<script>x()</script></div> <p>Three &lt;b&gt;</p>") == (
        "One\n\ntwo\n\nThree <b>"
    )
