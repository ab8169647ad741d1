"""Picking the reader: by suffix or content type, else by the first bytes (sniff); and the
checks on a file before any reader sees it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given

from inputs import DATA, FEW, client_for, html, only_rejected, write
from newsweave.model import Rejected
from newsweave.read import read_inputs
from newsweave.read._dispatch import claimant, read_file, sniff
from newsweave.settings import Settings
from strategies import hostile_bytes

PAGE = (DATA / "ferrow-dam.html").read_bytes()
RSS = (DATA / "harbour.rss").read_bytes()
ATOM = (DATA / "harbour.atom").read_bytes()
WIRE = "Dam gates open\n\nFERROW (Valley Wire) - Engineers opened the dam gates on Tuesday.\n"


# --- sniff and claimant -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\xef\xbb\xbf <!DOCTYPE html><p>x", "html"),
        (b"<p>Ferry resumes.</p>", "html"),
        (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        (b"<atom:feed xmlns:atom='http://www.w3.org/2005/Atom'>", "feed"),
        (b'<?xml version="1.0"?><html><body>', "html"),
        (b'{"text": "Ferry resumes."}', "records"),
        (b'\n [{"text": "x"}]', "records"),
        (b"Ferry resumes on Tuesday.", "text"),
        ("Ferry resumes".encode("utf-16"), "text"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", None),
        (b"caf\xe9", None),
    ],
)
def test_sniff_tells_the_kind_from_the_first_bytes(data: bytes, kind: str | None) -> None:
    assert sniff(data) == kind


def test_the_built_in_readers_claim_their_suffixes_and_media_types() -> None:
    by_suffix = {s: claimant(suffix=s) for s in (".md", ".htm", ".ndjson", ".atom", ".pdf")}
    assert {s: r.name if r else None for s, r in by_suffix.items()} == {
        ".md": "text",
        ".htm": "html",
        ".ndjson": "records",
        ".atom": "feed",
        ".pdf": None,
    }
    assert claimant(media_type="application/rss+xml").name == "feed"  # type: ignore[union-attr]
    # generic XML could be either a page or a feed: the bytes decide
    assert claimant(media_type="application/xml") is None
    assert claimant() is None


# --- files ------------------------------------------------------------------------------


def test_oversized_file_is_rejected_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", "x" * 200)
    rejected = only_rejected(read_inputs([path], Settings().replace(max_bytes=100)))
    assert rejected == Rejected(path, "larger than 100 bytes (NEWSWEAVE_MAX_BYTES)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_pipe_is_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "wire.txt"
    os.mkfifo(pipe)
    assert list(read_file(pipe, "wire.txt", Settings())) == [
        Rejected("wire.txt", "not a regular file")
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_a_broken_link_is_named(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    got = tuple(read_file(link, "gone.txt", Settings()))
    assert got == (Rejected("gone.txt", "broken symbolic link"),)


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    text = write(tmp_path, "note.wire", WIRE)
    html_page = write(tmp_path, "page.php", (DATA / "ferrow-dam.html").read_bytes())
    feed = write(tmp_path, "feed.cgi", (DATA / "harbour.rss").read_bytes())
    recs = write(tmp_path, "dump.out", '[{"text": "Ferry resumes."}]')
    blob = write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")
    result = read_inputs([text, html_page, feed, recs, blob])
    assert [a.path for a in result.articles] == [text, html_page, feed, feed, recs]
    assert result.articles[1].source == "Valley Wire"
    assert result.rejected == (
        Rejected(
            blob,
            "unsupported file type (suffix '.jpg', binary content; "
            "expected text, HTML, JSON or a feed)",
        ),
    )


# --- URLs -------------------------------------------------------------------------------


def test_urls_dispatch_on_content_type() -> None:
    base = "https://wire.example"
    routes = {
        f"{base}/page": html(PAGE),
        f"{base}/feed": html(RSS, "application/rss+xml"),
        f"{base}/atom": html(ATOM, "application/xml"),
        f"{base}/recs": html(b'{"text": "Ferry resumes on Tuesday."}', "application/json"),
        f"{base}/plain": html(b"Ferry halted.\r\nCrews wait.", "text/plain; charset=utf-8"),
        f"{base}/unlabelled": html(b"<!doctype html><p>Ferry halted again on Friday.</p>", ""),
        f"{base}/image": html(b"\x89PNG\x00\x00", "image/png"),
    }
    seen: list[str] = []
    with client_for(routes) as client:
        result = read_inputs(
            [
                f"{base}/{k}"
                for k in ("page", "feed", "atom", "recs", "plain", "unlabelled", "image", "gone")
            ],
            client=client,
            progress=seen.append,
        )
    assert len(seen) == 8
    by_url = {a.url: a for a in result.articles}
    page = by_url["https://www.valleywire.example/news/ferrow-dam-gates"]
    assert (page.source, page.path) == ("Valley Wire", None)
    plain = by_url[f"{base}/plain"]
    assert (plain.text, plain.source) == ("Ferry halted.\nCrews wait.", "wire.example")
    assert by_url[f"{base}/unlabelled"].text == "Ferry halted again on Friday."
    texts = {a.text for a in result.articles}
    assert "Ferry resumes on Tuesday." in texts
    assert {a.source for a in result.articles} >= {"Harbour Wire", "Alder Daily"}
    assert set(result.rejected) >= {
        Rejected(f"{base}/gone", "HTTP 404"),
        Rejected(f"{base}/image", "unsupported content type (image/png) and the body is not text"),
    }


def test_an_empty_body_is_rejected() -> None:
    routes = {"https://wire.example/empty": html(b"  \n", "text/plain")}
    with client_for(routes) as client:
        result = read_inputs(["https://wire.example/empty"], client=client)
    assert only_rejected(result) == Rejected("https://wire.example/empty", "empty response body")


@FEW
@given(data=hostile_bytes)
def test_sniff_never_raises_on_hostile_bytes(data: bytes) -> None:
    assert sniff(data) in {"text", "html", "records", "feed", None}


def test_a_jsonl_archive_larger_than_the_limit_is_read_record_by_record(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": f"r{i}", "text": f"The dam opened on day {i}. " * 3}) for i in range(40)
    ]
    lines.insert(7, json.dumps({"id": "big", "text": "x" * 150}))
    lines.insert(9, "x" * 70_000)  # past the line limit (2 × 100 + 65,536): never held whole
    path = write(tmp_path, "archive.jsonl", "\n".join(lines) + "\n")
    assert Path(path).stat().st_size > 70_000
    result = read_inputs([path], Settings().replace(max_bytes=100))
    assert [a.id for a in result.articles] == [f"r{i}" for i in range(40)]
    assert [(r.input, r.reason.split(":")[0]) for r in result.rejected] == [
        (f"{path}:8", "line 8"),
        (f"{path}:10", "line 10"),
    ]
    assert "text larger than 100 bytes" in result.rejected[0].reason
    assert "record larger than" in result.rejected[1].reason


def test_a_utf16_jsonl_file_is_still_read_whole_within_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "u16.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "The dam opened."}) + "\n", encoding="utf-16")
    assert [a.id for a in read_inputs([str(path)]).articles] == ["a"]
    big = tmp_path / "big16.jsonl"
    big.write_text(json.dumps({"id": "b", "text": "x" * 200}) + "\n", encoding="utf-16")
    rejected = only_rejected(read_inputs([str(big)], Settings().replace(max_bytes=100)))
    assert rejected.reason == "larger than 100 bytes (NEWSWEAVE_MAX_BYTES)"


def test_a_binary_file_named_jsonl_is_one_rejection_not_one_per_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\x00\x01binary\n" * 500)
    assert only_rejected(read_inputs([str(path)])).reason == (
        "binary file (NUL bytes in the first 8 KiB)"
    )
