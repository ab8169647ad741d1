"""Figures the outlets give differently, across the whole story: conflicts and updates.

Every number claim (:mod:`newsweave.facts.claims`) of the story's own happening is
grouped by what it measures ("people:killed", "distance:sink"), whichever facts its
sentence was aligned into: two outlets giving the toll in unrelated sentences still give
one toll. A measure on which two outlets (or two sources inside one article) give values
that cannot both be true is disputed, and each distinct value becomes a variant:

* an **update** when the figure changes over time: a value every claim of which holds
  before the latest day the measure was given for is ``superseded`` ("233 → 261 → 288 on
  Saturday, 275 on Sunday");
* a **conflict** otherwise: the values given for that latest day (one, in a clean update).

Example:
    >>> from newsweave.facts.claims import Claim
    >>> from newsweave.facts.stated import StatedDetail
    >>> from newsweave.model import Span
    >>> def dead(article, n, day):
    ...     d = StatedDetail("number", "people:killed", str(n), str(n), Span(article, 0, 3), n, n)
    ...     return Claim(d, "people:killed", Span(article, 0, 20), day)
    >>> [[c.detail.value for c in g] for g in disputed_figures([dead("a", 233, 1),
    ...     dead("b", 288, 2), dead("c", 288, 2), dead("d", 9, 2)]) ]
    [['233', '288', '288']]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsweave.facts.claims import Claim, agree, as_date, vague
from newsweave.lexicon.events import CASUALTY_VERBS
from newsweave.model import Variant, VariantRelation

# Figures this far apart in size count different things ("2 trains" beside "288 dead").
MAX_RATIO = 20.0


def disputed_figures(claims: Sequence[Claim]) -> list[list[Claim]]:
    """The number claims on which the story's reports disagree, one group per measure, in
    the order their measures first appear. Background figures, figures out of scale with
    the rest of their measure and figures an article gives ambiguously are left out."""
    unclear = ambiguous(claims) | of_the_background(claims)
    by_measure: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.detail.detail == "number" and not c.background and not vague(c) and c not in unclear:
            by_measure[c.measure].append(c)
    out: list[list[Claim]] = []
    for group in by_measure.values():
        group = _in_scale(group)
        if _disagree(group):
            out.append(group)
    return out


def agreed_figures(claims: Sequence[Claim]) -> list[list[Claim]]:
    """The figures two or more outlets give, every one of them alike: one group per measure
    whose values all agree, in the order their measures first appear."""
    unclear = ambiguous(claims) | of_the_background(claims)
    by_measure: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.detail.detail == "number" and not c.background and not vague(c) and c not in unclear:
            by_measure[c.measure].append(c)
    return [
        group
        for group in by_measure.values()
        if len({c.article_id for c in group}) >= 2
        and all(agree(a, b) for i, a in enumerate(group) for b in group[i + 1 :])
    ]


def _in_scale(group: list[Claim]) -> list[Claim]:
    """The claims whose figure is within ``MAX_RATIO`` of the group's median: "9 killed"
    beside tolls of 288 counts something else (another attack, one carriage)."""
    sizes = sorted(c.detail.low or c.detail.high for c in group)
    middle = sizes[len(sizes) // 2]
    if not middle or middle == float("inf"):
        return group
    return [c for c in group if _same_scale_value(c.detail.low or c.detail.high, middle)]


def of_the_background(claims: Sequence[Claim]) -> set[Claim]:
    """Background figures, and every figure of the same measure and value elsewhere in the
    story: "That Lion Air flight crashed into the sea, killing 189 people" is the 189 another
    sentence dates to October 2018, even where its own sentence gives no date."""
    old = {(c.measure, c.detail.low, c.detail.high) for c in claims if c.background}
    return {c for c in claims if (c.measure, c.detail.low, c.detail.high) in old}


def ambiguous(claims: Sequence[Claim]) -> set[Claim]:
    """The figures an article gives two incompatible ways, from one source, for one day:
    it is then speaking of two things, and which is which cannot be told."""
    by_measure: dict[tuple[str, str, str, float | None, bool], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.detail.detail == "number":
            by_measure[(c.measure, c.article_id, c.source, c.day, c.replaced)].append(c)
    out: set[Claim] = set()
    for group in by_measure.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if not agree(a, b):
                    out.update((a, b))
    return out


def _disagree(group: Sequence[Claim]) -> bool:
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            apart = a.article_id != b.article_id or a.source != b.source
            if apart and not agree(a, b) and _same_scale(a, b):
                return True
    return False


def _same_scale(a: Claim, b: Claim) -> bool:
    """Whether two figures are close enough in size to be the same count given twice."""
    return _same_scale_value(a.detail.low or a.detail.high, b.detail.low or b.detail.high)


def _same_scale_value(x: float, y: float) -> bool:
    if not x or not y or x == float("inf") or y == float("inf"):
        return True
    return max(x, y) / min(x, y) <= MAX_RATIO


def join_groups(
    groups: Sequence[Sequence[Claim]], pairs: Sequence[tuple[Claim, Claim]]
) -> list[list[Claim]]:
    """Disputed figure groups and disagreeing pairs joined where they share a claim or a
    measure: one dispute per thing disputed, in the order first found."""
    parent: dict[Claim, Claim] = {}

    def find(c: Claim) -> Claim:
        parent.setdefault(c, c)
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    def union(a: Claim, b: Claim) -> None:
        parent[find(b)] = find(a)

    first_of: dict[str, Claim] = {}
    for group in [*groups, *pairs]:
        for c in group:
            find(c)
            union(group[0], c)
            if c.measure in first_of:
                union(first_of[c.measure], c)
            else:
                first_of[c.measure] = c
    out: dict[Claim, list[Claim]] = {}
    for c in parent:
        out.setdefault(find(c), []).append(c)
    return list(out.values())


def figure_variants(
    group: Sequence[Claim], hedged: frozenset[Claim] = frozenset()
) -> list[Variant]:
    """One variant per distinct value of a disputed measure, oldest first.

    A value of a count that changes as news comes in (the dead, the injured, the missing
    …) is ``superseded`` when every claim giving it holds before the latest day any value
    of the measure was given for: the figure was replaced. The values given for that
    latest day are ``conflict`` (a clean update has one of them). Each variant carries the
    latest day it was given for (``as_of``).
    """
    by_key: dict[tuple[float, float], list[Claim]] = defaultdict(list)
    for c in sorted(group, key=lambda c: (c.article_id, c.detail.span.start)):
        by_key[(c.detail.low, c.detail.high)].append(c)  # "at least 3" is not "3"
    latest = {k: max((c.day or 0.0) for c in cs) for k, cs in by_key.items()}
    out: list[tuple[float, bool, Variant]] = []
    newest = max(latest.values())
    # Only counts of people that grow or shrink as news comes in (the dead, the injured,
    # the missing …) are updated over time; a width or a crowd given two ways conflicts.
    changing = group[0].measure.partition(":")[2] in CASUALTY_VERBS.values()
    for key, cs in by_key.items():
        # Given only before another value was: replaced (even "more than 149", still true,
        # gives way to the later "156").
        replaced = changing and (latest[key] < newest or all(c.replaced for c in cs))
        relation: VariantRelation = "superseded" if replaced else "conflict"
        first = cs[0]
        out.append(
            (
                latest[key],
                relation == "superseded",
                Variant(
                    first.detail.value,
                    tuple(dict.fromkeys(c.article_id for c in cs)),
                    relation,
                    "number",
                    first.measure,
                    tuple(c.detail.span for c in cs),
                    all(c in hedged for c in cs),
                    as_date(latest[key]),
                ),
            )
        )
    return [v for _, _, v in sorted(out, key=lambda t: (t[0], not t[1]))]
