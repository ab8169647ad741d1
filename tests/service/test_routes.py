"""service.routes through an HTTP client: every endpoint, the 401/403/404/413/422 paths,
pagination, and an OpenAPI schema that validates."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from newsweave.service.guard import Guard
from servicedb import SETTINGS, briefed_store

TOKEN = "write-secret-123"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, nlp) -> str:
    return briefed_store(tmp_path_factory.mktemp("service") / "news.db")


@pytest.fixture
def client(db: str) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from newsweave.service.app import create_app
    from newsweave.settings import load_settings

    app = create_app(
        db, load_settings(**SETTINGS), Guard(write_token=TOKEN, max_body=20_000), worker=False
    )
    with TestClient(app) as c:
        yield c


def test_the_list_page_and_api_show_the_briefed_story(client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "Harbour Bridge" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    data = client.get("/api/stories").json()
    assert data["schema"] == "newsweave.stories/1"
    (story,) = data["stories"]
    assert len(story["articles"]) == 5
    assert story["disputed"] >= 1
    assert data["page"] == {"total": 1, "limit": 50, "offset": 0, "next": None}


def test_the_stories_api_follows_its_json_schema(client) -> None:
    from importlib.resources import files

    import jsonschema

    schema = json.loads(files("newsweave").joinpath("schemas", "stories.schema.json").read_text())
    jsonschema.validate(client.get("/api/stories").json(), schema)
    briefing_schema = json.loads(
        files("newsweave").joinpath("schemas", "briefing.schema.json").read_text()
    )
    sid = client.get("/api/stories").json()["stories"][0]["id"]
    jsonschema.validate(
        client.get(f"/api/stories/{sid}/briefing", params={"since": "2000-01-01"}).json(),
        briefing_schema,
    )


def test_search_and_pages(client) -> None:
    assert client.get("/api/stories", params={"q": "harbour bridge"}).json()["page"]["total"] == 1
    assert client.get("/api/stories", params={"q": "volcano"}).json()["stories"] == []
    assert client.get("/api/stories", params={"q": "100%_"}).json()["stories"] == []
    one = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert one["stories"] == []
    assert one["page"]["next"] is None
    assert (
        client.get("/api/stories", params={"since": "2999-01-01T00:00:00Z"}).json()["stories"] == []
    )
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422
    assert client.get("/api/stories", params={"limit": 201}).status_code == 422
    assert client.get("/api/stories", params={"since": "yesterday"}).status_code == 422


def test_a_story_page_and_briefing(client) -> None:
    sid = client.get("/api/stories").json()["stories"][0]["id"]
    page = client.get(f"/stories/{sid}")
    assert page.status_code == 200
    assert "All stories" in page.text
    assert "id=updates" not in page.text
    marked = client.get(f"/stories/{sid}", params={"since": "2000-01-01"})
    assert "New since 2000-01-01" in marked.text
    briefing = client.get(f"/api/stories/{sid}/briefing").json()
    assert briefing["schema"] == "newsweave.briefing/2"
    assert "updates" not in briefing
    assert briefing["version"]["number"] == 1


def test_missing_stories_are_404(client) -> None:
    assert client.get("/stories/s-000000000000").status_code == 404
    assert client.get("/api/stories/s-000000000000/briefing").status_code == 404
    assert client.get("/stories/" + "x" * 300).status_code == 404


def test_writes_need_the_token_and_fit_the_limit(client) -> None:
    record = {
        "text": "The Kariba dam opened its gates on Monday, officials said.",
        "source": "Wire",
        "title": "Kariba dam opens",
    }
    assert client.post("/api/articles", json=[record]).status_code == 401
    wrong = client.post("/api/articles", json=[record], headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = client.post("/api/articles", content=b"[" + b" " * 300_000 + b"]", headers=auth)
    assert big.status_code == 413
    assert client.post("/api/articles", json={"text": "x"}, headers=auth).status_code == 422
    done = client.post("/api/articles", json=[record, {"title": "no text"}], headers=auth)
    assert done.status_code == 200
    added, rejected = done.json()["articles"]
    assert added["story"].startswith("s-")
    assert 'no "text" field' in rejected["rejected"]
    # the new story has no briefing yet: its page says so, and no request briefs it
    assert client.get(f"/stories/{added['story']}").status_code == 202
    assert client.get(f"/api/stories/{added['story']}/briefing").status_code == 202


def test_writes_are_off_without_a_token(db: str) -> None:
    from fastapi.testclient import TestClient

    from newsweave.service.app import create_app

    with TestClient(create_app(db, guard=Guard(), worker=False)) as c:
        response = c.post(
            "/api/articles", json=[{"text": "x"}], headers={"Authorization": "Bearer "}
        )
        assert response.status_code == 403
        assert "NEWSWEAVE_API_TOKEN" in response.json()["detail"]


def test_a_read_token_guards_every_read_but_health(db: str) -> None:
    from fastapi.testclient import TestClient

    from newsweave.service.app import create_app

    with TestClient(create_app(db, guard=Guard(read_token="r-secret"), worker=False)) as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/").status_code == 401
        assert c.get("/api/stories").status_code == 401
        assert (
            c.get("/api/stories", headers={"Authorization": "Bearer r-secret"}).status_code == 200
        )
        assert c.post("/login", data={"token": "wrong"}).status_code == 401
        signed = c.post("/login", data={"token": "r-secret"}, follow_redirects=False)
        assert signed.status_code == 303
        assert c.get("/").status_code == 200  # the cookie signs the browser in


def test_too_many_requests_are_429(db: str) -> None:
    from fastapi.testclient import TestClient

    from newsweave.service.app import create_app

    with TestClient(create_app(db, guard=Guard(rate=1.0, burst=3), worker=False)) as c:
        codes = [c.get("/healthz").status_code for _ in range(6)]
    assert codes[:3] == [200, 200, 200]
    assert 429 in codes[3:]


def test_the_openapi_schema_validates(client) -> None:
    from openapi_spec_validator import validate

    spec = client.get("/openapi.json").json()
    validate(spec)
    assert {
        "/",
        "/stories/{story_id}",
        "/api/stories",
        "/api/stories/{story_id}/briefing",
        "/api/articles",
        "/healthz",
    } <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_logs_carry_no_token_and_no_query(client, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    with caplog.at_level(logging.INFO, logger="newsweave.serve"):
        client.get(
            "/api/stories",
            params={"q": "secret-query"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "GET /api/stories 200" in text
    assert TOKEN not in text
    assert "secret-query" not in text


def test_hostile_posts_and_queries_get_clear_answers(client) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "The Kariba dam opened its gates on Monday, officials said."
    twice = client.post(
        "/api/articles",
        json=[
            {"id": "dup1", "text": text},
            {"id": "dup1", "text": text + " More."},
            {"id": "x" * 300, "text": text},
            {"text": text + " Again.", "lang": "x" * 40},
        ],
        headers=auth,
    ).json()["articles"]
    assert twice[0]["id"] == "dup1"
    assert twice[1]["rejected"] == "id 'dup1' given twice"
    assert twice[2]["rejected"].endswith('"id" longer than 255 characters')
    assert twice[3]["rejected"].endswith('"lang" longer than 16 characters')
    many = client.post("/api/articles", content=json.dumps([{"text": "x"}] * 5001), headers=auth)
    assert many.status_code == 413  # the body fits; the count does not
    for since in ("9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00"):
        assert client.get("/api/stories", params={"since": since}).status_code == 422
    assert client.get("/api/stories", params={"q": "\x00"}).json()["page"]["total"] == 1
