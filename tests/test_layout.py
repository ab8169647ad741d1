"""The layout stays as the package reads: every module has its mirrored test file and a
docstring that opens with a sentence, none runs past 500 lines, no test file outlives its
module.

A module ``src/newsweave/<pkg>/<mod>.py`` is tested in ``tests/<pkg>/test_<mod>.py`` (a
leading underscore dropped: ``read/_article.py`` in ``tests/read/test_article.py``), a
top-level one in ``tests/test_<mod>.py``. The exceptions are listed below, each with its
reason; helper modules of the tests (``strategies.py``, ``inputs.py``…) and ``conftest.py``
files are not test files and may sit anywhere under tests/.
"""

from __future__ import annotations

import ast
from pathlib import Path, PurePosixPath

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "newsweave"
TESTS = REPO / "tests"

MAX_LINES = 500

# Modules that need no test file of their own, by path under src/newsweave, with the reason.
EXEMPT = {
    "__main__.py": "`python -m newsweave`; test_cli.py runs it",
    "dates/__init__.py": "a package docstring, no code",
    "embed/__init__.py": "re-exports of embed/ and the registry; its doctest runs",
    "facts/__init__.py": "a package docstring, no code",
    "grouping/__init__.py": "a package docstring, no code",
    "nlp/__init__.py": "a package docstring, no code",
    "quotes/__init__.py": "a package docstring, no code",
    "scale/__init__.py": "a package docstring, no code",
    "service/__init__.py": "a package docstring, no code",
    "summary/__init__.py": "a package docstring, no code",
    "text/__init__.py": "a package docstring, no code",
}

# Modules whose test file is not the usual mirror.
MIRRORS = {
    "__init__.py": "tests/test_library.py",  # the public names and the inputs they take
    "read/__init__.py": "tests/read/test_read.py",  # read_inputs: folders, dedupe, rejections
    "renderers/__init__.py": "tests/renderers/test_render.py",  # render() by name
}

# Packages of data only (word lists, no functions), tested together in one file.
DATA_PACKAGES = {"lexicon": "tests/test_lexicon.py"}

# Test files that check the repository rather than one module.
REPO_TESTS = {
    "tests/test_docs.py": "README and docs/ against the CLI's commands, options, formats and "
    "real output",
    "tests/test_layout.py": "this file: the layout itself",
}

# Docstrings that may open otherwise, with the reason.
DOCSTRING_OPENINGS: dict[str, str] = {}

# Modules that may run past MAX_LINES.
LONG_MODULES = {"model.py": "the one data model: every type in one place"}


def _modules() -> list[str]:
    return sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))


def _mirror(module: str) -> str:
    """The test file that must exist for ``module`` (a path under src/newsweave)."""
    if module in MIRRORS:
        return MIRRORS[module]
    path = PurePosixPath(module)
    if path.parts[0] in DATA_PACKAGES:
        return DATA_PACKAGES[path.parts[0]]
    name = f"test_{path.stem.lstrip('_')}.py"
    return PurePosixPath("tests", *path.parts[:-1], name).as_posix()


def _test_files() -> list[str]:
    skipped = {TESTS / "data", TESTS / "artifacts"}
    return sorted(
        p.relative_to(REPO).as_posix()
        for p in TESTS.rglob("test_*.py")
        if not any(p.is_relative_to(s) for s in skipped)
    )


def _docstring(module: str) -> str | None:
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    return ast.get_docstring(tree)


def test_the_lists_above_name_real_files() -> None:
    modules = set(_modules())
    for listed in (EXEMPT, MIRRORS, DOCSTRING_OPENINGS, LONG_MODULES):
        assert set(listed) <= modules, set(listed) - modules
    for package in DATA_PACKAGES:
        assert (PACKAGE / package / "__init__.py").is_file(), package
    for test_file in REPO_TESTS:
        assert (REPO / test_file).is_file(), test_file


def test_every_module_has_its_test_file() -> None:
    missing = [
        f"src/newsweave/{m}: no {_mirror(m)}"
        for m in _modules()
        if m not in EXEMPT and not (REPO / _mirror(m)).is_file()
    ]
    assert not missing, "\n".join(missing)


def test_an_exemption_ends_when_the_test_file_comes() -> None:
    # (An __init__.py or __main__.py has no usual mirror to look for.)
    tested = [
        f"{m}: {_mirror(m)} exists; remove the exemption"
        for m in EXEMPT
        if not m.endswith(("__init__.py", "__main__.py")) and (REPO / _mirror(m)).is_file()
    ]
    assert not tested, "\n".join(tested)


def test_data_packages_hold_data_only() -> None:
    for package in DATA_PACKAGES:
        for path in sorted((PACKAGE / package).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            code = [
                node.name
                for node in tree.body
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            ]
            assert not code, f"{path.relative_to(REPO)} defines {code}: give it its own tests"


def test_every_test_file_mirrors_a_module() -> None:
    expected = {_mirror(m) for m in _modules()} | set(REPO_TESTS)
    orphans = [t for t in _test_files() if t not in expected]
    assert not orphans, "test files whose module is gone:\n" + "\n".join(orphans)


def test_no_module_is_over_500_lines() -> None:
    long = []
    for module in _modules():
        lines = len((PACKAGE / module).read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and module not in LONG_MODULES:
            long.append(f"src/newsweave/{module}: {lines} lines; split it along the data")
    assert not long, "\n".join(long)


def test_every_module_opens_with_a_sentence() -> None:
    """The docstring's summary (its first paragraph, which may wrap) starts with a capital
    or a backquote and ends with a full stop, a colon or a closing quote."""
    wrong = []
    for module in _modules():
        doc = _docstring(module)
        if not doc:
            wrong.append(f"src/newsweave/{module}: no docstring")
            continue
        summary = " ".join(doc.split("\n\n", 1)[0].split())
        opens = summary[:1].isupper() or summary.startswith("`")
        ends = summary.endswith((".", ":", '"', "”", "’", "'"))
        if not (opens and ends) and module not in DOCSTRING_OPENINGS:
            wrong.append(f"src/newsweave/{module}: {summary[:40]!r} … {summary[-30:]!r}")
    assert not wrong, "\n".join(wrong)
