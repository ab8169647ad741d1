"""Stories that persist: articles, their features, scored pairs and stories in one database.

SQLite in a single file by default; PostgreSQL through the same SQLAlchemy Core tables
(``--db postgresql://user@host/db``, with ``pip install 'newsweave[postgres]'``).

An ingest reads only what the new articles can touch: stored articles within the decision
window of their days (and the undated ones), scores the new pairs, then re-groups the
connected blocks the new articles joined. Since grouping depends only on the set of
articles (see :mod:`newsweave.grouping.group`), ingesting in batches gives the stories
that one batch run over the same articles gives; a stored story keeps its id as it grows
(:func:`_keep_ids`), where a batch run names it by its smallest article id. Each chunk of
articles is one transaction, so a crash leaves the store as it was after the last whole
chunk, and a re-run skips the articles already stored and resumes.

Example:
    >>> from newsweave.model import Article
    >>> store = open_store(":memory:", embedder="lexical")
    >>> a = Article("a1", "Wire", "Quake hits Vessmark", "A quake hit Vessmark on Sept 3, 2023.")
    >>> store.ingest([a]).added, store.ingest([a]).added  # the second time changes nothing
    (1, 0)
    >>> [s.article_ids for s in store.stories()]
    [('a1',)]
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from newsweave.embed import Embedder, get_embedder
from newsweave.grouping.database import StoreError, db_engine, reason, writing
from newsweave.grouping.decision import Decision, decision_for
from newsweave.grouping.embedder import story_embedder
from newsweave.grouping.features import (
    FEATURE_VERSION,
    NO_DAY,
    StoryFeatures,
    concat_features,
    featurize,
)
from newsweave.grouping.linkage import cluster_rows
from newsweave.grouping.pairs import Pairs, find_pairs
from newsweave.grouping.story import make_story, story_id
from newsweave.grouping.tables import (
    article_row,
    document_row,
    feature_columns,
    features_from_rows,
    story_tables,
)
from newsweave.model import Article, Story

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Connection, Engine

__all__ = [
    "IngestReport",
    "StoreError",
    "StoryStore",
    "open_store",
    "open_stored",
    "store_embedder",
]

Featurizer = Callable[[Sequence[Article]], StoryFeatures]
T = TypeVar("T")

# Stored in every database; the name predates the grouping/ package and must not follow it,
# or the stores written before would be refused.
SCHEMA = "newsweave.store/1"
INGEST_CHUNK = 2000  # articles per transaction


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest did: articles added, already stored, stories touched."""

    added: int
    skipped: int
    stories: tuple[str, ...]


def open_store(
    db: str | Path,
    embedder: Embedder | str = "auto",
    decision: Decision | None = None,
    *,
    featurizer: Featurizer | None = None,
) -> StoryStore:
    """Open (or create) the store at ``db``: a file path, ``:memory:`` or a database URL.

    ``embedder`` ``auto`` takes the one the store was built with, else the story default
    (see :mod:`newsweave.grouping.embedder`). ``featurizer`` computes new articles' features
    instead of :func:`~newsweave.grouping.features.featurize` (the Ray engine passes its own).

    Raises:
        StoreError: the database cannot be opened, or was built with another embedder or
            feature version (its stories would not be comparable).
        MissingExtraError: a PostgreSQL URL without ``psycopg`` installed.
    """
    model = get_embedder(store_embedder(db, embedder)) if isinstance(embedder, str) else embedder
    return StoryStore(
        db_engine(str(db)), model, decision or decision_for(model.name), str(db), featurizer
    )


def open_stored(db: str | Path) -> StoryStore:
    """Open the store at ``db`` to read it, with the embedder it was built with.

    Raises:
        StoreError: no store there (a missing file, or a database without stories).
    """
    name = stored_embedder(db)
    if name is None:
        raise StoreError(
            f"{db}: no story store there (create one with: newsweave stories INPUTS --db {db})"
        )
    return open_store(db, name)


def store_embedder(db: str | Path, name: str = "auto", articles: Sequence[Article] = ()) -> str:
    """The embedder's name for adding ``articles`` to the store at ``db``: ``name``, or for
    ``auto`` the one the store was built with, else the story default for ``articles``.

    Example:
        >>> store_embedder(":memory:", "lexical")
        'lexical'
    """
    if name.strip() == "auto":
        name = stored_embedder(db) or name
    return story_embedder(articles, name)


