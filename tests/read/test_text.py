"""The plain-text reader: the text kept as written, its decodings and its rejections."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from inputs import FEW, ORIGIN, assert_outcomes, only_article, only_rejected, write
from newsweave.model import Article, Rejected
from newsweave.read import article_id, read_inputs
from newsweave.read.text import decode_text, read_text
from strategies import encoded_text, hostile_bytes

WIRE = "Dam gates open\n\nFERROW (Valley Wire) - Engineers opened the dam gates on Tuesday.\n"


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


def test_old_mac_line_endings_become_newlines() -> None:
    art = read_text(b"Dam opens\r\rThe dam opened.", ORIGIN)
    assert isinstance(art, Article)
    assert art.text == "Dam opens\n\nThe dam opened."


@FEW
@given(data=hostile_bytes)
def test_text_reader_never_raises_on_hostile_bytes(data: bytes) -> None:
    assert_outcomes((read_text(data, ORIGIN),))


@FEW
@given(pair=encoded_text())
def test_text_reader_returns_the_decoded_text(pair: tuple[str, bytes]) -> None:
    text, data = pair
    outcome = read_text(data, ORIGIN)
    if text.strip():
        assert isinstance(outcome, Article)
        assert outcome.text == text
    else:
        assert outcome == Rejected("in/x", "empty file")
