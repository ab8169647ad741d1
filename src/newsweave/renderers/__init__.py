"""Renderers: a :class:`~newsweave.model.Briefing` to JSON, Markdown or HTML text.

:func:`render` picks one by name from :mod:`newsweave.registry`, where plugins add more;
:func:`~newsweave.renderers.stories.render_stories` does the same for story groupings.

Example:
    >>> from newsweave.model import Article, Briefing, Story
    >>> b = Briefing(Story("s-1", "Dam opens", ("a",)), (Article("a", "Wire", "Dam opens", "x"),))
    >>> render(b, "json").splitlines()[1]
    '  "schema": "newsweave.briefing/2",'
"""

from __future__ import annotations

from newsweave.model import Briefing
from newsweave.registry import get_renderer, renderer_names

__all__ = ["render", "renderer_names"]


def render(briefing: Briefing, fmt: str = "md") -> str:
    """Render ``briefing`` in format ``fmt`` (see :func:`renderer_names`).

    Raises:
        UnknownComponentError: ``fmt`` is not registered; the message lists those that are.
    """
    return get_renderer(fmt)(briefing)
