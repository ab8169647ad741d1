"""mentions: temporal expressions found in spaCy's spans, with the tense of their clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsweave.dates.mentions import find_time_mentions
from newsweave.model import Annotation, Article, Mention, Span, Token
from newsweave.nlp.annotate import annotate

if TYPE_CHECKING:
    from spacy.language import Language


def _mentions(nlp: Language, text: str):
    (annotation,) = annotate([Article("a", "Wire", None, text)], nlp=nlp)
    return annotation, find_time_mentions(annotation)


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("The two leaders met on Wednesday in the capital.", "past"),
        ("The two leaders could meet on Wednesday in the capital.", "future"),
        ("The two leaders will meet on Wednesday in the capital.", "future"),
        ("The summit is expected to open on Wednesday in the capital.", "future"),
        ("He spoke of the visit ahead of expected talks on Wednesday.", "future"),
        ("The forum, which runs through till Wednesday, drew crowds.", "present"),
        ("The minister is due on the island on Wednesday.", "future"),
        ("Officials have confirmed the agreement on Wednesday.", "past"),
        ("He said the attack could have been planned on Wednesday.", "past"),
        ("The ferry was towed into port on Wednesday morning.", "past"),
    ],
)
def test_the_clause_gives_a_date_its_tense(nlp: Language, sentence: str, tense: str) -> None:
    _, (mention,) = _mentions(nlp, sentence)
    print(sentence, "→", mention.text, mention.tense, mention.governor)
    assert mention.text.startswith("Wednesday")
    assert mention.tense == tense


def test_adjacent_date_spans_join_into_one_expression(nlp: Language) -> None:
    _, mentions = _mentions(
        nlp, "Free ferries will run from 15-31 October, the city council said on Tuesday."
    )
    texts = [m.text for m in mentions]
    assert "15-31 October" in texts
    assert all(m.span.start < m.span.end for m in mentions)


# A parse written by hand: (word, lemma, part of speech, dependency, head, Penn tag).
Parsed = list[tuple[str, str, str, str, int, str]]


def _hand_parsed(words: Parsed, date: str) -> Annotation:
    """One sentence with the parse given, and ``date`` (one of its words) as a DATE span."""
    text = " ".join(w for w, *_ in words)
    tokens, pos = [], 0
    for word, lemma, part, dep, head, tag in words:
        tokens.append(Token(pos, pos + len(word), lemma, part, dep, head, 0, tag))
        pos += len(word) + 1
    start = text.index(date)
    value = Mention(Span("a", start, start + len(date)), date, "DATE", 0)
    return Annotation(Article("a", "Wire", None, text), (), (), tuple(tokens), (value,))


MET: Parsed = [
    ("Kim", "Kim", "PROPN", "nsubj", 1, "NNP"),
    ("met", "meet", "VERB", "ROOT", 1, "VBD"),
    ("Putin", "Putin", "PROPN", "dobj", 1, "NNP"),
    ("on", "on", "ADP", "prep", 1, "IN"),
    ("Wednesday", "Wednesday", "PROPN", "pobj", 3, "NNP"),
]


@pytest.mark.parametrize(
    ("words", "tense", "governor"),
    [
        (MET, "past", "meet"),
        # "could meet": a modal looks ahead
        (
            [
                ("Kim", "Kim", "PROPN", "nsubj", 2, "NNP"),
                ("could", "could", "AUX", "aux", 2, "MD"),
                ("meet", "meet", "VERB", "ROOT", 2, "VB"),
                ("Putin", "Putin", "PROPN", "dobj", 2, "NNP"),
                ("on", "on", "ADP", "prep", 2, "IN"),
                ("Wednesday", "Wednesday", "PROPN", "pobj", 4, "NNP"),
            ],
            "future",
            "meet",
        ),
        # "is expected to open": the verb takes the tense of the expectation it hangs on
        (
            [
                ("Talks", "talk", "NOUN", "nsubjpass", 2, "NNS"),
                ("are", "be", "AUX", "auxpass", 2, "VBP"),
                ("expected", "expect", "VERB", "ROOT", 2, "VBN"),
                ("to", "to", "PART", "aux", 4, "TO"),
                ("open", "open", "VERB", "xcomp", 2, "VB"),
                ("on", "on", "ADP", "prep", 4, "IN"),
                ("Wednesday", "Wednesday", "PROPN", "pobj", 5, "NNP"),
            ],
            "future",
            "open",
        ),
        # no verb above the date: nothing tells its tense
        (
            [
                ("Talks", "talk", "NOUN", "ROOT", 0, "NNS"),
                ("on", "on", "ADP", "prep", 0, "IN"),
                ("Wednesday", "Wednesday", "PROPN", "pobj", 1, "NNP"),
            ],
            "unknown",
            "",
        ),
    ],
)
def test_tense_and_governor_read_off_a_hand_built_parse(
    words: Parsed, tense: str, governor: str
) -> None:
    (mention,) = find_time_mentions(_hand_parsed(words, "Wednesday"))
    assert (mention.text, mention.tense, mention.governor) == ("Wednesday", tense, governor)


def test_an_article_without_a_parse_gives_its_dates_no_tense() -> None:
    annotation = _hand_parsed(MET, "Wednesday")
    bare = Annotation(annotation.article, (), (), (), annotation.values)
    (mention,) = find_time_mentions(bare)
    assert (mention.tense, mention.governor) == ("unknown", "")
