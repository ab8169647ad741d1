"""The story renderers: newsweave.stories/1 JSON and a Markdown table per story."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsweave.errors import UnknownComponentError
from newsweave.model import Article, Rejected, Story, StoryGrouping
from newsweave.renderers.stories import SCHEMA, render_stories

MARCH_5 = dt.date(2024, 3, 5)
GROUPING = StoryGrouping(
    (
        Story("s-1", "Dam <b>opens</b>", ("a", "old")),
        Story("s-2", "Ferry | resumes", ("b",)),
    ),
    (
        Article("a", "Valley Wire", "Dam opens", "x", path="in/a.txt", published=MARCH_5),
        Article("b", "Harbour Wire", None, "y", url="https://hw.example/b"),
    ),
    (Rejected("bad.bin", "binary file"),),
)


def test_json_lists_stories_with_their_article_ids() -> None:
    data = json.loads(render_stories(GROUPING, "json"))
    assert data == {
        "schema": SCHEMA,
        "stories": [
            {"id": "s-1", "title": "Dam <b>opens</b>", "articles": ["a", "old"]},
            {"id": "s-2", "title": "Ferry | resumes", "articles": ["b"]},
        ],
        "rejected": [{"input": "bad.bin", "reason": "binary file"}],
    }


def test_markdown_has_a_table_per_story_and_escapes_titles() -> None:
    md = render_stories(GROUPING)  # md by default
    assert md.splitlines()[:3] == ["# Stories", "", "3 articles in 2 stories."]
    assert "## 1. Dam \\<b\\>opens\\</b\\> (2 articles)" in md
    assert "## 2. Ferry \\| resumes (1 article)" in md
    assert "Story `s-1`" in md
    assert "| Valley Wire | Dam opens | 2024-03-05 | in/a.txt |" in md
    assert "| | (stored earlier) | | old |" in md  # known only by id, from the store
    assert "| [Harbour Wire](<https://hw.example/b>) |  |  | b |" in md  # links the original
    assert md.endswith("## Rejected inputs\n\n- bad.bin: binary file\n")


def test_an_unknown_story_format_lists_the_available_ones() -> None:
    with pytest.raises(UnknownComponentError, match="available: json, md"):
        render_stories(GROUPING, "html")


def test_story_json_follows_its_json_schema() -> None:
    from importlib.resources import files

    import jsonschema

    schema = json.loads(files("newsweave").joinpath("schemas", "stories.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    grouping = StoryGrouping(
        (Story("s-1", "Dam <b>opens</b>", ("a", "b")),),
        (Article("a", "Wire", "Dam", "x"), Article("b", "Post", None, "y")),
        (Rejected("bad.bin", "binary file"),),
    )
    data = json.loads(render_stories(grouping, "json"))
    jsonschema.validate(data, schema)
    data["stories"][0]["articles"] = "a"
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)
