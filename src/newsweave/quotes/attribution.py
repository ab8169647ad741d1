"""Attribution: the cue verb of a quote and the subject that speaks through it.

“…,” Mr Putin said. / X said: “…” / warned of “serious consequences” / according to X /
Interfax quoted Shoigu as saying / a quote paragraph with no cue, which continues the
previous speaker.

Every rule reads the article through an :class:`~newsweave.quotes.context.ArticleContext`
and takes ``last``, the :class:`~newsweave.quotes.context.LastSpeaker` of the quotes before
this one, which a pronoun or a quote with no cue may refer back to.
"""

from __future__ import annotations

from itertools import pairwise

from newsweave.lexicon.function_words import RELATIVE_PRONOUNS
from newsweave.lexicon.reporting import REPORTING_VERBS, SPEECH_VERBS
from newsweave.model import Span, Speaker
from newsweave.quotes.context import ArticleContext, LastSpeaker
from newsweave.quotes.marks import OPENERS, QuoteMark
from newsweave.quotes.speakers import resolve_speaker, topic_before

_AFTER_WINDOW = 30  # tokens after a closing mark: "…,” said X, a … of …, told"


_SENTENCE_END = frozenset(".!?")


# (speaker, cue, speaker span, role, via): who speaks, the verb ("said", "according to"),
# where the speaker is written, the title written with it, and the outlet it is quoted by.
Attribution = tuple[Speaker | None, Span | None, Span | None, str | None, str | None]


def attribute_after(
    ctx: ArticleContext, mark: QuoteMark, last: LastSpeaker | None
) -> Attribution | None:
    """“…,” Mr Putin said. / “…,” said Michael Kofman, a senior fellow …"""
    if mark.close_at is None:
        return None
    parse = ctx.parse
    tokens = parse.tokens
    candidates: list[int] = []
    paragraph = ctx.paragraph_at(mark.open_at)
    for i in parse.tokens_between(mark.close_at + 1, len(ctx.text)):
        word = parse.word(i)
        if word in OPENERS or len(candidates) >= _AFTER_WINDOW or parse.paragraph(i) != paragraph:
            break
        candidates.append(i)
        if word in _SENTENCE_END and tokens[i].pos == "PUNCT":
            break
    for i in candidates:
        if tokens[i].pos in {"VERB", "AUX"} and tokens[i].lemma.lower() in SPEECH_VERBS:
            found = speaker_of_cue(ctx, i, mark.start, last)
            if found is not None:
                return found
    return None


def attribute_governing(
    ctx: ArticleContext, mark: QuoteMark, last: LastSpeaker | None
) -> Attribution | None:
    """Mr Putin warned of “serious consequences” / X said: “…” / according to X, “…”."""
    parse = ctx.parse
    tokens = parse.tokens
    inside = parse.tokens_between(mark.start, mark.end)
    if not inside:
        return None
    sentence = tokens[inside[0]].sentence
    # the words of the quote that hang from something outside it
    for i in inside:
        for j in parse.up(tokens[i].head, 6):
            if j in inside or tokens[j].sentence != sentence:
                break
            saying = tokens[j].lemma.lower() in SPEECH_VERBS and tokens[j].pos in {"VERB", "AUX"}
            if not saying and any(
                tokens[k].lemma.lower() == "accord" for k in parse.dependents(j, "prep")
            ):
                # "… was a “big breakthrough,” according to John Kirton": the clause the
                # words stand in names its own source, whatever verb it hangs from above
                return according_to(ctx, sentence, mark.start, last)
            if saying:
                outer = outer_reporting_verb(ctx, j)
                found = speaker_of_cue(ctx, outer, mark.start, last) if outer != j else None
                return found or speaker_of_cue(ctx, j, mark.start, last)
    return according_to(ctx, sentence, mark.start, last)


def outer_reporting_verb(ctx: ArticleContext, verb: int) -> int:
    """The outermost saying verb whose clause holds ``verb``, else ``verb`` itself."""
    parse = ctx.parse
    tokens = parse.tokens
    best = verb
    if tokens[verb].lemma.lower() in REPORTING_VERBS:
        return verb  # Kim told his hosts …, it reported — "told" already names the speaker
    # up to four clauses up, while each hangs on the next as a complement or conjunct
    for below, j in pairwise(parse.up(verb, 5)):
        if tokens[below].dep not in {"ccomp", "xcomp", "conj", "advcl"}:
            break
        if tokens[j].lemma.lower() in REPORTING_VERBS and parse.dependents(j, "nsubj"):
            best = j
    return best


def according_to(
    ctx: ArticleContext, sentence: int, before: int, last: LastSpeaker | None
) -> Attribution | None:
    """according to Russia's TASS news agency — the object of "according to" speaks."""
    parse = ctx.parse
    tokens = parse.tokens
    quoted = [(m.start, m.end) for m in ctx.marks]
    for i in parse.tokens_in(ctx.annotation.sentences[sentence].span):
        if any(s <= tokens[i].start < e for s, e in quoted):
            continue  # “But according to the report this morning, …”: the quote's own words
        if tokens[i].lemma.lower() == "accord" and i + 1 < len(tokens):
            for obj in parse.dependents(i + 1, "pobj") or parse.dependents(i, "pobj"):
                found = resolve_speaker(ctx, obj, before, last)
                if found is not None:
                    speaker, speaker_span, role = found
                    cue = Span(ctx.article_id, tokens[i].start, tokens[i + 1].end)
                    return speaker, cue, speaker_span, role, None
    return None


