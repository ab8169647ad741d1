"""Attribution: the cue verb of a quote and the subject that speaks through it.

“…,” Mr Putin said. / X said: “…” / warned of “serious consequences” / according to X /
Interfax quoted Shoigu as saying / a quote paragraph with no cue, which continues the
previous speaker.
"""

from __future__ import annotations

from newsweave.lexicon.reporting import REPORTING_VERBS, SPEECH_VERBS
from newsweave.model import Span, Speaker
from newsweave.quotes.marks import OPENERS, QuoteMark
from newsweave.quotes.speakers import (
    ArticleParse,
    article_marks,
    paragraph_at,
    resolve_speaker,
    topic_before,
)

_AFTER_WINDOW = 30  # tokens after a closing mark: "…,” said X, a … of …, told"


_SENTENCE_END = frozenset(".!?")


Attribution = tuple[Speaker | None, Span | None, Span | None, str | None, str | None]


def attribute_after(ctx: ArticleParse, mark: QuoteMark) -> Attribution | None:
    """“…,” Mr Putin said. / “…,” said Michael Kofman, a senior fellow …"""
    if mark.close_at is None:
        return None
    tokens = ctx.annotation.tokens
    candidates: list[int] = []
    paragraph = paragraph_at(ctx, mark.open_at)
    for i in ctx.tokens_between(mark.close_at + 1, len(ctx.text)):
        word = ctx.word(i)
        if word in OPENERS or len(candidates) >= _AFTER_WINDOW or ctx.paragraph(i) != paragraph:
            break
        candidates.append(i)
        if word in _SENTENCE_END and tokens[i].pos == "PUNCT":
            break
    for i in candidates:
        if tokens[i].pos in {"VERB", "AUX"} and tokens[i].lemma.lower() in SPEECH_VERBS:
            found = speaker_of_cue(ctx, i, mark.start)
            if found is not None:
                return found
    return None


def attribute_governing(ctx: ArticleParse, mark: QuoteMark) -> Attribution | None:
    """Mr Putin warned of “serious consequences” / X said: “…” / according to X, “…”."""
    tokens = ctx.annotation.tokens
    inside = ctx.tokens_between(mark.start, mark.end)
    if not inside:
        return None
    sentence = tokens[inside[0]].sentence
    # the words of the quote that hang from something outside it
    for i in inside:
        j = tokens[i].head
        for _ in range(6):
            if j in inside or tokens[j].sentence != sentence:
                break
            if tokens[j].lemma.lower() in SPEECH_VERBS and tokens[j].pos in {"VERB", "AUX"}:
                outer = outer_reporting_verb(ctx, j)
                found = speaker_of_cue(ctx, outer, mark.start) if outer != j else None
                return found or speaker_of_cue(ctx, j, mark.start)
            if tokens[j].head == j:
                break
            j = tokens[j].head
    return according_to(ctx, sentence, mark.start)


def outer_reporting_verb(ctx: ArticleParse, verb: int) -> int:
    """The outermost saying verb whose clause holds ``verb``, else ``verb`` itself."""
    tokens = ctx.annotation.tokens
    best, j = verb, verb
    if tokens[verb].lemma.lower() in REPORTING_VERBS:
        return verb  # Kim told his hosts …, it reported — "told" already names the speaker
    for _ in range(4):
        if tokens[j].head == j or tokens[j].dep not in {"ccomp", "xcomp", "conj", "advcl"}:
            break
        j = tokens[j].head
        if tokens[j].lemma.lower() in REPORTING_VERBS and ctx.dependents(j, "nsubj"):
            best = j
    return best


