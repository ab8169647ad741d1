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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsweave.model import Annotation, Entity, Mention, Quote, QuoteKind, Span, Speaker

# Lemmas of verbs that attribute speech; "according to" and "quote … as saying" are handled
# on their own.
CUE_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "warn",
        "urge",
        "claim",
        "insist",
        "confirm",
        "announce",
        "state",
        "declare",
        "explain",
        "note",
        "argue",
        "stress",
        "suggest",
        "ask",
        "reply",
        "respond",
        "write",
        "tweet",
        "acknowledge",
        "admit",
        "deny",
        "describe",
        "characterise",
        "characterize",
        "call",
        "comment",
        "predict",
        "promise",
        "vow",
        "threaten",
        "caution",
        "remind",
        "assert",
        "allege",
        "report",
        "quote",
        "complain",
        "conclude",
        "concede",
    ]
)
# Verbs that colour rather than report, yet still attribute the words they govern.
CUE_LEMMAS |= frozenset(
    {"speak", "pledge", "demand", "accuse", "dismiss", "label", "dub", "term", "cite", "recall"}
)
# Verbs that report (rather than colour) speech: when one governs another cue verb, its
# subject is the source — "She said the US is urging North Korea “to cease …”".
REPORTING_LEMMAS = frozenset({"say", "tell", "add", "claim", "write", "state", "declare", "report"})
# Verbs whose clause is reported speech even without quotation marks: "X said that …".
INDIRECT_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "warn",
        "claim",
        "insist",
        "confirm",
        "announce",
        "state",
        "declare",
        "explain",
        "note",
        "argue",
        "stress",
        "suggest",
        "acknowledge",
        "admit",
        "deny",
        "predict",
        "promise",
        "vow",
        "threaten",
        "caution",
        "assert",
        "allege",
        "report",
        "conclude",
        "concede",
    ]
)
PRONOUNS = {"he": "PERSON", "she": "PERSON", "they": "ANY", "it": "ORG", "we": "ANY"}
_OPENERS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"'}
_MAX_QUOTE_CHARS = 3000
_AFTER_WINDOW = 30  # tokens after a closing mark: "…,” said X, a … of …, told"
_SENTENCE_END = frozenset(".!?")


@dataclass(frozen=True, slots=True)
class _Mark:
    """The quoted words between one opening and one closing mark (or the block's end)."""

    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or block end when unclosed)
    open_at: int
    close_at: int | None
    is_title: bool


@dataclass
class _Context:
    """One article's parse, indexed for the attribution rules."""

    annotation: Annotation
    entity_at: dict[tuple[str, int], Entity]
    entities: Sequence[Entity] = ()
    starts: list[int] = field(default_factory=list)
    children: list[list[int]] = field(default_factory=list)
    last_speaker: tuple[Entity | None, str, int] | None = None  # (entity, name, paragraph)
    marks: list[_Mark] | None = None

    def __post_init__(self) -> None:
        tokens = self.annotation.tokens
        self.starts = [t.start for t in tokens]
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


def extract_quotes(
    annotations: Sequence[Annotation], entities: Sequence[Entity] = ()
) -> tuple[Quote, ...]:
    """All quotes of all ``annotations``, in article and text order, speakers resolved.

    Args:
        annotations: annotated articles (with tokens) of one story.
        entities: the story's resolved entities; speakers are linked to them.
    """
    entity_at = {(m.article_id, m.start): e for e in entities for m in e.mentions}
    quotes: list[Quote] = []
    for annotation in annotations:
        quotes.extend(_article_quotes(_Context(annotation, entity_at, entities), entities))
    return tuple(quotes)


def _article_quotes(ctx: _Context, entities: Sequence[Entity]) -> list[Quote]:
    marks = _find_marks_cached(ctx)
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    mark_iter = iter(marks)
    pending = next(mark_iter, None)
    for index, sentence in enumerate(ctx.annotation.sentences):
        while pending is not None and pending.open_at < sentence.span.end:
            quote = _direct(ctx, pending, entities)
            if quote is not None:
                quotes.append(quote)
                covered.append((pending.open_at, (pending.close_at or pending.end) + 1))
            pending = next(mark_iter, None)
        if not sentence.is_title:
            quotes.extend(_indirect(ctx, index, covered, entities))
    return quotes


# --- quotation marks -------------------------------------------------------------------


