"""Group articles into stories: one story per event, from a folder to millions of articles.

Three steps, each linear in the number of articles for a steady flow of news:

1. **Candidates.** Articles are sorted by day; each is compared, by the dot product of its
   dense headline-and-lead vector, only with articles within ``Decision.window`` days
   (undated ones with all). Pools up to ``EXACT_POOL`` rows are searched exactly with numpy;
   bigger ones through a usearch HNSW index (approximate neighbours).
2. **Decision.** Each candidate pair gets a join probability from a logistic model over
   word TF-IDF, name TF-IDF and dense cosines, less a decay per day apart. Pairs in two
   languages use only the language-free features (names, multilingual dense).
3. **Grouping.** Pairs above ``LINK_FLOOR`` make connected blocks; inside each block,
   average linkage merges groups while their mean join probability (missing pairs count
   as 0) stays at or above ``Decision.threshold``. Two events of one kind share some
   links but not most, so they stay apart where single links would chain them.

The result depends only on the set of articles, never on their order, which is what lets
the incremental store (:mod:`newsweave.store`) reproduce the batch result.

Example:
    >>> from newsweave.model import Article
    >>> arts = [Article(f"a{i}", "Wire", t, b) for i, (t, b) in enumerate([
    ...     ("Quake kills 12 in Vessmark", "An earthquake struck Vessmark on Sept 3, 2023."),
    ...     ("Vessmark earthquake toll rises", "The quake in Vessmark killed 12, on Sept 3, 2023."),
    ...     ("Dornland bank lifts rates", "The Dornland bank raised rates on Sept 3, 2023."),
    ... ])]
    >>> [s.article_ids for s in group_stories(arts, embedder="lexical").stories]
    [('a0', 'a1'), ('a2',)]
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from newsweave.embed import Embedder, get_embedder
from newsweave.model import Article, Story
from newsweave.story_features import NO_DAY, StoryFeatures, featurize
from newsweave.timeline import average_linkage

logger = logging.getLogger("newsweave")

EXACT_POOL = 50_000  # candidate pools up to this size are searched exactly
ANN_NEIGHBOURS = 64  # neighbours asked of the HNSW index for bigger pools
CHUNK = 1024  # query rows per matrix product
PAIR_BATCH = 50_000  # pairs scored per sparse product
LINK_FLOOR = 0.05  # pairs below this join probability are dropped
MAX_BLOCK = 4000  # a block above this is split at the threshold before average linkage

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Decision:
    """The join-or-not model for one embedder: a logistic over pair features.

    ``z = bias + words·cos_words + names·cos_names + dense·cos_dense − per_day·(days − 1)⁺``
    and ``p = 1 / (1 + e^−z)``; pairs in different languages use the ``cross_*`` terms,
    which leave out words. The weights were fitted on ECB+ pairs by ``bench/stories.py
    --fit``; ``per_day`` and ``window`` were set on our own dated story sets.
    """

    embedder: str
    bias: float
    words: float
    names: float
    dense: float
    cross_bias: float
    cross_names: float
    cross_dense: float
    candidate: float  # dense cosine from which a pair is scored at all
    per_day: float = 0.6
    window: int = 7
    threshold: float = 0.5


DECISIONS: dict[str, Decision] = {
    "minilm-onnx": Decision(
        "minilm-onnx", -8.91, 4.55, 7.9, 7.93, -8.93, 8.96, 9.47, 0.25, threshold=0.4
    ),
    "multilingual-e5-small": Decision(
        "multilingual-e5-small",
        -21.91,
        10.55,
        8.95,
        17.72,
        -31.15,
        12.04,
        30.24,
        0.8,
        threshold=0.3,
    ),
    "lexical": Decision(
        "lexical", -7.68, 8.0, 11.75, 7.08, -7.2, 12.27, 15.06, 0.05, threshold=0.2
    ),
}


def decision_for(embedder: str) -> Decision:
    """The :class:`Decision` fitted for ``embedder``; MiniLM's for an embedder never fitted."""
    found = DECISIONS.get(embedder)
    if found is None:
        logger.warning(
            "no story decision was fitted for embedder %r; using MiniLM's weights "
            "(fit one with bench/stories.py --fit)",
            embedder,
        )
        return DECISIONS["minilm-onnx"]
    return found


@dataclass(frozen=True, slots=True)
class Pairs:
    """Scored candidate pairs: rows ``left[k] < right[k]`` joined with ``prob[k]``."""

    left: NDArray[np.int64]
    right: NDArray[np.int64]
    prob: NDArray[np.float32]

    def __len__(self) -> int:
        return len(self.left)


@dataclass(frozen=True, slots=True)
class Grouping:
    """The stories of a run, with the features and pairs they came from."""

    stories: tuple[Story, ...]
    features: StoryFeatures
    pairs: Pairs = field(repr=False)


