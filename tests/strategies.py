"""Hypothesis strategies for hostile and near-valid reader input."""

from __future__ import annotations

import json

from hypothesis import strategies as st

SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".xml", ".rss", ".atom", ".bin", "")

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")

# Small pieces that trip parsers: markup openers, BOMs, JSON tokens, entities, controls.
_FRAGMENTS = (
    b"<",
    b">",
    b"</p>",
    b"<p>",
    b"<html>",
    b"<!DOCTYPE html>",
    b"<rss>",
    b"<feed>",
    b"<item>",
    b"<?xml version='1.0'?>",
    b"<![CDATA[",
    b"]]>",
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"&lol;",
    b"<!ENTITY a 'b'>",
    b"{",
    b"}",
    b"[",
    b"]",
    b'"text":',
    b'"x"',
    b",",
    b"\n",
    b"\r",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x81",
    b"\xe9",
    b"\xc3",
    b"1e999",
    b"NaN",
    b"<meta charset='utf-16'>",
    b"<meta charset='base64'>",
    b"encoding='nope'",
)

hostile_bytes = st.one_of(
    st.binary(max_size=2048),
    st.lists(st.sampled_from(_FRAGMENTS) | st.binary(max_size=8), max_size=40).map(b"".join),
)
"""Arbitrary bytes, and bytes assembled from parser-tripping fragments."""

news_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\r\x00"),
    max_size=400,
)
"""Unicode text as a text file might hold it: no lone surrogates, no NUL, no CR."""


@st.composite
def encoded_text(draw: st.DrawFn) -> tuple[str, bytes]:
    """A text and its UTF-8 (optionally BOM-prefixed) or UTF-16 encoding."""
    text = draw(news_text)
    codec = draw(st.sampled_from(("utf-8", "utf-8-sig", "utf-16")))
    return text, text.encode(codec)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def json_records(draw: st.DrawFn) -> bytes:
    """JSON Lines whose lines are records, other JSON values, or garbage."""
    record = st.fixed_dictionaries(
        {},
        optional={
            "id": st.text(max_size=6) | st.integers(),
            "text": st.text(max_size=60) | json_values,
            "title": st.text(max_size=20) | json_values,
            "url": st.sampled_from(("https://www.wire.example/a", "not a url", "http://[bad")),
            "published": st.sampled_from(("2024-03-05", "2024-13-40", "yesterday", ""))
            | json_values,
            "source": st.text(max_size=10) | json_values,
            "extra": json_values,
        },
    )
    lines = draw(
        st.lists(
            record.map(json.dumps) | json_values.map(json.dumps) | st.text(max_size=20),
            max_size=6,
        )
    )
    return "\n".join(lines).encode("utf-8")
