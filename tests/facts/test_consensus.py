"""consensus: an aligned fact keeps only outlets whose claims agree with it."""

from __future__ import annotations

from newsweave.facts.claims import UNKNOWN, Claim
from newsweave.facts.consensus import aligned_clashes, split_disagreeing
from newsweave.facts.stated import StatedDetail
from newsweave.model import Fact, Span


def _says(article: str, measure: str, n: float) -> Claim:
    d = StatedDetail("number", measure, f"{n:g}", f"{n:g}", Span(article, 0, 3), n, n)
    return Claim(d, measure, Span(article, 0, 20), 1.0)


SPANS = {k: Span(k, 0, 20) for k in "abcd"}
ORDER = {k: i for i, k in enumerate("abcd")}


def _split(
    claims: dict[str, list[Claim]], by_article: dict[str, list[Claim]] | None = None
) -> list[Fact]:
    fact = Fact("f", "text", "consensus", tuple(SPANS[k] for k in claims))
    return split_disagreeing(
        [fact],
        {SPANS[k]: cs for k, cs in claims.items()},
        by_article or {},
        ORDER,
        lambda s: f"sentence of {s.article_id}",
    )


def test_outlets_giving_another_figure_form_their_own_fact() -> None:
    facts = _split(
        {
            "a": [_says("a", "people:killed", 288)],
            "b": [_says("b", "people:killed", 275)],
            "c": [_says("c", "people:killed", 288)],
        }
    )
    groups = sorted(f.article_ids for f in facts)
    print(groups)
    assert groups == [("a", "c"), ("b",)]
    assert next(f for f in facts if f.article_ids == ("a", "c")).text == "text"


def test_a_sentence_giving_no_figure_is_agreed_by_outlets_that_differ_on_one() -> None:
    # "The bridge collapsed on Sunday": outlets giving 288 and 275 dead both say that.
    facts = _split(
        {
            "a": [_says("a", "people:killed", 288)],
            "b": [_says("b", "people:killed", 275)],
            "d": [],
        }
    )
    assert [(f.article_ids, f.text) for f in facts] == [(("a", "b", "d"), "sentence of d")]


def test_an_outlet_stating_no_figure_is_kept_unless_its_article_gives_another() -> None:
    claims = {"a": [_says("a", "people:killed", 288)], "b": [], "c": []}
    elsewhere = {
        "b": [_says("b", "people:killed", 288)],
        "c": [_says("c", "people:killed", 275)],
    }
    fact = Fact("f", "text", "consensus", (SPANS["a"], SPANS["b"], SPANS["c"]))
    (kept,) = split_disagreeing(
        [fact],
        {SPANS[k]: cs for k, cs in claims.items()},
        elsewhere,
        ORDER,
        lambda s: f"sentence of {s.article_id}",
        lambda f: SPANS["a"],
    )
    # b and c give no figure in their sentences: either could lead all three
    assert kept.article_ids == ("a", "b", "c")
    claims["b"] = [_says("b", "people:killed", 288)]
    claims["c"] = [_says("c", "people:killed", 275)]
    groups = sorted(f.article_ids for f in _split(claims, elsewhere))
    assert groups == [("a", "b"), ("c",)]


def test_figures_of_different_things_do_not_split_a_fact() -> None:
    facts = _split(
        {
            "a": [_says("a", "people:killed", 9)],
            "b": [_says("b", "people:killed", 9), _says("b", "people:injured", 40)],
        }
    )
    assert [f.article_ids for f in facts] == [("a", "b")]


def test_a_figure_the_fact_states_its_outlets_state_too() -> None:
    # "Nine died" is not corroborated by a sentence that gives no toll at all but its own
    # count of the injured.
    facts = _split({"a": [_says("a", "people:killed", 9)], "b": [_says("b", "people:injured", 40)]})
    assert sorted(f.article_ids for f in facts) == [("a",), ("b",)]


def test_aligned_sentences_that_give_one_thing_differently_clash() -> None:
    fact = Fact("f", "text", "shared", (SPANS["a"], SPANS["b"]))
    a, b = _says("a", "country:", 33), _says("b", "country:", 35)
    assert aligned_clashes([fact], {SPANS["a"]: [a], SPANS["b"]: [b]}) == [(a, b)]


def test_a_sentence_saying_it_is_not_known_never_corroborates_one_that_says_it() -> None:
    d = StatedDetail("negation", "known", "unclear", "unknown", Span("b", 0, 7))
    unknown = Claim(d, UNKNOWN, Span("b", 0, 20))
    facts = _split({"a": [], "b": [unknown], "c": []})
    assert sorted(f.article_ids for f in facts) == [("a", "c"), ("b",)]


def _did(article: str, who: str) -> Claim:
    d = StatedDetail("agent", "seek:mobilisation", who, who.lower(), Span(article, 0, 3))
    return Claim(d, "agent:seek:mobilisation", Span(article, 0, 20))


def test_outlets_naming_two_people_for_one_act_never_back_one_sentence() -> None:
    # "He has sought mobilisation" (d) names no one; "Modi sought" (a) and "Patel, who had
    # sought" (b) cannot both back it, whoever "he" is. "Modi" again (c) can.
    facts = _split({"d": [], "a": [_did("a", "Modi")], "b": [_did("b", "Patel")]})
    assert sorted(f.article_ids for f in facts) == [("a", "d"), ("b",)]
    facts = _split({"a": [_did("a", "Modi")], "c": [_did("c", "Modi")], "d": []})
    assert [f.article_ids for f in facts] == [("a", "c", "d")]
