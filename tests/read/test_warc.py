"""warc: a web archive read record by record; every page an article or a rejection."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.read import read_inputs
from newsweave.read.warc import is_warc
from newsweave.settings import Settings

PAGE = (
    b"<html><head><title>Lowvale dam opens after decade of work</title></head><body>"
    b"<article><p>The Lowvale dam opened on Monday after ten years of building, the "
    b"regional water board said.</p><p>It holds enough water for 40,000 homes.</p>"
    b"</article></body></html>"
)


def _archive(path: Path, records: list[tuple[str, str, str, bytes]], gzip: bool = True) -> str:
    """A WARC of ``(type, url, status or content type, body)`` records."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for kind, url, status_type, body in records:
            if kind == "response":
                status, media = status_type.split("|")
                http = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=http
                )
            else:
                record = writer.create_warc_record(
                    url, kind, payload=io.BytesIO(body), warc_content_type=status_type
                )
            writer.write_record(record)
            record.raw_stream.close()  # warcio spools the payload to a temporary file
    return str(path)


def test_pages_are_read_and_the_rest_rejected_or_passed_over(tmp_path: Path) -> None:
    path = _archive(
        tmp_path / "crawl.warc.gz",
        [
            ("request", "https://valleywire.example/dam", "application/http", b"GET /dam"),
            ("response", "https://valleywire.example/dam", "200 OK|text/html; charset=utf-8", PAGE),
            ("response", "https://valleywire.example/logo.png", "200 OK|image/png", b"\x89PNG"),
            (
                "response",
                "https://valleywire.example/gone",
                "404 Not Found|text/html",
                b"<p>no</p>",
            ),
            ("response", "https://valleywire.example/big", "200 OK|text/html", PAGE * 20),
        ],
    )
    result = read_inputs([path], Settings().replace(max_bytes=2000))
    [article] = result.articles
    assert article.url == "https://valleywire.example/dam"
    assert article.title == "Lowvale dam opens after decade of work"
    assert "40,000 homes" in article.text
    reasons = {r.input: r.reason for r in result.rejected}
    assert reasons == {
        f"{path}#4 https://valleywire.example/gone": "HTTP 404",
        f"{path}#5 https://valleywire.example/big": "larger than 2000 bytes (NEWSWEAVE_MAX_BYTES)",
    }


def test_an_archive_larger_than_the_limit_is_read_record_by_record(tmp_path: Path) -> None:
    pages = [
        (
            "response",
            f"https://valleywire.example/{k}",
            "200 OK|text/html",
            PAGE.replace(b"Monday", f"day {k}".encode()),
        )
        for k in range(30)
    ]
    path = _archive(tmp_path / "big.warc", pages, gzip=False)
    assert Path(path).stat().st_size > 2000
    result = read_inputs([path], Settings().replace(max_bytes=2000))
    assert len(result.articles) == 30
    assert result.rejected == ()


def test_a_broken_or_empty_archive_is_rejected_with_a_reason(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"this is not a web archive\n" * 10)
    bad_gzip = tmp_path / "bad.warc.gz"
    bad_gzip.write_bytes(b"\x1f\x8b\x00\xff" + b"\x00" * 40)
    empty = _archive(tmp_path / "meta.warc.gz", [("metadata", "urn:x", "text/plain", b"x")])
    result = read_inputs([str(junk), empty, str(bad_gzip)])
    assert result.articles == ()
    assert [r.input for r in result.rejected] == [str(junk), empty, str(bad_gzip)]
    assert result.rejected[2].reason == "not a web archive (no WARC header at the start)"
    assert result.rejected[0].reason == "not a web archive (no WARC header at the start)"
    assert result.rejected[1].reason == "web archive holds no HTML pages"


def test_archive_names() -> None:
    assert is_warc("a.warc")
    assert is_warc("b.WARC.GZ")
    assert is_warc("c.arc.gz")
    assert not is_warc("warc.txt")
    assert not is_warc("a.gz")
