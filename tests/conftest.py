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


# --- a headless Chromium for the browser tests ----------------------------------------------

DEBIAN_CHROMIUM = "/usr/bin/chromium"
# The sandbox needs user namespaces a root CI container lacks; the rest keeps Chromium from
# reaching for the (closed) network on its own: updates, sync, QUIC probes.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium (``.ci/chromium`` installs it, ``NEWSWEAVE_TEST_CHROMIUM`` points
    elsewhere) through Playwright's own driver; ``playwright install`` is never run. Skips,
    saying why, where either is missing."""
    import os
    from pathlib import Path

    executable = ""
    for candidate in (os.environ.get("NEWSWEAVE_TEST_CHROMIUM", ""), DEBIAN_CHROMIUM):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            executable = candidate
            break
    if not executable:
        pytest.skip(
            "no Chromium: set NEWSWEAVE_TEST_CHROMIUM or install Debian's chromium (.ci/chromium)"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def local_ray() -> Iterator[None]:
    """A local Ray with one CPU, started once for the tests that need it (they skip without
    Ray installed); a Ray engine finds it running and joins it."""
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'newsweave[ray]')")
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()
