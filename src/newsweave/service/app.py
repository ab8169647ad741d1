"""``newsweave serve``: the story store as web pages and a JSON API (FastAPI).

Routes (docs/service.md has the whole contract):

- ``GET /``: the stories, newest activity first, ``?q=`` to search, ``?offset=`` to page;
- ``GET /stories/{id}``: the story's briefing page; ``?since=ISO-time`` says what is new;
- ``GET /api/stories``: ``newsweave.stories/1`` with a ``page`` object; ``?q=``, ``?since=``,
  ``?limit=`` (at most 200), ``?offset=``;
- ``GET /api/stories/{id}/briefing``: ``newsweave.briefing/2``, with ``updates`` for
  ``?since=``;
- ``POST /api/articles``: a JSON array of records (the ``.jsonl`` fields), with the write
  token; each record's story id, or its rejection and why;
- ``GET /healthz``, ``GET /openapi.json`` and ``GET /docs``.

Reads only read stored briefing versions. Writes add articles to the store and group them
in a worker process (:mod:`~newsweave.service.intake`); briefing them is the watcher's job,
or that of the worker thread ``serve`` starts (:class:`~newsweave.service.refresh.Refresher`),
so no request waits on spaCy.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse

from newsweave.grouping.store import open_stored
from newsweave.renderers.html_assets import JS_HASH
from newsweave.service.guard import COOKIE, Buckets, Guard, log
from newsweave.service.intake import Intake
from newsweave.settings import Settings, load_settings

PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src '{JS_HASH}'; img-src 'none'; form-action 'self'; frame-ancestors 'none'"
)
MAX_LIMIT = 200

logging.getLogger("newsweave.serve").addHandler(logging.NullHandler())


def create_app(
    db: str,
    settings: Settings | None = None,
    guard: Guard | None = None,
    *,
    worker: bool = True,
) -> FastAPI:
    """The service over the store ``db``; ``worker`` starts the briefing thread with it.

    Raises:
        StoreError: no store at ``db``.
    """
    from newsweave.service.refresh import Refresher

    settings = settings or Settings()
    guard = guard or Guard.from_env(os.environ)
    store = open_stored(db)
    buckets = Buckets(guard.rate, guard.burst)
    intake = Intake(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        refresher = Refresher(db, settings) if worker else None
        if refresher is not None:
            refresher.start()
        try:
            yield
        finally:
            if refresher is not None:
                refresher.stop()
            intake.close()
            store.close()

    app = FastAPI(
        title="newsweave",
        summary="What many news reports about one event say together, with the evidence.",
        version=_version(),
        lifespan=lifespan,
        docs_url=None,  # FastAPI's loads Swagger UI from a CDN; service/apidocs.py's does not
        redoc_url=None,
    )

    @app.middleware("http")
    async def guarded(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.monotonic()
        client = request.client.host if request.client else "?"
        wait = buckets.take(client)
        if wait:
            response: Response = JSONResponse(
                {"detail": "too many requests"}, 429, {"Retry-After": str(max(1, round(wait)))}
            )
        elif (
            request.url.path != "/healthz"
            and not guard.may_read(
                request.headers.get("authorization", ""), request.cookies.get(COOKIE, "")
            )
            and request.url.path != "/login"
        ):
            response = JSONResponse(
                {"detail": "a read token is required"}, 401, {"WWW-Authenticate": "Bearer"}
            )
        else:
            length = request.headers.get("content-length", "")
            if length.isdigit() and int(length) > guard.max_body:
                response = JSONResponse({"detail": f"body over {guard.max_body} bytes"}, 413)
            else:
                response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
        log.info(
            "%s %s %s %.0f ms",
            request.method,
            request.url.path,
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        return response

    from newsweave.service import routes
    from newsweave.service.apidocs import add_api_docs

    routes.add_routes(app, store, settings, guard, intake)
    add_api_docs(app)
    return app


def app_from_env() -> FastAPI:
    """The app as ``uvicorn --factory newsweave.service.app:app_from_env`` builds it in each
    worker process, from ``NEWSWEAVE_SERVE_DB`` and ``NEWSWEAVE_SERVE_WORKER`` (``0`` or
    ``1``) and the other settings of the environment."""
    db = os.environ.get("NEWSWEAVE_SERVE_DB", "")
    if not db:
        raise RuntimeError("NEWSWEAVE_SERVE_DB is not set: the store to serve")
    worker = os.environ.get("NEWSWEAVE_SERVE_WORKER", "1") == "1"
    return create_app(db, load_settings(), worker=worker)


def run_server(
    db: str,
    host: str,
    port: int,
    *,
    workers: int = 1,
    worker: bool = True,
    verbose: int = 0,
    told: Callable[[str], None] | None = None,
) -> None:
    """Serve the store ``db`` on ``host:port`` with uvicorn until stopped: ``workers`` web
    processes, each building the app with :func:`app_from_env`, and the briefing worker
    thread unless ``worker`` is False. ``told`` hears the address once the store is found.

    Raises:
        StoreError: no store at ``db`` (checked before anything listens).
    """
    import uvicorn

    open_stored(db).close()
    os.environ["NEWSWEAVE_SERVE_DB"] = db
    os.environ["NEWSWEAVE_SERVE_WORKER"] = "1" if worker else "0"
    if told is not None:
        told(f"newsweave: serving {db} on http://{host}:{port}/")
    uvicorn.run(
        "newsweave.service.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,  # the service logs each request without its query string
        log_level="info" if verbose else "warning",
    )


def _version() -> str:
    from newsweave import __version__

    return __version__


def parse_since(since: str | None) -> str | None:
    """``since`` as the store's UTC ISO 8601 text, or None; 422 for one that is not a time."""
    if since is None or not since.strip():
        return None
    try:
        when = dt.datetime.fromisoformat(since.strip().replace("Z", "+00:00"))
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return when.astimezone(dt.UTC).replace(microsecond=0).isoformat()
    except (ValueError, OverflowError):  # not a time, or one the calendar cannot shift
        raise HTTPException(422, f"since: {since[:40]!r} is not an ISO 8601 time") from None


def limit_query(default: int = 50) -> Any:
    """The ``limit`` parameter: 1 to ``MAX_LIMIT``."""
    return Query(default, ge=1, le=MAX_LIMIT)


__all__ = ["app_from_env", "create_app", "parse_since"]
