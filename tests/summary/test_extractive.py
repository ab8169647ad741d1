"""The cited summary: length, citations, words from the evidence, consensus coverage."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from newsweave.model import Article, Briefing, Event, Fact, Span, Story, Variant, When
from newsweave.nlp.annotate import annotate
from newsweave.summary.extractive import AIM_WORDS, MAX_WORDS, summarize
from newsweave.summary.wording import word_count

if TYPE_CHECKING:
    from spacy.language import Language

WORD = re.compile(r"[^\W_][\w'’-]*")


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def test_the_seed_summary_is_cited_sized_and_worded_from_its_evidence(
    seed_briefing: Briefing,
) -> None:
    summary = seed_briefing.summary
    texts = {a.id: a.text for a in seed_briefing.articles}
    # The seeds have facts enough to fill the summary to about its aim, never past the limit.
    assert 0.8 * AIM_WORDS <= word_count(summary) <= MAX_WORDS
    for s in summary:
        assert s.article_ids, s.text
        assert s.evidence, s.text
        for span in s.evidence:
            assert span.article_id in texts
            assert 0 <= span.start < span.end <= len(texts[span.article_id])
        if s.text.startswith("Outlets differ on "):
            continue
        # Every word of an extracted sentence stands in the sentence it was taken from.
        source = texts[s.evidence[0].article_id][s.evidence[0].start : s.evidence[0].end]
        assert _words(s.text) <= _words(source), s.text
        assert s.evidence[0].article_id in s.article_ids


def _annotated(briefing: Briefing, nlp: Language) -> Briefing:
    """``briefing`` with its articles' sentences, as the pipeline gives them."""
    found = annotate(briefing.articles, nlp=nlp)
    return replace(briefing, sentences=tuple(s for a in found for s in a.sentences))


def _story(nlp: Language) -> Briefing:
    text = (
        "The Vessmark ferry Merrow Star caught fire on Monday with 412 people aboard. "
        "All 412 passengers were taken off safely by lifeboat crews from Skarra. "
        "The ferry company said the blaze began in the engine room. "
        "A cafe owner on the quay served tea to the passengers while they waited."
    )
    other = text.replace("412 people", "400 people").replace("All 412", "All 400")
    arts = (
        Article("a", "Wire", "Ferry fire", text),
        Article("b", "Post", "Ferry blaze", text),
        Article("c", "Herald", "Fire on ferry", other),
    )

    def spans(fragment: str, ids: str) -> tuple[Span, ...]:
        out = []
        for a in arts:
            if a.id in ids and fragment in a.text:
                k = a.text.index(fragment)
                out.append(Span(a.id, k, k + len(fragment)))
        return tuple(out)

    facts = (
        Fact("f1", "The ferry caught fire", "consensus", spans("The Vessmark ferry", "abc")),
        Fact(
            "f2",
            "Passengers taken off",
            "consensus",
            spans("All 4", "abc"),
            (
                Variant("412", ("a", "b"), evidence=spans("All 412", "ab")),
                Variant("400", ("c",), evidence=spans("All 400", "c")),
            ),
        ),
        Fact("f3", "Blaze in engine room", "shared", spans("The ferry company", "ab")),
        Fact("f4", "Cafe served tea", "single", spans("A cafe owner", "a")),
    )
    return _annotated(Briefing(Story("s", "Ferry fire", ("a", "b", "c")), arts, facts=facts), nlp)


def test_consensus_comes_first_then_disputes_and_single_outlets_only_to_fill(nlp: Language) -> None:
    briefing = _story(nlp)
    full = summarize(briefing, min_words=1)
    texts = [s.text for s in full]
    assert texts[0].startswith("The Vessmark ferry Merrow Star caught fire")
    assert "Outlets differ on number: 412 (Post, Wire); 400 (Herald)." in texts
    assert texts[-1].startswith("Outlets differ")  # disputes close the summary
    assert not any(t.startswith("A cafe owner") for t in texts)  # long enough already
    longer = summarize(briefing, min_words=200)
    assert any(s.text.startswith("A cafe owner") for s in longer)
    tight = summarize(briefing, max_words=15)
    assert word_count(tight) <= 15


def test_a_dispute_keeps_its_room_when_the_consensus_would_fill_the_budget(
    nlp: Language,
) -> None:
    briefing = _story(nlp)
    # Two consensus sentences alone would take 24 words; the dispute's 9 are held back.
    texts = [s.text for s in summarize(briefing, max_words=24)]
    assert texts[-1] == "Outlets differ on number: 412 (Post, Wire); 400 (Herald)."
    assert word_count(summarize(briefing, max_words=24)) <= 24


