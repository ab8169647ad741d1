"""A :class:`~newsweave.model.StoryGrouping` as JSON (``newsweave.stories/1``) or Markdown.

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

from newsweave.errors import UnknownComponentError
from newsweave.model import Article, StoryGrouping
from newsweave.renderers.markdown import escape

SCHEMA = "newsweave.stories/1"
FORMATS = ("json", "md")


def render_stories(grouping: StoryGrouping, fmt: str = "md") -> str:
    """``grouping`` as text in ``fmt`` (``json`` or ``md``).

    Raises:
        UnknownComponentError: ``fmt`` is neither.
    """
    if fmt == "json":
        return json.dumps(stories_dict(grouping), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return _markdown(grouping)
    raise UnknownComponentError(f"stories format {fmt!r}: available: {', '.join(FORMATS)}")


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


def _markdown(grouping: StoryGrouping) -> str:
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
    where = article.path or article.url or aid
    return f"| {escape(article.source)} | {escape(article.title or '')} | {day} | {escape(where)} |"
