"""`newsweave`: what many news reports about one event say together, with the evidence.

The library is the product; the CLI is a thin layer over it::

    import newsweave
    briefing = newsweave.brief(["examples/harbour-bridge"])
    print(newsweave.render(briefing, "md"))
    data = briefing.to_dict()          # newsweave.Briefing.from_dict(data) reads it back
    grouping = newsweave.stories(["archive.jsonl"], db="stories.db")

Articles already in memory go through :func:`brief_articles` (``newsweave.Article``).

Heavy modules (spaCy, trafilatura) load lazily, on first use.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0.dev0"

from newsweave.model import Article, Briefing

__all__ = [
    "Article",
    "Briefing",
    "__version__",
    "brief",
    "brief_articles",
    "read_inputs",
    "render",
    "stories",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:  # pragma: no cover
    from newsweave.pipeline import brief, brief_articles, stories
    from newsweave.read import read_inputs
    from newsweave.renderers import render


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `import newsweave` (and so `newsweave --help`) light.
    if name == "brief":
        from newsweave.pipeline import brief

        return brief
    if name == "brief_articles":
        from newsweave.pipeline import brief_articles

        return brief_articles
    if name == "read_inputs":
        from newsweave.read import read_inputs

        return read_inputs
    if name == "render":
        from newsweave.renderers import render

        return render
    if name == "stories":
        from newsweave.pipeline import stories

        return stories
    raise AttributeError(f"module 'newsweave' has no attribute {name!r}")
