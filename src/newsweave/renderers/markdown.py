"""The briefing as a readable Markdown digest. All article-derived text is escaped."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

from newsweave.facts.measures import describe
from newsweave.lexicon.calendar import WEEKDAYS
from newsweave.model import Article, Briefing, Entity, Fact, Quote, Variant
from newsweave.quotes.groups import wording_differences
from newsweave.text.controls import followable_url, printable

_TYPE_HEADINGS = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Places",
    "LOC": "Places",
    "FAC": "Facilities",
    "NORP": "Groups and nationalities",
    "EVENT": "Events",
    "OTHER": "Other",
}
# Characters that Markdown would interpret inside a line (links, emphasis, HTML, tables,
# entities). Our own text starts every line, so line-start markers ("#", "-") need nothing.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&])")
_MAX_ENTITIES_PER_TYPE = 25


def escape(text: str) -> str:
    """Escape ``text`` so a Markdown renderer shows it literally, on one line.

    Example:
        >>> print(escape("<b>*x*</b> Kim Jong-un (AP)"))
        \\<b\\>\\*x\\*\\</b\\> Kim Jong-un (AP)
    """
    return _SPECIAL.sub(r"\\\1", " ".join(printable(text).split()))


def outlet_link(source: str, url: str | None) -> str:
    """The outlet's name, escaped, as a link to ``url`` when that is an http(s) address.

    Example:
        >>> outlet_link("Wire", "https://example.org/a|b"), outlet_link("Wire", "javascript:x")
        ('[Wire](<https://example.org/a%7Cb>)', 'Wire')
    """
    link = followable_url(url)
    if link is None:
        return escape(source)
    for char, code in (("<", "%3C"), (">", "%3E"), ("|", "%7C")):
        link = link.replace(char, code)
    return f"[{escape(source)}](<{link}>)"


def render_markdown(briefing: Briefing) -> str:
    """A digest: the story, its articles, who and what is named, and rejected inputs."""
    out = [f"# {escape(briefing.story.title)}", ""]
    sources = sorted({a.source for a in briefing.articles})
    out.append(
        f"{len(briefing.articles)} article{'s' if len(briefing.articles) != 1 else ''} "
        f"from {len(sources)} source{'s' if len(sources) != 1 else ''}; "
        f"story `{briefing.story.id}`."
    )
    out += _summary(briefing)
    out += ["", "## Articles", "", "| Source | Title | Published | Boilerplate removed |"]
    out.append("|---|---|---|---|")
    for a in briefing.articles:
        published = _published(a)
        reasons: dict[str, int] = defaultdict(int)
        for r in a.removed:
            reasons[r.reason] += 1
        removed = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items())) or "none"
        title = escape(a.title or "(no headline)")
        out.append(f"| {outlet_link(a.source, a.url)} | {title} | {published} | {removed} |")
    out += _facts(briefing)
    out += _figures(briefing)
    out += _timeline(briefing)
    out += _who_said_what(briefing)
    out += _entities(briefing.entities)
    if briefing.flagged:
        texts = {a.id: a for a in briefing.articles}
        out += ["", "## Text that addresses a language model", ""]
        out += [
            f"- {escape(texts[f.span.article_id].source)}: "
            f"“{escape(f.span.text(texts[f.span.article_id]))}” ({escape(f.reason)})"
            for f in briefing.flagged
            if f.span.article_id in texts
        ]
    if briefing.rejected:
        out += ["", "## Rejected inputs", ""]
        out += [f"- {escape(r.input)}: {escape(r.reason)}" for r in briefing.rejected]
    return "\n".join(out) + "\n"


def _summary(briefing: Briefing) -> list[str]:
    """The cited summary, one paragraph; each sentence ends with its outlets."""
    if not briefing.summary:
        return []
    source = {a.id: a.source for a in briefing.articles}
    parts = []
    for s in briefing.summary:
        outlets = sorted({source.get(a, a) for a in s.article_ids})
        mark = "*" if s.origin == "model" else ""
        parts.append(f"{mark}{escape(s.text)}{mark} [{escape(', '.join(outlets))}]")
    out = ["", "## Summary", "", " ".join(parts)]
    if briefing.summary_writer == "extractive":
        return out
    out += [
        "",
        f"_Sentences in italics were written by {escape(briefing.summary_writer)} "
        "and checked against the evidence they cite; the rest are the outlets' own._",
    ]
    if briefing.unsupported:
        out += ["", "### Model sentences not kept", ""]
        out += [f"- {escape(u.text)} ({escape(u.reason)})" for u in briefing.unsupported]
    return out


def _published(article: Article) -> str:
    """ "2023-09-12", "2023-09-12 (inferred)", "2023-09 (inferred: 1–9 Sep)" or "unknown"."""
    dating = article.dating
    if dating is None:
        return article.published.isoformat() if article.published else "unknown"
    text = dating.when.label
    if not dating.inferred:
        return text
    when = dating.when
    if when.exact or text == f"{when.earliest.isoformat()}/{when.latest.isoformat()}":
        return f"{text} (inferred)"
    return f"{text} (inferred: {when.earliest.isoformat()} to {when.latest.isoformat()})"


_WEEKDAY_NAMES = tuple(day[:3].title() for day in WEEKDAYS)
_MAX_TIMELINE = 40


def _timeline(briefing: Briefing) -> list[str]:
    """Dated events in order; each with its outlets, an expectation marked as such."""
    if not briefing.timeline:
        return []
    source = {a.id: a.source for a in briefing.articles}
    out = ["", "## Timeline", ""]
    rows = briefing.timeline
    # Past the limit, the rows most outlets report, still in time order.
    keep = set(sorted(range(len(rows)), key=lambda i: -len(rows[i].article_ids))[:_MAX_TIMELINE])
    shown = [row for i, row in enumerate(rows) if i in keep]
    for event in shown:
        when = event.when.label
        if event.when.exact:
            when = f"{_WEEKDAY_NAMES[event.when.earliest.weekday()]} {when}"
        expected = " (expected)" if event.expected else ""
        outlets = ", ".join(dict.fromkeys(escape(source[a]) for a in event.article_ids))
        out.append(f"- **{when}**{expected} — {escape(event.text)} — {outlets}")
    if len(briefing.timeline) > _MAX_TIMELINE:
        out.append(
            f"- … and {len(briefing.timeline) - _MAX_TIMELINE} more, told by fewer outlets "
            "(see the JSON output)"
        )
    return out


_MAX_REPORTED_PER_SPEAKER = 3
_MAX_SINGLE_PER_SOURCE = 8
_RELATION_NOTES = {
    "conflict": "",
    "naming": " (two names for the same thing)",
    "superseded": " (earlier, since superseded by later reports)",
}


def _facts(briefing: Briefing) -> list[str]:
    """Corroborated facts, where reports differ, and what one outlet alone reports."""
    if not briefing.facts:
        return []
    articles = {a.id: a for a in briefing.articles}

    def outlets(ids: tuple[str, ...]) -> str:
        return ", ".join(dict.fromkeys(escape(articles[i].source) for i in ids if i in articles))

    out: list[str] = []
    corroborated = [f for f in briefing.facts if f.kind != "single" and not f.disputed]
    if corroborated:
        out += ["", "## Corroborated", ""]
        for fact in corroborated:
            n = len(fact.article_ids)
            out.append(f"- {escape(fact.text)} — {n} outlets: {outlets(fact.article_ids)}")
            out += _variant_lines(fact.variants, outlets)
    disputed = [f for f in briefing.facts if f.disputed]
    if disputed:
        out += ["", "## Where reports differ", ""]
        for fact in disputed:
            out.append(f"- {escape(fact.text)}")
            out += _variant_lines(fact.variants, outlets)
    single = [f for f in briefing.facts if f.kind == "single" and not f.disputed]
    if single:
        out += ["", "## Reported by one outlet"]
        by_source: dict[str, list[Fact]] = defaultdict(list)
        for fact in single:
            by_source[fact.article_ids[0]].append(fact)
        for article_id, facts in by_source.items():
            article = articles.get(article_id)
            name = _article_name(article) if article else article_id
            out += ["", f"### {name}", ""]
            out += [f"- {escape(f.text)}" for f in facts[:_MAX_SINGLE_PER_SOURCE]]
            if len(facts) > _MAX_SINGLE_PER_SOURCE:
                out.append(
                    f"- … and {len(facts) - _MAX_SINGLE_PER_SOURCE} more (see the JSON output)"
                )
    return out


def _article_name(article: Article) -> str:
    title = f": {escape(article.title)}" if article.title else ""
    return f"{escape(article.source)}{title}"


def _figures(briefing: Briefing) -> list[str]:
    """Each disputed figure as a table: every outlet's value and the day it holds for,
    oldest first, so 288 / 275 / 278 show at a glance."""
    articles = {a.id: a for a in briefing.articles}
    out: list[str] = []
    for fact in briefing.facts:
        numbers = [v for v in fact.variants if v.detail == "number" and v.relation != "naming"]
        if len(numbers) < 2:
            continue
        if not out:
            out += ["", "## Figures by outlet"]
        what = describe(numbers[0].about)
        out += ["", f"### {escape(what)}", "", "| Outlet | Figure | As of | |", "|---|---|---|---|"]
        latest = numbers[-1]
        for v in numbers:
            if v.relation == "superseded":
                note = "replaced by a later figure"
            elif v is latest and sum(n.relation != "superseded" for n in numbers) == 1:
                note = "latest"
            else:
                note = "conflicts"
            when = v.as_of.isoformat() if v.as_of else ""
            for a in v.article_ids:
                source = escape(articles[a].source) if a in articles else escape(a)
                out.append(f"| {source} | {escape(' '.join(v.value.split()))} | {when} | {note} |")
    return out


def _variant_lines(
    variants: tuple[Variant, ...], outlets: Callable[[tuple[str, ...]], str]
) -> list[str]:
    lines: list[str] = []
    for v in variants:
        about = f"{v.detail} of {v.about}" if v.detail == "role" else v.detail
        if v.detail == "number" and v.about:
            about = describe(v.about)
        if v.as_of and v.detail == "number":
            about += f", as of {v.as_of.isoformat()}"
        hedge = ", as an expectation" if v.hedged and v.relation != "superseded" else ""
        note = _RELATION_NOTES[v.relation]
        lines.append(
            f"  - {escape(about)}: “{escape(v.value)}” — {outlets(v.article_ids)}{hedge}{note}"
        )
    return lines


def _who_said_what(briefing: Briefing) -> list[str]:
    """Quotes by speaker; a statement several outlets carry is listed once, with wordings."""
    if not briefing.quotes:
        return []
    source = {a.id: a.source for a in briefing.articles}
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for quote in briefing.quotes:
        by_speaker[quote.speaker.name if quote.speaker else ""].append(quote)
    order = sorted(by_speaker, key=lambda s: (s == "", -len(by_speaker[s]), s))
    out = ["", "## Who said what"]
    for speaker in order:
        quotes = by_speaker[speaker]
        roles = Counter(q.role for q in quotes if q.role)
        role = max(roles, key=lambda r: (roles[r], len(r))) if roles else None
        heading = escape(speaker) if speaker else "Unattributed"
        out += ["", f"### {heading}" + (f" ({escape(role)})" if role else ""), ""]
        statements: dict[str, list[Quote]] = defaultdict(list)
        for q in quotes:
            if q.kind != "indirect":
                statements[q.group or q.id].append(q)
        for members in statements.values():
            out += _statement(members, source)
        # "he wanted to “remind both countries …”" adds nothing to the quote it wraps
        quoted = [q.span for q in quotes if q.kind != "indirect"]
        reported = [
            q
            for q in quotes
            if q.kind == "indirect"
            and not any(
                s.article_id == q.span.article_id and q.span.start <= s.start < q.span.end
                for s in quoted
            )
        ]
        for q in reported[:_MAX_REPORTED_PER_SPEAKER]:
            out.append(f"- reported: {escape(q.text)} — {escape(source[q.span.article_id])}")
        if len(reported) > _MAX_REPORTED_PER_SPEAKER:
            out.append(
                f"- … and {len(reported) - _MAX_REPORTED_PER_SPEAKER} more reported statements"
            )
    return out


def _statement(members: list[Quote], source: dict[str, str]) -> list[str]:
    first = members[0]
    outlets = ", ".join(dict.fromkeys(escape(source[q.span.article_id]) for q in members))
    partial = " (partial)" if all(q.kind == "partial" for q in members) else ""
    lines = [f"- “{escape(first.text)}”{partial} — {outlets}"]
    for other in members[1:]:
        differences = wording_differences(first.text, other.text)
        if not differences:
            continue
        shown = "; ".join(
            f"“{escape(a) or '…'}” → “{escape(b) or '…'}”" for a, b in differences[:4]
        )
        outlet = escape(source[other.span.article_id])
        lines.append(f"  - {outlet}: “{escape(other.text)}” (differs: {shown})")
    return lines


def _entities(entities: tuple[Entity, ...]) -> list[str]:
    if not entities:
        return []
    out = ["", "## Who and what is named"]
    by_heading: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        by_heading[_TYPE_HEADINGS[entity.type]].append(entity)
    for heading in dict.fromkeys(_TYPE_HEADINGS.values()):
        group = by_heading.get(heading)
        if not group:
            continue
        out += ["", f"### {heading}", ""]
        for entity in group[:_MAX_ENTITIES_PER_TYPE]:
            line = f"- **{escape(entity.name)}**"
            if entity.roles:
                line += f", {escape('; '.join(entity.roles[:3]))}"
            line += f" — {len(entity.article_ids)} of the articles, {len(entity.mentions)} mentions"
            if entity.aliases:
                line += f"; also written {escape(', '.join(entity.aliases[:5]))}"
            out.append(line)
        if len(group) > _MAX_ENTITIES_PER_TYPE:
            out.append(f"- … and {len(group) - _MAX_ENTITIES_PER_TYPE} more (see the JSON output)")
    return out
