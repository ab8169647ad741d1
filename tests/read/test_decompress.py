"""decompress: a body's Content-Encoding decoded a bounded step at a time."""

from __future__ import annotations

import gzip
import zlib

import pytest

from newsweave.read.decompress import BoundedDecoder, TooLarge


def test_gzip_and_deflate_both_ways_decode() -> None:
    text = b"The Port Alder ferry resumed service on Tuesday. " * 40
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    bodies = {
        "gzip": gzip.compress(text),
        "deflate": zlib.compress(text),
    }
    raw_body = raw.compress(text) + raw.flush()
    for coding, body in [*bodies.items(), ("deflate", raw_body)]:
        decoder = BoundedDecoder.for_header(coding, limit=10_000)
        got = b"".join(decoder.feed(body[k : k + 7]) for k in range(0, len(body), 7))
        assert got + decoder.flush() == text


def test_the_limit_holds_inside_one_small_chunk() -> None:
    bomb = gzip.compress(b"\0" * 20_000_000)
    decoder = BoundedDecoder.for_header("gzip", limit=1_000_000)
    with pytest.raises(TooLarge):
        decoder.feed(bomb)
    assert decoder.size <= 1_000_000 + 65_536


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("", None),
        ("identity", None),
        ("GZIP", None),
        ("gzip, gzip", "stacked content encodings (gzip, gzip) are refused"),
        ("deflate,gzip", "stacked content encodings (deflate, gzip) are refused"),
        ("br", "unsupported content encoding 'br' (newsweave asks for gzip or deflate)"),
    ],
)
def test_what_a_header_may_ask(header: str, problem: str | None) -> None:
    assert BoundedDecoder.problem(header) == problem


def test_a_body_that_is_not_its_encoding_is_an_error() -> None:
    with pytest.raises(zlib.error):
        BoundedDecoder.for_header("gzip", limit=100).feed(b"not gzip at all")
