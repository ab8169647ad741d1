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
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsweave.calendar_dates import find_full_dates, parse_full_date
from newsweave.calendar_values import coarsest_when, resolve_time
from newsweave.clean_lines import DATELINE
from newsweave.model import Alignment, Annotation, Dating, Span, TimeMention, When
from newsweave.temporal import parse_time

MIN_PAIR = 0.30  # least statement similarity for two reports to count as telling one event
WINDOW_BEFORE = 21  # days before the earliest dated report that an undated one may be from
WINDOW_AFTER = 14
YEARS_BACK = 30  # how far back a dateline without its year is looked for
BEFORE_WEIGHT = 0.5  # an expectation is weaker evidence than a report of what happened
_REPORTING = frozenset(
    {"say", "tell", "report", "add", "state", "announce", "confirm", "quote", "write", "claim"}
)
_DATE_LINE_REASONS = frozenset({"byline", "credit", "editor_note", "dateline", "timestamp"})
_UPDATE = re.compile(
    r"\b(?:updated?|amended|corrected|added|modified|edited|revised|changed)\b", re.IGNORECASE
)
_LABELLED = re.compile(
    r"\b(?:published|posted|updated?|first published|last modified|created|filed|dated?|"
    r"amended|corrected|further details)\b",
    re.IGNORECASE,
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](\d{1,2}|[a-z]{3,9})[/-](\d{1,2})(?=[/-]|$)|[/-]((?:19|20)\d\d)(\d\d)(\d\d)(?=[/.-]|$)"
)


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
    own = [_own_dating(a, today) for a in annotations]
    datelines = [_yearless_dateline(a) for a in annotations]
    floors = [_year_floor(ms) for ms in mentions]
    story_floor = max((f for f in floors if f is not None), default=None)
    # Datelines without a year: from the dated reports' year if there are any, else from the
    # weekdays each names, then again with what that gave.
    for _ in range(2):
        for i in range(n):
            dateline = datelines[i]
            if own[i] is None and dateline is not None:
                days = [d.when.earliest for d in own if d is not None and d.when.exact]
                own[i] = _date_dateline(dateline, mentions[i], floors[i], story_floor, days, today)
    datings = list(own)
    statements = _statement_times(annotations, mentions, alignment)
    # Undated reports from the dated ones; a report dated this way is evidence for the others
    # in the next round, and every such dating is redone with all the others until none moves.
    for _ in range(max(n, 2)):
        changed = False
        for i in range(n):
            if own[i] is not None:
                continue
            anchors = {
                k: d for k, d in enumerate(datings) if k != i and d is not None and d.when.exact
            }
            if not anchors:
                continue
            found = _from_story(i, annotations, mentions[i], statements, alignment, anchors, today)
            if found != datings[i]:
                datings[i] = found
                changed = True
        if not changed:
            break
    return tuple(datings)


# --- an article's own date ------------------------------------------------------------------


def _own_dating(annotation: Annotation, today: dt.date) -> Dating | None:
    article = annotation.article
    if article.published is not None and not article.published_inferred:
        return Dating(_day(article.published), False, "metadata")
    raw = dict(article.meta).get("date_raw")
    if raw:
        day = parse_full_date(raw)
        if day is not None:
            return Dating(_day(day), False, f"metadata ({raw!r})")
    published: list[tuple[dt.date, Span, str]] = []
    updated: list[tuple[dt.date, Span, str]] = []
    for start, end, where in _date_lines(annotation):
        line = article.text[start:end]
        for a, b, day in find_full_dates(line):
            if day > today:
                continue
            found = (day, Span(article.id, start + a, start + b), where)
            (updated if _UPDATE.search(line) else published).append(found)
    if published:
        day, span, where = min(published, key=lambda f: f[0])
        return Dating(_day(day), True, f"date in its {where}", (span,))
    if updated:
        day, span, where = max(updated, key=lambda f: f[0])
        return Dating(_day(day), True, f"date in its {where}", (span,))
    day = _url_date(article.url or "")
    if day is not None and day <= today:
        return Dating(_day(day), True, "date in its URL")
    return None


