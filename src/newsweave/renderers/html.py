"""The briefing as one self-contained HTML page to read and share: no network, inline CSS and JS.

From the top: a lede and the key points, each with the outlets that report it as chips; where
outlets differ, each side's value and outlets; the timeline; who said what; the coverage
matrix of the facts that matter (several outlets, disputed, or in the summary) with the rest
behind "show all"; the sources with links to the originals. A chip shows its evidence
highlighted in its article, and a "Back" button returns to the chip (see
:mod:`~newsweave.renderers.html_assets`).

Every piece of article-derived text is escaped with :func:`html.escape` where it is written
into markup, and the article texts travel to the script as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` written as
``\\u003c``-style escapes, so no article can close the block or open a tag. A link to an
original article is written only for an ``http(s)`` URL. A Content-Security-Policy meta tag
forbids every fetch, and any script but the page's own (by its SHA-256 hash): a second
barrier should escaping ever fail.

Example:
    >>> from newsweave.model import Article, Briefing, Story
    >>> a = Article("a", "Wire", "<script>alert(1)</script>", "Body <img src=x onerror=alert(1)>")
    >>> page = render_html(Briefing(Story("s-1", a.title or "", ("a",)), (a,)))
    >>> "<script>alert(1)" in page, "&lt;script&gt;alert(1)" in page
    (False, True)
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from html import escape
from typing import Any

from newsweave.model import Article, Briefing, Fact, Quote, Span, SummarySentence
from newsweave.quotes.groups import wording_differences
from newsweave.renderers.excerpts import cited_spans
from newsweave.renderers.html_assets import CSS, JS, JS_HASH
from newsweave.text.controls import followable_url

MAX_POINTS = 5  # key points under the lede
MAX_MATRIX = 15  # facts in the coverage matrix before "show all"
MAX_ALL_FACTS = 400  # rows behind "show all"
MAX_ENTITIES = 80

Labels = dict[str, str]  # article id -> the outlet's name as the page shows it


def render_html(briefing: Briefing) -> str:
    """The briefing as a complete HTML document (UTF-8 text)."""
    labels = _labels(briefing.articles)
    body = [
        _header(briefing, labels),
        "<main><div class=report>",
        _brief(briefing, labels),
        _disputes(briefing, labels),
        _timeline(briefing, labels),
        _quotes(briefing, labels),
        _matrix(briefing, labels),
        _sources(briefing, labels),
        _entities(briefing),
        _rejected(briefing),
        "</div><aside id=reader aria-live=polite>",
        "<h2>Articles</h2><p class=hint>Choose an outlet chip, a fact or a timeline row to "
        "see its evidence here.</p>",
        _articles(briefing, labels),
        "</aside></main>",
        "<button id=back hidden>↩ Back to where you were</button>",
    ]
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"style-src 'unsafe-inline'; script-src '{JS_HASH}'; img-src 'none'\">"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        "<meta name=referrer content=no-referrer>"
        f"<title>{_e(briefing.story.title)} · newsweave</title><style>{CSS}</style></head>"
        f"<body>{''.join(body)}"
        f"<script type=application/json id=nw-data>{_data(briefing)}</script>"
        f"<script>{JS}</script></body></html>\n"
    )


def _e(text: str) -> str:
    return escape(" ".join(text.split()), quote=True)


def _labels(articles: tuple[Article, ...]) -> Labels:
    """Each article's outlet name; a second article of one outlet is "Outlet (2)"."""
    seen: Counter[str] = Counter()
    out: Labels = {}
    for a in articles:
        seen[a.source] += 1
        out[a.id] = a.source if seen[a.source] == 1 else f"{a.source} ({seen[a.source]})"
    return out


def _chip(span: Span, labels: Labels) -> str:
    """A citation: the outlet's name; choosing it shows the evidence."""
    label = labels.get(span.article_id, span.article_id)
    return (
        f"<button class=chip {_span_attrs(span)} title='Show the evidence in {_e(label)}'>"
        f"{_e(label)}</button>"
    )


