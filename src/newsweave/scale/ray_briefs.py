"""Briefings as Ray tasks: many stories briefed side by side, on a local Ray or a cluster.

A story's briefing (spaCy, alignment, the summary) is the costliest step of the service,
and stories are briefed independently of one another. After a large ingest the watcher
hands its changed stories to :func:`brief_on_ray`: each story's articles travel with its
task, so workers need no access to the store, and at most twice the cluster's CPUs of
stories are in flight, so the driver holds a bounded number of them at a time.

Example:
    >>> from newsweave.model import Article
    >>> story = ("s1", [Article("a", "Wire", "Dam opens", "The dam opened.")], [])
    >>> [sid for sid, _ in brief_on_ray([story])]  # doctest: +SKIP
    ['s1']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsweave.model import Article, Briefing, Rejected
from newsweave.scale.cluster import connect, cpus, require_ray
from newsweave.settings import Settings

Job = tuple[str, Sequence[Article], Sequence[Rejected]]  # story id, articles, rejected


def brief_on_ray(
    jobs: Iterable[Job],
    settings: Settings | None = None,
    *,
    in_flight: int | None = None,
) -> Iterator[tuple[str, Briefing | BaseException]]:
    """Brief each story of ``jobs`` as a Ray task; yields ``(story id, briefing)`` as each
    finishes, or ``(story id, the exception)`` for one that failed (the others go on).

    ``jobs`` is read lazily: at most ``in_flight`` (default twice the cluster's CPUs) are
    submitted and not yet collected.

    Raises:
        MissingExtraError: Ray is not installed.
    """
    ray = require_ray("engine 'ray'")
    settings = settings or Settings()
    connect()
    limit = in_flight or 2 * cpus()
    task = ray.remote(_brief)
    pending: dict[Any, str] = {}
    try:
        for sid, articles, rejected in jobs:
            if len(pending) >= limit:
                yield from _collect(ray, pending, 1)
            pending[task.remote(sid, list(articles), list(rejected), settings)] = sid
        while pending:
            yield from _collect(ray, pending, 1)
    finally:  # stopped early (an error, the caller gone): no task is left running for it
        for ref in pending:
            ray.cancel(ref)


def _collect(
    ray: Any, pending: dict[Any, str], at_least: int
) -> Iterator[tuple[str, Briefing | BaseException]]:
    ready, _ = ray.wait(list(pending), num_returns=at_least)
    for ref in ready:
        sid = pending.pop(ref)
        try:
            yield sid, ray.get(ref)
        except Exception as exc:  # a task's failure is that story's, reported with its id
            yield sid, getattr(exc, "cause", None) or exc


def _brief(
    story_id: str, articles: list[Article], rejected: list[Rejected], settings: Settings
) -> Briefing:
    """One story's briefing, on a Ray worker (its models load once per worker process)."""
    from newsweave.pipeline import brief_story

    return brief_story(story_id, articles, settings, rejected=rejected)
