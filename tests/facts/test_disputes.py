"""disputes: differing numbers, durations, dates, venues and negations across aligned reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from newsweave.facts.disputes import _disputed, _incompatible, _values, find_disputes
from newsweave.facts.stated import StatedDetail
from newsweave.facts.statements import split_statements
from newsweave.model import (
    Alignment,
    Annotation,
    Article,
    Dating,
    Detail,
    Fact,
    Span,
    Variant,
    When,
)
from newsweave.nlp.annotate import annotate

if TYPE_CHECKING:
    from spacy.language import Language

    from conftest import Disputed


def _variants(facts: tuple[Fact, ...], detail: str) -> list[Variant]:
    return [v for f in facts for v in f.variants if v.detail == detail]


TOLL = {
    "a": "Four people were killed when the Marlow footbridge collapsed into the river on "
    "Tuesday evening, police said. The bridge will stay closed for two weeks.",
    "b": "Three people died when the Marlow footbridge fell into the river on Tuesday "
    "evening, according to police. The bridge will remain shut for at least a month.",
    "c": "At least three people were killed as the Marlow footbridge collapsed into the river "
    "on Tuesday evening. Engineers said the crossing would stay closed for three weeks.",
}


def test_death_toll_and_closure_disagree(disputed: Disputed) -> None:
    facts = disputed(TOLL)
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


def test_compatible_numbers_are_not_a_dispute(disputed: Disputed) -> None:
    facts = disputed(
        {
            "a": "At least 12 people were injured in the fire at the Dunmore warehouse on Friday.",
            "b": "Fourteen people were injured in the fire at the Dunmore warehouse on Friday.",
            "c": "The fire at the Dunmore warehouse on Friday injured 14 people, officials said.",
        },
    )
    assert not _variants(facts, "number")


def test_venue_dispute_and_superseded_expectation(disputed: Disputed) -> None:
    texts = {
        "a": "The two ministers are expected to meet in Lisbon next week, officials said.",
        "b": "The foreign ministers met at the Belem Palace in Marseille on Thursday for talks.",
        "c": "The ministers held talks in Marseille on Thursday, their first meeting this year.",
    }
    facts = disputed(texts, {"a": "2025-03-01", "b": "2025-03-07", "c": "2025-03-07"})
    venues = _variants(facts, "place")
    print("venue variants:", [(v.value, v.article_ids, v.relation) for v in venues])
    lisbon = [v for v in venues if v.value == "Lisbon"]
    assert lisbon
    assert lisbon[0].relation == "superseded"
    assert lisbon[0].hedged
    assert any("Marseille" in v.value for v in venues)


def test_negated_main_verb_conflicts(disputed: Disputed) -> None:
    facts = disputed(
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


# --- the rules on invented details --------------------------------------------------


def _detail(
    detail: Detail, about: str, key: str, article: str, low: float = 0.0, high: float = 0.0
) -> StatedDetail:
    return StatedDetail(detail, about, key, key, Span(article, 0, 1), low, high)


def test_values_are_incompatible_when_they_cannot_both_be_true() -> None:
    def killed(n: float, high: float | None = None) -> StatedDetail:
        return _detail("number", "people:killed", f"{n:g}", "a", n, n if high is None else high)

    assert _incompatible(killed(4), killed(3))
    assert not _incompatible(killed(4), killed(3, float("inf")))  # "at least three"
    # dates on the calendar compare as stretches; unplaced ones by their words
    fifteenth = dt.date(2025, 10, 15).toordinal()
    day = _detail("date", "weekday:hold", "2025-10-15", "a", fifteenth, fifteenth)
    stretch = _detail("date", "weekday:hold", "2025-10", "b", fifteenth, fifteenth + 16)
    assert not _incompatible(day, stretch)
    assert _incompatible(
        _detail("date", "weekday:hold", "monday", "a"),
        _detail("date", "weekday:hold", "sunday", "b"),
    )
    # a place named inside another's name, or said to be in it, is the same place
    city = _detail("place", "venue", "vladivostok", "a")
    port = _detail("place", "venue", "port of vladivostok", "b")
    palace = _detail("place", "venue", "belem palace", "c")
    assert not _incompatible(city, port)
    assert _incompatible(palace, _detail("place", "venue", "marseille", "a"))
    assert not _incompatible(
        palace, _detail("place", "venue", "marseille", "a"), {"belem palace": {"marseille"}}
    )
    negated = _detail("negation", "survive", "neg", "a")
    assert _incompatible(negated, _detail("negation", "survive", "pos", "b"))


def test_a_town_a_happening_was_only_near_never_contradicts_another() -> None:
    def town(name: str, article: str, exact: bool) -> StatedDetail:
        flag = 1.0 if exact else 0.0
        return StatedDetail(
            "place", "happened", name, name.lower(), Span(article, 0, 1), flag, flag
        )

    assert _incompatible(town("Nairobi", "a", True), town("Mombasa", "b", True))
    assert not _incompatible(town("Nairobi", "a", True), town("Mombasa", "b", False))
    assert not _incompatible(town("Nairobi", "a", False), town("Mombasa", "b", False))
    assert not _incompatible(town("Nairobi", "a", True), town("Nairobi", "b", True))


def test_disagreeing_values_group_into_disputes_in_the_order_found() -> None:
    sa, sb, sc = Span("a", 0, 10), Span("b", 0, 10), Span("c", 0, 10)
    ta, tb = Span("a", 20, 30), Span("b", 20, 30)
    four = _detail("number", "people:killed", "4", "a", 4, 4)
    three = _detail("number", "people:killed", "3", "b", 3, 3)
    at_least_three = _detail("number", "people:killed", "3", "c", 3, float("inf"))
    monday = _detail("date", "weekday:hold", "monday", "a")
    sunday = _detail("date", "weekday:hold", "sunday", "b")
    facts = [
        Fact("f-1", "toll", "consensus", (sa, sb, sc)),
        Fact("f-2", "day", "shared", (ta, tb)),
    ]
    details = {sa: [four], sb: [three], sc: [at_least_three], ta: [monday], tb: [sunday]}
    # "at least three" clashes with neither but stands with them, being in the same fact
    toll, day = [three, four, at_least_three], [sunday, monday]
    assert _disputed(facts, [(0, 0), (1, 1)], details, {}) == [toll, day]
    assert _disputed(facts, [(1, 1), (0, 0)], details, {}) == [day, toll]
    # values from one article are never compared: it is speaking of two things
    one_article = [Fact("f-3", "toll", "shared", (sa, Span("a", 40, 50)))]
    details[Span("a", 40, 50)] = [three]
    assert _disputed(one_article, [(0, 0)], details, {}) == []


def _dated(aid: str, published: str | None = None, dating: When | None = None) -> Annotation:
    day = dt.date.fromisoformat(published) if published else None
    article = Article(aid, aid, None, "", published=day)
    if dating is not None:
        article = replace(article, dating=Dating(dating, True, "test"))
    return Annotation(article, (), ())


def test_an_earlier_hedged_value_is_superseded() -> None:
    lisbon = _detail("place", "venue", "lisbon", "a")
    marseille = _detail("place", "venue", "marseille", "b")
    statement_of = {lisbon: Span("a", 0, 9), marseille: Span("b", 0, 9)}
    hedged = {Span("a", 0, 9): True, Span("b", 0, 9): False}

    def relations(a: Annotation) -> list[tuple[str, str, bool]]:
        by_id = {"a": a, "b": _dated("b", "2025-03-07")}
        found = _values([lisbon, marseille], statement_of, hedged, by_id)
        return [(v.value, v.relation, v.hedged) for v in found]

    superseded = [("lisbon", "superseded", True), ("marseille", "conflict", False)]
    assert relations(_dated("a", "2025-03-01")) == superseded
    # known only to a month, but a month before the other report: still earlier
    february = When(dt.date(2025, 2, 1), dt.date(2025, 2, 28), "month")
    assert relations(_dated("a", dating=february)) == superseded
    # known to a stretch that reaches past the other report: not surely earlier
    late = When(dt.date(2025, 2, 20), dt.date(2025, 3, 10), "month")
    assert relations(_dated("a", dating=late))[0] == ("lisbon", "conflict", True)
    # the other report known only to March may have been written before 5 March
    march = When(dt.date(2025, 3, 1), dt.date(2025, 3, 31), "month")
    by_id = {"a": _dated("a", "2025-03-05"), "b": _dated("b", dating=march)}
    found = _values([lisbon, marseille], statement_of, hedged, by_id)
    assert found[0].relation == "conflict"
    # written the same day, or on an unknown day: nothing says it was an expectation outgrown
    assert relations(_dated("a", "2025-03-07"))[0] == ("lisbon", "conflict", True)
    assert relations(_dated("a"))[0] == ("lisbon", "conflict", True)


def _aligned(
    texts: dict[str, str], nlp: Language, facts: list[tuple[str, ...]], related: bool
) -> tuple[Fact, ...]:
    """``find_disputes`` over an alignment given by hand: each fact lists statements as
    "<article><n>" (the n-th statement of that article); ``related`` links facts 0 and 1."""
    articles = [Article(k, k, None, t) for k, t in texts.items()]
    annotations = annotate(articles, nlp=nlp)
    statements = {
        f"{a.article.id}{n}": s for a in annotations for n, s in enumerate(split_statements(a))
    }
    made = tuple(
        Fact(
            f"f-{i}",
            "",
            "single" if len(names) < 2 else "shared",
            tuple(statements[n].span for n in names),
        )
        for i, names in enumerate(facts)
    )
    alignment = Alignment(made, tuple(statements.values()), ((0, 1, 0.5),) if related else ())
    return find_disputes(alignment, annotations)


def test_negation_differs_within_a_fact_and_of_one_subject_across_facts(nlp: Language) -> None:
    texts = {"a": "The captain survived the fire.", "b": "The captain did not survive the fire."}
    one = _aligned(texts, nlp, [("a0", "b0")], related=False)
    assert {v.value for v in _variants(one, "negation")} == {"survived", "not survive"}
    # in two facts too: the same verb said of the same captain and fire, both ways
    two = _aligned(texts, nlp, [("a0",), ("b0",)], related=True)
    assert {v.value for v in _variants(two, "negation")} == {"survived", "not survive"}
    # but "did not visit X" is its own fact beside "visited Y"
    texts = {"a": "The minister visited Khasan.", "b": "The minister did not visit Vladivostok."}
    apart = _aligned(texts, nlp, [("a0",), ("b0",)], related=True)
    assert _variants(apart, "negation") == []


def test_figures_compare_across_the_story_whatever_facts_hold_them(nlp: Language) -> None:
    # A toll is one figure of the story: two outlets giving it differently disagree even
    # where alignment put their sentences in unrelated facts.
    texts = {
        "a": "Four people were killed in the crash.",
        "b": "Three people were killed in the crash.",
    }
    for related in (True, False):
        facts = _aligned(texts, nlp, [("a0",), ("b0",)], related=related)
        assert {v.value for v in _variants(facts, "number")} == {"Four", "Three"}


def test_an_article_giving_both_values_is_left_out_of_the_dispute(nlp: Language) -> None:
    texts = {
        "a": "Four people were killed in the crash. Three people were killed in the crash.",
        "b": "Three people were killed in the crash.",
    }
    # article a gives both values, from no named source, for one day: it speaks of two
    # things and which is which cannot be told, so b is disputed by nobody
    for groups in ([("a0", "b0")], [("a0", "b0"), ("a1", "b0")]):
        assert _variants(_aligned(texts, nlp, groups, related=False), "number") == []
    texts["c"] = "Four people were killed in the crash."
    facts = _aligned(texts, nlp, [("a0", "b0", "c0")], related=False)
    assert {v.value for v in _variants(facts, "number")} == {"Four", "Three"}


def test_undated_reports_of_a_revised_figure_conflict_without_days(disputed: Disputed) -> None:
    # No article has a date: nothing can be ordered in time, and nothing breaks.
    facts = disputed(
        {
            "a": "The death toll rose from 261 to 288 on the island.",
            "b": "Officials said 275 people have died on the island.",
        }
    )
    numbers = _variants(facts, "number")
    print([(v.value, v.relation, v.as_of) for v in numbers])
    relation = {v.value: v.relation for v in numbers}
    assert relation == {"261": "superseded", "288": "conflict", "275": "conflict"}
    assert all(v.as_of is None for v in numbers)


def test_the_day_of_the_happening_is_compared_across_the_story(nlp: Language) -> None:
    # Two reports of one Friday, in sentences alignment need not put side by side.
    texts = {
        "a": "The ferry Aurora capsized off Port Ennis on Wednesday. Rescuers searched all night.",
        "b": "Divers returned to the harbour at dawn. The Aurora sank on Thursday, the coastguard "
        "said.",
    }
    facts = _dated_brief(nlp, texts, {"a": "2025-10-17", "b": "2025-10-17"})
    dates = _variants(facts, "date")
    assert sorted(v.article_ids for v in dates) == [("a",), ("b",)]


def test_the_time_of_the_happening_is_compared_across_the_story(nlp: Language) -> None:
    texts = {
        "a": "The overpass collapsed at 22:25 local time on Monday, officials said.",
        "b": "Crews worked through the night. The overpass collapsed at 10:00 p.m. on Monday.",
        "c": "The overpass collapsed about 10:30 p.m. on Monday as a train passed.",
    }
    facts = _dated_brief(nlp, texts, dict.fromkeys(texts, "2025-10-14"))
    times = sorted((v.value, v.article_ids) for v in _variants(facts, "time"))
    assert ("22:25", ("a",)) in times
    assert ("10:00 p.m.", ("b",)) in times


def test_the_town_of_the_happening_is_compared_across_the_story(nlp: Language) -> None:
    texts = {
        "a": "All 40 people on board died when the plane crashed in Nairobi on Sunday.",
        "b": "Investigators reached the site at dawn. The jet crashed in Mombasa, officials "
        "said. It was the second loss after the Oct. 29 crash in Jakarta.",
        "c": "Rescuers searched all night. The jet went down near Nakuru, police said.",
    }
    facts = _dated_brief(nlp, texts, dict.fromkeys(texts, "2025-10-17"))
    towns = [v for v in _variants(facts, "place") if v.about == "happened"]
    # "near Nakuru" may be right beside either; Jakarta is another crash's town
    shown = {(v.value, v.article_ids) for v in towns}
    assert {("Mombasa", ("b",)), ("Nairobi", ("a",))} <= shown
    assert not any(v.value == "Jakarta" for v in towns)
