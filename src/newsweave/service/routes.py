"""The routes of ``newsweave serve`` (see :mod:`newsweave.service.app` for the list)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from newsweave.grouping.store import StoryStore
from newsweave.service.guard import COOKIE, Guard
from newsweave.service.intake import Intake
from newsweave.settings import Settings

STORIES_SCHEMA = "newsweave.stories/1"
MAX_RECORDS = 5000  # records in one POST: a bigger batch is the watcher's or stories' job


def add_routes(
    app: FastAPI, store: StoryStore, settings: Settings, guard: Guard, intake: Intake
) -> None:
    """Add every route to ``app``, serving ``store``; ``intake`` groups posted articles."""
    from newsweave.service.app import limit_query, parse_since

    pages = _Pages(store)
    recent = _Recent()

    @app.get("/healthz", tags=["service"], summary="Whether the service and its store answer")
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "articles": store.count()}

    @app.get("/", response_class=HTMLResponse, tags=["pages"], summary="The stories")
    def index(
        q: str = Query("", max_length=200), offset: int = Query(0, ge=0), limit: int = limit_query()
    ) -> str:
        from newsweave.service.pages import list_page
        from newsweave.service.versions import listing

        stories, total = recent.get(
            ("list", q, None, limit, offset),
            lambda: listing(store, q=q, limit=limit, offset=offset),
        )
        return list_page(stories, total, q, offset, limit)

    @app.get(
        "/stories/{story_id}",
        response_class=HTMLResponse,
        tags=["pages"],
        summary="A story's briefing page",
    )
    def story_page(story_id: str, since: str | None = Query(None, max_length=40)) -> Response:
        from newsweave.service.pages import message_page, story_page
        from newsweave.service.updates import updates
        from newsweave.service.versions import latest

        when = parse_since(since)
        current = recent.get(("head", story_id), lambda: _current(store, story_id))
        if current is None:
            return HTMLResponse(
                message_page(
                    "Being briefed",
                    "This story has no briefing yet; it is being prepared. Come back in a minute.",
                ),
                202,
            )
        news = None
        if when is not None:
            before = latest(store, story_id, at=when)
            news = updates(before.data() if before else None, pages.data(*current[:2]))
        return HTMLResponse(story_page(pages.html(*current[:2]), since, news))

    @app.get("/api/stories", tags=["api"], summary="Stories, newest activity first")
    def api_stories(
        q: str = Query("", max_length=200),
        since: str | None = Query(None, max_length=40),
        limit: int = limit_query(),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        from newsweave.service.versions import listing

        when = parse_since(since)
        stories, total = recent.get(
            ("list", q, when, limit, offset),
            lambda: listing(store, q=q, since=when, limit=limit, offset=offset),
        )
        following = offset + len(stories)
        return {
            "schema": STORIES_SCHEMA,
            "stories": [
                {
                    "id": s.id,
                    "title": s.title,
                    "articles": list(s.members),
                    "outlets": list(s.outlets),
                    "updated": s.updated,
                    "disputed": s.disputed,
                    "version": s.version,
                }
                for s in stories
            ],
            "rejected": [],
            "page": {
                "total": total,
                "limit": limit,
                "offset": offset,
                "next": following if following < total else None,
            },
        }

    @app.get("/api/stories/{story_id}/briefing", tags=["api"], summary="A story's briefing")
    def api_briefing(story_id: str, since: str | None = Query(None, max_length=40)) -> Response:
        from newsweave.service.updates import updates
        from newsweave.service.versions import latest

        when = parse_since(since)
        current = recent.get(("head", story_id), lambda: _current(store, story_id))
        if current is None:
            return JSONResponse({"detail": "this story has no briefing yet; try again soon"}, 202)
        if when is None:  # the same bytes for every reader of this version, made once
            return Response(pages.json(*current[:2]), media_type="application/json")
        data = pages.data(*current[:2])
        before = latest(store, story_id, at=when)
        news = updates(before.data() if before else None, data)  # before data gains keys
        data["version"] = {"number": current[1], "made": current[2]}
        data["updates"] = {
            "since": when,
            "from_version": before.version if before else None,
            **news,
        }
        return JSONResponse(data)

    @app.post("/api/articles", tags=["api"], summary="Add articles (needs the write token)")
    async def api_articles(request: Request) -> Response:
        from newsweave.model import Article, Rejected
        from newsweave.read._article import Origin, valid_outcome
        from newsweave.read.records import read_records

        if not guard.write_token:
            raise HTTPException(403, "writes are off: set NEWSWEAVE_API_TOKEN to allow them")
        if not guard.may_write(request.headers.get("authorization", "")):
            raise HTTPException(401, "the write token is required", {"WWW-Authenticate": "Bearer"})
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > guard.max_body:
                raise HTTPException(413, f"body over {guard.max_body} bytes")
        if not bytes(body).lstrip().startswith(b"["):
            raise HTTPException(422, "the body must be a JSON array of records")
        read = read_records(bytes(body), Origin("POST /api/articles"), settings, lines=False)
        if len(read) > MAX_RECORDS:
            raise HTTPException(413, f"{len(read)} records: at most {MAX_RECORDS} in one request")
        outcomes = [valid_outcome(o) for o in read]
        seen: set[str] = set()
        for n, o in enumerate(outcomes):
            if isinstance(o, Article):
                if o.id in seen:  # the store keeps one article per id: say so
                    outcomes[n] = Rejected(
                        f"POST /api/articles:{n + 1}", f"id {o.id!r} given twice"
                    )
                seen.add(o.id)
        articles = [o for o in outcomes if isinstance(o, Article)]
        placed = await intake.add(articles) if articles else {}
        out = []
        for o in outcomes:
            if isinstance(o, Article):
                out.append({"id": o.id, "story": placed.get(o.id)})
            else:
                out.append({"input": o.input, "rejected": o.reason})
        return JSONResponse({"articles": out}, 200)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form() -> str:
        return (
            "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>Sign in · "
            "newsweave</title></head><body><form method=post action='/login'><label>Read "
            "token <input type=password name=token autocomplete=current-password></label> "
            "<button>Sign in</button></form></body></html>\n"
        )

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        from urllib.parse import parse_qs

        form = parse_qs((await request.body())[:2000].decode("utf-8", "replace"))
        token = (form.get("token") or [""])[0]
        if not guard.read_token or not guard.may_read(f"Bearer {token}", ""):
            return HTMLResponse("<!DOCTYPE html><p>Wrong token.</p>", 401)
        response = RedirectResponse("/", 303)
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=False)
        return response


class _Recent:
    """Answers of the last ``seconds`` (the list, a story's latest version): 50 readers of
    one list cost one query a second, and a new version shows within that second."""

    def __init__(self, seconds: float = 1.0, size: int = 1024) -> None:
        from threading import Lock

        self.seconds, self.size = seconds, size
        self._kept: dict[Any, tuple[float, Any]] = {}
        self._lock = Lock()

    def get(self, key: Any, make: Any) -> Any:
        import time

        now = time.monotonic()
        with self._lock:
            hit = self._kept.get(key)
        if hit is not None and now - hit[0] < self.seconds:
            return hit[1]
        value = make()
        with self._lock:
            if len(self._kept) >= self.size:
                self._kept = {k: v for k, v in self._kept.items() if now - v[0] < self.seconds}
            self._kept[key] = (now, value)
        return value


class _Pages:
    """Briefings, rendered pages and API answers by story and version: a version never
    changes, so each is read and made once (the last ``size`` of each kind are kept)."""

    def __init__(self, store: StoryStore, size: int = 256) -> None:
        from collections import OrderedDict
        from threading import Lock

        self.store, self.size = store, size
        self._kept: OrderedDict[tuple[str, str, int], Any] = OrderedDict()
        self._lock = Lock()

    def data(self, story: str, number: int) -> dict[str, Any]:
        """The version's briefing as data (a fresh copy: callers may add to it)."""
        record: str = self._made("record", story, number, lambda v: v.record)
        loaded: dict[str, Any] = json.loads(record)
        return loaded

    def json(self, story: str, number: int) -> str:
        """The briefing API's answer: the version's JSON with its ``version`` object."""

        def make(version: Any) -> str:
            data = json.loads(version.record)
            data["version"] = {"number": version.version, "made": version.made}
            return json.dumps(data, ensure_ascii=False)

        answer: str = self._made("json", story, number, make)
        return answer

    def html(self, story: str, number: int) -> str:
        """The version's briefing page."""
        from newsweave.model import Briefing
        from newsweave.renderers.html import render_html

        def make(version: Any) -> str:
            return render_html(Briefing.from_dict(json.loads(version.record)))

        page: str = self._made("html", story, number, make)
        return page

    def _made(self, kind: str, story: str, number: int, make: Any) -> Any:
        from newsweave.service.versions import version

        key = (kind, story, number)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        found = version(self.store, story, number)
        if found is None:
            raise HTTPException(404, f"no version {number} of story {story!r}")
        value = make(found)
        with self._lock:
            self._kept[key] = value
            while len(self._kept) > 3 * self.size:
                self._kept.popitem(last=False)
        return value


def _current(store: StoryStore, story_id: str) -> tuple[str, int, str] | None:
    """The story's latest version as (story, number, made), read without its briefing;
    None before its first briefing; 404 when the store has no such story."""
    from newsweave.service.versions import head

    if len(story_id) > 64:
        raise HTTPException(404, "no such story")
    found = head(store, story_id)
    if found is None:
        if store.story(story_id) is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return None
    return story_id, found[0], found[1]
