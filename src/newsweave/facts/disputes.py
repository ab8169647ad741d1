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
from newsweave.facts.claims import BACKGROUND_DAYS, Claim, read_claims, story_day
from newsweave.facts.consensus import aligned_clashes, split_disagreeing
from newsweave.facts.details import read_details
from newsweave.facts.figures import (
    agreed_figures,
    ambiguous,
    disputed_figures,
    figure_variants,
    join_groups,
    of_the_background,
)
from newsweave.facts.polarity import disputed_polarities, polarity_variants
from newsweave.facts.roles import attach_roles
from newsweave.facts.stated import StatedDetail
from newsweave.model import (
    Alignment,
    Annotation,
    Article,
    Entity,
    Fact,
    Span,
    Statement,
    TimeExpression,
    Variant,
    VariantRelation,
    When,
)
from newsweave.nlp.parse import ParseIndex
from newsweave.nlp.sentences import SentenceIndex


def find_disputes(
    alignment: Alignment,
    annotations: Sequence[Annotation],
    entities: Sequence[Entity] = (),
    times: Sequence[TimeExpression] = (),
) -> tuple[Fact, ...]:
    """The alignment's facts, checked slot by slot, with the details reports give differently.

    1. Figures (:mod:`newsweave.facts.figures`): every number claim of the story's own
       happening is compared with every other of the same measure, whichever facts hold
       them; a measure outlets give incompatibly becomes a dispute whose variants are its
       values, older figures ``superseded`` by later ones.
    2. Other details (dates, places, negation) are compared inside each fact and between
       closely related facts; values linked by a disagreement form one dispute.
    3. Consensus (:mod:`newsweave.facts.consensus`): a fact keeps an outlet only where
       their claims agree; the others form facts of their own.

    Titles one person is given in different articles attach to the first fact that
    mentions the person. With ``times`` (the story's date expressions, placed on the
    calendar), dates compare as calendar days, and figures are ordered by the day they hold.
    """
    by_id = {a.article.id: a for a in annotations}
    parses = {a.article.id: ParseIndex(a) for a in annotations}
    types = {(m.article_id, m.start): e.type for e in entities for m in e.mentions}
    placed = {
        (t.span.article_id, t.span.start): t.when
        for t in times
        if t.when is not None and t.relative and t.kind == "date"
    }
    times_of: dict[str, list[TimeExpression]] = defaultdict(list)
    for t in times:
        times_of[t.span.article_id].append(t)
    day = story_day(annotations)
    sentences = SentenceIndex(s for a in annotations for s in a.sentences)
    details = {
        st.span: read_details(parses[st.span.article_id], st, types, placed)
        for st in alignment.statements
        if st.span.article_id in by_id
    }
    hedged = {st.span: st.hedged for st in alignment.statements}
    # Claims: of each statement (for figures) and of each whole sentence (for consensus).
    statement_claims: dict[Span, list[Claim]] = {}
    sentence_claims: dict[Span, list[Claim]] = {}
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for aid in by_id:
        own = [st for st in alignment.statements if st.span.article_id == aid]
        whole = sorted({sentences.around(st.span) for st in own}, key=lambda s: s.start)
        statement_claims.update(_claims(parses[aid], own, times_of[aid], day, types, placed))
        wholes = [Statement(s, -1) for s in whole]
        read = _claims(parses[aid], wholes, times_of[aid], day, types, placed)
        sentence_claims.update(read)
        for claims in read.values():
            by_article[aid].extend(claims)
    # Containment stated anywhere in the story holds everywhere in it.
    containers: dict[str, set[str]] = defaultdict(set)
    for ds in details.values():
        for d in ds:
            containers[d.key].update(d.within)
    order = reading_order(annotations)

    def sentence_text(span: Span) -> str:
        return sentences.around(span).text(by_id[span.article_id].article)

    all_claims = [c for cs in statement_claims.values() for c in cs]
    # Figures every outlet giving them gives alike are corroborated as such, whichever facts
    # alignment put their sentences in ("All 157 people on board were killed").
    texts = {f.text for f in alignment.facts}
    figure_facts = []
    for group in agreed_figures(all_claims):
        heads = [c.sentence for c in group if sentence_text(c.sentence) not in texts]
        if heads:
            text = sentence_text(heads[0])
            texts.add(text)
            figure_facts.append(make_fact("f", text, (c.sentence for c in group), order))
    candidates = [*alignment.facts, *figure_facts]
    facts = split_disagreeing(
        candidates,
        {s: sentence_claims.get(sentences.around(s), []) for f in candidates for s in f.support},
        by_article,
        order,
        sentence_text,
        lambda f: _lead(f, by_id, sentences),
    )
    # Details other than figures are compared where alignment put them side by side: inside
    # each fact, and between related facts (at align.RELATED_THRESHOLD or closer).
    aligned = alignment.facts
    pairs = [(i, i) for i, f in enumerate(aligned) if f.kind != "single"]
    pairs += [(a, b) for a, b, _ in alignment.related]
    statement_of = {d: s for s, ds in details.items() for d in ds}
    disputes: list[Fact] = []
    taken = {f.text for f in facts}  # the sentences facts read as
    hedged_claims = frozenset(
        c for s, cs in statement_claims.items() if hedged.get(s, False) for c in cs
    )
    unclear = ambiguous(all_claims) | of_the_background(all_claims)
    clashes = [
        (a, b)
        for a, b in aligned_clashes(alignment.facts, statement_claims)
        if a not in unclear and b not in unclear
    ]
    for group in join_groups(disputed_figures(all_claims), clashes):
        variants = figure_variants(group, hedged_claims)
        # The dispute reads as a sentence giving the latest, best-supported value, one that
        # no other fact reads as where there is one.
        ranked = sorted(
            variants,
            key=lambda v: (v.relation != "superseded", v.as_of or dt.date.min, len(v.article_ids)),
            reverse=True,
        )
        leads = [c for v in ranked for e in v.evidence for c in group if c.detail.span == e]
        lead = next((c for c in leads if sentence_text(c.sentence) not in taken), leads[0])
        taken.add(sentence_text(lead.sentence))
        spans = (c.sentence for c in group)
        disputes.append(make_fact("d", sentence_text(lead.sentence), spans, order, variants))
    for group in disputed_polarities(all_claims):
        variants = polarity_variants(group)
        leads = [c for c in group if sentence_text(c.sentence) not in taken] or list(group)
        taken.add(sentence_text(leads[0].sentence))
        spans = (c.sentence for c in group)
        disputes.append(make_fact("d", sentence_text(leads[0].sentence), spans, order, variants))
    other = {
        # Who did a thing keeps outlets apart in a consensus but is never disputed on its
        # own: "Ostrell signed" and "Sarrin signed" may both be right.
        s: [d for d in ds if d.detail not in {"number", "agent"} and not _past(d, day)]
        for s, ds in details.items()
    }
    # The day and the town the happening itself took place in are one, whichever facts give
    # them; a statement dating another, earlier happening ("the Oct. 29 crash near Jakarta")
    # gives neither.
    dating_another = {s for s, ds in details.items() if any(_past(d, day) for d in ds)}
    happened = {
        s: [d for d in ds if _of_the_happening(d)]
        for s, ds in other.items()
        if s not in dating_another
    }
    dated = tuple(s for s, ds in happened.items() if ds)
    story_wide = [Fact("happened", "", "single", dated)] if dated else []
    found = _disputed(aligned, pairs, other, containers)
    found += _disputed(story_wide, [(0, 0)] if dated else [], happened, containers)
    for members in _joined(found):
        # An article giving two clashing values is speaking of two things: leave it out.
        by_article_keys: dict[str, set[str]] = defaultdict(set)
        for d in members:
            by_article_keys[d.span.article_id].add(d.key)
        members = [
            d
            for d in members
            if len(by_article_keys[d.span.article_id]) == 1 or d.detail == "place"
        ]
        if len({d.span.article_id for d in members}) < 2 or len({d.key for d in members}) < 2:
            continue
        variants = _values(members, statement_of, hedged, by_id)
        # The fact reads as the sentence giving the best-supported value.
        top = max(variants, key=lambda v: (len(v.article_ids), v.relation == "conflict"))
        lead_span = statement_of[next(d for d in members if d.span == top.evidence[0])]
        spans = (statement_of[d] for d in members)
        disputes.append(make_fact("d", sentence_text(lead_span), spans, order, variants))
    disputes = _one_per_text(disputes, order)
    # A fact of one outlet that reads as a dispute's sentence is in that dispute already.
    disputed_texts = {d.text for d in disputes}
    facts = [
        f for f in _one_per_text(facts, order) if f.kind != "single" or f.text not in disputed_texts
    ]
    multi = [f for f in facts if f.kind != "single"]
    single = [f for f in facts if f.kind == "single"]
    return tuple(attach_roles(multi + disputes + single, annotations, entities))


