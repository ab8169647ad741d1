"""progress: bars on a terminal, one line per slow step in a log or pipe, nothing with -q."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsweave.progress
from newsweave.cli import app
from newsweave.progress import Notices

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-bridge"
runner = CliRunner()


def test_only_a_step_over_the_threshold_is_told(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = iter([0.0, 0.0, 1.0, 1.0, 4.5])
    monkeypatch.setattr(newsweave.progress.time, "monotonic", lambda: next(clock))
    notices = Notices()
    notices.hook("read", None)(3)  # took 1 s: quiet
    advance = notices.hook("features", 10)  # took 3.5 s: told
    advance(10)
    notices.finish()
    assert capsys.readouterr().err == "progress: features: 10/10 in 4 s\n"


def test_a_slow_step_says_so_in_one_line_when_stderr_is_not_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(newsweave.progress, "NOTICE_SECONDS", 0.0)
    result = runner.invoke(app, ["stories", str(EXAMPLE), "--embedder", "lexical"])
    assert result.exit_code == 0
    notices = [x.rsplit(" in ", 1)[0] for x in result.stderr.splitlines()]
    # a folder's file count is not known ahead: the read step counts what it read
    assert notices == ["progress: read: 5", "progress: features: 5/5", "progress: pairs: 5/5"]
    quiet = runner.invoke(app, ["stories", str(EXAMPLE), "--embedder", "lexical", "-q"])
    assert quiet.stderr == ""
