"""database: writers take turns, so concurrent ingests and a kill -9 end in the batch result.

Each test runs on SQLite, and on PostgreSQL when ``NEWSWEAVE_TEST_POSTGRES`` names a server
(``.ci/run`` starts one). The writers are real processes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsweave.grouping.database import StoreError, db_engine, writing
from newsweave.grouping.group import group_stories
from newsweave.grouping.store import open_store
from storygold import own_set

TESTS = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get("NEWSWEAVE_TEST_POSTGRES", "")

# A writer process: ingest the articles of close-events at the given rows, a few at a time,
# saying "chunk" after each commit.
WORKER = """
import json, sys
sys.path.insert(0, sys.argv[3])
from newsweave.grouping.store import open_store
from storygold import own_set
arts, _ = own_set("close-events")
rows = json.loads(sys.argv[2])
store = open_store(sys.argv[1], "lexical")
for k in range(0, len(rows), 3):
    store.ingest([arts[i] for i in rows[k : k + 3]])
    print("chunk", flush=True)
store.close()
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    if not POSTGRES:
        pytest.skip("set NEWSWEAVE_TEST_POSTGRES=postgresql://… (.ci/run starts a server)")
    from sqlalchemy import text

    engine = db_engine(POSTGRES)
    with engine.begin() as conn:
        for table in ("nw_pairs", "nw_documents", "nw_articles", "nw_stories", "nw_meta"):
            conn.execute(text(f"DROP TABLE IF EXISTS {table}"))
    engine.dispose()
    return POSTGRES


def _writer(db: str, rows: list[int]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, db, json.dumps(rows), str(TESTS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _batch() -> list[tuple[str, ...]]:
    arts, _ = own_set("close-events")
    return sorted(s.article_ids for s in group_stories(arts, "lexical").stories)


def _stored(db: str) -> list[tuple[str, ...]]:
    store = open_store(db, "lexical")
    try:
        return sorted(s.article_ids for s in store.stories())
    finally:
        store.close()


def _finish(*procs: subprocess.Popen[str]) -> None:
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err


def test_two_concurrent_ingests_end_in_the_batch_result(db: str) -> None:
    n = len(own_set("close-events")[0])
    _finish(_writer(db, list(range(0, n, 2))), _writer(db, list(range(1, n, 2))))
    assert _stored(db) == _batch()


def test_the_same_input_ingested_twice_at_once_is_stored_once(db: str) -> None:
    n = len(own_set("close-events")[0])
    _finish(_writer(db, list(range(n))), _writer(db, list(range(n))))
    assert _stored(db) == _batch()
    store = open_store(db, "lexical")
    assert store.count() == n
    store.close()


def test_a_kill_9_mid_ingest_then_a_rerun_ends_in_the_batch_result(db: str) -> None:
    n = len(own_set("close-events")[0])
    victim = _writer(db, list(range(n)))
    assert victim.stdout is not None
    for _ in range(2):
        assert victim.stdout.readline().strip() == "chunk"
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=60)
    victim.stdout.close()
    victim.stderr.close()  # type: ignore[union-attr]
    store = open_store(db, "lexical")
    stored = store.count()
    assert 6 <= stored < n  # whole chunks only, and not all of them
    assert sum(len(s.article_ids) for s in store.stories()) == stored
    store.close()
    _finish(_writer(db, list(range(n))))
    assert _stored(db) == _batch()


def test_a_writer_waits_for_another_writer_and_reads_its_rows(tmp_path: Path) -> None:
    from sqlalchemy import text

    path = str(tmp_path / "lock.db")
    first, second = db_engine(path), db_engine(path)
    with writing(first, path) as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
        # A reader is not blocked by the writer (WAL), and sees the last commit only.
        with second.connect() as reader:
            assert reader.execute(text("SELECT count(*) FROM sqlite_master")).scalar() == 0
    with writing(second, path) as conn:
        assert conn.execute(text("SELECT x FROM t")).scalar() == 1


def test_a_writer_kept_out_too_long_gets_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave.grouping import database

    monkeypatch.setattr(database, "WAIT_SECONDS", 0)
    path = str(tmp_path / "lock.db")
    first, second = db_engine(path), db_engine(path)
    with (
        writing(first, path),
        pytest.raises(StoreError, match="kept the store locked"),
        writing(second, path),
    ):
        pass


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        db_engine(str(tmp_path))
