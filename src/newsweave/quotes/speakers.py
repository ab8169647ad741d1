"""Who a subject is: a name, a pronoun or a description, resolved to a story entity.

The rules read one article through :class:`~newsweave.quotes.context.ArticleContext`; a
pronoun may refer back to the :class:`~newsweave.quotes.context.LastSpeaker`, which the
caller passes in.
"""

from __future__ import annotations

import re

from newsweave.lexicon.function_words import PRONOUN_REFERENTS
from newsweave.lexicon.people import (
    DOCUMENT_WORDS,
    GENERIC_TITLE_WORDS,
    ORGANISATION_WORDS,
    OUTLET_WORDS,
    TITLE_WORDS,
)
from newsweave.model import Entity, Span, Speaker
from newsweave.quotes.context import ArticleContext, LastSpeaker

Resolved = tuple[Speaker, Span, str | None]  # the speaker, where it is written, its role


def topic_before(
    ctx: ArticleContext, offset: int, last: LastSpeaker | None, *, across: bool = False
) -> Resolved | None:
    """The resolved subject of the sentence before the one at ``offset``: in the same
    paragraph, or (``across``) also the last sentence of the paragraph before."""
    parse = ctx.parse
    start = parse.token_at(offset)
    if start is None:
        return None
    tokens = parse.tokens
    sentences = ctx.annotation.sentences
    sentence = tokens[start].sentence
    if sentence == 0:
        return None
    gap = parse.paragraph(start) - sentences[sentence - 1].paragraph
    if gap != 0 and not (across and gap == 1):
        return None
    for i in parse.tokens_in(sentences[sentence - 1].span):
        if tokens[i].dep == "ROOT" and tokens[i].pos in {"VERB", "AUX"}:
            for subject in parse.dependents(i, "nsubj"):
                if parse.word(subject).lower() in PRONOUN_REFERENTS:
                    return None  # a pronoun is the last-speaker rule's business
                found = resolve_speaker(ctx, subject, offset, last)
                if found is not None and found[0].entity_id is not None:
                    return found
    return None


def resolve_speaker(
    ctx: ArticleContext, i: int, before: int, last: LastSpeaker | None
) -> Resolved | None:
    """The speaker named by the subject token ``i``: a name, a pronoun or a description.

    ``before`` is where the quote starts; ``last`` is who spoke last, for pronouns.
    """
    parse = ctx.parse
    tokens = parse.tokens
    aid = ctx.article_id
    word = parse.word(i)
    span = Span(aid, tokens[i].start, tokens[i].end)
    mention = ctx.mention_at(i)
    if mention is not None:
        entity = ctx.entity_at.get((aid, mention.span.start))
        name = entity.name if entity else mention.text
        return Speaker(name, entity.id if entity else None), mention.span, mention.role_text
    low = word.lower()
    if low in PRONOUN_REFERENTS:
        kind = PRONOUN_REFERENTS[low]
        return _same_sentence_antecedent(ctx, i, kind, span) or _resolve_pronoun(
            ctx, kind, span, before, last
        )
    named = _named_here(ctx, i)
    if named is not None:
        return Speaker(named.name, named.id), span, None
    if tokens[i].pos == "PROPN":
        lo, hi = _name_extent(ctx, i)
        return Speaker(ctx.text[tokens[lo].start : tokens[hi].end]), span, None
    if tokens[i].pos == "NOUN":
        # the top-ranking US military officer, General Mark Milley, said …
        for appos in parse.dependents(i, "appos"):
            found = resolve_speaker(ctx, appos, before, last)
            if found is not None:
                return found
        # North Korea’s KCNA state news agency said … / a U.N. resolution demanded … — the
        # outlet or the issuer named inside
        if low in ORGANISATION_WORDS | OUTLET_WORDS | DOCUMENT_WORDS:
            for part in parse.dependents(i, "compound", "nmod", "poss"):
                if tokens[part].pos == "PROPN" and ctx.mention_at(part) is not None:
                    found = resolve_speaker(ctx, part, before, last)
                    if found is not None:
                        return found
        return _resolve_description(ctx, i, before)
    return None


def _named_here(ctx: ArticleContext, i: int) -> Entity | None:
    """The one person or organisation of this article that a bare capitalised word names.

    "Trump responded: …" — the parser may read a surname alone as a common noun and tag no
    name; it still names the "Donald Trump" this article mentions. Titles, organisation
    words and plurals ("Officials", "Police") name no one, and a word two entities share
    ("Kim") names neither.
    """
    tokens = ctx.parse.tokens
    word = ctx.parse.word(i)
    low = word.lower()
    common = TITLE_WORDS | GENERIC_TITLE_WORDS | ORGANISATION_WORDS | OUTLET_WORDS
    if (
        tokens[i].pos not in {"NOUN", "PROPN"}
        or not word[:1].isupper()
        or low in common
        or low in DOCUMENT_WORDS
        or tokens[i].lemma.lower() != low
    ):
        return None
    lo, hi = _name_extent(ctx, i)
    words = {w.lower() for w in re.findall(r"\w+", ctx.text[tokens[lo].start : tokens[hi].end])}
    aid = ctx.article_id
    found = [
        e
        for e in ctx.entities
        if e.type in {"PERSON", "ORG"}
        and any(m.article_id == aid for m in e.mentions)
        and words <= {w.lower() for w in re.findall(r"\w+", e.name)}
    ]
    return found[0] if len(found) == 1 else None


