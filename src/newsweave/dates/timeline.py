"""The story's timeline: statements anchored to a date, merged across outlets, in order.

1. **Dated statements.** A statement (a sentence or clause, see :mod:`newsweave.facts.align`)
   that holds a date expression resolved at its own precision ("on Sunday" to a day,
   "in July" to a month) is a candidate row. When it holds several, the one that dates what
   happened wins over the one that dates who said it ("reported on Tuesday that the train
   had arrived"). Durations, repeated times and open stretches ("in recent weeks") date
   nothing.
2. **One event, several outlets.** Candidates of the same date and the same standing (a
   report of what happened, or an expectation) join when their sentences say the same
   thing: mean embedding similarity, average linkage, so one loose pair cannot chain two
   events of one busy day together.
3. **Undated reports of a dated event.** A statement with no date of its own joins a row
   when it is aligned with one of the row's statements closely enough ("has arrived in
   Russia" with "arrived in Russia on Tuesday"), and when its article's date allows it.
4. **Order.** By date; a coarser date (a year) before the finer ones it holds.

Example:
    >>> from newsweave.model import Event, Span, When
    >>> import datetime as dt
    >>> day = When(dt.date(2023, 9, 10), dt.date(2023, 9, 10), "day")
    >>> Event(day, "Kim left Pyongyang on Sunday", (Span("a", 0, 28),)).when.label
    '2023-09-10'
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.dates.calendar import COARSENESS
from newsweave.lexicon.reporting import REPORTING_VERBS
from newsweave.model import (
    Alignment,
    Annotation,
    Dating,
    Event,
    Quote,
    Span,
    TimeExpression,
    TimeMention,
    Token,
)
from newsweave.nlp.parse import ParseIndex
from newsweave.settings import Settings

# Tuned on tests/data/stories (docs/timeline.md); the seeds are kept for acceptance.
LINK_COARSE = 0.35  # the same for a month or a year, which few of a story's events share
LINK = 0.45  # least mean cosine for two dated statements of one date to tell one event
INHERIT = 0.45  # least alignment score for an undated statement to join a dated event
MAX_WORDS = 32
# Dependents that start a clause of their own, left out of a date's clause.
_OTHER_CLAUSES = frozenset({"relcl", "advcl", "parataxis", "ccomp", "appos"})

Encoder = Callable[[Sequence[str]], "np.ndarray"]


@dataclass(frozen=True, slots=True)
class _Candidate:
    span: Span  # the statement
    text: str
    date: TimeExpression
    expected: bool


def build_timeline(
    annotations: Sequence[Annotation],
    mentions: Sequence[Sequence[TimeMention]],
    times: Sequence[TimeExpression],
    alignment: Alignment,
    quotes: Sequence[Quote] = (),
    settings: Settings | None = None,
    *,
    encode: Encoder | None = None,
) -> tuple[Event, ...]:
    """The story's events in time order, each with its outlets and evidence.

    Args:
        annotations: the story's annotated (and dated) articles.
        mentions: :func:`~newsweave.dates.mentions.find_time_mentions` of each article.
        times: the same mentions resolved
            (:func:`~newsweave.dates.calendar.resolve_times`), in order.
        alignment: the story's statements and their cross-outlet similarity.
        quotes: quotes with their cross-outlet groups; one statement quoted by two outlets
            is one event.
        settings: picks the embedder (``settings.embedder``, the one alignment uses).
        encode: texts to L2-normalised rows, used instead of the embedder.
    """
    flat = [m for ms in mentions for m in ms]
    if len(flat) != len(times):
        raise ValueError("times must resolve exactly the mentions given, in order")
    candidates = _candidates(annotations, alignment, list(zip(flat, times, strict=True)))
    if not candidates:
        return ()
    if encode is None:
        from newsweave.embed import get_embedder

        encode = get_embedder((settings or Settings()).embedder).encode
    vectors = np.asarray(encode([c.text for c in candidates]), dtype=np.float64)
    groups = _quote_groups(quotes)
    rows = _merge(candidates, vectors, groups)
    published = {a.article.id: a.article.dating for a in annotations}
    events = [_event(candidates, rows[k], vectors) for k in range(len(rows))]
    events = _inherit(events, candidates, rows, alignment, published)
    # a coarser date (a year) before the finer ones it holds
    events.sort(key=lambda e: (e.when.earliest, -COARSENESS[e.when.precision], -len(e.article_ids)))
    return tuple(events)


def _candidates(
    annotations: Sequence[Annotation],
    alignment: Alignment,
    found: list[tuple[TimeMention, TimeExpression]],
) -> list[_Candidate]:
    by_article: dict[str, list[tuple[TimeMention, TimeExpression]]] = defaultdict(list)
    for m, t in found:
        if _dates_an_event(m, t):
            by_article[t.span.article_id].append((m, t))
    parsed = {a.article.id: a for a in annotations}
    indexes: dict[str, ParseIndex] = {}  # built once per article, when a clause is needed
    out = []
    for st in alignment.statements:
        inside = [
            (m, t)
            for m, t in by_article.get(st.span.article_id, ())
            if st.span.start <= t.span.start and t.span.end <= st.span.end
        ]
        annotation = parsed[st.span.article_id]
        for mention, time in inside:
            # "The bridge, which opened in 1971, was last inspected in 2019": two events,
            # each told by the clause its date belongs to.
            text = annotation.article.text[st.span.start : st.span.end]
            if len(inside) > 1:
                parse = indexes.get(annotation.article.id)
                if parse is None:
                    parse = indexes[annotation.article.id] = ParseIndex(annotation)
                text = _clause_text(parse, st.span, mention.span) or text
            out.append(_Candidate(st.span, text, time, mention.tense == "future"))
    return out


def _clause_text(parse: ParseIndex, statement: Span, date: Span) -> str | None:
    """The words of ``statement`` that the verb ``date`` hangs on governs, minus other clauses.

    "The two leaders, who had not met since … 2021, spent 90 minutes alone on Tuesday" reads
    for Tuesday as "The two leaders spent 90 minutes alone on Tuesday".
    """
    tokens = parse.tokens
    clause = parse.tokens_in(statement)
    lo, hi = clause.start, clause.stop
    i = parse.tokens_in(date).start
    if not lo <= i < hi:
        return None
    for verb in parse.up(i, 10):
        if tokens[verb].pos in {"VERB", "AUX"} and not date.start <= tokens[verb].start < date.end:
            break
        head = tokens[verb].head
        if head == verb or not lo <= head < hi:
            return None
    else:
        verb = tokens[verb].head  # no verb in ten tokens: the clause of the token above them
    if tokens[verb].lemma.lower() in REPORTING_VERBS:
        return None  # "…, emergency services said on Wednesday": what they said is the event
    kept: set[int] = set()
    stack = [verb]
    while stack:
        k = stack.pop()
        kept.add(k)
        stack.extend(c for c in parse.children(k, clause) if not _other_clause(tokens, c))
    if tokens[verb].dep == "relcl":
        # "which opened in 1971" reads as "The bridge which opened in 1971"
        noun = tokens[verb].head
        kept.add(noun)
        kept.update(
            c
            for c in parse.children(noun, clause)
            if tokens[c].dep in {"det", "compound", "poss", "amod"}
        )
    # a comma or dash that opened or closed a clause left out goes with it
    kept = {
        k
        for k in kept
        if tokens[k].pos != "PUNCT"
        or parse.word(k) in ".!?”’\"'"
        or ((k - 1) in kept and (k + 1) in kept)
    }
    runs: list[tuple[int, int]] = []
    for k in sorted(kept):
        if runs and k == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    text = parse.text
    pieces = [text[tokens[a].start : tokens[b].end] for a, b in runs]
    out = " ".join(pieces)
    out = re.sub(r"\s+([,.;:!?”’)])", r"\1", out)
    out = re.sub(r"([,;:–—-]\s*)+(?=[,.;:])", "", out)
    out = re.sub(r"^[\s,;:–—-]+|[\s,;:–—-]+$", "", out)
    return out if len(out.split()) >= 4 else None


def _other_clause(tokens: Sequence[Token], k: int) -> bool:
    tok = tokens[k]
    if tok.dep in _OTHER_CLAUSES:
        return True
    # "…, and Kim met Putin": a coordinated verb is its own clause; "Corvania and Ludmark" is not
    return tok.dep == "conj" and tok.pos in {"VERB", "AUX"}


def _dates_an_event(mention: TimeMention, time: TimeExpression) -> bool:
    """A date at its own precision that names when something happened or is to happen."""
    form = mention.form
    if time.kind != "date" or time.when is None or form.form == "recent":
        return False
    if form.form == "unit" and form.shift == 0 and form.unit in {"week", "year", "month", "decade"}:
        return False  # "this year": the frame of the whole story, not an event's date
    if COARSENESS[time.when.precision] > COARSENESS[form.precision]:
        return False  # only known more coarsely than it was written ("on Monday" → "2023")
    return (time.when.latest - time.when.earliest).days <= 366 or form.form == "calendar"


def _quote_groups(quotes: Sequence[Quote]) -> dict[tuple[str, int], str]:
    """Quote group by (article, position), for statements that carry a grouped quote."""
    return {(q.span.article_id, q.span.start): q.group for q in quotes if q.group}


def _merge(
    candidates: list[_Candidate],
    vectors: np.ndarray,
    groups: dict[tuple[str, int], str],
) -> list[list[int]]:
    """Candidates of one date, merged by average linkage (best pair first) into events."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(candidates):
        buckets[c.date.when.label if c.date.when else ""].append(i)
    starts: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (article, start), group in groups.items():
        starts[article].append((start, group))
    group_of: dict[int, str] = {}
    for i, c in enumerate(candidates):
        for start, group in starts.get(c.span.article_id, ()):
            if c.span.start <= start < c.span.end:
                group_of[i] = group
    rows: list[list[int]] = []
    for members in buckets.values():
        sims = vectors[members] @ vectors[members].T
        quoted = [group_of.get(i) for i in members]
        if any(quoted):
            ids = {g: k for k, g in enumerate(dict.fromkeys(g for g in quoted if g))}
            code = np.array([ids[g] if g else -1 - k for k, g in enumerate(quoted)])
            sims[code[:, None] == code[None, :]] = 1.0  # the same quote, reported twice
        when = candidates[members[0]].date.when
        threshold = LINK_COARSE if when and when.precision in {"month", "year"} else LINK
        rows += [[members[a] for a in cl] for cl in average_linkage(sims, threshold)]
    return rows


