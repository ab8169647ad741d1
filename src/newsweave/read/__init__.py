"""Read news reports from files, folders and URLs into :class:`~newsweave.model.Article` s.

Every input becomes at least one article or a :class:`~newsweave.model.Rejected` record
with a reason; one bad file never stops a run. The same article read twice is kept once.

Example:
    >>> from pathlib import Path
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "wire.txt").write_text("Dam opens\\n\\nThe dam opened.")
    ...     result = read_inputs([tmp, tmp + "/missing.txt"])
    >>> [a.source for a in result.articles], [r.reason for r in result.rejected]
    (['wire'], ['no such file or folder'])
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.errors import InputError
from newsweave.model import Article, Rejected
from newsweave.read._article import (
    Origin,
    Outcome,
    article_id,
    oversize_reason,
    text_digest,
    valid_outcome,
)
from newsweave.read._dispatch import read_data, read_file, read_url, sniff
from newsweave.read.web import Fetched, check_url, fetch, looks_like_url, make_client
from newsweave.settings import Settings

if TYPE_CHECKING:
    import httpx

__all__ = [
    "Fetched",
    "Inputs",
    "Origin",
    "ReadResult",
    "article_id",
    "fetch",
    "input_names",
    "iter_inputs",
    "read_inputs",
    "sniff",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The articles read, in input order, and the inputs that could not be read."""

    articles: tuple[Article, ...]
    rejected: tuple[Rejected, ...]


Inputs = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
"""What the library reads: one path or URL, or any iterable of them."""


def input_names(inputs: Inputs) -> list[str]:
    """``inputs`` as a list of names: a bare string or path is one input (never its
    characters), an iterable gives one input per item.

    Example:
        >>> input_names("examples/harbour-bridge"), input_names([Path("a.txt"), "b.txt"])
        (['examples/harbour-bridge'], ['a.txt', 'b.txt'])

    Raises:
        TypeError: an item is neither a string nor a path (bytes included).
    """
    if isinstance(inputs, (str, os.PathLike)):
        return [os.fspath(inputs)]
    names: list[str] = []
    for item in inputs:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"inputs: expected paths or URLs as str or PathLike, got {item!r}")
        name = os.fspath(item)
        if not isinstance(name, str):
            raise TypeError(f"inputs: expected a str path, got bytes {name!r}")
        names.append(name)
    return names


