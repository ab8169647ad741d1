"""Read the details reports can differ on off one statement: numbers, dates, places, negation.

No NLI model runs offline, so what a statement says that another could contradict is read
off its parse:

* a number with its unit and what it counts ("four people were killed" → 4 people, killed),
  with its qualifier as an interval ("at least 12" is 12–∞, so it does not contradict 14);
* a duration or distance ("two weeks", "more than a month", "40 metres"), in days or metres;
* a date word ("on Monday", "12 September"), placed on the calendar when it can be;
* a place said to be where something happens ("at the Vostochny Cosmodrome", "a possible
  venue … is Vladivostok"), and a named facility of one kind ("St Brendan's Hospital");
* the main verb, negated or not ("did not survive" vs "survived").

:mod:`newsweave.facts.disputes` compares them.

Example:
    >>> _interval("at least 12", 12.0)
    (12.0, inf)
    >>> _unit("fortnights"), _unit("40m")
    (('duration', 14), ('distance', 1))
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import replace

from newsweave.facts.agents import agents
from newsweave.facts.places import facilities, happening_places, this_happening, venues
from newsweave.facts.stated import StatedDetail
from newsweave.lexicon.calendar import DAY_PARTS, MONTHS, TIME_ZONES, WEEKDAYS
from newsweave.lexicon.events import CASUALTY_VERBS, HAPPENING_WORDS, LIGHT_VERBS
from newsweave.lexicon.function_words import NEGATIONS
from newsweave.lexicon.numbers import ABOUT, AT_LEAST, AT_MOST, CLOCK_HEDGES, CLOCK_SLACK, UNITS
from newsweave.lexicon.people import PEOPLE_NOUNS, RELATIONAL_NOUNS
from newsweave.lexicon.reporting import BELIEF_VERBS, DENIAL_VERBS, REPORTING_VERBS
from newsweave.model import Mention, Span, Statement, When
from newsweave.nlp.parse import ParseIndex
from newsweave.nlp.quantities import parse_clock, parse_number

_CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
_COUNT_AND_DAY = re.compile(rf"(\d[\d,]*)\s+({'|'.join(WEEKDAYS)})", re.IGNORECASE)


def read_details(
    parse: ParseIndex,
    statement: Statement,
    place_types: Mapping[tuple[str, int], str] | None = None,
    placed: Mapping[tuple[str, int], When] | None = None,
) -> list[StatedDetail]:
    """The comparable details of one statement: numbers, dates, venues, its main verb.

    Args:
        parse: the parse index of the statement's article.
        statement: one statement of that article.
        place_types: a mention (article id, start) to its entity's story-wide type, which
            outvotes the model's label on one mention.
        placed: a date expression (article id, start) to its day on the calendar.
    """
    place_types = place_types or {}
    annotation = parse.annotation
    span = statement.span
    within = parse.tokens_in(span)
    out: list[StatedDetail] = []
    values = [part for m in annotation.values for part in _count_and_day(m)]
    for value in (*values, *_unlabelled_numbers(parse, within)):
        v = value.span
        if not (span.start <= v.start and v.end <= span.end):
            continue
        written = parse.tokens_in(v)
        if not written:
            continue
        when = (placed or {}).get((v.article_id, v.start))
        detail = _number_or_date(parse, written, within.start, value.label, v, when)
        if detail is not None:
            out.append(detail)
    out.extend(venues(parse, within, span, place_types))
    out.extend(happening_places(parse, within, span, place_types))
    out.extend(facilities(annotation.mentions, span))
    out.extend(agents(parse, within, span, place_types))
    negation = _negation(parse, within, span)
    if negation is not None:
        out.append(negation)
    return out


def _count_and_day(value: Mention) -> list[Mention]:
    """A value, or the count and the weekday the entity model took for one date: "the toll
    rose to 24 Tuesday" gives 24 on Tuesday, not the 24th."""
    found = _COUNT_AND_DAY.fullmatch(value.text)
    if value.label != "DATE" or found is None:
        return [value]
    v = value.span
    count = Span(v.article_id, v.start, v.start + found.end(1))
    day = Span(v.article_id, v.start + found.start(2), v.end)
    return [
        replace(value, span=count, text=found.group(1), label="CARDINAL"),
        replace(value, span=day, text=found.group(2)),
    ]


