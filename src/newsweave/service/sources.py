"""The sources ``newsweave watch`` polls: feeds, JSON Feeds and sitemaps, politely.

A source is an RSS or Atom feed, a JSON Feed (jsonfeed.org) or a sitemap (``<urlset>`` or a
``<sitemapindex>`` of them); a file may list sources, one per line (``#`` comments). Each poll:

- asks with ``If-None-Match`` / ``If-Modified-Since`` from the last answer, and stops at a
  ``304 Not Modified``;
- skips the entries and pages read on an earlier poll (the store's ``seen`` table, by guid
  or URL), so a teaser's page or a sitemap's page is fetched once;
- fetches a teaser's page or a sitemap's pages under the fetch rules of every other input:
  bounded in size and time, and never a private address unless ``--allow-private-urls``;
- on an error, asks again later and later (``every`` doubled per failure, at most 6 hours).

One request at a time goes to a host: :class:`Politeness` waits ``host_delay`` seconds
between two requests to the same host.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.errors import InputError
from newsweave.model import Article, Rejected
from newsweave.read._article import Origin, article_id, host_of, parse_date
from newsweave.read.web import Fetched, check_url, fetch, redact
from newsweave.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import httpx

    from newsweave.grouping.store import StoryStore

MAX_BACKOFF = 6 * 3600.0  # seconds: the longest a failing source waits
MAX_PAGES = 50  # a sitemap's new pages read in one poll; the rest wait for the next
MAX_SITEMAPS = 10  # sitemaps of one index read in one poll
TEASER_CHARS = 400  # a JSON Feed item shorter than this has its page fetched
MAX_SOURCES = 1000


def source_urls(given: Iterable[str]) -> list[str]:
    """The sources in ``given``: URLs, and files that list URLs one per line.

    Raises:
        InputError: a file that cannot be read, or a line that is not an http(s) URL.
    """
    out: list[str] = []
    for item in given:
        if check_url(item) is None:
            out.append(item)
            continue
        path = Path(item)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{item}: not a URL, nor a readable list of sources ({exc})") from None
        for n, line in enumerate(lines, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            problem = check_url(line)
            if problem:
                raise InputError(f"{item}:{n}: {redact(line)}: {problem}")
            out.append(line)
    out = list(dict.fromkeys(out))
    if len(out) > MAX_SOURCES:
        raise InputError(f"{len(out)} sources: more than {MAX_SOURCES} in one watcher")
    return out


class Politeness:
    """One request at a time per host, ``delay`` seconds apart (shared across threads)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._last: dict[str, float] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    @contextlib.contextmanager
    def wait(self, url: str) -> Iterator[None]:
        """Hold ``url``'s host for one request: wait for it to be free and ``delay`` seconds
        past the last request to it (``with politeness.wait(url): fetch(url)``)."""
        host = host_of(url) or url
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            pause = self._last.get(host, -1e9) + self.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            try:
                yield
            finally:
                self._last[host] = time.monotonic()


@dataclass(slots=True)
class Poll:
    """What one poll of a source gave."""

    url: str
    status: str  # "new", "unchanged" or "failed"
    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # article id -> its entry's key
    problem: str | None = None
    # The caching headers to send next time; kept only once the articles are stored, so a
    # crash in between asks again instead of hearing "304" and losing them.
    etag: str | None = None
    modified: str | None = None


@dataclass(frozen=True, slots=True)
class _Reading:
    """What reading one fetched source needs: limits, the client, the host pacing, the keys
    read before, and the time its pages must be fetched by."""

    settings: Settings
    client: httpx.Client
    politeness: Politeness
    known: Callable[[str], bool]
    deadline: float


