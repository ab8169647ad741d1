"""service.apidocs: /docs is Swagger UI from this machine, under a policy that allows only
this origin; its files are served from the web extra, and a missing one is a clear 404."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsweave.service import apidocs
from newsweave.service.apidocs import DOCS_CSP


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from newsweave.grouping.store import open_store
    from newsweave.service.app import create_app
    from newsweave.service.guard import Guard

    db = tmp_path_factory.mktemp("docs") / "news.db"
    open_store(db, "lexical").close()
    with TestClient(create_app(str(db), guard=Guard(), worker=False)) as c:
        yield c


def test_the_page_loads_nothing_from_elsewhere(client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == DOCS_CSP
    assert "script-src 'self';" in DOCS_CSP
    assert "unsafe-eval" not in DOCS_CSP
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources
    assert all(s.startswith("/docs/assets/") for s in sources), sources
    assert "<script>" not in page.text  # no inline script: the policy would block it
    assert 'data-openapi="/openapi.json"' in page.text
    assert client.get("/redoc").status_code == 404  # FastAPI's CDN page is not served


def test_the_files_come_with_their_types(client) -> None:
    js = client.get("/docs/assets/swagger-ui-bundle.js")
    assert js.status_code == 200
    assert js.headers["content-type"].startswith("text/javascript")
    assert b"SwaggerUIBundle" in js.content
    assert client.get("/docs/assets/swagger-ui.css").headers["content-type"].startswith("text/css")
    start = client.get("/docs/assets/start.js")
    assert b"document.body.dataset.openapi" in start.content


@pytest.mark.parametrize("name", ["nope.js", "..%2F..%2Fpyproject.toml", "index.html"])
def test_other_names_are_404(client, name: str) -> None:
    assert client.get(f"/docs/assets/{name}").status_code == 404


def test_without_the_files_the_page_says_what_to_install(
    client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apidocs, "vendor_file", lambda name: None)
    page = client.get("/docs")
    assert page.status_code == 503
    assert "pip install &#x27;newsweave[web]&#x27;" in page.text
    assert client.get("/docs/assets/swagger-ui.css").status_code == 404


def test_the_files_are_those_fastapi_offline_ships() -> None:
    import fastapi_offline

    static = Path(fastapi_offline.__file__).parent / "static"
    assert apidocs.vendor_file("swagger-ui.css") == (static / "swagger-ui.css").read_bytes()
    assert apidocs.vendor_file("../__init__.py") is None
