"""What the command line writes: outputs, rejections, and every error as one line on stderr.

:func:`boundary` wraps each command: a :class:`~newsweave.errors.NewsweaveError` becomes
``newsweave: error: …`` and exit code 2, Ctrl-C exit code 130, and an unexpected crash one
line that asks for a report (``--debug`` shows the traceback instead).
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from newsweave.errors import NewsweaveError
from newsweave.text.controls import shown

if TYPE_CHECKING:  # pragma: no cover
    from newsweave.model import Briefing


def write_output(text: str, output: Path | None) -> None:
    """``text`` to ``output`` (its folders made), or to standard output."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NewsweaveError(f"{output}: cannot write output ({exc.strerror})") from None


def report_rejected(rejected: list[tuple[str, str]]) -> int:
    """One ``rejected:`` line on stderr per input; the exit code: 1 when any, else 0."""
    for name, reason in rejected:
        print(f"rejected: {shown(name)}: {shown(reason)}", file=sys.stderr)
    return 1 if rejected else 0


def report_unsupported(briefing: Briefing) -> None:
    """On stderr: how many of the LLM's sentences were kept, and why the others were not."""
    kept = sum(s.origin == "model" for s in briefing.summary)
    print(
        f"summary: {briefing.summary_writer}: {kept} sentences kept, "
        f"{len(briefing.unsupported)} not (the outlets' sentences fill the rest)",
        file=sys.stderr,
    )
    for u in briefing.unsupported:
        print(f"  not kept ({u.reason}): {u.text}", file=sys.stderr)


@contextlib.contextmanager
def boundary(verbose: int, debug: bool) -> Iterator[None]:
    """Turn library errors into one line on stderr and exit code 2."""
    # verbose -1 is --quiet: errors only.
    level = logging.ERROR if verbose < 0 else logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # trafilatura logs an ERROR for every empty or odd page it is given; the page's fate is
    # reported once, as a rejection. Its own lines show with -vv.
    logging.getLogger("trafilatura").setLevel(level if verbose >= 2 else logging.CRITICAL)
    try:
        yield
    except NewsweaveError as exc:
        if debug:
            raise
        print(f"newsweave: error: {shown(str(exc))}", file=sys.stderr)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        print("newsweave: interrupted", file=sys.stderr)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # a crash stopped the run: exit 2, not 1 (some inputs rejected)
        if debug:
            raise
        print(
            f"newsweave: error: the run stopped on an unexpected {type(exc).__name__}: "
            f"{shown(str(exc))[:300]} (run again with --debug for the traceback, and please "
            "report it)",
            file=sys.stderr,
        )
        raise typer.Exit(2) from None
