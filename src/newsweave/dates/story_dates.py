"""The day each article was written: from its metadata, its own text, or the story's other reports.

In order of strength:

1. **Metadata**: a record's date field, the HTML page's date, the feed entry's date.
2. **The article's own date lines**: a full date in a byline, dateline, "Published …" or
   "Updated …" line or an editor's note ("Further details were added to this report on
   Sept 12, 2023"), or in its URL.
3. **A dateline without its year** ("KESSAN, June 11 (CNW) -"): the year is the one in which
   that day falls on the weekday the report names as its own ("signed on Wednesday"),
   after the latest year it speaks of in the past, and not after today.
4. **The story's other reports.** Each undated article is placed on the day that agrees
   best with what it shares with dated ones, scored over the days around them:

   * the same event dated in both ("arrived on Tuesday" here, 12 September there): the
     article was written on a day from which its words point to the same date;
   * an event it reports as past that another report dates: it was written after it;
   * an expectation ("would travel") of an event another report gives as past: before it;
   * its own dates and their tense ("the forum, scheduled for 10-13 September": before 10
     September).

   A day is given only when one day scores best, or when the weekdays the article names
   single one out among the best (a report names its own day: "arrived on Tuesday"; it
   looks ahead to days still to come: "could meet on Wednesday"). Otherwise the article
   gets the week, month or year that holds every best day, and never an invented day.

Inferred datings are marked ``inferred`` and carry the evidence they rest on.
:func:`infer_datings` finds them; :func:`date_articles` sets each on its article, with the
day as ``published`` when it is known to the day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from newsweave.dates.article_date import (
    best_by_weekdays,
    dateline_dating,
    own_dating,
    year_floor,
    yearless_dateline,
)
from newsweave.dates.calendar import coarsest_when, resolve_time
from newsweave.lexicon.reporting import REPORTING_VERBS
from newsweave.model import Alignment, Annotation, Dating, Span, TimeMention, When

MIN_PAIR = 0.30  # least statement similarity for two reports to count as telling one event
WINDOW_BEFORE = 21  # days before the earliest dated report that an undated one may be from
WINDOW_AFTER = 14
ROUNDS = 4  # datings redone with each other's results; they settle in two or three
BEFORE_WEIGHT = 0.5  # an expectation is weaker evidence than a report of what happened


@dataclass(frozen=True, slots=True)
class _Clue:
    """Something an article says that holds on some days of writing and not on others."""

    weight: float
    holds: Callable[[dt.date], bool]
    span: Span
    after: dt.date | None = None  # an event it reports as past, dated by another outlet


def infer_datings(
    annotations: Sequence[Annotation],
    mentions: Sequence[Sequence[TimeMention]],
    alignment: Alignment | None,
    today: dt.date,
) -> tuple[Dating | None, ...]:
    """A :class:`Dating` for each article of one story, or None where nothing tells."""
    n = len(annotations)
    own = [own_dating(a, today) for a in annotations]
    datelines = [yearless_dateline(a) for a in annotations]
    floors = [year_floor(ms) for ms in mentions]
    story_floor = max((f for f in floors if f is not None), default=None)
    # Datelines without a year: from the dated reports' year if there are any, else from the
    # weekdays each names, then again with what that gave.
    for _ in range(2):
        for i in range(n):
            dateline = datelines[i]
            if own[i] is None and dateline is not None:
                days = [d.when.earliest for d in own if d is not None and d.when.exact]
                own[i] = dateline_dating(dateline, mentions[i], floors[i], story_floor, days, today)
    datings = list(own)
    statements = _statement_times(annotations, mentions, alignment)
    pairs = _pairs_by_article(statements, alignment)
    # Undated reports from the dated ones; a report dated this way is evidence for the others
    # in the next round, and every such dating is redone with all the others until none moves.
    for _ in range(ROUNDS):
        changed = False
        for i in range(n):
            if own[i] is not None:
                continue
            anchors = {
                k: d for k, d in enumerate(datings) if k != i and d is not None and d.when.exact
            }
            if not anchors:
                continue
            found = _from_story(i, annotations, mentions[i], statements, pairs, anchors, today)
            if found != datings[i]:
                datings[i] = found
                changed = True
        if not changed:
            break
    return tuple(datings)


def date_articles(
    annotations: Sequence[Annotation],
    mentions: Sequence[Sequence[TimeMention]],
    alignment: Alignment | None = None,
    *,
    today: dt.date | None = None,
) -> tuple[Annotation, ...]:
    """The annotations with each article's ``dating`` (and ``published`` when a day is known).

    Args:
        annotations: one story's annotated articles.
        mentions: :func:`~newsweave.dates.mentions.find_time_mentions` of each, in the same
            order.
        alignment: the story's aligned statements; reports of the same event across
            outlets tie undated articles to dated ones.
        today: no article is dated after this day (default: the system's date).
    """
    today = today or dt.datetime.now().astimezone().date()
    datings = infer_datings(annotations, mentions, alignment, today)
    out: list[Annotation] = []
    for annotation, dating in zip(annotations, datings, strict=True):
        article = annotation.article
        if dating is None:
            out.append(annotation)
            continue
        day = dating.when.earliest if dating.when.exact else None
        article = replace(
            article,
            dating=dating,
            published=day if day is not None else article.published,
            published_inferred=dating.inferred,
        )
        out.append(replace(annotation, article=article))
    return tuple(out)


# --- the story's other reports --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _StatementTime:
    article: int
    span: Span
    hedged: bool
    relative: tuple[TimeMention, ...]  # relative date mentions in it, events first
    event: TimeMention | None  # the mention that dates what it reports, if any


def _statement_times(
    annotations: Sequence[Annotation],
    mentions: Sequence[Sequence[TimeMention]],
    alignment: Alignment | None,
) -> list[_StatementTime]:
    if alignment is None:
        return []
    index = {a.article.id: i for i, a in enumerate(annotations)}
    by_article: dict[int, list[TimeMention]] = defaultdict(list)
    for i, ms in enumerate(mentions):
        by_article[i] = [m for m in ms if m.form.kind == "date"]
    out = []
    for st in alignment.statements:
        i = index.get(st.span.article_id, -1)
        inside = [
            m
            for m in by_article.get(i, ())
            if st.span.start <= m.span.start and m.span.end <= st.span.end
        ]
        inside.sort(key=lambda m: m.governor in REPORTING_VERBS)  # what happened before who said it
        event = inside[0] if inside else None
        relative = tuple(m for m in inside if m.form.relative)
        out.append(_StatementTime(i, st.span, st.hedged, relative, event))
    return out


def _pairs_by_article(
    statements: list[_StatementTime], alignment: Alignment | None
) -> dict[int, list[tuple[_StatementTime, _StatementTime, float]]]:
    """Each article's aligned statement pairs (its own statement first), close enough to use."""
    out: dict[int, list[tuple[_StatementTime, _StatementTime, float]]] = defaultdict(list)
    for i, j, score in alignment.pairs if alignment is not None else ():
        if score < MIN_PAIR:
            continue
        a, b = statements[i], statements[j]
        out[a.article].append((a, b, score))
        out[b.article].append((b, a, score))
    return out


def _from_story(
    target: int,
    annotations: Sequence[Annotation],
    mentions: Sequence[TimeMention],
    statements: list[_StatementTime],
    pairs: dict[int, list[tuple[_StatementTime, _StatementTime, float]]],
    anchors: dict[int, Dating],
    today: dt.date,
) -> Dating | None:
    clues = _own_clues(mentions) + _story_clues(pairs.get(target, []), anchors)
    # The days around the dated reports (not every day between a 2005 and a 2013 one).
    around = {
        a + dt.timedelta(days=k)
        for a in {d.when.earliest for d in anchors.values()}
        for k in range(-WINDOW_BEFORE, WINDOW_AFTER + 1)
    }
    grid = sorted(day for day in around if day <= today)
    if not grid:
        return None
    inside = set(grid)
    holds = [[c.holds(day) for day in grid] for c in clues]
    scores = [
        sum(c.weight for c, row in zip(clues, holds, strict=True) if row[d])
        for d in range(len(grid))
    ]
    best = max(scores)
    top = [day for day, s in zip(grid, scores, strict=True) if s >= best - 1e-9]
    at = grid.index(top[0])
    # The evidence: what holds on the day found but not on every day around the story.
    support = tuple(
        dict.fromkeys(
            c.span for c, row in zip(clues, holds, strict=True) if row[at] and not all(row)
        )
    )
    sources = sorted({annotations[i].article.source for i in anchors if i != target})
    story = "the story's other reports (" + ", ".join(sources[:4]) + ")"
    if len(top) == 1 and clues:
        return Dating(When.on(top[0]), True, f"agrees with {story}", support)
    window: list[dt.date] = []
    if (top[-1] - top[0]).days <= 6:
        window = top
    else:
        edges = [c.after for c in clues if c.after is not None and c.after in top]
        if edges:
            edge = max(edges)
            window = [d for d in top if edge <= d <= edge + dt.timedelta(days=6)]
    picked = best_by_weekdays(window, mentions, require_own_day=False)
    named = tuple(m.span for m in mentions if m.form.form == "weekday")
    if clues and len(picked) == 1:
        return Dating(When.on(picked[0]), True, f"weekdays agree with {story}", support + named)
    near = coarsest_when(picked[0], picked[-1], "week") if clues and picked else None
    if near is not None:
        # two or three days fit the weekdays about as well: say so rather than pick one
        return Dating(near, True, f"weekdays fit these days, with {story}", support + named)
    first, last = top[0], top[-1]
    open_before = first - dt.timedelta(days=1) not in inside
    open_after = last + dt.timedelta(days=1) not in inside or last == today
    if open_before or open_after or not clues:
        # The evidence leaves it open on one side: the year of the story at most, if that.
        first = dt.date(first.year, 1, 1) if open_before or not clues else first
        last = min(today, dt.date(last.year, 12, 31)) if open_after or not clues else last
        when = coarsest_when(first, last, "year")
    else:
        when = coarsest_when(first, last)
    if when is None:
        return None
    return Dating(when, True, f"between {first} and {last}, from {story}", support)


def _own_clues(mentions: Sequence[TimeMention]) -> list[_Clue]:
    """What the article's own dates and their tenses say about when it was written."""
    clues: list[_Clue] = []
    for m in mentions:
        form = m.form
        if form.kind != "date" or m.tense not in {"past", "future"}:
            continue
        if not form.relative:
            when = resolve_time(form, None)
            if when is None:
                continue
            weight = 0.6 if when.precision == "year" else 1.0
            if m.tense == "past":
                clues.append(_Clue(weight, _on_or_after(when.earliest), m.span))
            else:
                clues.append(_Clue(weight, _on_or_before(when.latest), m.span))
        elif form.form == "calendar" and form.day is not None and form.year_shift is None:
            # "the forum, scheduled to take place from 10-13 September": still to come
            clues.append(_Clue(1.0, _calendar_tense_holds(m), m.span))
    return clues


def _calendar_tense_holds(m: TimeMention) -> Callable[[dt.date], bool]:
    def holds(day: dt.date) -> bool:
        nearest = resolve_time(m.form, day, "unknown")
        if nearest is None:
            return False
        if m.tense == "future":
            return nearest.earliest >= day
        return nearest.earliest <= day

    return holds


def _story_clues(
    pairs: list[tuple[_StatementTime, _StatementTime, float]], anchors: dict[int, Dating]
) -> list[_Clue]:
    """Clues from the target's statements aligned with statements of dated reports."""
    # One statement tells one event: each counts once, through its closest dated report.
    best: dict[Span, tuple[float, _StatementTime, _StatementTime]] = {}
    for a, b, score in pairs:
        if b.article not in anchors or b.event is None:
            continue
        if a.span not in best or score > best[a.span][0]:
            best[a.span] = (score, a, b)
    clues: list[_Clue] = []
    for score, a, b in best.values():
        assert b.event is not None
        ref = anchors[b.article].when.earliest
        event = resolve_time(b.event.form, ref, b.event.tense)
        if event is None or event.precision == "year":
            continue
        if a.relative:
            clues.append(_Clue(score, _same_day_holds(a.relative[0], event), a.span))
        elif b.event.tense == "future" or b.hedged:
            continue
        elif not a.hedged and event.precision == "day":
            clues.append(_Clue(score, _on_or_after(event.earliest), a.span, event.earliest))
        elif a.hedged and b.event.tense == "past":
            clues.append(_Clue(score * BEFORE_WEIGHT, _before(event.earliest), a.span))
    return clues


def _same_day_holds(mention: TimeMention, event: When) -> Callable[[dt.date], bool]:
    ahead = mention.tense == "future" and mention.form.form == "weekday"

    def holds(day: dt.date) -> bool:
        when = resolve_time(mention.form, day, mention.tense)
        if when is None or (ahead and when.earliest == day):
            return False  # "will announce on Wednesday" is not written on that Wednesday
        return when.overlaps(event)

    return holds


def _on_or_after(first: dt.date) -> Callable[[dt.date], bool]:
    return lambda day: day >= first


def _on_or_before(last: dt.date) -> Callable[[dt.date], bool]:
    return lambda day: day <= last


def _before(first: dt.date) -> Callable[[dt.date], bool]:
    return lambda day: day < first
