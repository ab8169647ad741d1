"""Shared fixtures: the spaCy pipeline loads once per session; seeds come from ../shared."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.model import Briefing

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"{SHARED}/seeds not found (set NEWSWEAVE_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def nlp() -> Language:
    from newsweave.nlp.annotate import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_briefing(shared: Path, nlp: Language) -> Briefing:
    from newsweave.pipeline import brief

    return brief([str(shared / "seeds")])


@pytest.fixture(scope="session")
def example_briefing(nlp: Language) -> Briefing:
    from newsweave.pipeline import brief

    return brief([str(EXAMPLES / "harbour-bridge")])


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str, str, str], None]]:
    """Stand-in entry points for one test: ``plugins("renderers", "shout", "mod:attr")``
    registers ``mod:attr`` in the group ``newsweave.renderers``; the installed ones are
    hidden."""
    from newsweave import registry

    groups: dict[str, list[tuple[str, str]]] = {}
    monkeypatch.setattr(registry, "_entry_points", lambda group: list(groups.get(group, [])))
    registry._table.cache_clear()

    def add(kind: str, name: str, target: str) -> None:
        groups.setdefault(f"newsweave.{kind}", []).append((name, target))
        registry._table.cache_clear()

    yield add
    registry._table.cache_clear()  # rebuilt from the real entry points on next use
