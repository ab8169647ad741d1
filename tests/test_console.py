"""console: output files, rejections on stderr, and errors as one line with an exit code."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from newsweave.console import boundary, report_rejected, write_output
from newsweave.errors import InputError


def test_errors_become_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as stopped, boundary(0, debug=False):
        raise InputError("bad.json: not JSON\nrejected: forged")
    assert stopped.value.exit_code == 2
    assert capsys.readouterr().err == "newsweave: error: bad.json: not JSON\\nrejected: forged\n"
    with pytest.raises(typer.Exit) as crashed, boundary(0, debug=False):
        raise ZeroDivisionError("boom")
    assert crashed.value.exit_code == 2
    assert "unexpected ZeroDivisionError: boom" in capsys.readouterr().err
    with pytest.raises(ZeroDivisionError), boundary(0, debug=True):
        raise ZeroDivisionError("boom")


def test_rejections_and_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report_rejected([("a\x1b[31m.txt", "binary")]) == 1
    assert capsys.readouterr().err == "rejected: a\\x1b[31m.txt: binary\n"
    assert report_rejected([]) == 0
    out = tmp_path / "new" / "brief.md"
    write_output("# Hi\n", out)
    assert out.read_text() == "# Hi\n"