def poll(
    url: str,
    store: StoryStore,
    settings: Settings,
    client: httpx.Client,
    politeness: Politeness,
) -> Poll:
    """Ask ``url`` for what is new since the last poll (see the module docstring)."""
    state = _state(store, url)
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("modified"):
        headers["If-Modified-Since"] = state["modified"]
    with politeness.wait(url):
        got = fetch(url, settings, client, headers=headers)
    if isinstance(got, Rejected):
        return Poll(url, "failed", problem=got.reason)
    if got.status == 304:
        return Poll(url, "unchanged")
    seen = _seen_keys(store, url)
    reading = _Reading(
        settings, client, politeness, seen.__contains__, time.monotonic() + settings.feed_budget
    )
    result = Poll(url, "new", etag=got.etag or None, modified=got.modified or None)
    for key, outcome in _entries(got, reading):
        if isinstance(outcome, Article):
            result.articles.append(outcome)
            result.keys[outcome.id] = key
        else:
            result.rejected.append(outcome)
    return result


def _entries(got: Fetched, r: _Reading) -> Iterable[tuple[str, Article | Rejected]]:
    from newsweave.read.feeds import FEED_ROOTS, read_feed, root_element

    data = got.data
    root = root_element(data)
    if data.lstrip()[:1] == b"{":
        yield from _json_feed(got, r)
        return
    kind = (root or "").rpartition(":")[2].lower()
    if kind in {"urlset", "sitemapindex"}:
        yield from _sitemap(got, r, index=kind == "sitemapindex")
        return
    if kind not in FEED_ROOTS:
        yield "", Rejected(got.url, f"not a feed, JSON Feed or sitemap (root <{root or '?'}>)")
        return
    origin = Origin.for_url(got.final_url, got.charset)
    for outcome in read_feed(data, origin, r.settings, client=r.client, known=r.known):
        if isinstance(outcome, Article):
            meta = dict(outcome.meta)
            yield meta.get("guid") or outcome.url or "", outcome
        else:
            yield "", outcome


def _json_feed(got: Fetched, r: _Reading) -> Iterable[tuple[str, Article | Rejected]]:
    from newsweave.read.feeds import read_page, snippet_text

    try:
        feed = json.loads(got.data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        yield "", Rejected(got.url, f"not a JSON Feed ({exc})")
        return
    except RecursionError:
        yield "", Rejected(got.url, "not a JSON Feed (nested too deeply)")
        return
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        yield "", Rejected(got.url, "JSON without a jsonfeed.org version: not a JSON Feed")
        return
    source = _text(feed.get("title")) or host_of(got.final_url) or got.url
    items = feed.get("items")
    for n, item in enumerate(items if isinstance(items, list) else [], 1):
        if not isinstance(item, dict):
            continue
        link = _text(item.get("url"))
        key = _text(item.get("id")) or link
        if key and r.known(key):
            continue
        text = _text(item.get("content_text")) or snippet_text(_text(item.get("content_html")))
        title = _text(item.get("title")) or None
        published = parse_date(item.get("date_published"))
        spent = time.monotonic() >= r.deadline  # the feed's budget bounds its teasers' waits
        if len(text) < TEASER_CHARS and link and check_url(link) is None and not spent:
            with r.politeness.wait(link):
                page = read_page(link, r.settings, r.client, r.deadline)
            if isinstance(page, Article):
                yield (
                    key,
                    Article(
                        page.id,
                        source,
                        title or page.title,
                        page.text,
                        page.url,
                        None,
                        published or page.published,
                        lang=page.lang,
                        meta=page.meta,
                        title_span=page.title_span,
                    ),
                )
                continue
        if not text:
            yield "", Rejected(f"{got.url}#item {n}", "no text")
            continue
        yield key, Article(article_id(text), source, title, text, link or got.url, None, published)


def _sitemap(got: Fetched, r: _Reading, index: bool) -> Iterable[tuple[str, Article | Rejected]]:
    from newsweave.read.feeds import read_page

    pages = _locations(got.data)
    if index:
        nested: list[str] = []
        for loc in pages[:MAX_SITEMAPS]:
            if time.monotonic() >= r.deadline:
                break
            with r.politeness.wait(loc):
                inner = fetch(loc, r.settings, r.client, found=True, deadline=r.deadline)
            if isinstance(inner, Fetched):
                nested.extend(_locations(inner.data))
            else:
                yield "", inner
        pages = nested
    fresh = [p for p in dict.fromkeys(pages) if not r.known(p)][:MAX_PAGES]
    for loc in fresh:
        if time.monotonic() >= r.deadline:
            budget = r.settings.feed_budget
            yield "", Rejected(loc, f"the feed's fetch budget of {budget:g} s is spent")
            continue
        with r.politeness.wait(loc):
            page = read_page(loc, r.settings, r.client, r.deadline)
        yield (loc, page) if isinstance(page, Article) else ("", page)


def _locations(data: bytes) -> list[str]:
    """The ``<loc>`` URLs of a sitemap, parsed without entities or network (defusedxml's
    rules through the standard parser: no DTD is accepted)."""
    import xml.etree.ElementTree as ET

    if b"<!DOCTYPE" in data[:2000] or b"<!ENTITY" in data:
        return []
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return []
    out = []
    for element in root.iter():
        if element.tag.rpartition("}")[2] == "loc" and element.text:
            loc = element.text.strip()
            if check_url(loc) is None:
                out.append(loc)
    return out


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


# --- the store's record of each source ------------------------------------------------------


def _state(store: StoryStore, url: str) -> dict[str, Any]:
    from sqlalchemy import select

    table = store.t["sources"]
    with store.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.url == url)).first()
    return {} if row is None else dict(row._mapping)