def _find_marks(annotation: Annotation) -> list[_Mark]:
    """Quoted stretches, block by block (a block is a paragraph or the headline)."""
    text = annotation.article.text
    blocks: dict[tuple[int, bool], list[int]] = {}
    for s in annotation.sentences:
        key = (s.paragraph, s.is_title)
        block = blocks.setdefault(key, [s.span.start, s.span.end])
        block[0], block[1] = min(block[0], s.span.start), max(block[1], s.span.end)
    marks: list[_Mark] = []
    for (_, is_title), (start, end) in sorted(blocks.items(), key=lambda kv: kv[1][0]):
        marks.extend(_marks_in(text, start, end, is_title))
    return marks


def _marks_in(text: str, start: int, end: int, is_title: bool) -> list[_Mark]:
    marks = []
    i = start
    while i < end:
        ch = text[i]
        closer = _OPENERS.get(ch)
        if closer is None or not _can_open(text, i, start):
            i += 1
            continue
        close = _find_close(text, i + 1, end, ch, closer)
        if close is None and ch in '‘"':
            i += 1  # an unpaired single or straight mark is an apostrophe or an inch sign
            continue
        content_end = close if close is not None else end
        s, e = i + 1, content_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e and e - s <= _MAX_QUOTE_CHARS and any(c.isalpha() for c in text[s:e]):
            marks.append(_Mark(s, e, i, close, is_title))
        i = (close + 1) if close is not None else end
    return marks


def _can_open(text: str, i: int, block_start: int) -> bool:
    before = text[i - 1] if i > block_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-:/" or text[i] in "“«„"


def _find_close(text: str, i: int, end: int, opener: str, closer: str) -> int | None:
    while i < end:
        j = text.find(closer, i, end)
        if j == -1:
            return None
        if opener in "“«„":
            # “… “… — a new opening mark before any close: the first quote is unclosed.
            k = text.find(opener, i, j) if opener != closer else -1
            return None if k != -1 else j
        after = text[j + 1] if j + 1 < len(text) else " "
        if not after.isalnum():  # ’ in "Kim’s" is an apostrophe, not a close
            return j
        i = j + 1
    return None


# --- direct and partial quotes ------------------------------------------------------------


