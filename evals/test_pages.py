"""Reading real pages as a careful reader would (``bench/data/pages``): boilerplate gone and
no body lost, the right headline, entity types, speakers from the quote's own page, and
pages in other languages never read by the English model.

The same scoring as ``bench/pages.py`` (see pagesgold.py), on the briefing JSON a user gets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsweave
from floors import gate
from newsweave.settings import Settings
from pagesgold import Score, load_all, score

DATA = Path(__file__).resolve().parents[1] / "bench" / "data" / "pages"


@pytest.fixture(scope="module")
def total() -> Score:
    result = Score()
    for folder in load_all(DATA):
        briefing = newsweave.brief(
            [str(folder.path / "articles.jsonl")], Settings(today="2026-01-01")
        )
        result.add(score(folder, json.loads(newsweave.render(briefing, "json"))))
    return result


def test_boilerplate_is_removed_and_no_body_or_quote_is(total: Score) -> None:
    gate("pages.boilerplate_removed", total.removed / total.boilerplate)
    assert total.quotes_removed == 0, [m for m in total.misses if "REMOVED quote" in m]
    gate("pages.body_kept", 1 - total.body_removed / total.pages)


def test_headlines(total: Score) -> None:
    gate("pages.headlines_right", total.headlines_right / total.headlines)


def test_entities(total: Score) -> None:
    gate("pages.entity_types_right", total.entities_typed / total.entities_found)
    gate("pages.entities_not_junk", 1 - total.junk / total.listed)


def test_speakers_come_from_the_quotes_own_page(total: Score) -> None:
    gate("pages.speakers_right", total.speakers_right / total.named_quotes)
    assert total.foreign_names == 0, [m for m in total.misses if "FOREIGN" in m]


def test_pages_in_other_languages_are_never_read_by_the_english_model(total: Score) -> None:
    assert total.non_english_handled == total.non_english, total.misses
