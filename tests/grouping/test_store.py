"""The story store: idempotent ingest, batches equal to one batch run, crash and resume."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from newsweave.grouping.group import group_stories
from newsweave.grouping.store import StoreError, open_store
from newsweave.model import Article
from newsweave.settings import Settings
from storygold import own_set


def _batch_result(arts: list[Article]) -> list[tuple[str, ...]]:
    """The stories' members: a store names a story by its history (it keeps its id as it
    grows), a batch run by its smallest article id, so only the memberships compare."""
    return sorted(s.article_ids for s in group_stories(arts, "lexical").stories)


def _store_result(store) -> list[tuple[str, ...]]:
    return sorted(s.article_ids for s in store.stories())


def test_three_batches_give_the_batch_result(tmp_path: Path) -> None:
    arts, _ = own_set("close-events")
    store = open_store(tmp_path / "s.db", "lexical")
    third = len(arts) // 3
    for part in (arts[third : 2 * third], arts[2 * third :], arts[:third]):
        store.ingest(part)
    assert _store_result(store) == _batch_result(arts)
    assert store.count() == len(arts)


def test_re_running_the_same_input_changes_nothing(tmp_path: Path) -> None:
    arts, _ = own_set("close-events")
    store = open_store(tmp_path / "s.db", "lexical")
    store.ingest(arts)
    before = _store_result(store)
    report = store.ingest(arts)
    assert (report.added, report.skipped) == (0, len(arts))
    assert _store_result(store) == before


def test_a_crash_mid_ingest_leaves_whole_chunks_and_a_rerun_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    arts, _ = own_set("close-events")
    db = tmp_path / "s.db"
    store = open_store(db, "lexical")
    calls = {"n": 0}
    real = store._regroup

    def failing(conn, ids):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("power cut")
        return real(conn, ids)

    monkeypatch.setattr(store, "_regroup", failing)
    with pytest.raises(RuntimeError):
        store.ingest(arts, chunk=10)
    assert store.count() == 20  # two whole chunks; the third rolled back
    assert sum(len(s.article_ids) for s in store.stories()) == 20
    store.close()
    resumed = open_store(db, "lexical")
    report = resumed.ingest(arts, chunk=10)
    assert (report.added, report.skipped) == (len(arts) - 20, 20)
    assert _store_result(resumed) == _batch_result(arts)


def test_a_store_refuses_another_embedder(tmp_path: Path) -> None:
    open_store(tmp_path / "s.db", "lexical").ingest([Article("a", "s", "T", "Body text.")])
    with pytest.raises(StoreError, match="embedder 'lexical'"):
        open_store(tmp_path / "s.db", "minilm-onnx")


def test_a_store_written_before_the_grouping_package_still_opens(tmp_path: Path) -> None:
    import sqlite3

    open_store(tmp_path / "s.db", "lexical").close()
    with sqlite3.connect(tmp_path / "s.db") as conn:
        (schema,) = conn.execute("SELECT value FROM nw_meta WHERE key = 'schema'").fetchone()
    assert schema == "newsweave.store/1"  # what every earlier release wrote


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path, "lexical")


@pytest.mark.skipif(
    not os.environ.get("NEWSWEAVE_TEST_POSTGRES"),
    reason="set NEWSWEAVE_TEST_POSTGRES=postgresql://… (.ci/run starts a server and sets it)",
)
def test_postgres_store_gives_the_batch_result() -> None:
    from sqlalchemy import create_engine, text

    url = os.environ["NEWSWEAVE_TEST_POSTGRES"]
    engine = create_engine(url.replace("postgresql:", "postgresql+psycopg:", 1))
    with engine.begin() as conn:
        for table in ("nw_pairs", "nw_documents", "nw_articles", "nw_stories", "nw_meta"):
            conn.execute(text(f"DROP TABLE IF EXISTS {table}"))
    engine.dispose()
    arts, _ = own_set("close-events")
    store = open_store(url, "lexical")
    half = len(arts) // 2
    store.ingest(arts[half:])
    store.ingest(arts[:half])
    store.ingest(arts)
    assert _store_result(store) == _batch_result(arts)
    store.close()


def test_a_foreign_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "app.db"
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        conn.commit()
    with pytest.raises(StoreError, match=r"holds other tables \(users\) and no story store"):
        open_store(str(db), "lexical")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"users"}


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    from newsweave.grouping.run import group_articles

    notes = tmp_path / "notes.db"
    notes.write_text("not a database, just notes\n" * 100)
    arts, _ = own_set("close-events")
    with pytest.raises(StoreError, match=r"notes\.db: "):
        group_articles(arts[:2], Settings(story_embedder="lexical"), db=str(notes))
    inside_a_file = tmp_path / "notes.db" / "sub" / "s.db"
    with pytest.raises(StoreError, match="cannot create its folder"):
        group_articles(arts[:2], Settings(story_embedder="lexical"), db=str(inside_a_file))


def test_a_story_keeps_its_id_as_it_grows(tmp_path: Path) -> None:
    """A later article whose id sorts before every other one joins the story under the
    story's old id: a reader's link to it keeps working."""
    text = "The Kariba dam on the Zambezi opened its floodgates on Monday after heavy rain, {}."
    first = [
        Article(f"m{k}", f"Wire {k}", "Kariba dam opens floodgates", text.format(k))
        for k in range(3)
    ]
    store = open_store(tmp_path / "s.db", "lexical")
    store.ingest(first)
    (story,) = store.stories()
    late = Article("a0", "Post", "Kariba dam opens floodgates", text.format("officials said"))
    report = store.ingest([late])
    (grown,) = store.stories()
    assert grown.article_ids == ("a0", "m0", "m1", "m2")
    assert grown.id == story.id
    assert report.stories == (story.id,)


def test_a_new_story_never_takes_an_id_a_kept_story_holds() -> None:
    from newsweave.grouping.store import _keep_ids
    from newsweave.grouping.story import story_id
    from newsweave.model import Story

    held = story_id(["a1"])
    kept = Story(held, "Old", ("a1", "a2"))  # keeps its id: it holds stored articles
    newcomer = Story(held, "New", ("a0", "a3"))  # all new, and its own id is that one
    ids = [s.id for s in _keep_ids([newcomer, kept], {"a1": held, "a2": held})]
    assert ids[1] == held  # the stored story keeps it, though the newcomer sorts first
    assert ids[0] != held
