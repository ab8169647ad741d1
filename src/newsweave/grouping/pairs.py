"""Candidate pairs of articles and their join probabilities: which articles to compare.

Articles are sorted by day; each is compared, by the dot product of its dense
headline-and-lead vector, only with articles within ``Decision.window`` days. An undated
article, which has no window, is compared with every article in a batch of up to
``ALL_PAIRS_POOL``; in a bigger one, with its ``NEIGHBOURS`` nearest articles, dated or not,
so an archive of look-alikes still costs a bounded number of pairs per article.
Pools up to ``EXACT_POOL`` rows (``EXACT_NEAREST`` for an undated article's nearest) are
searched exactly with numpy; bigger ones through a usearch HNSW index (approximate
neighbours). Each candidate pair then gets a join
probability from the :class:`~newsweave.grouping.decision.Decision`, and only pairs at
``LINK_FLOOR`` or above are kept.

Cosines and probabilities are rounded to 5 decimals, so a pair scores the same in any batch:
that is what lets the store's incremental runs reproduce a batch run. (Where an undated
article has more than ``NEIGHBOURS`` near look-alikes, which ones count depends on what
else is in the batch, and a store may keep a link a batch run would leave out.)

Example:
    >>> from newsweave.grouping.decision import decision_for
    >>> from newsweave.grouping.features import featurize
    >>> from newsweave.model import Article
    >>> arts = [Article(f"a{i}", "Wire", t, "") for i, t in enumerate([
    ...     "Quake kills 12 in Vessmark", "Vessmark quake kills 12", "Dornland bank lifts rates"])]
    >>> pairs = find_pairs(featurize(arts, "lexical"), decision_for("lexical"))
    >>> list(zip(pairs.left.tolist(), pairs.right.tolist()))
    [(0, 1)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from newsweave.grouping.decision import Decision
from newsweave.grouping.features import NO_DAY, StoryFeatures

EXACT_POOL = 50_000  # candidate pools up to this size are searched exactly
ALL_PAIRS_POOL = 5_000  # up to this many rows, an undated article meets every other
EXACT_NEAREST = 20_000  # an undated article's nearest are searched exactly up to this pool
NEIGHBOURS = 64  # an undated article's candidates; what the HNSW index is asked for
CHUNK = 1024  # query rows per matrix product
LINK_FLOOR = 0.05  # pairs below this join probability are dropped
LOGIT_FLOOR = -2.95  # below logit(0.049995): such a pair never rounds up to LINK_FLOOR

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Pairs:
    """Scored candidate pairs: rows ``left[k] < right[k]`` joined with ``prob[k]``."""

    left: NDArray[np.int64]
    right: NDArray[np.int64]
    prob: NDArray[np.float32]

    def __len__(self) -> int:
        return len(self.left)


def find_pairs(
    features: StoryFeatures,
    decision: Decision,
    *,
    only: NDArray[np.bool_] | None = None,
    progress: Progress | None = None,
) -> Pairs:
    """Candidate pairs of ``features``' rows, scored, those at ``LINK_FLOOR`` or above kept;
    see the module docstring. Blocks are scored as they are found, so memory holds the
    kept pairs only.

    Args:
        only: when given, only pairs with at least one row marked here (the new articles of
            an incremental run) are found.
    """
    left: list[NDArray[np.int64]] = []
    right: list[NDArray[np.int64]] = []
    probs: list[NDArray[np.float32]] = []
    for li, rj, words, names, dense in _candidate_blocks(features, decision, only, progress):
        z = _logits(features, li, rj, words, names, dense, decision)
        near = z >= LOGIT_FLOOR  # the sigmoid only for pairs that may round up to the floor
        prob = _sigmoid(z[near])
        keep = prob >= LINK_FLOOR
        left.append(li[near][keep])
        right.append(rj[near][keep])
        probs.append(prob[keep])
    lo, hi, prob = _canonical(features, left, right, probs)
    return Pairs(lo, hi, prob.astype(np.float32))


@dataclass(frozen=True, slots=True)
class Candidates:
    """Candidate row pairs ``left[k] < right[k]`` with their word, name and dense cosines."""

    left: NDArray[np.int64]
    right: NDArray[np.int64]
    words: NDArray[np.float64]
    names: NDArray[np.float64]
    dense: NDArray[np.float64]


def candidate_pairs(
    f: StoryFeatures,
    decision: Decision,
    only: NDArray[np.bool_] | None = None,
    progress: Progress | None = None,
) -> Candidates:
    """Row pairs ``left < right`` worth scoring, with their cosines: close in days, dense
    cosine at least ``decision.candidate``; with ``only``, pairs touching a marked row.
    Every candidate is held at once: for fitting on small corpora, not for scale."""
    blocks = list(_candidate_blocks(f, decision, only, progress))
    lo, hi, words, names, dense = _canonical(f, *(list(x) for x in zip(*blocks, strict=True)))
    return Candidates(lo, hi, words, names, dense)


def _canonical(
    f: StoryFeatures,
    left: list[NDArray[np.int64]],
    right: list[NDArray[np.int64]],
    *values: list[NDArray[Any]],
) -> tuple[Any, ...]:
    """Concatenated pairs as ``left < right``, each once, in row order, with their values."""
    n = max(len(f), 1)
    lo_, hi_ = (np.concatenate(x) if x else np.zeros(0, np.int64) for x in (left, right))
    lo, hi = np.minimum(lo_, hi_), np.maximum(lo_, hi_)
    key = np.unique(lo * n + hi, return_index=True)[1]
    cols = [np.concatenate(v)[key] if v else np.zeros(0) for v in values]
    return (lo[key], hi[key], *cols)


def score_pairs(
    features: StoryFeatures,
    left: NDArray[np.int64],
    right: NDArray[np.int64],
    decision: Decision,
) -> NDArray[np.float32]:
    """Join probabilities of the row pairs ``(left[k], right[k])``."""
    words = row_dots(features.words, left, right)
    names = row_dots(features.names, left, right)
    dense = np.einsum("ij,ij->i", features.dense[left], features.dense[right])
    return _sigmoid(_logits(features, left, right, words, names, dense, decision))


def _sigmoid(z: NDArray[np.float64]) -> NDArray[np.float32]:
    # Rounded so that a pair scores the same in any batch (see _logits).
    return np.round(1.0 / (1.0 + np.exp(-z)), 5).astype(np.float32)


def _logits(
    features: StoryFeatures,
    i: NDArray[np.int64],
    j: NDArray[np.int64],
    words: NDArray[np.float64],
    names: NDArray[np.float64],
    dense: NDArray[np.float64],
    decision: Decision,
) -> NDArray[np.float64]:
    # Cosines rounded to 5 decimals, probabilities too: a pair scores the same in any batch
    # though float sums in blocks of other sizes differ in the last bit.
    n, d = np.round(names, 5), np.round(dense, 5)
    z = decision.bias + decision.words * np.round(words, 5) + decision.names * n
    z += decision.dense * d
    langs = _language_codes(features)
    cross = langs[i] != langs[j]
    if cross.any():
        z[cross] = (
            decision.cross_bias + decision.cross_names * n[cross] + decision.cross_dense * d[cross]
        )
    di, dj = features.days[i], features.days[j]
    apart = np.where((di == NO_DAY) | (dj == NO_DAY), 0, np.abs(di - dj))
    z -= decision.per_day * np.maximum(apart - 1, 0)
    return z


def _language_codes(features: StoryFeatures) -> NDArray[np.int32]:
    codes: dict[str, int] = {}
    return np.fromiter((codes.setdefault(x, len(codes)) for x in features.langs), np.int32)


def row_dots(
    m: sparse.csr_matrix, i: NDArray[np.int64], j: NDArray[np.int64]
) -> NDArray[np.float64]:
    """Dot products of rows ``i[k]`` and ``j[k]`` of ``m``."""
    return np.asarray(m[i].multiply(m[j]).sum(axis=1), dtype=np.float64).ravel()


_Block = tuple[
    NDArray[np.int64],
    NDArray[np.int64],
    NDArray[np.float64],
    NDArray[np.float64],
    NDArray[np.float64],
]


def _candidate_blocks(
    f: StoryFeatures,
    decision: Decision,
    only: NDArray[np.bool_] | None = None,
    progress: Progress | None = None,
) -> Iterator[_Block]:
    """Blocks of candidate pairs (rows, rows, words, names, dense cosines); see
    :func:`candidate_pairs`."""
    n = len(f)
    days = f.days
    dated = np.flatnonzero(days != NO_DAY)
    undated = np.flatnonzero(days == NO_DAY)
    order = dated[np.lexsort((np.asarray(f.ids, dtype=object)[dated].astype(str), days[dated]))]
    sorted_days = days[order]
    index = _AnnIndex(f.dense)
    mark = np.ones(n, dtype=bool) if only is None else only
    # Dated rows: each chunk against the rows after it in day order, within the window.
    for a in range(0, len(order), CHUNK):
        b = min(a + CHUNK, len(order))
        rows = order[a:b]
        hi = int(np.searchsorted(sorted_days, sorted_days[b - 1] + decision.window, "right"))
        pool = order[a:hi]
        positions = np.arange(a, hi)
        for li, rj, w, nm, d in _search(f, rows, np.arange(a, b), pool, positions, decision, index):
            wanted = (mark[li] | mark[rj]) & (np.abs(days[li] - days[rj]) <= decision.window)
            yield li[wanted], rj[wanted], w[wanted], nm[wanted], d[wanted]
        if progress is not None:
            progress(len(rows))
    # Undated rows have no window. Among up to ALL_PAIRS_POOL rows each meets every other
    # (its pairs from the undated rows after it, and every dated row); in a bigger pool each
    # takes its NEIGHBOURS nearest rows, dated or not, since an archive of look-alikes
    # (syndicated copies, one kind of event) would otherwise pair every row with most
    # others, and time and pairs would grow with n².
    undated = undated[np.argsort(np.asarray(f.ids, dtype=object)[undated].astype(str))]
    everyone = np.concatenate([order, undated])
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(np.asarray(f.ids, dtype=object).astype(str))] = np.arange(n)
    ranks = np.arange(len(everyone))
    for a in range(0, len(undated), CHUNK):
        rows = undated[a : a + CHUNK]
        if len(everyone) <= ALL_PAIRS_POOL:
            row_ranks = np.arange(len(order) + a, len(order) + a + len(rows))
            found = _search(f, rows, row_ranks, everyone, ranks, decision, index, undated=True)
        else:
            found = _nearest(f, rows, everyone, rank, decision, index)
        for li, rj, w, nm, d in found:
            wanted = mark[li] | mark[rj]
            yield li[wanted], rj[wanted], w[wanted], nm[wanted], d[wanted]
        if progress is not None:
            progress(len(rows))


def _nearest(
    f: StoryFeatures,
    rows: NDArray[np.int64],
    pool: NDArray[np.int64],
    rank: NDArray[np.int64],
    decision: Decision,
    index: _AnnIndex,
) -> Iterator[_Block]:
    """Pairs (row, one of its ``NEIGHBOURS`` nearest pool rows by dense cosine), those at
    ``decision.candidate`` or above, with their word, name and dense cosines. Exact up to
    ``EXACT_NEAREST`` rows, ties going to the lower article id (``rank``), so the pairs
    depend only on the set of articles; through the HNSW index beyond (an exact search
    costs each undated article the whole pool, which past that size outweighs the rest of
    its work)."""
    if len(pool) > EXACT_NEAREST:
        hits, sims = index.search(f.dense[rows])
    else:
        hits, sims = _exact_nearest(f.dense, rows, pool, rank)
    r, c = np.nonzero((hits >= 0) & (hits != rows[:, None]) & (sims >= decision.candidate))
    li, rj = rows[r], hits[r, c]
    yield li, rj, row_dots(f.words, li, rj), row_dots(f.names, li, rj), sims[r, c].astype(float)


def _exact_nearest(
    dense: NDArray[np.float32],
    rows: NDArray[np.int64],
    pool: NDArray[np.int64],
    rank: NDArray[np.int64],
) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    """The ``NEIGHBOURS`` nearest pool rows of each row other than itself (``-1`` where the
    pool holds fewer), and their cosines; among equal cosines (at 5 decimals, as pairs are
    scored) the lower ``rank`` wins."""
    k = NEIGHBOURS
    best = np.full((len(rows), k), -1, dtype=np.int64)
    key = np.full((len(rows), k), -np.inf)
    for c0 in range(0, len(pool), 4 * CHUNK):
        cols = pool[c0 : c0 + 4 * CHUNK]
        sims = np.round((dense[rows] @ dense[cols].T).astype(np.float64), 5)
        # Below the 5th decimal, the rank orders ties: a lower rank scores a hair higher.
        sims -= rank[cols][None, :] * 1e-13
        sims[rows[:, None] == cols[None, :]] = -np.inf
        both_key = np.concatenate([key, sims], axis=1)
        both = np.concatenate([best, np.broadcast_to(cols, sims.shape)], axis=1)
        top = np.argpartition(-both_key, k - 1, axis=1)[:, :k]
        key = np.take_along_axis(both_key, top, axis=1)
        best = np.take_along_axis(both, top, axis=1)
    best[~np.isfinite(key)] = -1
    return best, np.round(key, 5).astype(np.float32)


def _search(
    f: StoryFeatures,
    rows: NDArray[np.int64],
    row_ranks: NDArray[np.int64],
    pool: NDArray[np.int64],
    pool_ranks: NDArray[np.int64],
    decision: Decision,
    index: _AnnIndex,
    *,
    undated: bool = False,
) -> Iterator[_Block]:
    """Pairs (row, pool row) with dense cosine >= ``decision.candidate``, each pair once
    (the pool row ranks after the query row; undated queries meet every dated row), with
    their word, name and dense cosines."""
    if len(pool) > EXACT_POOL:
        in_pool = np.zeros(len(f), dtype=bool)
        in_pool[pool] = True
        rank_of = np.full(len(f), -1, dtype=np.int64)
        rank_of[pool] = pool_ranks
        hits, sims = index.search(f.dense[rows])
        r, c = np.nonzero((sims >= decision.candidate) & (hits >= 0))
        other = hits[r, c]
        ok = in_pool[other]
        r, other = r[ok], other[ok]
        after = rank_of[other] > row_ranks[r]
        if undated:
            after |= f.days[other] != NO_DAY
        li, rj = rows[r[after]], other[after]
        d = sims[r[after], c[ok][after]].astype(np.float64)
        yield li, rj, row_dots(f.words, li, rj), row_dots(f.names, li, rj), d
        return
    words, names = f.words[rows], f.names[rows]
    for c0 in range(0, len(pool), 4 * CHUNK):
        cols = pool[c0 : c0 + 4 * CHUNK]
        col_ranks = pool_ranks[c0 : c0 + 4 * CHUNK]
        sims = f.dense[rows] @ f.dense[cols].T
        after = col_ranks[None, :] > row_ranks[:, None]
        if undated:
            after |= (f.days[cols] != NO_DAY)[None, :]
        r, c = np.nonzero((sims >= decision.candidate) & after)
        if not len(r):
            continue
        # One sparse product per block, read densely, beats a gather per pair by ~20x.
        w = (words @ f.words[cols].T).toarray()[r, c].astype(np.float64)
        nm = (names @ f.names[cols].T).toarray()[r, c].astype(np.float64)
        yield rows[r], cols[c], w, nm, sims[r, c].astype(np.float64)


class _AnnIndex:
    """A usearch HNSW index over the dense rows, built on the first search: only pools too
    big to search exactly ask for one."""

    def __init__(self, dense: NDArray[np.float32]) -> None:
        self.dense = dense
        self.index: Any = None

    def search(self, queries: NDArray[np.float32]) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        if self.index is None:
            from usearch.index import Index

            self.index = Index(ndim=self.dense.shape[1], metric="ip", dtype="f32")
            self.index.add(np.arange(len(self.dense), dtype=np.uint64), self.dense, log=False)
        found = self.index.search(queries, NEIGHBOURS, log=False)
        keys = np.asarray(found.keys, dtype=np.int64).reshape(len(queries), -1)
        distances = np.asarray(found.distances, dtype=np.float32).reshape(len(queries), -1)
        counts = np.asarray(getattr(found, "counts", [len(found.keys)])).reshape(-1)
        valid = np.arange(keys.shape[1])[None, :] < counts[:, None]
        # Slots past a query's count hold no neighbour (and may hold NaN): never subtract them.
        sims = np.full(distances.shape, -np.inf, dtype=np.float32)
        sims[valid] = 1.0 - distances[valid]
        return np.where(valid, keys, -1), sims
