"""Group articles into stories: one story per event, from a folder to millions of articles.

Three steps, each linear in the number of articles for a steady flow of news:

1. **Candidates.** Articles are sorted by day; each is compared, by the dot product of its
   dense headline-and-lead vector, only with articles within ``Decision.window`` days
   (undated ones with all). Pools up to ``EXACT_POOL`` rows are searched exactly with numpy;
   bigger ones through a usearch HNSW index (approximate neighbours).
2. **Decision.** Each candidate pair gets a join probability from a logistic model over
   word TF-IDF, name TF-IDF and dense cosines, less a decay per day apart. Pairs in two
   languages use only the language-free features (names, multilingual dense).
3. **Grouping.** Over the pairs above ``LINK_FLOOR``, sparse average linkage merges
   groups while their mean join probability (missing pairs count as 0) stays at or above
   ``Decision.threshold``; a heap of candidate merges keeps it linear in the pairs. Two
   events of one kind share some links but not most, so they stay apart where single
   links would chain them.

The result depends only on the set of articles, never on their order, which is what lets
the incremental store (:mod:`newsweave.grouping.store`) reproduce the batch result.

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
import heapq
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from newsweave.embed import Embedder, get_embedder
from newsweave.grouping.features import NO_DAY, StoryFeatures, featurize
from newsweave.model import Article, Story

logger = logging.getLogger("newsweave")

EXACT_POOL = 50_000  # candidate pools up to this size are searched exactly
ANN_NEIGHBOURS = 64  # neighbours asked of the HNSW index for bigger pools
CHUNK = 1024  # query rows per matrix product
LINK_FLOOR = 0.05  # pairs below this join probability are dropped
LOGIT_FLOOR = -2.95  # below logit(0.049995): such a pair never rounds up to LINK_FLOOR

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Decision:
    """The join-or-not model for one embedder: a logistic over pair features.

    ``z = bias + words·cos_words + names·cos_names + dense·cos_dense − per_day·(days − 1)⁺``
    and ``p = 1 / (1 + e^−z)``; pairs in different languages use the ``cross_*`` terms,
    which leave out words. The weights and the candidate cut were fitted by
    ``bench/story_eval.py --fit`` on ECB+ pairs (close events of one kind) and Multi-News
    validation pairs (far-apart stories; ``minilm-static``) or ECB+ alone (the others).
    Neither corpus is dated, so ``per_day``, ``window`` and the threshold, which trades the
    two corpora's best (0.1-0.15) against dated close neighbours, were set on our own
    dated story sets.
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
    "minilm-static": Decision(
        "minilm-static",
        -13.98,
        5.38,
        11.74,
        9.13,
        -14.78,
        15.07,
        10.38,
        0.65,
        per_day=1.2,
        threshold=0.3,
    ),
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
            "(fit one with bench/story_eval.py --fit)",
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
    # Undated rows: against every dated row, and the undated rows after them.
    everyone = np.concatenate([order, undated])
    ranks = np.arange(len(everyone))
    for a in range(0, len(undated), CHUNK):
        rows = undated[a : a + CHUNK]
        row_ranks = np.arange(len(order) + a, len(order) + a + len(rows))
        for li, rj, w, nm, d in _search(
            f, rows, row_ranks, everyone, ranks, decision, index, undated=True
        ):
            wanted = mark[li] | mark[rj]
            yield li[wanted], rj[wanted], w[wanted], nm[wanted], d[wanted]
        if progress is not None:
            progress(len(rows))


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
        found = self.index.search(queries, ANN_NEIGHBOURS, log=False)
        keys = np.asarray(found.keys, dtype=np.int64).reshape(len(queries), -1)
        distances = np.asarray(found.distances, dtype=np.float32).reshape(len(queries), -1)
        counts = np.asarray(getattr(found, "counts", [len(found.keys)])).reshape(-1)
        valid = np.arange(keys.shape[1])[None, :] < counts[:, None]
        return np.where(valid, keys, -1), np.where(valid, 1.0 - distances, -np.inf)


