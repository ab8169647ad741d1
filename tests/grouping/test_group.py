"""group: batch grouping, order independence, close neighbours, our own labelled sets."""

from __future__ import annotations

import datetime as dt
import random

from newsweave.grouping.group import group_stories
from newsweave.model import Article
from storygold import own_set


def test_every_article_lands_in_exactly_one_story() -> None:
    arts, _ = own_set("close-events")
    stories = group_stories(arts, "lexical").stories
    ids = [aid for s in stories for aid in s.article_ids]
    assert sorted(ids) == sorted(a.id for a in arts)
    assert all(s.title for s in stories)


def test_the_result_does_not_depend_on_the_order_of_the_articles() -> None:
    arts, _ = own_set("close-events")
    shuffled = list(arts)
    random.Random(3).shuffle(shuffled)
    first = group_stories(arts, "lexical").stories
    again = group_stories(shuffled, "lexical").stories
    assert first == again


def test_days_apart_keep_two_events_of_one_place_apart() -> None:
    text = "Fire crews fought a blaze at the Skarra ferry terminal in Vessmark, officials said."
    a = Article("a", "s", "Blaze at Vessmark ferry terminal", text, published=_day(3))
    b = Article("b", "t", "Fire hits Vessmark ferry terminal", text, published=_day(3))
    c = Article("c", "u", "Blaze at Vessmark ferry terminal", text, published=_day(20))
    stories = group_stories([a, b, c], "lexical").stories
    assert [s.article_ids for s in stories] == [("a", "b"), ("c",)]


def _day(n: int) -> dt.date:
    return dt.date(2025, 3, n)


def test_stories_come_biggest_first_then_by_id() -> None:
    text = "Fire crews fought a blaze at the Skarra ferry terminal in Vessmark, officials said."
    arts = [
        Article("z1", "s", "Dornland bank lifts rates", "The Dornland central bank raised rates."),
        Article("b", "s", "Blaze at Vessmark ferry terminal", text, published=_day(3)),
        Article("a", "t", "Fire hits Vessmark ferry terminal", text, published=_day(3)),
        Article("q", "u", "Osmira probe lands on the moon", "The Lumen-2 probe landed."),
    ]
    grouping = group_stories(arts, "lexical")
    assert grouping.stories[0].article_ids == ("a", "b")
    singles = grouping.stories[1:]
    assert [len(s.article_ids) for s in singles] == [1, 1]
    assert [s.id for s in singles] == sorted(s.id for s in singles)
    assert len(grouping.features) == 4


def test_an_explicit_embedder_name_is_used_as_given() -> None:
    grouping = group_stories([Article("a", "s", "Dam opens", "The dam opened.")], "lexical")
    assert grouping.features.dense.shape[1] == 4096  # the lexical embedder's width
