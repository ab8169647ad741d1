"""pipeline: the whole slice on real seeds and on our example story."""

from __future__ import annotations

import pytest

from newsweave.model import Article
from newsweave.pipeline import brief_articles

SEED_TITLES = {
    "000": "North Korea’s Kim Jong-un arrives in Russia ahead of arms deal meeting with Putin",
    "001": "Kim Jong Un in Russia ‘For Talks on Arms, Tech and Food’",
    "002": None,  # the report has no headline line: its first line is the lead sentence
    "003": (
        "Kim Jong-un to hold weapons talks with Putin after "
        "‘travelling to Russia in armoured train’"
    ),
    "004": "Kim Jong-un expected to hold weapons talks with Putin at remote Russian space base",
}


@pytest.mark.seeds
def test_seed_titles_and_provenance(seed_briefing) -> None:
    titles = {a.source[:3]: a.title for a in seed_briefing.articles}
    for seed, title in sorted(titles.items()):
        print(f"{seed}: {title!r}")
    assert titles == SEED_TITLES
    assert seed_briefing.rejected == ()
    articles = {a.id: a for a in seed_briefing.articles}
    for entity in seed_briefing.entities:
        for span in entity.mentions:
            article = articles[span.article_id]
            assert span.text(article).strip(), entity.name
            for removed in article.removed:  # nothing comes from removed boilerplate
                assert not (removed.span.start < span.end and span.start < removed.span.end)


def test_example_story(example_briefing) -> None:
    assert len(example_briefing.articles) == 5
    assert example_briefing.story.title in {a.title for a in example_briefing.articles}
    people = {e.name for e in example_briefing.entities if e.type == "PERSON"}
    assert {"Ana Lucia Pereira", "Elena Varga", "Tomas Reyes"} <= people


def test_empty_input_gives_an_empty_briefing(nlp) -> None:
    briefing = brief_articles([], nlp=nlp)
    assert briefing.articles == ()
    assert briefing.entities == ()
    assert briefing.story.title == "Untitled story"


def test_article_without_title_takes_it_from_the_text(nlp) -> None:
    article = Article("x", "wire", None, "Dam opens in Lowvale\n\nThe dam opened on Monday.")
    briefing = brief_articles([article], nlp=nlp)
    assert briefing.articles[0].title == "Dam opens in Lowvale"
    assert briefing.story.title == "Dam opens in Lowvale"
