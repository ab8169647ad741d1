"""``GET /docs``: the API explorer (Swagger UI), served from this machine.

FastAPI's own ``/docs`` loads Swagger UI from a CDN and starts it with an inline script; the
service's Content-Security-Policy blocks both (and a newsroom's server may have no way out
anyway), so the page stayed blank. Here the page is ours: Swagger UI's files come from the
``fastapi-offline`` package (part of the ``web`` extra) under ``/docs/assets/``, the page's
one script is a file of its own, and the page's policy allows scripts, styles and requests
from this origin only.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, Response

DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'"
)

# Swagger UI's own files, as fastapi-offline ships them, and their media types.
_VENDOR = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon.png": "image/png",
}
_START = b"""window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: document.body.dataset.openapi,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
"""
_MISSING = (
    "The API explorer needs Swagger UI's files, from the fastapi-offline package: "
    "pip install 'newsweave[web]'. The schema itself is at "
)


def add_api_docs(app: FastAPI, openapi_url: str = "/openapi.json") -> None:
    """Serve the explorer at ``/docs`` and its files at ``/docs/assets/{name}``."""

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        headers = {"Content-Security-Policy": DOCS_CSP}
        if vendor_file("swagger-ui-bundle.js") is None:
            link = html.escape(openapi_url)
            body = f"<p>{html.escape(_MISSING)}<a href='{link}'>{link}</a>.</p>"
            return HTMLResponse(_page(app.title, body), 503, headers)
        return HTMLResponse(_page(app.title, "", openapi_url), headers=headers)

    @app.get("/docs/assets/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        if name == "start.js":
            body: bytes | None = _START
            kind = "text/javascript; charset=utf-8"
        else:
            kind = _VENDOR.get(name, "")
            body = vendor_file(name) if kind else None
        if body is None:
            raise HTTPException(404, f"no file {name!r} here")
        return Response(body, media_type=kind, headers={"Cache-Control": "max-age=86400"})


@cache
def vendor_file(name: str) -> bytes | None:
    """One of Swagger UI's files from ``fastapi-offline``, or None without the package."""
    if name not in _VENDOR:
        return None
    try:
        return (resources.files("fastapi_offline") / "static" / name).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        return None


def _page(title: str, body: str, openapi_url: str | None = None) -> str:
    name = html.escape(title)
    if openapi_url is None:
        return f"<!DOCTYPE html><html lang=en><title>{name} API</title><body>{body}</body></html>"
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{name} API</title>"
        '<link rel=stylesheet href="/docs/assets/swagger-ui.css">'
        '<link rel=icon href="/docs/assets/favicon.png">'
        '<script src="/docs/assets/swagger-ui-bundle.js"></script>'
        '<script src="/docs/assets/start.js"></script></head>'
        f'<body data-openapi="{html.escape(openapi_url)}"><div id=swagger-ui></div></body></html>'
    )
