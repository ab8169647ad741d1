"""Lines a site repeats on its pages: furniture seen across the articles of one source.

One page cannot tell its own site's menu or promo line from a short line of its article;
several pages of the same site can. A short line that is no sentence and stands, word for
word, in two or more articles of one source is the site's ("Most Read", "Sign up for the
Morning Briefing", "Watch: Latest videos"). Sentences are never taken this way: two
updates of one wire story rightly repeat them.

Example:
    >>> from newsweave.model import Article
    >>> a = Article("a", "Planet", None, "Dam opens\\n\\nOur Weekly Letter\\n\\nIt opened.")
    >>> b = Article("b", "Planet", None, "Dam closes\\n\\nOur Weekly Letter\\n\\nIt shut.")
    >>> [r.reason for r in mark_site_repeats([a, b])[0].removed]
    ['repeated']
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsweave.model import Article, Removed, Span
from newsweave.text.shapes import ends_sentence, norm, split_lines, stripped_span, touched

__all__ = ["mark_site_repeats"]

REPEAT_MAX_WORDS = 12  # longer lines are the article's, whatever repeats them
REPEAT_MIN_ARTICLES = 2  # of one source, holding the same line


def mark_site_repeats(articles: Sequence[Article]) -> list[Article]:
    """``articles`` (cleaned), with the short lines their source repeats marked removed."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        by_source[article.source].append(i)
    out = list(articles)
    for members in by_source.values():
        if len(members) < REPEAT_MIN_ARTICLES:
            continue
        candidates = {i: _candidates(articles[i]) for i in members}
        seen: Counter[str] = Counter()
        for lines in candidates.values():
            seen.update({key for key, _ in lines})
        for i, lines in candidates.items():
            added = [
                Removed(Span(articles[i].id, s, e), "repeated")
                for key, (s, e) in lines
                if seen[key] >= REPEAT_MIN_ARTICLES
            ]
            if added:
                removed = tuple(sorted([*articles[i].removed, *added], key=lambda r: r.span.start))
                out[i] = dataclasses.replace(articles[i], removed=removed)
    return out


def _candidates(article: Article) -> list[tuple[str, tuple[int, int]]]:
    """The short non-sentence lines of ``article`` not yet removed, nor its headline."""
    lines = split_lines(article.text)
    spans = [(r.span.start, r.span.end) for r in article.removed]
    if article.title_span is not None:
        spans.append((article.title_span.start, article.title_span.end))
    out = []
    for line, cut in zip(lines, touched(lines, spans), strict=True):
        if cut or line.words > REPEAT_MAX_WORDS or ends_sentence(line.text):
            continue
        if not any(ch.isalpha() for ch in line.text):
            continue
        out.append((norm(line.text), stripped_span(article.text, line)))
    return out
