"""article_date: an article's own date, on hand-built evidence and end to end."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.dates.article_date import metadata_date, url_date
from newsweave.dates.expressions import parse_time
from newsweave.dates.story_dates import infer_datings
from newsweave.model import Annotation, Article, Span, Tense, TimeMention
from newsweave.pipeline import brief_articles
from newsweave.settings import Settings
from newsweave.text.clean import clean_article

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.model import Briefing

TODAY = dt.date(2026, 12, 2)
SETTINGS = Settings(today="2026-12-02")


def _annotation(text: str, **fields: object) -> Annotation:
    article = clean_article(Article("a", "Wire", None, text, **fields))  # type: ignore[arg-type]
    return Annotation(article, (), ())


def _mention(text: str, written: str, tense: Tense) -> TimeMention:
    start = text.index(written)
    return TimeMention(
        Span("a", start, start + len(written)), written, parse_time(written), tense, 0
    )


def _dating(text: str, mentions: tuple[tuple[str, Tense], ...] = (), **fields: object):
    annotation = _annotation(text, **fields)
    found = [_mention(text, w, t) for w, t in mentions]
    (dating,) = infer_datings([annotation], [found], None, TODAY)
    return dating


def test_metadata_wins_and_is_not_inferred() -> None:
    dating = _dating(
        "Dam opens\n\nUpdated 3 March 2024\n\nIt opened.", published=dt.date(2024, 3, 1)
    )
    assert dating is not None
    assert (dating.when.label, dating.inferred, dating.reason) == ("2024-03-01", False, "metadata")


def test_an_unparsed_record_date_is_still_metadata() -> None:
    dating = _dating("It opened.", meta=(("date_raw", "Tuesday, 12 September 2023"),))
    assert dating is not None
    assert (dating.when.label, dating.inferred) == ("2023-09-12", False)


def test_a_published_line_beats_an_updated_one() -> None:
    text = (
        "Dam opens\n\nPublished 10 September 2023\nUpdated 12 September 2023\n\n"
        "The dam opened after ten years of work, and officials said it would be filled slowly."
    )
    dating = _dating(text)
    assert dating is not None
    assert dating.when.label == "2023-09-10"
    assert dating.inferred
    (evidence,) = dating.evidence
    assert text[evidence.start : evidence.end] == "10 September 2023"


def test_a_full_date_inside_the_story_is_not_its_date() -> None:
    text = (
        "Dam opens\n\nThe dam, first proposed on March 3, 2001, opened after ten years of "
        "work and a long fight over who would pay for the turbines and the new road to it."
    )
    assert _dating(text) is None


def test_a_date_in_the_url_dates_the_page() -> None:
    dating = _dating("It opened.", url="https://example.org/news/2013/may/03/dam-opens")
    assert dating is not None
    assert (dating.when.label, dating.reason) == ("2013-05-03", "date in its URL")
    numeric = _dating("It opened.", url="https://example.org/2021/11/30/dam-opens.html")
    assert numeric is not None
    assert numeric.when.label == "2021-11-30"


@pytest.mark.parametrize(
    ("url", "day"),
    [
        # htmldate's reading: year, month and day in digits
        ("https://example.org/2021/11/30/dam-opens.html", dt.date(2021, 11, 30)),
        ("https://example.org/news/2023/9/5/dam", dt.date(2023, 9, 5)),
        # ... also where we read none before: not after a slash, "_" between, ".html" after
        ("https://example.org/news/dam-opens-2023-09-12.html", dt.date(2023, 9, 12)),
        ("https://example.org/2023_09_12_dam_opens", dt.date(2023, 9, 12)),
        ("https://example.org/story?date=2023-09-12", dt.date(2023, 9, 12)),
        # what htmldate leaves, read by our own pattern: the month as a word (the Guardian),
        # eight digits together, and years outside 1990-2039 (a print archive's report)
        ("https://example.org/world/2013/may/03/dam-opens", dt.date(2013, 5, 3)),
        ("https://example.org/world/2023/sept/12/dam-opens", dt.date(2023, 9, 12)),
        ("https://example.org/news/20230912/dam-opens", dt.date(2023, 9, 12)),
        ("https://example.org/news/dam-opens-20230912", dt.date(2023, 9, 12)),
        ("https://example.org/1985/03/12/world/dam-opens.html", dt.date(1985, 3, 12)),
        # no day: a month only, a day that does not exist, an id, nothing
        ("https://example.org/2024/03/harbour-budget", None),
        ("https://example.org/2023/02/30/dam-opens", None),
        ("https://example.org/a/12345678", None),
        ("https://example.org/news/dam-opens", None),
        ("", None),
    ],
)
def test_url_dates_in_the_shapes_sites_write_them(url: str, day: dt.date | None) -> None:
    assert url_date(url) == day


def test_a_url_date_after_today_does_not_date_the_page() -> None:
    assert _dating("It opened.", url="https://example.org/2027/01/05/dam-opens") is None


def test_a_yearless_dateline_takes_the_one_year_its_weekday_fits() -> None:
    text = (
        "Dam opens\n\nLOWEBRIDGE, June 11 (Riverwire) - The Lowe dam opened on Wednesday. "
        "The old weir was last repaired in 2019."
    )
    named = _dating(text, (("Wednesday", "past"), ("2019", "past")))
    assert named is not None
    assert named.when.label == "2025-06-11"  # the only Wednesday 11 June from 2019 to 2026
    assert (named.evidence[0].start, named.evidence[0].end) == (
        text.index("June 11"),
        text.index("June 11") + 7,
    )
    # 11 June was also a Wednesday in 1997, 2003, 2008 and 2014: without the repair year
    # nothing tells them apart
    assert _dating(text, (("Wednesday", "past"),)) is None
    # and a dateline whose report names no weekday gives no year at all
    assert _dating(text.replace("on Wednesday", "this week"), (("2019", "past"),)) is None


def test_an_undated_story_of_undated_reports_gets_no_date() -> None:
    texts = ["Dam opens\n\nThe dam opened on Monday.", "Dam opened\n\nIt opened on Monday."]
    annotations = [
        Annotation(clean_article(Article(f"a{i}", "Wire", None, t)), (), ())
        for i, t in enumerate(texts)
    ]
    assert infer_datings(annotations, [[], []], None, TODAY) == (None, None)


@pytest.mark.parametrize(
    "raw",
    [
        "Tue, 12 Sep 2023 10:00:00 GMT",
        "Tue, 12 Sep 2023 10:00:00 +0000",
        "2023-09-12 10:00",
        "September 12, 2023 at 10:00 am EDT",
        "12 September 2023",
    ],
)
def test_record_date_fields_in_common_forms(raw: str) -> None:
    assert metadata_date(raw) == dt.date(2023, 9, 12)
    dating = _dating("It opened.", meta=(("date_raw", raw),))
    assert dating is not None
    assert (dating.when.label, dating.inferred) == ("2023-09-12", False)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_date_field_reads_without_error(raw: str) -> None:
    day = metadata_date(raw)
    assert day is None or isinstance(day, dt.date)


# --- end to end: spaCy's annotation, then the brief's dating


def _brief(nlp: Language, texts: dict[str, str], **published: dt.date) -> Briefing:
    """The texts briefed as one story, each dated by ``published`` where given."""
    articles = [
        clean_article(Article(key, key, None, text, published=published.get(key)))
        for key, text in texts.items()
    ]
    return brief_articles(articles, SETTINGS, nlp=nlp)


def test_metadata_dates_are_kept_and_not_inferred(nlp: Language) -> None:
    b = _brief(nlp, {"a": "Dam opens\n\nThe dam opened on Monday."}, a=dt.date(2024, 5, 6))
    (article,) = b.articles
    assert article.published == dt.date(2024, 5, 6)
    assert article.dating is not None
    assert not article.dating.inferred


def test_an_editors_note_dates_its_report(nlp: Language) -> None:
    text = (
        "Dam opens\n\nThe new dam on the Lowe river opened on Tuesday, officials said.\n\n"
        "NOTE: This report was updated on March 5, 2024."
    )
    (article,) = _brief(nlp, {"a": text}).articles
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
    (article,) = _brief(nlp, {"a": text}).articles
    # 15 October fell on a Wednesday in 2025, and in no other year from 2019 to 2026
    assert article.published == dt.date(2025, 10, 15)
    assert article.dating is not None
    assert "dateline" in article.dating.reason


def test_a_report_cannot_be_dated_after_today(nlp: Language) -> None:
    text = "Dam opens\n\nPublished: 12 September 2099\n\nThe dam opened on Saturday."
    (article,) = _brief(nlp, {"a": text}).articles
    assert article.dating is None
