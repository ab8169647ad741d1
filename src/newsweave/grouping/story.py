"""A story's id and headline, the same id for ``newsweave brief`` and ``newsweave stories``.

A story's id is ``s-`` and a hash of its smallest article id: it does not depend on the
order the articles came in. A stored story keeps the id it was first given as it grows,
even when a later article sorts before all the others (the store's ``_keep_ids``). The
headline is chosen among the articles' own headlines, by a rule each command can afford:
``stories`` takes the one closest to the story's dense centre (it has the vectors),
``brief`` the one sharing the most words with the other headlines.

Example:
    >>> from newsweave.model import Article
    >>> a = Article("a", "x", "Dam bursts in Lowvale", "")
    >>> b = Article("b", "y", "Lowvale dam bursts, thousands flee", "")
    >>> story = make_story_from_articles([b, a])
    >>> story.id == story_id(["a", "b"]) == story_id(["a"])
    True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsweave.model import Article, Story

if TYPE_CHECKING:  # pragma: no cover
    from newsweave.grouping.features import StoryFeatures

UNTITLED = "Untitled story"

_WORD = re.compile(r"\w+")


def story_id(article_ids: Iterable[str]) -> str:
    """The id of the story holding ``article_ids``: ``s-`` and a hash of the smallest one.

    Example:
        >>> story_id(["b", "a"]) == story_id(["a", "c", "b"])
        True
        >>> story_id([])  # an empty story hashes the empty string
        's-e3b0c44298fc'
    """
    first = min(article_ids, default="")
    return "s-" + hashlib.sha256(first.encode()).hexdigest()[:12]


def make_story(features: StoryFeatures, rows: Sequence[int]) -> Story:
    """The story of ``features``' ``rows`` (``newsweave stories``): its id, and the headline
    closest to the rows' dense centre."""
    ids = tuple(sorted(features.ids[r] for r in rows))
    centre = features.dense[list(rows)].mean(axis=0)
    titled = [r for r in rows if features.titles[r]]
    if not titled:
        return Story(story_id(ids), UNTITLED, ids)
    best = max(titled, key=lambda r: (float(features.dense[r] @ centre), -rows.index(r)))
    return Story(story_id(ids), features.titles[best], ids)


def make_story_from_articles(articles: Sequence[Article]) -> Story:
    """The story of ``articles`` (``newsweave brief``): its id, and the headline sharing the
    most words with the other headlines.

    Without any headline, the story is named by the first line of the first text (up to 120
    characters). Article ids keep the order given.

    Example:
        >>> a = Article("a", "x", "Dam bursts in Lowvale", "")
        >>> b = Article("b", "y", "Lowvale dam bursts, thousands flee", "")
        >>> c = Article("c", "z", "Storm hits coast", "")
        >>> make_story_from_articles([a, b, c]).title
        'Dam bursts in Lowvale'
    """
    ids = tuple(a.id for a in articles)
    titles = [a.title for a in articles if a.title]
    if not titles:
        first = next((a.text.strip().split("\n", 1)[0] for a in articles if a.text.strip()), "")
        return Story(story_id(ids), first[:120] or UNTITLED, ids)
    words = [set(_WORD.findall(t.lower())) for t in titles]

    def centrality(i: int) -> float:
        return sum(
            len(words[i] & words[j]) / (len(words[i] | words[j]) or 1)
            for j in range(len(titles))
            if j != i
        )

    best = max(range(len(titles)), key=lambda i: (centrality(i), -i))
    return Story(story_id(ids), titles[best], ids)
