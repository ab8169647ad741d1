"""The story store's tables, and story features as their rows and back.

An article's row holds its day, language and headline as columns, and its three feature
vectors as bytes: the sparse ones as ``count · columns (int32) · values (float32)``, the
dense one as float32. Reading rows back gives the very features that were written, so a
store run scores pairs as a batch run does.

Example:
    >>> from newsweave.grouping.features import featurize
    >>> from newsweave.model import Article
    >>> f = featurize([Article("a1", "Wire", "Quake hits Vessmark", "A quake hit.")], "lexical")
    >>> row = article_row(f, 0)
    >>> back = features_from_rows([type("Row", (), row)], f.dense.shape[1])
    >>> back.ids, (back.words != f.words).nnz, bool((back.dense == f.dense).all())
    (('a1',), 0, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse

from newsweave.grouping.documents import article_json
from newsweave.grouping.features import HASH_DIM, StoryFeatures, concat_features
from newsweave.model import Article

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import MetaData, Table


def story_tables(metadata: MetaData) -> dict[str, Table]:
    """The store's tables, by role: ``meta``, ``articles`` (features), ``documents`` (each
    article as read, :mod:`~newsweave.grouping.documents`), ``pairs`` and ``stories``; and
    for the service, ``briefings`` (each story's briefing versions), ``sources`` (what
    ``newsweave watch`` polls) and ``seen`` (the entries it read).

    ``documents`` came after the first release; opening an older store adds it, and the
    articles stored before it can be listed but not briefed."""
    from sqlalchemy import Column, Float, Index, Integer, LargeBinary, String, Table, Text

    return {
        "meta": Table(
            "nw_meta",
            metadata,
            Column("key", String(64), primary_key=True),
            Column("value", Text, nullable=False),
        ),
        "articles": Table(
            "nw_articles",
            metadata,
            Column("id", String(255), primary_key=True),
            Column("day", Integer, nullable=False, index=True),
            Column("lang", String(16), nullable=False),
            Column("title", Text, nullable=False),
            Column("words", LargeBinary, nullable=False),
            Column("names", LargeBinary, nullable=False),
            Column("dense", LargeBinary, nullable=False),
            Column("story", String(64), nullable=True, index=True),
        ),
        "documents": Table(
            "nw_documents",
            metadata,
            Column("id", String(255), primary_key=True),
            Column("seq", Integer, nullable=False, index=True),  # the order they came in
            Column("source", Text, nullable=False),
            Column("url", Text, nullable=True),
            Column("published", String(10), nullable=True),
            Column("record", Text, nullable=False),
        ),
        "pairs": Table(
            "nw_pairs",
            metadata,
            Column("left_id", String(255), primary_key=True),
            Column("right_id", String(255), primary_key=True),
            Column("prob", Float, nullable=False),
            Index("nw_pairs_right", "right_id"),
        ),
        "stories": Table(
            "nw_stories",
            metadata,
            Column("id", String(64), primary_key=True),
            Column("title", Text, nullable=False),
        ),
        # The service (newsweave watch / serve): each story's briefings, one row per version.
        "briefings": Table(
            "nw_briefings",
            metadata,
            Column("story", String(64), primary_key=True),
            Column("version", Integer, primary_key=True),
            Column("made", String(32), nullable=False, index=True),  # ISO 8601, UTC
            Column("members", Text, nullable=False),  # JSON list of the article ids briefed
            Column("title", Text, nullable=False),
            Column("outlets", Text, nullable=False),  # JSON list of outlet names
            Column("disputed", Integer, nullable=False),
            Column("record", Text, nullable=False),  # the newsweave.briefing/2 JSON
        ),
        # The sources newsweave watch polls: their caching headers and when to ask again.
        "sources": Table(
            "nw_sources",
            metadata,
            Column("url", String(2048), primary_key=True),
            Column("etag", Text, nullable=True),
            Column("modified", Text, nullable=True),
            Column("checked", String(32), nullable=True),
            Column("due", String(32), nullable=True),
            Column("failures", Integer, nullable=False, default=0),
            Column("problem", Text, nullable=True),
        ),
        # The entries and pages a source listed that were read already (by guid or URL).
        "seen": Table(
            "nw_seen",
            metadata,
            Column("key", String(2048), primary_key=True),
            Column("source", String(2048), nullable=False),
            Column("at", String(32), nullable=False),
        ),
    }


def feature_columns(arts: Table) -> list[Any]:
    """The columns of ``arts`` that :func:`features_from_rows` reads."""
    c = arts.c
    return [c.id, c.day, c.lang, c.title, c.words, c.names, c.dense]


def _sparse_bytes(m: sparse.csr_matrix, row: int) -> bytes:
    """Row ``row`` of ``m`` as ``count · columns · values``."""
    start, end = m.indptr[row], m.indptr[row + 1]
    cols = m.indices[start:end].astype(np.int32)
    vals = m.data[start:end].astype(np.float32)
    return b"".join((np.int32(len(cols)).tobytes(), cols.tobytes(), vals.tobytes()))


def _sparse_rows(blobs: Sequence[bytes]) -> sparse.csr_matrix:
    """The rows that :func:`_sparse_bytes` wrote, as one matrix."""
    indptr = [0]
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    for blob in blobs:
        n = int(np.frombuffer(blob[:4], dtype=np.int32)[0])
        cols.append(np.frombuffer(blob[4 : 4 + 4 * n], dtype=np.int32))
        vals.append(np.frombuffer(blob[4 + 4 * n : 4 + 8 * n], dtype=np.float32))
        indptr.append(indptr[-1] + n)
    data = np.concatenate(vals) if vals else np.zeros(0, dtype=np.float32)
    index = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int32)
    return sparse.csr_matrix((data, index, np.asarray(indptr)), shape=(len(blobs), HASH_DIM))


def article_row(f: StoryFeatures, r: int) -> dict[str, Any]:
    """Row ``r`` of ``f`` as an ``articles`` row, not yet in a story."""
    return {
        "id": f.ids[r],
        "day": int(f.days[r]),
        "lang": f.langs[r],
        "title": f.titles[r],
        "words": _sparse_bytes(f.words, r),
        "names": _sparse_bytes(f.names, r),
        "dense": f.dense[r].astype(np.float32).tobytes(),
        "story": None,
    }


def features_from_rows(rows: Sequence[Any], dim: int) -> StoryFeatures:
    """The features of ``rows`` (with the :func:`feature_columns`), in their order."""
    if not rows:
        return concat_features([], dim)
    return StoryFeatures(
        ids=tuple(r.id for r in rows),
        days=np.array([r.day for r in rows], dtype=np.int64),
        langs=tuple(r.lang for r in rows),
        words=_sparse_rows([r.words for r in rows]),
        names=_sparse_rows([r.names for r in rows]),
        dense=np.vstack([np.frombuffer(r.dense, dtype=np.float32) for r in rows]),
        titles=tuple(r.title for r in rows),
    )


def document_row(article: Article, seq: int) -> dict[str, Any]:
    """``article`` as a ``documents`` row: the whole article as read, what lists it, and
    ``seq``, its place in the order the store received its articles."""
    return {
        "id": article.id,
        "seq": seq,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "record": article_json(article),
    }
