"""Where aligned reports differ: numbers, durations, dates, places and venues, titles, negation.

No NLI model runs offline, so disputes come from the annotated structure. Within one fact,
or between two closely related facts, each statement's *details* are read off its parse:

* a number with its unit and what it counts ("four people were killed" → 4 people, killed),
  with its qualifier as an interval ("at least 12" is 12–∞, so it does not contradict 14);
* a duration ("two weeks", "more than a month"), compared in days;
* a date word ("on Monday", "12 September");
* a place said to be where something happens ("at the Vostochny Cosmodrome", "a possible
  venue … is Vladivostok");
* a person's title in each article ("environment minister" / "minister for natural
  resources": one post, two names, so ``naming``);
* a negated main verb ("was not on board" vs "was on board").

A hedged value ("could meet in Vladivostok") from an article written before the reports that
contradict it is a ``superseded`` expectation, not a conflict.

Example:
    >>> _interval("at least 12", 12.0)
    (12.0, inf)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from newsweave.lexicon.calendar import MONTHS, WEEKDAYS
from newsweave.lexicon.events import CASUALTY_VERBS, LIGHT_VERBS
from newsweave.lexicon.numbers import ABOUT, AT_LEAST, AT_MOST, UNITS
from newsweave.lexicon.people import PEOPLE_NOUNS, RANKS, SPELLING_VARIANTS, TITLE_SYNONYMS
from newsweave.lexicon.places import FACILITY_KINDS, VENUE_WORDS
from newsweave.lexicon.reporting import REPORTING_VERBS
from newsweave.model import (
    Alignment,
    Annotation,
    Article,
    Detail,
    Entity,
    Fact,
    FactKind,
    Span,
    Statement,
    TimeExpression,
    Token,
    Variant,
    VariantRelation,
    When,
)
from newsweave.nlp.quantities import parse_number

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})

_CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)


@dataclass(frozen=True, slots=True)
class _Detail:
    detail: Detail
    about: str  # what the value is of: a unit and verb class, "venue", a verb lemma
    value: str  # as written
    key: str  # normalised, for equality
    span: Span
    low: float = 0.0
    high: float = 0.0
    within: tuple[str, ...] = ()  # places this place is said to be in: "the palace in Marseille"


def find_disputes(
    alignment: Alignment,
    annotations: Sequence[Annotation],
    entities: Sequence[Entity] = (),
    times: Sequence[TimeExpression] = (),
) -> tuple[Fact, ...]:
    """The alignment's facts with the details that reports give differently as variants.

    Details are compared inside each fact and between closely related facts. Values linked by
    a disagreement form one dispute, hosted by the best-supported fact involved; the
    statements giving the other values join that fact's evidence. Titles one person is given
    in different articles attach to the first fact that mentions the person. With ``times``
    (the story's date expressions, placed on the calendar), dates compare as calendar days:
    "on Monday" in a Tuesday report and "on Sunday" in a Monday one are the same day.
    """
    by_id = {a.article.id: a for a in annotations}
    types = {(m.article_id, m.start): e.type for e in entities for m in e.mentions}
    starts = {a.article.id: [t.start for t in a.tokens] for a in annotations}
    placed = {
        (t.span.article_id, t.span.start): t.when
        for t in times
        if t.when is not None and t.relative and t.kind == "date"
    }
    details = {
        st.span: _details(by_id[st.span.article_id], st, types, starts[st.span.article_id], placed)
        for st in alignment.statements
        if st.span.article_id in by_id
    }
    hedged = {st.span: st.hedged for st in alignment.statements}
    # Containment stated anywhere in the story holds everywhere in it.
    containers: dict[str, set[str]] = defaultdict(set)
    for ds in details.values():
        for d in ds:
            containers[d.key].update(d.within)
    facts = list(alignment.facts)
    pairs = [(i, i) for i, f in enumerate(facts) if f.kind != "single"]
    # Related facts (at align.RELATED_THRESHOLD or closer): a differing detail is a dispute.
    pairs += [(a, b) for a, b, _ in alignment.related]

    # Union-find over details: a disagreement joins two values into one dispute.
    parent: dict[_Detail, _Detail] = {}

    def find(x: _Detail) -> _Detail:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        da = [(d, s) for s in facts[a].support for d in details.get(s, ())]
        db = [(d, s) for s in facts[b].support for d in details.get(s, ())]
        for x, sx in da:
            for y, sy in db:
                if sx.article_id == sy.article_id or x.detail != y.detail or x.about != y.about:
                    continue
                if a != b and x.detail == "negation":
                    continue  # "did not visit X" is its own fact, not a dispute with a neighbour
                if _incompatible(x, y, containers):
                    parent[find(x)] = find(y)
    # Agreeing values in the same fact as a disputed one stand with it.
    for fact in facts:
        ds = [d for s in fact.support for d in details.get(s, ())]
        for x in ds:
            if x in parent:
                for y in ds:
                    if (
                        y not in parent
                        and (y.detail, y.about) == (x.detail, x.about)
                        and not _incompatible(x, y, containers)
                    ):
                        parent[y] = find(x)
    groups: dict[_Detail, list[_Detail]] = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    statement_of = {d: s for s, ds in details.items() for d in ds}
    order = {a.article.id: i for i, a in enumerate(annotations)}
    disputes: list[Fact] = []
    for members in groups.values():
        # An article giving two clashing values is speaking of two things: leave it out.
        by_article: dict[str, set[str]] = defaultdict(set)
        for d in members:
            by_article[d.span.article_id].add(d.key)
        members = [
            d for d in members if len(by_article[d.span.article_id]) == 1 or d.detail == "place"
        ]
        if len({d.span.article_id for d in members}) < 2 or len({d.key for d in members}) < 2:
            continue
        variants = _values(members, statement_of, hedged, by_id)
        support = tuple(
            sorted(
                dict.fromkeys(statement_of[d] for d in members),
                key=lambda s: (order[s.article_id], s.start),
            )
        )
        # The fact reads as the statement giving the best-supported value.
        top = max(variants, key=lambda v: (len(v.article_ids), v.relation == "conflict"))
        lead = statement_of[next(d for d in members if d.span == top.evidence[0])]
        text = lead.text(by_id[lead.article_id].article)
        digest = hashlib.sha256(
            "|".join(f"{s.article_id}:{s.start}:{s.end}" for s in support).encode()
        ).hexdigest()[:10]
        kind = _kind(len({s.article_id for s in support}))
        disputes.append(Fact(f"d-{digest}", text, kind, support, tuple(variants)))
    multi = [f for f in facts if f.kind != "single"]
    single = [f for f in facts if f.kind == "single"]
    return tuple(_attach_roles(multi + disputes + single, annotations, entities))


def _kind(articles: int) -> FactKind:
    return "consensus" if articles >= 3 else "shared" if articles == 2 else "single"


def _incompatible(x: _Detail, y: _Detail, containers: Mapping[str, set[str]] | None = None) -> bool:
    if x.detail == "number" or (x.detail == "date" and x.high and y.high):
        return x.high < y.low or y.high < x.low
    if x.detail == "place":
        inside = containers or {}
        return not (
            x.key == y.key
            or x.key in y.key
            or y.key in x.key
            or y.key in inside.get(x.key, ())
            or x.key in inside.get(y.key, ())
        )
    return x.key != y.key


def _values(
    found: list[_Detail],
    statement_of: dict[_Detail, Span],
    hedged: dict[Span, bool],
    by_id: dict[str, Annotation],
) -> list[Variant]:
    """One variant per distinct value; an earlier hedged value later contradicted is superseded."""
    by_key: dict[str, list[_Detail]] = defaultdict(list)
    for d in sorted(found, key=lambda d: (d.span.article_id, d.span.start)):
        by_key[d.key].append(d)
    # An article's latest possible day, and the latest day a report of the dispute was
    # surely written: a month-precision dating ("2023-09", 1-9 Sept) still tells "earlier".
    last = {d.span.article_id: _latest_day(by_id[d.span.article_id].article) for d in found}
    known = [_earliest_day(by_id[a].article) for a in last]
    latest = max((day for day in known if day is not None), default=None)
    out: list[Variant] = []
    for ds in by_key.values():
        articles = tuple(dict.fromkeys(d.span.article_id for d in ds))
        is_hedged = all(hedged.get(statement_of[d], False) for d in ds)
        published = [last[a] for a in articles]
        earlier = latest is not None and all(p is not None and p < latest for p in published)
        relation: VariantRelation = "superseded" if is_hedged and earlier else "conflict"
        first = ds[0]
        out.append(
            Variant(
                first.value,
                articles,
                relation,
                first.detail,
                first.about,
                tuple(d.span for d in ds),
                is_hedged,
            )
        )
    return out


def _latest_day(article: Article) -> dt.date | None:
    if article.dating is not None:
        return article.dating.when.latest
    return article.published


def _earliest_day(article: Article) -> dt.date | None:
    if article.dating is not None:
        return article.dating.when.earliest
    return article.published


def _attach_roles(
    facts: list[Fact], annotations: Sequence[Annotation], entities: Sequence[Entity]
) -> list[Fact]:
    """Titles one person is given in different articles, on the first fact naming them."""
    roles: dict[str, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    entity_at: dict[tuple[str, int], str] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for span in entity.mentions:
            entity_at[(span.article_id, span.start)] = entity.id
    names = {e.id: e.name for e in entities}
    articles = {a.article.id: a.article for a in annotations}
    for annotation in annotations:
        for m in annotation.mentions:
            eid = entity_at.get((m.span.article_id, m.span.start))
            if eid and m.role is not None and m.role_text:
                roles[eid][_role_key(m.role_text)].append(m.role)
    done: set[str] = set()
    out: list[Fact] = []
    for fact in facts:
        extra: list[Variant] = []
        if fact.kind != "single":
            mentioned = {
                eid
                for (aid, start), eid in entity_at.items()
                if any(s.article_id == aid and s.start <= start < s.end for s in fact.support)
            }
            for eid in sorted(mentioned - done):
                by_role = _distinct_roles(roles.get(eid, {}))
                giving = {s.article_id for spans in by_role.values() for s in spans}
                if len(by_role) < 2 or len(giving) < 2:
                    continue
                done.add(eid)
                ranks = {frozenset(set(k.split()) & RANKS) for k in by_role}
                relation: VariantRelation = "naming" if len(ranks) == 1 else "conflict"
                for spans in by_role.values():
                    text = spans[0].text(articles[spans[0].article_id])
                    extra.append(
                        Variant(
                            text,
                            tuple(dict.fromkeys(s.article_id for s in spans)),
                            relation,
                            "role",
                            names[eid],
                            tuple(spans),
                        )
                    )
        out.append(replace(fact, variants=fact.variants + tuple(extra)) if extra else fact)
    return out


def _role_key(text: str) -> str:
    text = re.sub(r"['’]s\b", " ", text.lower())
    words = re.sub(r"[^\w\s]", " ", text).split()
    words = [SPELLING_VARIANTS.get(w, TITLE_SYNONYMS.get(w, w)) for w in words]
    return " ".join(w for w in words if w not in {"the", "a", "an", "its", "his", "her", "their"})


def _distinct_roles(roles: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """Roles that say more than a spelling or a shorter form of another role.

    "North Korean leader" and "leader" are one role; "Defense" and "Defence" too.
    """
    keys = sorted(roles, key=lambda k: -len(k.split()))
    kept: dict[str, list[Span]] = {}
    for key in keys:
        words = set(key.split())
        home = next((k for k in kept if words <= set(k.split())), None)
        if home is None:
            kept[key] = list(roles[key])
        else:
            kept[home].extend(roles[key])
    return kept


# --- reading details off one statement -------------------------------------------------


def _details(
    annotation: Annotation,
    statement: Statement,
    place_types: Mapping[tuple[str, int], str] | None = None,
    starts: Sequence[int] | None = None,
    placed: Mapping[tuple[str, int], When] | None = None,
) -> list[_Detail]:
    """The comparable details of one statement: numbers, dates, venues, its main verb.

    ``place_types`` maps a mention (article id, start) to its entity's story-wide type, which
    outvotes the model's label on one mention.
    """
    place_types = place_types or {}
    tokens = annotation.tokens
    if starts is None:
        starts = [t.start for t in tokens]
    span = statement.span
    lo, hi = bisect_left(starts, span.start), bisect_left(starts, span.end)
    text = annotation.article.text
    out: list[_Detail] = []
    for value in annotation.values:
        v = value.span
        if not (span.start <= v.start and v.end <= span.end):
            continue
        i0, i1 = bisect_left(starts, v.start), bisect_left(starts, v.end)
        if i1 <= i0:
            continue
        when = (placed or {}).get((v.article_id, v.start))
        detail = _number_or_date(text, tokens, i0, i1, lo, value.label, v, when)
        if detail is not None:
            out.append(detail)
    out.extend(_venues(annotation, tokens, starts, lo, hi, span, place_types))
    for m in annotation.mentions:
        if span.start <= m.span.start < span.end and m.label in PLACE_TYPES:
            words = re.findall(r"[a-z]+", m.text.lower())
            kind = next((FACILITY_KINDS[w] for w in reversed(words) if w in FACILITY_KINDS), None)
            if kind is not None:
                out.append(_Detail("place", kind, m.text, _place_key(m.text), m.span))
    negation = _negation(text, tokens, lo, hi, span)
    if negation is not None:
        out.append(negation)
    return out


def _number_or_date(
    text: str,
    tokens: Sequence[Token],
    i0: int,
    i1: int,
    lo: int,
    label: str,
    v: Span,
    when: When | None = None,
) -> _Detail | None:
    written = text[v.start : v.end]
    lower = written.lower()
    words = lower.split()
    if label == "DATE" and any(w.strip(".,") in _CALENDAR_WORDS for w in words):
        about = _governor(tokens, i0, i1)
        if about in REPORTING_VERBS or not about:
            return None  # "said on Tuesday" dates the report, not the event
        # A weekday only compares with a weekday, a month with a month.
        grain = "weekday" if any(w.strip(".,") in WEEKDAYS for w in words) else "calendar"
        if when is not None:
            # Placed on the calendar: "Monday" in a Tuesday report and "Sunday" in a Monday
            # one are the same day; days compare as stretches ("15-31 October" holds the 15th).
            first, last = float(when.earliest.toordinal()), float(when.latest.toordinal())
            return _Detail("date", f"{grain}:{about}", written, when.label, v, first, last)
        # "Wednesday, ending two days" and "Wednesday" name the same day.
        key = " ".join(
            w for w in (w.strip(".,") for w in words) if w in _CALENDAR_WORDS or w.isdigit()
        )
        return _Detail("date", f"{grain}:{about}", written, key, v)
    if label in {"ORDINAL", "PERCENT", "MONEY"} or re.fullmatch(r"(?:19|20)\d\d", lower.strip()):
        return None
    before = text[tokens[max(lo, i0 - 3)].start : v.start].lower() if i0 > lo else ""
    number = parse_number(words)
    if number is None:
        return None
    unit = next((_unit(w) for w in words if _unit(w)), None)
    if unit is None:
        after = tokens[i1].lemma.lower() if i1 < len(tokens) else ""
        unit = _unit(after)
    if unit is not None:
        dimension, factor = unit
        low, high = _interval(f"{before} {lower}", number * factor)
        # "stay closed for two weeks" / "remain shut for a month": one closure, two verbs.
        about = dimension
        return _Detail("number", about, written, f"{number * factor:g}", v, low, high)
    if label not in {"CARDINAL", "QUANTITY"}:
        return None
    noun, verb = _counted(tokens, i0, i1)
    low, high = _interval(f"{before} {lower}", number)
    noun_key = "people" if not noun or noun in PEOPLE_NOUNS else noun
    return _Detail("number", f"{noun_key}:{verb}", written, f"{number:g}", v, low, high)


def _unit(word: str) -> tuple[str, float] | None:
    w = word.strip(".,()").lower()
    w = re.sub(r"^\d[\d,.]*", "", w)
    if w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return UNITS.get(w)


def _interval(context: str, value: float) -> tuple[float, float]:
    """The range a qualified number allows: "at least 12" → (12, inf).

    Example:
        >>> _interval("about 60", 60.0)
        (54.0, 66.0)
    """
    context = " ".join(context.split())
    if any(q in context for q in AT_LEAST):
        return value, math.inf
    if any(q in context for q in AT_MOST):
        return 0.0, value
    if any(re.search(rf"\b{q}\b", context) for q in ABOUT):
        return value * 0.9, value * 1.1
    return value, value


def _governor(tokens: Sequence[Token], i0: int, i1: int) -> str:
    """The verb or noun a value hangs from, through a preposition: "closed for two weeks"."""
    head = tokens[i1 - 1].head
    for _ in range(3):
        tok = tokens[head]
        if tok.pos in {"VERB", "NOUN"} and not (i0 <= head < i1):
            return CASUALTY_VERBS.get(tok.lemma.lower(), tok.lemma.lower())
        if tok.head == head:
            break
        head = tok.head
    return ""


def _counted(tokens: Sequence[Token], i0: int, i1: int) -> tuple[str, str]:
    """What a bare number counts and what happened to it: "four people were killed"."""
    last = tokens[i1 - 1]
    noun = ""
    node = i1 - 1
    if last.dep in {"nummod", "quantmod", "compound"}:
        noun = tokens[last.head].lemma.lower()
        node = last.head
    verb = ""
    here = node
    for _ in range(3):
        tok = tokens[here]
        lemma = tok.lemma.lower()
        if lemma in CASUALTY_VERBS:
            verb = CASUALTY_VERBS[lemma]
            break
        if tok.pos == "VERB" and here != node:
            verb = lemma
            break
        if tok.head == here:
            break
        here = tok.head
    if not verb:  # "11 injured": the participle follows the number
        for tok in tokens[i1 : i1 + 2]:
            if tok.lemma.lower() in CASUALTY_VERBS:
                verb = CASUALTY_VERBS[tok.lemma.lower()]
    return noun, verb


def _venues(
    annotation: Annotation,
    tokens: Sequence[Token],
    starts: Sequence[int],
    lo: int,
    hi: int,
    span: Span,
    place_types: Mapping[tuple[str, int], str],
) -> list[_Detail]:
    """Places the statement says something happens at: "a possible venue … is Vladivostok"."""
    if not any(tokens[i].lemma.lower() in VENUE_WORDS for i in range(lo, hi)):
        return []
    from newsweave.nlp.places import gazetteer

    places = gazetteer()
    children: dict[int, list[int]] = defaultdict(list)
    for j in range(lo, hi):
        children[tokens[j].head].append(j)
    mentions = [
        m
        for m in annotation.mentions
        if place_types.get((m.span.article_id, m.span.start), m.label) in PLACE_TYPES
        and span.start <= m.span.start < span.end
        # A country or a bare acronym is where a story is, not where a meeting is held.
        and places.get(m.text.lower(), 0) < 10**9
        and not (m.text.isupper() and len(m.text) <= 3)
    ]
    last_token = {bisect_left(starts, m.span.end) - 1: m for m in mentions}
    # "the Belem Palace in Marseille": the palace is within the city, so they never disagree.
    within: dict[int, list[str]] = defaultdict(list)
    for i, m in last_token.items():
        head = tokens[i].head
        if tokens[i].dep == "pobj" and tokens[head].head in last_token:
            within[tokens[head].head].append(_place_key(m.text))
    out: list[_Detail] = []
    for i, m in last_token.items():
        if not _is_venue(tokens, children, i, lo, hi):
            continue
        # "Vladivostok on the Pacific Coast, where he would meet": the coast describes the city.
        head = tokens[i].head
        if tokens[i].dep == "pobj" and tokens[head].head in last_token:
            i = tokens[head].head
            m = last_token[i]
        key = _place_key(m.text)
        out.append(_Detail("place", "venue", m.text, key, m.span, within=tuple(within[i])))
    return out


def _is_venue(
    tokens: Sequence[Token], children: dict[int, list[int]], i: int, lo: int, hi: int
) -> bool:
    """Whether the place at token ``i`` is said to be where a meeting happens.

    "meet at the Vostochny Cosmodrome", "talks in Geneva", "travel to Vladivostok, where he
    would meet", "a possible venue … is the city of Vladivostok", "X would provide a secure
    location for the summit".
    """

    def venue_word(j: int) -> bool:
        return tokens[j].lemma.lower() in VENUE_WORDS

    # "the city of X", "the X station": climb to the noun the name heads.
    node = i
    while tokens[node].dep in {"pobj", "compound", "appos"} and lo <= tokens[node].head < hi:
        head = tokens[node].head
        if tokens[head].pos == "ADP" and tokens[head].lemma.lower() == "of":
            node = tokens[head].head
        elif tokens[node].dep in {"compound", "appos"}:
            node = head
        else:
            break
    if any(venue_word(k) and tokens[k].dep == "relcl" for k in children.get(i, [])):
        return True
    head = tokens[node].head
    if tokens[node].dep == "pobj" and tokens[head].lemma.lower() in {"in", "at", "to"}:
        governor = tokens[head].head
        if venue_word(governor) or any(
            venue_word(k) and tokens[k].dep == "relcl" for k in children.get(node, [])
        ):
            return True
    if tokens[node].dep in {"nsubj", "attr", "nsubjpass"}:
        # X is the venue / the venue is X / X would provide a location for the summit
        return any(
            venue_word(k) and tokens[k].dep in {"attr", "nsubj", "dobj", "nsubjpass"}
            for k in children.get(head, [])
            if k != node
        )
    return False


def _place_key(name: str) -> str:
    from newsweave.entities import name_key

    return name_key(name)


def _negation(text: str, tokens: Sequence[Token], lo: int, hi: int, span: Span) -> _Detail | None:
    """The statement's main verb and whether it is negated: "was not on board"."""
    root = next((i for i in range(lo, hi) if tokens[i].head == i or tokens[i].dep == "ROOT"), None)
    if root is None:
        return None
    lemma = tokens[root].lemma.lower()
    if lemma in REPORTING_VERBS:
        comp = next(
            (i for i in range(lo, hi) if tokens[i].head == root and tokens[i].dep == "ccomp"),
            None,
        )
        if comp is None:
            return None
        root, lemma = comp, tokens[comp].lemma.lower()
    if tokens[root].pos != "VERB" or lemma in LIGHT_VERBS:
        return None
    negated = any(tokens[i].head == root and tokens[i].dep == "neg" for i in range(lo, hi))
    verb = text[tokens[root].start : tokens[root].end]
    value = f"not {verb}" if negated else verb
    where = Span(span.article_id, tokens[root].start, tokens[root].end)
    return _Detail("negation", lemma, value, "neg" if negated else "pos", where)
