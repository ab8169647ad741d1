"""Who a subject is: a name, a pronoun or a description, resolved to a story entity.

:class:`ArticleParse` indexes one article's plain-data parse for the attribution rules in
:mod:`newsweave.quotes.attribution` and :mod:`newsweave.quotes.extract`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsweave.lexicon.function_words import PRONOUN_REFERENTS
from newsweave.lexicon.people import (
    GENERIC_TITLE_WORDS,
    ORGANISATION_WORDS,
    OUTLET_WORDS,
    TITLE_WORDS,
)
from newsweave.model import Annotation, Entity, Mention, Span, Speaker
from newsweave.quotes.marks import QuoteMark, find_marks


@dataclass
class ArticleParse:
    """One article's parse, indexed for the attribution rules."""

    annotation: Annotation
    entity_at: dict[tuple[str, int], Entity]
    entities: Sequence[Entity] = ()
    starts: list[int] = field(default_factory=list)
    children: list[list[int]] = field(default_factory=list)
    by_id: dict[str, Entity] = field(default_factory=dict)
    last_speaker: tuple[Entity | None, str, int] | None = None  # (entity, name, paragraph)
    marks: list[QuoteMark] | None = None

    def __post_init__(self) -> None:
        tokens = self.annotation.tokens
        self.starts = [t.start for t in tokens]
        self.by_id = {e.id: e for e in self.entities}
        self.children = [[] for _ in tokens]
        for i, tok in enumerate(tokens):
            if tok.head != i:
                self.children[tok.head].append(i)

    @property
    def text(self) -> str:
        return self.annotation.article.text

    def token_at(self, offset: int) -> int | None:
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.annotation.tokens[i].start <= offset < self.annotation.tokens[i].end:
            return i
        return None

    def tokens_between(self, start: int, end: int) -> range:
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def word(self, i: int) -> str:
        tok = self.annotation.tokens[i]
        return self.text[tok.start : tok.end]

    def dependents(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.children[i] if self.annotation.tokens[c].dep in deps]

    def subtree(self, i: int) -> tuple[int, int]:
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(self.children[j])
        return lo, hi

    def paragraph(self, i: int) -> int:
        return self.annotation.sentences[self.annotation.tokens[i].sentence].paragraph


def article_marks(ctx: ArticleParse) -> list[QuoteMark]:
    if ctx.marks is None:
        ctx.marks = find_marks(ctx.annotation)
    return ctx.marks


def paragraph_at(ctx: ArticleParse, offset: int) -> int:
    i = ctx.token_at(offset)
    return ctx.paragraph(i) if i is not None else -1


def sentence_start(ctx: ArticleParse, offset: int) -> int:
    for s in ctx.annotation.sentences:
        if s.span.start <= offset < s.span.end:
            return s.span.start
    return offset


def topic_before(ctx: ArticleParse, offset: int) -> tuple[Speaker, Span, str | None] | None:
    """The resolved subject of the sentence before the one at ``offset``, same paragraph."""
    start = ctx.token_at(offset)
    if start is None:
        return None
    tokens = ctx.annotation.tokens
    sentence = tokens[start].sentence
    if sentence == 0 or ctx.annotation.sentences[sentence - 1].paragraph != ctx.paragraph(start):
        return None
    prev = ctx.annotation.sentences[sentence - 1].span
    for i in ctx.tokens_between(prev.start, prev.end):
        if tokens[i].dep == "ROOT" and tokens[i].pos in {"VERB", "AUX"}:
            for subject in ctx.dependents(i, "nsubj"):
                if ctx.word(subject).lower() in PRONOUN_REFERENTS:
                    return None  # a pronoun is the last-speaker rule's business
                found = resolve_speaker(ctx, subject, offset)
                if found is not None and found[0].entity_id is not None:
                    return found
    return None


