"""The sentences annotation found, looked up by article and offset."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsweave.model import Sentence, Span
from newsweave.nlp.sentences import SentenceIndex


def _index() -> SentenceIndex:
    return SentenceIndex(
        [
            Sentence(Span("a", 0, 9), 0, is_title=True),
            Sentence(Span("a", 30, 52), 1),
            Sentence(Span("a", 11, 28), 0),
            Sentence(Span("b", 0, 5), 0),
        ]
    )


def test_body_sentences_are_in_order_without_the_headline() -> None:
    index = _index()
    assert [s.start for s in index.body("a")] == [11, 30]
    assert index.body("missing") == []


def test_around_finds_the_sentence_holding_a_span() -> None:
    index = _index()
    assert index.around(Span("a", 15, 20)) == Span("a", 11, 28)
    assert index.around(Span("a", 30, 31)) == Span("a", 30, 52)
    # between sentences, in the headline, or in an article without sentences: the span itself
    assert index.around(Span("a", 28, 29)) == Span("a", 28, 29)
    assert index.around(Span("a", 2, 4)) == Span("a", 2, 4)
    assert index.around(Span("c", 2, 4)) == Span("c", 2, 4)
    # a span that runs past its sentence keeps its end
    assert index.around(Span("a", 20, 35)) == Span("a", 11, 35)


@given(
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)), max_size=8),
    st.integers(0, 240),
    st.integers(0, 40),
)
def test_around_always_holds_its_span(
    pieces: list[tuple[int, int]], start: int, length: int
) -> None:
    sentences, at = [], 0
    for gap, size in pieces:
        sentences.append(Sentence(Span("a", at + gap, at + gap + size), 0))
        at += gap + size
    found = SentenceIndex(sentences).around(Span("a", start, start + length))
    assert found.start <= start
    assert start + length <= found.end
