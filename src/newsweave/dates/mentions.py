"""Temporal expressions found in an article, each with the tense of the clause it dates.

:func:`find_time_mentions` reads an article's spaCy DATE and TIME spans (never a search of
raw text, which finds dates in "may" and "we") into forms, with the tense of the clause
each one dates ("could meet on Wednesday" looks ahead, "met on Wednesday" back), read off
the parse. The other steps of the dates stage are
:func:`~newsweave.dates.story_dates.date_articles` (the day each article was written) and
:func:`~newsweave.dates.calendar.resolve_times` (every expression placed on the calendar).

Example:
    >>> from newsweave.model import Article, Annotation, Mention, Span, Token
    >>> art = Article("a", "Wire", None, "Kim left on Sunday.")
    >>> tokens = (
    ...     Token(0, 3, "Kim", "PROPN", "nsubj", 1, 0, "NNP"),
    ...     Token(4, 8, "leave", "VERB", "ROOT", 1, 0, "VBD"),
    ...     Token(9, 11, "on", "ADP", "prep", 1, 0, "IN"),
    ...     Token(12, 18, "Sunday", "PROPN", "pobj", 2, 0, "NNP"),
    ...     Token(18, 19, ".", "PUNCT", "punct", 1, 0, "."),
    ... )
    >>> sunday = Mention(Span("a", 12, 18), "Sunday", "DATE", 0)
    >>> [(m.text, m.tense, m.governor) for m in find_time_mentions(
    ...     Annotation(art, (), (), tokens, (sunday,)))]
    [('Sunday', 'past', 'leave')]
"""

from __future__ import annotations

import re

from newsweave.dates.expressions import parse_time
from newsweave.lexicon.reporting import FUTURE_AUXILIARIES, FUTURE_HEADS, FUTURE_MARKS
from newsweave.model import Annotation, Span, Tense, TimeMention
from newsweave.nlp.parse import ParseIndex

_VALUE_LABELS = frozenset({"DATE", "TIME"})
# Words that join two date spans into one expression: "15-31" + "October", "Sunday" + "afternoon".
_JOINER = re.compile(r"[\s,]*(?:of\s+)?")


def find_time_mentions(
    annotation: Annotation, parse: ParseIndex | None = None
) -> tuple[TimeMention, ...]:
    """The temporal expressions of one article, read from its DATE and TIME spans, in order.

    Adjacent spans that make one expression join ("15-31" and "October"); a span with a
    tail the parser cannot read is cut at its first comma ("Wednesday, ending two days").
    ``parse`` is the article's parse index, when the caller has built it already.
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
    if parse is None:
        parse = ParseIndex(annotation)
    out: list[TimeMention] = []
    for start, end, sentence in spans:
        written = text[start:end]
        form = parse_time(written)
        if form.kind == "unresolved" and "," in written:
            head = written.split(",", 1)[0]
            head_form = parse_time(head)
            if head_form.kind != "unresolved":
                written, form, end = head, head_form, start + len(head)
        inside = parse.tokens_between(start, end)
        i0, i1 = inside.start, max(inside.stop, inside.start + 1)
        tense, governor = _tense(parse, i0, min(i1, len(parse.tokens)))
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


def _tense(parse: ParseIndex, i0: int, i1: int) -> tuple[Tense, str]:
    """The tense of the clause that the tokens ``i0:i1`` date, and the lemma of its verb."""
    tokens = parse.tokens
    if not tokens or i0 >= len(tokens):
        return "unknown", ""
    inside = range(i0, i1)
    root = next((k for k in inside if tokens[k].head not in inside or tokens[k].head == k), i0)
    ahead = False
    for j in parse.up(root, 12):
        tok = tokens[j]
        if j not in inside:
            if tok.pos in {"VERB", "AUX"}:
                tense, lemma = _verb_tense(parse, j, 0)
                # "looking at running extra ferries from Wednesday": a start still to come
                if _starting(parse, root, j):
                    ahead = True
                return ("future" if ahead else tense), lemma
            # "ahead of expected talks on Wednesday": the noun on the way looks ahead
            if tok.lemma.lower() in FUTURE_MARKS or any(
                tokens[c].lemma.lower() in FUTURE_MARKS
                and tokens[c].dep in {"amod", "compound", "advmod", "nmod", "acl"}
                for c in parse.children(j)
            ):
                ahead = True
    return ("future" if ahead else "unknown"), ""


def _starting(parse: ParseIndex, date: int, verb: int) -> bool:
    """A date that opens a stretch ("from Wednesday") on a verb with no tense of its own."""
    tokens = parse.tokens
    head = tokens[date].head
    opens = tokens[head].lemma.lower() in {"from", "starting", "beginning"}
    untensed = tokens[verb].tag in {"VB", "VBG"} and not any(
        tokens[c].dep in {"aux", "auxpass"} for c in parse.children(verb)
    )
    return opens and untensed and head != date


def _verb_tense(parse: ParseIndex, v: int, depth: int) -> tuple[Tense, str]:
    """The tense of verb ``v`` from its tag and auxiliaries, or of the verb it hangs on."""
    tokens = parse.tokens
    tok = tokens[v]
    lemma = tok.lemma.lower()
    aux = [tokens[c] for c in parse.children(v) if tokens[c].dep in {"aux", "auxpass"}]
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
        for c in parse.children(v)
    ):
        return "future", lemma
    if tok.tag == "VB" or "TO" in aux_tags:
        if "did" in {a.lemma.lower() for a in aux} or any(a.tag == "VBD" for a in aux):
            return "past", lemma
        governor = _verb_above(parse, v)
        if governor is not None and depth < 3:
            if tokens[governor].lemma.lower() in FUTURE_HEADS:
                return "future", lemma
            return _verb_tense(parse, governor, depth + 1)[0], lemma
        return "unknown", lemma
    if tok.tag == "VBD":
        return "past", lemma
    if tok.tag in {"VBN", "VBG"}:
        if "have" in aux_words or any(a.tag == "VBD" for a in aux):
            return "past", lemma
        if aux_tags & {"VBZ", "VBP"}:
            return "present", lemma
        governor = _verb_above(parse, v)
        if governor is not None and depth < 3:  # a participle: the tense of what it hangs on
            return _verb_tense(parse, governor, depth + 1)[0], lemma
        return ("past" if tok.tag == "VBN" else "unknown"), lemma
    if tok.tag in {"VBZ", "VBP"}:
        return "present", lemma
    return "unknown", lemma


def _verb_above(parse: ParseIndex, v: int) -> int | None:
    """The nearest verb (or predicative adjective) that ``v`` hangs on, within its sentence."""
    tokens = parse.tokens
    for j in parse.up(v, 9):  # v and the eight tokens above it
        if j != v and (tokens[j].pos in {"VERB", "AUX"} or tokens[j].lemma.lower() in FUTURE_HEADS):
            return j
    return None