def _one_per_text(facts: Sequence[Fact], order: Mapping[str, int]) -> list[Fact]:
    """Facts that read alike joined into one, in the place of the first: their support
    (every span agreed with the one sentence they read as) and their variants together."""
    by_text: dict[str, list[Fact]] = {}
    for fact in facts:
        by_text.setdefault(fact.text, []).append(fact)
    out: list[Fact] = []
    for fact in facts:
        same = by_text.get(fact.text)
        if same is None:
            continue  # joined into an earlier one
        del by_text[fact.text]
        if len(same) == 1:
            out.append(fact)
            continue
        prefix = fact.id.split("-", 1)[0]
        spans = [s for f in same for s in f.support]
        variants = list(dict.fromkeys(v for f in same for v in f.variants))
        out.append(make_fact(prefix, fact.text, spans, order, variants))
    return out


def _claims(
    parse: ParseIndex,
    statements: Sequence[Statement],
    times: Sequence[TimeExpression],
    day: int | None,
    types: Mapping[tuple[str, int], str],
    placed: Mapping[tuple[str, int], When],
) -> dict[Span, list[Claim]]:
    return read_claims(
        parse.annotation,
        statements,
        times,
        story_day=day,
        place_types=types,
        placed=placed,
        parse=parse,
    )


def _of_the_happening(detail: StatedDetail) -> bool:
    """Whether a detail gives the day, the time or the town of the happening itself."""
    if detail.detail in {"place", "time"}:
        return detail.about == "happened"
    return detail.detail == "date" and detail.about.endswith(":happened")