def according_to(ctx: ArticleParse, sentence: int, before: int) -> Attribution | None:
    """according to Russia's TASS news agency — the object of "according to" speaks."""
    tokens = ctx.annotation.tokens
    span = ctx.annotation.sentences[sentence].span
    for i in ctx.tokens_between(span.start, span.end):
        if tokens[i].lemma.lower() == "accord" and i + 1 < len(tokens):
            for obj in ctx.dependents(i + 1, "pobj") or ctx.dependents(i, "pobj"):
                found = resolve_speaker(ctx, obj, before)
                if found is not None:
                    speaker, speaker_span, role = found
                    cue = Span(ctx.annotation.article.id, tokens[i].start, tokens[i + 1].end)
                    return speaker, cue, speaker_span, role, None
    return None


def speaker_of_cue(ctx: ArticleParse, verb: int, before: int) -> Attribution | None:
    tokens = ctx.annotation.tokens
    aid = ctx.annotation.article.id
    # Interfax quoted Hask as saying that … — "saying" speaks for the quoting verb.
    head = tokens[verb].head
    as_saying = tokens[verb].dep == "pcomp" and ctx.word(head).lower() == "as"
    if as_saying and tokens[tokens[head].head].lemma.lower() == "quote":
        verb = tokens[head].head
    cue = Span(aid, tokens[verb].start, tokens[verb].end)
    via = None
    if tokens[verb].lemma.lower() == "quote":
        # Interfax news agency quoted Shoigu as saying / he was quoted by agencies as saying
        objects = ctx.dependents(verb, "dobj")
        passive = ctx.dependents(verb, "nsubjpass")
        source = ctx.dependents(verb, "nsubj") or [
            p for a in ctx.dependents(verb, "agent") for p in ctx.dependents(a, "pobj")
        ]
        if source:
            lo, hi = ctx.subtree(source[0])
            via = ctx.text[tokens[lo].start : tokens[hi].end]
        subjects = objects or passive
    else:
        subjects = ctx.dependents(verb, "nsubj", "nsubjpass")
        if not subjects and tokens[verb].dep in {"conj", "xcomp", "advcl"}:
            # said … and added / Miller said Washington will monitor …, reminding both …
            subjects = ctx.dependents(outer_reporting_verb(ctx, verb), "nsubj")
            if not subjects:
                subjects = ctx.dependents(tokens[verb].head, "nsubj")
    for subject in subjects:
        found = resolve_speaker(ctx, subject, before)
        if found is not None:
            speaker, speaker_span, role = found
            return speaker, cue, speaker_span, role, via
    return None


def continuation(ctx: ArticleParse, mark: QuoteMark) -> Attribution | None:
    """A quote with no cue continues the last speaker of this or the previous paragraph.

    “Do they understand …?” Mr Putin said. “Are they trying to provoke us …?”
    """
    topic = _previous_subject(ctx, mark)
    if topic is not None:
        return topic
    if ctx.last_speaker is None:
        return None
    entity, name, paragraph = ctx.last_speaker
    if paragraph_at(ctx, mark.start) - paragraph > 1:
        return None
    return Speaker(name, entity.id if entity else None), None, None, None, None


def _previous_subject(ctx: ArticleParse, mark: QuoteMark) -> Attribution | None:
    """The Kremlin spokesperson dismissed such warnings … “While implementing …”

    A quote that opens a sentence with no cue belongs to the subject of the sentence just
    before it in the same paragraph, when that subject is someone we know.
    """
    found = topic_before(ctx, mark.open_at)
    if found is None:
        return None
    speaker, speaker_span, role = found
    return speaker, None, speaker_span, role, None


def attribute_run_on(ctx: ArticleParse, mark: QuoteMark) -> Attribution | None:
    """“Nobody wins a long strike. [no closing mark] / “That is why …,” Hask said.

    A quote left open at the end of its paragraph goes on in the next, which opens with a
    new mark; the attribution usually comes with the part that closes.
    """
    marks = article_marks(ctx)
    current = mark
    for _ in range(8):
        following = next((m for m in marks if m.open_at >= current.end), None)
        if following is None or ctx.text[current.end : following.open_at].strip():
            return None
        if following.close_at is not None:
            return attribute_after(ctx, following) or attribute_governing(ctx, following)
        current = following
    return None
