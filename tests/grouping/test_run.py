"""run: a stories run picks its own embedder and engine, and adds to a store when given."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsweave.errors import ConfigError
from newsweave.grouping import run as run_module
from newsweave.grouping.group import group_stories
from newsweave.grouping.run import featurizer_for, group_articles, group_stream
from newsweave.grouping.store import StoreError, open_store, store_embedder, stored_embedder
from newsweave.model import Rejected
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
    assert {s.article_ids for s in stored.stories()} == {s.article_ids for s in batch}
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


def _ray_runs(monkeypatch: pytest.MonkeyPatch, run: Callable[[list[object]], object]) -> None:
    """Ray's featurizer replaced by ``run`` (Ray must be installed, as featurizer_for checks)."""
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'newsweave[ray]')")
    from newsweave.scale import ray_engine

    monkeypatch.setattr(ray_engine, "ray_featurizer", lambda embedder, *, batch_size: run)


def test_ray_takes_only_calls_of_at_least_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """A watcher's few new articles are featurised here; Ray takes a call of ``at_least``."""
    from newsweave.grouping.features import featurize

    sizes: list[int] = []

    def run(articles: list[object]) -> object:
        sizes.append(len(articles))
        return featurize(articles, "lexical")  # type: ignore[arg-type]

    _ray_runs(monkeypatch, run)
    arts, _ = own_set("close-events")
    sized = featurizer_for("ray", "lexical", at_least=4)
    assert sized is not None
    here = sized(arts[:3])
    there = sized(arts[:4])
    assert sizes == [4]  # only the call of 4 went to Ray
    assert here.ids == tuple(a.id for a in arts[:3])
    assert len(there.ids) == 4
    always = featurizer_for("ray", "lexical")
    assert always is not None
    always(arts[:1])
    assert sizes == [4, 1]


def test_a_failing_ray_leaves_the_features_to_this_process(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from newsweave.grouping.features import featurize

    def run(articles: list[object]) -> object:
        raise ConnectionError("the cluster at 10.0.0.9:6379 went away")

    _ray_runs(monkeypatch, run)
    arts, _ = own_set("close-events")
    sized = featurizer_for("ray", "lexical", at_least=1)
    assert sized is not None
    got = sized(arts[:5])
    assert got.ids == featurize(arts[:5], "lexical").ids
    assert "Ray failed (the cluster at 10.0.0.9:6379 went away)" in caplog.text
    alone = featurizer_for("ray", "lexical")  # stories --engine ray: the error is the user's
    assert alone is not None
    with pytest.raises(ConnectionError):
        alone(arts[:5])


def test_a_streamed_run_groups_as_the_batch_and_lets_the_texts_go(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    arts, _ = own_set("close-events")
    monkeypatch.setattr(run_module, "HOLD_ARTICLES", 7)
    monkeypatch.setattr(run_module, "STREAM_BLOCK", 5)
    bad = Rejected("broken.jsonl:3", "line 3: not JSON")
    streamed = group_stream([arts[0], bad, *arts[1:]], Settings(story_embedder="lexical"))
    assert streamed.stories == group_stories(arts, "lexical").stories
    assert streamed.rejected == (bad,)
    assert [a.id for a in streamed.articles] == [a.id for a in arts]
    assert all(a.text == "" for a in streamed.articles)
    assert [(a.source, a.title, a.published) for a in streamed.articles] == [
        (a.source, a.title, a.published) for a in arts
    ]
    assert not caplog.records  # a named embedder is never second-guessed


def test_a_short_stream_is_the_batch_run_texts_and_all() -> None:
    arts, _ = own_set("close-events")
    streamed = group_stream(iter(arts[:6]), Settings(story_embedder="lexical"))
    assert streamed.articles == tuple(arts[:6])


def test_a_streamed_run_into_a_store_ends_as_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    arts, _ = own_set("close-events")
    monkeypatch.setattr(run_module, "HOLD_ARTICLES", 7)
    monkeypatch.setattr(run_module, "STREAM_BLOCK", 4)
    db = str(tmp_path / "s.db")
    streamed = group_stream(arts, Settings(story_embedder="lexical"), db=db)
    batch = group_stories(arts, "lexical").stories
    assert {(s.id, s.article_ids) for s in streamed.stories} == {
        (s.id, s.article_ids) for s in batch
    }


def test_auto_in_a_long_stream_says_what_it_chose_from(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    arts, _ = own_set("close-events")
    monkeypatch.setattr(run_module, "HOLD_ARTICLES", 4)
    monkeypatch.setattr(run_module, "story_embedder", lambda head, name: "lexical")
    group_stream(arts[:8], Settings())
    assert "chosen from the first 4 (in en)" in caplog.text
