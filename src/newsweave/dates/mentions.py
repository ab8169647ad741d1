"""When: the day each article was written, and every temporal expression placed on the calendar.

Three steps, each a plain function:

1. :func:`find_time_mentions` reads an article's spaCy DATE and TIME spans (never a search
   of raw text, which finds dates in "may" and "we") into forms, with the tense of the
   clause each one dates ("could meet on Wednesday" looks ahead, "met on Wednesday" back).
2. :func:`date_articles` gives each article a :class:`~newsweave.model.Dating`: its
   metadata date, else one inferred from its own text and the story's other reports (see
   :mod:`newsweave.dates.story_dates`).
3. :func:`resolve_times` places every expression against its article's date, at the
   precision the evidence allows.

Example:
    >>> from newsweave.model import Article, Annotation, Mention, Span
    >>> art = Article("a", "Wire", None, "Kim left on Sunday.", published=dt.date(2023, 9, 12))
    >>> ann = Annotation(art, (), (), (), (Mention(Span("a", 12, 18), "Sunday", "DATE", 0),))
    >>> [(t.text, t.when.label) for t in resolve_times([ann], [find_time_mentions(ann)])]
    [('Sunday', '2023-09-10')]
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from newsweave.dates.calendar import resolve_between, resolve_time
from newsweave.dates.expressions import parse_time
from newsweave.lexicon.reporting import FUTURE_AUXILIARIES, FUTURE_HEADS, FUTURE_MARKS
from newsweave.model import (
    Alignment,
    Annotation,
    Dating,
    Span,
    Tense,
    TimeExpression,
    TimeMention,
    Token,
    When,
)

_VALUE_LABELS = frozenset({"DATE", "TIME"})
# Words that join two date spans into one expression: "15-31" + "October", "Sunday" + "afternoon".
_JOINER = re.compile(r"[\s,]*(?:of\s+)?")


def find_time_mentions(annotation: Annotation) -> tuple[TimeMention, ...]:
    """The temporal expressions of one article, read from its DATE and TIME spans, in order.

    Adjacent spans that make one expression join ("15-31" and "October"); a span with a
    tail the parser cannot read is cut at its first comma ("Wednesday, ending two days").
    """
    text = annotation.article.text
    values = sorted(
        (v for v in annotation.values if v.label in _VALUE_LABELS), key=lambda v: v.span.start
    )
    spans: list[tuple[int, int, int]] = []  # start, end, sentence
    for v in values:
        start, end = v.span.start, v.span.end
        if spans and spans[-1][2] == v.sentence:
            p_start, p_end, _ = spans[-1]
            gap = text[p_end:start]
            joined = text[p_start:end]
            if _JOINER.fullmatch(gap) and parse_time(joined).kind == "date":
                spans[-1] = (p_start, end, v.sentence)
                continue
        spans.append((start, end, v.sentence))
    starts = [t.start for t in annotation.tokens]
    children: dict[int, list[int]] = defaultdict(list)
    for i, tok in enumerate(annotation.tokens):
        if tok.head != i:
            children[tok.head].append(i)
    out: list[TimeMention] = []
    for start, end, sentence in spans:
        written = text[start:end]
        form = parse_time(written)
        if form.kind == "unresolved" and "," in written:
            head = written.split(",", 1)[0]
            head_form = parse_time(head)
            if head_form.kind != "unresolved":
                written, form, end = head, head_form, start + len(head)
        i0 = bisect_left(starts, start)
        i1 = max(bisect_right(starts, end - 1), i0 + 1)
        tense, governor = _tense(annotation.tokens, children, i0, min(i1, len(starts)))
        out.append(
            TimeMention(
                Span(annotation.article.id, start, end),
                written,
                form,
                tense,
                sentence,
                governor,
            )
        )
    return tuple(out)


def _tense(
    tokens: Sequence[Token], children: dict[int, list[int]], i0: int, i1: int
) -> tuple[Tense, str]:
    """The tense of the clause that the tokens ``i0:i1`` date, and the lemma of its verb."""
    if not tokens or i0 >= len(tokens):
        return "unknown", ""
    inside = range(i0, i1)
    root = next((k for k in inside if tokens[k].head not in inside or tokens[k].head == k), i0)
    ahead = False
    j = root
    for _ in range(12):
        tok = tokens[j]
        if j not in inside:
            if tok.pos in {"VERB", "AUX"}:
                tense, lemma = _verb_tense(tokens, children, j, 0)
                # "looking at running extra ferries from Wednesday": a start still to come
                if _starting(tokens, children, root, j):
                    ahead = True
                return ("future" if ahead else tense), lemma
            # "ahead of expected talks on Wednesday": the noun on the way looks ahead
            if tok.lemma.lower() in FUTURE_MARKS or any(
                tokens[c].lemma.lower() in FUTURE_MARKS
                and tokens[c].dep in {"amod", "compound", "advmod", "nmod", "acl"}
                for c in children.get(j, ())
            ):
                ahead = True
        if tok.head == j:
            break
        j = tok.head
    return ("future" if ahead else "unknown"), ""


def _starting(
    tokens: Sequence[Token], children: dict[int, list[int]], date: int, verb: int
) -> bool:
    """A date that opens a stretch ("from Wednesday") on a verb with no tense of its own."""
    head = tokens[date].head
    opens = tokens[head].lemma.lower() in {"from", "starting", "beginning"}
    untensed = tokens[verb].tag in {"VB", "VBG"} and not any(
        tokens[c].dep in {"aux", "auxpass"} for c in children.get(verb, ())
    )
    return opens and untensed and head != date


def _verb_tense(
    tokens: Sequence[Token], children: dict[int, list[int]], v: int, depth: int
) -> tuple[Tense, str]:
    tok = tokens[v]
    lemma = tok.lemma.lower()
    aux = [tokens[c] for c in children.get(v, ()) if tokens[c].dep in {"aux", "auxpass"}]
    aux_words = {a.lemma.lower() for a in aux}
    aux_tags = {a.tag for a in aux}
    if aux_words & FUTURE_AUXILIARIES:
        return "future", lemma
    if "MD" in aux_tags:
        # "could have been overseen" looks back; "could meet" ahead
        if "have" in aux_words and tok.tag == "VBN":
            return "past", lemma
        return "future", lemma
    if lemma in FUTURE_HEADS and tok.tag in {"VBN", "VBZ", "VBP", "JJ"} and depth > 0:
        return "future", lemma
    # "is due on the island on Wednesday", "is set for Friday"
    if any(
        tokens[c].dep in {"acomp", "attr", "xcomp", "oprd"} and tokens[c].lemma.lower() in {"due"}
        for c in children.get(v, ())
    ):
        return "future", lemma
    if tok.tag == "VB" or "TO" in aux_tags:
        if "did" in {a.lemma.lower() for a in aux} or any(a.tag == "VBD" for a in aux):
            return "past", lemma
        governor = _verb_above(tokens, v)
        if governor is not None and depth < 3:
            if tokens[governor].lemma.lower() in FUTURE_HEADS:
                return "future", lemma
            return _verb_tense(tokens, children, governor, depth + 1)[0], lemma
        return "unknown", lemma
    if tok.tag == "VBD":
        return "past", lemma
    if tok.tag in {"VBN", "VBG"}:
        if "have" in aux_words or any(a.tag == "VBD" for a in aux):
            return "past", lemma
        if aux_tags & {"VBZ", "VBP"}:
            return "present", lemma
        governor = _verb_above(tokens, v)
        if governor is not None and depth < 3:  # a participle: the tense of what it hangs on
            return _verb_tense(tokens, children, governor, depth + 1)[0], lemma
        return ("past" if tok.tag == "VBN" else "unknown"), lemma
    if tok.tag in {"VBZ", "VBP"}:
        return "present", lemma
    return "unknown", lemma


def _verb_above(tokens: Sequence[Token], v: int) -> int | None:
    """The nearest verb (or predicative adjective) that ``v`` hangs on, within its sentence."""
    j = v
    for _ in range(8):
        head = tokens[j].head
        if head == j:
            return None
        j = head
        if tokens[j].pos in {"VERB", "AUX"} or tokens[j].lemma.lower() in FUTURE_HEADS:
            return j
    return None


def date_articles(
    annotations: Sequence[Annotation],
    mentions: Sequence[Sequence[TimeMention]],
    alignment: Alignment | None = None,
    *,
    today: dt.date | None = None,
) -> tuple[Annotation, ...]:
    """The annotations with each article's ``dating`` (and ``published`` when a day is known).

    Args:
        annotations: one story's annotated articles.
        mentions: :func:`find_time_mentions` of each, in the same order.
        alignment: the story's aligned statements; reports of the same event across
            outlets tie undated articles to dated ones.
        today: no article is dated after this day (default: the system's date).
    """
    from newsweave.dates.story_dates import infer_datings

    today = today or dt.datetime.now().astimezone().date()
    datings = infer_datings(annotations, mentions, alignment, today)
    out: list[Annotation] = []
    for annotation, dating in zip(annotations, datings, strict=True):
        article = annotation.article
        if dating is None:
            out.append(annotation)
            continue
        day = dating.when.earliest if dating.when.exact else None
        article = replace(
            article,
            dating=dating,
            published=day if day is not None else article.published,
            published_inferred=dating.inferred,
        )
        out.append(replace(annotation, article=article))
    return tuple(out)


def resolve_times(
    annotations: Sequence[Annotation], mentions: Sequence[Sequence[TimeMention]]
) -> tuple[TimeExpression, ...]:
    """Every temporal expression of the story, placed against its article's dating."""
    out: list[TimeExpression] = []
    for annotation, found in zip(annotations, mentions, strict=True):
        dating = annotation.article.dating
        if dating is None and annotation.article.published is not None:
            day = annotation.article.published
            dating = Dating(When.on(day), annotation.article.published_inferred, "metadata")
        out.extend(resolve_mention(m, dating) for m in found)
    return tuple(out)


def resolve_mention(mention: TimeMention, dating: Dating | None) -> TimeExpression:
    """One mention as a :class:`TimeExpression`, resolved against ``dating`` when needed."""
    form = mention.form
    when = None
    if form.kind == "date":
        if not form.relative:
            when = resolve_time(form, None)
        elif dating is not None:
            when = resolve_between(form, dating.when.earliest, dating.when.latest, mention.tense)
    return TimeExpression(
        mention.span,
        mention.text,
        form.kind,
        when,
        form.relative,
        mention.tense,
        form.length,
        mention.sentence,
    )