def read_inputs(
    inputs: Inputs,
    settings: Settings | None = None,
    *,
    client: httpx.Client | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReadResult:
    """Read files, folders and http(s) URLs into articles.

    Folders are read recursively in sorted order, skipping hidden names and symlinks
    that point outside the folder. Files are read by suffix (``.txt .md``, ``.html``,
    ``.json .jsonl``, ``.xml .rss .atom``), else by their first bytes; URLs by content type.

    Args:
        inputs: paths of files or folders, or http(s) URLs.
        settings: limits (``max_bytes``, ``max_files``, ``fetch_timeout``…); defaults if None.
        client: an httpx client for URLs. Given one, feed entries that are only teasers
            have their pages fetched too; without one, a client is made for URL inputs
            (and used for teasers of feeds read from URLs) and closed at the end.
        progress: called with each file or URL once it has been read.

    Returns:
        Articles (first copy of each id) and rejected inputs with reasons.

    Raises:
        InputError: a folder holds more than ``settings.max_files`` files.
    """
    articles: list[Article] = []
    rejected: list[Rejected] = []
    for outcome in iter_inputs(input_names(inputs), settings, client=client, progress=progress):
        if isinstance(outcome, Rejected):
            rejected.append(outcome)
        else:
            articles.append(outcome)
    return ReadResult(articles=tuple(articles), rejected=tuple(rejected))


def iter_inputs(
    inputs: Inputs,
    settings: Settings | None = None,
    *,
    client: httpx.Client | None = None,
    progress: Callable[[str], None] | None = None,
) -> Iterator[Outcome]:
    """:func:`read_inputs` one outcome at a time, as it is read: an archive of any size
    passes through a record at a time, so a caller that keeps less than the articles
    (the stories command keeps their features) reads it in bounded memory. The same
    article read twice comes once; a second text under a used id comes as a rejection.
    """
    names = input_names(inputs)
    return map(valid_outcome, _outcomes(names, settings or Settings(), client, progress))


def _outcomes(
    inputs: Iterable[str],
    settings: Settings,
    client: httpx.Client | None,
    progress: Callable[[str], None] | None,
) -> Iterator[Outcome]:
    seen = _Seen()
    own_client: httpx.Client | None = None
    try:
        for raw in inputs:
            if raw.lower().startswith(("http://", "https://")):
                if client is None and own_client is None:
                    own_client = make_client(settings)
                yield from seen.admit(_guard(raw, read_url(raw, settings, client or own_client)))
                _tell(progress, raw)
                continue
            if not raw.strip():
                yield Rejected(raw, "empty input name")
                continue
            if raw == "-":
                yield from seen.admit(_guard("stdin", _stdin(settings)))
                _tell(progress, "stdin")
                continue
            path = Path(raw)
            if path.is_dir():
                files = list_folder(path, raw, settings)
                if not files:
                    yield Rejected(raw, "folder has no files (hidden names skipped)")
                for label, file in files:
                    if isinstance(file, Rejected):
                        yield file
                        continue
                    yield from seen.admit(
                        _guard(label, read_file(file, label, settings, client=client))
                    )
                    _tell(progress, label)
            elif path.exists() or path.is_symlink():
                yield from seen.admit(_guard(raw, read_file(path, raw, settings, client=client)))
                _tell(progress, raw)
            elif looks_like_url(raw):
                yield Rejected(raw, check_url(raw) or "not an http(s) URL")
            else:
                yield Rejected(raw, "no such file or folder")
    finally:
        if own_client is not None:
            own_client.close()


def _stdin(settings: Settings) -> Iterator[Outcome]:
    """Standard input (the input ``-``), read whole up to ``settings.max_bytes``."""
    data = sys.stdin.buffer.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield Rejected("stdin", oversize_reason(settings.max_bytes))
        return
    yield from read_data(data, "stdin", settings)


def _guard(label: str, outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    """``outcomes``, with a reader's crash turned into a rejection of ``label`` (what it
    read before stays): one hostile input never costs the others."""
    try:
        yield from outcomes
    except Exception as err:  # any reader failure on hostile input is a rejection
        log.debug("%s: the reader failed", label, exc_info=True)
        yield Rejected(label, f"could not be read ({type(err).__name__}: {err})"[:300])


def _tell(progress: Callable[[str], None] | None, name: str) -> None:
    if progress is not None:
        progress(name)


def list_folder(folder: Path, given: str, settings: Settings) -> list[tuple[str, Path | Rejected]]:
    """The files under ``folder`` as ``(label, path)``, sorted by relative path, with what
    cannot be read as ``(label, Rejected)`` in its place: a folder that cannot be listed,
    a symbolic link in a loop or leading outside the folder (read when
    ``settings.follow_links``), a folder reached twice.

    Hidden names (``.git``, ``.DS_Store``) are skipped. Labels join ``given`` (the folder
    as the user wrote it) with the relative path.

    Raises:
        InputError: more than ``settings.max_files`` files.
    """
    root = folder.resolve()
    found: list[tuple[tuple[str, ...], Path | str]] = []
    for rel, file in _walk(folder, (), root, {root}, settings.follow_links):
        found.append((rel, file))
        if len(found) > settings.max_files:
            raise InputError(
                f"{given}: more than {settings.max_files} files (NEWSWEAVE_MAX_FILES);"
                " pass a smaller folder or raise the limit"
            )
    found.sort(key=lambda item: item[0])
    out: list[tuple[str, Path | Rejected]] = []
    for rel, file in found:
        label = str(Path(given, *rel))
        out.append((label, Rejected(label, file) if isinstance(file, str) else file))
    return out


def _walk(
    folder: Path, rel: tuple[str, ...], root: Path, seen: set[Path], follow: bool
) -> Iterator[tuple[tuple[str, ...], Path | str]]:
    """``(relative path, file)`` under ``folder``, or ``(relative path, reason)`` for what
    cannot be read."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        yield rel, f"cannot list folder ({err.strerror or err})"
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        here = (*rel, entry.name)
        try:
            real = entry.resolve(strict=entry.is_symlink())
        except (OSError, RuntimeError) as err:  # RuntimeError: a loop, before Python 3.13
            looped = isinstance(err, RuntimeError) or getattr(err, "errno", 0) == errno.ELOOP
            yield here, "symbolic link loop" if looped else "broken symbolic link"
            continue
        if entry.is_symlink() and not real.is_relative_to(root) and not follow:
            yield (
                here,
                (
                    "a symbolic link leading outside the folder, not followed "
                    "(NEWSWEAVE_FOLLOW_LINKS=1 reads it)"
                ),
            )
            continue
        if real.is_dir():
            if real in seen:
                looped = folder.resolve().is_relative_to(real)
                yield (
                    here,
                    (
                        "symbolic link loop (it leads back to a folder being read)"
                        if looped
                        else "a folder already read through another link"
                    ),
                )
                continue
            seen.add(real)
            yield from _walk(entry, here, root, seen, follow)
        else:
            yield here, entry


class _Seen:
    """The ids read so far, each with where it came from and a digest of its normalised
    text (not the text: an archive's texts are never held at once)."""

    def __init__(self) -> None:
        self.first: dict[str, tuple[str, bytes]] = {}

    def admit(self, outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
        """``outcomes`` less the articles already read; a second text under a used id is
        turned into a rejection, since dropping either would lose news."""
        for outcome in outcomes:
            if isinstance(outcome, Rejected):
                yield outcome
                continue
            digest = text_digest(outcome.text)
            kept = self.first.get(outcome.id)
            if kept is None:
                self.first[outcome.id] = (_where(outcome), digest)
                yield outcome
            elif kept[1] == digest:
                log.debug("%s: same article as %s, kept once", _where(outcome), kept[0])
            else:
                yield Rejected(
                    _where(outcome),
                    f"id {outcome.id!r} already used by {kept[0]} for a different text",
                )


def _where(article: Article) -> str:
    return article.path or article.url or article.source
