"""Who said what: direct, partial and indirect quotes with their speakers.

Quotation marks give the direct and partial quotes; the dependency parse gives the cue
verb ("said", "told", "warned", "quoted … as saying") and its subject, which is resolved
to a story entity — by name, by pronoun (the last speaker, else the nearest person), or by
description ("the Kremlin's spokesperson" → the entity with that role). Reported speech
without quotation marks ("X said that …", "according to X") gives indirect quotes.

Conventions handled (each rule's comment shows the text it handles):
straight and curly double quotes, single-quoted headline quotes, quotes split by the
attribution, a quote that runs on into the next paragraph without a closing mark, and a
quote paragraph with no attribution, which belongs to the previous speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.lexicon.reporting import QUOTING_ONLY_VERBS, SPEECH_VERBS
from newsweave.model import Annotation, Entity, Quote, QuoteKind, Span, Speaker
from newsweave.quotes.attribution import (
    attribute_after,
    attribute_governing,
    attribute_run_on,
    continuation,
    speaker_of_cue,
)
from newsweave.quotes.context import ArticleContext, LastSpeaker, entities_by_mention
from newsweave.quotes.marks import QuoteMark

# Verbs whose clause is reported speech even without quotation marks: "X said that …".
INDIRECT_VERBS = SPEECH_VERBS - QUOTING_ONLY_VERBS


def extract_quotes(
    annotations: Sequence[Annotation], entities: Sequence[Entity] = ()
) -> tuple[Quote, ...]:
    """All quotes of all ``annotations``, in article and text order, speakers resolved.

    Args:
        annotations: annotated articles (with tokens) of one story.
        entities: the story's resolved entities; speakers are linked to them.
    """
    entity_at = entities_by_mention(entities)
    quotes: list[Quote] = []
    for annotation in annotations:
        quotes.extend(article_quotes(ArticleContext.of(annotation, entities, entity_at)))
    return tuple(quotes)


def article_quotes(ctx: ArticleContext) -> list[Quote]:
    """The quotes of one article in text order: each sentence's quotation marks, then its
    reported speech, with who spoke last carried from one quote to the next."""
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    last: LastSpeaker | None = None
    marks = iter(ctx.marks)
    pending = next(marks, None)
    for index, sentence in enumerate(ctx.annotation.sentences):
        while pending is not None and pending.open_at < sentence.span.end:
            quote, last = _direct(ctx, pending, last)
            quotes.append(quote)
            covered.append((pending.open_at, (pending.close_at or pending.end) + 1))
            pending = next(marks, None)
        if not sentence.is_title:
            indirect, last = _indirect(ctx, index, covered, last)
            quotes.extend(indirect)
    return quotes


def _remember(
    ctx: ArticleContext, speaker: Speaker | None, paragraph: int, last: LastSpeaker | None
) -> LastSpeaker | None:
    """Who spoke last after a quote by ``speaker`` in ``paragraph`` (``last`` if nobody)."""
    if speaker is None:
        return last
    return LastSpeaker(speaker.name, ctx.entity(speaker.entity_id), paragraph)


def _direct(
    ctx: ArticleContext, mark: QuoteMark, last: LastSpeaker | None
) -> tuple[Quote, LastSpeaker | None]:
    text = ctx.text
    content = text[mark.start : mark.end]
    attribution = after = None
    if not mark.is_title:
        after = attribute_after(ctx, mark, last)
        # A fragment inside a sentence belongs to the verb it hangs from: Kim told his hosts
        # his visit was a “clear manifestation” of …, it reported.
        closing = content.rstrip()[-1:]
        fragment = not _opens_sentence(ctx, mark) and closing not in {",", "?", "!"}
        governing = attribute_governing(ctx, mark, last)
        attribution = (governing or after) if fragment else (after or governing)
        if attribution is None and mark.close_at is None:
            attribution = attribute_run_on(ctx, mark, last)
    kind = _kind(ctx, mark, content, after is not None)
    if attribution is None and not mark.is_title and kind == "direct":
        attribution = continuation(ctx, mark, last)
    if attribution is None:
        speaker = cue = speaker_span = role = via = None
    else:
        speaker, cue, speaker_span, role, via = attribution
    aid = ctx.article_id
    quote = Quote(
        id=f"q-{aid[:12]}-{mark.start}",
        span=Span(aid, mark.start, mark.end),
        text=content,
        kind=kind,
        speaker=speaker,
        cue=cue,
        speaker_span=speaker_span,
        role=role,
        via=via,
    )
    return quote, _remember(ctx, speaker, ctx.paragraph_at(mark.start), last)


def _kind(ctx: ArticleContext, mark: QuoteMark, content: str, after_attributed: bool) -> QuoteKind:
    text = ctx.text
    words = len(content.split())
    first = ctx.sentence_start(mark.open_at)
    prefix = text[first : mark.open_at].strip()
    if mark.is_title:
        # 'For Talks on Arms' inside a headline is a fragment unless it is the whole line
        return "direct" if not prefix and mark.close_at is not None and words > 6 else "partial"
    if words <= 2 and not after_attributed:
        return "partial"  # scare quotes: warned of “saboteurs”
    if not prefix or prefix.endswith(":"):
        return "direct"
    # He said, “We will …” — a cue verb and a comma introduce a full quote.
    if prefix.endswith(",") and _ends_with_cue(ctx, first, mark.open_at):
        return "direct"
    # “…,” he said. — closing punctuation inside the marks, then an attribution.
    if after_attributed and content.rstrip()[-1:] in {",", ".", "?", "!", "…"}:
        return "direct"
    return "partial"


def _opens_sentence(ctx: ArticleContext, mark: QuoteMark) -> bool:
    prefix = ctx.text[ctx.sentence_start(mark.open_at) : mark.open_at].strip()
    return not prefix or prefix.endswith(":")


def _ends_with_cue(ctx: ArticleContext, start: int, end: int) -> bool:
    tokens = ctx.parse.tokens
    words = [i for i in ctx.parse.tokens_between(start, end) if tokens[i].pos != "PUNCT"][-3:]
    return any(tokens[i].lemma.lower() in SPEECH_VERBS for i in words)


def _indirect(
    ctx: ArticleContext, index: int, covered: list[tuple[int, int]], last: LastSpeaker | None
) -> tuple[list[Quote], LastSpeaker | None]:
    """Kremlin spokesman Dmitry Peskov said the main topic would be … / according to X, …"""
    parse = ctx.parse
    tokens = parse.tokens
    aid = ctx.article_id
    out = []
    for i in parse.tokens_in(ctx.annotation.sentences[index].span):
        tok = tokens[i]
        if tok.lemma.lower() not in INDIRECT_VERBS or tok.pos not in {"VERB", "AUX"}:
            continue
        clauses = parse.dependents(i, "ccomp")
        if not clauses:
            continue
        lo, hi = parse.subtree(clauses[0])
        start, end = tokens[lo].start, tokens[hi].end
        if tokens[lo].pos == "SCONJ":  # said that …
            start = tokens[min(lo + 1, hi)].start
        while end > start and ctx.text[end - 1] in ".,;: ":
            end -= 1
        if end - start < 12 or any(s <= start and end <= e for s, e in covered):
            continue
        attribution = speaker_of_cue(ctx, i, start, last)
        if attribution is None:
            continue
        speaker, cue, speaker_span, role, via = attribution
        last = _remember(ctx, speaker, parse.paragraph(i), last)
        out.append(
            Quote(
                id=f"q-{aid[:12]}-{start}",
                span=Span(aid, start, end),
                text=ctx.text[start:end],
                kind="indirect",
                speaker=speaker,
                cue=cue,
                speaker_span=speaker_span,
                role=role,
                via=via,
            )
        )
    return out, last
