"""Invented inputs for the reader tests: files written to a folder, a stand-in web, the
sample files in tests/data/read, and the checks every reader's outcomes must pass."""

from __future__ import annotations

from pathlib import Path

import httpx
from hypothesis import HealthCheck, settings

from newsweave.model import Article, Rejected
from newsweave.read import ReadResult
from newsweave.read._article import Origin

DATA = Path(__file__).resolve().parent / "data" / "read"
FEW = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ORIGIN = Origin.for_path("in/x")


def write(folder: Path, name: str, data: str | bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return str(path)


def only_article(result: ReadResult) -> Article:
    assert result.rejected == ()
    assert len(result.articles) == 1
    return result.articles[0]


def only_rejected(result: ReadResult) -> Rejected:
    assert result.articles == ()
    assert len(result.rejected) == 1
    return result.rejected[0]


def assert_outcomes(outcomes: tuple[Article | Rejected, ...]) -> None:
    assert outcomes
    for outcome in outcomes:
        assert isinstance(outcome, Article | Rejected)
        if isinstance(outcome, Article):
            assert outcome.text.strip()
        else:
            assert outcome.reason


def client_for(
    routes: dict[str, httpx.Response], seen: list[httpx.Request] | None = None
) -> httpx.Client:
    """An httpx client that answers ``routes`` by URL (404 elsewhere), never the network."""

    def handle(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return routes.get(str(request.url), httpx.Response(404))

    return httpx.Client(transport=httpx.MockTransport(handle))


def html(body: bytes, content_type: str = "text/html; charset=utf-8") -> httpx.Response:
    return httpx.Response(200, content=body, headers={"content-type": content_type})
