"""Swappable backends by name: readers, embedders, summarizers, renderers, story renderers.

One table, :func:`_builtins`, names every built-in backend as a ``"module:attr"`` string,
so importing this module imports none of them; a backend's module loads when it is first
asked for. Third parties add backends through one entry-point group per kind,
``newsweave.<kind>``, each entry a ``module:attr`` naming:

- ``readers``: a :class:`~newsweave.read.reader.Reader` (what it claims, how it reads);
- ``embedders``: a factory taking no arguments that returns an
  :class:`~newsweave.embed.Embedder`;
- ``summarizers``: a :class:`Summarizer`;
- ``renderers``: a :data:`Renderer`, a :class:`~newsweave.model.Briefing` to text;
- ``story_renderers``: a :data:`StoryRenderer`, a :class:`~newsweave.model.StoryGrouping`
  to text.

A built-in name always wins over an entry point of the same name, so a name never changes
meaning: a new version of a backend takes a new name (add ``-v2``). An unknown name raises
:class:`~newsweave.errors.UnknownComponentError`, whose message lists the available ones.

Example:
    >>> renderer_names()
    ('html', 'json', 'md')
    >>> try:
    ...     get_renderer("pdf")
    ... except UnknownComponentError as exc:
    ...     print(exc)
    renderer 'pdf' is not registered; available: html, json, md
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING, Literal, Protocol, cast

from newsweave.errors import ConfigError, UnknownComponentError

if TYPE_CHECKING:  # pragma: no cover
    from newsweave.embed import Embedder
    from newsweave.model import Briefing, StoryGrouping
    from newsweave.pipeline import ProgressHook
    from newsweave.read.reader import Reader
    from newsweave.settings import Settings

Kind = Literal["readers", "embedders", "summarizers", "renderers", "story_renderers"]

Renderer = Callable[["Briefing"], str]
StoryRenderer = Callable[["StoryGrouping"], str]


class Summarizer(Protocol):
    """Writes a briefing's summary: returns ``briefing`` with ``summary`` (and, for a model,
    ``summary_writer`` and ``unsupported``) filled in."""

    def __call__(
        self, briefing: Briefing, settings: Settings, *, progress: ProgressHook | None = None
    ) -> Briefing: ...


ST_PREFIX = "sentence-transformers:"  # + a model name: an embedder for any such model

_NOUNS: dict[Kind, str] = {
    "readers": "reader",
    "embedders": "embedder",
    "summarizers": "summarizer",
    "renderers": "renderer",
    "story_renderers": "story renderer",
}
_HINTS: dict[Kind, str] = {
    "embedders": f"or {ST_PREFIX}<model> for any sentence-transformers model",
}


def _builtins() -> dict[Kind, dict[str, str]]:
    """Every built-in backend by kind and name, as ``"module:attr"``; a name never changes
    meaning (add ``-v2`` instead)."""
    return {
        # In the order their claims on suffixes and media types are tried.
        "readers": {
            "text": "newsweave.read.text:READER",
            "html": "newsweave.read.html:READER",
            "records": "newsweave.read.records:READER",
            "feed": "newsweave.read.feeds:READER",
        },
        "embedders": {
            "auto": "newsweave.embed.minilm:load_auto",
            "lexical": "newsweave.embed.lexical:Lexical",
            "minilm-onnx": "newsweave.embed.minilm:MiniLMOnnx.load",
            "minilm-static": "newsweave.embed.static:MiniLMStatic.load",
            "multilingual-e5-small": "newsweave.embed.e5:E5Small.load",
        },
        "summarizers": {
            "auto": "newsweave.summary.summarizers:write_auto",
            "extractive": "newsweave.summary.summarizers:write_extractive",
            "llm": "newsweave.summary.summarizers:write_with_llm",
        },
        "renderers": {
            "json": "newsweave.renderers.json:render_json",
            "md": "newsweave.renderers.markdown:render_markdown",
            "html": "newsweave.renderers.html:render_html",
        },
        "story_renderers": {
            "json": "newsweave.renderers.stories:render_stories_json",
            "md": "newsweave.renderers.stories:render_stories_markdown",
        },
    }


@cache
def _table(kind: Kind) -> dict[str, str]:
    """The built-ins of ``kind``, then its entry points sorted by name; built-ins win."""
    found = dict(_builtins()[kind])
    for name, value in sorted(_entry_points(f"newsweave.{kind}")):
        found.setdefault(name, value)
    return found


def _entry_points(group: str) -> list[tuple[str, str]]:
    """``(name, "module:attr")`` of each entry point installed in ``group``."""
    return [(ep.name, ep.value) for ep in entry_points(group=group)]


def names(kind: Kind) -> tuple[str, ...]:
    """The names registered for ``kind``, sorted.

    Example:
        >>> names("story_renderers")
        ('json', 'md')
    """
    return tuple(sorted(_table(kind)))


def load(kind: Kind, name: str) -> object:
    """The object registered as ``name`` for ``kind``, its module imported now.

    Raises:
        UnknownComponentError: ``name`` is not registered; the message lists those that are.
        ConfigError: an entry point names a module or attribute that cannot be loaded.
    """
    target = _table(kind).get(name)
    if target is None:
        hint = f", {_HINTS[kind]}" if kind in _HINTS else ""
        raise UnknownComponentError(
            f"{_NOUNS[kind]} {name!r} is not registered; available: {', '.join(names(kind))}{hint}"
        )
    group = f"newsweave.{kind}"
    try:
        return EntryPoint(name=name, value=target, group=group).load()
    except (ImportError, AttributeError) as exc:
        if name in _builtins()[kind]:
            raise  # a bug in newsweave, not in the installation
        raise ConfigError(
            f"{_NOUNS[kind]} {name!r}: the entry point {target!r} (group {group}) cannot be "
            f"loaded ({exc}); reinstall or uninstall the package that provides it"
        ) from None


# --- readers -------------------------------------------------------------------------------


def reader_names() -> tuple[str, ...]:
    """The registered readers: the built-ins first, in the order their claims are tried
    (text, html, records, feed), then the others sorted."""
    return tuple(_table("readers"))


def get_reader(name: str) -> Reader:
    """The reader registered as ``name``; see :func:`load`."""
    return cast("Reader", load("readers", name))


# --- embedders -----------------------------------------------------------------------------

_LOCK = threading.RLock()  # so two threads asking at once still load a model only once


def embedder_names() -> tuple[str, ...]:
    """The registered embedder names, sorted; ``sentence-transformers:<model>`` also works.

    Example:
        >>> embedder_names()[:3]
        ('auto', 'lexical', 'minilm-onnx')
    """
    return names("embedders")


def get_embedder(name: str = "auto") -> Embedder:
    """The embedder registered as ``name``, loaded on first use and then reused.

    Args:
        name: one of :func:`embedder_names`, or ``sentence-transformers:<model>`` for any
            Hugging Face model name or local path.

    Raises:
        UnknownComponentError: ``name`` is not registered; the message lists those that are.
        MissingExtraError: the backend needs a package that is not installed.
        ModelError: the backend's model files cannot be found, verified or loaded.

    Example:
        >>> get_embedder("lexical").dim
        4096
    """
    with _LOCK:
        return _embedder(name.strip())


@cache
def _embedder(name: str) -> Embedder:
    model = name.removeprefix(ST_PREFIX).strip() if name.startswith(ST_PREFIX) else ""
    if model:  # no built-in name has the prefix
        from newsweave.embed.transformers import SentenceTransformers

        return SentenceTransformers.load(model)
    factory = cast("Callable[[], Embedder]", load("embedders", name))
    return factory()


# --- summarizers ---------------------------------------------------------------------------


def summarizer_names() -> tuple[str, ...]:
    """The registered summarizer names, sorted.

    Example:
        >>> summarizer_names()
        ('auto', 'extractive', 'llm')
    """
    return names("summarizers")


def get_summarizer(name: str) -> Summarizer:
    """The summarizer registered as ``name``; see :func:`load`."""
    return cast("Summarizer", load("summarizers", name))


# --- renderers -----------------------------------------------------------------------------


def renderer_names() -> tuple[str, ...]:
    """The registered renderer names (a :class:`~newsweave.model.Briefing` to text), sorted."""
    return names("renderers")


def get_renderer(name: str) -> Renderer:
    """The renderer registered as ``name``; see :func:`load`."""
    return cast("Renderer", load("renderers", name))


def story_renderer_names() -> tuple[str, ...]:
    """The registered story renderer names (a :class:`~newsweave.model.StoryGrouping` to
    text), sorted."""
    return names("story_renderers")


def get_story_renderer(name: str) -> StoryRenderer:
    """The story renderer registered as ``name``; see :func:`load`."""
    return cast("StoryRenderer", load("story_renderers", name))
