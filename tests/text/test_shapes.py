"""The shape of a line: the split the cleaner reads, prose, paragraphs and headlines."""

from __future__ import annotations

import pytest

from newsweave.text.shapes import (
    Line,
    fold,
    headline_shaped,
    is_listed_headline,
    is_paragraph,
    is_prose,
    norm,
    split_lines,
)


def line(text: str) -> Line:
    (only,) = split_lines(text)
    return only


def test_split_lines_gives_offsets_words_and_blocks() -> None:
    text = "  Dam opens\r\n\r\nThe dam opened.\nIt rained.\n"
    lines = split_lines(text)
    assert [(text[x.start : x.end], x.text, x.words, x.block) for x in lines] == [
        ("  Dam opens", "Dam opens", 2, 0),  # the end stops before "\r"
        ("The dam opened.", "The dam opened.", 3, 1),
        ("It rained.", "It rained.", 2, 1),  # no blank line between: the same block
    ]
    assert split_lines(" \n\n\t") == []


def test_is_prose_two_sentences_or_many_words() -> None:
    assert is_prose(line("The dam opened. Water rose by 2 m."))
    assert is_prose(line(" ".join(["word"] * 25)))
    assert not is_prose(line("The dam opened."))
    assert not is_prose(line("U.S. Army Opens the Dam"))


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        ("Kim Orders War Drills", True),
        ("“Kim orders war drills", True),
        ("2,000 evacuated as river rises", True),
        ("Kim ordered war drills.", False),  # a finished sentence
        ("kim orders war drills", False),
        ("Kim arrives. He meets Putin", False),  # two sentences
    ],
)
def test_headline_shaped(text: str, shaped: bool) -> None:
    assert headline_shaped(text, 25) is shaped


def test_headline_shaped_counts_words() -> None:
    assert headline_shaped("Kim Orders War Drills", 4)
    assert not headline_shaped("Kim Orders War Drills", 3)


def test_listed_headlines_need_a_label_for_bullets_and_short_items() -> None:
    assert is_listed_headline(line("Farmers Count Losses After Hail"))
    assert not is_listed_headline(line("• Farmers Count Losses After Hail"))
    assert is_listed_headline(line("• Farmers Count Losses After Hail"), labelled=True)
    assert not is_listed_headline(line("Velmark"))
    assert is_listed_headline(line("Velmark"), labelled=True)
    assert not is_listed_headline(line("“Is this the end of it?”"))  # a quote paragraph
    assert not is_listed_headline(line("“We will rebuild,” Mara Quinn says"))


def test_norm_folds_case_and_spaces() -> None:
    assert norm("Dam  Opens\xa0Now") == "dam opens now"
    assert norm("Dam Opens") == "dam opens"


def test_fold_drops_case_and_accents() -> None:
    assert fold("Köln") == fold("KOLN") == "koln"


def test_a_paragraph_is_a_sentence_of_some_length_not_a_headline() -> None:
    assert is_paragraph(line("The council voted on Friday to close the old bridge."))
    assert not is_paragraph(line("Council votes to close the old bridge for repairs"))
    assert not is_paragraph(line("The bridge closed."))