def _direct(ctx: _Context, mark: _Mark, entities: Sequence[Entity]) -> Quote | None:
    text = ctx.text
    content = text[mark.start : mark.end]
    attribution = after = None
    if not mark.is_title:
        after = _attribute_after(ctx, mark, entities)
        # A fragment inside a sentence belongs to the verb it hangs from: Kim told his hosts
        # his visit was a “clear manifestation” of …, it reported.
        closing = content.rstrip()[-1:]
        fragment = not _opens_sentence(ctx, mark) and closing not in {",", "?", "!"}
        governing = _attribute_governing(ctx, mark, entities)
        attribution = (governing or after) if fragment else (after or governing)
        if attribution is None and mark.close_at is None:
            attribution = _attribute_run_on(ctx, mark, entities)
    kind = _kind(ctx, mark, content, after is not None)
    if attribution is None and not mark.is_title and kind == "direct":
        attribution = _continuation(ctx, mark)
    if attribution is None:
        speaker = cue = speaker_span = role = via = None
    else:
        speaker, cue, speaker_span, role, via = attribution
    if speaker is not None:
        ctx.last_speaker = (
            _entity_by_id(entities, speaker.entity_id),
            speaker.name,
            _paragraph_at(ctx, mark.start),
        )
    aid = ctx.annotation.article.id
    return Quote(
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


def _kind(ctx: _Context, mark: _Mark, content: str, after_attributed: bool) -> QuoteKind:
    text = ctx.text
    words = len(content.split())
    sentence_start = _sentence_start(ctx, mark.open_at)
    prefix = text[sentence_start : mark.open_at].strip()
    if mark.is_title:
        # 'For Talks on Arms' inside a headline is a fragment unless it is the whole line
        return "direct" if not prefix and mark.close_at is not None and words > 6 else "partial"
    if words <= 2 and not after_attributed:
        return "partial"  # scare quotes: warned of “saboteurs”
    if not prefix or prefix.endswith(":"):
        return "direct"
    # He said, “We will …” — a cue verb and a comma introduce a full quote.
    if prefix.endswith(",") and _ends_with_cue(ctx, sentence_start, mark.open_at):
        return "direct"
    # “…,” he said. — closing punctuation inside the marks, then an attribution.
    if after_attributed and content.rstrip()[-1:] in {",", ".", "?", "!", "…"}:
        return "direct"
    return "partial"


def _attribute_run_on(ctx: _Context, mark: _Mark, entities: Sequence[Entity]) -> Attribution | None:
    """“Nobody wins a long strike. [no closing mark] / “That is why …,” Hask said.

    A quote left open at the end of its paragraph goes on in the next, which opens with a
    new mark; the attribution usually comes with the part that closes.
    """
    marks = _find_marks_cached(ctx)
    current = mark
    for _ in range(8):
        following = next((m for m in marks if m.open_at >= current.end), None)
        if following is None or ctx.text[current.end : following.open_at].strip():
            return None
        if following.close_at is not None:
            return _attribute_after(ctx, following, entities) or _attribute_governing(
                ctx, following, entities
            )
        current = following
    return None


def _opens_sentence(ctx: _Context, mark: _Mark) -> bool:
    prefix = ctx.text[_sentence_start(ctx, mark.open_at) : mark.open_at].strip()
    return not prefix or prefix.endswith(":")


def _ends_with_cue(ctx: _Context, start: int, end: int) -> bool:
    idx = list(ctx.tokens_between(start, end))
    words = [i for i in idx if ctx.annotation.tokens[i].pos != "PUNCT"][-3:]
    return any(ctx.annotation.tokens[i].lemma.lower() in CUE_LEMMAS for i in words)


def _sentence_start(ctx: _Context, offset: int) -> int:
    for s in ctx.annotation.sentences:
        if s.span.start <= offset < s.span.end:
            return s.span.start
    return offset


def _paragraph_at(ctx: _Context, offset: int) -> int:
    i = ctx.token_at(offset)
    return ctx.paragraph(i) if i is not None else -1


Attribution = tuple[Speaker | None, Span | None, Span | None, str | None, str | None]


def _attribute_after(ctx: _Context, mark: _Mark, entities: Sequence[Entity]) -> Attribution | None:
    """“…,” Mr Putin said. / “…,” said Michael Kofman, a senior fellow …"""
    if mark.close_at is None:
        return None
    tokens = ctx.annotation.tokens
    candidates: list[int] = []
    paragraph = _paragraph_at(ctx, mark.open_at)
    for i in ctx.tokens_between(mark.close_at + 1, len(ctx.text)):
        word = ctx.word(i)
        if word in _OPENERS or len(candidates) >= _AFTER_WINDOW or ctx.paragraph(i) != paragraph:
            break
        candidates.append(i)
        if word in _SENTENCE_END and tokens[i].pos == "PUNCT":
            break
    for i in candidates:
        if tokens[i].pos in {"VERB", "AUX"} and tokens[i].lemma.lower() in CUE_LEMMAS:
            found = _speaker_of_cue(ctx, i, entities, mark.start)
            if found is not None:
                return found
    return None


def _attribute_governing(
    ctx: _Context, mark: _Mark, entities: Sequence[Entity]
) -> Attribution | None:
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
            if tokens[j].lemma.lower() in CUE_LEMMAS and tokens[j].pos in {"VERB", "AUX"}:
                outer = _outer_reporting_verb(ctx, j)
                found = _speaker_of_cue(ctx, outer, entities, mark.start) if outer != j else None
                return found or _speaker_of_cue(ctx, j, entities, mark.start)
            if tokens[j].head == j:
                break
            j = tokens[j].head
    return _according_to(ctx, sentence, entities, mark.start)


def _outer_reporting_verb(ctx: _Context, verb: int) -> int:
    """The outermost saying verb whose clause holds ``verb``, else ``verb`` itself."""
    tokens = ctx.annotation.tokens
    best, j = verb, verb
    if tokens[verb].lemma.lower() in REPORTING_LEMMAS:
        return verb  # Kim told his hosts …, it reported — "told" already names the speaker
    for _ in range(4):
        if tokens[j].head == j or tokens[j].dep not in {"ccomp", "xcomp", "conj", "advcl"}:
            break
        j = tokens[j].head
        if tokens[j].lemma.lower() in REPORTING_LEMMAS and ctx.dependents(j, "nsubj"):
            best = j
    return best


def _according_to(
    ctx: _Context, sentence: int, entities: Sequence[Entity], before: int
) -> Attribution | None:
    """according to Russia's TASS news agency — the object of "according to" speaks."""
    tokens = ctx.annotation.tokens
    span = ctx.annotation.sentences[sentence].span
    for i in ctx.tokens_between(span.start, span.end):
        if tokens[i].lemma.lower() == "accord" and i + 1 < len(tokens):
            for obj in ctx.dependents(i + 1, "pobj") or ctx.dependents(i, "pobj"):
                found = _resolve(ctx, obj, entities, before)
                if found is not None:
                    speaker, speaker_span, role = found
                    cue = Span(ctx.annotation.article.id, tokens[i].start, tokens[i + 1].end)
                    return speaker, cue, speaker_span, role, None
    return None


def _speaker_of_cue(
    ctx: _Context, verb: int, entities: Sequence[Entity], before: int
) -> Attribution | None:
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
            subjects = ctx.dependents(_outer_reporting_verb(ctx, verb), "nsubj")
            if not subjects:
                subjects = ctx.dependents(tokens[verb].head, "nsubj")
    for subject in subjects:
        found = _resolve(ctx, subject, entities, before)
        if found is not None:
            speaker, speaker_span, role = found
            return speaker, cue, speaker_span, role, via
    return None


def _continuation(ctx: _Context, mark: _Mark) -> Attribution | None:
    """A quote with no cue continues the last speaker of this or the previous paragraph.

    “Do they understand …?” Mr Putin said. “Are they trying to provoke us …?”
    """
    topic = _previous_subject(ctx, mark)
    if topic is not None:
        return topic
    if ctx.last_speaker is None:
        return None
    entity, name, paragraph = ctx.last_speaker
    if _paragraph_at(ctx, mark.start) - paragraph > 1:
        return None
    return Speaker(name, entity.id if entity else None), None, None, None, None


def _previous_subject(ctx: _Context, mark: _Mark) -> Attribution | None:
    """The Kremlin spokesperson dismissed such warnings … “While implementing …”

    A quote that opens a sentence with no cue belongs to the subject of the sentence just
    before it in the same paragraph, when that subject is someone we know.
    """
    found = _topic_before(ctx, mark.open_at)
    if found is None:
        return None
    speaker, speaker_span, role = found
    return speaker, None, speaker_span, role, None


def _topic_before(ctx: _Context, offset: int) -> tuple[Speaker, Span, str | None] | None:
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
                if ctx.word(subject).lower() in PRONOUNS:
                    return None  # a pronoun is the last-speaker rule's business
                found = _resolve(ctx, subject, ctx.entities, offset)
                if found is not None and found[0].entity_id is not None:
                    return found
    return None


# --- speakers -------------------------------------------------------------------------


def _resolve(
    ctx: _Context, i: int, entities: Sequence[Entity], before: int
) -> tuple[Speaker, Span, str | None] | None:
    """The speaker named by the subject token ``i``: a name, a pronoun or a description."""
    tokens = ctx.annotation.tokens
    aid = ctx.annotation.article.id
    word = ctx.word(i)
    span = Span(aid, tokens[i].start, tokens[i].end)
    mention = _mention_at(ctx, i)
    if mention is not None:
        entity = ctx.entity_at.get((aid, mention.span.start))
        name = entity.name if entity else mention.text
        return Speaker(name, entity.id if entity else None), mention.span, mention.role_text
    low = word.lower()
    if low in PRONOUNS:
        kind = PRONOUNS[low]
        return _same_sentence_antecedent(ctx, i, kind, span) or _resolve_pronoun(
            ctx, kind, span, before
        )
    if tokens[i].pos == "PROPN":
        lo, hi = _name_extent(ctx, i)
        return Speaker(ctx.text[tokens[lo].start : tokens[hi].end]), span, None
    if tokens[i].pos == "NOUN":
        # the top-ranking US military officer, General Mark Milley, said …
        for appos in ctx.dependents(i, "appos"):
            found = _resolve(ctx, appos, entities, before)
            if found is not None:
                return found
        return _resolve_description(ctx, i, entities, before)
    return None


def _mention_at(ctx: _Context, i: int) -> Mention | None:
    tok = ctx.annotation.tokens[i]
    for mention in ctx.annotation.mentions:
        if mention.span.start <= tok.start < mention.span.end:
            return mention
    return None


def _name_extent(ctx: _Context, i: int) -> tuple[int, int]:
    tokens = ctx.annotation.tokens
    lo = i
    while lo > 0 and tokens[lo - 1].pos == "PROPN" and tokens[lo - 1].head == i:
        lo -= 1
    return lo, i


def _same_sentence_antecedent(
    ctx: _Context, pronoun: int, kind: str, span: Span
) -> tuple[Speaker, Span, str | None] | None:
    """In June, Kim sent a message to Putin …, where he said — the sentence's own subject."""
    tokens = ctx.annotation.tokens
    sentence = ctx.annotation.sentences[tokens[pronoun].sentence].span
    quoted = [(m.start, m.end) for m in _find_marks_cached(ctx)]
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


def _find_marks_cached(ctx: _Context) -> list[_Mark]:
    if ctx.marks is None:
        ctx.marks = _find_marks(ctx.annotation)
    return ctx.marks


def _resolve_pronoun(
    ctx: _Context, kind: str, span: Span, before: int
) -> tuple[Speaker, Span, str | None] | None:
    # The Kremlin spokesperson dismissed such warnings. “…,” he said. — the last subject …
    topic = _topic_before(ctx, before)
    if topic is not None:
        entity = _entity_by_id(ctx.entities, topic[0].entity_id)
        if entity is not None and (kind == "ANY" or _compatible(entity, kind)):
            return topic[0], span, None
    # “…,” he added. — … else the last speaker, if recent …
    if ctx.last_speaker is not None:
        entity, name, paragraph = ctx.last_speaker
        recent = _paragraph_at(ctx, before) - paragraph <= 2
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


_ORG_WORDS = frozenset(
    [
        "group",
        "agency",
        "council",
        "ministry",
        "department",
        "university",
        "company",
        "inc",
        "corp",
        "ltd",
        "party",
        "news",
        "times",
        "post",
        "bank",
        "fund",
        "institute",
        "center",
        "centre",
        "association",
        "authority",
        "committee",
        "office",
        "service",
        "services",
        "forces",
        "army",
        "navy",
        "court",
        "union",
        "league",
        "club",
        "foundation",
        "network",
        "board",
        "commission",
        "police",
        "rescue",
        "hospital",
        "school",
        "college",
    ]
)


def _person_shaped(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w.replace("-", "").isalpha() and w.lower() not in _ORG_WORDS
        for w in words
    )


def _resolve_description(
    ctx: _Context, i: int, entities: Sequence[Entity], before: int
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
    aid = ctx.annotation.article.id
    best: tuple[int, int, Entity] | None = None
    for entity in entities:
        if entity.type not in {"PERSON", "ORG"}:
            continue
        titles = [r.lower() for r in entity.roles] + [entity.name.lower()]
        if not any(head in re.findall(r"\w+", t) for t in titles):
            continue
        shared = max(len(words & set(re.findall(r"\w+", t))) for t in titles)
        last_seen = max(
            (m.start for m in entity.mentions if m.article_id == aid and m.start < before),
            default=-1,
        )
        score = (shared, last_seen)
        if best is None or score > best[:2]:
            best = (shared, last_seen, entity)
    span = Span(aid, tokens[lo].start, tokens[hi].end)
    if best is None:
        # "US officials said", "the harbour authority said": a speaker we cannot name further
        return Speaker(description), span, None
    entity = best[2]
    return Speaker(entity.name, entity.id), span, description


def _entity_by_id(entities: Sequence[Entity], entity_id: str | None) -> Entity | None:
    if entity_id is None:
        return None
    return next((e for e in entities if e.id == entity_id), None)


# --- indirect quotes ------------------------------------------------------------------


def _indirect(
    ctx: _Context, index: int, covered: list[tuple[int, int]], entities: Sequence[Entity]
) -> list[Quote]:
    """Kremlin spokesman Dmitry Peskov said the main topic would be … / according to X, …"""
    tokens = ctx.annotation.tokens
    sentence = ctx.annotation.sentences[index].span
    aid = ctx.annotation.article.id
    out = []
    for i in ctx.tokens_between(sentence.start, sentence.end):
        tok = tokens[i]
        if tok.lemma.lower() not in INDIRECT_LEMMAS or tok.pos not in {"VERB", "AUX"}:
            continue
        clauses = ctx.dependents(i, "ccomp")
        if not clauses:
            continue
        lo, hi = ctx.subtree(clauses[0])
        start, end = tokens[lo].start, tokens[hi].end
        if tokens[lo].pos == "SCONJ":  # said that …
            start = tokens[min(lo + 1, hi)].start
        while end > start and ctx.text[end - 1] in ".,;: ":
            end -= 1
        if end - start < 12 or any(s <= start and end <= e for s, e in covered):
            continue
        attribution = _speaker_of_cue(ctx, i, entities, start)
        if attribution is None:
            continue
        speaker, cue, speaker_span, role, via = attribution
        if speaker is not None:
            entity = _entity_by_id(entities, speaker.entity_id)
            ctx.last_speaker = (entity, speaker.name, ctx.paragraph(i))
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
    return out
