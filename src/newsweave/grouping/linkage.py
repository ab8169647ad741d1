"""Stories from scored pairs: exact average linkage over a sparse graph.

Over the pairs above the link floor, average linkage merges groups while their mean join
probability (missing pairs count as 0) stays at or above ``Decision.threshold``; a heap of
candidate merges keeps it linear in the pairs. Two events of one kind share some links but
not most, so they stay apart where single links would chain them.

Example:
    >>> average_link(3, [(0, 1, 90_000), (1, 2, 90_000)], 0.5)  # 0-2 missing: mean 0.45
    [[0, 1], [2]]
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from newsweave.grouping.features import StoryFeatures
from newsweave.grouping.pairs import Pairs


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
