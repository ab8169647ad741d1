"""The sentences annotation found, looked up by article and by offset.

spaCy's sentences are the one sentence split of an article's text: stages that quote a
whole sentence (the summary, the LLM writer's prompt) take them from here instead of
splitting the text again. Text that never went through spaCy, such as an LLM's reply, is
split by :func:`newsweave.text.sentences.split_sentences`.

Example:
    >>> from newsweave.model import Sentence, Span
    >>> index = SentenceIndex([Sentence(Span("a", 0, 10), 0), Sentence(Span("a", 11, 30), 0)])
    >>> index.around(Span("a", 15, 20)), [s.start for s in index.body("a")]
    (Span(article_id='a', start=11, end=30), [0, 11])
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from newsweave.model import Sentence, Span


class SentenceIndex:
    """Each article's body sentences (headlines left out), in text order."""

    __slots__ = ("_spans", "_starts")

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        spans: dict[str, list[Span]] = {}
        for sentence in sentences:
            if not sentence.is_title:
                spans.setdefault(sentence.span.article_id, []).append(sentence.span)
        for found in spans.values():
            found.sort(key=lambda s: s.start)
        self._spans = spans
        self._starts = {aid: [s.start for s in found] for aid, found in spans.items()}

    def body(self, article_id: str) -> list[Span]:
        """The body sentences of one article, in order (none for an unknown article)."""
        return self._spans.get(article_id, [])

    def around(self, span: Span) -> Span:
        """The sentence that holds the start of ``span`` (stretched to its end, should it run
        on), or ``span`` itself when no annotated sentence does (a briefing built by hand)."""
        starts = self._starts.get(span.article_id)
        if not starts:
            return span
        i = bisect_right(starts, span.start) - 1
        if i >= 0:
            found = self._spans[span.article_id][i]
            if found.start <= span.start < max(found.end, found.start + 1):
                return (
                    found if span.end <= found.end else Span(span.article_id, found.start, span.end)
                )
        return span
