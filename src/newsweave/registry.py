"""Swappable backends by name, registered lazily so that importing costs nothing.

Third parties add renderers through the ``newsweave.renderers`` entry-point group.

Example:
    >>> "json" in renderer_names()
    True
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import import_module
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, cast

from newsweave.errors import UnknownComponentError

if TYPE_CHECKING:  # pragma: no cover
    from newsweave.model import Briefing

Renderer = Callable[["Briefing"], str]

# name -> "module:function"; a name never changes meaning (add "-v2" instead).
_BUILTIN_RENDERERS = {
    "json": "newsweave.renderers.json:render_json",
    "md": "newsweave.renderers.markdown:render_markdown",
    "html": "newsweave.renderers.html:render_html",
}


@lru_cache(maxsize=1)
def _renderers() -> dict[str, str]:
    found = dict(_BUILTIN_RENDERERS)
    for ep in entry_points(group="newsweave.renderers"):
        found.setdefault(ep.name, ep.value)
    return found


def renderer_names() -> tuple[str, ...]:
    """The registered renderer names, sorted."""
    return tuple(sorted(_renderers()))


def get_renderer(name: str) -> Renderer:
    """The renderer registered as ``name``.

    Raises:
        UnknownComponentError: ``name`` is not registered; the message lists those that are.
    """
    target = _renderers().get(name)
    if target is None:
        raise UnknownComponentError(
            f"renderer {name!r} is not registered; available: {', '.join(renderer_names())}"
        )
    module, _, attr = target.partition(":")
    return cast(Renderer, getattr(import_module(module), attr))
