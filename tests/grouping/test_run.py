"""run: a stories run picks its own embedder and engine, and adds to a store when given."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.errors import ConfigError
from newsweave.grouping.group import group_stories
from newsweave.grouping.run import featurizer_for, group_articles
from newsweave.grouping.store import StoreError, open_store, store_embedder, stored_embedder
from newsweave.settings import Settings
from storygold import own_set


def test_a_batch_run_groups_as_group_stories_does() -> None:
    arts, _ = own_set("close-events")
    run = group_articles(arts, Settings(story_embedder="lexical"))
    assert run.stories == group_stories(arts, "lexical").stories
    assert run.articles == tuple(arts)


def test_the_alignment_embedder_does_not_group_stories(tmp_path: Path) -> None:
    arts, _ = own_set("close-events")
    db = str(tmp_path / "s.db")
    group_articles(arts[:5], Settings(embedder="minilm-onnx", story_embedder="lexical"), db=db)
    assert stored_embedder(db) == "lexical"


def test_auto_takes_the_embedder_the_store_was_built_with(tmp_path: Path) -> None:
    arts, _ = own_set("close-events")
    db = str(tmp_path / "s.db")
    group_articles(arts[:20], Settings(story_embedder="lexical"), db=db)
    assert store_embedder(db, "auto") == "lexical"
    run = group_articles(arts[20:], Settings(), db=db)  # auto: no refusal
    assert {a for s in run.stories for a in s.article_ids} >= {a.id for a in arts[20:]}
    stored = open_store(db)  # auto here too
    batch = group_stories(arts, "lexical").stories
    assert {(s.id, s.article_ids) for s in stored.stories()} == {
        (s.id, s.article_ids) for s in batch
    }
    stored.close()


def test_a_named_embedder_that_differs_from_the_store_is_refused(tmp_path: Path) -> None:
    arts, _ = own_set("close-events")
    db = str(tmp_path / "s.db")
    group_articles(arts[:3], Settings(story_embedder="lexical"), db=db)
    with pytest.raises(StoreError, match="embedder 'lexical'"):
        group_articles(arts[3:6], Settings(story_embedder="minilm-onnx"), db=db)


def test_an_unknown_engine_names_the_known_ones() -> None:
    assert featurizer_for("local", "lexical") is None
    with pytest.raises(ConfigError, match="engine 'spark': available: local, ray"):
        featurizer_for("spark", "lexical")
