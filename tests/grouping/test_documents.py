"""documents: an article stored and read back is the article that was read."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsweave.grouping.documents import DocumentError, article_from_json, article_json
from newsweave.model import Article, Dating, Removed, Span, When
from newsweave.read import read_inputs
from storygold import CLUSTERS


def test_every_article_of_a_real_read_survives_the_round_trip() -> None:
    for path in sorted(CLUSTERS.glob("*.jsonl")):
        for article in read_inputs([str(path)]).articles:
            assert article_from_json(article_json(article)) == article


def test_every_field_survives_even_spans_datings_and_odd_text() -> None:
    text = "Lowvale\\n\\nThe dam \\ud800 opened \\u202e on Tuesday. “Quoted.”"
    article = Article(
        "a:1",
        "Wire",
        "Lowvale",
        text,
        url="https://example.org/a?b=1",
        path="in/a.txt",
        published=dt.date(2023, 9, 12),
        published_inferred=True,
        lang="en",
        title_span=Span("a:1", 0, 7),
        removed=(Removed(Span("a:1", 0, 7), "headline"),),
        meta=(("author", "R. Holt"),),
        dating=Dating(When.on(dt.date(2023, 9, 12)), True, "dateline", (Span("a:1", 9, 16),)),
    )
    record = article_json(article)
    assert record.isascii()  # a lone surrogate cannot break the database's encoding
    assert article_from_json(record) == article


@pytest.mark.parametrize(
    "record",
    ["[]", '{"v": 2, "id": "a"}', '{"v": 1, "id": "a"}', "not json", '{"v": 1}'],
)
def test_a_record_that_is_not_ours_is_refused_with_a_reason(record: str) -> None:
    with pytest.raises(DocumentError, match="stored article record"):
        article_from_json(record)


def test_the_record_names_its_version() -> None:
    assert json.loads(article_json(Article("a", "s", None, "x")))["v"] == 1
