"""claims: what each figure measures, its hedge, its time and whether it is background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsweave.facts.claims import (
    UNKNOWN,
    Claim,
    agree,
    comparable,
    may_be_same,
    same_thing,
)
from newsweave.facts.stated import StatedDetail
from newsweave.model import Span

if TYPE_CHECKING:
    from conftest import Claimed


def test_a_part_of_the_injured_is_never_the_whole(claimed: Claimed) -> None:
    (claim,) = claimed("Officials said that 29 of the injured were in serious condition.")
    assert claim.measure == "people:seriously injured"
    (total,) = claimed("Officials said 151 people were injured.")
    assert not comparable(claim, total)


def test_hedges_make_ranges(claimed: Claimed) -> None:
    (at_least,) = claimed("At least 78 people died in the fire.")
    (exact,) = claimed("The fire killed 79 people.")
    (other,) = claimed("The fire killed 75 people.")
    assert comparable(at_least, exact)
    assert agree(at_least, exact)
    assert not agree(exact, other)
    assert agree(at_least, exact)
    assert not agree(at_least, other)


def test_an_earlier_happening_is_background(claimed: Claimed) -> None:
    text = (
        "In August 1995, 358 people were killed when two trains collided near Firozabad. "
        "This week's crash killed 288 people."
    )
    claims = claimed(text, "2023-06-04")
    background = {c.detail.value: c.background for c in claims if c.measure == "people:killed"}
    print(background)
    assert background["358"] is True
    assert background["288"] is False


def test_a_replaced_figure_holds_before_its_replacement(claimed: Claimed) -> None:
    claims = claimed("The death toll rose from 261 to 288 on Saturday.", "2023-06-04")
    days = {c.detail.value: c.day for c in claims}
    print(days)
    assert days["261"] is not None
    assert days["288"] is not None
    assert days["261"] < days["288"]


def test_who_says_it(claimed: Claimed) -> None:
    (claim,) = claimed("Police said 14 people were injured.")
    assert claim.source == "police"


def _claim(measure: str, low: float, high: float, background: bool = False) -> Claim:
    d = StatedDetail("number", measure, f"{low:g}", f"{low:g}", Span("a", 0, 2), low, high)
    return Claim(d, measure, Span("a", 0, 9), 1.0, background)


def test_what_compares_with_what() -> None:
    dead = _claim("people:killed", 27, 27)
    women = _claim("woman:killed", 5, 5)
    bare = _claim("people:", 50, 50)
    aboard = _claim("people:aboard", 34, 34)
    countries = _claim("country:aboard", 33, 33)
    other_countries = _claim("country:", 35, 35)
    assert comparable(dead, _claim("migrant:killed".replace("migrant", "people"), 31, 31))
    assert not comparable(dead, women)
    assert comparable(dead, women, loose=True)  # kept apart when they differ, never disputed
    assert not comparable(dead, _claim("people:killed", 9, 9, background=True))
    assert same_thing(countries, other_countries)
    assert not same_thing(bare, aboard)  # what a bare count counts is unknown
    assert may_be_same(bare, aboard)
    assert not may_be_same(dead, _claim("people:injured", 27, 27))


def test_the_day_of_the_happening_is_one_slot(claimed: Claimed) -> None:
    def days(text: str) -> list[str]:
        return [
            c.detail.value
            for c in claimed(text, "2021-11-25", every=True)
            if c.measure == "date:happened"
        ]

    # whichever word says it took place: capsized, the incident, a toll that died
    assert days("The dinghy capsized on Wednesday afternoon.") == ["Wednesday"]
    assert days("The incident, which happened on Wednesday, shocked Calais.") == ["Wednesday"]
    assert days("At least 27 people died on Wednesday off Calais.") == ["Wednesday"]
    # one person's death on another day is not the happening's day
    assert days("A teenage survivor died in hospital on Friday.") == []


def test_a_sentence_saying_it_is_not_known(claimed: Claimed) -> None:
    def unknown(text: str) -> bool:
        return any(c.measure == UNKNOWN for c in claimed(text, every=True))

    assert unknown("It is unclear why UN staff were on the plane.")
    assert unknown("We have no idea whether the certificate was issued.")
    assert unknown("It was not known how many people were on board.")
    assert not unknown("UN staff were on the plane to attend a conference.")
    assert not unknown("The cause is unclear.")  # no question left open: a claim of its own