def _name_extent(ctx: ArticleContext, i: int) -> tuple[int, int]:
    tokens = ctx.parse.tokens
    lo = i
    while lo > 0 and tokens[lo - 1].pos == "PROPN" and tokens[lo - 1].head == i:
        lo -= 1
    return lo, i


def _same_sentence_antecedent(
    ctx: ArticleContext, pronoun: int, kind: str, span: Span
) -> Resolved | None:
    """In June, Kim sent a message to Putin …, where he said — the sentence's own subject."""
    parse = ctx.parse
    tokens = parse.tokens
    sentence = ctx.annotation.sentences[tokens[pronoun].sentence].span
    quoted = [(m.start, m.end) for m in ctx.marks]
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
        inside = parse.tokens_in(m)
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
    ctx: ArticleContext, kind: str, span: Span, before: int, last: LastSpeaker | None
) -> Resolved | None:
    # The Kremlin spokesperson dismissed such warnings. “…,” he said. — the last subject …
    topic = topic_before(ctx, before, last) or _new_speaker_before(ctx, before, last)
    if topic is not None:
        entity = ctx.entity(topic[0].entity_id)
        if entity is not None and (kind == "ANY" or _compatible(entity, kind)):
            return topic[0], span, None
    # “…,” he added. — … else the last speaker, if recent (at most two paragraphs back) …
    if last is not None:
        entity = last.entity
        recent = ctx.paragraph_at(before) - last.paragraph <= 2
        if recent and (kind == "ANY" or entity is None or _compatible(entity, kind)):
            return Speaker(last.name, entity.id if entity else None), span, None
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


def _new_speaker_before(
    ctx: ArticleContext, before: int, last: LastSpeaker | None
) -> Resolved | None:
    """ "Morrison congratulated Albanese." / “Tonight I have spoken …,” he told them. — the
    paragraph before names the last speaker (Albanese) only as someone acted on, and
    another person as its subject: the quote that opens this paragraph is the subject's."""
    if last is None or last.entity is None:
        return None
    topic = topic_before(ctx, before, last, across=True)
    if topic is None or topic[0].entity_id in {None, last.entity.id}:
        return None
    start = ctx.parse.token_at(before)
    if start is None:
        return None
    previous = ctx.annotation.sentences[ctx.parse.tokens[start].sentence - 1].span
    # the last speaker written there by any part of the name ("Albanese" may be read as
    # no name at all)
    subject = set(re.findall(r"\w+", topic[0].name))
    names = {w for w in re.findall(r"\w+", last.name) if w[:1].isupper()} - subject
    parse = ctx.parse
    tokens = parse.tokens
    written = [i for i in parse.tokens_in(previous) if parse.word(i) in names]

    def acted_on(i: int) -> bool:
        up = tokens[i].head if tokens[i].dep in {"compound", "flat"} else i
        return tokens[up].dep in {"dobj", "pobj", "dative", "iobj"}

    # named, and only as someone acted on: "congratulated Albanese", not "Smith's plan" nor
    # "… while Reddy told reporters", which keep them the ones talking
    return topic if written and all(acted_on(i) for i in written) else None


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


def _resolve_description(ctx: ArticleContext, i: int, before: int) -> Resolved | None:
    """the Kremlin’s spokesperson / the Russian president / the group → a known entity."""
    parse = ctx.parse
    tokens = parse.tokens
    head = tokens[i].lemma.lower()
    lo, hi = parse.subtree(i)
    hi = min(hi, i)  # the description up to its head noun
    while lo < hi and tokens[lo].pos == "DET":
        lo += 1
    description = ctx.text[tokens[lo].start : tokens[hi].end]
    words = {w.lower() for w in re.findall(r"\w+", description)}
    # "the Russian leader" cannot be the North Korean leader: proper modifiers must agree.
    proper = _proper_words(description)
    aid = ctx.article_id
    span = Span(aid, tokens[lo].start, tokens[hi].end)
    written = parse.word(i).lower()
    if written != head and written.endswith("s"):
        return Speaker(description), span, None  # "Experts say", "officials said": many people
    here = ctx.paragraph_at(before)
    best: tuple[tuple[bool, bool, int, int], Entity] | None = None
    for entity in ctx.entities:
        if entity.type not in {"PERSON", "ORG"}:
            continue
        if not any(m.article_id == aid for m in entity.mentions):
            continue  # a name only other outlets give is not this article's to credit
        titles = [r.lower() for r in entity.roles] + [entity.name.lower()]
        vocabulary = {w for t in titles for w in re.findall(r"\w+", t)}
        theirs = {w for r in entity.roles for w in _proper_words(r)}
        if proper and theirs and not proper & theirs:
            continue
        # without the title's head noun, only a person with agreeing modifiers will do
        if head not in vocabulary and not (proper and entity.type == "PERSON"):
            continue
        shared = max(len(words & set(re.findall(r"\w+", t))) for t in titles)
        recent = any(
            m.article_id == aid and m.start < before and here - ctx.paragraph_at(m.start) <= 2
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