def average_linkage(sims: np.ndarray, threshold: float) -> list[list[int]]:
    """Clusters of ``sims``' rows, merged while their mean pairwise similarity >= ``threshold``.

    scipy's average linkage (UPGMA) on the distances 1 − similarity, cut where the mean
    distance passes 1 − ``threshold``. Members are sorted, clusters by their first member.
    Means that tie exactly are merged in scipy's order (its nearest-neighbour chain), which
    only matters when the tied pairs share a row.

    Example:
        >>> s = np.array([[1, 0.9, 0.1], [0.9, 1, 0.2], [0.1, 0.2, 1]])
        >>> average_linkage(s, 0.5)
        [[0, 1], [2]]
    """
    from scipy.cluster.hierarchy import fcluster, linkage

    n = len(sims)
    if n < 2:
        return [[i] for i in range(n)]
    pairs = np.asarray(sims, dtype=np.float64)[np.triu_indices(n, 1)]  # scipy's condensed order
    # Distances from the highest similarity, so that none is negative: a cosine rounds to
    # just over 1 for two copies of one sentence.
    top = max(1.0, float(pairs.max()))
    labels = fcluster(linkage(top - pairs, method="average"), top - threshold, "distance")
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels.tolist()):
        clusters[label].append(i)
    return sorted(clusters.values())


