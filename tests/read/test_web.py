"""Fetching URLs, through httpx.MockTransport and never the network: redirects, limits,
timeouts and the schemes refused."""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib
from collections.abc import Iterator

import httpx
import pytest

from inputs import DATA, client_for, html
from newsweave.model import Rejected
from newsweave.read import addresses
from newsweave.read.web import Fetched, fetch
from newsweave.settings import Settings

PAGE = (DATA / "ferrow-dam.html").read_bytes()


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


# --- hostile servers ----------------------------------------------------------------------


def _streamed(chunks: Iterator[bytes], headers: dict[str, str]) -> httpx.Client:
    """A client whose every answer streams ``chunks`` (as a server would: nothing decoded
    before newsweave reads it)."""

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks, headers=headers)  # type: ignore[arg-type]

    return httpx.Client(transport=httpx.MockTransport(handle))


def _bomb(size: int) -> bytes:
    pack = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * 1_000_000
    return b"".join(pack.compress(block) for _ in range(size // len(block))) + pack.flush()


def test_a_gzip_bomb_is_refused_at_the_limit_without_unpacking_it() -> None:
    bomb = _bomb(1_000_000_000)  # 1 GB of zeros in about 1 MB
    tracemalloc.start()
    with _streamed(iter([bomb]), {"content-encoding": "gzip"}) as client:
        got = fetch("https://a.example/bomb", Settings().replace(max_bytes=5_000_000), client)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert got == Rejected(
        "https://a.example/bomb", "larger than 5000000 bytes (NEWSWEAVE_MAX_BYTES)"
    )
    assert peak < 40_000_000


def test_stacked_encodings_are_refused() -> None:
    inner = gzip.compress(gzip.compress(b"<p>Dam opens.</p>"))
    with _streamed(iter([inner]), {"content-encoding": "gzip, gzip"}) as client:
        got = fetch("https://a.example/twice", Settings(), client)
    assert got == Rejected(
        "https://a.example/twice", "stacked content encodings (gzip, gzip) are refused"
    )


def test_a_gzipped_page_is_read() -> None:
    body = gzip.compress(b"<html><p>Dam opens.</p></html>")
    with _streamed(iter([body[:10], body[10:]]), {"content-encoding": "gzip"}) as client:
        got = fetch("https://a.example/page", Settings(), client)
    assert isinstance(got, Fetched)
    assert got.data == b"<html><p>Dam opens.</p></html>"


def test_a_slow_server_is_cut_off_at_the_total_deadline() -> None:
    def drip() -> Iterator[bytes]:
        for _ in range(100):
            time.sleep(0.05)
            yield b"x"

    start = time.monotonic()
    with _streamed(drip(), {"content-type": "text/plain"}) as client:
        got = fetch("https://a.example/drip", Settings().replace(fetch_timeout=0.5), client)
    assert got == Rejected("https://a.example/drip", "timed out after 0.5 s")
    assert time.monotonic() - start < 1.5


def test_credentials_in_a_url_never_reach_the_output() -> None:
    with client_for({"https://ann:secret@wire.example/a": html(PAGE)}) as client:
        got = fetch("https://ann:secret@wire.example/a", Settings(), client)
        gone = fetch("https://ann:secret@wire.example/gone", Settings(), client)
    assert isinstance(got, Fetched)
    assert "secret" not in got.url + got.final_url
    assert gone == Rejected("https://wire.example/gone", "HTTP 404")


# --- private addresses --------------------------------------------------------------------


def test_a_url_the_user_gives_may_be_private() -> None:
    with client_for({"http://127.0.0.1:8080/news": html(PAGE)}) as client:
        assert isinstance(fetch("http://127.0.0.1:8080/news", Settings(), client), Fetched)


@pytest.mark.parametrize(
    "link",
    [
        "http://127.0.0.1/admin",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.7/",
        "http://[::ffff:192.168.1.1]/",
        "http://localhost:5432/",
        "http://internal.example/",  # resolves (through the stub) to 10.1.2.3
    ],
)
def test_a_link_found_in_content_never_reaches_a_private_address(
    link: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(addresses, "resolve_host", lambda host: ["10.1.2.3"])
    seen: list[httpx.Request] = []
    with client_for({link: html(PAGE)}, seen) as client:
        got = fetch(link, Settings(), client, found=True)
        allowed = fetch(link, Settings().replace(allow_private_urls=True), client, found=True)
    assert isinstance(got, Rejected)
    assert "--allow-private-urls" in got.reason
    assert isinstance(allowed, Fetched)
    assert len(seen) == 1  # the refused fetch sent nothing


def test_a_redirect_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(addresses, "resolve_host", lambda host: ["93.184.215.14"])
    routes = {
        "https://wire.example/a": httpx.Response(
            302, headers={"location": "http://169.254.169.254/latest/"}
        ),
        "http://169.254.169.254/latest/": html(b"secret keys"),
    }
    with client_for(routes) as client:
        got = fetch("https://wire.example/a", Settings(), client)
    assert isinstance(got, Rejected)
    assert got.reason.startswith(
        "redirected to http://169.254.169.254/latest/: 169.254.169.254 is a link-local address"
    )
