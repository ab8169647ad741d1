"""The briefing as one self-contained HTML page: no network, inline CSS and a little JS.

Every piece of article-derived text is escaped with :func:`html.escape` where it is
written into markup, and the article texts travel to the script as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` written as
``\\u003c``-style escapes, so no article can close the block or open a tag. The script only
ever sets ``textContent``, never ``innerHTML``. A Content-Security-Policy meta tag forbids
every network fetch, and any script but the page's own (by its SHA-256 hash): a second
barrier should escaping ever fail.

Clicking a citation chip, a fact or a timeline row shows its evidence sentence highlighted
in its article; boilerplate the cleaner found is greyed out.

Example:
    >>> from newsweave.model import Article, Briefing, Story
    >>> a = Article("a", "Wire", "<script>alert(1)</script>", "Body <img src=x onerror=alert(1)>")
    >>> page = render_html(Briefing(Story("s-1", a.title or "", ("a",)), (a,)))
    >>> "<script>alert(1)" in page, "&lt;script&gt;alert(1)" in page
    (False, True)
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import defaultdict
from html import escape
from typing import Any

from newsweave.model import Article, Briefing, Fact, Quote, Span
from newsweave.quotes.groups import wording_differences

_MAX_FACTS = 60  # rows of the source matrix
_MAX_ENTITIES = 80


def render_html(briefing: Briefing) -> str:
    """The briefing as a complete HTML document (UTF-8 text)."""
    sources = _sources(briefing.articles)
    body = [
        f"<header><h1>{_e(briefing.story.title)}</h1>",
        f"<p class=meta>{len(briefing.articles)} articles from {len(set(sources.values()))} "
        f"outlets · story <code>{_e(briefing.story.id)}</code></p></header>",
        "<main><div class=report>",
        _summary(briefing, sources),
        _matrix(briefing, sources),
        _disputes(briefing, sources),
        _quotes(briefing, sources),
        _timeline(briefing, sources),
        _entities(briefing),
        _rejected(briefing),
        "</div><aside id=reader aria-live=polite>",
        "<h2>Articles</h2><p class=hint>Click a citation, fact or timeline row to see its "
        "evidence here.</p>",
        _articles(briefing),
        "</aside></main>",
    ]
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"style-src 'unsafe-inline'; script-src '{_JS_HASH}'; img-src 'none'\">"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>{_e(briefing.story.title)} · newsweave</title><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}"
        f"<script type=application/json id=nw-data>{_data(briefing)}</script>"
        f"<script>{_JS}</script></body></html>\n"
    )


def _e(text: str) -> str:
    return escape(" ".join(text.split()), quote=True)


def _sources(articles: tuple[Article, ...]) -> dict[str, str]:
    return {a.id: a.source for a in articles}


def _number(sources: dict[str, str], article_id: str) -> str:
    """The article's number on the page: its place in the briefing's article list."""
    return str(list(sources).index(article_id) + 1) if article_id in sources else "?"


def _chip(span: Span, sources: dict[str, str]) -> str:
    """A citation: the article's number in the list, its outlet on hover."""
    label = sources.get(span.article_id, span.article_id)
    number = _number(sources, span.article_id)
    return (
        f"<button class=chip data-a='{_e(span.article_id)}' data-s={span.start} "
        f"data-e={span.end} title='{number}. {_e(label)}: show the evidence'>{number}</button>"
    )


def _chips(spans: tuple[Span, ...], sources: dict[str, str]) -> str:
    first: dict[str, Span] = {}
    for span in spans:
        first.setdefault(span.article_id, span)
    return "".join(_chip(s, sources) for s in first.values())


def _summary(briefing: Briefing, sources: dict[str, str]) -> str:
    if not briefing.summary:
        return (
            "<section id=summary><h2>Summary</h2><p>No summary: no fact was aligned.</p></section>"
        )
    out = ["<section id=summary><h2>Summary</h2><p>"]
    for s in briefing.summary:
        spans = s.evidence or tuple(Span(a, 0, 0) for a in s.article_ids)
        kind = "sent model" if s.origin == "model" else "sent"
        out.append(f"<span class='{kind}'>{_e(s.text)} {_chips(spans, sources)}</span> ")
    out.append("</p>")
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
    out.append("</section>")
    return "".join(out)


