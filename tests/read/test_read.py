"""Reading files and folders: text, HTML and JSON records, rejections and duplicates."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.model import Article, Rejected
from newsweave.read import ReadResult, article_id, read_inputs
from newsweave.read._article import Origin, parse_date
from newsweave.read.html import NO_TEXT_REASON, read_html
from newsweave.read.records import read_records
from newsweave.read.text import decode_text
from newsweave.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data" / "read"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

WIRE = "Dam gates open\n\nFERROW (Valley Wire) - Engineers opened the dam gates on Tuesday.\n"


def write(folder: Path, name: str, data: str | bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return str(path)


def only_article(result: ReadResult) -> Article:
    assert result.rejected == ()
    assert len(result.articles) == 1
    return result.articles[0]


def only_rejected(result: ReadResult) -> Rejected:
    assert result.articles == ()
    assert len(result.rejected) == 1
    return result.rejected[0]


# --- article_id -------------------------------------------------------------------------


def test_article_id_is_sha256_of_normalised_text() -> None:
    import hashlib

    expected = hashlib.sha256(b"Dam opens. Water falls.").hexdigest()[:16]
    assert article_id("  Dam opens.\n\n Water\tfalls. ") == expected
    # NFC: a composed and a decomposed "é" are the same article
    assert article_id("Caf\u00e9 shut") == article_id("Cafe\u0301 shut")


# --- seeds ------------------------------------------------------------------------------


@pytest.mark.seeds
def test_seed_folder_reads_five_articles_in_order() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder {SEEDS} is missing")
    files = sorted(p for p in SEEDS.iterdir() if not p.name.startswith("."))
    seen: list[str] = []
    result = read_inputs([str(SEEDS)], progress=seen.append)
    print(f"seeds: {len(result.articles)} articles, {len(result.rejected)} rejected")
    assert result.rejected == ()
    assert len(result.articles) == len(files) == 5
    assert seen == [str(p) for p in files]
    for art, file in zip(result.articles, files, strict=True):
        assert art.source == file.stem
        assert art.path == str(file)
        assert art.title is None
        assert art.text == file.read_text(encoding="utf-8").replace("\r\n", "\n")
        assert art.id == article_id(art.text)
    again = read_inputs([str(SEEDS)])
    assert [a.id for a in again.articles] == [a.id for a in result.articles]


# --- text -------------------------------------------------------------------------------


def test_text_file_is_kept_as_written(tmp_path: Path) -> None:
    path = write(tmp_path, "valley-wire.txt", WIRE.replace("\n", "\r\n"))
    art = only_article(read_inputs([path]))
    assert art.text == WIRE
    assert art.source == "valley-wire"
    assert art.title is None
    assert art.path == path
    assert art.url is None
    assert art.id == article_id(WIRE)


def test_text_decodings() -> None:
    assert decode_text("Müller said".encode()) == ("Müller said", None)
    assert decode_text(b"\xef\xbb\xbfBOM text") == ("BOM text", None)
    assert decode_text("Ženeva".encode("utf-16")) == ("Ženeva", None)
    assert decode_text("“Open”, he said".encode("cp1252")) == ("“Open”, he said", None)
    text, reason = decode_text(b"caf\xe9 \x81")
    assert text is None
    assert reason == "not UTF-8 (byte 0xe9 at offset 3) and not Windows-1252 text; save it as UTF-8"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n", "empty file"),
        (b"GIF89a\x00\x01\x02", "binary file (NUL bytes in the first 8 KiB)"),
        (b"ok\xff\x1b", "not UTF-8 (byte 0xff at offset 2) and not Windows-1252 text; save it"),
    ],
)
def test_text_rejections(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path, "bad.txt", data)
    rejected = only_rejected(read_inputs([path]))
    assert rejected.input == path
    assert rejected.reason.startswith(reason)


def test_oversized_file_is_rejected_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", "x" * 200)
    rejected = only_rejected(read_inputs([path], Settings().replace(max_bytes=100)))
    assert rejected == Rejected(path, "larger than 100 bytes (NEWSWEAVE_MAX_BYTES)")


def test_missing_path_is_rejected_not_raised(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert only_rejected(read_inputs([missing])) == Rejected(missing, "no such file or folder")


def test_other_schemes_are_rejected_without_fetching() -> None:
    rejected = only_rejected(read_inputs(["ftp://files.example/a.txt"]))
    assert rejected.reason.startswith("unsupported URL scheme 'ftp'")
    assert only_rejected(read_inputs(["javascript:alert(1)"])).reason.startswith(
        "unsupported URL scheme 'javascript'"
    )


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    text = write(tmp_path, "note.wire", WIRE)
    html = write(tmp_path, "page.php", (DATA / "ferrow-dam.html").read_bytes())
    feed = write(tmp_path, "feed.cgi", (DATA / "harbour.rss").read_bytes())
    recs = write(tmp_path, "dump.out", '[{"text": "Ferry resumes."}]')
    blob = write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")
    result = read_inputs([text, html, feed, recs, blob])
    assert [a.path for a in result.articles] == [text, html, feed, feed, recs]
    assert result.articles[1].source == "Valley Wire"
    assert result.rejected == (
        Rejected(
            blob,
            "unsupported file type (suffix '.jpg', binary content; "
            "expected text, HTML, JSON or a feed)",
        ),
    )


# --- folders and duplicates -------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", "a-c.txt", "C.txt"):
        write(folder, name, f"Report {name}: the ferry resumed on Tuesday.")
    write(folder, ".hidden.txt", "Hidden report.")
    write(folder, ".git/HEAD.txt", "ref: main")
    write(folder, "a/.cache/x.txt", "Cached report.")
    seen: list[str] = []
    result = read_inputs([str(folder)], progress=seen.append)
    expected = [str(folder / n) for n in ("C.txt", "a/b/c.txt", "a/z.txt", "a-c.txt", "b.txt")]
    assert [a.path for a in result.articles] == expected
    assert seen == expected
    assert result.rejected == ()
    assert read_inputs([str(folder)]) == result


def test_folder_labels_keep_the_folder_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "in/wire.txt", WIRE)
    monkeypatch.chdir(tmp_path)
    assert only_article(read_inputs(["in"])).path == str(Path("in", "wire.txt"))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_symlinks_leaving_the_folder_are_skipped(tmp_path: Path) -> None:
    outside = Path(write(tmp_path, "outside/secret.txt", "Outside report."))
    folder = tmp_path / "story"
    write(folder, "wire.txt", WIRE)
    (folder / "leak.txt").symlink_to(outside)
    (folder / "loop").symlink_to(folder)
    (folder / "same.txt").symlink_to(folder / "wire.txt")
    result = read_inputs([str(folder)])
    # the inside link reads the same text: one article, kept from the first path
    assert only_article(result).path == str(folder / "same.txt")


def test_too_many_files_raises_naming_the_folder(tmp_path: Path) -> None:
    for n in range(4):
        write(tmp_path, f"f{n}.txt", f"Report {n}.")
    with pytest.raises(InputError, match=rf"{tmp_path}: more than 3 files"):
        read_inputs([str(tmp_path)], Settings().replace(max_files=3))


def test_empty_folder_is_rejected(tmp_path: Path) -> None:
    write(tmp_path, ".only-hidden", "x")
    assert only_rejected(read_inputs([str(tmp_path)])).input == str(tmp_path)


def test_identical_articles_collapse_to_the_first(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", WIRE)
    b = write(tmp_path, "b.md", WIRE.replace("\n\n", "\n  \n"))  # other whitespace, same id
    result = read_inputs([a, b, a])
    assert only_article(result).path == a


def test_same_record_id_with_other_text_is_reported(tmp_path: Path) -> None:
    a = write(tmp_path, "a.jsonl", '{"id": "w1", "text": "Ferry resumes."}\n')
    b = write(tmp_path, "b.jsonl", '{"id": "w1", "text": "Ferry halted."}\n')
    result = read_inputs([a, b, a])
    assert [x.text for x in result.articles] == ["Ferry resumes."]
    assert result.rejected == (Rejected(b, f"id 'w1' already used by {a} for a different text"),)


def test_every_input_is_accounted_for(tmp_path: Path) -> None:
    inputs = [
        write(tmp_path, "ok.txt", WIRE),
        write(tmp_path, "empty.txt", ""),
        write(tmp_path, "bin.html", b"\x00\x01"),
        str(tmp_path / "missing.json"),
        str(DATA),
    ]
    result = read_inputs(inputs)
    named = {a.path for a in result.articles} | {r.input for r in result.rejected}
    for given in inputs:
        assert any(name and name.startswith(given) for name in named), given


# --- records ----------------------------------------------------------------------------


def test_jsonl_records_and_their_rejections() -> None:
    path = str(DATA / "wire.jsonl")
    result = read_inputs([path])
    first, second, third = result.articles
    assert first == Article(
        id="vw-1",
        source="valleywire.example",
        title="Dam gates open",
        text="Engineers opened the dam gates on Tuesday.",
        url="https://www.valleywire.example/a/1",
        path=path,
        published=dt.date(2024, 3, 5),
        lang="en",
        meta=(("section", "Regional"), ("tags", '["dam", "flood"]')),
    )
    assert second.source == "harbourwire.example"
    assert second.published is None
    assert second.meta == (("date_raw", "last Tuesday"),)
    assert second.id == article_id(second.text)
    assert third.source == "alderdaily.example"
    assert result.rejected == (
        Rejected(f"{path}:4", 'line 4: record has no "text" field'),
        Rejected(
            f"{path}:5",
            "line 5: malformed JSON: Expecting property name enclosed in double quotes (col 49)",
        ),
        Rejected(f"{path}:6", "line 6: record is not a JSON object (got a list)"),
    )


def test_json_list_rejections_name_the_line() -> None:
    data = b'[\n  {"text": "Ferry resumes.", "id": 7},\n  {"title": "x"},\n  {"text": ""}\n]'
    out = read_records(data, Origin.for_path("w.json"), lines=False)
    assert out == (
        Article(id="7", source="w", title=None, text="Ferry resumes.", path="w.json"),
        Rejected("w.json:3", 'line 3: record has no "text" field'),
        Rejected("w.json:4", 'line 4: "text" is empty'),
    )


def test_json_whole_file_errors() -> None:
    origin = Origin.for_path("w.json")
    assert read_records(b'{"text": "a",\n "id" 1}', origin, lines=False) == (
        Rejected("w.json", "line 2: malformed JSON: Expecting ':' delimiter (col 7)"),
    )
    assert read_records(b"[]", origin) == (
        Rejected("w.json", "no records (the JSON list is empty)"),
    )
    assert read_records(b'"just a string"', origin) == (
        Rejected("w.json:1", "line 1: record is not a JSON object (got a string)"),
    )
    deep = b"[" * 100_000 + b"]" * 100_000
    (rejected,) = read_records(deep, origin, lines=False)
    assert isinstance(rejected, Rejected)
    assert "nested too deeply" in rejected.reason or "malformed JSON" in rejected.reason


def test_json_with_auto_detection_falls_back_to_lines() -> None:
    data = b'{"text": "Ferry resumes."}\n{"text": "Ferry halted."}\n'
    texts = [a.text for a in read_records(data, Origin.for_path("x")) if isinstance(a, Article)]
    assert texts == ["Ferry resumes.", "Ferry halted."]


def test_record_text_larger_than_max_bytes_is_rejected() -> None:
    data = json.dumps({"text": "é" * 60}).encode()
    out = read_records(data, Origin.for_path("r.jsonl"), Settings().replace(max_bytes=100))
    assert out == (
        Rejected("r.jsonl:1", "line 1: text larger than 100 bytes (NEWSWEAVE_MAX_BYTES)"),
    )


def test_record_field_precedence() -> None:
    rec = {
        "text": "Ferry resumes.",
        "source": "Harbour Wire",
        "domain": "hw.example",
        "published": "2024-03-05",
        "date": "2024-01-01",
        "title": 5,
        "id": None,
    }
    (art,) = read_records(json.dumps(rec).encode(), Origin.for_path("r.json"))
    assert isinstance(art, Article)
    assert (art.source, art.published, art.title) == ("Harbour Wire", dt.date(2024, 3, 5), None)
    assert art.id == article_id("Ferry resumes.")
    assert art.meta == (
        ("date", "2024-01-01"),
        ("domain", "hw.example"),
        ("id", "null"),
        ("title", "5"),
    )


def test_jsonl_bad_utf8_line_is_rejected_alone() -> None:
    data = b'{"text": "Ferry resumes."}\n{"text": "caf\xe9"}\n'
    out = read_records(data, Origin.for_path("r.jsonl"), lines=True)
    assert isinstance(out[0], Article)
    assert out[1] == Rejected("r.jsonl:2", "line 2: not UTF-8 (byte 0xe9 at offset 13)")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("2024-03-05T23:30:00-05:00", dt.date(2024, 3, 5)),
        ("2024-03-05T08:10:00Z", dt.date(2024, 3, 5)),
        ("2024-02-30", None),
        ("5 March 2024", None),
        (20240305, None),
    ],
)
def test_parse_date(raw: object, expected: dt.date | None) -> None:
    assert parse_date(raw) == expected


# --- HTML -------------------------------------------------------------------------------


def test_html_page_with_metadata() -> None:
    path = str(DATA / "ferrow-dam.html")
    art = only_article(read_inputs([path]))
    assert art.title == "Spillway gates opened at Lake Ferrow dam"
    assert art.source == "Valley Wire"
    assert art.published == dt.date(2024, 3, 5)
    assert art.published_inferred is False
    assert art.url == "https://www.valleywire.example/news/ferrow-dam-gates"
    assert art.path == path
    assert art.lang == "en-gb"
    assert ("author", "Jo Marsh") in art.meta
    assert ("description", "Engineers released water after three days of rain.") in art.meta
    paragraphs = art.text.split("\n\n")
    assert paragraphs[1].startswith("FERROW, March 5 (Valley Wire) - Engineers opened")
    assert (
        paragraphs[-1]
        == "The last controlled release at the dam, built in 1961, took place in 2009."
    )
    assert "Copyright" not in art.text
    assert "Weather" not in art.text
    assert art.title_span is not None
    assert art.title_span.text(art) == art.title


def test_html_declared_charset_and_fallback_source() -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Café reopens</title></head>'
        "<body><p>The harbour café reopened on Friday, its owner said.</p></body></html>"
    ).encode("cp1252")
    art = read_html(page, Origin.for_path("in/harbour-cafe.htm"))
    assert isinstance(art, Article)
    assert art.text == "The harbour café reopened on Friday, its owner said."
    assert art.source == "harbour-cafe"
    assert art.url is None


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (b"<html><body><nav></nav></body></html>", NO_TEXT_REASON),
        (
            b"<html><body>caf\xe9</body></html>",
            "not UTF-8 (byte 0xe9 at offset 15) and no charset declared",
        ),
        (b"<html>\x00\x00", "binary file (NUL bytes in the first 8 KiB)"),
        (b"   ", "empty file"),
    ],
)
def test_html_rejections(page: bytes, reason: str) -> None:
    assert read_html(page, Origin.for_path("p.html")) == Rejected("p.html", reason)
