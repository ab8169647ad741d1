"""An article's own date: its metadata, its date lines, its URL, or its dateline and weekdays.

:func:`own_dating` looks where a report states when it was written: a record's date field,
a full date in a byline, a timestamp line ("Published 12 Sept 2023"), an editor's note
("Further details were added to this report on Sept 12, 2023") or its URL
(``/2013/05/03/``). :func:`dateline_dating` dates a dateline that gives no year
("KESSAN, June 11 (CNW) -") by the one year in which that day fell on the weekday the
report names as its own. :func:`best_by_weekdays` is that weekday test.

Example:
    >>> from newsweave.text.clean import clean_article
    >>> from newsweave.model import Annotation, Article
    >>> text = "Dam opens\\n\\nIt opened.\\n\\nNOTE: This report was updated on March 5, 2024."
    >>> ann = Annotation(clean_article(Article("a", "Wire", None, text)), (), ())
    >>> own_dating(ann, dt.date(2026, 1, 1)).when.label
    '2024-03-05'
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Sequence

from newsweave.dates.calendar import resolve_time
from newsweave.dates.expressions import parse_time
from newsweave.dates.written import find_full_dates, parse_full_date
from newsweave.model import Annotation, Dating, Span, TimeMention, When
from newsweave.text.datelines import DATELINE

YEARS_BACK = 30  # how far back a dateline without its year is looked for
_DATE_LINE_REASONS = frozenset({"byline", "credit", "editor_note", "dateline", "timestamp"})
_UPDATE = re.compile(
    r"\b(?:updated?|amended|corrected|added|modified|edited|revised|changed)\b", re.IGNORECASE
)
# "Published 12 Sept 2023", "Updated on: Tuesday, 12 September 2023": a label right before it
_LABELLED = re.compile(
    r"\b(?:published|posted|updated?|first published|last modified|created|filed|dated?|"
    r"amended|corrected|added to this report)\b[\s:,-]*(?:on|at)?[\s:,-]*"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$",
    re.IGNORECASE,
)
# htmldate's reading of a URL's date, bounded only by the years its pattern holds (naive,
# as htmldate compares them with the naive dates it reads).
_HTMLDATE_EARLIEST = dt.datetime(1990, 1, 1)  # noqa: DTZ001
_HTMLDATE_LATEST = dt.datetime(2039, 12, 31)  # noqa: DTZ001
# What htmldate leaves: "/2013/may/03/", "/1985/03/12/", "-20230912".
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](\d{1,2}|[a-z]{3,9})[/-](\d{1,2})(?=[/-]|$)|[/-]((?:19|20)\d\d)(\d\d)(\d\d)(?=[/.-]|$)"
)


def own_dating(annotation: Annotation, today: dt.date) -> Dating | None:
    """The date a report gives itself (metadata, date lines, URL), or None."""
    article = annotation.article
    if article.published is not None and not article.published_inferred:
        return Dating(When.on(article.published), False, "metadata")
    raw = dict(article.meta).get("date_raw")
    if raw:
        day = metadata_date(raw)
        if day is not None and day <= today:
            return Dating(When.on(day), False, f"metadata ({raw[:60]!r})")
    found: list[tuple[int, bool, int, dt.date, Span, str]] = []
    for rank, start, end, where in _date_lines(annotation):
        line = article.text[start:end]
        for a, b, day in find_full_dates(line):
            if day > today:
                continue
            updated = bool(_UPDATE.search(line[: a + 1]))
            span = Span(article.id, start + a, start + b)
            found.append((rank, updated, span.start, day, span, where))
    if found:
        # the strongest kind of line; a "published" date before an "updated" one; the first
        # published date, or the last update when only updates are given
        best = min(r for r, *_ in found)
        top = [f for f in found if f[0] == best]
        published = [f for f in top if not f[1]]
        rank, _, _, day, span, where = (
            min(published, key=lambda f: f[2]) if published else max(top, key=lambda f: f[3])
        )
        return Dating(When.on(day), True, f"date in its {where}", (span,))
    day = url_date(article.url or "")
    if day is not None and day <= today:
        return Dating(When.on(day), True, "date in its URL")
    return None


def metadata_date(raw: str) -> dt.date | None:
    """The day of a date field as feeds and APIs write it, in any common form, else None.

    Example:
        >>> metadata_date("Tue, 12 Sep 2023 10:00:00 GMT"), metadata_date("2023-09-12 10:00")
        (datetime.date(2023, 9, 12), datetime.date(2023, 9, 12))
    """
    text = raw.strip()[:100]
    iso = re.match(r"(\d{4})-(\d\d)-(\d\d)(?:[T ]|$)", text)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date()  # RFC 2822, as feeds write it
    except (TypeError, ValueError, IndexError):
        pass
    found = find_full_dates(text)
    if found:
        return found[0][2]
    return parse_full_date(text)


def _date_lines(annotation: Annotation) -> list[tuple[int, int, int, str]]:
    """Where a report states its own date, strongest first, as (rank, start, end, where).

    0: lines the cleaner set apart as a timestamp, dateline, byline or editor's note;
    1: short lines at the top or the end that hold little besides a date;
    2: lines at the top or the end where "Published", "Updated" or the like leads to a date.
    """
    article = annotation.article
    out = [
        (0, r.span.start, r.span.end, r.reason.replace("_", " "))
        for r in article.removed
        if r.reason in _DATE_LINE_REASONS
    ]
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in article.text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    edges = lines[:6] + [x for x in lines[-8:] if x not in lines[:6]]
    for start, end in edges:
        line = article.text[start:end]
        dates = find_full_dates(line)
        if not dates:
            continue
        rest = line
        for a, b, _ in reversed(dates):
            rest = rest[:a] + rest[b:]
        if len(rest.split()) <= 8:
            out.append((1, start, end, "date line"))
        elif any(_LABELLED.search(line[max(0, a - 40) : a]) for a, _, _ in dates):
            out.append((2, start, end, "date line"))
    return out


def url_date(url: str) -> dt.date | None:
    """The date written in a URL (``/2023/09/12/``, ``/2023/sep/12/``, ``-20230912``), else None.

    htmldate reads a year, month and day in digits wherever the URL writes them
    (``/2023/09/12/``, ``/news-2023-09-12.html``, ``/2023_09_12_``), in the years it holds
    plausible (1990-2039). What it leaves is read here: the month as a word (``/2013/may/03/``,
    as the Guardian writes it), the eight digits written together (``/20230912/``) and the
    years outside those (``/1985/03/12/``: a print archive's report, dated as printed).

    Example:
        >>> url_date("https://example.org/news/2013/may/03/dam-opens")
        datetime.date(2013, 5, 3)
    """
    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    # No bound on the day but the years htmldate reads: own_dating keeps it from after the
    # run's day, which htmldate's default (the clock's today) would not make reproducible.
    bounds = Extractor(
        extensive=False,
        max=_HTMLDATE_LATEST,
        min=_HTMLDATE_EARLIEST,
        original=True,
        format="%Y-%m-%d",
    )
    found = extract_url_date(url, bounds)
    if found is not None:
        return dt.date.fromisoformat(found)
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


def yearless_dateline(annotation: Annotation) -> tuple[int, int, Span] | None:
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


def year_floor(mentions: Sequence[TimeMention]) -> int | None:
    """The latest year an article speaks of in the past tense ("opened in 1971", "in 2019")."""
    years = [
        w.latest.year
        for m in mentions
        if m.tense == "past" and not m.form.relative and m.form.kind == "date"
        if (w := resolve_time(m.form, None)) is not None
    ]
    return max(years, default=None)


def dateline_dating(
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
            return Dating(
                When.on(near[0]), True, "dateline; year from the story's reports", (span,)
            )
        return None
    picked = best_by_weekdays(candidates, mentions, require_own_day=True)
    if len(picked) != 1 and story_floor is not None and story_floor > lowest:
        later = [c for c in candidates if c.year >= story_floor]
        picked = best_by_weekdays(later, mentions, require_own_day=True)
    if len(picked) != 1:
        return None
    return Dating(When.on(picked[0]), True, "dateline; year from the weekdays it names", (span,))


def best_by_weekdays(
    days: Sequence[dt.date],
    mentions: Sequence[TimeMention],
    *,
    require_own_day: bool,
    margin: int = 1,
) -> list[dt.date]:
    """The days from which the weekdays an article names lie closest, within ``margin``.

    A report names the days just gone ("on Monday") and the days just ahead ("could meet on
    Wednesday", never today), so the day of writing is the one that puts them nearest; days
    that do almost as well (by less than ``margin`` days in all) are returned with it.
    With ``require_own_day`` the article must also name that day's weekday as past or present.
    """
    weekdays = [
        m
        for m in mentions
        if m.form.form == "weekday" and m.form.shift in (None, 0) and m.form.weekday is not None
    ]
    if not weekdays or not days:
        return []
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
        return []
    best = min(cost for cost, _ in scored)
    return sorted(day for cost, day in scored if cost < best + margin)
