"""Where aligned reports differ: the details they give differently, as variants of a fact.

Each statement's details (:mod:`newsweave.facts.details`: numbers, durations, dates,
places, negation) are compared inside each fact and between closely related facts. Two
values that cannot both be true ("four people were killed" / "three people died") are
joined into one dispute; so is any value agreeing with one of them in the same fact. A
dispute becomes a fact of its own whose variants are the values, each with the articles
giving it. Titles one person is given (:mod:`newsweave.facts.roles`) are added last.

A hedged value ("could meet in Vladivostok") from an article written before the reports that
contradict it is a ``superseded`` expectation, not a conflict.

Example:
    >>> from newsweave.model import Span
    >>> def killed(value, low, high):
    ...     span = Span("a", 0, len(value))
    ...     return StatedDetail("number", "people:killed", value, f"{low:g}", span, low, high)
    >>> _incompatible(killed("four", 4, 4), killed("at least three", 3, float("inf")))
    False
    >>> _incompatible(killed("four", 4, 4), killed("three", 3, 3))
    True
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from newsweave.facts.align import make_fact, reading_order
from newsweave.facts.details import StatedDetail, read_details
from newsweave.facts.roles import attach_roles
from newsweave.model import (
    Alignment,
    Annotation,
    Article,
    Entity,
    Fact,
    Span,
    TimeExpression,
    Variant,
    VariantRelation,
)
from newsweave.nlp.parse import ParseIndex


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
    parses = {a.article.id: ParseIndex(a) for a in annotations}
    types = {(m.article_id, m.start): e.type for e in entities for m in e.mentions}
    placed = {
        (t.span.article_id, t.span.start): t.when
        for t in times
        if t.when is not None and t.relative and t.kind == "date"
    }
    details = {
        st.span: read_details(parses[st.span.article_id], st, types, placed)
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
    statement_of = {d: s for s, ds in details.items() for d in ds}
    order = reading_order(annotations)
    disputes: list[Fact] = []
    for members in _disputed(facts, pairs, details, containers):
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
        # The fact reads as the statement giving the best-supported value.
        top = max(variants, key=lambda v: (len(v.article_ids), v.relation == "conflict"))
        lead = statement_of[next(d for d in members if d.span == top.evidence[0])]
        text = lead.text(by_id[lead.article_id].article)
        spans = (statement_of[d] for d in members)
        disputes.append(make_fact("d", text, spans, order, variants))
    multi = [f for f in facts if f.kind != "single"]
    single = [f for f in facts if f.kind == "single"]
    return tuple(attach_roles(multi + disputes + single, annotations, entities))


def _disputed(
    facts: Sequence[Fact],
    pairs: Sequence[tuple[int, int]],
    details: Mapping[Span, Sequence[StatedDetail]],
    containers: Mapping[str, set[str]],
) -> list[list[StatedDetail]]:
    """The details in dispute, grouped: each group is the values one disagreement links.

    Groups, and the details in each, come in the order their details were first found
    disputed (or, for an agreeing value, joined), which is the order of the dispute facts.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    seen: dict[StatedDetail, int] = {}  # each detail in a dispute, numbered as first found
    edges: list[tuple[int, int]] = []

    def number(d: StatedDetail) -> int:
        return seen.setdefault(d, len(seen))

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
                    edges.append((number(y), number(x)))  # y before x: the order found
    # Agreeing values in the same fact as a disputed one stand with it.
    for fact in facts:
        ds = [d for s in fact.support for d in details.get(s, ())]
        for x in ds:
            if x in seen:
                for y in ds:
                    if (
                        y not in seen
                        and (y.detail, y.about) == (x.detail, x.about)
                        and not _incompatible(x, y, containers)
                    ):
                        edges.append((seen[x], number(y)))
    if not seen:
        return []
    left, right = np.array(edges).T
    graph = coo_matrix((np.ones(len(edges)), (left, right)), shape=(len(seen), len(seen)))
    _, labels = connected_components(graph, directed=False)
    groups: dict[int, list[StatedDetail]] = {}
    for d, label in zip(seen, labels.tolist(), strict=True):
        groups.setdefault(label, []).append(d)
    return list(groups.values())


def _incompatible(
    x: StatedDetail, y: StatedDetail, containers: Mapping[str, set[str]] | None = None
) -> bool:
    """Whether two values of one detail cannot both be true.

    Numbers (and dates on the calendar) clash when their intervals do not meet; places when
    neither is inside the other (by name, "Vladivostok" / "the port of Vladivostok", or as
    ``containers`` say); anything else when the keys differ.
    """
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
    found: list[StatedDetail],
    statement_of: Mapping[StatedDetail, Span],
    hedged: Mapping[Span, bool],
    by_id: Mapping[str, Annotation],
) -> list[Variant]:
    """One variant per distinct value; an earlier hedged value later contradicted is superseded."""
    by_key: dict[str, list[StatedDetail]] = defaultdict(list)
    for d in sorted(found, key=lambda d: (d.span.article_id, d.span.start)):
        by_key[d.key].append(d)
    # An article's latest possible day, and the latest day a report of the dispute was
    # surely written: a month-precision dating ("2023-09", 1-9 Sept) still tells "earlier".
    bounds = {d.span.article_id: _written_between(by_id[d.span.article_id].article) for d in found}
    latest = max((first for first, _ in bounds.values() if first is not None), default=None)
    out: list[Variant] = []
    for ds in by_key.values():
        articles = tuple(dict.fromkeys(d.span.article_id for d in ds))
        is_hedged = all(hedged.get(statement_of[d], False) for d in ds)
        published = [bounds[a][1] for a in articles]
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


def _written_between(article: Article) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day ``article`` may have been written: its dating's bounds, or its
    published day for both."""
    if article.dating is not None:
        return article.dating.when.earliest, article.dating.when.latest
    return article.published, article.published
