"""Fetching URLs, through httpx.MockTransport and never the network: redirects, limits,
timeouts and the schemes refused."""

from __future__ import annotations

import httpx
import pytest

from inputs import DATA, client_for, html
from newsweave.model import Rejected
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
