"""Align the statements of a story's articles into facts, each with every article stating it.

The unit is the *statement* (:mod:`newsweave.facts.statements`): a sentence, or one clause
of a long sentence that states several things ("Kim arrived at Khasan station, where he
met the minister" holds two).

1. **Candidates.** Each statement's nearest neighbours in other articles, by dense
   embedding (centred on the story, so the words every article shares weigh less) and by
   TF-IDF over lemmas and resolved entities. Only these pairs are scored, so the cost grows
   with the number of statements, not with its square.
2. **Score.** A blend of the centred cosine and the lexical cosine.
3. **Facts.** Pairs join into facts from the best down (average linkage, so one loose
   pair cannot chain two facts together). An article counts once per fact. A statement
   may afterwards join a second fact it states just as well: long sentences state several.
4. **Coherence.** A fact keeps only the statements that score at least
   ``HEAD_THRESHOLD`` with the statement it reads as; the others, chained in through loose
   average links, form facts of their own. A fact corroborates what its own sentence says.

Example:
    >>> from newsweave.model import Span
    >>> spans = [Span("b", 4, 18), Span("a", 0, 14)]
    >>> fact = make_fact("f", "The dam burst.", spans, {"a": 0, "b": 1})
    >>> fact.id, fact.kind, [s.article_id for s in fact.support]
    ('f-7ef66e1814', 'shared', ['a', 'b'])
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.facts.statements import split_statements
from newsweave.lexicon.events import AUXILIARY_VERBS, FILLER_ADVERBS
from newsweave.lexicon.function_words import NEGATIONS
from newsweave.lexicon.people import HONORIFICS
from newsweave.lexicon.reporting import REPORTING_VERBS
from newsweave.model import Alignment, Annotation, Entity, Fact, FactKind, Span, Statement, Variant
from newsweave.nlp.parse import ParseIndex
from newsweave.nlp.sentences import SentenceIndex
from newsweave.settings import Settings

# Tuned on tests/data/stories (see docs/facts.md); the seeds are kept for acceptance.
WEIGHT_DENSE = 0.55
PAIR_THRESHOLD = 0.18
LINK_THRESHOLD = 0.10
ATTACH_THRESHOLD = 0.22
HEAD_THRESHOLD = 0.2  # tuned on bench/data/trust; checked on bench/data/trust-check
RELATED_THRESHOLD = 0.12
NEIGHBOURS = 12
CENTRING_PRIOR = 20  # statements: how big a story must be before its mean is fully removed

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
# Lemmas that say who said it or how, not what happened: "said", "according to", "not", "Mr".
_LIGHT_LEMMAS = (
    REPORTING_VERBS
    | AUXILIARY_VERBS
    | NEGATIONS
    | HONORIFICS
    | FILLER_ADVERBS
    | {"accord", "n't"}  # "according to X"; "did n't"
)

Encoder = Callable[[Sequence[str]], "np.ndarray"]


@dataclass(frozen=True, slots=True)
class _Unit:
    statement: Statement
    article: int  # index into the story's annotations
    text: str
    terms: tuple[str, ...]  # content lemmas and entity ids, for the lexical score


def align_facts(
    annotations: Sequence[Annotation],
    entities: Sequence[Entity] = (),
    settings: Settings | None = None,
    *,
    encode: Encoder | None = None,
) -> Alignment:
    """Align the statements of ``annotations`` (one story) into facts.

    Args:
        annotations: the story's annotated articles.
        entities: the story's resolved entities; shared entities count as shared words.
        settings: picks the embedder (``settings.embedder``).
        encode: a function from texts to L2-normalised rows, used instead of the embedder.

    Returns:
        Every statement, the facts (multi-article first, then single-source), and the pairs
        of facts close enough to compare for disputes.
    """
    settings = settings or Settings()
    units = _units(annotations, entities)
    if not units:
        return Alignment((), ())
    if encode is None:
        from newsweave.embed import get_embedder

        encode = get_embedder(settings.embedder).encode
    dense = _centred(encode([u.text for u in units]))
    lexical = _tfidf([u.terms for u in units])
    pairs = _candidate_pairs(units, dense, lexical)
    scores = {(i, j): _score(dense, lexical, i, j) for i, j in pairs}
    clusters = _cluster(units, scores)
    clusters = _attach(units, clusters, scores)
    clusters = _cohere(units, clusters, dense, lexical)
    facts, members = _facts(annotations, units, clusters, dense)
    related = _related(members, scores)
    pair_scores = tuple(sorted((i, j, round(s, 6)) for (i, j), s in scores.items()))
    return Alignment(facts, tuple(u.statement for u in units), related, pair_scores)


def _units(annotations: Sequence[Annotation], entities: Sequence[Entity]) -> list[_Unit]:
    entity_at: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in entities:
        for m in entity.mentions:
            entity_at[m.article_id].append((m.start, m.end, entity.id))
    units: list[_Unit] = []
    for index, annotation in enumerate(annotations):
        article = annotation.article
        parse = ParseIndex(annotation)
        for statement in split_statements(annotation, parse):
            span = statement.span
            within = parse.tokens_in(span)
            terms = [
                t.lemma.lower()
                for t in annotation.tokens[within.start : within.stop]
                if t.pos in _CONTENT_POS and t.lemma.lower() not in _LIGHT_LEMMAS
            ]
            terms += [
                f"@{eid}"
                for s, e, eid in entity_at.get(article.id, ())
                if s < span.end and span.start < e
            ]
            if len(terms) < 2:
                continue
            units.append(_Unit(statement, index, span.text(article), tuple(terms)))
    return units


def _centred(vectors: np.ndarray) -> np.ndarray:
    """Subtract the story's mean direction so that what every article says weighs less.

    The mean is shrunk towards zero for small stories, where it is mostly the statements
    themselves (fully centring three statements makes them look unrelated).
    """
    n = len(vectors)
    if n < 2:
        return vectors
    shrink = n / (n + CENTRING_PRIOR)
    centred = vectors - shrink * vectors.mean(axis=0, keepdims=True)
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: np.ndarray = centred / norms
    return out


def _tfidf(docs: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Sublinear TF-IDF rows over statements, L2-normalised, as sparse dicts."""
    df: Counter[str] = Counter()
    for terms in docs:
        df.update(set(terms))
    n = len(docs)
    rows: list[dict[str, float]] = []
    for terms in docs:
        row = {
            term: (1 + math.log(count)) * math.log((n + 1) / (df[term] + 1))
            for term, count in Counter(terms).items()
        }
        norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
        rows.append({k: v / norm for k, v in row.items() if v > 0})
    return rows


