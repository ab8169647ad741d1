"""The JSON and JSON Lines reader: one article per record, and a rejection naming the line
of each record that cannot be read."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given

from inputs import DATA, FEW, ORIGIN, assert_outcomes
from newsweave.model import Article, Rejected
from newsweave.read import article_id, read_inputs
from newsweave.read._article import Origin
from newsweave.read.records import read_records
from newsweave.settings import Settings
from strategies import hostile_bytes, json_records


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
        Article(id="7", source="w #2", title=None, text="Ferry resumes.", path="w.json"),
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


@FEW
@given(data=hostile_bytes)
def test_records_reader_never_raises_on_hostile_bytes(data: bytes) -> None:
    small = Settings().replace(max_bytes=1000)
    assert_outcomes(read_records(data, ORIGIN, small))
    assert_outcomes(read_records(data, ORIGIN, small, lines=True))
    assert_outcomes(read_records(data, ORIGIN, small, lines=False))


@FEW
@given(data=json_records())
def test_records_reader_names_each_line(data: bytes) -> None:
    outcomes = read_records(data, ORIGIN, lines=True)
    assert_outcomes(outcomes)
    for outcome in outcomes:
        if isinstance(outcome, Rejected) and outcome.input != "in/x":
            line = int(outcome.input.rpartition(":")[2])
            assert outcome.reason.startswith(f"line {line}:")


def test_streamed_records_match_the_whole_file_read() -> None:
    import io

    from newsweave.read.records import stream_records

    data = (
        b'\xef\xbb\xbf{"id": "a", "text": "The dam opened."}\r\n\n'
        b'{"id": "b", "text": ""}\n[1]\n\xff\xfe\n{"id": "c", "text": "Rain fell."}'
    )
    origin = Origin.for_path("r.jsonl")
    streamed = tuple(stream_records(io.BytesIO(data), origin, Settings()))
    assert streamed == read_records(data, origin, Settings(), lines=True)
    assert tuple(stream_records(io.BytesIO(b"\n \n"), origin, Settings())) == (
        Rejected("r.jsonl", "empty file"),
    )


def test_records_of_one_file_are_separate_outlets_unless_they_say_otherwise() -> None:
    data = (
        b'{"text": "Ferry resumes."}\n{"text": "Ferry halted.", "source": "Harbour Wire"}\n'
        b'{"text": "Ferry late.", "url": "https://www.valleywire.example/a"}\n'
        b'{"text": "Ferry early."}\n'
    )
    out = read_records(data, Origin.for_path("archive.jsonl"), lines=True)
    assert [a.source for a in out if isinstance(a, Article)] == [
        "archive #1",
        "Harbour Wire",
        "valleywire.example",
        "archive #4",
    ]
    (single,) = read_records(b'{"text": "Ferry resumes."}', Origin.for_path("one.json"))
    assert isinstance(single, Article)
    assert single.source == "one"


def test_an_id_or_language_the_store_cannot_hold_is_rejected() -> None:
    """A record's own id must fit the story store's column (255 characters), its language
    code 16: rejected here, with the reason, before a PostgreSQL store fails the batch."""
    lines = [
        json.dumps({"id": "x" * 256, "text": "The dam opened."}),
        json.dumps({"id": "y" * 255, "text": "The dam opened today."}),
        json.dumps({"text": "The dam opened at noon.", "lang": "en-" + "x" * 20}),
    ]
    out = read_records("\n".join(lines).encode(), Origin.for_path("a.jsonl"), lines=True)
    assert isinstance(out[0], Rejected)
    assert out[0].reason == 'line 1: "id" longer than 255 characters'
    assert isinstance(out[1], Article)
    assert isinstance(out[2], Rejected)
    assert out[2].reason == 'line 3: "lang" longer than 16 characters'