def group_stories(
    articles: Sequence[Article],
    embedder: Embedder | str = "auto",
    *,
    decision: Decision | None = None,
    featurizer: Callable[[Sequence[Article]], StoryFeatures] | None = None,
    progress: Callable[[str, int | None], Progress] | None = None,
) -> Grouping:
    """Group ``articles`` into stories (batch mode); see the module docstring.

    Args:
        articles: articles as read.
        embedder: the dense embedder, or its name (see :mod:`newsweave.embed`).
        decision: the join model; by default the one fitted for ``embedder``.
        featurizer: computes the features instead of :func:`featurize` (the Ray engine).
        progress: ``progress(stage, total)`` returns ``advance(n)``; the CLI draws bars.
    """
    model = get_embedder(embedder) if isinstance(embedder, str) else embedder
    decision = decision or decision_for(model.name)
    if featurizer is None:
        tick = progress("features", len(articles)) if progress else None
        features = featurize(articles, model, progress=tick)
    else:
        features = featurizer(articles)
    tick = progress("pairs", len(features)) if progress else None
    pairs = find_pairs(features, decision, progress=tick)
    groups = cluster_rows(features, pairs, decision.threshold)
    found = sorted(
        (make_story(features, g) for g in groups), key=lambda s: (-len(s.article_ids), s.id)
    )
    return Grouping(tuple(found), features, pairs)


def find_pairs(
    features: StoryFeatures,
    decision: Decision,
    *,
    only: NDArray[np.bool_] | None = None,
    progress: Progress | None = None,
) -> Pairs:
    """Candidate pairs of ``features``' rows, scored; see the module docstring.

    Args:
        only: when given, only pairs with at least one row marked here (the new articles of
            an incremental run) are found.
    """
    left, right = candidate_pairs(features, decision, only, progress)
    prob = score_pairs(features, left, right, decision)
    keep = prob >= LINK_FLOOR
    return Pairs(left[keep], right[keep], prob[keep])


def score_pairs(
    features: StoryFeatures,
    left: NDArray[np.int64],
    right: NDArray[np.int64],
    decision: Decision,
) -> NDArray[np.float32]:
    """Join probabilities of the row pairs ``(left[k], right[k])``."""
    out = np.zeros(len(left), dtype=np.float32)
    langs = np.asarray(features.langs, dtype=object)
    for start in range(0, len(left), PAIR_BATCH):
        i = left[start : start + PAIR_BATCH]
        j = right[start : start + PAIR_BATCH]
        words = row_dots(features.words, i, j)
        names = row_dots(features.names, i, j)
        dense = np.einsum("ij,ij->i", features.dense[i], features.dense[j])
        same = langs[i] == langs[j]
        z = np.where(
            same,
            decision.bias
            + decision.words * words
            + decision.names * names
            + decision.dense * dense,
            decision.cross_bias + decision.cross_names * names + decision.cross_dense * dense,
        )
        di, dj = features.days[i], features.days[j]
        apart = np.where((di == NO_DAY) | (dj == NO_DAY), 0, np.abs(di - dj))
        z = z - decision.per_day * np.maximum(apart - 1, 0)
        # Rounded so that a pair scores the same in any batch (float sums differ in the last bit).
        out[start : start + len(i)] = np.round(1.0 / (1.0 + np.exp(-z)), 5)
    return out


def row_dots(
    m: sparse.csr_matrix, i: NDArray[np.int64], j: NDArray[np.int64]
) -> NDArray[np.float64]:
    """Dot products of rows ``i[k]`` and ``j[k]`` of ``m``."""
    return np.asarray(m[i].multiply(m[j]).sum(axis=1), dtype=np.float64).ravel()


