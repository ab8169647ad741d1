"""marks: the stretches of text between quotation marks, block by block."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.model import Article, Quote
from newsweave.pipeline import brief_articles
from newsweave.quotes.marks import marks_in


def _quoted(text: str) -> list[str]:
    return [text[m.start : m.end] for m in marks_in(text, 0, len(text), is_title=False)]


def test_curly_straight_and_guillemet_marks() -> None:
    assert _quoted('He said “we will” and «nous aussi» and "they too".') == [
        "we will",
        "nous aussi",
        "they too",
    ]


def test_two_apostrophes_are_a_double_quote() -> None:
    # ''Met the minister,'' she said: wire copy that writes a double quote so
    assert _quoted("''Met the minister this morning,'' she said. ''Good talks.” Then more.") == [
        "Met the minister this morning,",
        "Good talks.",
    ]
    assert _quoted("The rock''n''roll years and a 2'' pipe.") == []


def test_apostrophes_and_inch_signs_are_not_marks() -> None:
    # ’ in "Kim’s" closes nothing; an unpaired straight mark mid-paragraph is an inch sign
    assert _quoted('Kim’s ‘grand plan’ was a 12" pipe.') == ["grand plan"]


def test_unclosed_quote_runs_to_the_end_of_its_block() -> None:
    # “Nobody wins a long strike. [no closing mark]
    (mark,) = marks_in("“Nobody wins a long strike.", 0, 27, is_title=False)
    assert mark.close_at is None
    assert mark.end == 27


def test_a_second_opening_mark_leaves_the_first_unclosed() -> None:
    # “… “… — a new opening mark before any close: the first quote is unclosed
    text = "“We wait. “Still nothing,” he said."
    marks = marks_in(text, 0, len(text), is_title=False)
    assert [m.close_at is None for m in marks] == [True]
    assert text[marks[0].start : marks[0].end] == "We wait. “Still nothing,” he said."


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .,\n“”‘’\"'«»„—:"), max_size=120))
def test_quote_marks_never_leave_the_text(text: str) -> None:
    previous = 0
    for mark in marks_in(text, 0, len(text), is_title=False):
        assert previous <= mark.open_at < mark.start < mark.end <= len(text)
        assert text[mark.start : mark.end] == text[mark.start : mark.end].strip()
        if mark.close_at is not None:
            assert mark.end <= mark.close_at < len(text)
        previous = mark.start


def test_mixed_straight_and_curly_marks(nlp) -> None:
    text = (
        "School reopens\n\n"
        '"We met the staff this morning,” said principal Dana Whitlock. “Counsellors are '
        'on hand."\n\nThe sign read "Closed", and a "quiet" week followed.\n'
    )
    quotes = brief_articles([Article("t0", "outlet0", None, text)], nlp=nlp).quotes

    def one(start: str) -> Quote:
        hits = [q for q in quotes if q.text.startswith(start)]
        assert len(hits) == 1, [q.text for q in quotes]
        return hits[0]

    first = one("We met the staff")
    assert first.text == "We met the staff this morning,"
    assert first.speaker is not None
    assert first.speaker.name == "Dana Whitlock"
    assert one("Counsellors are").text == "Counsellors are on hand."
    assert one("quiet").kind == "partial"


def test_unclosed_doubled_apostrophes_are_no_quotes() -> None:
    # every '' opens and none closes: nothing is quoted, and each opening looks only as far
    # as the next '' (hostile input stays linear; bench/ measures the time)
    text = " ''a" * 8000
    assert _quoted(text) == []


def test_a_straight_mark_that_opens_before_any_close_leaves_the_first_unclosed() -> None:
    # 'He said "we will and "they too".': the second mark opens; the first never closed
    assert _quoted('He said "we will and "they too" today.') == ["they too"]
    assert _quoted(' "a' * 8000) == []  # every mark opens, none closes: linear, not quadratic


def test_a_straight_quote_opening_after_a_sentence_may_run_on() -> None:
    # 'It has its quirks. "I think …' unclosed at the paragraph's end: a quote running on,
    # not an inch sign ('a 12" pipe')
    text = 'Hask knows the port. "I think the cranes will move by Friday.'
    assert _quoted(text) == ["I think the cranes will move by Friday."]
    assert _quoted('They laid a 12" pipe. Then they left.') == []
