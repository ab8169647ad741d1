"""read_inputs: files, folders and URLs in, one result out; the seeds, folders, duplicates
and the rejections that name each input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inputs import DATA, FEW, only_article, only_rejected, write
from newsweave.errors import InputError
from newsweave.model import Rejected
from newsweave.read import article_id, read_inputs
from newsweave.settings import Settings
from strategies import SUFFIXES, hostile_bytes

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

WIRE = "Dam gates open\n\nFERROW (Valley Wire) - Engineers opened the dam gates on Tuesday.\n"


# --- seeds ------------------------------------------------------------------------------


@pytest.mark.seeds
def test_seed_folder_reads_five_articles_in_order() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder {SEEDS} is missing")
    files = sorted(p for p in SEEDS.iterdir() if not p.name.startswith("."))
    seen: list[str] = []
    result = read_inputs([str(SEEDS)], progress=seen.append)
    print(f"seeds: {len(result.articles)} articles, {len(result.rejected)} rejected")
    assert result.rejected == ()
    assert len(result.articles) == len(files) == 5
    assert seen == [str(p) for p in files]
    for art, file in zip(result.articles, files, strict=True):
        assert art.source == file.stem
        assert art.path == str(file)
        assert art.title is None
        assert art.text == file.read_text(encoding="utf-8").replace("\r\n", "\n")
        assert art.id == article_id(art.text)
    again = read_inputs([str(SEEDS)])
    assert [a.id for a in again.articles] == [a.id for a in result.articles]


# --- inputs that are not there ----------------------------------------------------------


def test_missing_path_is_rejected_not_raised(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert only_rejected(read_inputs([missing])) == Rejected(missing, "no such file or folder")


def test_other_schemes_are_rejected_without_fetching() -> None:
    rejected = only_rejected(read_inputs(["ftp://files.example/a.txt"]))
    assert rejected.reason.startswith("unsupported URL scheme 'ftp'")
    assert only_rejected(read_inputs(["javascript:alert(1)"])).reason.startswith(
        "unsupported URL scheme 'javascript'"
    )


# --- folders and duplicates -------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", "a-c.txt", "C.txt"):
        write(folder, name, f"Report {name}: the ferry resumed on Tuesday.")
    write(folder, ".hidden.txt", "Hidden report.")
    write(folder, ".git/HEAD.txt", "ref: main")
    write(folder, "a/.cache/x.txt", "Cached report.")
    seen: list[str] = []
    result = read_inputs([str(folder)], progress=seen.append)
    expected = [str(folder / n) for n in ("C.txt", "a/b/c.txt", "a/z.txt", "a-c.txt", "b.txt")]
    assert [a.path for a in result.articles] == expected
    assert seen == expected
    assert result.rejected == ()
    assert read_inputs([str(folder)]) == result


def test_folder_labels_keep_the_folder_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "in/wire.txt", WIRE)
    monkeypatch.chdir(tmp_path)
    assert only_article(read_inputs(["in"])).path == str(Path("in", "wire.txt"))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_links_leaving_the_folder_and_loops_are_listed_as_rejected(tmp_path: Path) -> None:
    outside = Path(write(tmp_path, "outside/secret.txt", "Outside report."))
    folder = tmp_path / "story"
    write(folder, "wire.txt", WIRE)
    (folder / "leak.txt").symlink_to(outside)
    (folder / "loop").symlink_to(folder)
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")
    (folder / "same.txt").symlink_to(folder / "wire.txt")
    result = read_inputs([str(folder)])
    # the inside link reads the same text: one article, kept from the first path
    assert [a.path for a in result.articles] == [str(folder / "same.txt")]
    assert {(Path(r.input).name, r.reason.split(" (")[0]) for r in result.rejected} == {
        ("a", "symbolic link loop"),
        ("b", "symbolic link loop"),
        ("leak.txt", "a symbolic link leading outside the folder, not followed"),
        ("loop", "symbolic link loop"),
    }
    followed = read_inputs([str(folder)], Settings().replace(follow_links=True))
    assert "Outside report." in {a.text for a in followed.articles}


def test_an_unreadable_subfolder_is_listed_as_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "wire.txt", WIRE)
    locked = tmp_path / "locked"
    write(locked, "inner.txt", "Inner report.")
    listing = Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:
        if self == locked:  # as chmod 0 would, for anyone but root
            raise PermissionError(13, "Permission denied")
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = read_inputs([str(tmp_path)])
    assert len(result.articles) == 1
    assert result.rejected == (Rejected(str(locked), "cannot list folder (Permission denied)"),)


def test_too_many_files_raises_naming_the_folder(tmp_path: Path) -> None:
    for n in range(4):
        write(tmp_path, f"f{n}.txt", f"Report {n}.")
    with pytest.raises(InputError, match=rf"{tmp_path}: more than 3 files"):
        read_inputs([str(tmp_path)], Settings().replace(max_files=3))


def test_empty_folder_is_rejected(tmp_path: Path) -> None:
    write(tmp_path, ".only-hidden", "x")
    assert only_rejected(read_inputs([str(tmp_path)])).input == str(tmp_path)


def test_identical_articles_collapse_to_the_first(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", WIRE)
    b = write(tmp_path, "b.md", WIRE.replace("\n\n", "\n  \n"))  # other whitespace, same id
    result = read_inputs([a, b, a])
    assert only_article(result).path == a


def test_same_record_id_with_other_text_is_reported(tmp_path: Path) -> None:
    a = write(tmp_path, "a.jsonl", '{"id": "w1", "text": "Ferry resumes."}\n')
    b = write(tmp_path, "b.jsonl", '{"id": "w1", "text": "Ferry halted."}\n')
    result = read_inputs([a, b, a])
    assert [x.text for x in result.articles] == ["Ferry resumes."]
    assert result.rejected == (Rejected(b, f"id 'w1' already used by {a} for a different text"),)


def test_every_input_is_accounted_for(tmp_path: Path) -> None:
    inputs = [
        write(tmp_path, "ok.txt", WIRE),
        write(tmp_path, "empty.txt", ""),
        write(tmp_path, "bin.html", b"\x00\x01"),
        str(tmp_path / "missing.json"),
        str(DATA),
    ]
    result = read_inputs(inputs)
    named = {a.path for a in result.articles} | {r.input for r in result.rejected}
    for given_input in inputs:
        assert any(name and name.startswith(given_input) for name in named), given_input


@FEW
@given(data=hostile_bytes, suffix=st.sampled_from(SUFFIXES))
def test_read_inputs_accounts_for_every_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"report{suffix}"
        path.write_bytes(data)
        result = read_inputs([str(path)], Settings().replace(max_bytes=1500))
    named = [a.path for a in result.articles] + [r.input for r in result.rejected]
    assert named
    assert all(name is not None and name.startswith(str(path)) for name in named)