def _past(detail: StatedDetail, day: int | None) -> bool:
    """Whether a date is of another, earlier happening: a month or more before the story's
    day, or in an earlier year ("the Lion Air crash in October 2018")."""
    if detail.detail != "date" or day is None:
        return False
    if detail.high and detail.high < day - BACKGROUND_DAYS:
        return True
    year = dt.date.fromordinal(day).year
    return any(w.isdigit() and len(w) == 4 and int(w) < year for w in detail.value.split())


def _lead(fact: Fact, by_id: Mapping[str, Annotation], sentences: SentenceIndex) -> Span:
    """The support span a fact reads as: the one whose sentence (or itself) is its text."""
    for span in fact.support:
        article = by_id[span.article_id].article
        if span.text(article) == fact.text or sentences.around(span).text(article) == fact.text:
            return span
    return fact.support[0]


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


def _joined(groups: Sequence[list[StatedDetail]]) -> list[list[StatedDetail]]:
    """Groups that share a detail joined into one, in the order first found."""
    out: list[list[StatedDetail]] = []
    for group in groups:
        overlapping = [g for g in out if not set(g).isdisjoint(group)]
        if not overlapping:
            out.append(list(group))
            continue
        home = overlapping[0]
        for g in overlapping[1:]:
            home.extend(d for d in g if d not in home)
            out.remove(g)
        home.extend(d for d in group if d not in home)
    return out


def _incompatible(
    x: StatedDetail, y: StatedDetail, containers: Mapping[str, set[str]] | None = None
) -> bool:
    """Whether two values of one detail cannot both be true.

    Numbers (and dates on the calendar) clash when their intervals do not meet; places when
    neither is inside the other (by name, "Vladivostok" / "the port of Vladivostok", or as
    ``containers`` say), unless one is only near where something happened; anything else
    when the keys differ.
    """
    if x.detail in {"number", "time"} or (x.detail == "date" and x.high and y.high):
        return x.high < y.low or y.high < x.low
    if x.detail == "place":
        inside = containers or {}
        if x.about == "happened" and (_nearby(x) or _nearby(y)):
            return False  # "near Addis Ababa" and "in Bishoftu": both can be right
        return not (
            x.key == y.key
            or x.key in y.key
            or y.key in x.key
            or y.key in inside.get(x.key, ())
            or x.key in inside.get(y.key, ())
        )
    return x.key != y.key


def _nearby(place: StatedDetail) -> bool:
    """Whether a place is given as only near where something happened ("off Calais"):
    :func:`newsweave.facts.places.happening_places` marks an exact one with 1."""
    return place.high == 0


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
