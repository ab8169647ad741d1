"""Read WARC web archives (``.warc``, ``.warc.gz``) a record at a time, with ``warcio``.

Each HTML ``response`` record is read as a page (:func:`~newsweave.read.html.read_html`),
with its target URI as the page's URL; the archive may be any size, and each record is
bounded by ``Settings.max_bytes``. A page the server refused (an HTTP status other than
2xx) and an oversized or unreadable record are rejected as ``ARCHIVE#N`` (the record's
place in the archive) with the reason. Records that are not pages (requests, metadata,
images, scripts) are not news and are passed over, logged at debug level.

Example:
    >>> import io
    >>> from warcio.warcwriter import WARCWriter
    >>> from warcio.statusandheaders import StatusAndHeaders
    >>> buf = io.BytesIO()
    >>> http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    >>> page = b"<html><title>Dam opens</title><body><p>The dam opened.</p></body></html>"
    >>> record = WARCWriter(buf).create_warc_record(
    ...     "https://valleywire.example/dam", "response", payload=io.BytesIO(page),
    ...     http_headers=http)
    >>> WARCWriter(buf, gzip=True).write_record(record)
    >>> record.raw_stream.close()
    >>> _ = buf.seek(0)
    >>> [a.title for a in stream_warc(buf, "crawl.warc.gz", Settings())]
    ['Dam opens']
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newsweave.model import Rejected
from newsweave.read._article import Origin, Outcome, oversize_reason
from newsweave.read.html import read_html
from newsweave.settings import Settings

log = logging.getLogger(__name__)

SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(name: str) -> bool:
    """Whether a file named ``name`` is read as a web archive.

    Example:
        >>> is_warc("crawl-01.WARC.gz"), is_warc("page.html")
        (True, False)
    """
    return name.lower().endswith(SUFFIXES)


def stream_warc(handle: BinaryIO, label: str, settings: Settings) -> Iterator[Outcome]:
    """Every page of the web archive in ``handle`` (named ``label``), or why not; see the
    module docstring. Yields at least one outcome."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = handle.read(512)
    handle.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head)
        except zlib.error:
            head = b""
    if not head.lstrip().startswith((b"WARC/", b"filedesc:")):
        yield Rejected(label, "not a web archive (no WARC header at the start)")
        return
    found = False
    try:
        for number, record in enumerate(ArchiveIterator(handle), start=1):
            outcome = _record(record, f"{label}#{number}", label, settings)
            if outcome is not None:
                found = True
                yield outcome
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        found = True
        yield Rejected(label, f"unreadable web archive ({str(exc).splitlines()[0][:200]})")
    if not found:
        yield Rejected(label, "web archive holds no HTML pages")


def _record(record: object, where: str, label: str, settings: Settings) -> Outcome | None:
    if getattr(record, "rec_type", None) != "response":
        return None
    http = getattr(record, "http_headers", None)
    media = (http.get_header("Content-Type") if http else "") or ""
    if "html" not in media.lower():
        log.debug("%s: passed over (%s)", where, media or "no content type")
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or None  # type: ignore[attr-defined]
    name = f"{where} {url}" if url else where
    status = http.get_statuscode() if http else "200"
    if not str(status).startswith("2"):
        return Rejected(name, f"HTTP {status}")
    data = record.content_stream().read(settings.max_bytes + 1)  # type: ignore[attr-defined]
    if len(data) > settings.max_bytes:
        return Rejected(name, oversize_reason(settings.max_bytes))
    charset = None
    if "charset=" in media.lower():
        charset = media.lower().split("charset=", 1)[1].split(";")[0].strip() or None
    return read_html(data, Origin(label=name, path=label, url=url, charset=charset))