def _chips(spans: tuple[Span, ...] | list[Span], labels: Labels) -> str:
    first: dict[str, Span] = {}
    for span in spans:
        first.setdefault(span.article_id, span)
    return f"<span class=chips>{''.join(_chip(s, labels) for s in first.values())}</span>"


def _span_attrs(span: Span) -> str:
    return f"data-a='{_e(span.article_id)}' data-s={span.start} data-e={span.end}"


def _header(briefing: Briefing, labels: Labels) -> str:
    days = sorted(a.published for a in briefing.articles if a.published)
    span = ""
    if days:
        first, last = days[0].isoformat(), days[-1].isoformat()
        span = f" · {first}" if first == last else f" · {first} to {last}"
    span = escape(span)
    sections = [("brief", "Key points")]
    sections += (
        [("disputes", "Where outlets differ")] if any(f.disputed for f in briefing.facts) else []
    )
    sections += [("timeline", "Timeline")] if briefing.timeline else []
    sections += [("quotes", "Who said what")] if briefing.quotes else []
    sections += [("matrix", "Coverage")] if briefing.facts else []
    sections += [("sources", "Sources")]
    nav = "".join(f"<a href=#{key}>{name}</a>" for key, name in sections)
    return (
        f"<header><h1>{_e(briefing.story.title)}</h1>"
        f"<p class=meta>{len(briefing.articles)} articles from {len(set(labels.values()))} "
        f"outlets{span} · story <code>{_e(briefing.story.id)}</code></p>"
        f"<nav aria-label=Sections>{nav}</nav></header>"
    )


# --- the lede and key points ----------------------------------------------------------------


def _backing(sentence: SummarySentence, facts: tuple[Fact, ...]) -> list[Span]:
    """The sentence's evidence, and that of every outlet reporting an undisputed fact it
    quotes: where outlets differ on the fact, only the sentence's own outlets back it."""
    spans = list(sentence.evidence) or [Span(a, 0, 0) for a in sentence.article_ids]
    for fact in facts:
        if not fact.disputed and any(
            e.article_id == s.article_id and e.start < s.end and s.start < e.end
            for e in sentence.evidence
            for s in fact.support
        ):
            spans += fact.support
    return spans


def _brief(briefing: Briefing, labels: Labels) -> str:
    told = [s for s in briefing.summary if s.origin != "dispute"]
    if not told:
        return (
            "<section id=brief><h2>Key points</h2><p>No summary: no fact was found in more "
            "than one place. The sources and their texts are below.</p></section>"
        )
    backing = [_backing(s, briefing.facts) for s in told]
    outlets = [len({b.article_id for b in spans}) for spans in backing]
    ranked = sorted(range(len(told)), key=lambda i: (-outlets[i], i))
    lede, points = ranked[0], sorted(ranked[1 : 1 + MAX_POINTS])
    rest = [i for i in range(len(told)) if i != lede and i not in points]

    def line(i: int) -> str:
        css = "sent model" if told[i].origin == "model" else "sent"
        return f"<span class='{css}'>{_e(told[i].text)}</span> {_chips(backing[i], labels)}"

    out = [f"<section id=brief><p class=lede>{line(lede)}</p>"]
    if points:
        out.append("<h2>Key points</h2><ul class=points>")
        out += [f"<li>{line(i)}</li>" for i in points]
        out.append("</ul>")
    if rest:
        out.append(f"<details><summary>More from the summary ({len(rest)})</summary><ul>")
        out += [f"<li>{line(i)}</li>" for i in rest]
        out.append("</ul></details>")
    out.append(_notes(briefing))
    out.append("</section>")
    return "".join(out)


