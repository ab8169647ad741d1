"""The README's sample outputs, made from newsweave's real output on the example story.

``python scripts/readme_samples.py`` rewrites each block between ``<!-- sample: NAME -->``
and ``<!-- end sample -->`` in README.md; ``--check`` only says whether they are current
(``tests/test_readme.py`` runs that check, so the samples cannot drift from the code).
The samples are excerpts: a Markdown section shows its first lines, a JSON list its first
item, a long text its first words, each cut marked with "…".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
EXAMPLE = "examples/harbour-bridge"
TODAY = "2026-01-15"  # the example's dates are inferred no later than this day
WIDTH = 96
TEXT_CHARS = 72
SECTION_LINES = 3
BLOCK = re.compile(r"(<!-- sample: (\w+) -->\n)(.*?)(<!-- end sample -->)", re.S)


def example_briefing() -> Any:
    """The example story's briefing, as `newsweave brief examples/harbour-bridge` makes it."""
    from newsweave.pipeline import brief
    from newsweave.settings import load_settings

    os.chdir(ROOT)  # paths in the output are relative to the checkout, as a user types them
    return brief([EXAMPLE], load_settings(today=TODAY))


def samples(briefing: Any) -> dict[str, str]:
    """Each sample block's text, from ``briefing``."""
    from newsweave.renderers import render

    tour = [f"$ newsweave brief {EXAMPLE} --format md", *_excerpt_markdown(render(briefing, "md"))]
    data = _trim(briefing.to_dict())
    return {
        "tour": "```\n" + "\n".join(tour) + "\n```\n",
        "json": "```json\n" + _format(data, 0) + "\n```\n",
    }


def _excerpt_markdown(text: str) -> list[str]:
    out: list[str] = []
    taken = 0
    for line in text.splitlines():
        if line.startswith("## "):
            taken = 0
            out += ["", line]
            continue
        if not line.strip() or line.startswith(("|---", "### ")):
            continue
        if line.startswith("# ") or taken < SECTION_LINES:
            out.append(_cut(line, WIDTH + 30))
        elif taken == SECTION_LINES:
            out.append("…")
        taken += not line.startswith("# ")
    return out


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 2].rsplit(" ", 1)[0] + " …"


def _trim(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _trim(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_trim(v) for v in value[:1]] + (["…"] if len(value) > 1 else [])
    if isinstance(value, str):
        return _cut(value, TEXT_CHARS)
    return value


def _format(value: Any, indent: int) -> str:
    """JSON, each value on one line where it fits in ``WIDTH``."""
    flat = json.dumps(value, ensure_ascii=False)
    if len(flat) + indent <= WIDTH or not isinstance(value, (dict, list)) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k)}: {_format(v, indent + 2)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + _format(v, indent + 2) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def updated(readme: str, blocks: dict[str, str]) -> str:
    """``readme`` with each sample block replaced by its current text."""

    def swap(match: re.Match[str]) -> str:
        name = match.group(2)
        if name not in blocks:
            raise SystemExit(f"README.md: unknown sample {name!r}")
        return match.group(1) + blocks[name] + match.group(4)

    return BLOCK.sub(swap, readme)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether they are current")
    args = parser.parse_args(argv)
    readme = README.read_text(encoding="utf-8")
    fresh = updated(readme, samples(example_briefing()))
    if args.check:
        if fresh != readme:
            sys.stderr.write("README.md: samples are stale; run python scripts/readme_samples.py\n")
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