def _date_lines(annotation: Annotation) -> list[tuple[int, int, str]]:
    """Where a report states its own date: bylines, notes, and short lines at its top or end."""
    article = annotation.article
    out = [
        (r.span.start, r.span.end, r.reason.replace("_", " "))
        for r in article.removed
        if r.reason in _DATE_LINE_REASONS
    ]
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in article.text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    for start, end in lines[:6] + lines[-8:]:
        line = article.text[start:end]
        rest = line
        for a, b, _ in reversed(find_full_dates(line)):
            rest = rest[:a] + rest[b:]
        if len(rest.split()) <= 8 or _LABELLED.search(line) or DATELINE.match(line):
            out.append((start, end, "date line"))
    return out


def _url_date(url: str) -> dt.date | None:
    m = _URL_DATE.search(url.lower())
    if m is None:
        return None
    year, month, day = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
    if not month.isdigit():
        return parse_full_date(f"{day} {month} {year}")
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _yearless_dateline(annotation: Annotation) -> tuple[int, int, Span] | None:
    """(month, day, span) of a dateline that gives no year: "KESSAN, Corvania, June 11 (CNW) -"."""
    article = annotation.article
    for removed in article.removed:
        if removed.reason != "dateline":
            continue
        m = DATELINE.match(removed.span.text(article))
        if m is None or not m.group("date"):
            continue
        when = resolve_time(parse_time(m.group("date")), dt.date(2001, 1, 1), "unknown")
        if when is not None and when.exact:
            start = removed.span.start + m.start("date")
            span = Span(article.id, start, removed.span.start + m.end("date"))
            return when.earliest.month, when.earliest.day, span
    return None


def _year_floor(mentions: Sequence[TimeMention]) -> int | None:
    """The latest year an article speaks of in the past tense ("opened in 1971", "in 2019")."""
    years = [
        w.latest.year
        for m in mentions
        if m.tense == "past" and not m.form.relative and m.form.kind == "date"
        if (w := resolve_time(m.form, None)) is not None
    ]
    return max(years, default=None)


def _date_dateline(
    dateline: tuple[int, int, Span],
    mentions: Sequence[TimeMention],
    floor: int | None,
    story_floor: int | None,
    anchors: list[dt.date],
    today: dt.date,
) -> Dating | None:
    month, day, span = dateline
    lowest = max(floor or 0, today.year - YEARS_BACK)
    candidates = []
    for year in range(lowest, today.year + 1):
        try:
            c = dt.date(year, month, day)
        except ValueError:
            continue
        if c <= today:
            candidates.append(c)
    if anchors:
        near = [c for c in candidates if min(abs((c - a).days) for a in anchors) <= 60]
        if len(near) == 1:
            return Dating(_day(near[0]), True, "dateline; year from the story's reports", (span,))
        return None
    picked = _pick_by_weekdays(candidates, mentions, require_own_day=True)
    if picked is None and story_floor is not None and story_floor > lowest:
        later = [c for c in candidates if c.year >= story_floor]
        picked = _pick_by_weekdays(later, mentions, require_own_day=True)
    if picked is None:
        return None
    return Dating(_day(picked), True, "dateline; year from the weekdays it names", (span,))


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
        inside.sort(key=lambda m: m.governor in _REPORTING)  # what happened before who said it
        event = inside[0] if inside else None
        relative = tuple(m for m in inside if m.form.relative)
        out.append(_StatementTime(i, st.span, st.hedged, relative, event))
    return out


