"""Read RSS and Atom feeds: one article per entry, fetching teaser entries' pages.

feedparser parses the bytes we hand it; it is never given a URL or a path, so it never
reads the network or the disk by itself.

Example:
    >>> rss = (b'<rss version="2.0"><channel><title>Harbour Wire</title><item>'
    ...        b'<title>Ferry resumes</title><description>The ferry resumed.</description>'
    ...        b'</item></channel></rss>')
    >>> [(a.source, a.title, a.text) for a in read_feed(rss, Origin.for_path("hw.rss"))]
    [('Harbour Wire', 'Ferry resumes', 'The ferry resumed.')]
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import time
import warnings
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from newsweave.model import Article, Rejected
from newsweave.read._article import (
    BINARY_REASON,
    Origin,
    Outcome,
    article_id,
    bom_codec,
    domain_of,
    has_nul,
)
from newsweave.read.html import read_html
from newsweave.read.reader import FormatReader, Source
from newsweave.read.web import Fetched, check_url, fetch
from newsweave.settings import Settings

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

TEASER_CHARS = 400
"""Entries with less text than this are teasers: with a client, their page is read."""

FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
# The root element: after an optional BOM, XML prolog, comments, PIs and a DOCTYPE.
_PROLOG = re.compile(
    rb"(?:\xef\xbb\xbf|\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*", re.S | re.I
)
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr"),
        "ul",
    }
)
_HIDDEN = frozenset({"script", "style", "template", "noscript"})


def root_element(data: bytes) -> str | None:
    """The name of the first element of an XML or HTML document, else None.

    Example:
        >>> root_element(b'<?xml version="1.0"?>\\n<!-- x --><rss version="2.0">')
        'rss'
    """
    head = data[:65536]
    if bom_codec(head) not in (None, "utf-8-sig"):
        return None  # UTF-16/32 documents: leave the root to feedparser
    prolog = _PROLOG.match(head)
    found = _ROOT.match(head, prolog.end() if prolog else 0)
    return found.group(1).decode("ascii", "replace") if found else None


def read_feed(
    data: bytes,
    origin: Origin,
    settings: Settings | None = None,
    *,
    client: httpx.Client | None = None,
    known: Callable[[str], bool] | None = None,
) -> tuple[Outcome, ...]:
    """Read an RSS or Atom feed: one :class:`Article` (or :class:`Rejected`) per entry.

    Args:
        data: the feed's bytes.
        origin: the file or URL of the feed; entries are named ``LABEL#entry N``.
        settings: limits for fetching teaser pages.
        client: when given, an entry with less than 400 characters of text has its linked
            page fetched and read as HTML; a failed fetch keeps the entry's own text and
            records ``("fetch_error", reason)`` in ``meta``. The links are found in
            content, so they never lead to a private address (unless
            ``settings.allow_private_urls``), and all of a feed's fetches share
            ``settings.feed_budget`` seconds.
        known: an entry whose :func:`entry_key` this says is known (read on an earlier
            poll) is skipped: neither fetched nor returned.

    Returns:
        The entries in feed order, or one :class:`Rejected` for the whole feed.
    """
    settings = settings or Settings()
    if has_nul(data) and not bom_codec(data):
        return (Rejected(origin.label, BINARY_REASON),)
    if not data.strip():
        return (Rejected(origin.label, "empty file"),)
    root = root_element(data)
    if root is not None and root.rpartition(":")[2].lower() not in FEED_ROOTS:
        return (Rejected(origin.label, f"not RSS or Atom (root element <{root}>)"),)
    parsed = _parse(data, origin)
    if isinstance(parsed, Rejected):
        return (parsed,)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            return (Rejected(origin.label, f"not a readable RSS or Atom feed ({problem})"),)
        return (Rejected(origin.label, "feed has no entries"),)
    channel = parsed.get("feed") or {}
    source = (
        _clean(channel.get("title")) or domain_of(channel.get("link")) or origin.fallback_source
    )
    deadline = time.monotonic() + settings.feed_budget
    return tuple(
        _entry(entry, n, source, origin, settings, client, deadline)
        for n, entry in enumerate(entries, start=1)
        if known is None or not known(entry_key(entry))
    )


def entry_key(entry: Any) -> str:
    """What names a feed entry across polls: its guid, else its link ("" when neither)."""
    for field in ("id", "link"):
        value = entry.get(field)
        if isinstance(value, str) and value.strip():
            return value.strip()[:2000]
    return ""


def _parse(data: bytes, origin: Origin) -> Any:
    import feedparser  # heavy: loaded on first use

    headers = {"content-location": origin.url} if origin.url else {}
    try:
        with warnings.catch_warnings():
            # feedparser warns on some malformed dates and encodings; a bad feed is
            # reported through the result's bozo flag, not by stopping the run.
            warnings.simplefilter("ignore")
            # A file object, never bytes: feedparser treats bytes as a path to open.
            return feedparser.parse(io.BytesIO(data), response_headers=headers)
    except (RecursionError, MemoryError):
        return Rejected(origin.label, "feed is nested too deeply to parse")
    except Exception as err:  # any parser failure on hostile input is a rejection
        log.debug("%s: feedparser failed", origin.label, exc_info=True)
        return Rejected(origin.label, f"feed could not be parsed ({type(err).__name__})")


def _entry(
    entry: Any,
    n: int,
    source: str,
    origin: Origin,
    settings: Settings,
    client: httpx.Client | None,
    deadline: float,
) -> Outcome:
    label = f"{origin.label}#entry {n}"
    text = _entry_text(entry)
    title = _detail_text(entry.get("title"), entry.get("title_detail")) or None
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    published = _entry_date(entry)
    meta: list[tuple[str, str]] = [("feed", origin.label)]
    for key, name in (("id", "guid"), ("author", "author")):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            meta.append((name, value.strip()))
    terms = [t.get("term") for t in entry.get("tags") or [] if isinstance(t, dict)]
    if any(terms):
        meta.append(("categories", ", ".join(t for t in terms if isinstance(t, str) and t)))
    fetch_error: str | None = None
    if len(text) < TEASER_CHARS and client is not None and link and check_url(link) is None:
        page = read_page(link, settings, client, deadline)
        if isinstance(page, Article):
            return _merge(page, title, published, meta)
        fetch_error = page.reason
    if not text:
        reason = "no text" + (f" (fetching {link}: {fetch_error})" if fetch_error else "")
        return Rejected(label, reason)
    if fetch_error:
        meta.append(("fetch_error", fetch_error))
    return Article(
        id=article_id(text),
        source=source,
        title=title,
        text=text,
        url=link or origin.url,
        path=origin.path,
        published=published,
        meta=tuple(meta),
    )


def read_page(
    link: str, settings: Settings, client: httpx.Client, deadline: float
) -> Article | Rejected:
    """The article at ``link``, a page found in fetched content (never a private address
    unless allowed), fetched by ``deadline`` (a ``time.monotonic()`` time)."""
    if time.monotonic() >= deadline:
        return Rejected(link, f"the feed's fetch budget of {settings.feed_budget:g} s is spent")
    got = fetch(link, settings, client, found=True, deadline=deadline)
    if not isinstance(got, Fetched):
        return got
    if got.media_type and "html" not in got.media_type:
        return Rejected(link, f"not an HTML page (content type {got.media_type})")
    return read_html(got.data, Origin.for_url(got.final_url, got.charset))


def _merge(
    page: Article,
    title: str | None,
    published: dt.date | None,
    meta: list[tuple[str, str]],
) -> Article:
    return Article(
        id=page.id,
        source=page.source,
        title=page.title or title,
        text=page.text,
        url=page.url,
        path=None,
        published=page.published or published,
        lang=page.lang,
        title_span=page.title_span if page.title else None,
        meta=tuple(meta) + page.meta,
    )


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        if isinstance(content, dict):
            text = _detail_text(content.get("value"), content)
            if text:
                return text
    return _detail_text(entry.get("summary"), entry.get("summary_detail"))


def _detail_text(value: object, detail: object) -> str:
    if not isinstance(value, str):
        return ""
    kind = detail.get("type", "") if isinstance(detail, dict) else ""
    if kind == "text/plain":
        return _clean_plain(value)
    return snippet_text(value)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return snippet_text(value) or None


def _clean_plain(value: str) -> str:
    paragraphs = re.split(r"\n\s*\n", value.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value is None:
            continue
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        except (AttributeError, TypeError, ValueError):
            continue
    return None


class _TextParser(HTMLParser):
    """Collects the text of an HTML fragment, breaking paragraphs at block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            # In HTML a newline inside text is a space; only block elements break lines.
            self.parts.append(data.replace("\n", " ").replace("\r", " "))


def snippet_text(markup: str) -> str:
    """The text of an HTML fragment, paragraphs separated by blank lines.

    Example:
        >>> snippet_text("<p>Ferry &amp; bus resume.</p><p>Schools\\nopen.</p>")
        'Ferry & bus resume.\\n\\nSchools open.'
    """
    parser = _TextParser()
    try:
        parser.feed(markup)
        parser.close()
        text = "".join(parser.parts)
    except (AssertionError, ValueError, RecursionError):
        # html.parser is lenient but not total on hostile input: fall back to tag stripping.
        text = unescape(re.sub(r"<[^>]*>", "\n", markup))
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n") if p.strip())


def _read(source: Source) -> tuple[Outcome, ...]:
    return read_feed(source.data, source.origin, source.settings, client=source.client)


READER = FormatReader(
    "feed",
    frozenset({".xml", ".rss", ".atom"}),
    frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"}),
    _read,
)
