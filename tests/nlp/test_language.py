"""language: an article's language and the pipeline that reads it."""

from __future__ import annotations

import pytest

from newsweave.model import Article
from newsweave.nlp.language import (
    guess_language,
    language_of,
    language_pipeline,
    pipeline_names,
    sentence_pipeline,
)


def test_languages_are_guessed_from_function_words() -> None:
    assert guess_language("El presidente dijo que los bomberos llegaron a la ciudad.") == "es"
    assert guess_language("Le président a dit que les pompiers sont dans la ville.") == "fr"
    assert guess_language("Der Bürgermeister sagte, dass die Feuerwehr nicht kam.") == "de"
    assert guess_language("The mayor said that the river is rising.") == "en"
    assert guess_language("") == "en"


def test_an_articles_own_language_wins_over_the_guess() -> None:
    assert (
        language_of(Article("a", "s", None, "The mayor said that it is so.", lang="de-AT")) == "de"
    )
    assert (
        language_of(Article("a", "s", None, "Le maire a dit que les rues sont dans l'eau.")) == "fr"
    )


def test_a_language_without_an_installed_pipeline_is_only_split_into_sentences() -> None:
    assert pipeline_names("de")[0] == "de_core_news_sm"
    if language_pipeline("de") is not None:
        pytest.skip("a German spaCy pipeline is installed here")
    doc = sentence_pipeline("de")("Am Dienstag kam der Zug. Niemand wurde verletzt.")
    assert [s.text for s in doc.sents] == ["Am Dienstag kam der Zug.", "Niemand wurde verletzt."]
    assert list(doc.ents) == []


def test_names_with_particles_do_not_make_english_german() -> None:
    text = (
        "EU leaders meet in Brussels. Commission President Ursula von der Leyen met Charles "
        "de Gaulle and Mohammed bin Salman on Monday. We agreed, von der Leyen said."
    )
    assert guess_language(text) == "en"
