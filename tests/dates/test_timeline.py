"""timeline: dated events across outlets, on hand-built data, invented stories, our own
stories and the seeds."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
import pytest

from newsweave.dates.calendar import resolve_times
from newsweave.dates.expressions import parse_time
from newsweave.dates.timeline import _clause_text, average_linkage, build_timeline
from newsweave.model import (
    Alignment,
    Annotation,
    Article,
    Dating,
    Span,
    Statement,
    TimeMention,
    Token,
    When,
)
from newsweave.nlp.parse import ParseIndex
from newsweave.pipeline import brief_articles
from newsweave.settings import Settings
from newsweave.text.clean import clean_article

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.model import Briefing

SETTINGS = Settings(today="2026-12-02")


def _story(nlp: Language, texts: dict[str, str], day: dt.date) -> Briefing:
    articles = [
        clean_article(Article(key, key, None, text, published=day)) for key, text in texts.items()
    ]
    return brief_articles(articles, SETTINGS, nlp=nlp)


def test_one_event_from_two_outlets_is_one_row(nlp: Language) -> None:
    day = dt.date(2025, 6, 11)  # a Wednesday
    b = _story(
        nlp,
        {
            "a": "Talks end\n\nThe two leaders met alone for four hours on Tuesday in Kessan. "
            "Farmers protested outside the hotel. The next round of talks will be held in "
            "October.",
            "b": "Leaders meet\n\nThe prime minister and the president met alone for nearly "
            "four hours on Tuesday, aides said. The crossing, shut in 2021, will reopen soon.",
        },
        day,
    )
    rows = {(e.when.label, tuple(sorted(e.article_ids)), e.expected) for e in b.timeline}
    print(rows)
    assert ("2025-06-10", ("a", "b"), False) in rows
    assert ("2025-10", ("a",), True) in rows  # still to come: an expectation
    assert ("2021", ("b",), False) in rows
    whens = [e.when.earliest for e in b.timeline]
    assert whens == sorted(whens)
    for event in b.timeline:
        assert event.support
        assert event.dates
        for span in (*event.support, *event.dates):
            article = next(a for a in b.articles if a.id == span.article_id)
            assert 0 <= span.start < span.end <= len(article.text)


def test_a_statement_with_two_dates_makes_two_rows(nlp: Language) -> None:
    b = _story(
        nlp,
        {"a": "Bridge falls\n\nThe bridge, which opened in 1971, was last inspected in 2019."},
        dt.date(2025, 10, 15),
    )
    texts = {e.when.label: e.text for e in b.timeline}
    print(texts)
    assert set(texts) == {"1971", "2019"}
    assert "inspected" in texts["2019"]
    assert "1971" not in texts["2019"]


def test_durations_and_repeated_times_date_nothing(nlp: Language) -> None:
    b = _story(
        nlp,
        {"a": "War\n\nAfter 18 months of war, the army fires thousands of shells each week."},
        dt.date(2023, 9, 12),
    )
    assert b.timeline == ()
    kinds = {t.text: t.kind for t in b.dates}
    assert kinds == {"18 months": "duration", "each week": "recurring"}


@pytest.mark.parametrize(
    ("sims", "threshold", "clusters"),
    [
        # 0-1 merge at 0.9; {0, 1} to 2 averages 0.4: a strong link does not chain 2 in
        ([[1, 0.9, 0], [0.9, 1, 0.8], [0, 0.8, 1]], 0.5, [[0, 1], [2]]),
        # a negative cosine pulls the mean down: {1, 2} to 0 averages (-0.3 + 0.6) / 2
        ([[1, -0.3, 0.6], [-0.3, 1, 0.7], [0.6, 0.7, 1]], 0.45, [[0], [1, 2]]),
        ([[1, -0.3, 0.6], [-0.3, 1, 0.7], [0.6, 0.7, 1]], 0.1, [[0, 1, 2]]),
        # a mean just at the threshold merges
        ([[1, 0.45], [0.45, 1]], 0.45, [[0, 1]]),
        # two quotes each reported twice (similarity forced to 1.0): a tie, either order
        # gives the same rows, numbered by their first member
        ([[1, 0, 1, 0], [0, 1, 0, 1], [1, 0, 1, 0], [0, 1, 0, 1]], 0.45, [[0, 2], [1, 3]]),
        # three copies of one sentence tie on every pair, and one cosine rounds past 1
        (
            [[1, 1 + 1e-12, 1, 0.2], [1 + 1e-12, 1, 1, 0.2], [1, 1, 1, 0.2], [0.2, 0.2, 0.2, 1]],
            0.45,
            [[0, 1, 2], [3]],
        ),
        ([[1.0]], 0.45, [[0]]),
        (np.zeros((0, 0)), 0.45, []),
    ],
)
def test_average_linkage_merges_while_the_mean_similarity_holds(
    sims: list[list[float]], threshold: float, clusters: list[list[int]]
) -> None:
    assert average_linkage(np.array(sims, dtype=np.float64), threshold) == clusters


def test_a_dates_clause_keeps_to_its_statement() -> None:
    # "Ferries resumed on Monday after repairs in May, officials said on Tuesday, again": the
    # statement ends at "May"; "again" hangs on "resumed" too, but lies outside it.
    words = [
        ("Ferries", "ferry", "NOUN", "nsubj", 1),
        ("resumed", "resume", "VERB", "ccomp", 10),
        ("on", "on", "ADP", "prep", 1),
        ("Monday", "Monday", "PROPN", "pobj", 2),
        ("after", "after", "ADP", "prep", 1),
        ("repairs", "repair", "NOUN", "pobj", 4),
        ("in", "in", "ADP", "prep", 5),
        ("May", "May", "PROPN", "pobj", 6),
        (",", ",", "PUNCT", "punct", 10),
        ("officials", "official", "NOUN", "nsubj", 10),
        ("said", "say", "VERB", "ROOT", 10),
        ("on", "on", "ADP", "prep", 10),
        ("Tuesday", "Tuesday", "PROPN", "pobj", 11),
        ("again", "again", "ADV", "advmod", 1),
    ]
    text = " ".join(w for w, *_ in words)
    tokens, pos = [], 0
    for word, lemma, part, dep, head in words:
        tokens.append(Token(pos, pos + len(word), lemma, part, dep, head, 0))
        pos += len(word) + 1
    parse = ParseIndex(Annotation(Article("a", "Wire", None, text), (), (), tuple(tokens)))

    def span(word: str) -> Span:
        return Span("a", text.index(word), text.index(word) + len(word))

    statement = Span("a", 0, span("May").end)
    clause = _clause_text(parse, statement, span("Monday"))
    assert clause == "Ferries resumed on Monday after repairs in May"
    # a date on the saying dates what was said, not a clause of its own
    assert _clause_text(parse, Span("a", 0, len(text)), span("Tuesday")) is None


def test_rows_come_in_date_order_a_coarser_date_first() -> None:
    sentences = [
        "The dam was finished on 1 January 2023.",
        "The dam cost more than planned in 2023.",
        "The dam was filled on Monday, officials said.",
    ]
    text = " ".join(sentences)
    # written some day of September 2023: "on Monday" is known to the month, not the day it
    # names, so it dates no row
    month = Dating(When(dt.date(2023, 9, 1), dt.date(2023, 9, 30), "month"), True, "story")
    article = Article("a", "Wire", None, text, dating=month)
    spans, mentions = [], []
    for sentence, written in zip(sentences, ("1 January 2023", "2023", "Monday"), strict=True):
        start = text.index(sentence)
        spans.append(Span("a", start, start + len(sentence)))
        at = text.index(written, start)
        form = parse_time(written)
        mentions.append(TimeMention(Span("a", at, at + len(written)), written, form, "past", 0))
    annotations = [Annotation(article, (), ())]
    times = resolve_times(annotations, [mentions])
    alignment = Alignment((), tuple(Statement(s, k) for k, s in enumerate(spans)))
    rows = build_timeline(
        annotations, [mentions], times, alignment, encode=lambda texts: np.eye(len(texts))
    )
    assert [(e.when.label, e.text) for e in rows] == [
        ("2023", sentences[1]),
        ("2023-01-01", sentences[0]),
    ]
