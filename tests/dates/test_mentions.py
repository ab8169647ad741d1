"""dates: tense of date expressions, article dating, and the seeds' publication dates."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from newsweave.dates.calendar import resolve_times
from newsweave.dates.mentions import find_time_mentions
from newsweave.dates.story_dates import date_articles
from newsweave.model import Article
from newsweave.nlp.annotate import annotate
from newsweave.pipeline import brief_articles
from newsweave.settings import Settings
from newsweave.text.clean import clean_article

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.model import Briefing

TODAY = Settings(today="2026-12-02")


def _mentions(nlp: Language, text: str):
    (annotation,) = annotate([Article("a", "Wire", None, text)], nlp=nlp)
    return annotation, find_time_mentions(annotation)


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("The two leaders met on Wednesday in the capital.", "past"),
        ("The two leaders could meet on Wednesday in the capital.", "future"),
        ("The two leaders will meet on Wednesday in the capital.", "future"),
        ("The summit is expected to open on Wednesday in the capital.", "future"),
        ("He spoke of the visit ahead of expected talks on Wednesday.", "future"),
        ("The forum, which runs through till Wednesday, drew crowds.", "present"),
        ("The minister is due on the island on Wednesday.", "future"),
        ("Officials have confirmed the agreement on Wednesday.", "past"),
        ("He said the attack could have been planned on Wednesday.", "past"),
        ("The ferry was towed into port on Wednesday morning.", "past"),
    ],
)
def test_the_clause_gives_a_date_its_tense(nlp: Language, sentence: str, tense: str) -> None:
    _, (mention,) = _mentions(nlp, sentence)
    print(sentence, "→", mention.text, mention.tense, mention.governor)
    assert mention.text.startswith("Wednesday")
    assert mention.tense == tense


def test_adjacent_date_spans_join_into_one_expression(nlp: Language) -> None:
    _, mentions = _mentions(
        nlp, "Free ferries will run from 15-31 October, the city council said on Tuesday."
    )
    texts = [m.text for m in mentions]
    assert "15-31 October" in texts
    assert all(m.span.start < m.span.end for m in mentions)


def test_expressions_resolve_against_the_article_date(nlp: Language) -> None:
    text = "Kim left Pyongyang on Sunday. He could meet Putin on Wednesday. They met in 2019."
    article = Article("a", "Wire", None, text, published=dt.date(2023, 9, 12))
    (annotation,) = annotate([article], nlp=nlp)
    found = find_time_mentions(annotation)
    times = resolve_times([annotation], [found])
    labels = {t.text: t.when.label for t in times if t.when}
    assert labels == {"Sunday": "2023-09-10", "Wednesday": "2023-09-13", "2019": "2019"}
    for t in times:
        assert text[t.span.start : t.span.end] == t.text


def _story(nlp: Language, texts: dict[str, str], **published: dt.date) -> Briefing:
    articles = [
        clean_article(Article(key, key, None, text, published=published.get(key)))
        for key, text in texts.items()
    ]
    return brief_articles(articles, TODAY, nlp=nlp)


def test_metadata_dates_are_kept_and_not_inferred(nlp: Language) -> None:
    b = _story(nlp, {"a": "Dam opens\n\nThe dam opened on Monday."}, a=dt.date(2024, 5, 6))
    (article,) = b.articles
    assert article.published == dt.date(2024, 5, 6)
    assert article.dating is not None
    assert not article.dating.inferred


def test_an_editors_note_dates_its_report(nlp: Language) -> None:
    text = (
        "Dam opens\n\nThe new dam on the Lowe river opened on Tuesday, officials said.\n\n"
        "NOTE: This report was updated on March 5, 2024."
    )
    (article,) = _story(nlp, {"a": text}).articles
    assert article.published == dt.date(2024, 3, 5)
    assert article.published_inferred
    assert article.dating is not None
    assert article.dating.evidence[0].text(article) == "March 5, 2024"


def test_a_dateline_without_its_year_takes_the_year_its_weekdays_fit(nlp: Language) -> None:
    text = (
        "Dam opens on the Lowe\n\nLOWEBRIDGE, Oct 15 (Riverwire) - The Lowe dam opened on "
        "Wednesday, two days after engineers finished tests on Monday. The old weir, built "
        "in 1971, was last repaired in 2019."
    )
    (article,) = _story(nlp, {"a": text}).articles
    # 15 October fell on a Wednesday in 2025, and in no other year from 2019 to 2026
    assert article.published == dt.date(2025, 10, 15)
    assert article.dating is not None
    assert "dateline" in article.dating.reason


def test_an_undated_report_is_placed_by_the_reports_it_agrees_with(nlp: Language) -> None:
    dated = (
        "Ferry fire kills nine off Tollan\n\nPORT ENNIS, June 3, 2025 (Coastline) - Nine "
        "people died when fire broke out aboard the ferry Corran Dawn off Tollan on Monday. "
        "The burnt-out ferry was towed to Port Ennis on Tuesday."
    )
    undated = (
        "Nine dead in Tollan ferry blaze\n\nNine people were killed when fire broke out on "
        "the ferry Corran Dawn off Tollan on Monday. The ferry was towed into Port Ennis on "
        "Tuesday morning."
    )
    preview = (
        "Ferry safety rules to be reviewed\n\nThe ferry Corran Dawn will be towed to Port "
        "Ennis on Tuesday, officials said on Sunday. Inspectors are expected to board her "
        "on Tuesday."
    )
    b = _story(nlp, {"dated": dated, "undated": undated, "preview": preview})
    by = {a.id: a for a in b.articles}
    print({k: (a.dating.when.label, a.dating.reason) for k, a in by.items() if a.dating})
    assert by["dated"].published == dt.date(2025, 6, 3)
    assert by["undated"].published == dt.date(2025, 6, 3)
    assert by["undated"].published_inferred
    preview_dating = by["preview"].dating
    assert preview_dating is not None
    assert preview_dating.when.latest < dt.date(2025, 6, 3)


def test_no_day_is_invented_without_evidence(nlp: Language) -> None:
    text = "Dam opens\n\nThe dam opened on Monday, officials said. It cost $4m."
    (article,) = _story(nlp, {"a": text}).articles
    assert article.dating is None
    assert article.published is None


def test_a_report_cannot_be_dated_after_today(nlp: Language) -> None:
    text = "Dam opens\n\nPublished: 12 September 2099\n\nThe dam opened on Saturday."
    (article,) = _story(nlp, {"a": text}).articles
    assert article.dating is None


def test_date_articles_keeps_undatable_annotations_as_they_are(nlp: Language) -> None:
    annotations = annotate([Article("a", "Wire", None, "Nothing dated here at all.")], nlp=nlp)
    out = date_articles(annotations, [find_time_mentions(annotations[0])], None)
    assert out == annotations


@pytest.mark.seeds
def test_seed_publication_dates(seed_briefing: Briefing) -> None:
    dates = {a.source[:3]: a.dating for a in seed_briefing.articles}
    for key, dating in sorted(dates.items()):
        print(key, dating.when.label if dating else None, dating.reason if dating else "")
    tuesday = dt.date(2023, 9, 12)
    for key in ("000", "001", "002", "004"):
        dating = dates[key]
        assert dating is not None
        assert dating.inferred
        assert dating.when.exact
        assert dating.when.earliest == tuesday
    early = dates["003"]
    assert early is not None
    assert early.inferred
    assert not early.when.exact  # no day is given that the text does not support
    assert early.when.latest < tuesday