def candidate_pairs(
    f: StoryFeatures,
    decision: Decision,
    only: NDArray[np.bool_] | None = None,
    progress: Progress | None = None,
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Row pairs ``left < right`` worth scoring: close in days, dense cosine at least
    ``decision.candidate``; with ``only``, pairs touching a marked row."""
    n = len(f)
    days = f.days
    dated = np.flatnonzero(days != NO_DAY)
    undated = np.flatnonzero(days == NO_DAY)
    order = dated[np.lexsort((np.asarray(f.ids, dtype=object)[dated].astype(str), days[dated]))]
    sorted_days = days[order]
    found_left: list[NDArray[np.int64]] = []
    found_right: list[NDArray[np.int64]] = []
    index = _AnnIndex(f.dense)
    mark = np.ones(n, dtype=bool) if only is None else only
    # Dated rows: each chunk against the rows after it in day order, within the window.
    for a in range(0, len(order), CHUNK):
        b = min(a + CHUNK, len(order))
        rows = order[a:b]
        hi = int(np.searchsorted(sorted_days, sorted_days[b - 1] + decision.window, "right"))
        pool = order[a:hi]
        positions = np.arange(a, hi)
        for li, rj in _search(f, rows, np.arange(a, b), pool, positions, decision, index):
            wanted = (mark[li] | mark[rj]) & (np.abs(days[li] - days[rj]) <= decision.window)
            found_left.append(li[wanted])
            found_right.append(rj[wanted])
        if progress is not None:
            progress(len(rows))
    # Undated rows: against every dated row, and the undated rows after them.
    everyone = np.concatenate([order, undated])
    ranks = np.arange(len(everyone))
    for a in range(0, len(undated), CHUNK):
        rows = undated[a : a + CHUNK]
        row_ranks = np.arange(len(order) + a, len(order) + a + len(rows))
        for li, rj in _search(f, rows, row_ranks, everyone, ranks, decision, index, undated=True):
            wanted = mark[li] | mark[rj]
            found_left.append(li[wanted])
            found_right.append(rj[wanted])
        if progress is not None:
            progress(len(rows))
    if not found_left:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    left = np.concatenate(found_left)
    right = np.concatenate(found_right)
    lo, hi_ = np.minimum(left, right), np.maximum(left, right)
    pairs = np.unique(np.stack([lo, hi_], axis=1), axis=0) if len(lo) else np.zeros((0, 2))
    return pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)


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
) -> Iterator[tuple[NDArray[np.int64], NDArray[np.int64]]]:
    """Pairs (row, pool row) with dense cosine >= ``decision.candidate``, each pair once:
    the pool row ranks after the query row (undated queries meet every dated row)."""
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
        yield rows[r[after]], other[after]
        return
    for c0 in range(0, len(pool), 4 * CHUNK):
        cols = pool[c0 : c0 + 4 * CHUNK]
        col_ranks = pool_ranks[c0 : c0 + 4 * CHUNK]
        sims = f.dense[rows] @ f.dense[cols].T
        after = col_ranks[None, :] > row_ranks[:, None]
        if undated:
            after |= (f.days[cols] != NO_DAY)[None, :]
        r, c = np.nonzero((sims >= decision.candidate) & after)
        yield rows[r], cols[c]


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
        found = self.index.search(queries, ANN_NEIGHBOURS, log=False)
        keys = np.asarray(found.keys, dtype=np.int64).reshape(len(queries), -1)
        distances = np.asarray(found.distances, dtype=np.float32).reshape(len(queries), -1)
        counts = np.asarray(getattr(found, "counts", [len(found.keys)])).reshape(-1)
        valid = np.arange(keys.shape[1])[None, :] < counts[:, None]
        return np.where(valid, keys, -1), np.where(valid, 1.0 - distances, -np.inf)


def cluster_rows(features: StoryFeatures, pairs: Pairs, threshold: float) -> list[list[int]]:
    """Rows grouped by blocks of linked pairs, then average linkage inside each block.

    Inside a block, rows are ordered by article id, so the groups never depend on the
    order the articles came in. Groups are returned sorted by their smallest article id.
    """
    n = len(features)
    ids = features.ids
    graph = sparse.coo_matrix((np.ones(len(pairs)), (pairs.left, pairs.right)), shape=(n, n))
    count, labels = connected_components(graph, directed=False)
    members: list[list[int]] = [[] for _ in range(count)]
    for row, label in enumerate(labels):
        members[label].append(row)
    prob = sparse.coo_matrix((pairs.prob, (pairs.left, pairs.right)), shape=(n, n)).tocsr()
    prob = prob.maximum(prob.T).tocsr()
    groups: list[list[int]] = []
    for block in members:
        groups.extend(_link_block(sorted(block, key=lambda r: ids[r]), prob, threshold))
    groups = [sorted(g, key=lambda r: ids[r]) for g in groups]
    return sorted(groups, key=lambda g: ids[g[0]])


def _link_block(block: list[int], prob: sparse.csr_matrix, threshold: float) -> list[list[int]]:
    if len(block) == 1:
        return [block]
    sub = prob[block][:, block]
    if len(block) > MAX_BLOCK:
        # Too big for a dense matrix: cut the weak links first, then link each part.
        strong = sub.multiply(sub >= threshold)
        count, labels = connected_components(strong, directed=False)
        if count == 1:
            logger.warning("a block of %d articles could not be split; kept whole", len(block))
            return [block]
        parts: list[list[int]] = [[] for _ in range(count)]
        for k, label in enumerate(labels):
            parts[label].append(block[k])
        return [g for part in parts for g in _link_block(part, prob, threshold)]
    sims = sub.toarray()
    return [[block[k] for k in group] for group in average_linkage(sims, threshold)]


def make_story(features: StoryFeatures, rows: Sequence[int]) -> Story:
    """The story of ``rows``: an id from its first article id, the most central headline.

    The id is ``s-`` and a hash of the smallest article id, so it stays the same however
    the articles came in, and while the story grows with later articles.
    """
    ids = tuple(sorted(features.ids[r] for r in rows))
    digest = hashlib.sha256(ids[0].encode()).hexdigest()[:12]
    vectors = features.dense[list(rows)]
    centre = vectors.mean(axis=0)
    titled = [r for r in rows if features.titles[r]]
    if not titled:
        return Story(f"s-{digest}", "Untitled story", ids)
    best = max(titled, key=lambda r: (float(features.dense[r] @ centre), -rows.index(r)))
    return Story(f"s-{digest}", features.titles[best], ids)
