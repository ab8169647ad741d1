"""Story features: headline and lead, names, days, languages; offsets never needed here."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.grouping.features import (
    NO_DAY,
    featurize,
    headline_and_lead,
    names_of,
    ordinal_day,
    words_of,
)
from newsweave.model import Article


def test_a_leading_url_line_is_the_url_and_the_next_line_the_headline() -> None:
    a = Article("a", "s", None, "https://x.org/2012/07/07/a\nKlitschko keeps belts\n\nHe won.")
    title, lead, url = headline_and_lead(a)
    assert (title, lead, url) == ("Klitschko keeps belts", "He won.", "https://x.org/2012/07/07/a")


def test_the_day_comes_from_metadata_then_the_lead_then_the_url() -> None:
    meta = Article("a", "s", "T", "Body on Sept 3, 2023.", published=dt.date(2024, 1, 2))
    lead = Article("b", "s", "T", "Updated: July 7, 2012, 10:04 PM ET\n\nBody.")
    url = Article("c", "s", "T", "Body.", url="https://x.org/2019/05/04/story")
    none = Article("d", "s", "T", "Body.")
    f = featurize([meta, lead, url, none], "lexical")
    assert [ordinal_day(int(d)) for d in f.days] == [
        dt.date(2024, 1, 2),
        dt.date(2012, 7, 7),
        dt.date(2019, 5, 4),
        None,
    ]
    assert f.days[3] == NO_DAY


def test_boilerplate_is_not_a_feature() -> None:
    body = "Storm floods Kessan.\n\nSubscribe to our newsletter for daily updates."
    a = Article("a", "s", "Storm floods Kessan", body)
    _, lead, _ = headline_and_lead(a)
    assert "newsletter" not in lead.lower()


def test_names_are_capitalised_words_that_are_not_common_at_a_sentence_start() -> None:
    found = names_of("People reached Brannock. Officials said Tova Lind will visit.", "en")
    assert {"brannock", "tova lind", "tova", "lind"} <= set(found)
    assert "people" not in found
    assert "officials" not in found


def test_rows_are_unit_length_and_rare_words_weigh_more() -> None:
    f = featurize([Article("a", "s", "Quake in Vessmark", "The quake hit Vessmark.")], "lexical")
    assert abs(float(f.words.multiply(f.words).sum()) - 1.0) < 1e-5
    assert abs(float(np.linalg.norm(f.dense[0])) - 1.0) < 1e-5
    counts = words_of("the the quake", "en")
    assert counts["the"] == 2
    assert sum(counts.values()) == 3


def test_features_do_not_depend_on_the_other_articles() -> None:
    a = Article("a", "s", "Quake in Vessmark", "The quake hit Vessmark on Sept 3, 2023.")
    b = Article("b", "s", "Bank lifts rates", "The bank raised rates.")
    alone = featurize([a], "lexical")
    together = featurize([b, a], "lexical").take([1])
    assert (alone.words != together.words).nnz == 0
    assert np.array_equal(alone.dense, together.dense)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["en", "de", "xx"]))
def test_names_and_words_never_fail(text: str, lang: str) -> None:
    names_of(text, lang)
    words_of(text, lang)
    f = featurize([Article("a", "s", None, text or "x", lang=lang)], "lexical")
    assert len(f) == 1