def _unlabelled_numbers(parse: ParseIndex, within: range) -> list[Mention]:
    """Numbers the entity model left unlabelled ("the toll rose to 288"), as counts: runs of
    number tokens outside every labelled value."""
    annotation = parse.annotation
    tokens = parse.tokens
    covered = (
        [
            (m.span.start, m.span.end)
            for m in annotation.values
            if m.span.end > tokens[within.start].start
            and m.span.start < tokens[within.stop - 1].end
        ]
        if within
        else []
    )
    out: list[Mention] = []
    i = within.start
    while i < within.stop:
        tok = tokens[i]
        if tok.pos != "NUM" or any(s <= tok.start < e for s, e in covered):
            i += 1
            continue
        j = i + 1
        while j < within.stop and tokens[j].pos == "NUM":
            j += 1
        span = Span(annotation.article.id, tok.start, tokens[j - 1].end)
        out.append(Mention(span, span.text(annotation.article), "CARDINAL", tok.sentence))
        i = j
    return out


def _number_or_date(
    parse: ParseIndex,
    value: range,
    lo: int,
    label: str,
    v: Span,
    when: When | None = None,
) -> StatedDetail | None:
    """The number or date written at ``v`` (its tokens ``value``, its statement's first
    token ``lo``), or None when it is neither or says nothing comparable."""
    tokens, text = parse.tokens, parse.text
    i0, i1 = value.start, value.stop
    written = text[v.start : v.end]
    lower = written.lower()
    words = lower.split()
    if label == "DATE" and any(w.strip(".,") in _CALENDAR_WORDS for w in words):
        if _in_brackets(parse, i0, lo):
            return None  # "10:30 p.m. ET (0230 GMT Sunday)": another clock's day
        about = _governor(parse, i0, i1)
        if about in REPORTING_VERBS or not about:
            return None  # "said on Tuesday" dates the report, not the event
        # A weekday only compares with a weekday, a month with a month.
        grain = "weekday" if any(w.strip(".,") in WEEKDAYS for w in words) else "calendar"
        if when is not None:
            # Placed on the calendar: "Monday" in a Tuesday report and "Sunday" in a Monday
            # one are the same day; days compare as stretches ("15-31 October" holds the 15th).
            first, last = float(when.earliest.toordinal()), float(when.latest.toordinal())
            return StatedDetail("date", f"{grain}:{about}", written, when.label, v, first, last)
        # "Wednesday, ending two days" and "Wednesday" name the same day.
        key = " ".join(
            w for w in (w.strip(".,") for w in words) if w in _CALENDAR_WORDS or w.isdigit()
        )
        return StatedDetail("date", f"{grain}:{about}", written, key, v)
    if label == "DATE" and re.fullmatch(r"\d[\d,]*", lower.strip()) and not _year(lower):
        label = "CARDINAL"  # "the toll was given as 50": a bare number the model took for a date
    clock = parse_clock(written) if label in {"TIME", "CARDINAL"} else None
    if clock is not None:
        # "collapsed at 10:30 p.m.": the time of the happening; any other time of day (of a
        # briefing, of a count) says when something else was.
        if not _of_the_happening(parse, i0, i1, lo):
            return None
        before = text[tokens[max(lo, i0 - 3)].start : v.start].lower() if i0 > lo else ""
        context = f"{before} {lower}"
        loose = any(re.search(rf"\b{q}\b", context) for q in (*ABOUT, *CLOCK_HEDGES))
        # "3pm" is as often rounded as exact; "3.07pm" and "15:00" are exact.
        loose = loose or not re.search(r"\d[:.h]\d", lower)
        slack = CLOCK_SLACK if loose else 0
        return StatedDetail(
            "time", "happened", written, str(clock), v, clock - slack, clock + slack
        )
    if label in {"ORDINAL", "PERCENT", "MONEY", "TIME"} or re.fullmatch(
        r"(?:19|20)\d\d", lower.strip()
    ):
        return None  # "2023" is a year, not a count
    if re.search(r"\d\s*(?:[ap]\.?m\b|gmt\b|hrs\b)", lower):
        return None  # "6.40pm" is a time of day
    if i0 > lo and _names_a_thing(parse, i0):
        return None  # "Game 3", "Flight 302", "Car No. 8": a name, not a count
    if i0 > lo and tokens[i0 - 1].lemma.lower() in NEGATIONS:
        return None  # "only one explosion, not two as first reported": the value denied
    before = text[tokens[max(lo, i0 - 3)].start : v.start].lower() if i0 > lo else ""
    if re.search(r"\b(?:rather than|instead of)\s*$", before):
        return None  # "killed 12 rather than 15 as first reported"
    number = parse_number(words)
    if number is None:
        return None
    unit = next((_unit(w) for w in words if _unit(w)), None)
    if unit is None:
        after = tokens[i1].lemma.lower() if i1 < len(tokens) else ""
        unit = _unit(after)
    if unit is not None:
        # "stay closed for two weeks" / "remain shut for a month": one closure, two verbs,
        # so a measure is compared by its dimension alone.
        dimension, factor = unit
        low, high = _interval(f"{before} {lower}", number * factor)
        return StatedDetail("number", dimension, written, f"{number * factor:g}", v, low, high)
    if label not in {"CARDINAL", "QUANTITY"}:
        return None
    noun, verb = _counted(parse, i0, i1)
    low, high = _interval(f"{before} {lower}", number)
    noun_key = "people" if not noun or noun in PEOPLE_NOUNS else noun
    return StatedDetail("number", f"{noun_key}:{verb}", written, f"{number:g}", v, low, high)