def _seen_keys(store: StoryStore, url: str) -> set[str]:
    from sqlalchemy import select

    table = store.t["seen"]
    with store.engine.connect() as conn:
        return set(conn.execute(select(table.c.key).where(table.c.source == url)).scalars())


def record_poll(
    store: StoryStore,
    result: Poll,
    every: float,
    stored: Sequence[str],
) -> None:
    """After the articles of ``result`` were ingested (``stored``: their ids), mark their
    entries seen, keep the caching headers and set when to ask the source again; each
    failure in a row doubles the wait. One transaction: a crash before it asks again."""
    from sqlalchemy import select

    from newsweave.grouping.database import writing

    state = _state(store, result.url)
    failures = int(state.get("failures") or 0) + 1 if result.status == "failed" else 0
    wait = min(every * (2**failures), MAX_BACKOFF) if failures else every
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    values: dict[str, Any] = {
        "checked": now.isoformat(),
        "due": (now + dt.timedelta(seconds=wait)).isoformat(),
        "failures": failures,
        "problem": result.problem,
    }
    if result.status == "new":
        values |= {"etag": result.etag, "modified": result.modified}
    keys = {result.keys[a] for a in stored if result.keys.get(a)}
    table = store.t["seen"]
    with writing(store.engine, store.name) as conn:
        _write_state(conn, store, result.url, values)
        have: set[str] = set()
        for part in _slices(sorted(keys)):
            have.update(conn.execute(select(table.c.key).where(table.c.key.in_(part))).scalars())
        fresh = sorted(keys - have)
        if fresh:
            conn.execute(
                table.insert(),
                [{"key": k, "source": result.url, "at": now.isoformat()} for k in fresh],
            )


def due(store: StoryStore, urls: Sequence[str]) -> list[str]:
    """The sources in ``urls`` that are due for a poll now (never polled, or past due)."""
    now = dt.datetime.now(dt.UTC).isoformat()
    return [u for u in urls if (_state(store, u).get("due") or "") <= now]


def _write_state(conn: Any, store: StoryStore, url: str, values: dict[str, Any]) -> None:
    from sqlalchemy import select, update

    table = store.t["sources"]
    if conn.execute(select(table.c.url).where(table.c.url == url)).first() is None:
        conn.execute(table.insert(), {"url": url, **values})
    else:
        conn.execute(update(table).where(table.c.url == url).values(**values))


def _slices(values: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
