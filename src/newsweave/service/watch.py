"""``newsweave watch``: poll sources, add what is new to the store, re-brief what changed.

Each round polls the sources that are due (see :mod:`~newsweave.service.sources`), ingests
their new articles into the story store (which groups them into stories), records the poll,
then briefs every story whose articles changed and saves the briefing as its next version
(:mod:`~newsweave.service.refresh`).

Nothing is lost or doubled by a crash, ``kill -9`` included: an ingest is one transaction
per chunk and skips articles already stored; a source's caching headers and seen entries
are written only after its articles are stored (a crash in between asks the source again);
and a story whose briefing was not saved is still stale when the watcher comes back.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import FrameType
from typing import TYPE_CHECKING

from newsweave.model import Article
from newsweave.scale.cluster import RAY_FROM
from newsweave.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import httpx

    from newsweave.grouping.store import StoryStore
    from newsweave.service.sources import Politeness

log = logging.getLogger(__name__)

HOST_DELAY = 1.0  # seconds between two requests to one host


@dataclass(slots=True)
class Round:
    """What one round did."""

    polled: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    added: int = 0
    rejected: int = 0
    briefed: list[tuple[str, int]] = field(default_factory=list)


def watch(
    sources: Sequence[str],
    db: str,
    settings: Settings,
    *,
    every: float = 600.0,
    once: bool = False,
    host_delay: float = HOST_DELAY,
    told: Callable[[Round], None] | None = None,
    stop: threading.Event | None = None,
    engine: str = "local",
    ray_from: int = RAY_FROM,
) -> Round:
    """Poll ``sources`` into the store ``db`` every ``every`` seconds until stopped (by
    ``stop``, SIGTERM or Ctrl-C), or for one round with ``once``. Returns the last round.

    With ``engine="ray"``, a step of at least ``ray_from`` articles runs on Ray: the
    features of one source's new articles, and the briefs of a round's changed stories
    (see :func:`~newsweave.service.refresh.refresh`). Smaller steps stay in this process.

    Raises:
        InputError: a source list that cannot be read.
        StoreError: the store cannot be opened or written.
        ConfigError: an unknown engine.
        MissingExtraError: ``ray`` without Ray installed.
    """
    from newsweave.grouping.run import featurizer_for
    from newsweave.grouping.store import open_store, store_embedder
    from newsweave.read.web import make_client
    from newsweave.scale.cluster import connected, disconnect
    from newsweave.service.sources import Politeness, source_urls

    urls = source_urls(sources)
    name = store_embedder(db, settings.story_embedder)
    featurizer = featurizer_for(engine, name, batch_size=settings.batch_size, at_least=ray_from)
    ray_was_up = engine == "ray" and connected()  # a Ray the caller started is theirs
    stop = stop or threading.Event()
    _stop_on_sigterm(stop)
    store = open_store(db, name, featurizer=featurizer)
    client = make_client(settings)
    politeness = Politeness(host_delay)
    last = Round()
    try:
        while True:
            last = _round(urls, store, settings, client, politeness, every, engine, ray_from)
            if told is not None:
                told(last)
            if once or stop.wait(min(every, 30.0)) or stop.is_set():
                break
    finally:
        client.close()
        store.close()
        if engine == "ray" and not ray_was_up:
            disconnect()
    return last


def _round(
    urls: Sequence[str],
    store: StoryStore,
    settings: Settings,
    client: httpx.Client,
    politeness: Politeness,
    every: float,
    engine: str,
    ray_from: int,
) -> Round:
    from newsweave.read._article import valid_outcome
    from newsweave.service.refresh import refresh
    from newsweave.service.sources import due, poll, record_poll

    done = Round()
    for url in due(store, urls):
        result = poll(url, store, settings, client, politeness)
        done.polled += 1
        if result.status == "unchanged":
            done.unchanged += 1
        elif result.status == "failed":
            done.failed.append((url, result.problem or "failed"))
            log.warning("%s: %s", url, result.problem)
        articles = [a for a in map(valid_outcome, result.articles) if isinstance(a, Article)]
        if articles:
            report = store.ingest(articles)
            done.added += report.added
        done.rejected += len(result.rejected)
        record_poll(store, result, every, [a.id for a in articles])
    done.briefed = refresh(store.name, settings, engine=engine, ray_from=ray_from)
    return done


def interval(text: str) -> float:
    """``30s``, ``10m``, ``1h`` or plain seconds, as seconds (1 s to 7 days).

    Example:
        >>> interval("10m"), interval("90")
        (600.0, 90.0)

    Raises:
        InputError: not such a time.
    """
    from newsweave.errors import InputError

    units = {"s": 1, "m": 60, "h": 3600}
    value = text.strip().lower()
    try:
        seconds = float(value[:-1]) * units[value[-1]] if value[-1:] in units else float(value)
    except ValueError:
        raise InputError(f"--every {text!r}: give a time such as 30s, 10m or 1h") from None
    if not 1 <= seconds <= 7 * 86400:
        raise InputError(f"--every {text!r}: between 1 s and 7 days")
    return seconds


def _stop_on_sigterm(stop: threading.Event) -> None:
    """SIGTERM (a service manager's stop) ends the watcher after its current source."""
    if threading.current_thread() is not threading.main_thread():
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, handler)
