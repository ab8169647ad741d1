"""Fixtures of the unit tests (the session ones, shared with evals/, are in ../conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str, str, str], None]]:
    """Stand-in entry points for one test: ``plugins("renderers", "shout", "mod:attr")``
    registers ``mod:attr`` in the group ``newsweave.renderers``; the installed ones are
    hidden."""
    from newsweave import registry

    groups: dict[str, list[tuple[str, str]]] = {}
    monkeypatch.setattr(registry, "_entry_points", lambda group: list(groups.get(group, [])))
    registry._table.cache_clear()

    def add(kind: str, name: str, target: str) -> None:
        groups.setdefault(f"newsweave.{kind}", []).append((name, target))
        registry._table.cache_clear()

    yield add
    registry._table.cache_clear()  # rebuilt from the real entry points on next use


@pytest.fixture
def echo_model() -> Iterator[str]:
    """The base URL of a stand-in LLM server on loopback (see ``echomodel.py``)."""
    from echomodel import echo_model_url

    with echo_model_url() as url:
        yield url
