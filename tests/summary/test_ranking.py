"""What a candidate summary sentence is ranked by."""

from __future__ import annotations

import pytest

from newsweave.model import Article, Sentence, Span
from newsweave.nlp.sentences import SentenceIndex
from newsweave.summary.ranking import Echo, Features, agreement, centrality, spread


def _articles() -> tuple[list[Article], SentenceIndex]:
    texts = {
        "a": "The ferry caught fire and burned off Skarra. All passengers were rescued.",
        "b": "A ferry caught fire near Skarra on Monday. A cafe served tea.",
        "c": "Markets fell in Dornland. Rates rose.",
    }
    articles = [Article(k, k.upper(), None, t) for k, t in texts.items()]
    sentences = []
    for k, t in texts.items():
        first = t.index(". ") + 1
        sentences += [Sentence(Span(k, 0, first), 0), Sentence(Span(k, first + 1, len(t)), 0)]
    return articles, SentenceIndex(sentences)


def test_more_outlets_agreement_and_echo_rank_higher_and_length_lower() -> None:
    base = Features(
        outlets=2, agreement=1.0, echo=0.3, centrality=0.4, informative=0.2, size=20, top=0.1
    )
    assert Features(3, 1.0, 0.3, 0.4, 0.2, 20, 0.1).score() > base.score()
    assert Features(9, 1.0, 0.3, 0.4, 0.2, 20, 0.1).score() == pytest.approx(
        Features(3, 1.0, 0.3, 0.4, 0.2, 20, 0.1).score()  # three outlets or more count alike
    )
    assert Features(2, 9.0, 0.3, 0.4, 0.2, 20, 0.1).score() == pytest.approx(
        Features(2, 2.0, 0.3, 0.4, 0.2, 20, 0.1).score()  # agreement is capped
    )
    assert Features(2, 1.0, 0.3, 0.4, 0.2, 40, 0.1).score() < base.score()
    assert Features(2, 1.0, 0.3, 0.4, 0.2, 20, 0.9).score() < base.score()


def test_agreement_sums_each_other_outlets_share_of_the_words() -> None:
    articles, sentences = _articles()
    by_id = {a.id: a for a in articles}
    support = (Span("a", 4, 9), Span("b", 2, 7))  # inside each article's first sentence
    text = "The ferry caught fire and burned off Skarra."
    # b's sentence repeats ferry, caught, fire, skarra of ferry, caught, fire, burned, skarra
    assert agreement(text, "a", support, by_id, sentences) == pytest.approx(4 / 5)
    assert agreement(text, "a", (Span("a", 4, 9),), by_id, sentences) == 0.0


def test_echo_is_the_mean_best_cosine_over_the_other_articles() -> None:
    articles, sentences = _articles()
    echo = Echo(articles, sentences)
    said = echo.of("The ferry caught fire and burned off Skarra.", "a")
    assert 0.0 < said < 1.0
    assert echo.of("Markets fell in Dornland.", "c") == 0.0  # no other article says it
    assert echo.of("Unheard words entirely.", "a") == 0.0


def test_centrality_is_the_share_of_articles_using_the_words() -> None:
    articles, _ = _articles()
    shares = spread(articles)
    assert shares["ferry"] == pytest.approx(2 / 3)
    assert centrality("ferry skarra", shares) > centrality("markets dornland", shares)
