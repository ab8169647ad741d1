"""A stories run: group these articles with these settings, optionally into a store.

The settings pick the dense embedder (``Settings.story_embedder``; see
:mod:`newsweave.grouping.embedder` for what ``auto`` means) and the engine that computes
the features (``local``, or ``ray`` for a Ray Data job). Without a store the articles are
grouped in one batch; with one (a SQLite file or a database URL) they join the stories
stored there.

Example:
    >>> from newsweave.model import Article
    >>> from newsweave.settings import Settings
    >>> arts = [Article("a1", "Wire", "Quake hits Vessmark", "A quake hit Vessmark.")]
    >>> group_articles(arts, Settings(story_embedder="lexical")).stories[0].article_ids
    ('a1',)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsweave.errors import ConfigError
from newsweave.grouping.embedder import story_embedder
from newsweave.model import Article, StoryGrouping
from newsweave.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from newsweave.grouping.features import StoryFeatures

    Featurizer = Callable[[Sequence[Article]], StoryFeatures]

ENGINES = ("local", "ray")


def group_articles(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    db: str | None = None,
    engine: str = "local",
    progress: Callable[[str, int | None], Callable[[int], None]] | None = None,
) -> StoryGrouping:
    """Group ``articles`` (already read) into stories; see the module docstring.

    Args:
        articles: articles as read.
        settings: ``story_embedder`` picks the dense model, ``batch_size`` the Ray batches.
        db: a SQLite file or database URL: the articles join the stories stored there, and
            the stories holding them are returned.
        engine: ``local``, or ``ray`` to compute features as a Ray Data job.
        progress: ``progress(stage, total)`` returns ``advance(n)``; the CLI draws bars.

    Raises:
        ConfigError: an unknown engine.
        StoreError: the store cannot be opened or was built with another embedder.
    """
    from newsweave.grouping.group import group_stories
    from newsweave.grouping.store import open_store, store_embedder

    settings = settings or Settings()
    if db is None:
        name = story_embedder(articles, settings.story_embedder)
    else:
        name = store_embedder(db, settings.story_embedder, articles)
    featurizer = featurizer_for(engine, name, batch_size=settings.batch_size)
    if db is None:
        grouping = group_stories(articles, name, featurizer=featurizer, progress=progress)
        return StoryGrouping(grouping.stories, tuple(articles))
    store = open_store(db, name, featurizer=featurizer)
    try:
        tick = progress("stories", len(articles)) if progress else None
        store.ingest(articles, progress=tick)
        found = store.stories([a.id for a in articles])
    finally:
        store.close()
    return StoryGrouping(tuple(found), tuple(articles))


def featurizer_for(engine: str, embedder: str, *, batch_size: int = 256) -> Featurizer | None:
    """What computes the features on ``engine``: None for ``local`` (the default
    :func:`~newsweave.grouping.features.featurize`), Ray Data workers for ``ray``.

    Raises:
        ConfigError: an unknown engine; the message lists the known ones.
        MissingExtraError: ``ray`` without Ray installed.
    """
    if engine == "local":
        return None
    if engine == "ray":
        from newsweave.scale.ray_engine import ray_featurizer

        return ray_featurizer(embedder, batch_size=batch_size)
    raise ConfigError(f"engine {engine!r}: available: {', '.join(ENGINES)}")
