"""Fixtures for tests/ and evals/: the spaCy pipeline loads once per session; the seeds and
their gold come from ../shared (or NEWSWEAVE_SHARED), and checks that need them skip
without it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.model import Briefing

REPO = Path(__file__).resolve().parent
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
