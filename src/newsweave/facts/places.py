"""The places a statement gives that reports can differ on.

* a named facility of one kind: "taken to St Brendan's Hospital" (``hospital``);
* a venue, where a meeting happens: "meet at the Vostochny Cosmodrome", "a possible venue
  … is Vladivostok" (``venue``), with the places it is said to be in;
* the town or city the happening itself took place in or near: "crashed in Addis Ababa",
  "went down near the town of Bishoftu" (``happened``), exact or only near.

Example:
    >>> _month("Oct."), _month("Octopus")
    (True, False)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import pairwise

from newsweave.entities import name_key
from newsweave.facts.stated import StatedDetail
from newsweave.lexicon.calendar import MONTH_ABBREVIATIONS, MONTHS
from newsweave.lexicon.events import HAPPENING_WORDS, OTHER_HAPPENING_WORDS, SEQUENCE_WORDS
from newsweave.lexicon.places import (
    FACILITY_KINDS,
    HAPPENING_PREPOSITIONS,
    NEARBY_PREPOSITIONS,
    REGION_NOUNS,
    VENUE_PREPOSITIONS,
    VENUE_WORDS,
)
from newsweave.model import PLACE_TYPES, Mention, Span
from newsweave.nlp.parse import ParseIndex

_MONTH_WORDS = frozenset(MONTHS) | MONTH_ABBREVIATIONS


def facilities(mentions: Sequence[Mention], span: Span) -> list[StatedDetail]:
    """Named facilities of one kind in the statement: "taken to St Brendan's Hospital"."""
    out: list[StatedDetail] = []
    for m in mentions:
        if span.start <= m.span.start < span.end and m.label in PLACE_TYPES:
            words = re.findall(r"[a-z]+", m.text.lower())
            kind = next((FACILITY_KINDS[w] for w in reversed(words) if w in FACILITY_KINDS), None)
            if kind is not None:
                out.append(StatedDetail("place", kind, m.text, name_key(m.text), m.span))
    return out


def venues(
    parse: ParseIndex,
    statement: range,
    span: Span,
    place_types: Mapping[tuple[str, int], str],
) -> list[StatedDetail]:
    """Places the statement says something happens at: "a possible venue … is Vladivostok"."""
    tokens = parse.tokens
    if not any(tokens[i].lemma.lower() in VENUE_WORDS for i in statement):
        return []
    from newsweave.nlp.places import gazetteer

    places = gazetteer()
    mentions = [
        m
        for m in parse.annotation.mentions
        if place_types.get((m.span.article_id, m.span.start), m.label) in PLACE_TYPES
        and span.start <= m.span.start < span.end
        # A country or a bare acronym is where a story is, not where a meeting is held.
        and places.get(m.text.lower(), 0) < 10**9
        and not (m.text.isupper() and len(m.text) <= 3)
    ]
    last_token = {parse.tokens_in(m.span).stop - 1: m for m in mentions}
    # "the Belem Palace in Marseille": the palace is within the city, so they never disagree.
    within: dict[int, list[str]] = defaultdict(list)
    for i, m in last_token.items():
        head = tokens[i].head
        if tokens[i].dep == "pobj" and tokens[head].head in last_token:
            within[tokens[head].head].append(name_key(m.text))
    out: list[StatedDetail] = []
    for i, m in last_token.items():
        if not _is_venue(parse, i, statement):
            continue
        # "Vladivostok on the Pacific Coast, where he would meet": the coast describes the city.
        head = tokens[i].head
        if tokens[i].dep == "pobj" and tokens[head].head in last_token:
            i = tokens[head].head
            m = last_token[i]
        key = name_key(m.text)
        out.append(StatedDetail("place", "venue", m.text, key, m.span, within=tuple(within[i])))
    return out


def happening_places(
    parse: ParseIndex,
    statement: range,
    span: Span,
    place_types: Mapping[tuple[str, int], str],
) -> list[StatedDetail]:
    """The town or city the statement says the happening took place in or near: "crashed
    in Addis Ababa", "went down near the town of Bishoftu", "the collapse in Genoa".

    Only a city the gazetteer knows counts: a country, a region or a river holds or runs
    past a city, so it never contradicts one. A place a distance is measured from ("62 km
    southeast of Addis Ababa") is not where it happened, nor is the place of another or
    one of several happenings (:func:`this_happening`). ``low`` and ``high`` are 1 where the
    place is exact ("in", "at") and 0 where it is only near ("near", "off", "outside").
    """
    from newsweave.nlp.places import gazetteer

    places = gazetteer()
    tokens = parse.tokens
    out: list[StatedDetail] = []
    for m in parse.annotation.mentions:
        if not (span.start <= m.span.start < span.end):
            continue
        if place_types.get((m.span.article_id, m.span.start), m.label) != "GPE":
            continue
        if not 0 < places.get(m.text.lower(), 0) < 10**9:
            continue  # unknown, or a country or a state: it holds cities
        words = parse.tokens_in(m.span)
        if not words:
            continue
        node = words.stop - 1
        # "the town of Bishoftu": the preposition hangs off "town".
        head = tokens[node].head
        if (
            tokens[node].dep == "pobj"
            and tokens[head].lemma.lower() == "of"
            and tokens[tokens[head].head].lemma.lower() in REGION_NOUNS
        ):
            node = tokens[head].head
        prep = tokens[node].head
        if tokens[node].dep != "pobj" or prep not in statement or prep == node:
            continue
        preposition = tokens[prep].lemma.lower()
        if preposition not in HAPPENING_PREPOSITIONS or not this_happening(
            parse, tokens[prep].head
        ):
            continue
        exact = 0.0 if preposition in NEARBY_PREPOSITIONS else 1.0
        out.append(
            StatedDetail("place", "happened", m.text, name_key(m.text), m.span, exact, exact)
        )
    return out


def _month(word: str) -> bool:
    """Whether a word names a month: "October", "Oct.", "Sept"."""
    word = word.lower().rstrip(".")
    return word in _MONTH_WORDS


def this_happening(parse: ParseIndex, i: int) -> bool:
    """Whether token ``i`` says the story's own happening took place, not one of several or
    another one: "crashed", "the collapse", but not "the first explosion", "a later blast",
    "the Oct. 29 crash", "a 2016 collapse", "after a crash in Ibadan", "since a bridge
    collapsed in Ancona"."""
    if not happening_word(parse, i):
        return False
    tokens = parse.tokens
    tok = tokens[i]
    if tok.dep == "pobj" and tokens[tok.head].lemma.lower() in OTHER_HAPPENING_WORDS:
        return False  # "after a crash in Ibadan"
    nouns = [i] if tok.pos == "NOUN" else list(parse.dependents(i, "nsubj", "nsubjpass"))
    for k in parse.dependents(i, "mark", "advmod"):
        if tokens[k].lemma.lower() in OTHER_HAPPENING_WORDS:
            return False  # "since a bridge collapsed in Ancona"
    for noun in nouns:
        for k in parse.children(noun):
            word = parse.word(k).lower()
            if k > noun:
                continue
            if noun == i and tokens[k].dep == "det" and word in {"a", "an", "another"}:
                return False  # "a 2016 collapse": another one ("a bridge collapsed" is not)
            if word in SEQUENCE_WORDS or _month(word) or (word.isdigit() and len(word) == 4):
                return False  # "the first explosion", "the Oct. 29 crash"
    return True


def happening_word(parse: ParseIndex, i: int) -> bool:
    """Whether token ``i`` says the happening took place: "crashed", "the collapse", "went
    down"."""
    tok = parse.tokens[i]
    lemma = tok.lemma.lower()
    if lemma in HAPPENING_WORDS:
        return True
    return lemma == "go" and any(
        parse.tokens[k].dep == "prt" and parse.tokens[k].lemma.lower() == "down"
        for k in parse.children(i)
    )


def _is_venue(parse: ParseIndex, i: int, statement: range) -> bool:
    """Whether the place at token ``i`` is said to be where a meeting happens.

    "meet at the Vostochny Cosmodrome", "talks in Geneva", "travel to Vladivostok, where he
    would meet", "a possible venue … is the city of Vladivostok", "X would provide a secure
    location for the summit". Only the statement's tokens count as dependents.
    """
    tokens = parse.tokens

    def venue_word(j: int) -> bool:
        return tokens[j].lemma.lower() in VENUE_WORDS

    def venue_clause(j: int) -> bool:  # "Vladivostok, where he would meet"
        return any(venue_word(k) and tokens[k].dep == "relcl" for k in parse.children(j, statement))

    # "the city of X", "the X station": climb to the noun the name heads.
    node = i
    for below, head in pairwise(parse.up(i)):
        if below != node:
            continue  # the "of" stepped over
        if tokens[node].dep not in {"pobj", "compound", "appos"} or head not in statement:
            break
        if tokens[head].pos == "ADP" and tokens[head].lemma.lower() == "of":
            node = tokens[head].head
        elif tokens[node].dep in {"compound", "appos"}:
            node = head
        else:
            break
    if venue_clause(i):
        return True
    head = tokens[node].head
    if (
        tokens[node].dep == "pobj"
        and tokens[head].lemma.lower() in VENUE_PREPOSITIONS
        and (venue_word(tokens[head].head) or venue_clause(node))
    ):
        return True
    if tokens[node].dep in {"nsubj", "attr", "nsubjpass"}:
        # X is the venue / the venue is X / X would provide a location for the summit
        return any(
            venue_word(k) and tokens[k].dep in {"attr", "nsubj", "dobj", "nsubjpass"}
            for k in parse.children(head, statement)
            if k != node
        )
    return False
