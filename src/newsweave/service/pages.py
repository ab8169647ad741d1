"""The service's HTML: the list of stories, and a story's briefing page with the site around it.

The story page is the very page ``newsweave brief --format html`` writes, from the stored
version, with a bar that leads back to the list and, for ``?since=``, a section that says
what is new since then. Everything from articles and queries is escaped where it enters
markup; the pages need no script but the briefing's own, which the CSP names by its hash.
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from newsweave.service.versions import Listed

CSS = """
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4;
overflow-wrap:anywhere}main{max-width:960px;margin:0 auto;padding:12px 16px}
h1{font-size:1.4em;margin:8px 0}form{margin:10px 0;display:flex;gap:6px;flex-wrap:wrap}
input[type=search]{flex:1;min-width:0;font:inherit;padding:6px}button{font:inherit}
ol{padding:0;list-style:none}li.story{background:#fff;border:1px solid #e1e1dc;
border-radius:8px;padding:10px 14px;margin:0 0 10px}li.story a{font-weight:600;color:#163f56}
.meta{color:#5f5f5f;font-size:.88em}.disputed{color:#a4161a;font-weight:600}
nav.pages{display:flex;gap:16px}
"""

SITE_BAR = (
    "<nav class=site style='padding:8px 20px;background:#163f56'>"
    "<a href='/' style='color:#fff;font-weight:600'>← All stories</a></nav>"
)


def list_page(stories: list[Listed], total: int, q: str, offset: int, limit: int) -> str:
    """The stories, newest activity first, with a search box and pages of ``limit``."""
    items = []
    for s in stories:
        outlets = ", ".join(s.outlets[:6]) + (
            f" and {len(s.outlets) - 6} more" if len(s.outlets) > 6 else ""
        )
        plural = "s" if s.disputed != 1 else ""
        disputed = (
            f" · <span class=disputed>{s.disputed} disputed point{plural}</span>"
            if s.disputed
            else ""
        )
        items.append(
            f"<li class=story><a href='/stories/{quote(s.id)}'>{_e(s.title)}</a>"
            f"<div class=meta>{s.articles} article{'s' if s.articles != 1 else ''} from "
            f"{_e(outlets)} · updated {_e(s.updated)}{disputed}</div></li>"
        )
    shown = f"{offset + 1}–{offset + len(stories)} of {total}" if stories else "none"
    pages = []
    if offset > 0:
        pages.append(f"<a href='/?{_query(q, max(0, offset - limit))}'>← newer</a>")
    if offset + len(stories) < total:
        pages.append(f"<a href='/?{_query(q, offset + limit)}'>older →</a>")
    empty = "" if stories else "<p>No story matches yet.</p>"
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>Stories · newsweave</title><style>{CSS}</style></head><body><main>"
        "<h1>Stories</h1><form method=get action='/'>"
        f"<input type=search name=q value='{_e(q)}' placeholder='Search titles and outlets' "
        "aria-label=Search><button>Search</button></form>"
        f"<p class=meta>Stories {shown}</p>{empty}<ol>{''.join(items)}</ol>"
        f"<nav class=pages>{''.join(pages)}</nav></main></body></html>\n"
    )


def story_page(page: str, since: str | None, updates: dict[str, Any] | None) -> str:
    """The briefing page ``page`` with the site bar, and what is new ``since``."""
    page = page.replace("<body>", f"<body>{SITE_BAR}", 1)
    if since is None or updates is None:
        return page
    section = _updates(since, updates)
    return page.replace("<div class=report>", f"<div class=report>{section}", 1)


def message_page(title: str, text: str) -> str:
    """A short page that says one thing (a story not briefed yet, a missing story)."""
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title)} · newsweave</title><style>{CSS}</style></head><body>"
        f"{SITE_BAR}<main><h1>{_e(title)}</h1><p>{_e(text)}</p></main></body></html>\n"
    )


def _updates(since: str, updates: dict[str, Any]) -> str:
    parts = []
    for a in updates["articles"]:
        parts.append(
            f"<li>New article: <b>{_e(a['source'] or '')}</b>: "
            f"{_e(a['title'] or '(no headline)')}</li>"
        )
    for f in updates["figures"]:
        before = "; ".join(f"{_e(v['value'])}" for v in f["before"])
        now = "; ".join(f"{_e(v['value'])}" for v in f["now"])
        parts.append(
            f"<li>Figure changed, {_e(f['about'].replace(':', ' '))}: was {before}; now {now}</li>"
        )
    for q in updates["quotes"]:
        who = q["speaker"]["name"] if q.get("speaker") else "unattributed"
        parts.append(f"<li>New quote ({_e(who)}): <q>{_e(q['text'])}</q></li>")
    for d in updates["disputes"]:
        parts.append(f"<li>New point where outlets differ: {_e(d['text'])}</li>")
    for f in updates["facts"][:10]:
        parts.append(f"<li>New fact: {_e(f['text'])}</li>")
    body = "".join(parts) or "<li>Nothing new.</li>"
    return f"<section id=updates><h2>New since {_e(since)}</h2><ul>{body}</ul></section>"


def _query(q: str, offset: int) -> str:
    return escape(urlencode({"q": q, "offset": offset}), quote=True)


def _e(text: str) -> str:
    return escape(" ".join(str(text).split()), quote=True)
