"""Progress of a long run on stderr, for the command line.

On a terminal, Rich progress bars, one per step. In a log or a pipe, one line for each step
that took over :data:`NOTICE_SECONDS` (``progress: features: 90990/90990 in 212 s``).
``--quiet`` silences both.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def progress_hook(
    quiet: bool = False,
) -> Iterator[Callable[[str, int | None], Callable[[int], None]] | None]:
    """Rich progress bars on stderr when it is a terminal; otherwise one ``progress:`` line
    for each step that took over ``NOTICE_SECONDS``; nothing when ``quiet``."""
    if quiet:
        yield None
        return
    if not sys.stderr.isatty():
        notices = Notices()
        try:
            yield notices.hook
        finally:
            notices.finish()
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bars:

        def hook(stage: str, total: int | None) -> Callable[[int], None]:
            task = bars.add_task(stage, total=total)

            def advance(n: int) -> None:
                bars.advance(task, n)

            return advance

        yield hook


NOTICE_SECONDS = 2.0  # a step this long gets a line on stderr when there are no bars


class Notices:
    """Progress for logs and pipes: a line on stderr after each step over
    ``NOTICE_SECONDS`` (``progress: features: 90990 in 212 s``)."""

    def __init__(self) -> None:
        self.stage = ""
        self.total: int | None = None
        self.done = 0
        self.started = 0.0

    def hook(self, stage: str, total: int | None) -> Callable[[int], None]:
        self.finish()
        self.stage, self.total, self.done, self.started = stage, total, 0, time.monotonic()
        return self.advance

    def advance(self, n: int) -> None:
        self.done += n

    def finish(self) -> None:
        took = time.monotonic() - self.started
        if self.stage and took > NOTICE_SECONDS:
            count = f"{self.done}/{self.total}" if self.total is not None else str(self.done)
            sys.stderr.write(f"progress: {self.stage}: {count} in {took:.0f} s\n")
        self.stage = ""