def test_the_story_comes_first_in_timeline_order_and_its_background_after(
    nlp: Language,
) -> None:
    text = (
        "The Skarra dam was finished in 1968 and holds the valley's water supply. "
        "Engineers found a crack in the Skarra dam wall on Monday during an inspection. "
        "The valley towns were evacuated on Tuesday as the crack in the dam widened."
    )
    day = dt.date(2031, 3, 4)
    arts = tuple(
        Article(i, s, "Dam crack", text, published=day) for i, s in (("a", "Wire"), ("b", "Post"))
    )

    def both(fragment: str) -> tuple[Span, ...]:
        k = text.index(fragment)
        return (Span("a", k, k + len(fragment)), Span("b", k, k + len(fragment)))

    facts = tuple(
        Fact(f"f{n}", fragment, "shared", both(fragment))
        for n, fragment in enumerate(("The valley towns", "Engineers found", "The Skarra dam"))
    )

    def on(date: dt.date, fragment: str) -> Event:
        return Event(When(date, date, "day"), fragment, both(fragment)[:1])

    timeline = (
        on(dt.date(1968, 1, 1), "The Skarra dam"),
        on(dt.date(2031, 3, 3), "Engineers found"),
        on(day, "The valley towns"),
    )
    briefing = Briefing(Story("s", "Dam crack", ("a", "b")), arts, facts=facts, timeline=timeline)
    briefing = _annotated(briefing, nlp)
    texts = [s.text.split()[:2] for s in summarize(briefing, min_words=1)]
    assert texts == [["Engineers", "found"], ["The", "valley"], ["The", "Skarra"]]


def test_only_whole_sentences_are_taken(nlp: Language) -> None:
    text = (
        "Nine people were hurt when the Skarra ferry ran aground on Monday.Crews worked late. "
        "The crew was led by Capt. Lena Holm and Sgt.\n"
        "Officials said the hull (which was built in 1990 was not damaged.\n"
        "The ferry will be towed to the Vessmark yard on Friday for repairs."
    )
    arts = tuple(Article(i, s, "Ferry", text) for i, s in (("a", "Wire"), ("b", "Post")))
    facts = tuple(
        Fact(f"f{k}", t, "shared", (Span("a", s, s + 10), Span("b", s, s + 10)))
        for k, t in enumerate(("Nine people", "The crew", "Officials", "The ferry"))
        for s in [text.index(t)]
    )
    briefing = _annotated(Briefing(Story("s", "Ferry", ("a", "b")), arts, facts=facts), nlp)
    texts = [s.text for s in summarize(briefing, min_words=1)]
    # Annotation splits the glued "Monday.Crews" into two sentences, so the first is whole;
    # the sentence cut after "Sgt." and the one with an open bracket are never taken.
    assert texts == [
        "Nine people were hurt when the Skarra ferry ran aground on Monday.",
        "The ferry will be towed to the Vessmark yard on Friday for repairs.",
    ]


def test_without_annotated_sentences_a_fact_is_quoted_as_its_span() -> None:
    text = "A quake hit Vessmark on Monday, officials said. Nine people died."
    arts = tuple(Article(i, s, "Quake", text) for i, s in (("a", "Wire"), ("b", "Post")))
    facts = (Fact("f1", "A quake hit", "shared", (Span("a", 0, 11), Span("b", 0, 11))),)
    briefing = Briefing(Story("s", "Quake", ("a", "b")), arts, facts=facts)
    # "A quake hit" is no whole sentence, and a hand-made briefing has no sentences to widen
    # it to: nothing is quoted rather than a regex's guess at the sentence.
    assert summarize(briefing, min_words=1) == ()


def test_a_sentence_cites_only_outlets_whose_evidence_holds_its_numbers(nlp: Language) -> None:
    first = summarize(_story(nlp), min_words=1)[0]
    assert first.text.startswith("The Vessmark ferry Merrow Star caught fire")
    # the Herald's sentence says 400 people aboard, not 412: it is not cited for this one
    assert first.article_ids == ("a", "b")
    assert {e.article_id for e in first.evidence} == {"a", "b"}


def test_one_summary_states_one_value_of_a_disputed_figure(nlp: Language) -> None:
    briefing = _story(nlp)
    plain = [s.text for s in summarize(briefing, min_words=400) if s.origin != "dispute"]
    assert not (any("All 412" in t for t in plain) and any("All 400" in t for t in plain))
    # a figure later reports replaced is never stated plainly
    replaced = tuple(
        replace(f, variants=(replace(f.variants[0], relation="superseded"), f.variants[1]))
        if f.id == "f2"
        else f
        for f in briefing.facts
    )
    texts = [s.text for s in summarize(replace(briefing, facts=replaced), min_words=400)]
    assert not any("All 412" in t for t in texts if not t.startswith(("Outlets", "Reports")))
