"""The library's front door (``newsweave/__init__.py``): its names stay the functions they
are, and take inputs the way Python users pass them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import newsweave
from newsweave.read import input_names

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-bridge"


def test_the_public_names_stay_callable_whatever_is_imported() -> None:
    for module in pkgutil.walk_packages(newsweave.__path__, "newsweave."):
        if module.name.startswith("newsweave.scale"):
            continue  # Ray is optional
        importlib.import_module(module.name)
    for name in ("brief", "brief_articles", "stories", "render", "read_inputs"):
        assert inspect.isfunction(getattr(newsweave, name)), name


def test_a_bare_string_or_path_is_one_input() -> None:
    assert input_names(str(EXAMPLE)) == [str(EXAMPLE)]
    assert input_names(EXAMPLE) == [str(EXAMPLE)]
    assert input_names(p for p in [EXAMPLE, "b.txt"]) == [str(EXAMPLE), "b.txt"]
    with pytest.raises(TypeError, match=r"got b'a\.txt'"):
        input_names([b"a.txt"])  # type: ignore[list-item]


def test_brief_and_read_take_a_folder_given_as_a_string_or_a_path() -> None:
    by_str = newsweave.read_inputs(str(EXAMPLE))
    by_path = newsweave.read_inputs(EXAMPLE)
    assert [a.id for a in by_str.articles] == [a.id for a in by_path.articles]
    assert len(by_str.articles) == 5
    assert by_str.rejected == ()


def test_articles_in_memory_have_one_documented_way_in() -> None:
    assert newsweave.Article is newsweave.model.Article
    assert "unique ``id``" in (newsweave.brief_articles.__doc__ or "")
    with pytest.raises(TypeError, match=r"article 0: expected a newsweave Article, got dict"):
        newsweave.brief_articles([{"id": "a", "text": "x"}])  # type: ignore[list-item]
    text = "The Kariba dam opened its gates on Monday, officials said."
    briefing = newsweave.brief_articles(
        [
            newsweave.Article("w1", "Wire", "Dam opens", text + " \ud800"),
            newsweave.Article("w1", "Post", "Dam opens", text),
            newsweave.Article("p2", "Post", "Dam opens", text),
        ]
    )
    assert [a.id for a in briefing.articles] == ["w1", "p2"]
    assert "\ufffd" in briefing.articles[0].text
    assert [r.reason for r in briefing.rejected] == ["another article with id w1 was given before"]
    again = newsweave.Briefing.from_dict(briefing.to_dict())
    assert again.to_json() == briefing.to_json()
