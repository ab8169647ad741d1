"""A stories run: group these articles with these settings, optionally into a store.

The settings pick the dense embedder (``Settings.story_embedder``; see
:mod:`newsweave.grouping.embedder` for what ``auto`` means) and the engine that computes
the features (``local``, or ``ray`` for a Ray Data job). Without a store the articles are
grouped in one batch; with one (a SQLite file or a database URL) they join the stories
stored there.

:func:`group_stream` takes articles as they are read. Up to ``HOLD_ARTICLES`` it is
:func:`group_articles`; past that the run streams: each block of articles is turned into
its features (or ingested into the store) and its texts let go, so a multi-gigabyte
archive is grouped holding its features, not its texts.

Example:
    >>> from newsweave.model import Article
    >>> from newsweave.settings import Settings
    >>> arts = [Article("a1", "Wire", "Quake hits Vessmark", "A quake hit Vessmark.")]
    >>> group_articles(arts, Settings(story_embedder="lexical")).stories[0].article_ids
    ('a1',)
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from newsweave.errors import ConfigError
from newsweave.grouping.embedder import story_embedder
from newsweave.model import Article, Rejected, StoryGrouping
from newsweave.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from newsweave.grouping.features import StoryFeatures

    Featurizer = Callable[[Sequence[Article]], StoryFeatures]

ENGINES = ("local", "ray")
HOLD_ARTICLES = 20_000  # a run of more articles streams: their texts are let go as it goes
STREAM_BLOCK = 2048  # articles featurised (or ingested) together while streaming

logger = logging.getLogger("newsweave")
Progress = Callable[[str, int | None], Callable[[int], None]]


def group_articles(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    db: str | None = None,
    engine: str = "local",
    progress: Progress | None = None,
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
    from newsweave.grouping.database import store_errors
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
    with store_errors(db):
        store = open_store(db, name, featurizer=featurizer)
        try:
            tick = progress("stories", len(articles)) if progress else None
            store.ingest(articles, progress=tick)
            found = store.stories([a.id for a in articles])
        finally:
            store.close()
    return StoryGrouping(tuple(found), tuple(articles))


def group_stream(
    outcomes: Iterable[Article | Rejected],
    settings: Settings | None = None,
    *,
    db: str | None = None,
    engine: str = "local",
    progress: Progress | None = None,
) -> StoryGrouping:
    """Group articles as they are read (``outcomes`` from
    :func:`~newsweave.read.iter_inputs`), rejections passed through to the result.

    Up to ``HOLD_ARTICLES`` articles, this is :func:`group_articles`. Past that, the run
    streams, and two things differ:

    * ``auto`` picks the embedder from the first ``HOLD_ARTICLES`` articles' languages
      (the choice is logged; give an embedder to pin it);
    * the result's articles keep their metadata (source, headline, date, URL, path) but
      not their text.

    Raises:
        ConfigError, StoreError: as :func:`group_articles`.
    """
    settings = settings or Settings()
    rejected: list[Rejected] = []
    articles = _articles_of(outcomes, rejected)
    head = list(itertools.islice(articles, HOLD_ARTICLES))
    following = next(articles, None)
    if following is None:
        grouping = group_articles(head, settings, db=db, engine=engine, progress=progress)
        return StoryGrouping(grouping.stories, grouping.articles, tuple(rejected))
    name = _streamed_embedder(head, settings, db)
    rest = itertools.chain(head, [following], articles)
    del head  # the chain lets the first articles go as it passes them
    featurizer = featurizer_for(engine, name, batch_size=settings.batch_size)
    kept: list[Article] = []
    blocks = _blocks(rest, kept)
    if db is not None:
        from newsweave.grouping.database import store_errors
        from newsweave.grouping.store import open_store

        with store_errors(db):
            store = open_store(db, name, featurizer=featurizer)
            try:
                tick = progress("stories", None) if progress else None
                store.ingest(itertools.chain.from_iterable(blocks), progress=tick)
                found = store.stories([a.id for a in kept])
            finally:
                store.close()
        return StoryGrouping(tuple(found), tuple(kept), tuple(rejected))
    from newsweave.embed import get_embedder
    from newsweave.grouping.decision import decision_for
    from newsweave.grouping.features import concat_features, featurize
    from newsweave.grouping.group import group_features

    model = get_embedder(name)
    tick = progress("features", None) if progress else None
    parts = []
    for block in blocks:
        parts.append(featurizer(block) if featurizer else featurize(block, model))
        if tick is not None:
            tick(len(block))
    features = concat_features(parts, model.dim)
    del parts
    grouped = group_features(features, decision_for(model.name), progress=progress)
    return StoryGrouping(grouped.stories, tuple(kept), tuple(rejected))


def _articles_of(
    outcomes: Iterable[Article | Rejected], rejected: list[Rejected]
) -> Iterator[Article]:
    for outcome in outcomes:
        if isinstance(outcome, Rejected):
            rejected.append(outcome)
        else:
            yield outcome


def _streamed_embedder(head: Sequence[Article], settings: Settings, db: str | None) -> str:
    """The embedder of a streamed run: as for ``head``, its first ``HOLD_ARTICLES``
    articles. ``auto`` choosing a one-language model is logged, since articles further on
    may be in another language."""
    from newsweave.grouping.store import store_embedder, stored_embedder
    from newsweave.nlp.language import language_of

    if db is not None:
        name = store_embedder(db, settings.story_embedder, head)
    else:
        name = story_embedder(head, settings.story_embedder)
    chosen_here = settings.story_embedder.strip() == "auto" and (
        db is None or stored_embedder(db) is None
    )
    if chosen_here and name != "multilingual-e5-small":
        langs = ", ".join(sorted({language_of(a) for a in head}))
        logger.warning(
            "more than %d articles: the story embedder %r was chosen from the first %d "
            "(in %s); if later ones are in other languages, pass --embedder "
            "multilingual-e5-small",
            HOLD_ARTICLES,
            name,
            HOLD_ARTICLES,
            langs,
        )
    return name


def _blocks(articles: Iterable[Article], kept: list[Article]) -> Iterator[list[Article]]:
    """``articles`` in blocks of ``STREAM_BLOCK``; each article's metadata (not its text)
    is appended to ``kept`` as its block is handed out."""
    items = iter(articles)
    while block := list(itertools.islice(items, STREAM_BLOCK)):
        kept.extend(_without_text(a) for a in block)
        yield block


def _without_text(article: Article) -> Article:
    return Article(
        article.id,
        article.source,
        article.title,
        "",
        url=article.url,
        path=article.path,
        published=article.published,
        published_inferred=article.published_inferred,
        lang=article.lang,
        dating=article.dating,
        meta=article.meta,
    )


def featurizer_for(
    engine: str, embedder: str, *, batch_size: int = 256, at_least: int = 0
) -> Featurizer | None:
    """What computes the features on ``engine``: None for ``local`` (the default
    :func:`~newsweave.grouping.features.featurize`), Ray Data workers for ``ray``.

    With ``at_least``, Ray takes only calls with at least that many articles, and smaller
    ones are featurised here (a watcher's few new articles should not wait on Ray); a call
    Ray fails is featurised here too, with a warning, so a watcher outlives its cluster.

    Raises:
        ConfigError: an unknown engine; the message lists the known ones.
        MissingExtraError: ``ray`` without Ray installed.
    """
    check_engine(engine)
    if engine == "local":
        return None
    from newsweave.grouping.features import featurize
    from newsweave.scale.ray_engine import ray_featurizer

    remote = ray_featurizer(embedder, batch_size=batch_size)
    if at_least <= 0:
        return remote

    def sized(articles: Sequence[Article]) -> StoryFeatures:
        if len(articles) >= at_least:
            try:
                return remote(articles)
            except Exception as exc:  # a watcher goes on without Ray rather than stop
                logger.warning(
                    "Ray failed (%s); computing the features of %d articles here",
                    exc,
                    len(articles),
                )
        return featurize(articles, embedder)

    return sized


def check_engine(engine: str) -> None:
    """Stop on an engine that is not one of ``ENGINES``.

    Raises:
        ConfigError: an unknown engine; the message lists the known ones.
    """
    if engine not in ENGINES:
        raise ConfigError(f"engine {engine!r}: available: {', '.join(ENGINES)}")
