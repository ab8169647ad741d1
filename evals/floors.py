"""The acceptance gate: each figure an eval measures against its pinned floor (floors.json).

A floor is the figure we last measured, rounded down: raise it when newsweave improves, and
never lower it silently. A lowered floor carries ``"lowered_because"`` in floors.json, and
``test_floors.py`` refuses one lowered without it (against the previous commit's floors).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FLOORS_FILE = Path(__file__).with_name("floors.json")


def floors() -> dict[str, dict[str, Any]]:
    """Every floor by name: ``{"floor": value, "what": …}``."""
    data: dict[str, dict[str, Any]] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    return data


def gate(name: str, value: float) -> None:
    """Print ``value`` beside the floor ``name`` and fail when it falls below it."""
    entry = floors().get(name)
    assert entry is not None, f"{name}: no floor in {FLOORS_FILE.name}; add one"
    floor = float(entry["floor"])
    print(f"{name}: {value:.4f} (floor {floor:.4f}, margin {value - floor:+.4f})")
    assert value >= floor - 1e-9, (
        f"{name} fell to {value:.3f}, below its floor {floor:.3f} ({entry.get('what', '')})"
    )
