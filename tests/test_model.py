"""The data model's own rules: span bounds, When labels and overlaps, what an article keeps
once cleaned, when a fact is disputed, and ids in order of first mention."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave.model import (
    Article,
    Entity,
    Event,
    Fact,
    Removed,
    Span,
    TimeForm,
    Variant,
    VariantRelation,
    When,
)

D = dt.date


# --- Span -------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4)])
def test_a_span_must_run_forwards_from_zero(start: int, end: int) -> None:
    with pytest.raises(ValueError, match=rf"bad span {start}:{end} in article a1"):
        Span("a1", start, end)


def test_a_span_reads_only_its_own_article() -> None:
    art = Article("a1", "Wire", None, "Dam opens.")
    assert Span("a1", 0, 3).text(art) == "Dam"
    assert Span("a1", 4, 4).length == 0
    with pytest.raises(ValueError, match="span of article a2 read against article a1"):
        Span("a2", 0, 3).text(art)


# --- When -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "label"),
    [
        (When.on(D(2023, 9, 12)), "2023-09-12"),
        (When(D(2023, 9, 10), D(2023, 9, 13), "day"), "2023-09-10/2023-09-13"),
        (When(D(2023, 9, 11), D(2023, 9, 17), "week"), "2023-09-11/2023-09-17"),
        (When(D(2023, 7, 1), D(2023, 7, 10), "month"), "2023-07"),  # early July
        (When(D(2023, 7, 1), D(2023, 8, 31), "month"), "2023-07/2023-08"),
        (When(D(2023, 1, 1), D(2023, 12, 31), "year"), "2023"),
        (When(D(2022, 1, 1), D(2023, 12, 31), "year"), "2022/2023"),
    ],
)
def test_when_labels_at_its_precision(when: When, label: str) -> None:
    assert when.label == label


def test_when_on_is_the_one_exact_day() -> None:
    day = When.on(D(2023, 9, 12))
    assert day == When(D(2023, 9, 12), D(2023, 9, 12), "day")
    assert day.exact
    assert not When(D(2023, 9, 12), D(2023, 9, 13), "day").exact
    assert not When(D(2023, 9, 1), D(2023, 9, 1), "month").exact


def test_when_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match=r"bad date range 2023-09-12\.\.2023-09-11"):
        When(D(2023, 9, 12), D(2023, 9, 11), "day")


def test_whens_overlap_when_they_share_a_day() -> None:
    july = When(D(2023, 7, 1), D(2023, 7, 31), "month")
    assert july.overlaps(When.on(D(2023, 7, 31)))
    assert When.on(D(2023, 7, 1)).overlaps(july)
    assert not july.overlaps(When.on(D(2023, 8, 1)))
    assert not When.on(D(2023, 6, 30)).overlaps(july)


def test_a_time_form_is_relative_when_it_needs_the_articles_date() -> None:
    assert TimeForm("date", "calendar", month=7, day=4).relative  # "4 July": which year?
    assert not TimeForm("date", "calendar", year=2023, month=7).relative
    assert TimeForm("date", "weekday", weekday=2).relative
    assert not TimeForm("duration", "duration", length="P18M").relative


# --- Article.kept_spans -----------------------------------------------------------------


def test_kept_spans_skip_the_headline_and_the_boilerplate() -> None:
    text = "Dam opens\n\nMenu\n\nThe dam opened."
    art = Article(
        "a", "Wire", "Dam opens", text,
        title_span=Span("a", 0, 9),
        removed=(Removed(Span("a", 11, 15), "navigation"),),
    )  # fmt: skip
    assert [s.text(art) for s in art.kept_spans()] == ["\n\n", "\n\nThe dam opened."]
    assert Article("b", "Wire", None, "").kept_spans() == ()


@st.composite
def cleaned_articles(draw: st.DrawFn) -> Article:
    """An article with a title span and removed spans anywhere, overlapping or not."""
    text = draw(st.text(max_size=60))
    n = len(text)
    bounds = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
    cuts = draw(st.lists(bounds, max_size=6))
    removed = tuple(Removed(Span("a", s, e), "promo") for s, e in cuts)
    title = draw(st.none() | bounds)
    title_span = None if title is None else Span("a", *title)
    return Article("a", "Wire", None, text, title_span=title_span, removed=removed)


@given(cleaned_articles())
def test_kept_removed_and_title_spans_cover_the_text_without_overlap(art: Article) -> None:
    kept = art.kept_spans()
    cuts = [r.span for r in art.removed] + ([art.title_span] if art.title_span else [])
    for s in kept:
        assert 0 <= s.start < s.end <= len(art.text)
        assert s.article_id == "a"
    assert all(a.end <= b.start for a, b in itertools.pairwise(kept))  # in order, disjoint
    for pos in range(len(art.text)):
        in_kept = sum(s.start <= pos < s.end for s in kept)
        in_cut = any(c.start <= pos < c.end for c in cuts)
        assert in_kept + in_cut == 1, pos  # every character kept once, or cut


# --- Fact, Entity, Event ----------------------------------------------------------------


def test_a_fact_is_disputed_by_a_conflict_or_a_superseded_value_not_by_naming() -> None:
    support = (Span("a", 0, 1), Span("b", 0, 1))

    def fact(*relations: VariantRelation) -> Fact:
        variants = tuple(Variant(f"v{i}", ("a",), r) for i, r in enumerate(relations))
        return Fact("f", "text", "shared", support, variants)

    assert not fact().disputed
    assert not fact("naming", "naming").disputed
    assert fact("naming", "conflict").disputed
    assert fact("superseded").disputed


def test_article_ids_follow_the_order_of_first_mention() -> None:
    mentions = (Span("b", 5, 8), Span("a", 0, 3), Span("b", 0, 3), Span("c", 1, 2))
    assert Entity("e1", "Kim", "PERSON", mentions=mentions).article_ids == ("b", "a", "c")
    assert Fact("f", "t", "consensus", mentions).article_ids == ("b", "a", "c")
    assert Event(When.on(D(2023, 9, 12)), "t", mentions).article_ids == ("b", "a", "c")
    assert Entity("e2", "Putin", "PERSON").article_ids == ()
