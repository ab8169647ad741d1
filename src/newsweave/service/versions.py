"""Each story's briefings, kept as versions in the store, and what the service lists.

The watcher (or ``serve``'s worker) briefs a story whose articles changed and saves the
result as the story's next version (:func:`save_version`); pages and the API only read
versions. A story is *stale* when its latest version did not brief exactly the articles it
now holds (:func:`stale_stories`): after a restart, even after ``kill -9`` between an ingest
and its briefing, the next refresh finds every such story again.

Example:
    >>> from newsweave.grouping.store import open_store
    >>> from newsweave.model import Article, Briefing, Story
    >>> store = open_store(":memory:", embedder="lexical")
    >>> a = Article("a1", "Wire", "Quake hits Vessmark", "A quake hit Vessmark on 3 Sept 2023.")
    >>> report = store.ingest([a])
    >>> stale_stories(store) == list(report.stories)
    True
    >>> story = store.stories()[0]
    >>> save_version(store, Briefing(story, (a,)), made="2023-09-03T10:00:00+00:00")
    1
    >>> stale_stories(store), latest(store, story.id).version
    ([], 1)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsweave.model import Briefing

if TYPE_CHECKING:  # pragma: no cover
    from newsweave.grouping.store import StoryStore


@dataclass(frozen=True, slots=True)
class Version:
    """One stored briefing of a story: its number, when it was made, and what it holds."""

    story: str
    version: int
    made: str
    members: tuple[str, ...]
    title: str
    outlets: tuple[str, ...]
    disputed: int
    record: str

    def data(self) -> dict[str, Any]:
        """The briefing as ``newsweave.briefing/2`` data."""
        loaded: dict[str, Any] = json.loads(self.record)
        return loaded


def now() -> str:
    """The time now, as the store writes it: ISO 8601 in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def save_version(store: StoryStore, briefing: Briefing, made: str | None = None) -> int:
    """Save ``briefing`` as its story's next version; returns the version number. A briefing
    identical to the latest version's is not saved again (its number is returned)."""
    from sqlalchemy import select

    from newsweave.grouping.database import writing

    table = store.t["briefings"]
    record = briefing.to_json()
    sid = briefing.story.id
    with writing(store.engine, store.name) as conn:
        last = conn.execute(
            select(table.c.version, table.c.record)
            .where(table.c.story == sid)
            .order_by(table.c.version.desc())
            .limit(1)
        ).first()
        if last is not None and last.record == record:
            return int(last.version)
        number = (int(last.version) if last is not None else 0) + 1  # last is the newest
        conn.execute(
            table.insert(),
            {
                "story": sid,
                "version": number,
                "made": made or now(),
                "members": json.dumps(sorted(a.id for a in briefing.articles)),
                "title": briefing.story.title,
                "outlets": json.dumps(sorted({a.source for a in briefing.articles})),
                "disputed": sum(f.disputed for f in briefing.facts),
                "record": record,
            },
        )
    return int(number)


def latest(store: StoryStore, story_id: str, at: str | None = None) -> Version | None:
    """The story's latest version, or its latest made at or before ``at`` (ISO 8601)."""
    from sqlalchemy import select

    table = store.t["briefings"]
    query = select(table).where(table.c.story == story_id)
    if at is not None:
        query = query.where(table.c.made <= at)
    with store.engine.connect() as conn:
        row = conn.execute(query.order_by(table.c.version.desc()).limit(1)).first()
    return None if row is None else _version(row)


def head(store: StoryStore, story_id: str) -> tuple[int, str] | None:
    """The number and time of the story's latest version, without reading its briefing."""
    from sqlalchemy import select

    table = store.t["briefings"]
    with store.engine.connect() as conn:
        row = conn.execute(
            select(table.c.version, table.c.made)
            .where(table.c.story == story_id)
            .order_by(table.c.version.desc())
            .limit(1)
        ).first()
    return None if row is None else (int(row.version), str(row.made))