def _sparse_dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _candidate_pairs(
    units: Sequence[_Unit], dense: np.ndarray, lexical: Sequence[dict[str, float]]
) -> set[tuple[int, int]]:
    """Nearest neighbours in other articles, by embedding and by shared rare terms."""
    n = len(units)
    article = np.array([u.article for u in units])
    k = min(NEIGHBOURS, n - 1)
    pairs: set[tuple[int, int]] = set()
    if k <= 0:
        return pairs
    block = 512  # rows per matrix product: memory stays O(block × n)
    for lo in range(0, n, block):
        sims = dense[lo : lo + block] @ dense.T
        sims[article[lo : lo + block, None] == article[None, :]] = -2.0
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r, row in enumerate(top):
            i = lo + r
            for j in row:
                if sims[r, j] > -1.0:
                    pairs.add((min(i, int(j)), max(i, int(j))))
    # Shared rare terms: an inverted index, skipping terms so common they block nothing.
    postings: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(lexical):
        for term in row:
            postings[term].append(i)
    limit = max(20, int(math.sqrt(n) * 4))
    overlap: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for term, ids in postings.items():
        if len(ids) > limit:
            continue
        for a_pos, i in enumerate(ids):
            for j in ids[a_pos + 1 :]:
                if units[i].article != units[j].article:
                    overlap[i][j] += lexical[i][term] * lexical[j][term]
    for i, shared in overlap.items():
        for j in sorted(shared, key=lambda j: -shared[j])[:k]:
            pairs.add((min(i, j), max(i, j)))
    return pairs