def _names_a_thing(parse: ParseIndex, i0: int) -> bool:
    """Whether the number at token ``i0`` is part of a name: right after a capitalised noun
    it modifies or that heads it ("Game 3", "Flight 302"), or after "No."."""
    tokens = parse.tokens
    prev = tokens[i0 - 1]
    word = parse.text[prev.start : prev.end]
    if word == "." and i0 >= 2:  # the tokenizer may cut "No." in two
        word = parse.text[tokens[i0 - 2].start : prev.end]
    if word.lower().rstrip(".") == "no" and word[:1].isupper():
        return True
    linked = tokens[i0].head == i0 - 1 or prev.head == i0
    return linked and prev.pos in {"PROPN", "NOUN"} and word[:1].isupper() and word.isalpha()


def _year(text: str) -> bool:
    return re.fullmatch(r"(?:1[89]|20)\d\d", text.strip()) is not None


def _unit(word: str) -> tuple[str, float] | None:
    """The dimension of a unit word and its size in that dimension's base unit."""
    w = word.strip(".,()").lower()
    w = re.sub(r"^\d[\d,.]*-?", "", w)  # "40m", "12km", "756-feet"
    if w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return UNITS.get(w)


def _interval(context: str, value: float) -> tuple[float, float]:
    """The range a qualified number allows: "at least 12" → (12, inf).

    Example:
        >>> _interval("about 60", 60.0), _interval("recovered 15", 15.0)
        ((54.0, 66.0), (15.0, 15.0))
    """
    context = " ".join(context.split())
    # Whole words only: "recovered 15" is not "over 15".
    if any(re.search(rf"\b{q}\b", context) for q in AT_LEAST):
        return value, math.inf
    if any(re.search(rf"\b{q}\b", context) for q in AT_MOST):
        return 0.0, value
    if any(re.search(rf"\b{q}\b", context) for q in ABOUT):
        return value * 0.9, value * 1.1
    return value, value


def _of_the_happening(parse: ParseIndex, i0: int, i1: int, lo: int) -> bool:
    """Whether the time of day at tokens ``i0``–``i1`` is when the happening took place
    ("collapsed at 22:25 local time", "the crash, which occurred just before 9 a.m."), and
    not a conversion in brackets ("(06:25 Moscow time)")."""
    tokens = parse.tokens
    if _in_brackets(parse, i0, lo):
        return False
    after = {parse.word(k).lower().strip(".,()") for k in range(i0, min(i1 + 2, len(tokens)))}
    if after & TIME_ZONES:
        return False  # "05:44 GMT": another clock than the reports' local time
    first = tokens[i0 - 1] if i0 > lo else tokens[i0]
    if {first.lemma.lower(), tokens[i0].lemma.lower()} & {"between", "from"}:
        return False  # "between 1am and 2am": a stretch, not a time
    for here in parse.up(i1 - 1, 5):
        if i0 <= here < i1 or tokens[here].lemma.lower() == "time":
            continue  # "22:25 local time": the words of the time itself
        if this_happening(parse, here):
            return True
        if tokens[here].pos in {"VERB", "AUX", "NOUN", "PROPN"}:
            return False  # "the 4.15pm train derailed": the time names the train
    return False


def _in_brackets(parse: ParseIndex, i: int, lo: int) -> bool:
    """Whether token ``i`` stands inside brackets opened in its statement (which starts at
    token ``lo``): "(06:25 Moscow time)", "(0230 GMT Sunday)", a conversion or an aside."""
    tokens = parse.tokens
    before = parse.text[tokens[lo].start : tokens[i].start]
    return before.count("(") > before.count(")")


def _governor(parse: ParseIndex, i0: int, i1: int) -> str:
    """The verb or noun a value hangs from, through a preposition: "closed for two weeks".

    The parts of a day the value names are no governor ("on Thursday afternoon"); a word
    saying the happening itself took place is ``happened`` ("capsized on Wednesday", "the
    incident on Wednesday"), so every outlet's day for it compares with every other's."""
    tokens = parse.tokens
    for head in parse.up(tokens[i1 - 1].head, 3):
        tok = tokens[head]
        lemma = tok.lemma.lower()
        if tok.pos in {"VERB", "NOUN"} and not (i0 <= head < i1) and lemma not in DAY_PARTS:
            if lemma in HAPPENING_WORDS:
                return "happened"
            return CASUALTY_VERBS.get(lemma, lemma)
    return ""


