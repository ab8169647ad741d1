"""pairs: candidate search (exact and HNSW), the day window, and the join probabilities."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from newsweave.grouping import pairs as pairs_module
from newsweave.grouping.decision import decision_for
from newsweave.grouping.features import StoryFeatures, featurize
from newsweave.grouping.pairs import (
    LINK_FLOOR,
    Candidates,
    Pairs,
    candidate_pairs,
    find_pairs,
    row_dots,
    score_pairs,
)
from newsweave.model import Article
from storygold import own_set

LEXICAL = decision_for("lexical")
FIRE = "Fire crews fought a blaze at the Skarra ferry terminal in Vessmark, officials said."


def _fire(aid: str, day: int | None, lang: str | None = None) -> Article:
    published = dt.date(2025, 3, day) if day else None
    return Article(
        aid, "Wire", "Blaze at Vessmark ferry terminal", FIRE, published=published, lang=lang
    )


def _links(p: Pairs | Candidates) -> set[tuple[int, int]]:
    return set(zip(p.left.tolist(), p.right.tolist(), strict=True))


def _as_set(p: Pairs) -> set[tuple[int, int, float]]:
    return set(zip(p.left.tolist(), p.right.tolist(), p.prob.tolist(), strict=True))


@pytest.fixture(scope="module")
def close_events() -> StoryFeatures:
    arts, _ = own_set("close-events")
    return featurize(arts, "lexical")


def test_pairs_are_ordered_each_once_and_at_the_floor_or_above(close_events) -> None:
    found = find_pairs(close_events, LEXICAL)
    assert len(found) > 0
    assert (found.left < found.right).all()
    assert len(_links(found)) == len(found)
    assert (found.prob >= LINK_FLOOR).all()


def test_a_pair_scores_the_same_alone_and_in_its_batch(close_events) -> None:
    found = find_pairs(close_events, LEXICAL)
    again = score_pairs(close_events, found.left, found.right, LEXICAL)
    assert np.array_equal(again, found.prob)


def test_the_hnsw_index_finds_what_the_exact_search_finds(close_events, monkeypatch) -> None:
    exact = find_pairs(close_events, LEXICAL)
    monkeypatch.setattr(pairs_module, "EXACT_POOL", 0)  # every pool goes through usearch
    monkeypatch.setattr(pairs_module, "EXACT_NEAREST", 0)
    approximate = find_pairs(close_events, LEXICAL)
    assert _as_set(approximate) == _as_set(exact)


def test_only_marked_rows_find_the_pairs_that_touch_them(close_events) -> None:
    every = _as_set(find_pairs(close_events, LEXICAL))
    only = np.zeros(len(close_events), dtype=bool)
    only[[3, 17]] = True
    marked = _as_set(find_pairs(close_events, LEXICAL, only=only))
    assert marked == {(i, j, p) for i, j, p in every if only[i] or only[j]}


def test_every_kept_pair_was_a_candidate(close_events) -> None:
    found = find_pairs(close_events, LEXICAL)
    candidates = candidate_pairs(close_events, LEXICAL)
    assert _links(found) <= _links(candidates)
    assert (candidates.dense >= LEXICAL.candidate - 1e-6).all()


def test_articles_further_apart_than_the_window_are_not_compared() -> None:
    f = featurize(
        [_fire("a", 3), _fire("b", 3 + LEXICAL.window), _fire("c", 4 + LEXICAL.window)], "lexical"
    )
    found = find_pairs(f, LEXICAL)
    assert _links(found) == {(0, 1), (1, 2)}


def test_an_undated_article_is_compared_with_dated_ones_on_any_day() -> None:
    f = featurize([_fire("a", 1), _fire("b", 28), _fire("c", None)], "lexical")
    found = candidate_pairs(f, LEXICAL)
    assert {(0, 2), (1, 2)} <= _links(found)


def test_in_a_small_batch_an_undated_article_meets_every_look_alike() -> None:
    f = _copies(80, list(range(80)))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pairs_module, "NEIGHBOURS", 10)
        found = candidate_pairs(f, LEXICAL)
    assert len(_links(found)) == 80 * 79 // 2


def _copies(n: int, order: list[int]) -> StoryFeatures:
    """``n`` undated syndicated copies of one report (the same features), rows in
    ``order``: the worst case for a search without a window."""
    arts = [_fire(f"copy-{k:03d}", None) for k in order]
    return featurize(arts, "lexical")


def test_an_undated_archive_of_copies_costs_a_bounded_number_of_pairs() -> None:
    n, k = 150, 20
    f = _copies(n, list(range(n)))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pairs_module, "ALL_PAIRS_POOL", 0)
        mp.setattr(pairs_module, "NEIGHBOURS", k)
        found = candidate_pairs(f, LEXICAL)
    assert len(_links(found)) <= n * k < n * (n - 1) // 2
    # Ties go to the lower article id: every copy's neighbours include the k lowest ids.
    for row in range(n):
        mine = {j for pair in _links(found) if row in pair for j in pair if j != row}
        assert set(sorted(set(range(k + 1)) - {row})[:k]) <= mine


def test_the_bounded_pairs_do_not_depend_on_the_order_articles_came_in() -> None:
    n = 90
    shuffled = list(np.random.default_rng(3).permutation(n))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pairs_module, "ALL_PAIRS_POOL", 0)
        mp.setattr(pairs_module, "NEIGHBOURS", 10)
        a, b = _copies(n, list(range(n))), _copies(n, shuffled)
        pairs_a, pairs_b = find_pairs(a, LEXICAL), find_pairs(b, LEXICAL)

    def by_id(f: StoryFeatures, p: Pairs) -> set[tuple[str, str, float]]:
        return {(min(f.ids[i], f.ids[j]), max(f.ids[i], f.ids[j]), x) for i, j, x in _as_set(p)}

    assert by_id(a, pairs_a) == by_id(b, pairs_b)


def test_the_index_bounds_an_undated_archive_the_same_way(monkeypatch) -> None:
    monkeypatch.setattr(pairs_module, "ALL_PAIRS_POOL", 0)
    monkeypatch.setattr(pairs_module, "NEIGHBOURS", 10)
    f = _copies(60, list(range(60)))
    monkeypatch.setattr(pairs_module, "EXACT_NEAREST", 0)
    approximate = _links(candidate_pairs(f, LEXICAL))
    # Each copy finds its 10 look-alikes (a pair found from both ends counts once).
    assert 60 * 10 // 2 <= len(approximate) <= 60 * 10
    assert all(any(row in pair for pair in approximate) for row in range(60))


def test_each_day_apart_beyond_the_first_lowers_the_join_probability() -> None:
    f = featurize([_fire("a", 3), _fire("b", 3), _fire("c", 4), _fire("d", 6)], "lexical")
    left, right = np.array([0, 0, 0]), np.array([1, 2, 3])
    unsure = dataclasses.replace(LEXICAL, bias=LEXICAL.bias - 19)  # identical texts: z near 0
    same_day, next_day, three_days = score_pairs(f, left, right, unsure).tolist()
    assert 0.05 < three_days < same_day == next_day < 0.95


def test_a_pair_in_two_languages_leaves_the_words_out() -> None:
    f = featurize([_fire("a", 3, "en"), _fire("b", 3, "en"), _fire("c", 3, "de")], "lexical")
    left, right = np.array([0, 0]), np.array([1, 2])
    wordless = dataclasses.replace(LEXICAL, words=0.0)
    same, cross = score_pairs(f, left, right, LEXICAL).tolist()
    same_wordless, cross_wordless = score_pairs(f, left, right, wordless).tolist()
    assert same_wordless < same  # the shared words count within one language
    assert cross_wordless == cross  # and never across two


def test_row_dots_are_the_dot_products_of_row_pairs(close_events) -> None:
    i, j = np.array([0, 5, 7]), np.array([1, 5, 2])
    expected = [
        float(close_events.words[a].multiply(close_events.words[b]).sum())
        for a, b in zip(i, j, strict=True)
    ]
    assert row_dots(close_events.words, i, j).tolist() == pytest.approx(expected)
    assert row_dots(close_events.words, i[1:2], j[1:2])[0] == pytest.approx(1.0)
