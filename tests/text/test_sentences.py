"""Sentences of text that never went through spaCy, such as an LLM's reply."""

from __future__ import annotations

from newsweave.text.sentences import split_sentences


def test_abbreviations_and_initials_end_no_sentence() -> None:
    assert split_sentences("Mr. Kim met Sgt. Holm in the U.S. on Sept. 12. They talked.") == [
        "Mr. Kim met Sgt. Holm in the U.S. on Sept. 12.",
        "They talked.",
    ]
    assert split_sentences("A report by J. Lind was out. It said so!") == [
        "A report by J. Lind was out.",
        "It said so!",
    ]


def test_closing_quotes_stay_with_their_sentence_and_the_last_may_lack_an_end() -> None:
    assert split_sentences("“We are safe.” The crew left") == ["“We are safe.”", "The crew left"]
    assert split_sentences("   ") == []
