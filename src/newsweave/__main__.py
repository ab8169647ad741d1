"""``python -m newsweave …``: the ``newsweave`` command, for environments without its script."""

from __future__ import annotations

from newsweave.cli import main

if __name__ == "__main__":
    raise SystemExit(main(prog_name="newsweave"))
