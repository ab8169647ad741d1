"""Claims: what one sentence asserts, as typed slots that compare one by one.

A claim is a value a sentence gives (:mod:`newsweave.facts.details` reads it off the
parse) with the slots that say what it is a value *of* and *when*:

* ``measure``: what is counted or measured, taken from the parse
  (:mod:`newsweave.facts.measures`): "288 people have died", "killing at least 78" and
  "the death toll rose to 288" all measure ``people:killed``; "17 children" is
  ``child:killed``, never the toll; "sank 80 km off the coast" is ``distance:sink``. For a
  place it is its kind (``place:hospital``); for a predicate, what is said of whom
  (``negation:pregnant:woman``); for the day the happening itself took place ("capsized
  on Wednesday", "27 died on Wednesday"), ``date:happened``;
* the value as a range (``low``–``high``): the hedge makes it one ("at least 78" is 78–∞);
* ``day``: when the claim holds: a date the sentence gives it ("by Monday evening"), else
  the day its report was written; a figure the sentence says was replaced ("rose *from*
  261 to 288") holds just before;
* ``background``: about another, earlier happening: a date a month or more before the
  story's day in the figure's own clause ("in February, 94 died off Calabria"; but "the
  worst since 1995" dates nothing, and "opened in 1971 and carries 40,000 vehicles" does
  not date the 40,000);
* ``source``: who says it ("police said", "according to the ministry"), so that two
  sources can disagree inside one article.

Two claims are *comparable* when their measure is the same and neither is background;
comparable claims *agree* when their ranges meet (places: when one name holds the other).
Looser relations say what *may* be one thing (:func:`same_thing`, :func:`may_be_same`):
those keep outlets apart in a consensus without setting them against each other.

Example:
    >>> from newsweave.facts.stated import StatedDetail
    >>> from newsweave.model import Span
    >>> def dead(value, low, high, day=1):
    ...     d = StatedDetail("number", "people:killed", value, value, Span("a", 0, 3), low, high)
    ...     return Claim(d, "people:killed", Span("a", 0, 9), day)
    >>> agree(dead("at least 78", 78, float("inf")), dead("79", 79, 79))
    True
    >>> agree(dead("78", 78, 78), dead("79", 79, 79))
    False
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsweave.facts.details import read_details
from newsweave.facts.measures import measure_of, object_of, subject_of
from newsweave.facts.stated import StatedDetail
from newsweave.lexicon.events import CASUALTY_VERBS
from newsweave.lexicon.function_words import NEGATIONS
from newsweave.lexicon.numbers import UNITS
from newsweave.lexicon.reporting import (
    KNOWING_WORDS,
    QUESTION_WORDS,
    REPORTING_VERBS,
    UNKNOWN_WORDS,
)
from newsweave.model import Annotation, Span, Statement, TimeExpression, When
from newsweave.nlp.parse import ParseIndex

BACKGROUND_DAYS = 30  # a date this long before the story's day marks another happening
UNKNOWN = "known:"  # the measure of a claim that something is not known
_OLD_VALUE = frozenset({"from"})  # "rose from 261 to 288": 261 is the figure replaced
_DIMENSIONS = frozenset(dimension for dimension, _ in UNITS.values())
_NOT_THE_TIME = frozenset({"since", "than", "until", "before"})  # "worst since 1995"


@dataclass(frozen=True, slots=True)
class Claim:
    """One value one sentence asserts, with what it measures, when and who says it."""

    detail: StatedDetail
    measure: str
    sentence: Span
    day: float | None = None  # ordinal day the claim holds; None when unknown
    background: bool = False
    source: str = ""
    replaced: bool = False  # the sentence says a later figure replaced it ("from 261")

    @property
    def article_id(self) -> str:
        return self.sentence.article_id


def vague(claim: Claim) -> bool:
    """Whether a figure's measure says too little to set it against another: a bare count
    of people, a distance or duration of nothing read ("people:", "duration:")."""
    head, _, tail = claim.measure.partition(":")
    return claim.detail.detail == "number" and not tail and head in _DIMENSIONS | {"people"}


def agree(a: Claim, b: Claim) -> bool:
    """Whether two comparable claims can both be true: their ranges meet, or, for a value
    that is not a number, their keys are equal."""
    x, y = a.detail, b.detail
    if x.detail in {"number", "time"} or (x.detail == "date" and x.high and y.high):
        return not (x.high < y.low or y.high < x.low)
    if x.detail == "place":  # "Vladivostok" and "the port of Vladivostok" are one place
        if x.about == "happened" and not (x.high and y.high):
            return True  # "near Addis Ababa" and "in Bishoftu" can both be right
        return x.key in y.key or y.key in x.key
    return x.key == y.key


def comparable(a: Claim, b: Claim, *, loose: bool = False) -> bool:
    """Whether two claims give values of one thing: the same measure, of the story's own
    happening (a background figure compares with nothing).

    ``loose`` compares what may be the same thing, for keeping outlets apart rather than
    setting them against each other, or for comparing sentences aligned as saying the same
    thing: a measure by its dimension alone ("80 km off the coast" and "47 miles from the
    port"), a count by its casualty class alone ("27 died" and "31 migrants died").
    """
    if a.detail.detail != b.detail.detail or a.background or b.background:
        return False
    if a.measure == b.measure:
        return True
    if not loose or a.detail.detail != "number":
        return False
    head_a, _, tail_a = a.measure.partition(":")
    head_b, _, tail_b = b.measure.partition(":")
    if head_a in _DIMENSIONS or head_b in _DIMENSIONS:
        return head_a == head_b
    return bool(tail_a) and tail_a == tail_b and tail_a in CASUALTY_VERBS.values()


def same_dimension(a: Claim, b: Claim) -> bool:
    """Whether two claims measure one dimension (a distance, a duration), whatever word
    each hangs from."""
    dim_a, dim_b = a.measure.partition(":")[0], b.measure.partition(":")[0]
    return dim_a in _DIMENSIONS and dim_a == dim_b and not (a.background or b.background)


def same_thing(a: Claim, b: Claim) -> bool:
    """Whether two claims of sentences aligned as saying the same thing give values of one
    thing: the same measure, or the same noun counted or dimension measured where one of
    them leaves the verb or the word measured unread ("passengers from 33 countries" and
    "35 countries"; "233 metres long" and "the 230-metre bridge")."""
    if comparable(a, b):
        return True
    if a.detail.detail != "number" or b.detail.detail != "number" or a.background or b.background:
        return False
    head_a, _, tail_a = a.measure.partition(":")
    head_b, _, tail_b = b.measure.partition(":")
    if head_a != head_b or head_a in {"people", "part"} or (tail_a and tail_b):
        return False
    # The one verb read must say what happened to those counted ("33 countries" and
    # "passengers from 35 countries aboard"), never pick some out ("4 women identified").
    return (tail_a or tail_b) in CASUALTY_VERBS.values()


def may_be_same(a: Claim, b: Claim) -> bool:
    """Whether two claims could give values of one thing, as far as the parse can tell: a
    count and a count unless what they count is known to differ ("killed" and "injured";
    "children" and "women"), a measure and a measure of one dimension, places of one kind,
    one verb's polarity. What may be the same thing keeps two outlets apart when the
    values differ; only what surely is (:func:`comparable`) sets them in a dispute."""
    if comparable(a, b, loose=True):
        return True
    if a.detail.detail != b.detail.detail or a.background or b.background:
        return False
    if a.detail.detail != "number":
        return False
    noun_a, _, kind_a = a.measure.partition(":")
    noun_b, _, kind_b = b.measure.partition(":")
    if noun_a in _DIMENSIONS or noun_b in _DIMENSIONS:
        return noun_a == noun_b
    casualty = set(CASUALTY_VERBS.values())
    if kind_a in casualty and kind_b in casualty and kind_a != kind_b:
        return False
    return noun_a == noun_b or "people" in {noun_a, noun_b}


def read_claims(
    annotation: Annotation,
    statements: Sequence[Statement],
    times: Sequence[TimeExpression] = (),
    *,
    story_day: int | None = None,
    place_types: Mapping[tuple[str, int], str] | None = None,
    placed: Mapping[tuple[str, int], When] | None = None,
    parse: ParseIndex | None = None,
) -> dict[Span, list[Claim]]:
    """The claims of each of ``statements`` (all of one article), by statement span: its
    numbers, the places it names of one kind, its main verb's polarity, and the day it
    gives the happening.

    Args:
        annotation: the article, annotated.
        statements: spans of it to read (statements, or whole sentences).
        times: the article's date expressions, placed on the calendar where they can be.
        story_day: the ordinal day of the story; dates a month or more before it mark a
            figure as background.
        place_types, placed: passed to :func:`~newsweave.facts.details.read_details`.
    """
    parse = parse or ParseIndex(annotation)
    written = _written_day(annotation)
    out: dict[Span, list[Claim]] = {}
    # A number, a place or a verb's polarity; a number's measure and time are read here.
    for st in statements:
        claims: list[Claim] = []
        span = st.span
        own_times = [
            t for t in times if span.start <= t.span.start < span.end and t.when is not None
        ]
        source = _source(parse, span)
        details = read_details(parse, st, place_types, placed)
        # "At least 27 people died on Wednesday": the day a toll died is the happening's
        # (one person's death on a later day is not).
        toll = any(d.detail == "number" and d.about.endswith(":killed") for d in details)
        unknown = _unknown(parse, span)
        if unknown is not None:
            said = unknown.text(annotation.article)
            d = StatedDetail("negation", "known", said, "unknown", unknown)
            claims.append(Claim(d, UNKNOWN, span, None, False, source))
        for d in details:
            if d.detail == "place":
                claims.append(Claim(d, f"place:{d.about}", span, None, False, source))
                continue
            if d.detail == "time":  # the time of day the happening took place
                claims.append(Claim(d, "time:happened", span, None, False, source))
                continue
            if d.detail == "agent":  # who did it: "Modi sought mobilisation"
                claims.append(Claim(d, f"agent:{d.about}", span, None, False, source))
                continue
            if d.detail == "negation":  # what is said of whom: "pregnant" of "woman"
                who = subject_of(parse, d.span)
                what = object_of(parse, d.span) if who else ""
                measure = f"negation:{d.about}:{who}" + (f":{what}" if what else "")
                claims.append(Claim(d, measure, span, None, False, source))
                continue
            happened = d.about.endswith(":happened") or (toll and d.about.endswith(":killed"))
            if d.detail == "date" and happened and d.high:
                # The day the happening took place, on the calendar: one day for everyone.
                old = story_day is not None and d.high < story_day - BACKGROUND_DAYS
                claims.append(Claim(d, "date:happened", span, None, old, source))
                continue
            if d.detail != "number":
                continue
            value = parse.tokens_in(d.span)
            if not value or any(
                t.kind == "date" and t.span.start < d.span.end and d.span.start < t.span.end
                for t in own_times
            ):
                continue  # "reopened five days ago" says when, not how long
            i = value.start
            measure = measure_of(parse, value.stop - 1, d)  # from the number, not "at least"
            background = _background(parse, own_times, story_day, d)
            dating = [t for t in own_times if _dates_figure(parse, t, value.stop - 1)]
            day = _day(dating, written, story_day)
            replaced = i > 0 and parse.tokens[i - 1].lemma.lower() in _OLD_VALUE
            if day is not None and replaced:
                day -= 0.5
            claims.append(Claim(d, measure, span, day, background, source, replaced))
        out[span] = claims
    return out


def _unknown(parse: ParseIndex, span: Span) -> Span | None:
    """Where the sentence says something is not known ("it is unclear why UN staff were on
    board", "we have no idea whether the certificate was issued"), else None: such a
    sentence never corroborates one that says the thing."""
    tokens = parse.tokens
    within = parse.tokens_in(span)
    for i in within:
        lemma = tokens[i].lemma.lower()
        unknown = lemma in UNKNOWN_WORDS or (
            lemma in KNOWING_WORDS
            and any(
                tokens[k].dep in {"neg", "det"} and tokens[k].lemma.lower() in NEGATIONS
                for k in parse.children(i)
            )
        )
        if unknown and any(
            tokens[j].lemma.lower() in QUESTION_WORDS for j in range(i + 1, min(i + 4, within.stop))
        ):
            return Span(span.article_id, tokens[i].start, tokens[i].end)
    return None


def _background(
    parse: ParseIndex,
    times: Sequence[TimeExpression],
    story_day: int | None,
    detail: StatedDetail,
) -> bool:
    """Whether the sentence places the figure at another, earlier happening: a date a
    month or more before the story's day in the figure's own clause ("In August 1995, 358
    people were killed"; not "the bridge opened in 1971 and carries 40,000 vehicles")."""
    if story_day is None:
        return False
    value = parse.tokens_in(detail.span)
    if not value:
        return False
    above = _governing_path(parse, value.stop - 1)
    for t in times:
        if t.when is None or t.kind != "date":
            continue
        i = parse.token_at(t.span.start)
        if i is None or (i > 0 and parse.tokens[i - 1].lemma.lower() in _NOT_THE_TIME):
            continue
        verb = _clause_verb(parse, i)
        if t.when.latest.toordinal() < story_day - BACKGROUND_DAYS and (
            verb is None or verb in above
        ):
            return True
    return False


def _dates_figure(parse: ParseIndex, t: TimeExpression, i: int) -> bool:
    """Whether the date ``t`` says when the figure at token ``i`` holds: it hangs, through
    prepositions only, from a verb above the figure ("recovered on Friday", "bringing the
    toll to 79 on Friday afternoon"), not from a noun ("the toll from the June 24 disaster
    stands at 79": the 24th dates the disaster, not the toll)."""
    tokens = parse.tokens
    at = parse.tokens_in(t.span)
    if not at:
        return False
    inside = set(at)
    path = _governing_path(parse, i)
    for here in parse.up(at.stop - 1):
        if here in inside or tokens[here].pos == "ADP":
            continue
        return tokens[here].pos in {"VERB", "AUX"} and here in path
    return False


def _clause_verb(parse: ParseIndex, i: int) -> int | None:
    """The verb whose clause token ``i`` stands in: the first verb above it."""
    tokens = parse.tokens
    for here in parse.up(i):
        if here != i and tokens[here].pos in {"VERB", "AUX"}:
            return here
    return None


def _governing_path(parse: ParseIndex, i: int) -> set[int]:
    """The tokens above ``i`` up to the first coordination: a date on any of them dates the
    figure ("crashed on 29 October 2018, killing 189"), one on a coordinate clause does not
    ("opened in 1971 and carries 40,000 vehicles")."""
    tokens = parse.tokens
    out: set[int] = set()
    for here in parse.up(i):
        out.add(here)
        if tokens[here].dep == "conj":
            break
    return out


def _day(
    times: Sequence[TimeExpression], written: int | None, story_day: int | None
) -> float | None:
    """The day a figure holds: the latest day its sentence names (not after the report was
    written), else the report's own day; None when no day is known."""
    limit = written if written is not None else story_day
    named = [
        t.when.latest.toordinal()
        for t in times
        if t.when is not None
        and t.kind == "date"
        and (limit is None or t.when.latest.toordinal() <= limit)
        and (story_day is None or t.when.latest.toordinal() >= story_day - BACKGROUND_DAYS)
    ]
    if named:
        return float(max(named))
    if written is not None:
        return float(written)
    return float(story_day) if story_day is not None else None


def _written_day(annotation: Annotation) -> int | None:
    article = annotation.article
    if article.published is not None:
        return article.published.toordinal()
    if article.dating is not None:
        return article.dating.when.latest.toordinal()
    return None


def _source(parse: ParseIndex, span: Span) -> str:
    """Who the sentence says gives the figure: the subject of its reporting verb ("police
    said"), or what follows "according to"; "" when the outlet says it itself."""
    tokens = parse.tokens
    within = parse.tokens_in(span)
    for i in within:
        tok = tokens[i]
        lemma = tok.lemma.lower()
        if lemma in REPORTING_VERBS and tok.pos == "VERB":
            for k in parse.dependents(i, "nsubj"):
                return tokens[k].lemma.lower()
        if lemma == "accord" and i + 2 < within.stop:
            for k in parse.dependents(i + 1, "pobj"):
                return tokens[k].lemma.lower()
    return ""


def story_day(annotations: Sequence[Annotation]) -> int | None:
    """The story's own day: the middle of its reports' days, when any is dated."""
    days = sorted(d for d in (_written_day(a) for a in annotations) if d is not None)
    return days[len(days) // 2] if days else None


def as_date(day: float | None) -> dt.date | None:
    """The calendar day of a claim's ``day``."""
    return dt.date.fromordinal(int(day + 0.5)) if day is not None and day >= 1 else None
