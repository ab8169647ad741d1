"""The HTML reader: the article text and metadata of a page, its charset, its rejections."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from inputs import DATA, FEW, ORIGIN, assert_outcomes, only_article
from newsweave.model import Article, Rejected
from newsweave.read import read_inputs
from newsweave.read._article import Origin
from newsweave.read.html import NO_TEXT_REASON, declared_charset, decode_html, read_html
from strategies import hostile_bytes


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
    ("page", "charset"),
    [
        (b'<meta charset="windows-1252">', "windows-1252"),
        (b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>", "iso-8859-1"),
        (b'<?xml version="1.0" encoding="utf-16"?><html>', "utf-16"),
        (b"<html><p>charset=latin-1 in the text</p></html>", None),
    ],
)
def test_declared_charset_is_read_from_the_head(page: bytes, charset: str | None) -> None:
    assert declared_charset(page) == charset


def test_the_http_charset_wins_over_the_page_one() -> None:
    page = "<meta charset='utf-16'><p>Вася</p>".encode("cp1251")
    text, reason = decode_html(page, Origin.for_url("https://a.example/", "windows-1251"))
    assert reason is None
    assert text is not None
    assert "Вася" in text


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (b"<html><body><nav></nav></body></html>", NO_TEXT_REASON),
        (
            b"<html><head><title>App</title></head><body><noscript>Please enable "
            b"JavaScript to read this page.</noscript><div id=root></div></body></html>",
            NO_TEXT_REASON,
        ),
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


@FEW
@given(data=hostile_bytes)
def test_html_reader_never_raises_on_hostile_bytes(data: bytes) -> None:
    assert_outcomes((read_html(data, ORIGIN),))
