"""Floors are raised, never lowered silently: against the previous commit's floors.json."""

from __future__ import annotations

import json
import subprocess

import pytest

from floors import FLOORS_FILE, floors


def _previous() -> dict[str, dict[str, object]]:
    rel = FLOORS_FILE.relative_to(FLOORS_FILE.parents[1]).as_posix()
    try:
        shown = subprocess.run(
            ["git", "-C", str(FLOORS_FILE.parent), "show", f"HEAD~1:{rel}"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        pytest.skip("no previous commit with evals/floors.json (shallow clone or new file)")
    found: dict[str, dict[str, object]] = json.loads(shown.stdout)
    return found


def test_every_floor_is_a_figure_with_what_it_measures() -> None:
    for name, entry in floors().items():
        assert float(entry["floor"]) >= 0.0, name
        assert entry.get("what"), f"{name}: say what the floor measures"


def test_no_floor_is_lowered_or_dropped_without_a_reason() -> None:
    now = floors()
    for name, entry in _previous().items():
        if name not in now:
            pytest.fail(f"floor {name} was dropped; keep it, or lower it with a reason")
        before, after = float(str(entry["floor"])), float(now[name]["floor"])
        if after < before:
            assert now[name].get("lowered_because"), (
                f"floor {name} lowered from {before} to {after}: say why in "
                '"lowered_because" (and in the commit message)'
            )
