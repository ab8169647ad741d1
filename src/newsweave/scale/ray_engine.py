"""Story features as a Ray Data job: the same :func:`featurize`, mapped over batches.

Features are the costly, embarrassingly parallel part of grouping (cleaning, weighting,
embedding); pairs and grouping stay in the driver, since they need the rows side by side.
Ray runs locally by default, or joins the cluster named by ``RAY_ADDRESS``.

Example:
    >>> from newsweave.model import Article
    >>> run = ray_featurizer("lexical")  # doctest: +SKIP
    >>> run([Article("a", "Wire", "Dam opens", "The dam opened.")]).ids  # doctest: +SKIP
    ('a',)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from newsweave.embed import get_embedder
from newsweave.grouping.features import StoryFeatures, concat_features, featurize
from newsweave.model import Article
from newsweave.scale.cluster import connect, require_ray

# Article fields that travel to the workers (the rest is not needed for features).
_FIELDS = ("id", "source", "title", "text", "url", "published", "lang")


def ray_featurizer(
    embedder: str, *, batch_size: int = 256, num_cpus: int | None = None
) -> Callable[[Sequence[Article]], StoryFeatures]:
    """A featurizer that runs :func:`featurize` over batches of articles on Ray workers.

    Raises:
        MissingExtraError: Ray is not installed (``pip install 'newsweave[ray]'``).
    """
    require_ray("engine 'ray'")

    def run(articles: Sequence[Article]) -> StoryFeatures:
        return featurize_with_ray(articles, embedder, batch_size=batch_size, num_cpus=num_cpus)

    return run


def featurize_with_ray(
    articles: Sequence[Article],
    embedder: str,
    *,
    batch_size: int = 256,
    num_cpus: int | None = None,
) -> StoryFeatures:
    """Story features for ``articles``, computed by Ray Data ``map_batches`` workers.

    The rows come back in the input order, equal to what :func:`featurize` gives.
    """
    import ray

    dim = get_embedder(embedder).dim
    if not articles:
        return concat_features([], dim)
    connect(num_cpus)
    _quiet_data(ray.data.DataContext.get_current())
    records = [_record(k, a) for k, a in enumerate(articles)]
    dataset = ray.data.from_items(records).map_batches(
        functools.partial(_feature_batch, embedder=embedder),
        batch_size=batch_size,
        batch_format="default",
        concurrency=1 if num_cpus == 1 else None,
    )
    parts: list[tuple[int, StoryFeatures]] = []
    for batch in dataset.iter_batches(batch_size=None, batch_format="default"):
        parts.extend(_unpack(batch))
    parts.sort(key=lambda p: p[0])
    return concat_features([p[1] for p in parts], dim)


def _quiet_data(context: Any) -> None:
    """No progress bars or per-run log lines from Ray Data on the caller's terminal (a
    watcher's stderr is one line a round); they stay in Ray's own log files."""
    context.enable_progress_bars = False
    context.enable_operator_progress_bars = False
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)


def _feature_batch(batch: dict[str, Any], embedder: str) -> dict[str, Any]:
    """One batch's features, on a Ray worker. A task, not an actor: Ray reuses its worker
    processes, and the registry keeps the embedder loaded in each (an actor pool kept its
    constructor's arguments in the object store, and Ray printed an error line saying so)."""
    articles = [_article(batch, k) for k in range(len(batch["id"]))]
    features = featurize(articles, get_embedder(embedder))
    # One output row per batch: the features travel whole, with the batch's first position.
    return {
        "position": np.array([int(batch["position"][0])]),
        "features": np.array([_pack(features)], dtype=object),
    }


def _record(position: int, article: Article) -> dict[str, Any]:
    row = {f: getattr(article, f) for f in _FIELDS}
    row["published"] = article.published.isoformat() if article.published else ""
    row["position"] = position
    return {k: ("" if v is None else v) for k, v in row.items()}


def _article(batch: dict[str, Any], k: int) -> Article:
    published = str(batch["published"][k])
    return Article(
        id=str(batch["id"][k]),
        source=str(batch["source"][k]),
        title=str(batch["title"][k]) or None,
        text=str(batch["text"][k]),
        url=str(batch["url"][k]) or None,
        published=dt.date.fromisoformat(published) if published else None,
        lang=str(batch["lang"][k]) or None,
    )


def _pack(features: StoryFeatures) -> dict[str, Any]:
    return {f.name: getattr(features, f.name) for f in dataclasses.fields(StoryFeatures)}


def _unpack(batch: dict[str, Any]) -> list[tuple[int, StoryFeatures]]:
    return [
        (int(position), StoryFeatures(**packed))
        for position, packed in zip(batch["position"], batch["features"], strict=True)
    ]