def stored_embedder(db: str | Path) -> str | None:
    """The embedder a store at ``db`` was built with; None for a new or empty store."""
    from sqlalchemy import MetaData, select
    from sqlalchemy.exc import SQLAlchemyError

    if str(db) == ":memory:" or ("://" not in str(db) and not Path(db).is_file()):
        return None
    engine = db_engine(str(db))
    try:
        meta = story_tables(MetaData())["meta"]
        with engine.connect() as conn:
            value = conn.execute(select(meta.c.value).where(meta.c.key == "embedder")).scalar()
        return str(value) if value else None
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()


class StoryStore:
    """Articles' story features, pairs and stories in a database; see the module docstring."""

    def __init__(
        self,
        engine: Engine,
        embedder: Embedder,
        decision: Decision,
        name: str,
        featurizer: Featurizer | None = None,
    ) -> None:
        from sqlalchemy import MetaData
        from sqlalchemy.exc import SQLAlchemyError

        self.engine = engine
        self.embedder = embedder
        self.decision = decision
        self.name = name
        self.featurizer = featurizer
        self.metadata = MetaData()
        self.t = story_tables(self.metadata)
        try:
            with writing(self.engine, self.name) as conn:
                self._check_ours(conn)
                self.metadata.create_all(conn)
                self._check_meta(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"{name}: cannot open the story store ({reason(exc)})") from None

    def _check_ours(self, conn: Connection) -> None:
        """Refuse a database that holds tables and no story store: newsweave adds its tables
        only to an empty database or to its own store."""
        from sqlalchemy import inspect

        tables = set(inspect(conn).get_table_names())
        ours = {t.name for t in self.t.values()}
        if tables and not tables & ours:
            shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
            raise StoreError(
                f"{self.name}: this database holds other tables ({shown}) and no story "
                "store; newsweave adds its tables only to an empty database or its own "
                "store: give a new file"
            )

    def _settings(self) -> dict[str, str]:
        d = self.decision
        return {
            "schema": SCHEMA,
            "features": FEATURE_VERSION,
            "embedder": self.embedder.name,
            "decision": json.dumps([d.bias, d.words, d.names, d.dense, d.per_day, d.window]),
        }

    def _check_meta(self, conn: Connection) -> None:
        from sqlalchemy import select

        meta = self.t["meta"]
        stored = dict(conn.execute(select(meta.c.key, meta.c.value)).all())
        wanted = self._settings()
        if not stored:
            conn.execute(meta.insert(), [{"key": k, "value": v} for k, v in wanted.items()])
            return
        for key, value in wanted.items():
            if stored.get(key) != value:
                raise StoreError(
                    f"{self.name}: the store was built with {key} {stored.get(key)!r}, this "
                    f"run uses {value!r}; run with the store's settings or use a new --db"
                )

    # --- writing -------------------------------------------------------------------------

    def ingest(
        self,
        articles: Iterable[Article],
        *,
        chunk: int = INGEST_CHUNK,
        progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Add ``articles`` and re-group the stories they join; already stored ids are skipped.

        Each ``chunk`` of articles is one transaction.
        """
        added = skipped = 0
        touched: list[str] = []
        items = iter(articles)  # an archive may stream through: one chunk held at a time
        while batch := list(itertools.islice(items, chunk)):
            a, s, t = self._ingest_chunk(batch)
            added, skipped = added + a, skipped + s
            touched.extend(t)
            if progress is not None:
                progress(len(batch))
        return IngestReport(added, skipped, tuple(dict.fromkeys(touched)))

    def _ingest_chunk(self, batch: Sequence[Article]) -> tuple[int, int, list[str]]:
        from sqlalchemy import func, select

        arts = self.t["articles"]
        unique = list({a.id: a for a in batch}.values())
        with writing(self.engine, self.name) as conn:
            known: set[str] = set()
            for part in _parts([a.id for a in unique]):
                known.update(conn.execute(select(arts.c.id).where(arts.c.id.in_(part))).scalars())
            new = [a for a in unique if a.id not in known]
            if not new:
                return 0, len(batch), []
            fresh = self.featurizer(new) if self.featurizer else featurize(new, self.embedder)
            old = self._neighbourhood(conn, fresh)
            both = concat_features([old, fresh], self.embedder.dim)
            only = np.zeros(len(both), dtype=bool)
            only[len(old) :] = True
            pairs = find_pairs(both, self.decision, only=only)
            conn.execute(arts.insert(), [article_row(fresh, r) for r in range(len(fresh))])
            docs = self.t["documents"]
            first = (conn.execute(select(func.max(docs.c.seq))).scalar() or 0) + 1
            conn.execute(docs.insert(), [document_row(a, first + k) for k, a in enumerate(new)])
            if len(pairs):
                conn.execute(
                    self.t["pairs"].insert(),
                    [
                        {
                            "left_id": min(both.ids[i], both.ids[j]),
                            "right_id": max(both.ids[i], both.ids[j]),
                            "prob": float(p),
                        }
                        for i, j, p in zip(pairs.left, pairs.right, pairs.prob, strict=True)
                    ],
                )
            touched = self._regroup(conn, list(fresh.ids))
        return len(new), len(batch) - len(new), touched

    def _neighbourhood(self, conn: Connection, fresh: StoryFeatures) -> StoryFeatures:
        """Stored articles the new ones could pair with: within the window of their days,
        and every undated one (all of them when a new article is undated)."""
        from sqlalchemy import or_, select

        arts = self.t["articles"]
        query = select(*feature_columns(arts))
        days = fresh.days[fresh.days != NO_DAY]
        if not (fresh.days == NO_DAY).any():
            w = self.decision.window
            conds = [arts.c.day == NO_DAY]
            for lo, hi in _day_ranges(days, w):
                conds.append(arts.c.day.between(lo, hi))
            query = query.where(or_(*conds))
        return features_from_rows(conn.execute(query).all(), self.embedder.dim)

    def _regroup(self, conn: Connection, new_ids: list[str]) -> list[str]:
        """Re-group the connected blocks holding ``new_ids``; returns their story ids."""
        from sqlalchemy import delete, select, update

        arts, pairs_t, stories_t = self.t["articles"], self.t["pairs"], self.t["stories"]
        block = set(new_ids)
        frontier = set(new_ids)
        edges: dict[tuple[str, str], float] = {}
        while frontier:
            found: list[tuple[str, str, float]] = []
            for part in _parts(sorted(frontier)):
                found.extend(
                    conn.execute(
                        select(pairs_t.c.left_id, pairs_t.c.right_id, pairs_t.c.prob).where(
                            pairs_t.c.left_id.in_(part) | pairs_t.c.right_id.in_(part)
                        )
                    )
                )
            frontier = set()
            for left, right, prob in found:
                edges[(left, right)] = prob
                for x in (left, right):
                    if x not in block:
                        block.add(x)
                        frontier.add(x)
        rows: list[Any] = []
        for part in _parts(sorted(block)):
            rows.extend(
                conn.execute(
                    select(*feature_columns(arts), arts.c.story).where(arts.c.id.in_(part))
                )
            )
        was = {r.id: r.story for r in rows if r.story}
        old_stories = set(was.values())
        features = features_from_rows(rows, self.embedder.dim)
        at = {aid: k for k, aid in enumerate(features.ids)}
        linked = Pairs(
            np.array([at[a] for a, _ in edges], dtype=np.int64),
            np.array([at[b] for _, b in edges], dtype=np.int64),
            np.array(list(edges.values()), dtype=np.float32),
        )
        groups = cluster_rows(features, linked, self.decision.threshold)
        stories = _keep_ids([make_story(features, g) for g in groups], was)
        for part in _parts(sorted(old_stories)):
            conn.execute(delete(stories_t).where(stories_t.c.id.in_(part)))
        conn.execute(stories_t.insert(), [{"id": s.id, "title": s.title} for s in stories])
        for story in stories:
            for part in _parts(story.article_ids):
                conn.execute(update(arts).where(arts.c.id.in_(part)).values(story=story.id))
        return [s.id for s in stories]

    # --- reading -------------------------------------------------------------------------

    def stories(self, article_ids: Iterable[str] | None = None) -> list[Story]:
        """Stored stories, biggest first; only those holding ``article_ids`` when given."""
        from sqlalchemy import select

        arts, stories_t = self.t["articles"], self.t["stories"]
        members: dict[str, list[str]] = {}
        with self.engine.connect() as conn:
            if article_ids is None:
                query = select(arts.c.id, arts.c.story).where(arts.c.story.isnot(None))
                member_rows = list(conn.execute(query))
            else:
                wanted: set[str] = set()
                for part in _parts(list(dict.fromkeys(article_ids))):
                    query = select(arts.c.story).where(arts.c.id.in_(part))
                    wanted.update(s for s in conn.execute(query).scalars() if s)
                member_rows = []
                for part in _parts(sorted(wanted)):
                    query = select(arts.c.id, arts.c.story).where(arts.c.story.in_(part))
                    member_rows.extend(conn.execute(query))
            for aid, sid in member_rows:
                members.setdefault(sid, []).append(aid)
            titles: dict[str, str] = {}
            for part in _parts(sorted(members)):
                query = select(stories_t.c.id, stories_t.c.title).where(stories_t.c.id.in_(part))
                titles.update(conn.execute(query).all())
        found = [Story(sid, titles.get(sid, ""), tuple(sorted(m))) for sid, m in members.items()]
        return sorted(found, key=lambda s: (-len(s.article_ids), s.article_ids[0]))

    def articles(self, article_ids: Iterable[str]) -> tuple[list[Article], list[str]]:
        """The stored articles of ``article_ids`` as they were read, in the order the store
        received them, and the ids it holds no text for (stored by a release before it kept
        texts, or never stored).

        Raises:
            StoreError: a stored record this release cannot read.
        """
        from sqlalchemy import select

        from newsweave.grouping.documents import DocumentError, article_from_json

        docs = self.t["documents"]
        wanted = list(dict.fromkeys(article_ids))
        found: dict[str, tuple[int, Article]] = {}
        with self.engine.connect() as conn:
            for part in _parts(wanted):
                query = select(docs.c.id, docs.c.seq, docs.c.record).where(docs.c.id.in_(part))
                for aid, seq, record in conn.execute(query):
                    try:
                        found[aid] = (seq, article_from_json(record))
                    except DocumentError as exc:
                        raise StoreError(f"{self.name}: article {aid!r}: {exc}") from None
        kept = [a for _, a in sorted(found.values(), key=lambda x: x[0])]
        return kept, [a for a in wanted if a not in found]

    def story(self, story_id: str) -> Story | None:
        """The stored story ``story_id``, or None."""
        from sqlalchemy import select

        arts, stories_t = self.t["articles"], self.t["stories"]
        with self.engine.connect() as conn:
            title = conn.execute(
                select(stories_t.c.title).where(stories_t.c.id == story_id)
            ).scalar()
            if title is None:
                return None
            ids = conn.execute(select(arts.c.id).where(arts.c.story == story_id)).scalars()
            return Story(story_id, str(title), tuple(sorted(ids)))

    def count(self) -> int:
        """How many articles the store holds."""
        from sqlalchemy import func, select

        with self.engine.connect() as conn:
            return int(
                conn.execute(select(func.count()).select_from(self.t["articles"])).scalar_one()
            )

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def _keep_ids(stories: list[Story], was: dict[str, str]) -> list[Story]:
    """``stories`` with the ids they had: a story that holds stored articles keeps the id of
    the stored story it shares the most of them with (biggest stories choose first, each id
    goes once), so a story's address stays the same as it grows, even when a new article
    sorts before its first; the others then get their own ids, or one derived from it where
    a kept story holds it."""
    from collections import Counter

    taken: set[str] = set()
    chosen: dict[int, str] = {}
    order = sorted(
        range(len(stories)), key=lambda k: (-len(stories[k].article_ids), stories[k].article_ids)
    )
    for k in order:  # first the stories that continue stored ones
        shared = Counter(was[a] for a in stories[k].article_ids if a in was)
        best = sorted((-n, sid) for sid, n in shared.items() if sid not in taken)
        if best:
            chosen[k] = best[0][1]
            taken.add(best[0][1])
    for k in order:  # then the rest, never on an id already held
        if k in chosen:
            continue
        sid, salt = stories[k].id, 0
        while sid in taken:
            salt += 1
            sid = story_id([f"{stories[k].article_ids[0]}#{salt}"])
        chosen[k] = sid
        taken.add(sid)
    return [Story(chosen[k], s.title, s.article_ids) for k, s in enumerate(stories)]


def _parts(values: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    """``values`` in slices of ``size``: SQL ``IN (...)`` lists stay within driver limits."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _day_ranges(days: np.ndarray, window: int) -> Iterator[tuple[int, int]]:
    """Merged ``[day - window, day + window]`` ranges covering ``days``."""
    lo = hi = None
    for day in sorted({int(d) for d in days}):
        if hi is not None and day - window <= hi + 1:
            hi = day + window
            continue
        if lo is not None and hi is not None:
            yield lo, hi
        lo, hi = day - window, day + window
    if lo is not None and hi is not None:
        yield lo, hi