def cluster_rows(features: StoryFeatures, pairs: Pairs, threshold: float) -> list[list[int]]:
    """Rows grouped by average linkage over the scored pairs (missing pairs count as 0).

    Rows are ranked by article id and ties broken by rank, and the sums are kept in whole
    units of the rounded probabilities, so the groups never depend on the order the
    articles came in. Groups are returned sorted by their smallest article id.
    """
    n = len(features)
    ids = features.ids
    rank = np.empty(n, dtype=np.int64)
    rank[sorted(range(n), key=lambda r: ids[r])] = np.arange(n)
    units = np.rint(pairs.prob.astype(np.float64) * PROB_UNITS).astype(np.int64)
    # A merge needs a mean at the threshold, so at least one link at the threshold: groups
    # never cross the components of the strong links, and weaker links between two
    # components can be dropped before the (slower) linkage.
    strong = units >= threshold * PROB_UNITS
    graph = sparse.coo_matrix(
        (np.ones(int(strong.sum())), (pairs.left[strong], pairs.right[strong])), shape=(n, n)
    )
    component = connected_components(graph, directed=False)[1]
    inside = component[pairs.left] == component[pairs.right]
    left, right = rank[pairs.left[inside]], rank[pairs.right[inside]]
    edges = zip(left.tolist(), right.tolist(), units[inside].tolist(), strict=True)
    by_rank = np.argsort(rank)
    groups = [[int(by_rank[k]) for k in g] for g in average_link(n, edges, threshold)]
    return sorted(groups, key=lambda g: ids[g[0]])


PROB_UNITS = 100_000  # join probabilities are rounded to 5 decimals (see score_pairs)


def average_link(
    n: int, edges: Iterable[tuple[int, int, int]], threshold: float
) -> list[list[int]]:
    """Average-linkage groups of nodes ``0..n-1`` over sparse weighted ``edges``
    ``(a, b, units)``, each pair at most once, a missing edge weighing 0: merge the two
    groups of highest mean edge weight (``units / PROB_UNITS``) while it is at least
    ``threshold``.

    Exact, like the dense algorithm, but it only ever touches linked groups: a merge folds
    the group with fewer links into the other and pushes the changed means on a heap;
    means that only fell (a group grew elsewhere) are re-pushed when popped. The cost grows
    with the number of edges (E log E), not with n². Ties go to the pair with the smallest
    group numbers, so numbering nodes canonically (by article id) makes the result
    independent of input order.

    Example:
        >>> average_link(4, [(0, 1, 90_000), (1, 2, 60_000), (0, 2, 10_000)], 0.4)
        [[0, 1], [2], [3]]
    """
    links: list[dict[int, int]] = [{} for _ in range(n)]
    for a, b, w in edges:  # each pair at most once
        if a != b:
            links[a][b] = links[b][a] = w
    size = [1] * n
    members: list[list[int]] = [[k] for k in range(n)]
    alive = [True] * n
    # (−mean, a, b, summed units, size product): an entry is stale once either changed.
    heap: list[tuple[float, int, int, int, int]] = []
    # Only merges at the threshold or above enter the heap: the others never happen
    # unless a merge raises their mean, and then they are pushed anew.
    floor = threshold * PROB_UNITS
    for a in range(n):
        for b, w in links[a].items():
            if a < b and w >= floor:
                heap.append((-w / PROB_UNITS, a, b, w, 1))
    heapq.heapify(heap)
    while heap:
        neg, a, b, w, sizes = heapq.heappop(heap)
        if -neg < threshold:
            break
        if not (alive[a] and alive[b]) or links[a].get(b) != w:
            continue  # stale: a or b merged away, or their links changed
        if size[a] * size[b] != sizes:
            # One of them grew by a merge that did not touch this pair, so its mean only
            # fell: it is pushed again at its true mean (lazily, instead of at every merge).
            sizes = size[a] * size[b]
            if w >= floor * sizes:
                heapq.heappush(heap, (-w / (PROB_UNITS * sizes), a, b, w, sizes))
            continue
        if len(links[a]) < len(links[b]):
            a, b = b, a  # fold the group with fewer links into the other: O(E log E) in all
        merged = links[a]
        merged.pop(b, None)
        size[a] += size[b]
        members[a] += members[b]
        members[b] = []
        alive[b] = False
        for c, wc in links[b].items():
            if c == a:
                continue
            total = merged.get(c, 0) + wc
            merged[c] = total
            other = links[c]
            del other[b]
            other[a] = total
            sizes = size[a] * size[c]
            if total >= floor * sizes:
                heapq.heappush(
                    heap, (-total / (PROB_UNITS * sizes), min(a, c), max(a, c), total, sizes)
                )
        links[b] = {}
    return [sorted(m) for m in members if m]


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