def _notes(briefing: Briefing) -> str:
    out = []
    if briefing.summary_writer != "extractive":
        out.append(
            f"<p class=note>Sentences in italics were written by {_e(briefing.summary_writer)}"
            " and checked against the evidence they cite; the rest are the outlets' own.</p>"
        )
    if briefing.flagged:
        by_id = {a.id: a for a in briefing.articles}
        out.append("<details open><summary>Text that addresses a language model</summary><ul>")
        out += [
            f"<li>{_e(by_id[f.span.article_id].source)}: <q>"
            f"{_e(f.span.text(by_id[f.span.article_id]))}</q> <small>({_e(f.reason)})</small></li>"
            for f in briefing.flagged
            if f.span.article_id in by_id
        ]
        out.append("</ul></details>")
    if briefing.unsupported:
        out.append("<details><summary>Model sentences not kept</summary><ul>")
        out += [
            f"<li>{_e(u.text)} <small>({_e(u.reason)})</small></li>" for u in briefing.unsupported
        ]
        out.append("</ul></details>")
    return "".join(out)


# --- where outlets differ -------------------------------------------------------------------

_RELATIONS = {"conflict": "", "naming": "another name for it", "superseded": "since replaced"}


def _disputes(briefing: Briefing, labels: Labels) -> str:
    disputed = [f for f in briefing.facts if f.disputed]
    if not disputed:
        return ""
    out = ["<section id=disputes><h2>Where outlets differ</h2><ul>"]
    for fact in disputed:
        about = next((v.about for v in fact.variants if v.about), "")
        values = []
        for v in fact.variants:
            spans = v.evidence or tuple(Span(a, 0, 0) for a in v.article_ids)
            notes = [_RELATIONS[v.relation]] if _RELATIONS[v.relation] else []
            notes += [f"as of {v.as_of.isoformat()}"] if v.as_of else []
            notes += ["expected, not reported"] if v.hedged else []
            relation = f" <span class=relation>({_e(', '.join(notes))})</span>" if notes else ""
            values.append(
                f"<li><span class=value>{_e(v.value)}</span>{relation} {_chips(spans, labels)}</li>"
            )
        heading = f"<b>{_e(about.replace(':', ' '))}</b>: " if about else ""
        out.append(f"<li>{heading}{_e(fact.text)}<ul>{''.join(values)}</ul></li>")
    out.append("</ul></section>")
    return "".join(out)


# --- timeline and quotes --------------------------------------------------------------------


def _timeline(briefing: Briefing, labels: Labels) -> str:
    if not briefing.timeline:
        return ""
    rows = []
    for event in briefing.timeline:
        expected = " <i>(expected)</i>" if event.expected else ""
        rows.append(
            f"<li class=event {_span_attrs(event.support[0])}><time>{_e(event.when.label)}"
            f"</time> {_e(event.text)}{expected} {_chips(event.support, labels)}</li>"
        )
    return f"<section id=timeline><h2>Timeline</h2><ol>{''.join(rows)}</ol></section>"


def _quotes(briefing: Briefing, labels: Labels) -> str:
    if not briefing.quotes:
        return ""
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in briefing.quotes:
        by_speaker[q.speaker.name if q.speaker else "Unattributed"].append(q)
    out = ["<section id=quotes><h2>Who said what</h2>"]
    for speaker, quotes in sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        out.append(f"<h3>{_e(speaker)}</h3><ul>")
        groups: dict[str, list[Quote]] = defaultdict(list)
        for q in quotes:
            groups[q.group or q.id].append(q)
        for members in groups.values():
            first = members[0]
            changes = [
                (labels.get(m.span.article_id, "?"), a, b)
                for m in members[1:]
                for a, b in wording_differences(first.text, m.text)
            ]
            diff = ""
            if changes:
                shown = "; ".join(
                    f"<del>{_e(a) or '∅'}</del> → <ins>{_e(b) or '∅'}</ins> ({_e(src)})"
                    for src, a, b in changes[:4]
                )
                diff = f"<p class=diff>Wording differs: {shown}</p>"
            chips = _chips(tuple(m.span for m in members), labels)
            out.append(f"<li><q>{_e(first.text)}</q> <i>{_e(first.kind)}</i> {chips}{diff}</li>")
        out.append("</ul>")
    out.append("</section>")
    return "".join(out)


