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


def wait_until_up(base: str, seconds: float = 90.0) -> None:
    """Wait until ``newsweave serve`` at ``base`` answers ``/healthz``.

    Raises:
        TimeoutError: it did not within ``seconds``.
    """
    import time

    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise TimeoutError(f"{base} did not answer within {seconds:g} s")