def _cluster(units: Sequence[_Unit], scores: dict[tuple[int, int], float]) -> list[list[int]]:
    """Average-linkage merging from the best pair down; one statement per article per fact."""
    cluster_of = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    for (i, j), score in sorted(scores.items(), key=lambda kv: -kv[1]):
        if score < PAIR_THRESHOLD:
            break
        a, b = cluster_of[i], cluster_of[j]
        if a == b:
            continue
        ma, mb = members[a], members[b]
        if {units[x].article for x in ma} & {units[y].article for y in mb}:
            continue
        link = sum(scores.get((min(x, y), max(x, y)), 0.0) for x in ma for y in mb)
        if link / (len(ma) * len(mb)) < LINK_THRESHOLD:
            continue
        for x in mb:
            cluster_of[x] = a
        ma.extend(mb)
        del members[b]
    return [sorted(m) for m in members.values()]


def _attach(
    units: Sequence[_Unit], clusters: list[list[int]], scores: dict[tuple[int, int], float]
) -> list[list[int]]:
    """Let a statement also support another fact it states as well as that fact's members do."""
    by_article: dict[int, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        by_article[u.article].append(i)
    out: list[list[int]] = []
    for members in clusters:
        if len({units[m].article for m in members}) < 2:
            out.append(members)
            continue
        present = {units[m].article for m in members}
        extra: list[int] = []
        for article, candidates in by_article.items():
            if article in present:
                continue
            best, best_score = -1, ATTACH_THRESHOLD
            for c in candidates:
                pair_scores = [scores.get((min(c, m), max(c, m))) for m in members]
                known = [s for s in pair_scores if s is not None]
                if len(known) * 2 < len(members):
                    continue
                score = sum(known) / len(members)
                if score >= best_score:
                    best, best_score = c, score
            if best >= 0:
                extra.append(best)
        out.append(sorted(members + extra))
    return out


def _score(dense: np.ndarray, lexical: Sequence[dict[str, float]], i: int, j: int) -> float:
    return WEIGHT_DENSE * float(dense[i] @ dense[j]) + (1 - WEIGHT_DENSE) * _sparse_dot(
        lexical[i], lexical[j]
    )


def _central(members: list[int], dense: np.ndarray) -> list[int]:
    """A fact's statements, the most central first: the one it reads as leads."""
    centre = dense[members].mean(axis=0)
    return sorted(members, key=lambda m: (-float(dense[m] @ centre), m))


def _cohere(
    units: Sequence[_Unit],
    clusters: list[list[int]],
    dense: np.ndarray,
    lexical: Sequence[dict[str, float]],
) -> list[list[int]]:
    """Each fact keeps only the statements close to the one it reads as (its most central,
    :func:`_central`); the rest are checked the same way as a fact of their own.
    Average linkage lets a statement in through its closeness to other members; a reader
    is shown the head sentence, so every outlet counted must say what that sentence says."""
    out: list[list[int]] = []
    todo = list(clusters)
    while todo:
        members = todo.pop()
        if len({units[m].article for m in members}) < 2:
            out.append(members)
            continue
        head = _central(members, dense)[0]
        keep = [
            m for m in members if m == head or _score(dense, lexical, head, m) >= HEAD_THRESHOLD
        ]
        rest = [m for m in members if m not in keep]
        out.append(keep)
        if rest:
            todo.append(rest)
    return out


def _facts(
    annotations: Sequence[Annotation],
    units: Sequence[_Unit],
    clusters: list[list[int]],
    dense: np.ndarray,
) -> tuple[tuple[Fact, ...], list[list[int]]]:
    """Facts from clusters, most-supported first; the fact's text is the sentence of its most
    central statement."""
    order = reading_order(annotations)

    def position(members: list[int]) -> float:
        # Earlier in the articles = more important, by newsroom convention (inverted pyramid).
        spots = [
            units[m].statement.sentence / max(len(annotations[units[m].article].sentences), 1)
            for m in members
        ]
        return sum(spots) / len(spots)

    multi = [c for c in clusters if len({units[m].article for m in c}) >= 2]
    single = [c for c in clusters if len({units[m].article for m in c}) < 2]
    multi.sort(key=lambda c: (-len({units[m].article for m in c}), position(c)))
    single.sort(key=lambda c: (units[c[0]].article, units[c[0]].statement.span.start))
    sentences = SentenceIndex(s for a in annotations for s in a.sentences)
    read: set[Span] = set()  # sentences some fact already reads as
    facts: list[Fact] = []
    members_out: list[list[int]] = []
    for members in multi + single:
        # A fact reads as the whole sentence of its most central statement, never a clause
        # cut from it; a sentence that two facts would read as goes to the first.
        around = {m: sentences.around(units[m].statement.span) for m in members}
        ranked = _central(members, dense)
        whole = [around[m] for m in ranked]
        lead = next((w for w in whole if w not in read), None)
        if lead is None and len(members) < 2:
            continue  # one clause of a sentence another fact reads as: said already
        if lead is None:
            text = units[ranked[0]].text
        else:
            read.add(lead)
            text = lead.text(annotations[units[ranked[whole.index(lead)]].article].article)
        spans = (units[m].statement.span for m in members)
        facts.append(make_fact("f", text, spans, order))
        members_out.append(members)
    return tuple(facts), members_out


def _related(
    members: list[list[int]], scores: dict[tuple[int, int], float]
) -> tuple[tuple[int, int, float], ...]:
    """Pairs of facts whose statements are close: candidates for a dispute between them."""
    fact_of: dict[int, list[int]] = defaultdict(list)
    for f, ms in enumerate(members):
        for m in ms:
            fact_of[m].append(f)
    best: dict[tuple[int, int], float] = {}
    for (i, j), score in scores.items():
        if score < RELATED_THRESHOLD:
            continue
        for a in fact_of[i]:
            for b in fact_of[j]:
                if a != b:
                    key = (min(a, b), max(a, b))
                    best[key] = max(best.get(key, 0.0), score)
    return tuple(sorted(((a, b, s) for (a, b), s in best.items()), key=lambda t: -t[2]))


def reading_order(annotations: Sequence[Annotation]) -> dict[str, int]:
    """Each article's place in the story, by id: support spans are listed in this order."""
    return {a.article.id: i for i, a in enumerate(annotations)}


def make_fact(
    prefix: str,
    text: str,
    spans: Iterable[Span],
    order: Mapping[str, int],
    variants: Sequence[Variant] = (),
) -> Fact:
    """A fact read as ``text`` and supported by the statements ``spans``.

    The support is listed in reading order (``order``, see :func:`reading_order`), each
    span once; the kind counts the articles; the id is ``prefix``, a dash and a digest of
    the support, so the same statements make the same id on every run.
    """
    support = tuple(sorted(dict.fromkeys(spans), key=lambda s: (order[s.article_id], s.start)))
    return Fact(fact_id(prefix, support), text, fact_kind(support), support, tuple(variants))


def fact_id(prefix: str, support: Sequence[Span]) -> str:
    """``prefix``-``digest``: the first 10 hex digits of the sha256 of the support spans."""
    key = "|".join(f"{s.article_id}:{s.start}:{s.end}" for s in support)
    return f"{prefix}-{hashlib.sha256(key.encode()).hexdigest()[:10]}"


def fact_kind(support: Iterable[Span]) -> FactKind:
    """``consensus`` when three or more articles give it, ``shared`` for two, else ``single``."""
    articles = len({s.article_id for s in support})
    return "consensus" if articles >= 3 else "shared" if articles == 2 else "single"