# --- the coverage matrix --------------------------------------------------------------------


def _matrix(briefing: Briefing, labels: Labels) -> str:
    if not briefing.facts:
        return ""
    summarised = {
        (s.article_id, s.start, s.end) for sentence in briefing.summary for s in sentence.evidence
    }

    def in_summary(fact: Fact) -> bool:
        return any(
            a == s.article_id and start < s.end and s.start < end
            for s in fact.support
            for a, start, end in summarised
        )

    def weight(item: tuple[int, Fact]) -> tuple[bool, bool, int, int]:
        index, fact = item
        return (not fact.disputed, not in_summary(fact), -len(fact.article_ids), index)

    ranked = [f for _, f in sorted(enumerate(briefing.facts), key=weight)]
    matter = [f for f in ranked if f.disputed or len(f.article_ids) > 1 or in_summary(f)]
    shown = matter[:MAX_MATRIX]
    hidden = [f for f in ranked if f not in shown][:MAX_ALL_FACTS]
    ids = [a.id for a in briefing.articles]
    number = {aid: n for n, aid in enumerate(ids, 1)}
    head = "".join(
        f"<th scope=col title='{_e(labels[i])}'>{number[i]}<br><small>{_e(labels[i])}</small></th>"
        for i in ids
    )

    def table(facts: list[Fact]) -> str:
        rows = "".join(_row(f, ids) for f in facts)
        return (
            f"<div class=scroll><table><thead><tr><th>Fact</th>{head}</tr></thead>"
            f"<tbody>{rows}</tbody></table></div>"
        )

    out = [
        "<section id=matrix><h2>Coverage</h2><p class=hint>The facts that matter: disputed, "
        "in the summary or reported by several outlets. ✓ reports it · ≠ gives another value "
        "· a figure: the outlet's own (struck through: since replaced) · · silent</p>",
        table(shown) if shown else "<p>No fact is reported by more than one outlet.</p>",
    ]
    if hidden:
        out.append(
            f"<details><summary>Show all {len(shown) + len(hidden)} facts</summary>"
            f"{table(hidden)}</details>"
        )
    out.append("</section>")
    return "".join(out)


def _row(fact: Fact, ids: list[str]) -> str:
    cells = []
    by_article = {s.article_id: s for s in fact.support}
    differs = _differing(fact)
    figures = _figures(fact)
    for i in ids:
        span = by_article.get(i)
        attrs = _span_attrs(span) if span else ""
        if i in figures:  # each outlet's own figure, the replaced ones muted
            value, relation = figures[i]
            css = "superseded" if relation == "superseded" else "figure"
            cells.append(f"<td class={css} {attrs} title='{_e(value)}'>{_e(value)}</td>")
        elif i in differs:
            value = differs[i]
            cells.append(f"<td class=differs {attrs} title='{_e(value)}'>≠ {_e(value)}</td>")
        elif span is not None:
            cells.append(f"<td class=reports {attrs}>✓</td>")
        else:
            cells.append("<td class=silent>·</td>")
    first = fact.support[0]
    return (
        f"<tr><th scope=row class=fact {_span_attrs(first)}>{_e(fact.text)}</th>"
        f"{''.join(cells)}</tr>"
    )


def _figures(fact: Fact) -> dict[str, tuple[str, str]]:
    """Each outlet's value of a disputed figure, with its relation: the latest figure or a
    conflicting one, or one later reports replaced (an outlet giving several: its latest)."""
    out: dict[str, tuple[str, str]] = {}
    for v in fact.variants:  # oldest first, so a later value overwrites an earlier one
        if v.detail == "number" and v.relation != "naming":
            for a in v.article_ids:
                out[a] = (" ".join(v.value.split()), v.relation)
    return out if len({value for value, _ in out.values()}) > 1 else {}


