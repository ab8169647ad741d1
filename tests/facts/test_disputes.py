"""conflicts: differing numbers, durations, venues, titles and negations across aligned reports."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from newsweave.entities import resolve_entities
from newsweave.facts.align import align_facts
from newsweave.facts.disputes import _interval, find_disputes
from newsweave.model import Article, Fact, Variant
from newsweave.nlp.annotate import annotate

if TYPE_CHECKING:
    from spacy.language import Language


def _brief(
    nlp: Language, texts: dict[str, str], dates: dict[str, str] | None = None
) -> tuple[Fact, ...]:
    dates = dates or {}
    articles = [
        Article(
            key,
            f"Outlet {key.upper()}",
            None,
            text,
            published=dt.date.fromisoformat(dates[key]) if key in dates else None,
        )
        for key, text in texts.items()
    ]
    annotations = annotate(articles, nlp=nlp)
    entities = resolve_entities(annotations)
    return find_disputes(align_facts(annotations, entities), annotations, entities)


def _variants(facts: tuple[Fact, ...], detail: str) -> list[Variant]:
    return [v for f in facts for v in f.variants if v.detail == detail]


def test_qualifiers_make_intervals() -> None:
    assert _interval("at least 12", 12) == (12, float("inf"))
    assert _interval("more than five", 5) == (5, float("inf"))
    assert _interval("up to 40", 40) == (0, 40)
    assert _interval("14", 14) == (14, 14)


TOLL = {
    "a": "Four people were killed when the Marlow footbridge collapsed into the river on "
    "Tuesday evening, police said. The bridge will stay closed for two weeks.",
    "b": "Three people died when the Marlow footbridge fell into the river on Tuesday "
    "evening, according to police. The bridge will remain shut for at least a month.",
    "c": "At least three people were killed as the Marlow footbridge collapsed into the river "
    "on Tuesday evening. Engineers said the crossing would stay closed for three weeks.",
}


def test_death_toll_and_closure_disagree(nlp: Language) -> None:
    facts = _brief(nlp, TOLL)
    numbers = _variants(facts, "number")
    values = {v.value: set(v.article_ids) for v in numbers}
    print("number variants:", values)
    # 4 vs 3 killed is a conflict; "at least three" agrees with both and sides with neither.
    assert any("Four" in v or "four" in v for v in values)
    assert any(v.lower().startswith("three") for v in values)
    # two weeks vs at least a month: the closure differs too.
    assert any("two weeks" in v for v in values)
    assert all(v.relation == "conflict" for v in numbers)
    for v in numbers:
        for span in v.evidence:
            assert TOLL[span.article_id][span.start : span.end] == v.value


def test_compatible_numbers_are_not_a_dispute(nlp: Language) -> None:
    facts = _brief(
        nlp,
        {
            "a": "At least 12 people were injured in the fire at the Dunmore warehouse on Friday.",
            "b": "Fourteen people were injured in the fire at the Dunmore warehouse on Friday.",
            "c": "The fire at the Dunmore warehouse on Friday injured 14 people, officials said.",
        },
    )
    assert not _variants(facts, "number")


def test_venue_dispute_and_superseded_expectation(nlp: Language) -> None:
    texts = {
        "a": "The two ministers are expected to meet in Lisbon next week, officials said.",
        "b": "The foreign ministers met at the Belem Palace in Marseille on Thursday for talks.",
        "c": "The ministers held talks in Marseille on Thursday, their first meeting this year.",
    }
    facts = _brief(nlp, texts, {"a": "2025-03-01", "b": "2025-03-07", "c": "2025-03-07"})
    venues = _variants(facts, "place")
    print("venue variants:", [(v.value, v.article_ids, v.relation) for v in venues])
    lisbon = [v for v in venues if v.value == "Lisbon"]
    assert lisbon
    assert lisbon[0].relation == "superseded"
    assert lisbon[0].hedged
    assert any("Marseille" in v.value for v in venues)


def test_two_titles_for_one_post_are_naming(nlp: Language) -> None:
    facts = _brief(
        nlp,
        {
            "a": "Port Alder's transport minister, Rosa Kell, visited the collapsed bridge on "
            "Wednesday and promised an inquiry.",
            "b": "Rosa Kell, the minister for infrastructure, visited the collapsed bridge on "
            "Wednesday and promised a full inquiry.",
        },
    )
    roles = _variants(facts, "role")
    print("roles:", [(v.value, v.relation) for v in roles])
    assert len(roles) == 2
    assert {v.relation for v in roles} == {"naming"}
    assert all(v.about == "Rosa Kell" for v in roles)


def test_negated_main_verb_conflicts(nlp: Language) -> None:
    facts = _brief(
        nlp,
        {
            "a": "The captain of the Northern Star survived the fire and was rescued by a "
            "fishing boat on Sunday.",
            "b": "The captain of the Northern Star did not survive the fire, the coastguard "
            "said on Sunday.",
        },
    )
    negations = _variants(facts, "negation")
    print("negations:", [(v.value, v.article_ids) for v in negations])
    assert {v.value for v in negations} >= {"survived", "not survive"}


def _dated_brief(nlp: Language, texts: dict[str, str], dates: dict[str, str]) -> tuple[Fact, ...]:
    from newsweave.pipeline import brief_articles
    from newsweave.settings import Settings
    from newsweave.text.clean import clean_article

    articles = [
        clean_article(
            Article(k, f"Outlet {k.upper()}", None, t, published=dt.date.fromisoformat(dates[k]))
        )
        for k, t in texts.items()
    ]
    return brief_articles(articles, Settings(today="2026-12-02"), nlp=nlp).facts


def test_dates_compare_as_calendar_days_across_reports_of_different_days(
    nlp: Language,
) -> None:
    # The same weekday word, a week apart: Wednesday 15 and Wednesday 22 October 2025
    texts = {
        "a": "The Harbour Bridge inquiry will hold its first public hearing on Wednesday.",
        "b": "The Harbour Bridge inquiry held its first public hearing on Wednesday.",
    }
    facts = _dated_brief(nlp, texts, {"a": "2025-10-13", "b": "2025-10-23"})
    dates = _variants(facts, "date")
    print("date variants:", [(v.value, v.article_ids, v.relation) for v in dates])
    assert {v.article_ids for v in dates} == {("a",), ("b",)}
    assert next(v for v in dates if v.article_ids == ("a",)).relation == "superseded"
    # Sunday 12 October, told by a Monday and by a Tuesday report: one day, no dispute
    same = _dated_brief(
        nlp,
        {
            "a": "The Harbour Bridge inquiry held its first public hearing on Sunday.",
            "b": "The Harbour Bridge inquiry held its first public hearing on Sunday.",
        },
        {"a": "2025-10-13", "b": "2025-10-14"},
    )
    assert _variants(same, "date") == []
