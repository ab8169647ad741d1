"""How a summary sentence reads: compression, wholeness, words and content words."""

from __future__ import annotations

from newsweave.summary.wording import compress, content_words, informative, is_whole


def test_compress_drops_attribution_but_keeps_quotations() -> None:
    assert compress("Nine people died in the fire, police in Vessmark said.") == (
        "Nine people died in the fire."
    )
    assert compress("The dam will reopen on Monday, said Tova Lind, the mayor.") == (
        "The dam will reopen on Monday."
    )
    assert compress("But the ferry company denied that the crew had ignored the alarm.") == (
        "The ferry company denied that the crew had ignored the alarm."
    )
    quoted = "“We will rebuild the harbour,” the mayor said."
    assert compress(quoted) == quoted
    short = "Rain fell, he said."
    assert compress(short) == short  # too little would be left


def test_a_whole_sentence_ends_closed_and_not_after_a_title() -> None:
    assert is_whole("The ferry sank.")
    assert is_whole("“We are safe,” she said.")
    assert not is_whole("The crew was led by Capt. Holm and Sgt.")  # cut before a name
    assert not is_whole("The hull (built in 1990 was not damaged.")  # bracket left open
    assert not is_whole("It ran aground on Monday.Crews worked late.")  # glued
    assert not is_whole("The talks went on …")  # an ellipsis ends nothing
    assert not is_whole("the ferry sank")


def test_content_words_keep_negation_and_drop_function_words() -> None:
    assert content_words("The ferry did not sink, officials said.") == {
        "ferry",
        "not",
        "sink",
        "officials",
    }
    assert "could" not in content_words("The talks could resume.")  # a modal says nothing


def test_informative_counts_names_and_numbers_after_the_first_word() -> None:
    assert informative("The Skarra ferry carried 412 people") == 0.3
    assert informative("it rained") == 0.0
