"""The RSS and Atom reader: one article per entry, teasers fetched through a stand-in web,
and the feeds it refuses (not a feed, no entries, entity bombs)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from inputs import DATA, FEW, ORIGIN, assert_outcomes, client_for, html
from newsweave.model import Article, Rejected
from newsweave.read import read_inputs
from newsweave.read._article import Origin
from newsweave.read.feeds import read_feed, root_element, snippet_text
from newsweave.settings import Settings
from strategies import hostile_bytes

RSS = (DATA / "harbour.rss").read_bytes()
LONG_PAGE = b"".join(
    [b"<html><head><title>Ferry service resumes</title></head><body><article>"]
    + [
        b"<p>The Port Alder ferry resumed service on Tuesday after a two-day suspension, "
        b"the operator said in statement number %d to passengers.</p>" % n
        for n in range(6)
    ]
    + [b"</article></body></html>"]
)


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


@FEW
@given(data=hostile_bytes)
def test_feed_reader_never_raises_on_hostile_bytes(data: bytes) -> None:
    assert_outcomes(read_feed(data, ORIGIN, Settings().replace(max_bytes=1000)))


@FEW
@given(markup=st.text(max_size=300))
def test_snippet_text_never_raises(markup: str) -> None:
    text = snippet_text(markup)
    assert "\n\n\n" not in text
    assert text == text.strip()


def _teasers(links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Teaser {k}</title><link>{link}</link>"
        f"<description>Short teaser number {k}.</description></item>"
        for k, link in enumerate(links)
    )
    channel = f"<channel><title>T</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def test_a_teaser_never_leads_to_a_private_address() -> None:
    internal = "http://127.0.0.1:9000/admin"
    seen: list[httpx.Request] = []
    with client_for({internal: html(LONG_PAGE)}, seen) as client:
        (entry,) = read_feed(_teasers([internal]), Origin.for_path("t.rss"), client=client)
    assert isinstance(entry, Article)
    assert entry.text == "Short teaser number 0."
    reason = dict(entry.meta)["fetch_error"]
    assert reason.startswith("127.0.0.1 is a loopback address")
    assert not seen


def test_a_feed_s_teasers_share_one_fetch_budget() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        time.sleep(0.2)
        return html(LONG_PAGE)

    settings = Settings().replace(feed_budget=0.5)
    links = [f"https://wire.example/{k}" for k in range(30)]
    start = time.monotonic()
    with httpx.Client(transport=httpx.MockTransport(slow)) as client:
        entries = read_feed(_teasers(links), Origin.for_path("t.rss"), settings, client=client)
    assert time.monotonic() - start < 2
    assert len(entries) == 30
    spent = [
        a
        for a in entries
        if isinstance(a, Article) and "budget" in dict(a.meta).get("fetch_error", "")
    ]
    assert len(spent) >= 25
