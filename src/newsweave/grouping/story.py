"""A story's id and headline.

A story's id is ``s-`` and a hash of its smallest article id: it does not depend on the
order the articles came in, and it stays the same while a stored story grows with later
articles (unless one of them sorts before all the others). The headline is the one closest
to the story's dense centre.

Example:
    >>> story_id(["b", "a"]) == story_id(["a"])
    True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from newsweave.grouping.features import StoryFeatures
from newsweave.model import Story

UNTITLED = "Untitled story"


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
