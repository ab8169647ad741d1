"""A briefing to share without the articles' full texts: only the passages it cites remain.

:func:`without_article_text` is what ``newsweave brief --no-article-text`` applies before
rendering. Facts that one outlet alone reports, that no other outlet disputes and that the
summary does not use are dropped: each is a whole sentence of its article, and together they
would spell the article out. Each article keeps its length and offsets, so every citation
still points at the right characters, but every character no remaining item cites becomes a
space, and the article is marked ``full_text=False``: the JSON writes its ``text`` as
``null`` and the HTML page shows the cited passages alone, with a link to the original
where there is one.

Example:
    >>> from newsweave.model import Article, Briefing, Fact, Span, Story
    >>> a = Article("a", "Wire", None, "Secret intro. The dam opened. Private outro.")
    >>> b = Article("b", "Post", None, "The dam opened.")
    >>> fact = Fact("f1", "The dam opened.", "shared", (Span("a", 14, 29), Span("b", 0, 15)))
    >>> story = Story("s", "Dam", ("a", "b"))
    >>> shared = without_article_text(Briefing(story, (a, b), facts=(fact,)))
    >>> shared.articles[0].text.strip(), shared.articles[0].full_text
    ('The dam opened.', False)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from newsweave.model import Article, Briefing, Span


def without_article_text(briefing: Briefing) -> Briefing:
    """``briefing`` with each article's text cut down to the passages the briefing cites,
    without the facts only one outlet reports (unless disputed or in the summary)."""
    summarised = [s for sentence in briefing.summary for s in sentence.evidence]
    facts = tuple(
        f
        for f in briefing.facts
        if f.disputed
        or len(f.article_ids) > 1
        or any(_overlap(s, e) for s in f.support for e in summarised)
    )
    briefing = replace(briefing, facts=facts)
    cited: dict[str, list[Span]] = {}
    for span in cited_spans(briefing):
        cited.setdefault(span.article_id, []).append(span)
    articles = tuple(_excerpt(a, cited.get(a.id, [])) for a in briefing.articles)
    return replace(briefing, articles=articles, sentences=())


def cited_spans(briefing: Briefing) -> Iterator[Span]:
    """Every span an item of ``briefing`` points at: evidence, quotes, names, dates."""
    for fact in briefing.facts:
        yield from fact.support
        for variant in fact.variants:
            yield from variant.evidence
    for event in briefing.timeline:
        yield from event.support
        yield from event.dates
    for sentence in briefing.summary:
        yield from sentence.evidence
    for quote in briefing.quotes:
        yield quote.span
        for part in (quote.cue, quote.speaker_span):
            if part is not None:
                yield part
    for entity in briefing.entities:
        yield from entity.mentions
    for time in briefing.dates:
        yield time.span
    for flagged in briefing.flagged:
        yield flagged.span
    for article in briefing.articles:
        if article.dating is not None:
            yield from article.dating.evidence
        if article.title_span is not None:
            yield article.title_span


def _overlap(a: Span, b: Span) -> bool:
    return a.article_id == b.article_id and a.start < b.end and b.start < a.end


def _excerpt(article: Article, spans: list[Span]) -> Article:
    chars = [" "] * len(article.text)
    for span in spans:
        chars[span.start : span.end] = article.text[span.start : span.end]
    return replace(article, text="".join(chars)[: len(article.text)], full_text=False)
