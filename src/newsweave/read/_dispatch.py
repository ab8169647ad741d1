"""Pick the reader for a file or a fetched URL: by suffix, content type, then content."""

from __future__ import annotations

import logging
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from newsweave.model import Rejected
from newsweave.read._article import (
    BINARY_SNIFF_BYTES,
    Origin,
    Outcome,
    bom_codec,
    has_nul,
    oversize_reason,
    utf8_error,
)
from newsweave.read.feeds import read_feed, root_element
from newsweave.read.html import read_html
from newsweave.read.records import read_records
from newsweave.read.text import read_text
from newsweave.read.web import Fetched, fetch
from newsweave.settings import Settings

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

Kind = Literal["text", "html", "records", "feed"]

SUFFIX_KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "records",
    ".jsonl": "records",
    ".ndjson": "records",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_LINES = {".json": False, ".jsonl": True, ".ndjson": True}
_MEDIA_KINDS: dict[str, Kind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/json": "records",
    "text/json": "records",
    "application/x-ndjson": "records",
    "application/jsonl": "records",
    "text/plain": "text",
}
_XML_MEDIA = frozenset({"application/xml", "text/xml"})
_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body")


def sniff(data: bytes) -> Kind | None:
    """Guess the kind of ``data`` from its first bytes; None when it is none of ours.

    Example:
        >>> sniff(b"  <!DOCTYPE html><p>x"), sniff(b'[{"text": "x"}]'), sniff(b"\\x00\\x01")
        ('html', 'records', None)
    """
    codec = bom_codec(data)
    if codec is None and has_nul(data):
        return None
    head = data[:BINARY_SNIFF_BYTES].decode(codec or "utf-8", "ignore")
    head = head.lstrip("\ufeff \t\r\n").lower()
    if head.startswith(_HTML_STARTS):
        return "html"
    if head.startswith("<"):
        root = (root_element(data) or "").rpartition(":")[2].lower()
        if root in ("rss", "feed", "rdf") or (head.startswith("<?xml") and root != "html"):
            return "feed"
        return "html"
    if head.startswith(("{", "[")):
        return "records"
    if codec is not None or utf8_error(data) is None:
        return "text"
    return None


def read_bytes(
    data: bytes,
    origin: Origin,
    kind: Kind,
    settings: Settings,
    *,
    client: httpx.Client | None = None,
    lines: bool | None = None,
) -> tuple[Outcome, ...]:
    """Read ``data`` with the reader for ``kind``."""
    if kind == "text":
        return (read_text(data, origin),)
    if kind == "html":
        return (read_html(data, origin),)
    if kind == "records":
        return read_records(data, origin, settings, lines=lines)
    return read_feed(data, origin, settings, client=client)


def read_file(
    path: Path,
    label: str,
    settings: Settings,
    *,
    client: httpx.Client | None = None,
) -> tuple[Outcome, ...]:
    """Read one file, named ``label`` in articles and rejections."""
    try:
        info = path.stat()
    except OSError as err:
        if path.is_symlink():
            return (Rejected(label, "broken symbolic link"),)
        return (Rejected(label, f"cannot read ({err.strerror or err})"),)
    if not stat.S_ISREG(info.st_mode):
        # Pipes and devices could block forever or never end.
        return (Rejected(label, "not a regular file"),)
    if info.st_size > settings.max_bytes:
        return (Rejected(label, oversize_reason(settings.max_bytes)),)
    try:
        with path.open("rb") as handle:
            data = handle.read(settings.max_bytes + 1)
    except OSError as err:
        return (Rejected(label, f"cannot read ({err.strerror or err})"),)
    if len(data) > settings.max_bytes:  # the file grew since stat()
        return (Rejected(label, oversize_reason(settings.max_bytes)),)
    suffix = path.suffix.lower()
    kind = SUFFIX_KINDS.get(suffix) or sniff(data)
    if kind is None:
        what = f"suffix {suffix!r}" if suffix else "no suffix"
        content = "binary content" if has_nul(data) else "content is not UTF-8 text"
        return (
            Rejected(
                label,
                f"unsupported file type ({what}, {content}; expected text, HTML, JSON or a feed)",
            ),
        )
    return read_bytes(
        data, Origin.for_path(label), kind, settings, client=client, lines=_LINES.get(suffix)
    )


def read_url(url: str, settings: Settings, client: httpx.Client | None) -> tuple[Outcome, ...]:
    """Fetch ``url`` and read the body by its content type (or its content)."""
    got = fetch(url, settings, client)
    if not isinstance(got, Fetched):
        return (got,)
    origin = Origin(label=url, url=got.final_url, charset=got.charset)
    media = got.media_type
    kind: Kind | None = _MEDIA_KINDS.get(media)
    if kind is None:
        sniffed = sniff(got.data)
        if media in _XML_MEDIA:
            kind = "html" if sniffed == "html" else "feed"
        else:
            kind = sniffed
    if kind is None:
        shown = media or "none"
        return (Rejected(url, f"unsupported content type ({shown}) and the body is not text"),)
    if not got.data.strip():
        return (Rejected(url, "empty response body"),)
    log.debug("%s: read as %s (content type %s)", url, kind, media or "none")
    return read_bytes(got.data, origin, kind, settings, client=client)
