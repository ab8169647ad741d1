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


def test_a_byline_run_into_the_dateline_goes_with_it() -> None:
    body = "Port Ennis shares rose on their first day of trading, the exchange said."
    assert _marked(f"Shares rise\n\nBy Jo ROE PORT ENNIS (AFP) - {body}") == [
        ("By Jo ROE PORT ENNIS (AFP) -", "dateline")
    ]


def test_once_the_body_is_under_way_only_a_full_dateline_counts() -> None:
    lead = "The council met for six hours. It voted to close the bridge for the summer.\n\n"
    more = "Residents were told on Tuesday. Some said they would fight the plan in court.\n\n"
    full = "LYON, France – The council in Lyon met on Tuesday to discuss the bridge."
    label = "METHODOLOGY - This poll was conducted by telephone among 1,006 adults."
    assert ("LYON, France –", "dateline") in _marked(f"Bridge shut\n\n{lead}{more}{full}")
    assert _marked(f"Bridge shut\n\n{lead}{more}{label}") == []


def test_a_live_pages_update_stamp_opens_its_post() -> None:
    post = "Update 9:45 a.m. ET: The minister said the talks would resume on Friday."
    text = f"Live: the talks\n\nThe talks went on all night in the capital.\n\n{post}"
    assert ("Update 9:45 a.m. ET:", "timestamp") in _marked(text)


@pytest.mark.parametrize(
    "first",
    [
        "OPEC (founded in 1960) Secretary General Ana Ruiz said demand would keep rising.",
        "Victoria — Australia's second most populous state — reported 12 new cases on Monday.",
        "Georgia - President Ana Ruiz said on Sunday she would not recognise the result.",
        "AMD, Nvidia — and to a lesser extent Intel — have all raised prices this year.",
    ],
)
def test_body_openings_that_look_like_datelines_are_kept(first: str) -> None:
    text = f"Ordinary headline about the news today\n\n{first}\n\nA second paragraph. It goes on."
    assert _marked(text) == []


def test_an_indented_dateline_and_stamp_are_marked_where_they_stand() -> None:
    body = "The council met on Tuesday to discuss the bridge and its repairs."
    text = (
        f"Bridge shut for the summer\n\n   LYON, France – {body}\n\n  Update 9:45 a.m. ET: {body}"
    )
    assert ("LYON, France –", "dateline") in _marked(text)
    assert ("Update 9:45 a.m. ET:", "timestamp") in _marked(text)