def _event(candidates: list[_Candidate], row: list[int], vectors: np.ndarray) -> Event:
    centre = vectors[row].mean(axis=0)
    lead = max(row, key=lambda i: (float(vectors[i] @ centre), -i))
    support = tuple(dict.fromkeys(candidates[i].span for i in row))
    dates = tuple(dict.fromkeys(candidates[i].date.span for i in row))
    first = candidates[row[0]]
    assert first.date.when is not None
    expected = all(candidates[i].expected for i in row)  # until one outlet reports it done
    return Event(first.date.when, _short(candidates[lead].text), support, dates, expected)


def _inherit(
    events: list[Event],
    candidates: list[_Candidate],
    rows: list[list[int]],
    alignment: Alignment,
    published: dict[str, Dating | None],
) -> list[Event]:
    """Let an undated statement join the dated event it is most closely aligned with."""
    row_of = {candidates[i].span: k for k, row in enumerate(rows) for i in row}
    dated = set(row_of)
    best: dict[Span, tuple[float, int]] = {}
    for i, j, score in alignment.pairs:
        if score < INHERIT:
            continue
        a, b = alignment.statements[i], alignment.statements[j]
        for own, other in ((a, b), (b, a)):
            if own.span in dated or other.span not in row_of:
                continue
            k = row_of[other.span]
            event = events[k]
            if own.hedged != event.expected or own.span.article_id in event.article_ids:
                continue
            if not _possible(own.span.article_id, event, published):
                continue
            if own.span not in best or score > best[own.span][0]:
                best[own.span] = (score, k)
    extra: dict[int, list[Span]] = defaultdict(list)
    for span, (_, k) in best.items():
        extra[k].append(span)
    out = []
    for k, event in enumerate(events):
        if extra[k]:
            support = tuple(sorted(set(event.support) | set(extra[k]), key=_order(events[k])))
            event = Event(event.when, event.text, support, event.dates, event.expected)
        out.append(event)
    return out


def _order(event: Event) -> Callable[[Span], tuple[int, str, int]]:
    first = {a: i for i, a in enumerate(event.article_ids)}
    return lambda s: (first.get(s.article_id, len(first)), s.article_id, s.start)


def _possible(article_id: str, event: Event, published: dict[str, Dating | None]) -> bool:
    """An article reports as done only what happened by the time it was written."""
    dating = published.get(article_id)
    if dating is None:
        return True
    if event.expected:
        return dating.when.earliest <= event.when.latest
    return dating.when.latest >= event.when.earliest


def _short(text: str) -> str:
    """The statement as a row's text: whitespace folded, long ones cut at a word."""
    words = " ".join(text.split()).split(" ")
    if len(words) <= MAX_WORDS:
        return " ".join(words)
    cut = " ".join(words[:MAX_WORDS])
    return re.sub(r"[,;:–—-]+$", "", cut) + " …"
