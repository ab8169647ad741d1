"""Publication dates and time expressions on real news: EventStoryLine, with baselines.

Usage:  python bench/dates.py [--stories N]

EventStoryLine v1.5 (258 ECB+ articles, 22 stories; read from ``shared/corpora``) gives
each article's publication date (DCT) where the annotators knew it, and a normalised value
for every date expression. Printed:

1. **Publication dates, as read**: each story briefed as it comes (date lines, URLs).
2. **Publication dates, date lines hidden**: one article at a time loses its URL and every
   sentence holding its date, and is dated from its own words and the story's other
   articles (leave-one-out). Beside it, the baseline that gives it the date most of the
   story's other articles carry.
3. **Date expressions** against the gold values, with the article's gold date given: ours
   end to end (finding the expression in spaCy's DATE spans, then resolving it), ours on
   the gold spans, and dateparser on the gold spans (``RELATIVE_BASE`` = the article's date,
   ``PREFER_DATES_FROM = past``), the usual quick solution.
4. **Speed**: articles per second for finding date expressions, for dating the articles
   and for the timeline (expressions resolved, rows merged), on this machine's cores.
5. **Timeline rows on ECB+** (topics 1, 12, 13, each two events of one kind): of the
   pairs of sentences from different articles that a timeline row puts together, the share
   that ECB+ annotators put in one event chain (only annotated sentences count), beside
   the same figure for the facts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _esc import EscDoc, GoldTime, load_esc
from newsweave.dates.calendar import resolve_time, resolve_times
from newsweave.dates.expressions import parse_time
from newsweave.dates.mentions import find_time_mentions
from newsweave.dates.story_dates import date_articles
from newsweave.dates.timeline import build_timeline
from newsweave.entities import resolve_entities
from newsweave.facts.align import align_facts
from newsweave.model import Annotation, Dating, When
from newsweave.nlp.annotate import annotate
from newsweave.text.clean import clean_article

TODAY = dt.date(2026, 12, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=0, help="only the first N stories")
    args = parser.parse_args()
    stories = load_esc()
    names = list(stories)[: args.stories] if args.stories else list(stories)
    print(
        f"EventStoryLine v1.5: {len(names)} stories, {sum(len(stories[n]) for n in names)} "
        f"articles; {os.cpu_count()} cores\n"
    )
    as_read: dict[str, Dating | None] = {}
    hidden: dict[str, Dating | None] = {}
    baseline: dict[str, str | None] = {}
    times_found: list[tuple[GoldTime, str | None, str | None, str | None]] = []
    clock = Counter[str]()
    count = Counter[str]()
    for name in names:
        docs = stories[name]
        full = _annotate([d.article for d in docs])
        covered = _annotate([d.hidden for d in docs])
        alignment = align_facts(full, resolve_entities(full))  # the facts stage's work
        t0 = time.perf_counter()
        mentions = [find_time_mentions(a) for a in full]
        clock["mentions"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        dated = date_articles(full, mentions, alignment, today=TODAY)
        clock["dating"] += time.perf_counter() - t0
        count["mentions"] += len(docs)
        count["dating"] += len(docs)
        t0 = time.perf_counter()
        times = resolve_times(dated, mentions)
        build_timeline(dated, mentions, times, alignment)
        clock["timeline"] += time.perf_counter() - t0
        count["timeline"] += len(docs)
        for doc, annotation in zip(docs, dated, strict=True):
            as_read[doc.article.id] = annotation.article.dating
        for k, doc in enumerate(docs):
            if not doc.dct:
                continue
            story = list(full)
            story[k] = covered[k]
            ms = [find_time_mentions(a) for a in story]
            al = align_facts(story, resolve_entities(story))
            out = date_articles(story, ms, al, today=TODAY)
            hidden[doc.article.id] = out[k].article.dating
            others = [
                as_read[d.article.id]
                for j, d in enumerate(docs)
                if j != k and as_read.get(d.article.id)
            ]
            days = Counter(d.when.label for d in others if d is not None and d.when.exact)
            baseline[doc.article.id] = days.most_common(1)[0][0] if days else None
        times_found += _time_values(docs, full)
    gold = {d.article.id: d.dct for n in names for d in stories[n] if d.dct}
    print("1-2. Publication dates (articles with a gold date)")
    print(f"{'setting':38} {'n':>4} {'exact day':>10} {'in range':>9} {'wrong':>6} {'none':>5}")
    _row("as read", as_read, gold)
    _row("date lines hidden (ours)", hidden, gold)
    _row("date lines hidden (story's usual date)", _as_datings(baseline), gold)
    _time_table(times_found)
    print("\n4. Speed (spaCy annotation and fact alignment done beforehand, not counted)")
    for stage in ("mentions", "dating", "timeline"):
        rate = count[stage] / clock[stage] if clock[stage] else 0.0
        print(
            f"  {stage:9} {count[stage]:4} articles in {clock[stage]:6.2f} s = {rate:6.1f}/s "
            f"({1000 * clock[stage] / max(count[stage], 1):.1f} ms per article)"
        )
    _timeline_on_ecb()


def _timeline_on_ecb() -> None:
    from _ecbplus import annotated_sentences, gold_sentence_pairs, load_ecb_docs
    from align import pairing_on_ecb
    from newsweave.facts.disputes import find_disputes
    from newsweave.model import Fact

    print("\n5. Timeline rows on ECB+ (pairs of sentences put together, against event chains)")
    print(
        f"{'topic':8} {'articles':>8} {'rows':>5} {'multi':>6} {'rows: precision':>16} "
        f"{'pairs':>6} {'facts: precision':>17} {'pairs':>6}"
    )
    for topic in ("1", "12", "13"):
        try:
            docs = load_ecb_docs([topic])
        except Exception as exc:  # the corpus is optional: say why and go on
            print(f"  ECB+ not available ({exc})")
            return
        annotations = _annotate([d.article for d in docs])
        entities = resolve_entities(annotations)
        alignment = align_facts(annotations, entities)
        mentions = [find_time_mentions(a) for a in annotations]
        dated = date_articles(annotations, mentions, alignment, today=TODAY)
        times = resolve_times(dated, mentions)
        rows = build_timeline(dated, mentions, times, alignment)
        facts = find_disputes(alignment, dated, entities, times)
        gold, covered = gold_sentence_pairs(docs), annotated_sentences(docs)
        as_facts = tuple(Fact(f"t{k}", e.text, "shared", e.support) for k, e in enumerate(rows))
        p_rows, _, n_rows = pairing_on_ecb(as_facts, docs, gold, covered)
        p_facts, _, n_facts = pairing_on_ecb(facts, docs, gold, covered)
        multi = sum(len(e.article_ids) > 1 for e in rows)
        print(
            f"{topic:8} {len(docs):8} {len(rows):5} {multi:6} {p_rows:16.2f} {n_rows:6} "
            f"{p_facts:17.2f} {n_facts:6}"
        )


def _annotate(articles: list) -> tuple[Annotation, ...]:
    return annotate([clean_article(a) for a in articles])


def _as_datings(labels: dict[str, str | None]) -> dict[str, Dating | None]:
    out: dict[str, Dating | None] = {}
    for key, label in labels.items():
        if label is None:
            out[key] = None
        else:
            day = dt.date.fromisoformat(label)
            out[key] = Dating(When(day, day, "day"), True, "baseline")
    return out


def _row(name: str, datings: dict[str, Dating | None], gold: dict[str, str]) -> None:
    keys = [k for k in gold if k in datings]
    exact = inside = wrong = none = 0
    for key in keys:
        dating = datings[key]
        want = dt.date.fromisoformat(gold[key])
        if dating is None:
            none += 1
        elif dating.when.exact and dating.when.earliest == want:
            exact += 1
        elif dating.when.earliest <= want <= dating.when.latest:
            inside += 1
        else:
            wrong += 1
    n = len(keys)
    print(
        f"{name:38} {n:4} {_pct(exact, n):>10} {_pct(exact + inside, n):>9} "
        f"{_pct(wrong, n):>6} {_pct(none, n):>5}"
    )


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "-"


def _gold_label(value: str) -> str | None:
    """A TimeML value in our label form, or None when it is not a calendar value."""
    if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value):
        return value
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if m:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return f"{monday + dt.timedelta(days=5)}/{monday + dt.timedelta(days=6)}"
        return f"{monday}/{monday + dt.timedelta(days=6)}"
    m = re.fullmatch(r"(\d{3})X", value)
    if m:
        return f"{m[1]}0/{m[1]}9"
    m = re.fullmatch(r"(\d{4})-\d\d-\d\dT[\d:]+", value)
    if m:
        return value[:10]
    return None


def _time_values(
    docs: list[EscDoc], annotations: tuple[Annotation, ...]
) -> list[tuple[GoldTime, str | None, str | None, str | None]]:
    """(gold, ours end to end, ours on the gold span, dateparser on the gold span)."""
    out = []
    for doc, annotation in zip(docs, annotations, strict=True):
        if not doc.dct:
            continue
        day = dt.date.fromisoformat(doc.dct)
        article = replace(
            annotation.article, published=day, dating=Dating(When(day, day, "day"), False, "gold")
        )
        annotation = replace(annotation, article=article)
        mentions = find_time_mentions(annotation)
        times = resolve_times([annotation], [mentions])
        for gold in doc.times:
            if gold.dct or _gold_label(gold.value) is None:
                continue
            ours = next(
                (t for t in times if t.span.start < gold.end and gold.start < t.span.end), None
            )
            tense = next(
                (m.tense for m in mentions if m.span.start < gold.end and gold.start < m.span.end),
                "unknown",
            )
            on_span = resolve_time(parse_time(gold.text), day, tense)
            out.append(
                (
                    gold,
                    ours.when.label if ours and ours.when else None,
                    on_span.label if on_span else None,
                    _dateparser(gold.text, day, _gold_label(gold.value) or ""),
                )
            )
    return out


def _dateparser(text: str, day: dt.date, gold: str) -> str | None:
    """dateparser's reading of ``text`` at the gold value's precision."""
    import dateparser

    found = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(day.year, day.month, day.day),  # noqa: DTZ001
            "PREFER_DATES_FROM": "past",
        },
    )
    if found is None:
        return None
    d = found.date()
    if "/" in gold:
        first, last = (dt.date.fromisoformat(x) if len(x) == 10 else None for x in gold.split("/"))
        if first and last and first <= d <= last:
            return gold
        return d.isoformat()
    return d.isoformat()[: len(gold)]


def _time_table(rows: list[tuple[GoldTime, str | None, str | None, str | None]]) -> None:
    n = len(rows)
    labels = [_gold_label(g.value) for g, *_ in rows]
    print(f"\n3. Date expressions with a calendar value ({n}; gold article dates given)")
    print(f"{'system':40} {'right':>7} {'found':>7}")
    for k, name in enumerate(
        ("ours, end to end", "ours, on the gold spans", "dateparser, on the gold spans"), start=1
    ):
        right = sum(1 for row, label in zip(rows, labels, strict=True) if row[k] == label)
        found = sum(1 for row in rows if row[k] is not None)
        print(f"{name:40} {_pct(right, n):>7} {_pct(found, n):>7}")


if __name__ == "__main__":
    main()
