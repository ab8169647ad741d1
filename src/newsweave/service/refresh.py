"""Briefing the stories whose articles changed, off the request path.

:func:`refresh` briefs each stale story (see :mod:`~newsweave.service.versions`) from its
stored articles and saves the result as its next version. ``newsweave watch`` calls it after
each round; ``newsweave serve`` runs it in a :class:`Refresher` thread, so that a page or an
API call only ever reads a stored version and never waits on spaCy.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from newsweave.errors import NewsweaveError
from newsweave.settings import Settings

log = logging.getLogger(__name__)

REFRESH_SECONDS = 5.0  # how often serve's worker looks for stale stories


def refresh(
    db: str,
    settings: Settings | None = None,
    *,
    limit: int | None = None,
    said: Callable[[str, int], None] | None = None,
) -> list[tuple[str, int]]:
    """Brief every stale story of the store ``db`` (at most ``limit``) and save each
    briefing as a version; returns ``(story, version)`` for each. A story that cannot be
    briefed is logged and left stale, and the others go on.

    Raises:
        StoreError: the store cannot be opened.
    """
    from newsweave.grouping.store import open_stored
    from newsweave.pipeline import brief_stored
    from newsweave.service.versions import save_version, stale_stories

    settings = settings or Settings()
    store = open_stored(db)
    done: list[tuple[str, int]] = []
    try:
        for sid in stale_stories(store)[:limit]:
            try:
                briefing = brief_stored(db, sid, settings)
            except NewsweaveError as exc:
                log.warning("story %s: not briefed: %s", sid, exc)
                continue
            except Exception:  # one story's failure never stops the others
                log.exception("story %s: briefing failed", sid)
                continue
            version = save_version(store, briefing)
            done.append((sid, version))
            if said is not None:
                said(sid, version)
    finally:
        store.close()
    return done


class Refresher(threading.Thread):
    """A daemon thread that runs :func:`refresh` every ``every`` seconds until stopped."""

    def __init__(self, db: str, settings: Settings, every: float = REFRESH_SECONDS) -> None:
        super().__init__(name="newsweave-refresh", daemon=True)
        self.db, self.settings, self.every = db, settings, every
        self.stopping = threading.Event()
        self.rounds = 0

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                refresh(self.db, self.settings)
            except Exception:  # the worker outlives a bad round; the next one retries
                log.exception("refresh round failed")
            self.rounds += 1
            self.stopping.wait(self.every)

    def stop(self) -> None:
        """Ask the thread to stop after its current story, and wait for it."""
        self.stopping.set()
        self.join(timeout=60)
