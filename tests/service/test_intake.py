"""service.intake: posted articles grouped in a worker process, with each one's story."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from newsweave.grouping.store import open_store, open_stored
from newsweave.model import Article
from newsweave.service.intake import Intake, ingest

DAM = "The Kariba dam on the Zambezi opened its floodgates on Monday after heavy rain, {}."


def test_a_worker_process_groups_what_was_posted(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    open_store(db, "lexical").close()
    arts = [Article(f"d{k}", f"Wire {k}", "Kariba dam opens", DAM.format(k)) for k in range(3)]
    intake = Intake(db)
    try:
        # in a thread of its own: a browser test's event loop may be running in this one
        with ThreadPoolExecutor(1) as thread:
            placed = thread.submit(asyncio.run, intake.add(arts)).result(timeout=120)
    finally:
        intake.close()
    assert set(placed) == {"d0", "d1", "d2"}
    assert len(set(placed.values())) == 1  # one story, the same id the store gives
    store = open_stored(db)
    assert [s.id for s in store.stories()] == [placed["d0"]]
    store.close()


def test_in_this_process_the_same_grouping(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    open_store(db, "lexical").close()
    arts = [Article("d1", "Wire", "Kariba dam opens", DAM.format(1))]
    assert ingest(db, arts) == ingest(db, arts)  # posted twice: stored once, same story