def speaker_of_cue(
    ctx: ArticleContext, verb: int, before: int, last: LastSpeaker | None
) -> Attribution | None:
    """The subject of the cue ``verb``, resolved; for "quoted X as saying", X via the quoter."""
    parse = ctx.parse
    tokens = parse.tokens
    # Interfax quoted Hask as saying that … — "saying" speaks for the quoting verb.
    head = tokens[verb].head
    as_saying = tokens[verb].dep == "pcomp" and parse.word(head).lower() == "as"
    if as_saying and tokens[tokens[head].head].lemma.lower() == "quote":
        verb = tokens[head].head
    cue = Span(ctx.article_id, tokens[verb].start, tokens[verb].end)
    via = None
    if tokens[verb].lemma.lower() == "quote":
        # Interfax news agency quoted Shoigu as saying / he was quoted by agencies as saying
        objects = parse.dependents(verb, "dobj")
        passive = parse.dependents(verb, "nsubjpass")
        source = parse.dependents(verb, "nsubj") or [
            p for a in parse.dependents(verb, "agent") for p in parse.dependents(a, "pobj")
        ]
        if source:
            lo, hi = parse.subtree(source[0])
            via = ctx.text[tokens[lo].start : tokens[hi].end]
        subjects = objects or passive
    else:
        subjects = parse.dependents(verb, "nsubj", "nsubjpass")
        if not subjects and tokens[verb].dep in {"conj", "xcomp", "advcl"}:
            # said … and added / Miller said Washington will monitor …, reminding both …
            subjects = parse.dependents(outer_reporting_verb(ctx, verb), "nsubj")
            if not subjects:
                subjects = parse.dependents(tokens[verb].head, "nsubj")
    for subject in subjects:
        clause = tokens[subject].head
        if parse.word(subject).lower() in RELATIVE_PRONOUNS and tokens[clause].dep == "relcl":
            subject = tokens[clause].head  # a U.N. resolution that demanded “…”: the resolution
        found = resolve_speaker(ctx, subject, before, last)
        if found is not None:
            speaker, speaker_span, role = found
            return speaker, cue, speaker_span, role, via
    return None


def continuation(
    ctx: ArticleContext, mark: QuoteMark, last: LastSpeaker | None
) -> Attribution | None:
    """A quote with no cue continues the last speaker of this or the previous paragraph.

    “Do they understand …?” Mr Putin said. “Are they trying to provoke us …?”
    """
    topic = _previous_subject(ctx, mark, last)
    if topic is not None:
        return topic
    if last is None:
        return None
    gap = ctx.paragraph_at(mark.start) - last.paragraph
    if gap > 1 and not (gap <= _SPEAKING_GAP and _pronoun_spoke_before(ctx, mark, last)):
        return None
    entity = last.entity
    return Speaker(last.name, entity.id if entity else None), None, None, None, None


_SPEAKING_GAP = 3  # paragraphs a speaker may go on through "He insisted that …"


def _pronoun_spoke_before(ctx: ArticleContext, mark: QuoteMark, last: LastSpeaker) -> bool:
    """ "He insisted that healthcare workers come first." then a quote paragraph with no
    cue: the paragraph just before ends with the last speaker still speaking, as "he",
    and no one else was named as a subject since ("The governor, Tom Hale, toured …" in
    between makes "he" the governor)."""
    parse = ctx.parse
    tokens = parse.tokens
    here = ctx.paragraph_at(mark.open_at)
    sentences = ctx.annotation.sentences
    start = parse.token_at(mark.open_at)
    if start is None or tokens[start].sentence == 0:
        return False
    previous = sentences[tokens[start].sentence - 1]
    if previous.paragraph != here - 1:
        return False
    since = [s for s in sentences if last.paragraph < s.paragraph < here]
    for sentence in since:
        for i in parse.tokens_in(sentence.span):
            subject = tokens[i].dep in {"nsubj", "nsubjpass"} or (
                tokens[i].dep == "appos" and tokens[tokens[i].head].dep == "nsubj"
            )
            mention = ctx.mention_at(i) if subject else None
            if mention is not None and mention.label == "PERSON":
                entity = ctx.entity_at.get((ctx.article_id, mention.span.start))
                if entity is None or last.entity is None or entity.id != last.entity.id:
                    return False  # someone else has been the subject since
    for i in parse.tokens_in(previous.span):
        if tokens[i].dep == "ROOT" and tokens[i].lemma.lower() in SPEECH_VERBS:
            subjects = parse.dependents(i, "nsubj")
            return any(parse.word(j).lower() in {"he", "she"} for j in subjects)
    return False


def _previous_subject(
    ctx: ArticleContext, mark: QuoteMark, last: LastSpeaker | None
) -> Attribution | None:
    """The Kremlin spokesperson dismissed such warnings … “While implementing …”

    A quote that opens a sentence with no cue belongs to the subject of the sentence just
    before it in the same paragraph, when that subject is someone we know.
    """
    found = topic_before(ctx, mark.open_at, last)
    if found is None:
        return None
    speaker, speaker_span, role = found
    return speaker, None, speaker_span, role, None


def attribute_run_on(
    ctx: ArticleContext, mark: QuoteMark, last: LastSpeaker | None
) -> Attribution | None:
    """“Nobody wins a long strike. [no closing mark] / “That is why …,” Hask said.

    A quote left open at the end of its paragraph goes on in the next, which opens with a
    new mark; the attribution usually comes with the part that closes.
    """
    current = mark
    for _ in range(8):
        following = next((m for m in ctx.marks if m.open_at >= current.end), None)
        if following is None or ctx.text[current.end : following.open_at].strip():
            return None
        if following.close_at is not None:
            return attribute_after(ctx, following, last) or attribute_governing(
                ctx, following, last
            )
        current = following
    return None
