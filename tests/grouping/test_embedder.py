"""embedder: what ``auto`` means for stories, and that it never stays ``auto``."""

from __future__ import annotations

import logging

import pytest

import newsweave.embed
from newsweave.grouping import embedder as story_embedders
from newsweave.grouping.embedder import story_embedder
from newsweave.model import Article

ENGLISH = Article(
    "a", "x", "Dam opens", "The dam opened and the water of the lake is low.", lang="en"
)
GERMAN = Article("b", "y", "Damm eröffnet", "Der Damm ist offen.", lang="de")


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch):
    """Which embedders load here: a set the test fills; the others fail with a reason."""
    loadable: set[str] = set()

    def problem(name: str) -> str | None:
        return None if name in loadable else f"{name}: the model is not installed"

    monkeypatch.setattr(story_embedders, "_load_problem", problem)
    return loadable


def test_a_name_other_than_auto_is_kept(loads) -> None:
    assert story_embedder([ENGLISH, GERMAN], " minilm-onnx ") == "minilm-onnx"
    assert story_embedder([], "lexical") == "lexical"


def test_auto_is_minilm_static_for_one_language(loads) -> None:
    loads.add("minilm-static")
    assert story_embedder([ENGLISH]) == "minilm-static"
    assert story_embedder() == "minilm-static"


def test_auto_is_multilingual_for_several_languages(loads, monkeypatch) -> None:
    monkeypatch.setattr(newsweave.embed, "multilingual_available", lambda: True)
    assert story_embedder([ENGLISH, GERMAN]) == "multilingual-e5-small"


def test_several_languages_without_the_multilingual_model_warn(loads, monkeypatch, caplog) -> None:
    loads.add("minilm-static")
    monkeypatch.setattr(newsweave.embed, "multilingual_available", lambda: False)
    with caplog.at_level(logging.WARNING, logger="newsweave"):
        assert story_embedder([ENGLISH, GERMAN]) == "minilm-static"
    assert "articles in de, en" in caplog.text


def test_auto_falls_back_to_minilm_onnx_then_lexical(loads, caplog) -> None:
    loads.add("minilm-onnx")
    assert story_embedder([ENGLISH]) == "minilm-onnx"
    loads.clear()
    with caplog.at_level(logging.WARNING, logger="newsweave"):
        assert story_embedder([ENGLISH]) == "lexical"
    assert "minilm-static: the model is not installed" in caplog.text
    assert "NEWSWEAVE_STORY_EMBEDDER=lexical" in caplog.text
