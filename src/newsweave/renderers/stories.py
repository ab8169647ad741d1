"""A :class:`~newsweave.model.StoryGrouping` as JSON (``newsweave.stories/1``) or Markdown.

Both are story renderers of :mod:`newsweave.registry`; :func:`render_stories` picks one by name.

Example:
    >>> from newsweave.model import Article, Story, StoryGrouping
    >>> g = StoryGrouping((Story("s-1", "Dam <b>opens</b>", ("a",)),),
    ...                   (Article("a", "Wire", "Dam <b>opens</b>", "x"),))
    >>> print(render_stories(g, "md").splitlines()[4])
    ## 1. Dam \\<b\\>opens\\</b\\> (1 article)
"""

from __future__ import annotations

import json
from typing import Any

from newsweave.model import Article, StoryGrouping
from newsweave.registry import get_story_renderer
from newsweave.renderers.markdown import escape, outlet_link

SCHEMA = "newsweave.stories/1"


def render_stories(grouping: StoryGrouping, fmt: str = "md") -> str:
    """``grouping`` as text in ``fmt``: a registered story renderer (``json``, ``md``…).

    Raises:
        UnknownComponentError: ``fmt`` is not registered; the message lists those that are.
    """
    return get_story_renderer(fmt)(grouping)


def render_stories_json(grouping: StoryGrouping) -> str:
    """``grouping`` as ``newsweave.stories/1`` JSON (the ``json`` story renderer)."""
    return json.dumps(stories_dict(grouping), ensure_ascii=False, indent=2) + "\n"


def stories_dict(grouping: StoryGrouping) -> dict[str, Any]:
    """The DESIGN contract: stories with id, title and article ids; rejected inputs."""
    return {
        "schema": SCHEMA,
        "stories": [
            {"id": s.id, "title": s.title, "articles": list(s.article_ids)}
            for s in grouping.stories
        ],
        "rejected": [{"input": r.input, "reason": r.reason} for r in grouping.rejected],
    }


def render_stories_markdown(grouping: StoryGrouping) -> str:
    """``grouping`` as Markdown: a table of articles per story (the ``md`` story renderer)."""
    known = {a.id: a for a in grouping.articles}
    n_articles = sum(len(s.article_ids) for s in grouping.stories)
    lines = [
        "# Stories",
        "",
        f"{n_articles} articles in {len(grouping.stories)} stories.",
        "",
    ]
    for k, story in enumerate(grouping.stories, 1):
        size = len(story.article_ids)
        lines += [
            f"## {k}. {escape(story.title)} ({size} article{'s' if size != 1 else ''})",
            "",
            f"Story `{story.id}`",
            "",
            "| Source | Headline | Published | Article |",
            "|---|---|---|---|",
        ]
        for aid in story.article_ids:
            lines.append(_row(aid, known.get(aid)))
        lines.append("")
    if grouping.rejected:
        lines += ["## Rejected inputs", ""]
        lines += [f"- {escape(r.input)}: {escape(r.reason)}" for r in grouping.rejected]
        lines.append("")
    return "\n".join(lines)


def _row(aid: str, article: Article | None) -> str:
    if article is None:
        return f"| | (stored earlier) | | {escape(aid)} |"
    day = article.published.isoformat() if article.published else ""
    where = escape(article.path or aid)
    outlet = outlet_link(article.source, article.url)
    return f"| {outlet} | {escape(article.title or '')} | {day} | {where} |"