def _from_story(
    target: int,
    annotations: Sequence[Annotation],
    mentions: Sequence[TimeMention],
    statements: list[_StatementTime],
    alignment: Alignment | None,
    anchors: dict[int, Dating],
    today: dt.date,
) -> Dating | None:
    clues = _own_clues(mentions) + _story_clues(target, statements, alignment, anchors)
    days = [d.when.earliest for d in anchors.values()]
    lo = min(days) - dt.timedelta(days=WINDOW_BEFORE)
    hi = min(today, max(days) + dt.timedelta(days=WINDOW_AFTER))
    grid = [lo + dt.timedelta(days=k) for k in range((hi - lo).days + 1)]
    if not grid:
        return None
    scores = [sum(c.weight for c in clues if c.holds(day)) for day in grid]
    best = max(scores)
    top = [day for day, s in zip(grid, scores, strict=True) if s >= best - 1e-9]
    support = tuple(dict.fromkeys(c.span for c in clues if c.holds(top[0])))
    sources = sorted({annotations[i].article.source for i in anchors if i != target})
    story = "the story's other reports (" + ", ".join(sources[:4]) + ")"
    if len(top) == 1 and clues:
        return Dating(_day(top[0]), True, f"agrees with {story}", support)
    window: list[dt.date] = []
    if (top[-1] - top[0]).days <= 6:
        window = top
    else:
        edges = [c.after for c in clues if c.after is not None and c.after in top]
        if edges:
            edge = max(edges)
            window = [d for d in top if edge <= d <= edge + dt.timedelta(days=6)]
    picked = _pick_by_weekdays(window, mentions, require_own_day=False) if clues else None
    if picked is not None:
        named = tuple(m.span for m in mentions if m.form.form == "weekday")
        return Dating(_day(picked), True, f"weekdays agree with {story}", support + named)
    if top[0] == lo or top[-1] == hi or not clues:
        # The evidence leaves it open on one side: only the year of the story, if that.
        when = coarsest_when(top[0], top[-1], "year")
    else:
        when = coarsest_when(top[0], top[-1])
    if when is None:
        return None
    return Dating(when, True, f"between {top[0]} and {top[-1]}, from {story}", support)


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
    target: int,
    statements: list[_StatementTime],
    alignment: Alignment | None,
    anchors: dict[int, Dating],
) -> list[_Clue]:
    if alignment is None:
        return []
    # One statement tells one event: each counts once, through its closest dated report.
    best: dict[Span, tuple[float, _StatementTime, _StatementTime]] = {}
    for i, j, score in alignment.pairs:
        if score < MIN_PAIR:
            continue
        a, b = statements[i], statements[j]
        if b.article == target:
            a, b = b, a
        if a.article != target or b.article not in anchors or b.event is None:
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
        elif b.event.expected or b.hedged:
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


def _pick_by_weekdays(
    days: Sequence[dt.date], mentions: Sequence[TimeMention], *, require_own_day: bool
) -> dt.date | None:
    """The one day from which the weekdays an article names lie closest.

    A report names the days just gone ("on Monday") and the days just ahead ("could meet on
    Wednesday", never today), so the day of writing is the one that puts them nearest.
    With ``require_own_day`` the article must also name that day's weekday as past or present.
    """
    weekdays = [
        m
        for m in mentions
        if m.form.form == "weekday" and m.form.shift in (None, 0) and m.form.weekday is not None
    ]
    if not weekdays or not days:
        return None
    scored = []
    for day in days:
        cost = 0
        own = False
        for m in weekdays:
            assert m.form.weekday is not None
            ahead = (m.form.weekday - day.weekday()) % 7
            back = (7 - ahead) % 7
            if m.tense == "future":
                cost += ahead or 7
            elif m.tense == "present":
                cost += min(ahead, back)
                own = own or ahead == 0
            else:
                cost += back
                own = own or back == 0
        if own or not require_own_day:
            scored.append((cost, day))
    if not scored:
        return None
    scored.sort()
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def _day(day: dt.date) -> When:
    return When(day, day, "day")