def version(store: StoryStore, story_id: str, number: int) -> Version | None:
    """The story's version ``number``, or None."""
    from sqlalchemy import select

    table = store.t["briefings"]
    with store.engine.connect() as conn:
        row = conn.execute(
            select(table).where((table.c.story == story_id) & (table.c.version == number))
        ).first()
    return None if row is None else _version(row)


def stale_stories(store: StoryStore) -> list[str]:
    """The stories whose latest version did not brief exactly the articles they hold now
    (or that have none yet), oldest activity first."""
    from sqlalchemy import select

    arts, table = store.t["articles"], store.t["briefings"]
    members: dict[str, list[str]] = {}
    with store.engine.connect() as conn:
        for aid, sid in conn.execute(
            select(arts.c.id, arts.c.story).where(arts.c.story.isnot(None))
        ):
            members.setdefault(sid, []).append(aid)
        newest = _newest(table)
        briefed = dict(
            conn.execute(
                select(table.c.story, table.c.members).join(
                    newest, (table.c.story == newest.c.story) & (table.c.version == newest.c.v)
                )
            ).all()
        )
    return [
        sid
        for sid in sorted(members)
        if sid not in briefed or json.loads(briefed[sid]) != sorted(members[sid])
    ]


@dataclass(frozen=True, slots=True)
class Listed:
    """A story as the list shows it: from its latest version."""

    id: str
    title: str
    outlets: tuple[str, ...]
    articles: int
    updated: str
    disputed: int
    version: int
    members: tuple[str, ...] = ()


def listing(
    store: StoryStore,
    *,
    q: str = "",
    since: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Listed], int]:
    """Stories that exist and have a briefing, newest activity first, and how many match.

    ``q`` keeps those whose title or outlets hold every word of it (any case); ``since``
    those updated after it (ISO 8601).
    """
    from sqlalchemy import and_, func, or_, select

    table, stories_t = store.t["briefings"], store.t["stories"]
    newest = _newest(table)
    query = (
        select(
            table.c.story,
            table.c.version,
            table.c.made,
            table.c.title,
            table.c.outlets,
            table.c.members,
            table.c.disputed,
        )
        .join(newest, and_(table.c.story == newest.c.story, table.c.version == newest.c.v))
        .join(stories_t, stories_t.c.id == table.c.story)  # a story merged away is not listed
    )
    for word in q.replace("\x00", " ").lower().split()[:10]:
        pattern = f"%{_escape_like(word)}%"
        query = query.where(
            or_(
                func.lower(table.c.title).like(pattern, escape="\\"),
                func.lower(table.c.outlets).like(pattern, escape="\\"),
            )
        )
    if since:
        query = query.where(table.c.made > since)
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())
        rows = conn.execute(
            query.order_by(table.c.made.desc(), table.c.story).limit(limit).offset(offset)
        ).all()
    listed = [
        Listed(
            r.story,
            r.title,
            tuple(json.loads(r.outlets)),
            len(members),
            r.made,
            int(r.disputed),
            int(r.version),
            tuple(members),
        )
        for r in rows
        for members in [json.loads(r.members)]
    ]
    return listed, total


def versions(store: StoryStore, story_id: str) -> Sequence[tuple[int, str]]:
    """The story's versions and when each was made, oldest first."""
    from sqlalchemy import select

    table = store.t["briefings"]
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(table.c.version, table.c.made)
            .where(table.c.story == story_id)
            .order_by(table.c.version)
        ).all()
    return [(int(v), str(m)) for v, m in rows]


def _newest(table: Any) -> Any:
    """Each story's latest version number (``story``, ``v``), as a subquery to join."""
    from sqlalchemy import func, select

    return (
        select(table.c.story, func.max(table.c.version).label("v"))
        .group_by(table.c.story)
        .subquery()
    )


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _version(row: Any) -> Version:
    return Version(
        row.story,
        int(row.version),
        row.made,
        tuple(json.loads(row.members)),
        row.title,
        tuple(json.loads(row.outlets)),
        int(row.disputed),
        row.record,
    )
