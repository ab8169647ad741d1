"""What every reader shares: the content id, same-text, the outlet fallback, ISO dates and
the decoding by byte-order mark, UTF-8 or a declared charset."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from newsweave.read._article import (
    Origin,
    article_id,
    bom_codec,
    decode_bom,
    decode_declared,
    domain_of,
    has_nul,
    oversize_reason,
    parse_date,
    text_digest,
    utf8_error,
)

# --- article_id -------------------------------------------------------------------------


def test_article_id_is_sha256_of_normalised_text() -> None:
    import hashlib

    expected = hashlib.sha256(b"Dam opens. Water falls.").hexdigest()[:16]
    assert article_id("  Dam opens.\n\n Water\tfalls. ") == expected
    # NFC: a composed and a decomposed "é" are the same article
    assert article_id("Caf\u00e9 shut") == article_id("Cafe\u0301 shut")


def test_text_digest_normalises_as_the_id_does() -> None:
    assert text_digest("Dam opens.\r\n\r\nWater falls.") == text_digest(" Dam opens. Water falls. ")
    assert text_digest("Caf\u00e9 shut") == text_digest("Cafe\u0301 shut")
    assert text_digest("Dam opens.") != text_digest("Dam opened.")


# --- where an input came from -----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.valleywire.example/news/1", "valleywire.example"),
        ("http://harbourwire.example:8080/a", "harbourwire.example"),
        ("https:///nohost", None),
        ("http://[::1", None),  # a bad IPv6 literal: urlsplit raises, we do not
        ("", None),
        (None, None),
    ],
)
def test_domain_of(url: str | None, domain: str | None) -> None:
    assert domain_of(url) == domain


def test_the_fallback_source_is_the_domain_then_the_file_stem() -> None:
    assert Origin.for_url("https://www.wire.example/a").fallback_source == "wire.example"
    assert Origin.for_path("in/valley-wire.txt").fallback_source == "valley-wire"
    assert Origin(label="stdin").fallback_source == "stdin"
    fetched = Origin.for_url("https://wire.example/a", "utf-8")
    assert (fetched.label, fetched.path) == ("https://wire.example/a", None)
    assert fetched.charset == "utf-8"


# --- dates ------------------------------------------------------------------------------


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


# --- bytes ------------------------------------------------------------------------------


def test_oversize_reason_names_the_setting() -> None:
    assert oversize_reason(100) == "larger than 100 bytes (NEWSWEAVE_MAX_BYTES)"


def test_byte_order_marks_name_their_codec() -> None:
    assert bom_codec(codecs.BOM_UTF8 + b"x") == "utf-8-sig"
    # the UTF-32 LE mark starts with the UTF-16 LE one: the longer is tried first
    assert bom_codec(codecs.BOM_UTF32_LE + b"x") == "utf-32"
    assert bom_codec(codecs.BOM_UTF16_BE + b"x") == "utf-16"
    assert bom_codec(b"plain") is None


def test_nul_bytes_count_in_the_first_8_kib_only() -> None:
    assert has_nul(b"GIF89a\x00")
    assert not has_nul(b"x" * 8192 + b"\x00")


def test_utf8_error_says_where() -> None:
    assert utf8_error("Müller".encode()) is None
    assert utf8_error(b"ok\xff") == "byte 0xff at offset 2"


def test_decode_bom() -> None:
    assert decode_bom(b"no mark") is None
    assert decode_bom("Ženeva".encode("utf-16")) == ("Ženeva", None)
    assert decode_bom(codecs.BOM_UTF16_LE + b"a\x00b") == (
        None,
        "bad utf-16 text (byte 0x62 at offset 4)",
    )
    text, reason = decode_bom(codecs.BOM_UTF8 + b"caf\xe9") or (None, None)
    assert text is None
    assert reason is not None
    assert reason == "bad utf-8-sig text (byte 0xe9 at offset 6)"  # offsets count the mark


def test_decode_declared_tries_the_mark_then_utf8_then_the_charset() -> None:
    assert decode_declared("café".encode(), "latin-1") == ("café", None)
    assert decode_declared("café".encode("cp1252"), "windows-1252") == ("café", None)
    assert decode_declared(b"caf\xe9", None) == (
        None,
        "not UTF-8 (byte 0xe9 at offset 3) and no charset declared",
    )
    assert decode_declared(b"caf\xe9", "no-such-codec") == (
        None,
        "not UTF-8 (byte 0xe9 at offset 3) and the declared charset 'no-such-codec' is unknown",
    )
    assert decode_declared(b"caf\xe9", "base64")[0] is None  # bytes to bytes: not a charset