def _matrix(briefing: Briefing, sources: dict[str, str]) -> str:
    facts = [f for f in briefing.facts if len(f.article_ids) > 1 or f.disputed][:_MAX_FACTS]
    if not facts:
        return ""
    ids = [a.id for a in briefing.articles]
    head = "".join(
        f"<th scope=col title='{_e(sources[i])}'>{_number(sources, i)}<br><small>{_e(sources[i])}"
        "</small></th>"
        for i in ids
    )
    rows = []
    for fact in facts:
        cells = []
        by_article = {s.article_id: s for s in fact.support}
        differs = _differing(fact)
        figures = _figures(fact)
        for i in ids:
            if i in figures:  # each outlet's own figure, the replaced ones muted
                value, relation = figures[i]
                span = by_article.get(i)
                attrs = _span_attrs(span) if span else ""
                css = "superseded" if relation == "superseded" else "figure"
                cells.append(f"<td class={css} {attrs} title='{_e(value)}'>{_e(value)}</td>")
            elif i in differs:
                value = differs[i]
                span = by_article.get(i)
                attrs = _span_attrs(span) if span else ""
                cells.append(f"<td class=differs {attrs} title='{_e(value)}'>≠ {_e(value)}</td>")
            elif i in by_article:
                cells.append(f"<td class=reports {_span_attrs(by_article[i])}>✓</td>")
            else:
                cells.append("<td class=silent>·</td>")
        first = fact.support[0]
        rows.append(
            f"<tr><th scope=row class=fact {_span_attrs(first)}>{_e(fact.text)}</th>"
            f"{''.join(cells)}</tr>"
        )
    return (
        "<section id=matrix><h2>Who reports what</h2><p class=hint>✓ reports it · ≠ gives "
        "another value · a figure: the outlet's own (struck through: since replaced) · · "
        "silent</p><div class=scroll><table><thead><tr><th>Fact</th>"
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _span_attrs(span: Span) -> str:
    return f"data-a='{_e(span.article_id)}' data-s={span.start} data-e={span.end}"


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


def _disputes(briefing: Briefing, sources: dict[str, str]) -> str:
    disputed = [f for f in briefing.facts if f.disputed]
    if not disputed:
        return ""
    out = ["<section id=disputes><h2>Where reports differ</h2><ul>"]
    for fact in disputed:
        values = []
        for v in fact.variants:
            spans = v.evidence or tuple(Span(a, 0, 0) for a in v.article_ids)
            when = f", as of {v.as_of.isoformat()}" if v.as_of else ""
            values.append(
                f"<li><b>{_e(v.value)}</b> ({_e(v.relation)}{_e(when)}) "
                f"{_chips(spans, sources)}</li>"
            )
        out.append(f"<li>{_e(fact.text)}<ul>{''.join(values)}</ul></li>")
    out.append("</ul></section>")
    return "".join(out)


def _quotes(briefing: Briefing, sources: dict[str, str]) -> str:
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
                (sources.get(m.span.article_id, "?"), a, b)
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
            chips = _chips(tuple(m.span for m in members), sources)
            out.append(f"<li><q>{_e(first.text)}</q> <i>{_e(first.kind)}</i> {chips}{diff}</li>")
        out.append("</ul>")
    out.append("</section>")
    return "".join(out)


def _timeline(briefing: Briefing, sources: dict[str, str]) -> str:
    if not briefing.timeline:
        return ""
    rows = []
    for event in briefing.timeline:
        expected = " <i>(expected)</i>" if event.expected else ""
        rows.append(
            f"<li class=event {_span_attrs(event.support[0])}><time>{_e(event.when.label)}"
            f"</time> {_e(event.text)}{expected} {_chips(event.support, sources)}</li>"
        )
    return f"<section id=timeline><h2>Timeline</h2><ol>{''.join(rows)}</ol></section>"


def _entities(briefing: Briefing) -> str:
    if not briefing.entities:
        return ""
    ranked = sorted(briefing.entities, key=lambda e: (-len(e.mentions), e.name))[:_MAX_ENTITIES]
    items = "".join(
        f"<li><b>{_e(e.name)}</b> <small>{_e(e.type)} · {len(e.mentions)}</small></li>"
        for e in ranked
    )
    return f"<section id=entities><h2>Entities</h2><ul class=cols>{items}</ul></section>"


def _rejected(briefing: Briefing) -> str:
    if not briefing.rejected:
        return ""
    items = "".join(
        f"<li><code>{_e(r.input)}</code>: {_e(r.reason)}</li>" for r in briefing.rejected
    )
    return f"<section id=rejected><h2>Rejected inputs</h2><ul>{items}</ul></section>"


def _articles(briefing: Briefing) -> str:
    out = []
    sources = _sources(briefing.articles)
    for a in briefing.articles:
        published = a.published.isoformat() if a.published else "undated"
        out.append(
            f"<article id='art-{_e(a.id)}' data-id='{_e(a.id)}'><span class=num>"
            f"{_number(sources, a.id)}</span><h3>{_e(a.source)}: "
            f"{_e(a.title or '(no headline)')}</h3><p class=meta>{_e(published)}</p>"
            f"<div class=text></div></article>"
        )
    return "".join(out)


def _data(briefing: Briefing) -> str:
    data: dict[str, Any] = {
        a.id: {
            "text": a.text,
            "removed": [[r.span.start, r.span.end, r.reason] for r in a.removed],
        }
        for a in briefing.articles
    }
    raw = json.dumps(data, ensure_ascii=False)
    # Inside <script>, only "</" can end the block; escape every markup character anyway.
    return raw.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


# overflow-wrap: a 100,000-letter "word" wraps instead of widening the page; bidi isolation:
# a right-to-left override inside an outlet's text ends at its element, never reversing
# the sentences, figures and citation chips after it.
_CSS = """
th{max-width:9em;overflow-wrap:anywhere}th.fact{min-width:22em}
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa;
overflow-wrap:anywhere}
span,td,th,li,p,q,mark,a,time,h1,h2,h3,.text,.chip{unicode-bidi:isolate}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:1.4em;margin:0}.meta,.hint{color:#666;font-size:.9em;margin:4px 0}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;padding:16px}
section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:10px 14px;
margin-bottom:14px}h2{font-size:1.1em;margin:4px 0 8px}h3{font-size:1em;margin:8px 0 4px}
.chip{font-size:.75em;border:1px solid #8aa;border-radius:10px;background:#eef6f6;
padding:0 6px;margin:0 2px;cursor:pointer}.chip:hover{background:#d5ecec}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.85em}
td,th{border:1px solid #e3e3e3;padding:3px 6px;text-align:left;vertical-align:top}
td.reports{color:#176d2c;text-align:center;cursor:pointer}td.silent{color:#bbb;text-align:center}
td.differs{color:#a4161a;background:#fdeaea;cursor:pointer}td.figure{font-weight:600;cursor:pointer}td.superseded{color:#6c757d;text-decoration:line-through;cursor:pointer}th.fact{font-weight:normal;
cursor:pointer;max-width:28em}.event{cursor:pointer}time{font-weight:600;margin-right:6px}
.diff{color:#8a5a00;font-size:.85em;margin:2px 0}.cols{columns:2}
aside{position:sticky;top:8px;max-height:calc(100vh - 24px);overflow-y:auto}
article{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:8px 12px;
margin-bottom:10px}.text{white-space:pre-wrap;font-size:.9em}
.boiler{color:#aaa}.num{float:left;margin-right:8px;font-weight:700;color:#367}
mark{background:#ffe066;padding:1px 0}.sent.model{font-style:italic}
.note{color:#666;font-size:.85em}
@media (max-width:800px){main{grid-template-columns:1fr}aside{position:static}}
"""

_JS = """
(function(){
var data=JSON.parse(document.getElementById('nw-data').textContent);
function paint(id,mark){
  var art=document.querySelector('article[data-id="'+CSS.escape(id)+'"]');
  if(!art||!data[id])return null;
  // Offsets count code points (as Python does), not UTF-16 units: slice an array of them.
  var box=art.querySelector('.text'),text=Array.from(data[id].text),cuts=[0,text.length];
  data[id].removed.forEach(function(r){cuts.push(r[0],r[1]);});
  if(mark){cuts.push(mark[0],mark[1]);}
  cuts=cuts.filter(function(c){return c>=0&&c<=text.length;}).sort(function(a,b){return a-b;});
  box.textContent='';var hit=null;
  for(var i=0;i+1<cuts.length;i++){
    var s=cuts[i],e=cuts[i+1];if(e<=s)continue;
    var boiler=data[id].removed.some(function(r){return r[0]<=s&&e<=r[1];});
    var inMark=mark&&mark[0]<=s&&e<=mark[1]&&mark[1]>mark[0];
    var el=document.createElement(inMark?'mark':'span');
    if(boiler)el.className='boiler';
    el.textContent=text.slice(s,e).join('');box.appendChild(el);
    if(inMark&&!hit)hit=el;
  }
  return hit;
}
Object.keys(data).forEach(function(id){paint(id,null);});
document.addEventListener('click',function(ev){
  var t=ev.target.closest('[data-a]');if(!t)return;
  var id=t.getAttribute('data-a'),s=+t.getAttribute('data-s'),e=+t.getAttribute('data-e');
  Object.keys(data).forEach(function(k){if(k!==id)paint(k,null);});
  var hit=paint(id,[s,e]);
  var art=document.querySelector('article[data-id="'+CSS.escape(id)+'"]');
  (hit||art).scrollIntoView({block:'center'});
});
})();
"""

# Only this exact script may run: an injected inline script or handler has another hash.
_JS_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_JS.encode()).digest()).decode()