def resolve_speaker(
    ctx: ArticleParse, i: int, before: int
) -> tuple[Speaker, Span, str | None] | None:
    """The speaker named by the subject token ``i``: a name, a pronoun or a description."""
    tokens = ctx.annotation.tokens
    aid = ctx.annotation.article.id
    word = ctx.word(i)
    span = Span(aid, tokens[i].start, tokens[i].end)
    mention = mention_at(ctx, i)
    if mention is not None:
        entity = ctx.entity_at.get((aid, mention.span.start))
        name = entity.name if entity else mention.text
        return Speaker(name, entity.id if entity else None), mention.span, mention.role_text
    low = word.lower()
    if low in PRONOUN_REFERENTS:
        kind = PRONOUN_REFERENTS[low]
        return _same_sentence_antecedent(ctx, i, kind, span) or _resolve_pronoun(
            ctx, kind, span, before
        )
    if tokens[i].pos == "PROPN":
        lo, hi = _name_extent(ctx, i)
        return Speaker(ctx.text[tokens[lo].start : tokens[hi].end]), span, None
    if tokens[i].pos == "NOUN":
        # the top-ranking US military officer, General Mark Milley, said …
        for appos in ctx.dependents(i, "appos"):
            found = resolve_speaker(ctx, appos, before)
            if found is not None:
                return found
        # North Korea’s KCNA state news agency said … — the outlet named inside
        if ctx.word(i).lower() in ORGANISATION_WORDS | OUTLET_WORDS:
            for part in ctx.dependents(i, "compound", "nmod", "poss"):
                if tokens[part].pos == "PROPN" and mention_at(ctx, part) is not None:
                    found = resolve_speaker(ctx, part, before)
                    if found is not None:
                        return found
        return _resolve_description(ctx, i, before)
    return None


def mention_at(ctx: ArticleParse, i: int) -> Mention | None:
    tok = ctx.annotation.tokens[i]
    for mention in ctx.annotation.mentions:
        if mention.span.start <= tok.start < mention.span.end:
            return mention
    return None


def _name_extent(ctx: ArticleParse, i: int) -> tuple[int, int]:
    tokens = ctx.annotation.tokens
    lo = i
    while lo > 0 and tokens[lo - 1].pos == "PROPN" and tokens[lo - 1].head == i:
        lo -= 1
    return lo, i


def _same_sentence_antecedent(
    ctx: ArticleParse, pronoun: int, kind: str, span: Span
) -> tuple[Speaker, Span, str | None] | None:
    """In June, Kim sent a message to Putin …, where he said — the sentence's own subject."""
    tokens = ctx.annotation.tokens
    sentence = ctx.annotation.sentences[tokens[pronoun].sentence].span
    quoted = [(m.start, m.end) for m in article_marks(ctx)]
    best = None
    for mention in ctx.annotation.mentions:
        m = mention.span
        if not (sentence.start <= m.start and m.end <= tokens[pronoun].start):
            continue
        if any(s <= m.start < e for s, e in quoted):
            continue  # a name inside the quote is not its speaker
        entity = ctx.entity_at.get((m.article_id, m.start))
        label = entity.type if entity else mention.label
        if kind not in {"ANY", label}:
            continue
        inside = ctx.tokens_between(m.start, m.end)
        # the subject, or a name in apposition to it: "The union's leader, Colm Brady, was …"
        subject = any(
            tokens[t].dep in {"nsubj", "nsubjpass"}
            or (tokens[t].dep == "appos" and tokens[tokens[t].head].dep in {"nsubj", "nsubjpass"})
            for t in inside
        )
        if best is None or subject >= best[0]:
            best = (subject, mention, entity)
    if best is None:
        return None
    _, mention, entity = best
    name = entity.name if entity else mention.text
    return Speaker(name, entity.id if entity else None), span, None


