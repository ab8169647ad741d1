"""Group articles into stories: one story per event, from a folder to millions of articles.

Three steps, each linear in the number of articles for a steady flow of news:

1. **Candidates** (:mod:`~newsweave.grouping.pairs`). Articles are sorted by day; each is
   compared, by the dot product of its dense headline-and-lead vector, only with articles
   within ``Decision.window`` days (undated ones with all, or past ``ALL_PAIRS_POOL``
   articles their ``NEIGHBOURS`` nearest),
   exactly up to ``EXACT_POOL`` rows and through a usearch HNSW index beyond.
2. **Decision** (:mod:`~newsweave.grouping.decision`). Each candidate pair gets a join
   probability from a logistic model over word TF-IDF, name TF-IDF and dense cosines, less
   a decay per day apart. Pairs in two languages use only the language-free features
   (names, multilingual dense).
3. **Grouping** (:mod:`~newsweave.grouping.linkage`). Over the pairs above ``LINK_FLOOR``,
   sparse average linkage merges groups while their mean join probability (missing pairs
   count as 0) stays at or above ``Decision.threshold``. Two events of one kind share some
   links but not most, so they stay apart where single links would chain them.

Each group becomes a :class:`~newsweave.model.Story` (:mod:`~newsweave.grouping.story`).
The result depends only on the set of articles, never on their order, which is what lets
the incremental store (:mod:`newsweave.grouping.store`) reproduce the batch result.

Example:
    >>> from newsweave.model import Article
    >>> arts = [Article(f"a{i}", "Wire", t, b) for i, (t, b) in enumerate([
    ...     ("Quake kills 12 in Vessmark", "An earthquake struck Vessmark on Sept 3, 2023."),
    ...     ("Vessmark earthquake toll rises", "The quake in Vessmark killed 12, on Sept 3, 2023."),
    ...     ("Dornland bank lifts rates", "The Dornland bank raised rates on Sept 3, 2023."),
    ... ])]
    >>> [s.article_ids for s in group_stories(arts, embedder="lexical").stories]
    [('a0', 'a1'), ('a2',)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsweave.embed import Embedder, get_embedder
from newsweave.grouping.decision import Decision, decision_for
from newsweave.grouping.embedder import story_embedder
from newsweave.grouping.features import StoryFeatures, featurize
from newsweave.grouping.linkage import cluster_rows
from newsweave.grouping.pairs import Pairs, Progress, find_pairs
from newsweave.grouping.story import make_story
from newsweave.model import Article, Story


@dataclass(frozen=True, slots=True)
class Grouping:
    """The stories of a run, with the features and pairs they came from."""

    stories: tuple[Story, ...]
    features: StoryFeatures
    pairs: Pairs = field(repr=False)


def group_stories(
    articles: Sequence[Article],
    embedder: Embedder | str = "auto",
    *,
    decision: Decision | None = None,
    featurizer: Callable[[Sequence[Article]], StoryFeatures] | None = None,
    progress: Callable[[str, int | None], Progress] | None = None,
) -> Grouping:
    """Group ``articles`` into stories (batch mode), biggest first; see the module docstring.

    Args:
        articles: articles as read.
        embedder: the dense embedder, or its name (see :mod:`newsweave.embed`); ``auto`` as
            in :mod:`newsweave.grouping.embedder`.
        decision: the join model; by default the one fitted for ``embedder``.
        featurizer: computes the features instead of :func:`featurize` (the Ray engine).
        progress: ``progress(stage, total)`` returns ``advance(n)``; the CLI draws bars.
    """
    if isinstance(embedder, str):
        embedder = get_embedder(story_embedder(articles, embedder))
    decision = decision or decision_for(embedder.name)
    if featurizer is None:
        tick = progress("features", len(articles)) if progress else None
        features = featurize(articles, embedder, progress=tick)
    else:
        features = featurizer(articles)
    return group_features(features, decision, progress=progress)


def group_features(
    features: StoryFeatures,
    decision: Decision,
    *,
    progress: Callable[[str, int | None], Progress] | None = None,
) -> Grouping:
    """Stories from features already computed (steps 2 and 3), biggest first."""
    tick = progress("pairs", len(features)) if progress else None
    pairs = find_pairs(features, decision, progress=tick)
    groups = cluster_rows(features, pairs, decision.threshold)
    found = sorted(
        (make_story(features, g) for g in groups), key=lambda s: (-len(s.article_ids), s.id)
    )
    return Grouping(tuple(found), features, pairs)
