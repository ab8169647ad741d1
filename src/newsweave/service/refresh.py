"""Briefing the stories whose articles changed, off the request path.

:func:`refresh` briefs each stale story (see :mod:`~newsweave.service.versions`) from its
stored articles and saves the result as its next version. ``newsweave watch`` calls it after
each round; ``newsweave serve`` runs it in a :class:`Refresher` thread, so that a page or an
API call only ever reads a stored version and never waits on spaCy.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from newsweave.errors import NewsweaveError
from newsweave.grouping.run import check_engine
from newsweave.scale.cluster import RAY_FROM
from newsweave.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from newsweave.grouping.store import StoryStore
    from newsweave.model import Briefing

log = logging.getLogger(__name__)

REFRESH_SECONDS = 5.0  # how often serve's worker looks for stale stories


def refresh(
    db: str,
    settings: Settings | None = None,
    *,
    limit: int | None = None,
    said: Callable[[str, int], None] | None = None,
    engine: str = "local",
    ray_from: int = RAY_FROM,
) -> list[tuple[str, int]]:
    """Brief every stale story of the store ``db`` (at most ``limit``) and save each
    briefing as a version; returns ``(story, version)`` for each. A story that cannot be
    briefed is logged and left stale, and the others go on.

    With ``engine="ray"``, when two or more stories are stale and together hold at least
    ``ray_from`` articles, they are briefed side by side as Ray tasks
    (:mod:`newsweave.scale.ray_briefs`); fewer are briefed here, where no worker must
    start.

    Raises:
        StoreError: the store cannot be opened.
        ConfigError: an unknown engine.
        MissingExtraError: ``ray`` without Ray installed.
    """
    from newsweave.grouping.store import open_stored
    from newsweave.service.versions import save_version, stale_stories

    check_engine(engine)
    settings = settings or Settings()
    store = open_stored(db)
    done: list[tuple[str, int]] = []
    try:
        stale = stale_stories(store)[:limit]
        on_ray = engine == "ray" and len(stale) > 1 and _size(store, stale) >= ray_from
        briefs = _on_ray(store, stale, settings) if on_ray else _here(store, stale, settings)
        for sid, briefing in briefs:
            if isinstance(briefing, NewsweaveError):
                log.warning("story %s: not briefed: %s", sid, briefing)
                continue
            if isinstance(briefing, BaseException):
                log.error("story %s: briefing failed", sid, exc_info=briefing)
                continue
            version = save_version(store, briefing)
            done.append((sid, version))
            if said is not None:
                said(sid, version)
    finally:
        store.close()
    return done


Brief = tuple[str, "Briefing | BaseException"]


def _here(store: StoryStore, stale: list[str], settings: Settings) -> Iterator[Brief]:
    from newsweave.pipeline import brief_story, stored_story

    for sid in stale:
        try:
            articles, rejected = stored_story(store, sid)
            yield sid, brief_story(sid, articles, settings, rejected=rejected)
        except Exception as exc:  # one story's failure never stops the others
            yield sid, exc


def _on_ray(store: StoryStore, stale: list[str], settings: Settings) -> Iterator[Brief]:
    """Each story's briefing from Ray; when Ray itself fails (it cannot be reached, its
    cluster goes away), the stories it has not answered are briefed here."""
    from newsweave.pipeline import stored_story
    from newsweave.scale.ray_briefs import Job, brief_on_ray

    unreadable: list[Brief] = []
    answered: set[str] = set()

    def jobs() -> Iterator[Job]:
        for sid in stale:
            try:
                articles, rejected = stored_story(store, sid)
            except Exception as exc:  # one story's failure never stops the others
                unreadable.append((sid, exc))
                continue
            yield sid, articles, rejected

    log.info("briefing %d stories on Ray", len(stale))
    try:
        for sid, outcome in brief_on_ray(jobs(), settings):
            answered.add(sid)
            yield sid, outcome
    except Exception as exc:  # Ray as a whole failed: the round goes on here
        log.warning("Ray failed (%s); briefing the remaining stories here", exc)
        failed = {sid for sid, _ in unreadable}
        yield from _here(store, [s for s in stale if s not in answered | failed], settings)
    yield from unreadable


def _size(store: StoryStore, stale: list[str]) -> int:
    """How many articles the stories ``stale`` hold."""
    return sum(len(s.article_ids) for sid in stale if (s := store.story(sid)) is not None)


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
