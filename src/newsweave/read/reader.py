"""What a reader is: the suffixes and media types it claims, and how it reads their bytes.

The four built-ins (``text``, ``html``, ``records``, ``feed``) and any added through the
``newsweave.readers`` entry-point group are found by name in :mod:`newsweave.registry`.
A file goes to the reader claiming its suffix, a fetched URL to the one claiming its media
type; the built-ins are asked first, so a plugin adds formats (``.pdf``) and never takes
over one newsweave reads already. Input that no reader claims is recognised by its first
bytes (:func:`newsweave.read.sniff`), for the built-in formats only.

Example, a reader of ``.csv`` files that a package could register as
``[project.entry-points."newsweave.readers"] csv = "mypkg:CSV_READER"``:

    >>> from newsweave.model import Article
    >>> def read_csv(source: Source) -> tuple[Outcome, ...]:
    ...     text = source.data.decode()
    ...     return (Article("id-1", source.origin.fallback_source, None, text),)
    >>> CSV_READER = FormatReader("csv", frozenset({".csv"}), frozenset({"text/csv"}), read_csv)
    >>> CSV_READER.read(Source(b"a,b", Origin.for_path("x/wire.csv"), Settings()))[0].source
    'wire'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from newsweave.read._article import Origin, Outcome
from newsweave.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import httpx

__all__ = ["FormatReader", "Origin", "Outcome", "Reader", "Source"]


@dataclass(frozen=True, slots=True)
class Source:
    """One input's bytes, and what a reader may need to read them.

    Attributes:
        data: the bytes of a file or a fetched body (at most ``settings.max_bytes``).
        origin: where they came from; rejections are named by ``origin.label``.
        settings: the run's limits (``max_bytes``, ``fetch_timeout``…).
        suffix: the file's suffix in lower case (``".jsonl"``); empty for a URL.
        client: an httpx client for readers that fetch more (a feed's teaser pages).
    """

    data: bytes
    origin: Origin
    settings: Settings
    suffix: str = ""
    client: httpx.Client | None = None


class Reader(Protocol):
    """Reads one input format into articles, or rejections saying why not.

    Attributes:
        name: the registered name, e.g. ``"html"``.
        suffixes: the file suffixes it claims, lower case with the dot (``".htm"``).
        media_types: the HTTP media types it claims (``"text/html"``).
    """

    @property
    def name(self) -> str: ...

    @property
    def suffixes(self) -> frozenset[str]: ...

    @property
    def media_types(self) -> frozenset[str]: ...

    def read(self, source: Source) -> tuple[Outcome, ...]:
        """Every article in ``source``, and a :class:`~newsweave.model.Rejected` for each
        part that cannot be read; never raises for bad input."""
        ...


@dataclass(frozen=True, slots=True)
class FormatReader:
    """A :class:`Reader` made of its claims and a read function, as the built-ins are."""

    name: str
    suffixes: frozenset[str]
    media_types: frozenset[str]
    reads: Callable[[Source], tuple[Outcome, ...]]

    def read(self, source: Source) -> tuple[Outcome, ...]:
        """Every article in ``source``; see :class:`Reader`."""
        return self.reads(source)
