"""Brief folders of real coverage with this checkout or with any commit, for the benches
that score briefings against hand-made gold (``trust.py``, ``pages.py``).

Each folder holds an ``articles.jsonl``; its briefing is rendered as the
``newsweave.briefing/1`` JSON a user gets, so any commit's output is scored by the same
rules.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-01-01"  # fixes inferred dates, so runs repeat

_BRIEF = """
import json, sys
import newsweave
from newsweave.settings import Settings
for folder, out in zip(sys.argv[1::2], sys.argv[2::2]):
    b = newsweave.brief([folder + "/articles.jsonl"], Settings(today="{today}"))
    open(out, "w", encoding="utf-8").write(newsweave.render(b, "json"))
"""


def pct(n: int, d: int) -> str:
    """``n/d (P%)``, or ``-`` when ``d`` is 0."""
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "-"


def brief_all(folders: list[Path], src: Path, out: Path) -> dict[str, dict[str, Any]]:
    """Each folder's briefing JSON, by folder name, made by the package under ``src``."""
    args = []
    for folder in folders:
        args += [str(folder), str(out / f"{folder.name}.json")]
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run(
        [sys.executable, "-c", _BRIEF.replace("{today}", TODAY), *args], check=True, env=env
    )
    return {
        f.name: json.loads((out / f"{f.name}.json").read_text(encoding="utf-8")) for f in folders
    }


@contextlib.contextmanager
def checkout(ref: str) -> Iterator[Path]:
    """Commit ``ref`` checked out in a temporary git worktree, removed afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", str(tree), ref],
            check=True,
            capture_output=True,
        )
        try:
            yield tree
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=False
            )


def at_ref(ref: str, folders: list[Path], out: Path) -> dict[str, dict[str, Any]]:
    """Briefings by commit ``ref``, checked out in a temporary worktree."""
    with checkout(ref) as tree:
        return brief_all(folders, tree / "src", out)


def runs(
    folders: list[Path], ref: str | None, out: Path
) -> list[tuple[str, dict[str, dict[str, Any]]]]:
    """The briefings to score, labelled: commit ``ref``'s first when given, then this
    checkout's; their JSON files are kept under ``out`` (``ref/`` and ``head/``)."""
    found: list[tuple[str, dict[str, dict[str, Any]]]] = []
    if ref:
        (out / "ref").mkdir(parents=True, exist_ok=True)
        found.append((f"baseline {ref}", at_ref(ref, folders, out / "ref")))
    (out / "head").mkdir(parents=True, exist_ok=True)
    found.append(("this checkout", brief_all(folders, REPO / "src", out / "head")))
    return found


def score_main(
    doc: str,
    default: Path,
    load_all: Callable[[Path], list[Any]],
    score: Callable[[Any, dict[str, Any]], Any],
    report: Callable[[str, dict[str, Any]], Any],
    unit: str,
) -> None:
    """The command line of a gold bench: brief every ``unit`` folder under ``--data`` (with
    ``--ref`` as a baseline first), score each briefing and print the report; ``--show``
    prints one folder's misses, ``--keep`` keeps the JSON."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--ref", help="also score this commit's briefings, as the baseline")
    parser.add_argument("--show", help=f"print every miss of this {unit} (or 'all')")
    parser.add_argument("--keep", type=Path, help="keep the briefing JSON files here")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"{args.data}: no such folder")
    sets = load_all(args.data)
    if not sets:
        sys.exit(f"no {unit} folders with gold.json under {args.data}")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        for label, briefings in runs([g.path for g in sets], args.ref, out):
            scores = {g.slug: score(g, briefings[g.slug]) for g in sets}
            report(label, scores)
            if args.show:
                for slug, s in scores.items():
                    if args.show in {slug, "all"}:
                        print(f"-- {slug}")
                        print("\n".join(f"   {m}" for m in s.misses))
