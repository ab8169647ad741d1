"""One article as the quote rules see it, and who spoke last in it.

:class:`ArticleContext` holds what the rules read and never change: the article's parse
(:class:`~newsweave.nlp.parse.ParseIndex`), its quotation marks, found once, and the story's
entities. :class:`LastSpeaker` is the one thing that changes as an article is read: the
speaker of the latest quote, which “…,” he added and a quote paragraph with no cue refer
back to. :func:`~newsweave.quotes.extract.extract_quotes` threads it through the article's
quotes in text order; the rules that need it take it as an argument.

Example:
    >>> from newsweave.model import Annotation, Article
    >>> ctx = ArticleContext.of(Annotation(Article("a", "Wire", None, "No quotes."), (), ()))
    >>> ctx.marks, ctx.paragraph_at(0)
    ((), -1)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsweave.model import Annotation, Entity, Mention
from newsweave.nlp.parse import ParseIndex
from newsweave.quotes.marks import QuoteMark, find_marks

EntityAt = Mapping[tuple[str, int], Entity]


def entities_by_mention(entities: Sequence[Entity]) -> EntityAt:
    """The story entity of each mention, keyed by (article id, mention start)."""
    return {(m.article_id, m.start): e for e in entities for m in e.mentions}


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """One article's parse and quotation marks, with the story's entities to resolve to."""

    parse: ParseIndex
    marks: tuple[QuoteMark, ...]
    entities: tuple[Entity, ...]
    entity_at: EntityAt  # by (article id, mention start)
    by_id: Mapping[str, Entity]

    @classmethod
    def of(
        cls,
        annotation: Annotation,
        entities: Sequence[Entity] = (),
        entity_at: EntityAt | None = None,
    ) -> ArticleContext:
        """Index ``annotation`` and find its quotation marks; ``entity_at`` may be shared
        by the story's articles (see :func:`entities_by_mention`)."""
        return cls(
            parse=ParseIndex(annotation),
            marks=tuple(find_marks(annotation)),
            entities=tuple(entities),
            entity_at=entities_by_mention(entities) if entity_at is None else entity_at,
            by_id={e.id: e for e in entities},
        )

    @property
    def annotation(self) -> Annotation:
        return self.parse.annotation

    @property
    def article_id(self) -> str:
        return self.parse.annotation.article.id

    @property
    def text(self) -> str:
        return self.parse.text

    def paragraph_at(self, offset: int) -> int:
        """The paragraph of the token at ``offset``, -1 between tokens."""
        i = self.parse.token_at(offset)
        return self.parse.paragraph(i) if i is not None else -1

    def sentence_start(self, offset: int) -> int:
        """Where the sentence holding ``offset`` starts (``offset`` itself outside any)."""
        for s in self.annotation.sentences:
            if s.span.start <= offset < s.span.end:
                return s.span.start
        return offset

    def mention_at(self, i: int) -> Mention | None:
        """The entity mention that token ``i`` starts inside, if any."""
        tok = self.parse.tokens[i]
        for mention in self.annotation.mentions:
            if mention.span.start <= tok.start < mention.span.end:
                return mention
        return None

    def entity(self, entity_id: str | None) -> Entity | None:
        """The story entity with ``entity_id``, if any."""
        return None if entity_id is None else self.by_id.get(entity_id)


@dataclass(frozen=True, slots=True)
class LastSpeaker:
    """Who spoke last in an article, and in which paragraph.

    “…,” he added. — a pronoun speaker resolves to the last speaker quoted, if recent.
    """

    name: str
    entity: Entity | None
    paragraph: int
