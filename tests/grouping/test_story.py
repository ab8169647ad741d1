"""story: one story id for brief and stories, and each command's headline rule."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from scipy import sparse

from newsweave.grouping.features import HASH_DIM, StoryFeatures, featurize
from newsweave.grouping.story import (
    UNTITLED,
    make_story,
    make_story_from_articles,
    story_id,
)
from newsweave.model import Article, Story

IDS = st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=8, unique=True)


@given(IDS, st.randoms())
def test_the_id_does_not_depend_on_the_order_of_the_ids(ids: list[str], rnd) -> None:
    shuffled = list(ids)
    rnd.shuffle(shuffled)
    assert story_id(shuffled) == story_id(ids)


@given(IDS, st.lists(st.text(min_size=1, max_size=12), max_size=5))
def test_the_id_stays_while_the_story_grows_with_later_ids(ids: list[str], more: list[str]) -> None:
    later = [m for m in more if m > min(ids)]
    assert story_id(ids + later) == story_id(ids)


def test_the_id_changes_only_when_an_earlier_id_joins() -> None:
    assert story_id(["b", "c"]) == story_id(["b"]) != story_id(["a", "b", "c"])
    assert re.fullmatch(r"s-[0-9a-f]{12}", story_id(["b"]))


def test_brief_and_stories_give_the_same_articles_the_same_id() -> None:
    arts = [
        Article("r-3", "x", "Dam bursts in Lowvale", "The dam burst on Monday."),
        Article("r-1", "y", "Lowvale dam bursts, thousands flee", "Thousands fled."),
        Article("r-2", "z", "Flooding after Lowvale dam failure", "Water reached the town."),
    ]
    features = featurize(arts, "lexical")
    grouped = make_story(features, [0, 1, 2])
    briefed = make_story_from_articles(arts)
    assert grouped.id == briefed.id == story_id(["r-1"])
    assert grouped.article_ids == ("r-1", "r-2", "r-3")  # stories sort their ids
    assert briefed.article_ids == ("r-3", "r-1", "r-2")  # a brief keeps the order read


def _features(titles: list[str], dense: list[list[float]]) -> StoryFeatures:
    n = len(titles)
    return StoryFeatures(
        ids=tuple(f"a{k}" for k in range(n)),
        days=np.zeros(n, dtype=np.int64),
        langs=("en",) * n,
        words=sparse.csr_matrix((n, HASH_DIM), dtype=np.float32),
        names=sparse.csr_matrix((n, HASH_DIM), dtype=np.float32),
        dense=np.asarray(dense, dtype=np.float32),
        titles=tuple(titles),
    )


def test_stories_take_the_headline_closest_to_the_dense_centre() -> None:
    f = _features(["edge", "middle", "other edge"], [[1, 0], [0.8, 0.6], [0.6, 0.8]])
    assert make_story(f, [0, 1, 2]).title == "middle"
    tie = _features(["left", "right"], [[1, 0], [0, 1]])
    assert make_story(tie, [0, 1]).title == "left"  # a tie goes to the first row given
    assert make_story(tie, [1, 0]).title == "right"


def test_a_story_without_headlines_is_untitled() -> None:
    f = _features(["", ""], [[1, 0], [0, 1]])
    assert make_story(f, [0, 1]).title == UNTITLED


def test_brief_takes_the_headline_sharing_most_words() -> None:
    arts = [
        Article("a", "x", "Storm hits coast", ""),
        Article("b", "y", "Dam bursts in Lowvale", ""),
        Article("c", "z", "Lowvale dam bursts, thousands flee", ""),
    ]
    assert make_story_from_articles(arts).title == "Dam bursts in Lowvale"


def test_brief_without_headlines_names_the_story_by_its_first_line() -> None:
    arts = [Article("a", "x", None, "  \n"), Article("b", "y", None, "Dam opens\n\nMore.")]
    assert make_story_from_articles(arts).title == "Dam opens"
    assert make_story_from_articles([]) == Story("s-e3b0c44298fc", UNTITLED, ())
