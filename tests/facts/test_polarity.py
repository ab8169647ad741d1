"""polarity: a predicate one outlet affirms and another denies, of the same noun."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsweave.facts.claims import Claim
from newsweave.facts.polarity import disputed_polarities, polarity_variants
from newsweave.facts.stated import StatedDetail
from newsweave.model import Fact, Span

if TYPE_CHECKING:
    from conftest import Disputed


def _says(article: str, key: str, measure: str = "negation:pregnant:woman") -> Claim:
    value = "pregnant" if key == "pos" else "not pregnant"
    d = StatedDetail("negation", "pregnant", value, key, Span(article, 0, 8))
    return Claim(d, measure, Span(article, 0, 30))


def test_opposite_polarity_of_one_predicate_of_one_noun_is_disputed() -> None:
    (group,) = disputed_polarities([_says("a", "pos"), _says("b", "neg"), _says("c", "neg")])
    variants = polarity_variants(group)
    assert [(v.value, v.article_ids, v.relation) for v in variants] == [
        ("pregnant", ("a",), "conflict"),
        ("not pregnant", ("b", "c"), "conflict"),
    ]


def test_no_dispute_without_a_noun_or_between_different_nouns() -> None:
    assert disputed_polarities([_says("a", "pos", "negation:pregnant:"), _says("b", "neg")]) == []
    other = _says("b", "neg", "negation:pregnant:passenger")
    assert disputed_polarities([_says("a", "pos"), other]) == []


def test_an_article_saying_both_is_left_out() -> None:
    assert disputed_polarities([_says("a", "pos"), _says("a", "neg"), _says("b", "neg")]) == []


def test_unaligned_reports_that_affirm_and_deny_are_found(disputed: Disputed) -> None:
    facts: tuple[Fact, ...] = disputed(
        {
            "a": "Rescuers searched the water through the night. One of the women was "
            "pregnant, the mayor said.",
            "b": "None of the women were pregnant, prosecutors said on Friday after the "
            "autopsies were completed.",
        }
    )
    values = {v.value for f in facts for v in f.variants if v.detail == "negation"}
    print(values)
    assert values == {"pregnant", "not pregnant"}
