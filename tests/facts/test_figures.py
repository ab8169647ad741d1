"""figures: a story's figures compared whatever facts hold them; updates and conflicts."""

from __future__ import annotations

import datetime as dt

from newsweave.facts.claims import Claim
from newsweave.facts.figures import ambiguous, disputed_figures, figure_variants, join_groups
from newsweave.facts.stated import StatedDetail
from newsweave.model import Span


def _dead(
    article: str, n: float, day: float, *, high: float | None = None, source: str = ""
) -> Claim:
    top = n if high is None else high
    d = StatedDetail("number", "people:killed", f"{n:g}", f"{n:g}", Span(article, 0, 3), n, top)
    return Claim(d, "people:killed", Span(article, 0, 20), day, False, source)


DAY = float(dt.date(2023, 6, 3).toordinal())


def test_a_rising_toll_is_an_update_with_its_latest_figure() -> None:
    claims = [_dead("a", 233, DAY), _dead("b", 261, DAY + 1), _dead("c", 288, DAY + 2)]
    (group,) = disputed_figures(claims)
    variants = figure_variants(group)
    assert [v.value for v in variants] == ["233", "261", "288"]
    assert [v.relation for v in variants] == ["superseded", "superseded", "conflict"]
    assert variants[-1].as_of == dt.date(2023, 6, 5)


def test_figures_given_the_same_day_conflict() -> None:
    (group,) = disputed_figures([_dead("a", 78, DAY), _dead("b", 79, DAY)])
    assert {v.relation for v in figure_variants(group)} == {"conflict"}


def test_hedged_figures_that_agree_are_no_dispute() -> None:
    claims = [_dead("a", 78, DAY, high=float("inf")), _dead("b", 79, DAY)]
    assert disputed_figures(claims) == []


def test_background_and_out_of_scale_figures_are_left_out() -> None:
    old = _dead("a", 358, DAY)
    old = Claim(old.detail, old.measure, old.sentence, old.day, True)
    assert disputed_figures([old, _dead("b", 288, DAY)]) == []
    # "9 killed" beside tolls of 288 counts something else
    (group,) = disputed_figures([_dead("a", 288, DAY), _dead("b", 275, DAY), _dead("c", 9, DAY)])
    assert {c.detail.value for c in group} == {"288", "275"}


def test_an_article_giving_two_figures_is_ambiguous_unless_sources_or_days_differ() -> None:
    same = [_dead("a", 4, DAY), _dead("a", 3, DAY)]
    assert ambiguous(same) == set(same)
    two_sources = [_dead("a", 141, DAY, source="police"), _dead("a", 132, DAY, source="minister")]
    assert ambiguous(two_sources) == set()
    (group,) = disputed_figures(two_sources)  # two sources inside one article disagree
    assert len(group) == 2


def test_join_groups_merges_by_claim_and_measure() -> None:
    a, b, c = _dead("a", 5, DAY), _dead("b", 7, DAY), _dead("c", 9, DAY)
    assert len(join_groups([[a, b]], [(b, c)])) == 1


def test_only_counts_that_change_as_news_comes_in_are_updated() -> None:
    def wide(article: str, n: float, day: float) -> Claim:
        d = StatedDetail("number", "distance", f"{n:g}", f"{n:g}", Span(article, 0, 3), n, n)
        return Claim(d, "distance:wide", Span(article, 0, 20), day)

    (group,) = disputed_figures([wide("a", 4, DAY), wide("b", 3.2, DAY + 2)])
    assert {v.relation for v in figure_variants(group)} == {"conflict"}