def _resolve_pronoun(
    ctx: ArticleParse, kind: str, span: Span, before: int
) -> tuple[Speaker, Span, str | None] | None:
    # The Kremlin spokesperson dismissed such warnings. “…,” he said. — the last subject …
    topic = topic_before(ctx, before)
    if topic is not None:
        entity = entity_by_id(ctx, topic[0].entity_id)
        if entity is not None and (kind == "ANY" or _compatible(entity, kind)):
            return topic[0], span, None
    # “…,” he added. — … else the last speaker, if recent …
    if ctx.last_speaker is not None:
        entity, name, paragraph = ctx.last_speaker
        recent = paragraph_at(ctx, before) - paragraph <= 2
        if recent and (kind == "ANY" or entity is None or _compatible(entity, kind)):
            return Speaker(name, entity.id if entity else None), span, None
    # … else the nearest person (or organisation) named before it.
    for mention in reversed(ctx.annotation.mentions):
        if mention.span.start >= before:
            continue
        entity = ctx.entity_at.get((mention.span.article_id, mention.span.start))
        label = entity.type if entity else mention.label
        if kind == "ANY" or label == kind:
            name = entity.name if entity else mention.text
            return Speaker(name, entity.id if entity else None), span, None
    return None


def _compatible(entity: Entity, kind: str) -> bool:
    if entity.type == kind or (kind == "ORG" and entity.type in {"ORG", "GPE"}):
        return True
    # The small model often tags a person's name ORG ("Marta Ilves, who runs a café");
    # "she" may still refer to a two- or three-word name with no organisation word in it.
    return kind == "PERSON" and entity.type == "ORG" and _person_shaped(entity.name)


def _person_shaped(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w.replace("-", "").isalpha() and w.lower() not in ORGANISATION_WORDS
        for w in words
    )


def _resolve_description(
    ctx: ArticleParse, i: int, before: int
) -> tuple[Speaker, Span, str | None] | None:
    """the Kremlin’s spokesperson / the Russian president / the group → a known entity."""
    tokens = ctx.annotation.tokens
    head = tokens[i].lemma.lower()
    lo, hi = ctx.subtree(i)
    hi = min(hi, i)  # the description up to its head noun
    while lo < hi and tokens[lo].pos == "DET":
        lo += 1
    description = ctx.text[tokens[lo].start : tokens[hi].end]
    words = {w.lower() for w in re.findall(r"\w+", description)}
    # "the Russian leader" cannot be the North Korean leader: proper modifiers must agree.
    proper = _proper_words(description)
    aid = ctx.annotation.article.id
    span = Span(aid, tokens[lo].start, tokens[hi].end)
    if ctx.word(i).lower() != head and ctx.word(i).lower().endswith("s"):
        return Speaker(description), span, None  # "Experts say", "officials said": many people
    best: tuple[tuple[bool, bool, int, int], Entity] | None = None
    for entity in ctx.entities:
        if entity.type not in {"PERSON", "ORG"}:
            continue
        titles = [r.lower() for r in entity.roles] + [entity.name.lower()]
        vocabulary = {w for t in titles for w in re.findall(r"\w+", t)}
        theirs = {w for r in entity.roles for w in _proper_words(r)}
        if proper and theirs and not proper & theirs:
            continue
        # without the title's head noun, only a person with agreeing modifiers will do
        if head not in vocabulary and not (proper and entity.type == "PERSON"):
            continue
        shared = max(len(words & set(re.findall(r"\w+", t))) for t in titles)
        here = paragraph_at(ctx, before)
        recent = any(
            m.article_id == aid and m.start < before and here - paragraph_at(ctx, m.start) <= 2
            for m in entity.mentions
        )
        # the title's head noun first, then shared words, then who was just mentioned, then
        # who the story is most about ("the Russian leader" → the most-mentioned Russian)
        score = (head in vocabulary, recent, shared, len(entity.mentions))
        if best is None or score > best[0]:
            best = (score, entity)
    if best is None:
        # "US officials said", "the harbour authority said": a speaker we cannot name further
        return Speaker(description), span, None
    entity = best[1]
    return Speaker(entity.name, entity.id), span, description


def _proper_words(text: str) -> set[str]:
    """Capitalised words other than titles: "Russian" in "Russian Defence Minister"."""
    return {
        w.lower()
        for w in re.findall(r"\w+", text)
        if w[:1].isupper() and w.lower() not in TITLE_WORDS and w.lower() not in GENERIC_TITLE_WORDS
    }


def entity_by_id(ctx: ArticleParse, entity_id: str | None) -> Entity | None:
    """The story entity with ``entity_id``, if any."""
    return None if entity_id is None else ctx.by_id.get(entity_id)
