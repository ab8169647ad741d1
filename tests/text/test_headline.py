"""Tests for newsweave.text.headline: which line of a page is its headline."""

from __future__ import annotations

from newsweave.text.clean import find_boilerplate
from newsweave.text.headline import find_title, slug_words


def _title(text: str, url: str | None = None) -> str | None:
    span = find_title(text, find_boilerplate(text), url)
    return None if span is None else text[span[0] : span[1]]


def test_no_title_when_first_line_is_a_sentence_or_wraps() -> None:
    assert find_title("The mayor resigned on Monday.\nShe gave no reason.", []) is None
    assert find_title("The mayor said on Monday that the city\nwould build a bridge.", []) is None
    assert find_title("Mayor resigns\nShe gave no reason on Monday.", []) == (0, 13)
    assert find_title("", []) is None


def test_title_skips_removed_lines_and_strips_spaces() -> None:
    text = "Menu\n\n  Mayor resigns after audit  \n\nShe gave no reason."
    removed = find_boilerplate(text)
    span = find_title(text, removed)
    assert span is not None
    assert text[span[0] : span[1]] == "Mayor resigns after audit"


def test_title_skips_timestamps_and_section_kickers() -> None:
    text = "Published 12 Sept 2023, 10:45 GMT\nEurope\nFerry strike ends after nine days\nBody."
    span = find_title(text, find_boilerplate(text))
    assert span is not None
    assert text[span[0] : span[1]] == "Ferry strike ends after nine days"


BODY = (
    "The ferry sank off Port Ennis on Tuesday with 40 passengers aboard, the coast guard said. "
    "Rescuers pulled 35 people from the water and searched through the night for the rest."
)


def test_a_first_line_about_nothing_in_the_body_is_not_the_headline() -> None:
    text = f"Support Fearless Reporting Today\n\nFerry sinks off Port Ennis\n\n{BODY}"
    assert _title(text) == "Ferry sinks off Port Ennis"


def test_the_line_the_address_names_is_the_headline() -> None:
    text = f"Our Best Offers Now\n\nMore Stories Below\n\nFerry sinks off Port Ennis\n\n{BODY}"
    url = "https://example.org/news/2021/ferry-sinks-off-port-ennis-88213.html"
    assert _title(text, url) == "Ferry sinks off Port Ennis"


def test_a_headline_about_the_body_stays_whatever_the_address_says() -> None:
    text = f"Ferry sinks with 40 aboard\n\nRescue goes on overnight\n\n{BODY}"
    url = "https://example.org/rescue-goes-on-overnight"
    assert _title(text, url) == "Ferry sinks with 40 aboard"


def test_a_page_that_opens_with_its_body_has_no_headline_even_with_an_address() -> None:
    text = f"{BODY}\n\nFerry sinks off Port Ennis\n\nMore followed."
    assert _title(text, "https://example.org/ferry-sinks-off-port-ennis") is None


def test_an_ordinal_or_a_versus_is_no_sentence_break_in_a_headline() -> None:
    body = "Die Trainer sprachen nach dem Spiel über die Leistungen ihrer Mannschaften in Köln."
    assert _title(f"Die Trainer-Stimmen zum 32. Spieltag\n\n{body}") == (
        "Die Trainer-Stimmen zum 32. Spieltag"
    )
    assert _title(f"Ennis v. Calder: the ferry case goes to court\n\n{BODY}") is not None


def test_slug_words() -> None:
    assert slug_words("https://example.org/world/2021/ferry-sinks-off-port-ennis-7275931.html") == [
        "ferry",
        "sinks",
        "off",
        "port",
        "ennis",
    ]
    assert slug_words("https://example.org/content/575570852.html") == []
    assert slug_words("https://example.org/the-daily-planet/20211125/2814878") == []
    assert slug_words(None) == []
    assert slug_words("http://[::1") == []  # not a URL


def test_a_title_run_into_its_summary_is_found_on_its_own_line() -> None:
    text = (
        "Ferry sinks off Port Ennis Forty passengers were aboard when the ferry went down.\n"
        "Ferry sinks off Port Ennis\n\n" + BODY
    )
    assert _title(text) == "Ferry sinks off Port Ennis"


def test_two_head_lines_ending_alike_end_in_the_headline() -> None:
    text = (
        "News / Coast The ferry sinks off Port Ennis with forty aboard\n"
        "Home Regions News / Harbour The ferry sinks off Port Ennis with forty aboard\n\n" + BODY
    )
    assert _title(text) == "The ferry sinks off Port Ennis with forty aboard"


def test_a_label_above_the_body_that_ends_in_the_headline_stays() -> None:
    from newsweave.model import Article
    from newsweave.text.clean import clean_article

    text = f"Ferry sinks off Port Ennis\n\nAnalysis: Why the ferry sinks off Port Ennis\n\n{BODY}"
    article = clean_article(Article("a", "s", None, text))
    assert article.title == "Ferry sinks off Port Ennis"
    assert article.removed == ()


def test_a_short_headline_above_a_furniture_line_is_still_the_headline() -> None:
    # "Ferry sinks offshore" (3 words) above "The Planet Weekly Digest": the short line was
    # skipped as a section kicker, but only it is about the body
    assert _title(f"Ferry sinks offshore\n\nThe Planet Weekly Digest\n\n{BODY}") == (
        "Ferry sinks offshore"
    )
