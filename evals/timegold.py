"""Score publication dates and timelines against gold files like ``../shared/gold/facts.json``.

A gold timeline row ``{"when", "what", "support"}`` is *found* when some system row has the
same date (the gold's ``when`` at the system row's precision: a gold time of day counts by
its day) and reports it from at least the gold's outlets. A system row that finds two gold
rows of one date has merged two events into one; it is counted as ``merged``.

Gold ``published`` dates (own stories) are compared with each article's dating: ``exact``
when the system gives that very day, ``holds`` when the system's range contains it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from factgold import prefix_names
from newsweave.model import Briefing, Event


@dataclass
class TimelineScore:
    found: int = 0
    total: int = 0
    merged: int = 0
    rows: list[tuple[str, str, bool, list[str], str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0


def _gold_label(when: str, event: Event) -> str:
    """The gold date written at the precision of ``event``'s date."""
    if "/" in when:
        return when
    day = when.split("T", 1)[0]
    if event.when.precision == "year":
        return day[:4]
    if event.when.precision == "month":
        return day[:7]
    return day


def score_timeline(briefing: Briefing, gold: dict[str, Any]) -> TimelineScore:
    prefixes = {d for row in gold["timeline"] for d in row["support"]}
    prefixes |= set(gold.get("published", {}))
    doc = prefix_names(briefing, prefixes)
    score = TimelineScore()
    hits: dict[int, list[int]] = {}
    for g, row in enumerate(gold["timeline"]):
        score.total += 1
        want = set(row["support"])
        best: tuple[int, Event] | None = None
        for k, event in enumerate(briefing.timeline):
            if event.when.label != _gold_label(row["when"], event):
                continue
            have = {doc[a] for a in event.article_ids}
            if want <= have and (best is None or len(have) < len(best[1].article_ids)):
                best = (k, event)
        ok = best is not None
        score.found += ok
        if best is not None:
            hits.setdefault(best[0], []).append(g)
        got = sorted({doc[a] for a in best[1].article_ids}) if best else []
        text = best[1].text if best else ""
        score.rows.append((row["when"], row["what"], ok, got, text))
    score.merged = sum(len(gs) > 1 for gs in hits.values())
    return score


def score_published(briefing: Briefing, gold: dict[str, Any]) -> tuple[int, int, int]:
    """(exact, holds, total) over the gold's ``published`` dates."""
    want = gold.get("published", {})
    doc = prefix_names(briefing, set(want))
    exact = holds = 0
    for article in briefing.articles:
        day = want.get(doc[article.id])
        if day is None:
            continue
        gold_day = dt.date.fromisoformat(day)
        dating = article.dating
        if dating is None:
            continue
        exact += dating.when.exact and dating.when.earliest == gold_day
        holds += dating.when.earliest <= gold_day <= dating.when.latest
    return exact, holds, len(want)
