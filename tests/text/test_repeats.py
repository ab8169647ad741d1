"""repeats: the short lines a source repeats across its articles are its furniture."""

from __future__ import annotations

from newsweave.model import Article
from newsweave.text.clean import clean_article
from newsweave.text.repeats import mark_site_repeats

BODY = "The council met on Tuesday. It voted to close the old bridge for the summer."


def _page(aid: str, source: str, headline: str, extra: str) -> Article:
    return clean_article(Article(aid, source, None, f"{headline}\n\n{extra}\n\n{BODY}"))


def _repeated(article: Article) -> list[str]:
    return [r.span.text(article) for r in article.removed if r.reason == "repeated"]


def test_a_short_line_two_pages_of_one_site_share_is_removed() -> None:
    a = _page(
        "a", "Daily Planet", "Council votes to close the old bridge", "The Planet Weekly Digest"
    )
    b = _page(
        "b", "Daily Planet", "Bridge closure approved by the council", "The Planet Weekly Digest"
    )
    assert [_repeated(x) for x in mark_site_repeats([a, b])] == [
        ["The Planet Weekly Digest"],
        ["The Planet Weekly Digest"],
    ]


def test_other_sites_sentences_and_headlines_are_kept() -> None:
    a = _page(
        "a", "Daily Planet", "Council votes to close the old bridge", "The Planet Weekly Digest"
    )
    b = _page(
        "b", "Harbour Post", "Council votes to close the old bridge", "The Planet Weekly Digest"
    )
    c = _page(
        "c",
        "Daily Planet",
        "Council votes to close the old bridge",
        "The bridge will close on Friday.",
    )
    d = _page(
        "d",
        "Daily Planet",
        "Council votes to close the old bridge",
        "The bridge will close on Friday.",
    )
    # another source's line, a repeated sentence (two updates of one story) and the
    # headline itself all stay
    assert all(_repeated(x) == [] for x in mark_site_repeats([a, b]))
    assert all(_repeated(x) == [] for x in mark_site_repeats([c, d]))


def test_one_page_alone_is_left_as_it_is() -> None:
    a = _page(
        "a", "Daily Planet", "Council votes to close the old bridge", "The Planet Weekly Digest"
    )
    assert mark_site_repeats([a]) == [a]
