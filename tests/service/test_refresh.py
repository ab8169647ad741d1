"""service.refresh: stale stories are briefed and saved; one that fails leaves the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.errors import ModelError
from newsweave.grouping.store import open_store, open_stored
from newsweave.model import Article
from newsweave.service import refresh as refresh_module
from newsweave.service.refresh import Refresher, refresh
from newsweave.service.versions import stale_stories
from newsweave.settings import load_settings

DAM = "The Kariba dam on the Zambezi opened its floodgates on Monday after heavy rain."
QUAKE = "A magnitude 6 quake struck Vessmark on Tuesday, damaging the old town's church."


def _store(path: Path) -> str:
    store = open_store(path, "lexical")
    store.ingest(
        [
            Article("d1", "Wire", "Kariba dam opens", DAM),
            Article("q1", "Post", "Quake hits Vessmark", QUAKE),
        ]
    )
    store.close()
    return str(path)


def test_each_stale_story_gets_a_version(nlp, tmp_path: Path) -> None:
    db = _store(tmp_path / "s.db")
    done = refresh(db, load_settings(today="2023-09-30"))
    assert sorted(v for _, v in done) == [1, 1]
    assert refresh(db) == []  # nothing changed: nothing to brief
    store = open_stored(db)
    assert stale_stories(store) == []
    store.close()


def test_a_story_that_fails_is_left_stale_and_the_others_go_on(
    nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave import pipeline

    db = _store(tmp_path / "s.db")
    real = pipeline.brief_stored

    def flaky(db_: str, sid: str, settings: object = None, **kw: object) -> object:
        articles = open_stored(db_).story(sid)
        if articles is not None and "q1" in articles.article_ids:
            raise ModelError("no model for this one")
        return real(db_, sid, settings, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "brief_stored", flaky)
    done = refresh(db)
    assert len(done) == 1
    store = open_stored(db)
    assert len(stale_stories(store)) == 1
    store.close()


def test_the_worker_thread_runs_rounds_and_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(refresh_module, "refresh", lambda db, settings: calls.append(db) or [])
    worker = Refresher("x.db", load_settings(), every=0.05)
    worker.start()
    while worker.rounds < 3:
        worker.stopping.wait(0.05)
    worker.stop()
    assert not worker.is_alive()
    assert calls[:3] == ["x.db"] * 3