def _counted(parse: ParseIndex, i0: int, i1: int) -> tuple[str, str]:
    """What a bare number counts and what happened to it: "four people were killed"."""
    tokens = parse.tokens
    last = tokens[i1 - 1]
    noun = ""
    node = i1 - 1
    if last.dep in {"nummod", "quantmod", "compound"}:
        noun = tokens[last.head].lemma.lower()
        node = last.head
        noun = _counted_noun(parse, node, noun)
    verb = ""
    for here in parse.up(node, 3):
        tok = tokens[here]
        lemma = tok.lemma.lower()
        if lemma in CASUALTY_VERBS:
            verb = CASUALTY_VERBS[lemma]
            break
        if tok.pos == "VERB" and here != node:
            verb = lemma
            break
    if not verb:  # "11 injured": the participle follows the number
        for tok in tokens[i1 : i1 + 2]:
            if tok.lemma.lower() in CASUALTY_VERBS:
                verb = CASUALTY_VERBS[tok.lemma.lower()]
    return noun, verb


def _counted_noun(parse: ParseIndex, node: int, noun: str) -> str:
    """The noun a number counts, as far as it tells what is counted: "eight crew members"
    count crew, not UN staff (a relational noun counts what its compound names);
    "157 passengers and crew" count everyone aboard, "149 passengers and eight crew" only
    the passengers."""
    tokens = parse.tokens
    kids = parse.children(node)
    if any(
        tokens[k].dep == "conj"
        and tokens[k].pos == "NOUN"
        and k - node <= 3
        # a bare noun: "five women and a girl" are six, "cars … and most fatalities" two things
        and all(tokens[c].dep in {"compound", "cc", "punct"} for c in parse.children(k))
        for k in kids
    ):
        return ""  # the count covers both nouns: people
    if noun in _CALENDAR_WORDS:
        return ""  # "rose to 26 Friday": the day it rose, not what was counted
    if noun not in RELATIONAL_NOUNS:
        return noun  # "nine trade agreements" and "eight agreements" count one thing
    compound = [parse.word(k).lower() for k in kids if tokens[k].dep == "compound" and k < node]
    compound = [w for w in compound if w.isalpha()]
    return compound[-1] if compound else noun


def _negated(parse: ParseIndex, verb: int, statement: range) -> bool:
    """Whether the clause of ``verb`` is negated: a "not" on it, or a subject that is
    "none", "no one" or "nobody" ("none of the women were pregnant")."""
    tokens = parse.tokens
    kids = parse.children(verb, statement)
    if any(tokens[i].dep == "neg" for i in kids):
        return True
    return any(
        tokens[i].dep in {"nsubj", "nsubjpass"} and tokens[i].lemma.lower() in NEGATIONS
        for i in kids
    )


def _negation(parse: ParseIndex, statement: range, span: Span) -> StatedDetail | None:
    """The statement's main verb and whether it is negated: "did not survive"."""
    tokens = parse.tokens
    root = next((i for i in statement if tokens[i].head == i or tokens[i].dep == "ROOT"), None)
    if root is None:
        return None
    lemma = tokens[root].lemma.lower()
    denied = False
    if lemma in REPORTING_VERBS or lemma in DENIAL_VERBS:
        # "police said the road was not closed": the reported verb; "he denied that a rope
        # was used": the reported verb, its polarity turned
        denied = lemma in DENIAL_VERBS and not any(
            tokens[i].dep == "neg" for i in parse.children(root, statement)
        )
        comp = next((i for i in parse.children(root, statement) if tokens[i].dep == "ccomp"), None)
        if comp is None:
            return None
        root, lemma = comp, tokens[comp].lemma.lower()
    if lemma in BELIEF_VERBS:  # "is understood to have been pregnant": what is believed
        passed = next(
            (i for i in parse.children(root, statement) if tokens[i].dep == "xcomp"), None
        )
        if passed is not None:
            root, lemma = passed, tokens[passed].lemma.lower()
    negated = _negated(parse, root, statement)
    if lemma == "be" and tokens[root].pos == "AUX":
        # "one of the women was pregnant" / "none of the women were pregnant": the predicate
        # adjective is what is said, negated by "not" or by a subject that is "none"
        predicate = next(
            (i for i in parse.children(root, statement) if tokens[i].dep == "acomp"), None
        )
        if predicate is None:
            return None
        root, lemma = predicate, tokens[predicate].lemma.lower()
    elif tokens[root].pos != "VERB" or lemma in LIGHT_VERBS:
        return None
    negated = negated != denied
    verb = parse.word(root)
    value = f"not {verb}" if negated else verb
    where = Span(span.article_id, tokens[root].start, tokens[root].end)
    return StatedDetail("negation", lemma, value, "neg" if negated else "pos", where)
