"""Consensus only when every slot agrees: a fact's outlets split where their claims clash.

Alignment groups sentences that say much the same thing. Much the same is not the same:
"288 people have died" and "the toll stands at 275" align well and disagree. So each
aligned fact is checked slot by slot (:mod:`newsweave.facts.claims`): a statement stays
with the fact's own sentence only if every claim they share a measure on agrees (the same
figure, or figures the hedges make compatible; the same named hospital; the same
polarity; the same day for the happening; both saying the thing is known, or both that it
is not), and only if its article gives each figure of the fact's sentence compatibly
somewhere, or not at all. Statements that disagree form facts of
their own, each read as its own sentence, so nothing said is lost and no outlet is counted
as agreeing with a figure it contradicts.

Example:
    >>> from newsweave.facts.claims import Claim
    >>> from newsweave.facts.stated import StatedDetail
    >>> from newsweave.model import Fact, Span

# One value for the whole story: an article giving another anywhere disagrees.
_HAPPENING = frozenset({"date:happened", "time:happened", "place:happened"})
    >>> def dead(article, n):
    ...     d = StatedDetail("number", "people:killed", str(n), str(n), Span(article, 0, 3), n, n)
    ...     return [Claim(d, "people:killed", Span(article, 0, 20), 1.0)]
    >>> spans = [Span("a", 0, 20), Span("b", 0, 20), Span("c", 0, 20)]
    >>> claims = {spans[0]: dead("a", 288), spans[1]: dead("b", 275), spans[2]: dead("c", 288)}
    >>> fact = Fact("f", "288 died", "consensus", tuple(spans))
    >>> split = split_disagreeing([fact], claims, {}, {"a": 0, "b": 1, "c": 2}, lambda s: "x")
    >>> [f.article_ids for f in split]
    [('a', 'c'), ('b',)]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from newsweave.facts.align import make_fact
from newsweave.facts.claims import (
    UNKNOWN,
    Claim,
    agree,
    comparable,
    may_be_same,
    same_dimension,
    same_thing,
    vague,
)
from newsweave.model import Fact, Span

# One value for the whole story: an article giving another anywhere disagrees.
_HAPPENING = frozenset({"date:happened", "time:happened", "place:happened"})


def split_disagreeing(
    facts: Sequence[Fact],
    claims: Mapping[Span, Sequence[Claim]],
    by_article: Mapping[str, Sequence[Claim]],
    order: Mapping[str, int],
    text_of: Callable[[Span], str],
    lead_of: Callable[[Fact], Span] | None = None,
) -> list[Fact]:
    """``facts`` with every multi-article fact split where its statements' claims clash.

    Args:
        facts: aligned facts; single-article and disputed ones pass through.
        claims: each support span's claims (read over its whole sentence).
        by_article: every claim of each article, for figures a statement does not give.
        order: each article's place in the story (see ``align.reading_order``).
        text_of: the text a fact led by a span reads as.
        lead_of: the support span a fact reads as (default: its first).
    """

    def fits(mine: Sequence[Claim], article: str, head: Span) -> bool:
        # "It is unclear why UN staff were aboard" never corroborates why they were.
        if _unknown(claims.get(head, ())) != _unknown(mine):
            return False
        for a in claims.get(head, ()):
            if a.background:
                continue
            # Every figure of what is one thing must agree: a sentence that gives the old
            # toll beside the new one does not simply agree with either. Of figures that
            # only may be of one thing ("nine" beside "18 Canadians" in a list), one must.
            sure = [c for c in mine if same_thing(a, c) or comparable(a, c, loose=True)]
            if not all(agree(a, c) for c in sure):
                return False
            maybe = [c for c in mine if may_be_same(a, c)]
            if a.detail.detail == "number" and not any(agree(a, c) for c in maybe):
                return False  # a figure the fact states, its outlets state too
            if a.detail.detail == "number" or a.measure in _HAPPENING:
                # And the article must give the figure compatibly where it gives it at all,
                # and the day, time and town of the happening too.
                elsewhere = [
                    c
                    for c in by_article.get(article, ())
                    if same_thing(a, c) or same_dimension(a, c)
                ]
                if elsewhere and not any(agree(a, c) for c in elsewhere):
                    return False
        return True

    out: list[Fact] = []
    used = {f.text for f in facts}
    for fact in facts:
        if len(fact.article_ids) < 2 or fact.variants:
            out.append(fact)
            continue
        lead = lead_of(fact) if lead_of is not None else fact.support[0]
        # The fact keeps the largest group of outlets that agree with one of its
        # sentences (its own sentence first, on a tie); the others group the same way.
        groups = max(
            (_partition(fact.support, head, fits, claims) for head in _heads(fact, lead)),
            key=lambda gs: len({s.article_id for s in gs[0][1]}),
        )
        if len(groups) == 1 and groups[0][0] == lead:
            out.append(fact)
            continue
        for head, spans in groups:
            if head == lead:
                out.append(make_fact("f", fact.text, spans, order))
                continue
            # A group reads as its head's sentence, the one its members were checked
            # against; a lone sentence another fact reads as already is said there.
            text = text_of(head)
            if text in used and len({s.article_id for s in spans}) < 2:
                continue
            used.add(text)
            out.append(make_fact("f", text, spans, order))

    return _sorted(out)


def _unknown(claims: Sequence[Claim]) -> bool:
    return any(c.measure == UNKNOWN for c in claims)


def _heads(fact: Fact, lead: Span) -> list[Span]:
    """The sentences a fact may be read as, its own first; one per article."""
    seen = {lead.article_id}
    heads = [lead]
    for span in fact.support:
        if span.article_id not in seen:
            seen.add(span.article_id)
            heads.append(span)
    return heads


def _partition(
    support: Sequence[Span],
    head: Span,
    fits: Callable[[Sequence[Claim], str, Span], bool],
    claims: Mapping[Span, Sequence[Claim]],
) -> list[tuple[Span, list[Span]]]:
    """``support`` in groups that agree, the first led by ``head``: each span joins the
    first group whose leading sentence it agrees with and whose members it names no other
    person for one act, else leads a new one. The leading
    sentence is what the fact says; a figure two supporters give differently and it does
    not give is no part of it (and the figures' own dispute shows it)."""
    groups: list[tuple[Span, list[Span]]] = [(head, [head])]

    def joins(span: Span, group: tuple[Span, list[Span]]) -> bool:
        mine = claims.get(span, ())
        return fits(mine, span.article_id, group[0]) and not any(
            _other_agent(mine, claims.get(member, ())) for member in group[1]
        )

    for span in support:
        if span == head:
            continue
        home = next((g for g in groups if joins(span, g)), None)
        if home is None:
            groups.append((span, [span]))
        else:
            home[1].append(span)
    return groups


def _other_agent(mine: Sequence[Claim], theirs: Sequence[Claim]) -> bool:
    """Whether two sentences name two people for one act ("Modi sought mobilisation",
    "Patel, who had sought mobilisation"): they cannot both back a sentence that names
    no one ("He has sought mobilisation")."""
    return any(
        a.measure == b.measure and not set(a.detail.key.split()) & set(b.detail.key.split())
        for a in mine
        if a.detail.detail == "agent"
        for b in theirs
        if b.detail.detail == "agent"
    )


def _sorted(facts: list[Fact]) -> list[Fact]:
    """Multi-article facts first, most outlets first; the order is otherwise kept."""
    return sorted(facts, key=lambda f: (len(f.article_ids) < 2, -len(f.article_ids)))


def aligned_clashes(
    facts: Sequence[Fact], claims: Mapping[Span, Sequence[Claim]]
) -> list[tuple[Claim, Claim]]:
    """Figures that sentences aligned as saying the same thing give differently.

    Alignment found that the sentences say the same thing; where their figures are of one
    thing as far as the parse tells (:func:`~newsweave.facts.claims.same_thing`)
    and cannot both be true, the outlets disagree on it. A bare count of people counts (two
    aligned sentences giving one are about one crowd); a distance or duration of nothing
    read does not ("35 years" and "almost one year" measure different things).
    """
    out: list[tuple[Claim, Claim]] = []
    for fact in facts:
        if len(fact.article_ids) < 2 or fact.variants:
            continue
        numbers = [
            c
            for span in fact.support
            for c in claims.get(span, ())
            if c.detail.detail == "number"
            and not c.background
            and not (vague(c) and c.measure != "people:")
        ]
        for i, a in enumerate(numbers):
            for b in numbers[i + 1 :]:
                if a.article_id != b.article_id and same_thing(a, b) and not agree(a, b):
                    out.append((a, b))
    return out
