"""Every output newsweave writes for the seeds, examples and ``tests/data``, to diff commits.

Usage:
    python bench/snapshot.py OUT_DIR                  # this checkout's outputs into OUT_DIR
    python bench/snapshot.py OUT_DIR --ref cc6afbe    # another commit's (a git worktree)
    python bench/snapshot.py --diff OLD_DIR NEW_DIR   # which outputs differ, and a diff

A restructure must leave every file byte-identical (``--diff`` exits 1 otherwise). Each
input set is briefed as one story in JSON, Markdown and HTML, and grouped into stories in
JSON and Markdown, with the run's day fixed so inferred dates do not move with the clock.
``--ref`` checks the commit out into a temporary worktree and runs this same script there
with its ``src/`` first on the path, in this checkout's virtual environment.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import time
from pathlib import Path

from _briefs import REPO, checkout

SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))
TODAY = "2026-12-05"


def input_sets() -> dict[str, list[str]]:
    """Name → inputs of one story, from the seeds, the examples and ``tests/data``."""
    sets: dict[str, list[str]] = {}
    if (SHARED / "seeds").is_dir():
        sets["seeds"] = [str(SHARED / "seeds")]
    sets["harbour-bridge"] = [str(REPO / "examples" / "harbour-bridge")]
    sets["example-feed"] = [str(REPO / "examples" / "feed.xml")]
    sets["example-records"] = [str(REPO / "examples" / "records.jsonl")]
    for story in sorted((REPO / "tests" / "data" / "stories").iterdir()):
        if story.is_dir():
            sets[f"story-{story.name}"] = [str(story)]
    for folder in ("read", "clean"):
        for file in sorted((REPO / "tests" / "data" / folder).iterdir()):
            sets[f"{folder}-{file.name}"] = [str(file)]
    for file in sorted((REPO / "tests" / "data" / "clusters").glob("*.jsonl")):
        sets[f"clusters-{file.stem}"] = [str(file)]
    return sets


def stories_sets() -> dict[str, list[str]]:
    """Name → inputs to group into stories."""
    sets = {
        f"clusters-{f.stem}": [str(f)]
        for f in sorted((REPO / "tests" / "data" / "clusters").glob("*.jsonl"))
    }
    everything = [str(REPO / "examples"), str(REPO / "tests" / "data" / "stories")]
    if (SHARED / "seeds").is_dir():
        everything.append(str(SHARED / "seeds"))
    sets["all-stories"] = everything
    return sets


def write_outputs(out: Path) -> None:
    """Brief and group every input set with the ``newsweave`` on the path; write the text."""
    import newsweave
    from newsweave.settings import Settings

    # Bound once: on an older commit a submodule import can shadow these names.
    brief, render, stories = newsweave.brief, newsweave.render, newsweave.stories

    out.mkdir(parents=True, exist_ok=True)
    settings = Settings(today=TODAY)
    started = time.perf_counter()
    for name, inputs in input_sets().items():
        briefing = brief(inputs, settings)
        for fmt, suffix in (("json", "json"), ("md", "md"), ("html", "html")):
            text = render(briefing, fmt)
            (out / f"brief-{name}.{suffix}").write_text(_portable(text), encoding="utf-8")
        print(f"  brief {name}", file=sys.stderr)
    for name, inputs in stories_sets().items():
        grouping = stories(inputs, settings)
        for fmt in ("json", "md"):
            (out / f"stories-{name}.{fmt}").write_text(
                _portable(_render_stories(grouping, fmt)), encoding="utf-8"
            )
        print(f"  stories {name}", file=sys.stderr)
    print(f"wrote {len(list(out.iterdir()))} files in {time.perf_counter() - started:.0f} s")


def _portable(text: str) -> str:
    """``text`` with this checkout's and the shared folder's paths as ``<repo>`` and
    ``<shared>``, so checkouts in other folders (worktrees) give the same bytes."""
    for path, name in ((REPO, "<repo>"), (SHARED.resolve(), "<shared>"), (SHARED, "<shared>")):
        text = text.replace(str(path), name)
    return text


def _render_stories(grouping: object, fmt: str) -> str:
    import importlib

    for module in ("newsweave.renderers.stories", "newsweave.render.stories"):
        try:
            found = importlib.import_module(module)
        except ImportError:
            continue
        return str(found.render_stories(grouping, fmt))
    raise SystemExit("no stories renderer found")


def at_ref(ref: str, out: Path) -> None:
    """Run :func:`write_outputs` on commit ``ref``, checked out in a temporary worktree."""
    with checkout(ref) as tree:
        env = dict(os.environ, PYTHONPATH=str(tree / "src"), NEWSWEAVE_SHARED=str(SHARED))
        script = Path(__file__).resolve()
        # This script and its inputs come from this checkout; only src/ is the old one.
        subprocess.run(
            [sys.executable, str(script), str(out.resolve())], check=True, env=env, cwd=tree
        )


def diff(old: Path, new: Path) -> int:
    """Print which outputs differ between two snapshot folders; 1 when any does."""
    names = sorted({p.name for p in old.iterdir()} | {p.name for p in new.iterdir()})
    changed = 0
    for name in names:
        a, b = old / name, new / name
        if not a.exists() or not b.exists():
            print(f"only in {'new' if not a.exists() else 'old'}: {name}")
            changed += 1
            continue
        if a.read_bytes() == b.read_bytes():
            continue
        changed += 1
        lines = list(
            difflib.unified_diff(
                a.read_text(encoding="utf-8").splitlines(),
                b.read_text(encoding="utf-8").splitlines(),
                f"old/{name}",
                f"new/{name}",
                n=1,
                lineterm="",
            )
        )
        print(f"differs: {name} ({len(lines)} diff lines)")
        for line in lines[:40]:
            print("   ", line[:200])
    print(f"{changed} of {len(names)} outputs differ")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--ref", help="a commit to run instead of this checkout")
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = parser.parse_args()
    if args.diff:
        return diff(*args.diff)
    if args.out is None:
        parser.error("give OUT_DIR, or --diff OLD NEW")
    if args.ref:
        at_ref(args.ref, args.out)
        return 0
    write_outputs(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
