"""The parse index: tokens by offset, children, subtrees, and the walk up to the root."""

from __future__ import annotations

import pytest

from newsweave.model import Annotation, Article, Sentence, Span, Token
from newsweave.nlp.parse import ParseIndex

# Police said the old bridge closed.\n\nIt reopened.
#   said ─┬─ Police          reopened ─┬─ It
#         ├─ closed ── bridge ─┬─ the  └─ .
#         └─ .                 └─ old
TEXT = "Police said the old bridge closed.\n\nIt reopened."
TOKENS = (
    Token(0, 6, "police", "NOUN", "nsubj", 1, 0, "NNS"),
    Token(7, 11, "say", "VERB", "ROOT", 1, 0, "VBD"),
    Token(12, 15, "the", "DET", "det", 4, 0, "DT"),
    Token(16, 19, "old", "ADJ", "amod", 4, 0, "JJ"),
    Token(20, 26, "bridge", "NOUN", "nsubj", 5, 0, "NN"),
    Token(27, 33, "close", "VERB", "ccomp", 1, 0, "VBD"),
    Token(33, 34, ".", "PUNCT", "punct", 1, 0, "."),
    Token(36, 38, "it", "PRON", "nsubj", 8, 1, "PRP"),
    Token(39, 47, "reopen", "VERB", "ROOT", 8, 1, "VBD"),
    Token(47, 48, ".", "PUNCT", "punct", 8, 1, "."),
)


def _index(text: str = TEXT, tokens: tuple[Token, ...] = TOKENS) -> ParseIndex:
    article = Article("a", "Wire", None, text)
    sentences = (Sentence(Span("a", 0, 34), 0), Sentence(Span("a", 36, 48), 1))
    return ParseIndex(Annotation(article, sentences, (), tokens))


@pytest.fixture
def parse() -> ParseIndex:
    return _index()


@pytest.mark.parametrize(
    ("offset", "token"),
    [
        (0, 0),  # the first character of a token
        (5, 0),  # its last
        (6, None),  # the space after it
        (33, 6),  # a full stop right after a word
        (34, None),  # the blank line between paragraphs
        (47, 9),
        (48, None),  # the end of the text
        (500, None),  # past it
        (-1, None),  # before the first token
    ],
)
def test_token_at(parse: ParseIndex, offset: int, token: int | None) -> None:
    assert parse.token_at(offset) == token


def test_tokens_between_take_the_tokens_that_start_inside(parse: ParseIndex) -> None:
    assert parse.tokens_between(12, 27) == range(2, 5)
    assert parse.tokens_between(13, 27) == range(3, 5)  # "the" starts before 13
    assert parse.tokens_between(0, 500) == range(len(TOKENS))
    assert not parse.tokens_between(34, 36)  # between paragraphs
    assert parse.tokens_in(Span("a", 36, 48)) == range(7, 10)


def test_word_is_the_token_as_written(parse: ParseIndex) -> None:
    assert parse.word(1) == "said"
    assert parse.word(8) == "reopened"


def test_children_with_and_without_within(parse: ParseIndex) -> None:
    assert parse.children(1) == [0, 5, 6]
    assert parse.children(1, within=range(0, 5)) == [0]
    assert parse.children(4) == [2, 3]
    assert parse.children(8) == [7, 9]  # a root is never its own child
    assert parse.children(2) == []


def test_dependents_by_label(parse: ParseIndex) -> None:
    assert parse.dependents(1, "nsubj") == [0]
    assert parse.dependents(1, "ccomp", "punct") == [5, 6]
    assert parse.dependents(1, "dobj") == []


def test_subtree_with_and_without_within(parse: ParseIndex) -> None:
    assert parse.subtree(1) == (0, 6)
    assert parse.subtree(5) == (2, 5)
    assert parse.subtree(2) == (2, 2)
    assert parse.subtree(1, within=range(0, 5)) == (0, 1)  # "closed" lies outside
    assert parse.subtree(5, within=range(4, 6)) == (4, 5)  # "the old" lie outside


def test_paragraph(parse: ParseIndex) -> None:
    assert parse.paragraph(3) == 0
    assert parse.paragraph(8) == 1


def test_up_climbs_from_the_token_to_its_root(parse: ParseIndex) -> None:
    assert list(parse.up(2)) == [2, 4, 5, 1]
    assert list(parse.up(9)) == [9, 8]  # the root of its own sentence


def test_up_yields_at_most_steps_tokens(parse: ParseIndex) -> None:
    assert list(parse.up(2, 2)) == [2, 4]
    assert list(parse.up(2, 1)) == [2]
    assert list(parse.up(2, 0)) == []
    assert list(parse.up(2, 10)) == [2, 4, 5, 1]  # and stops after the root


def test_up_from_a_root_yields_the_root_alone(parse: ParseIndex) -> None:
    assert list(parse.up(1)) == [1]
    assert list(parse.up(1, 5)) == [1]


def test_up_in_a_one_token_parse() -> None:
    word = _index("Yes", (Token(0, 3, "yes", "INTJ", "ROOT", 0, 0, "UH"),))
    assert list(word.up(0)) == [0]
    assert list(word.up(0, 3)) == [0]
    assert word.children(0) == []
    assert word.subtree(0) == (0, 0)
    assert word.token_at(3) is None


def test_up_never_yields_more_tokens_than_the_parse_holds() -> None:
    # a malformed parse whose heads loop: the walk still ends
    loop = _index(TEXT[:11], (TOKENS[0], Token(7, 11, "say", "VERB", "ccomp", 0, 0, "VBD")))
    assert list(loop.up(0)) == [0, 1]