def _differing(fact: Fact) -> dict[str, str]:
    if not fact.disputed:
        return {}
    variants = [v for v in fact.variants if v.relation != "naming"]
    if not variants:
        return {}
    # The value most outlets give is the fact's own; the others differ from it.
    main = max(variants, key=lambda v: len(v.article_ids))
    return {a: v.value for v in variants if v is not main for a in v.article_ids}


# --- sources, entities, rejected inputs, the articles ---------------------------------------


def _sources(briefing: Briefing, labels: Labels) -> str:
    items = []
    for n, a in enumerate(briefing.articles, 1):
        url = followable_url(a.url)
        name = _e(labels[a.id])
        outlet = (
            f"<a href='{escape(url, quote=True)}' rel='noopener noreferrer nofollow' "
            f"target=_blank>{name}</a>"
            if url
            else f"<b>{name}</b>"
        )
        published = a.published.isoformat() if a.published else "undated"
        read = f"<button class=chip data-a='{_e(a.id)}' data-s=0 data-e=0>read</button>"
        items.append(
            f"<li>{n}. {outlet}: {_e(a.title or '(no headline)')} "
            f"<span class=relation>({_e(published)})</span> {read}</li>"
        )
    return f"<section id=sources><h2>Sources</h2><ol class=sources>{''.join(items)}</ol></section>"


def _entities(briefing: Briefing) -> str:
    if not briefing.entities:
        return ""
    ranked = sorted(briefing.entities, key=lambda e: (-len(e.mentions), e.name))[:MAX_ENTITIES]
    items = "".join(
        f"<li><b>{_e(e.name)}</b> <small>{_e(e.type)} · {len(e.mentions)}</small></li>"
        for e in ranked
    )
    return (
        f"<section id=entities><details><summary>Who and what is named ({len(ranked)})"
        f"</summary><ul class=cols>{items}</ul></details></section>"
    )


def _rejected(briefing: Briefing) -> str:
    if not briefing.rejected:
        return ""
    items = "".join(
        f"<li><code>{_e(r.input)}</code>: {_e(r.reason)}</li>" for r in briefing.rejected
    )
    return f"<section id=rejected><h2>Rejected inputs</h2><ul>{items}</ul></section>"


def _articles(briefing: Briefing, labels: Labels) -> str:
    out = []
    for n, a in enumerate(briefing.articles, 1):
        published = a.published.isoformat() if a.published else "undated"
        note = "" if a.full_text else " · only the passages cited here; the full text was left out"
        out.append(
            f"<article id='art-{_e(a.id)}' data-id='{_e(a.id)}'><span class=num>{n}</span>"
            f"<h3>{_e(labels[a.id])}: {_e(a.title or '(no headline)')}</h3>"
            f"<p class=meta>{_e(published)}{note}</p><div class=text></div></article>"
        )
    return "".join(out)


def _data(briefing: Briefing) -> str:
    cited: dict[str, list[tuple[int, int]]] = defaultdict(list)
    if not all(a.full_text for a in briefing.articles):
        for span in cited_spans(briefing):
            cited[span.article_id].append((span.start, span.end))
    data: dict[str, Any] = {}
    for a in briefing.articles:
        removed = [[r.span.start, r.span.end, r.reason] for r in a.removed]
        if a.full_text:
            data[a.id] = {"text": a.text, "removed": removed}
        else:
            parts = [[s, a.text[s:e]] for s, e in _merged(cited[a.id]) if a.text[s:e].strip()]
            data[a.id] = {"text": None, "parts": parts, "removed": removed}
    raw = json.dumps(data, ensure_ascii=False)
    # Inside <script>, only "</" can end the block; escape every markup character anyway.
    return raw.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        elif end > start:
            out.append((start, end))
    return out
