"""Tests for newsweave.text.datelines: the place, date and agency opening the body."""

from __future__ import annotations

import pytest

from newsweave.model import Article
from newsweave.text.clean import clean_article
from newsweave.text.datelines import dateline_length


def _marked(text: str) -> list[tuple[str, str]]:
    article = clean_article(Article("a", "s", None, text))
    return [(r.span.text(article), r.reason) for r in article.removed]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("WASHINGTON (AP) — The Senate passed the bill.", "WASHINGTON (AP) — "),
        ("KESSAN, Corvania, June 11 (CNW) - It rained.", "KESSAN, Corvania, June 11 (CNW) - "),
        ("LONDON - Shares fell.", "LONDON - "),  # five capitals stand without a date or agency
        ("UK - the talks went on.", ""),  # too short to be a place on its own
        ("NATO allies met in Brussels on Tuesday.", ""),
        ("US officials said on Monday - briefly - that", ""),
        ("(Reuters) - Leaders of the Group of 20 met.", "(Reuters) - "),  # the agency alone
        ("(Newser) – Flash floods killed 14.", "(Newser) – "),
    ],
)
def test_dateline_length(text: str, dateline: str) -> None:
    assert text[: dateline_length(text)] == dateline


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "ROME (Example News / Wire Agency - 3rd May, 2019) Officials met on Friday.",
            "ROME (Example News / Wire Agency - 3rd May, 2019) ",
        ),
        ("PARIS (AFP) Officials met on Friday.", "PARIS (AFP) "),
        ("PARIS (there were many) Officials met on Friday.", ""),  # no agency, no year
    ],
)
def test_a_bracketed_agency_needs_no_dash(text: str, dateline: str) -> None:
    assert text[: dateline_length(text)] == dateline


def test_sentences_that_merely_start_in_capitals_are_not_datelines() -> None:
    for first in (
        "US officials said on Monday - briefly - that the talks had stalled.",
        "NATO allies met in Brussels on Tuesday to discuss the war in Ukraine.",
    ):
        article = clean_article(Article("a", "s", None, f"Headline\n\n{first}"))
        assert [r.reason for r in article.removed] == []


def test_a_dateline_further_down_a_furnished_page_is_found() -> None:
    text = (
        "Storm kills six on the coast\n\nBy Associated Press\nPublished 4 years ago on\n"
        "August 21, 2020\n\nShare\n\n"
        "SANTA CRUZ — Wildfires that took at least six lives blazed throughout the state "
        "on Friday as firefighting resources strained.\n\nMore fires broke out overnight."
    )
    article = clean_article(Article("a", "GV Wire", None, text))
    assert ("SANTA CRUZ —", "dateline") in [
        (r.span.text(article), r.reason) for r in article.removed
    ]


@pytest.mark.parametrize(
    ("first", "dateline"),
    [
        (
            "KESSAN, Corvania, June 11 (CNW) - Corvania and Ludmark signed nine agreements.",
            "KESSAN, Corvania, June 11 (CNW) -",
        ),
        (
            "WASHINGTON (AP) — The Senate passed the bill late on Tuesday after a long debate.",
            "WASHINGTON (AP) —",
        ),
        (
            "LONDON, 12 September 2023 – Shares fell sharply in early trading on Tuesday morning.",
            "LONDON, 12 September 2023 –",
        ),
        ("PORT ENNIS, Tollan, June 3 (Coastline) -", "PORT ENNIS, Tollan, June 3 (Coastline) -"),
    ],
)
def test_a_dateline_is_marked_and_the_sentence_after_it_kept(first: str, dateline: str) -> None:
    text = f"Headline of the story\n\n{first}\n\nThe next paragraph says more about it."
    article = clean_article(Article("a", "s", None, text))
    marked = [(r.span.text(article), r.reason) for r in article.removed]
    assert marked == [(dateline, "dateline")]
    assert article.title == "Headline of the story"


def test_a_place_in_title_case_is_a_dateline_only_when_the_gazetteer_knows_it() -> None:
    body = "The council voted on Friday to close the old bridge for repairs over the summer."
    assert _marked(f"Bridge to close\n\nLyon - {body}") == [("Lyon -", "dateline")]
    assert _marked(f"Bridge to close\n\nHealth Minister - {body}") == []


def test_a_city_alone_above_a_paragraph_is_a_tickers_dateline_and_a_country_is_not() -> None:
    post = "The minister spoke for an hour. She took questions on the budget and on the strike."
    other = "Talks on the grain corridor went on. Both sides said they expected a deal soon."
    text = f"Live: the budget debate\n\nHamburg\n\n{post}\n\nUkraine\n\n{other}"
    assert _marked(text) == [("Hamburg", "dateline")]
