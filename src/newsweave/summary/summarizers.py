"""The registered summarizers: who writes a briefing's summary.

``extractive`` (the outlets' own sentences, :mod:`~newsweave.summary.extractive`), ``llm`` (a
language model's sentences that their evidence supports, :mod:`~newsweave.summary.writer`,
the outlets' sentences filling the rest) and ``auto`` (``llm`` when a server is set, else
``extractive``). Each is a :class:`~newsweave.registry.Summarizer`, picked by name with
``Settings.summarizer``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsweave.model import Briefing
from newsweave.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from newsweave.pipeline import ProgressHook


def write_auto(
    briefing: Briefing, settings: Settings, *, progress: ProgressHook | None = None
) -> Briefing:
    """The ``auto`` summarizer: ``llm`` when ``settings.llm_url`` names a server, else
    ``extractive``."""
    from newsweave.registry import get_summarizer

    chosen = get_summarizer("llm" if settings.llm_url else "extractive")
    return chosen(briefing, settings, progress=progress)


def write_extractive(
    briefing: Briefing, settings: Settings, *, progress: ProgressHook | None = None
) -> Briefing:
    """``briefing`` with the outlets' own sentences as its cited summary (the ``extractive``
    summarizer; ``settings`` and ``progress`` are not needed)."""
    from newsweave.summary.extractive import summarize

    return replace(briefing, summary=summarize(briefing))


def write_with_llm(
    briefing: Briefing, settings: Settings, *, progress: ProgressHook | None = None
) -> Briefing:
    """``briefing`` with a summary an LLM wrote (``settings.llm_url``, ``llm_model``): the
    ``llm`` summarizer.

    The model's sentences that their cited evidence supports open the summary; the outlets'
    own sentences add what they leave out, to the usual length. The others are listed in
    ``Briefing.unsupported`` with the reason.

    Raises:
        WriterError: the endpoint failed (the message names it).
        ConfigError: no model named, or a bad URL (``write_summary`` says which).
    """
    from newsweave.summary.extractive import summarize
    from newsweave.summary.writer import write_summary

    done = progress("write", 1) if progress is not None else None
    written = write_summary(
        briefing,
        url=settings.llm_url,
        model=settings.llm_model,
        api_key=settings.llm_key or None,
        timeout=settings.llm_timeout,
    )
    if done is not None:
        done(1)
    return replace(
        briefing,
        summary=summarize(briefing, given=written.sentences),
        summary_writer=f"llm:{written.model}",
        unsupported=written.rejected,
    )
