"""A story store with briefed stories for the service's tests: the harbour-bridge example
and the close-events set, grouped with the lexical embedder and briefed once."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = {"story_embedder": "lexical", "today": "2025-10-20"}


def briefed_store(db: Path) -> str:
    """Build the store at ``db``: ingest, then brief every story; returns its name."""
    from newsweave.grouping.store import open_store
    from newsweave.read import read_inputs
    from newsweave.service.refresh import refresh
    from newsweave.settings import load_settings

    settings = load_settings(**SETTINGS)
    read = read_inputs([str(ROOT / "examples" / "harbour-bridge")], settings)
    store = open_store(db, "lexical")
    try:
        store.ingest(read.articles)
    finally:
        store.close()
    refresh(str(db), settings)
    return str(db)
