"""Errors: every exception newsweave defines is a NewsweaveError, and the CLI turns one into
a single line on stderr and exit code 2."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from typer.testing import CliRunner

import newsweave
from newsweave import errors
from newsweave.cli import app

ERRORS = [
    cls
    for cls in vars(errors).values()
    if isinstance(cls, type) and issubclass(cls, Exception) and cls.__module__ == errors.__name__
]


def _defined_exceptions() -> list[type[BaseException]]:
    found = []
    for info in pkgutil.walk_packages(newsweave.__path__, "newsweave."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__ == info.name:
                found.append(cls)
    return found


def test_every_exception_newsweave_defines_is_a_newsweave_error() -> None:
    defined = _defined_exceptions()
    assert set(ERRORS) <= set(defined)
    assert len(defined) > len(ERRORS)  # WriterError, StoreError…: defined beside their stage
    for cls in defined:
        assert issubclass(cls, errors.NewsweaveError), cls


def test_the_module_docstring_lists_every_error() -> None:
    for cls in ERRORS:
        assert cls.__name__ in (errors.__doc__ or ""), cls.__name__
        assert cls.__doc__


@pytest.mark.parametrize("error", ERRORS, ids=lambda cls: cls.__name__)
def test_the_cli_prints_one_line_and_exits_2(
    error: type[errors.NewsweaveError], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise error("wire.txt: not UTF-8; save it as UTF-8")

    monkeypatch.setattr("newsweave.pipeline.brief", fail)
    result = CliRunner().invoke(app, ["brief", "wire.txt"])
    assert result.exit_code == 2
    assert result.stderr == "newsweave: error: wire.txt: not UTF-8; save it as UTF-8\n"
    debug = CliRunner().invoke(app, ["brief", "wire.txt", "--debug"])
    assert isinstance(debug.exception, error)  # --debug lets the traceback through
