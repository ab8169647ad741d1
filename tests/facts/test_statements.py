"""statements: sentences split into clause-sized statements, and which ones are hedged."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsweave.facts.statements import _trimmed_span, split_statements
from newsweave.model import Article
from newsweave.nlp.annotate import annotate

if TYPE_CHECKING:
    from spacy.language import Language

    from conftest import Parsed


def _statements(parsed: Parsed, text: str) -> list[str]:
    annotation, parse = parsed(text)
    return [s.span.text(annotation.article) for s in split_statements(annotation, parse)]


def test_a_long_sentence_splits_into_its_clauses(nlp: Language) -> None:
    text = (
        "Ms Varga arrived on the night train at Calder Junction station on Monday morning, "
        "where she met the regional transport commissioner. Officials said the talks would "
        "last two days."
    )
    (annotation,) = annotate([Article("a", "Outlet a", None, text)], nlp=nlp)
    statements = split_statements(annotation)
    texts = [s.span.text(annotation.article) for s in statements]
    print(texts)
    assert texts[0].startswith("Ms Varga arrived")
    assert texts[0].endswith("Monday morning")
    assert texts[1] == "where she met the regional transport commissioner."
    assert [s.hedged for s in statements] == [False, False, True]


def test_statements_stay_inside_their_sentence_and_skip_headlines(nlp: Language) -> None:
    text = "Bridge falls in Port Calder\n\nThe bridge fell. Two people were hurt, police said."
    article = Article("a", "x", "Bridge falls in Port Calder", text)
    from newsweave.text.clean import clean_article

    (annotation,) = annotate([clean_article(article)], nlp=nlp)
    statements = split_statements(annotation)
    assert [s.span.text(annotation.article) for s in statements] == [
        "The bridge fell.",
        "Two people were hurt, police said.",
    ]


ARRIVED = "The minister arrived in Calder by train on Monday morning"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a non-restrictive relative clause after a comma states something of its own
        (
            f"{ARRIVED}, where he met the regional transport commissioner.",
            [ARRIVED, "where he met the regional transport commissioner."],
        ),
        # a coordinated main clause with its own subject; the joint ", and" is dropped
        (
            f"{ARRIVED}, and police closed the road to the station.",
            [ARRIVED, "police closed the road to the station."],
        ),
        # a contrasting adverbial clause ("while", "although", …) with its own subject
        (
            f"{ARRIVED}, while protesters gathered outside the station.",
            [ARRIVED, "while protesters gathered outside the station."],
        ),
    ],
    ids=["relative", "coordinated", "contrast"],
)
def test_clauses_with_their_own_subject_are_statements(
    parsed: Parsed, text: str, expected: list[str]
) -> None:
    assert _statements(parsed, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a second verb sharing the first one's subject
        f"{ARRIVED} and met the regional transport commissioner.",
        # a restrictive relative clause (no comma) tells which man, it states nothing apart
        "The minister greeted the man who had driven the train from Calder on Monday morning.",
        # "because" gives a reason, not a second thing that happened
        f"{ARRIVED}, because protesters blocked the road.",
        # too short a sentence to hold two statements
        "The minister left Calder and the police closed the road.",
        # a clause that ends before the sentence does describes, it does not add
        "The old regional transport minister, who met the commissioner on Monday, said the "
        "talks went well.",
        # a split would leave fewer than five words on one side
        "The minister arrived, and police closed the road to the old station.",
        # a clause saying only who said it belongs with what was said
        "The flight had an unstable vertical speed after takeoff, according to Reuters, "
        "which cited the flight tracking website Flightradar24.",
    ],
    ids=["shared-subject", "restrictive", "because", "short", "inside", "few-words", "source"],
)
def test_sentences_that_stay_whole(parsed: Parsed, text: str) -> None:
    assert _statements(parsed, text) == [text]


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("The two leaders could meet in Geneva next month.", True),  # a modal
        ("The bridge will stay closed for two weeks.", True),  # "will" is a modal too
        ("The two leaders are expected to meet in Geneva next month.", True),  # a hedge word
        ("The two leaders met in Geneva last month.", False),
    ],
)
def test_expectations_are_hedged(parsed: Parsed, text: str, hedged: bool) -> None:
    annotation, parse = parsed(text)
    (statement,) = split_statements(annotation, parse)
    assert statement.hedged is hedged


def test_the_joint_between_two_clauses_belongs_to_neither(parsed: Parsed) -> None:
    text = "The minister left Calder, and police closed the road."
    annotation, parse = parsed(text)
    comma = parse.token_at(text.index(","))
    assert comma is not None
    end = len(annotation.tokens)
    first = _trimmed_span(parse, 0, comma + 2)  # "…Calder, and"
    second = _trimmed_span(parse, comma, end)  # ", and police…"
    assert first is not None
    assert second is not None
    assert first.text(annotation.article) == "The minister left Calder"
    assert second.text(annotation.article) == "police closed the road."
    assert _trimmed_span(parse, comma, comma + 2) is None  # a joint alone is no statement
