"""A hand-made gold folder on disk: its ``articles.jsonl`` texts and its ``gold.json``.

The trust and pages sets (``bench/data/trust``, ``bench/data/pages``) share this layout;
their scorers (``trustgold.py``, ``pagesgold.py``) read it here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_folder(folder: Path) -> tuple[dict[str, str], dict[str, Any]]:
    """The folder's article texts by id, and its parsed ``gold.json``."""
    texts: dict[str, str] = {}
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    gold: dict[str, Any] = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return texts, gold
