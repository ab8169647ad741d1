"""Backends a third-party package could register, for the registry's entry-point tests.

The ``plugins`` fixture of ``conftest.py`` registers them as ``fakeplugins:<attr>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from newsweave.model import Article, Briefing, StoryGrouping
from newsweave.read.reader import FormatReader, Outcome, Source
from newsweave.settings import Settings


def render_shout(briefing: Briefing) -> str:
    """A renderer: the story title in capitals."""
    return f"{briefing.story.title.upper()}!\n"


def render_count(grouping: StoryGrouping) -> str:
    """A story renderer: how many stories there are."""
    return f"{len(grouping.stories)} stories\n"


@dataclass(frozen=True, slots=True)
class Ones:
    """An embedder: every non-blank text is the same unit row."""

    name: str = "ones"
    dim: int = 2

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = np.array([[1.0, 0.0] if t.strip() else [0.0, 0.0] for t in texts], np.float32)
        return rows.reshape(len(texts), self.dim)


def _read_tsv(source: Source) -> tuple[Outcome, ...]:
    title, _, text = source.data.decode("utf-8").partition("\t")
    origin = source.origin
    return (Article(f"tsv-{len(text)}", origin.fallback_source, title, text, path=origin.path),)


# A reader of tab-separated "title<TAB>text" files; its claim on .txt must lose to the
# built-in text reader.
TSV_READER = FormatReader(
    "tsv", frozenset({".tsv", ".txt"}), frozenset({"text/tab-separated-values"}), _read_tsv
)


def write_nothing(briefing: Briefing, settings: Settings, *, progress: object = None) -> Briefing:
    """A summarizer that writes no summary and says so."""
    return replace(briefing, summary=(), summary_writer="nothing")


NOT_A_MODULE_ATTR = "fakeplugins:does_not_exist"
