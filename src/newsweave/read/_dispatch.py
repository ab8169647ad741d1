"""Pick the reader for a file or a fetched URL: the registered reader that claims its
suffix or content type, else the built-in one its first bytes look like."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from newsweave.model import Rejected
from newsweave.read._article import (
    BINARY_REASON,
    BINARY_SNIFF_BYTES,
    Origin,
    Outcome,
    bom_codec,
    has_nul,
    oversize_reason,
    utf8_error,
)
from newsweave.read.feeds import root_element
from newsweave.read.reader import Reader, Source
from newsweave.read.warc import is_warc
from newsweave.read.web import Fetched, fetch
from newsweave.registry import get_reader, reader_names
from newsweave.settings import Settings

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

Kind = Literal["text", "html", "records", "feed"]  # the built-in readers sniff() can tell

_XML_MEDIA = frozenset({"application/xml", "text/xml"})
# Archives read a record at a time: the size limit applies to each record, not the file.
STREAMED = frozenset({".jsonl", ".ndjson"})
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


def claimant(*, suffix: str = "", media_type: str = "") -> Reader | None:
    """The reader claiming a file ``suffix`` or a ``media_type``, else None.

    The built-ins are asked first, so a plugin never takes over a format they read.

    Example:
        >>> claimant(suffix=".jsonl").name, claimant(media_type="text/html").name
        ('records', 'html')
    """
    for name in reader_names():
        reader = get_reader(name)
        if (suffix and suffix in reader.suffixes) or (
            media_type and media_type in reader.media_types
        ):
            return reader
    return None


def read_file(
    path: Path,
    label: str,
    settings: Settings,
    *,
    client: httpx.Client | None = None,
) -> Iterator[Outcome]:
    """Read one file, named ``label`` in articles and rejections, lazily: an archive
    (WARC, JSON Lines) yields its records as it reads them, with the file open until the
    last one, so memory holds one record at a time."""
    try:
        info = path.stat()
    except OSError as err:
        if path.is_symlink():
            yield Rejected(label, "broken symbolic link")
        else:
            yield Rejected(label, f"cannot read ({err.strerror or err})")
        return
    if not stat.S_ISREG(info.st_mode):
        # Pipes and devices could block forever or never end.
        yield Rejected(label, "not a regular file")
        return
    if is_warc(path.name) or path.suffix.lower() in STREAMED:
        streamed = _stream(path, label, settings)
        if streamed is not None:
            yield from streamed
            return
    if info.st_size > settings.max_bytes:
        yield Rejected(label, oversize_reason(settings.max_bytes))
        return
    try:
        with path.open("rb") as handle:
            data = handle.read(settings.max_bytes + 1)
    except OSError as err:
        yield Rejected(label, f"cannot read ({err.strerror or err})")
        return
    if len(data) > settings.max_bytes:  # the file grew since stat()
        yield Rejected(label, oversize_reason(settings.max_bytes))
        return
    yield from read_data(data, label, settings, suffix=path.suffix.lower(), client=client)


def read_data(
    data: bytes,
    label: str,
    settings: Settings,
    *,
    suffix: str = "",
    client: httpx.Client | None = None,
) -> Iterator[Outcome]:
    """Read bytes already in memory (a file's, or standard input's), named ``label``: by
    the reader that claims ``suffix``, else by what the bytes look like."""
    reader = claimant(suffix=suffix)
    if reader is None:
        kind = sniff(data)
        if kind is None:
            what = f"suffix {suffix!r}" if suffix else "no suffix"
            content = "binary content" if has_nul(data) else "content is not UTF-8 text"
            yield Rejected(
                label,
                f"unsupported file type ({what}, {content}; expected text, HTML, JSON or a feed)",
            )
            return
        reader = get_reader(kind)
    yield from reader.read(Source(data, Origin.for_path(label), settings, suffix, client))


def _stream(path: Path, label: str, settings: Settings) -> Iterator[Outcome] | None:
    """An archive read record by record (WARC, or JSON Lines), with no limit on the file's
    size: each record is bounded instead. None when it must be read whole (JSON Lines in
    UTF-16 or UTF-32)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(BINARY_SNIFF_BYTES)
    except OSError as err:
        return iter((Rejected(label, f"cannot read ({err.strerror or err})"),))
    if is_warc(path.name):
        return _records(path, label, settings, warc=True)
    codec = bom_codec(head)
    if codec and codec != "utf-8-sig":
        return None
    if has_nul(head):
        return iter((Rejected(label, BINARY_REASON),))
    return _records(path, label, settings, warc=False)


def _records(path: Path, label: str, settings: Settings, *, warc: bool) -> Iterator[Outcome]:
    from newsweave.read.records import stream_records
    from newsweave.read.warc import stream_warc

    try:
        with path.open("rb") as handle:
            if warc:
                yield from stream_warc(handle, label, settings)
            else:
                yield from stream_records(handle, Origin.for_path(label), settings)
    except OSError as err:
        yield Rejected(label, f"cannot read ({err.strerror or err})")


def read_url(url: str, settings: Settings, client: httpx.Client | None) -> tuple[Outcome, ...]:
    """Fetch ``url`` and read the body by its content type (or its content)."""
    got = fetch(url, settings, client)
    if not isinstance(got, Fetched):
        return (got,)
    origin = Origin(label=url, url=got.final_url, charset=got.charset)
    media = got.media_type
    reader = claimant(media_type=media)
    if reader is None:
        kind = sniff(got.data)
        if media in _XML_MEDIA:
            kind = "html" if kind == "html" else "feed"
        if kind is None:
            shown = media or "none"
            return (Rejected(url, f"unsupported content type ({shown}) and the body is not text"),)
        reader = get_reader(kind)
    if not got.data.strip():
        return (Rejected(url, "empty response body"),)
    log.debug("%s: read as %s (content type %s)", url, reader.name, media or "none")
    return reader.read(Source(got.data, origin, settings, client=client))
