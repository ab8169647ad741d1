"""linkage: the exact sparse average linkage, and rows grouped whatever their order."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import sparse

from newsweave.dates.timeline import average_linkage
from newsweave.grouping.features import HASH_DIM, StoryFeatures
from newsweave.grouping.linkage import PROB_UNITS, average_link, cluster_rows
from newsweave.grouping.pairs import Pairs


def _reference(sims: np.ndarray, threshold: float) -> list[list[int]] | None:
    """Average linkage by its definition (mean pairwise similarity of two groups, missing
    pairs 0), merging the best pair while its mean is at the threshold; None when two
    candidate merges ever tie, since then any order is right."""
    groups = [[i] for i in range(len(sims))]
    while len(groups) > 1:
        means = sorted(
            (
                (float(np.mean([sims[a, b] for a in groups[x] for b in groups[y]])), x, y)
                for x in range(len(groups))
                for y in range(x + 1, len(groups))
            ),
            reverse=True,
        )
        best, x, y = means[0]
        if best < threshold - 1e-12:
            break
        if len(means) > 1 and abs(means[1][0] - best) < 1e-9:
            return None
        groups[x] = sorted(groups[x] + groups[y])
        del groups[y]
    return sorted(groups)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=9).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(
                st.tuples(
                    st.integers(0, n - 1),
                    st.integers(0, n - 1),
                    st.integers(1, PROB_UNITS).map(lambda u: u - u % 997),
                ),
                max_size=20,
            ),
            st.sampled_from([0.1, 0.3, 0.5, 0.8]),
        )
    )
)
def test_sparse_and_dense_average_linkage_agree_with_the_definition(
    case: tuple[int, list[tuple[int, int, int]], float],
) -> None:
    n, edges, threshold = case
    sims = np.zeros((n, n))
    kept: dict[tuple[int, int], int] = {}
    for a, b, units in edges:
        if a != b and units:
            kept[(min(a, b), max(a, b))] = units  # one weight per pair, as scored pairs are
    for (a, b), units in kept.items():
        sims[a, b] = sims[b, a] = units / PROB_UNITS
    sparse_groups = average_link(n, [(a, b, u) for (a, b), u in kept.items()], threshold)
    dense_groups = average_linkage(sims + np.eye(n), threshold)
    assert sorted(i for g in sparse_groups for i in g) == list(range(n))
    expected = _reference(sims, threshold)
    assume(expected is not None)  # tied means may merge in any order
    assert sorted(sparse_groups) == expected
    assert sorted(dense_groups) == expected


def test_two_strong_links_do_not_chain_a_third_article_in() -> None:
    # a-b and b-c are strong, a-c is missing: {a, b} to c averages (0.9 + 0) / 2 = 0.45.
    assert average_link(3, [(0, 1, 90_000), (1, 2, 90_000)], 0.5) == [[0, 1], [2]]
    # With a-c linked as well, the mean stays above the threshold and all three merge.
    assert average_link(3, [(0, 1, 90_000), (1, 2, 90_000), (0, 2, 20_000)], 0.5) == [[0, 1, 2]]


def test_a_mean_just_at_the_threshold_merges() -> None:
    assert average_link(2, [(0, 1, 30_000)], 0.3) == [[0, 1]]
    assert average_link(2, [(0, 1, 29_999)], 0.3) == [[0], [1]]


def test_equal_means_merge_the_smallest_numbers_first() -> None:
    # 0-1, 1-2 and 2-3 tie; 0-1 goes first, and then 1-2 averages 0.4 against {0, 1}.
    edges = [(2, 3, 80_000), (0, 1, 80_000), (1, 2, 80_000)]
    assert average_link(4, edges, 0.5) == [[0, 1], [2, 3]]


def _features(ids: list[str]) -> StoryFeatures:
    """Rows for ``ids`` with no features: linkage reads only the ids and the pairs."""
    n = len(ids)
    return StoryFeatures(
        ids=tuple(ids),
        days=np.zeros(n, dtype=np.int64),
        langs=("en",) * n,
        words=sparse.csr_matrix((n, HASH_DIM), dtype=np.float32),
        names=sparse.csr_matrix((n, HASH_DIM), dtype=np.float32),
        dense=np.zeros((n, 2), dtype=np.float32),
        titles=("",) * n,
    )


def _pairs(links: list[tuple[int, int, float]]) -> Pairs:
    return Pairs(
        np.array([a for a, _, _ in links], dtype=np.int64),
        np.array([b for _, b, _ in links], dtype=np.int64),
        np.array([p for _, _, p in links], dtype=np.float32),
    )


def test_rows_are_grouped_the_same_whatever_their_order() -> None:
    # Rows 0..3 hold articles d, b, a, c; the ties break by article id, not by row.
    f = _features(["d", "b", "a", "c"])
    links = [(0, 1, 0.8), (1, 2, 0.8), (2, 3, 0.8), (0, 3, 0.8)]
    groups = cluster_rows(f, _pairs(links), 0.5)
    assert [sorted(f.ids[r] for r in g) for g in groups] == [["a", "b"], ["c", "d"]]
    reordered = _features(["a", "b", "c", "d"])
    at = {aid: k for k, aid in enumerate(reordered.ids)}
    moved = [(at[f.ids[a]], at[f.ids[b]], p) for a, b, p in links]
    again = cluster_rows(reordered, _pairs(moved), 0.5)
    assert [[reordered.ids[r] for r in g] for g in again] == [["a", "b"], ["c", "d"]]


def test_a_pair_below_the_threshold_never_links_two_groups() -> None:
    f = _features(["a", "b", "c"])
    groups = cluster_rows(f, _pairs([(0, 1, 0.9), (1, 2, 0.29)]), 0.3)
    assert groups == [[0, 1], [2]]
