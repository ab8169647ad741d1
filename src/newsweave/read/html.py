"""Read HTML pages: the main text, headline, outlet, date and URL, through trafilatura.

Example:
    >>> page = b"<html><title>Dam opens</title><body><p>The dam opened.</p></body></html>"
    >>> art = read_html(page, Origin.for_url("https://www.valleywire.example/dam"))
    >>> art.title, art.text, art.source
    ('Dam opens', 'The dam opened.', 'valleywire.example')
"""

from __future__ import annotations

import logging
import re
import warnings
from typing import Any

from newsweave.model import Article, Rejected, Span
from newsweave.read._article import (
    BINARY_REASON,
    Origin,
    Outcome,
    article_id,
    bom_codec,
    decode_declared,
    domain_of,
    has_nul,
    parse_date,
)
from newsweave.read.reader import FormatReader, Source

log = logging.getLogger(__name__)

NO_TEXT_REASON = "HTML page has no extractable article text"
_NOSCRIPT = re.compile(r"<noscript\b[^>]*>.*?</noscript\s*>", re.IGNORECASE | re.DOTALL)
# A declared charset sits in the first bytes of a page: <meta charset="…">, the
# http-equiv Content-Type form, or an XML prolog's encoding="…".
_HEAD_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_HTML_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)""", re.I
)
_LINE_BREAKS = re.compile(r"\s*\n\s*")
# Dates only from markup: htmldate's extensive search guesses from body text, and a
# guessed date must not pass as the page's own (published_inferred stays False).
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first 4 KiB, else None.

    Example:
        >>> declared_charset(b'<meta charset="windows-1251"><p>x')
        'windows-1251'
    """
    head = data[:_HEAD_BYTES]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        found = pattern.search(head)
        if found:
            return found.group(1).decode("ascii").lower()
    return None


def decode_html(data: bytes, origin: Origin) -> tuple[str | None, str | None]:
    """Decode page bytes: BOM, UTF-8, then the HTTP or ``<meta>`` charset; ``(text, reason)``."""
    if has_nul(data) and not bom_codec(data):
        return None, BINARY_REASON
    return decode_declared(data, origin.charset or declared_charset(data))


def read_html(data: bytes, origin: Origin) -> Article | Rejected:
    """Read one HTML page into an :class:`Article`.

    The outlet is the page's site name, else the URL's domain, else the file stem. Author,
    description, categories and tags go into ``meta``.

    Args:
        data: the page's bytes.
        origin: the file or URL they came from; a URL resolves relative links and names
            the outlet when the page does not.

    Returns:
        The article, or a :class:`Rejected` when the page cannot be decoded or has no
        article text.
    """
    markup, reason = decode_html(data, origin)
    if markup is None:
        return Rejected(origin.label, reason or "undecodable HTML")
    if not markup.strip():
        return Rejected(origin.label, "empty file")
    return extract_html(markup, origin)


def extract_html(markup: str, origin: Origin) -> Article | Rejected:
    """Extract the article from decoded HTML ``markup`` (see :func:`read_html`)."""
    import trafilatura  # heavy: loaded on first use

    # An XML prolog with an encoding makes lxml refuse an already-decoded str.
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup, count=1)
    # What a page shows only without scripts ("Please enable JavaScript") is not its text.
    markup = _NOSCRIPT.sub("", markup)
    try:
        with warnings.catch_warnings():
            # trafilatura and htmldate may warn about odd markup (e.g. dates, parser
            # fallbacks); a hostile page must not abort a run that treats warnings as errors.
            warnings.simplefilter("ignore")
            doc: Any = trafilatura.bare_extraction(
                markup,
                url=origin.url,
                with_metadata=True,
                include_comments=False,
                favor_precision=False,
                date_extraction_params=_DATE_PARAMS,
            )
    except (RecursionError, MemoryError):
        return Rejected(origin.label, "HTML page is nested too deeply to parse")
    except Exception as err:  # any parser failure on hostile input is a rejection
        log.debug("%s: trafilatura failed", origin.label, exc_info=True)
        return Rejected(origin.label, f"HTML page could not be parsed ({type(err).__name__})")
    raw = _attr(doc, "text") if doc is not None else None
    text = _paragraphs(raw or "")
    if not text:
        return Rejected(origin.label, NO_TEXT_REASON)
    title = _attr(doc, "title")
    url = _attr(doc, "url") or origin.url
    aid = article_id(text)
    lang_match = _HTML_LANG.search(markup[:_HEAD_BYTES])
    return Article(
        id=aid,
        source=_attr(doc, "sitename") or domain_of(url) or origin.fallback_source,
        title=title,
        text=text,
        url=url,
        path=origin.path,
        published=parse_date(_attr(doc, "date")),
        published_inferred=False,
        lang=_attr(doc, "language") or (lang_match.group(1).lower() if lang_match else None),
        title_span=_title_span(aid, title, text),
        meta=_meta(doc),
    )


def _attr(doc: Any, name: str) -> str | None:
    value = getattr(doc, name, None)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _paragraphs(raw: str) -> str:
    # trafilatura puts one block per line; a blank line between blocks matches plain-text
    # articles, so the cleaner and sentence splitter see one paragraph convention.
    return _LINE_BREAKS.sub("\n\n", raw.strip())


def _title_span(aid: str, title: str | None, text: str) -> Span | None:
    # trafilatura keeps an <h1> headline as the first block; point the title at it.
    if title and text.startswith(title) and text[len(title) : len(title) + 1] in ("", "\n"):
        return Span(aid, 0, len(title))
    return None


def _meta(doc: Any) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for name in ("author", "description", "categories", "tags"):
        value = getattr(doc, name, None)
        if isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value if str(v).strip())
        if isinstance(value, str) and value.strip():
            pairs.append((name, value.strip()))
    return tuple(pairs)


def _read(source: Source) -> tuple[Outcome, ...]:
    return (read_html(source.data, source.origin),)


READER = FormatReader(
    "html",
    frozenset({".html", ".htm", ".xhtml"}),
    frozenset({"text/html", "application/xhtml+xml"}),
    _read,
)
