"""Read plain-text files (``.txt``, ``.text``, ``.md``): one file, one article.

The text is kept as written; only line endings become ``\\n``. The headline and any
boilerplate stay in the text: the cleaner finds them later and records their spans.

Example:
    >>> art = read_text(b"Dam opens\\r\\n\\r\\nThe dam opened.", Origin.for_path("wire/dam.txt"))
    >>> art.text, art.source, art.title
    ('Dam opens\\n\\nThe dam opened.', 'dam', None)
"""

from __future__ import annotations

import re

from newsweave.model import Article, Rejected
from newsweave.read._article import (
    BINARY_REASON,
    Origin,
    Outcome,
    article_id,
    decode_bom,
    has_nul,
    utf8_error,
)
from newsweave.read.reader import FormatReader, Source

# Control characters that do not occur in text files; tab, newlines and form feed do.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?")


def decode_text(data: bytes) -> tuple[str | None, str | None]:
    """Decode the bytes of a text file; returns ``(text, reason)``, exactly one None.

    UTF-8 (with or without BOM), UTF-16/32 with a BOM, else Windows-1252 when every byte
    decodes and no control character results. Anything else is rejected rather than
    guessed, since a wrong guess gives mojibake that later stages would treat as words.

    Example:
        >>> decode_text("café".encode("cp1252"))
        ('café', None)
        >>> decode_text(b"ok \\x81")[1]
        'not UTF-8 (byte 0x81 at offset 3) and not Windows-1252 text; save it as UTF-8'
    """
    by_bom = decode_bom(data)
    if by_bom is not None:
        return by_bom
    if has_nul(data):
        return None, BINARY_REASON
    where = utf8_error(data)
    if where is None:
        return data.decode("utf-8"), None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _CONTROL.search(text):
        return text, None
    return None, f"not UTF-8 ({where}) and not Windows-1252 text; save it as UTF-8"


def read_text(data: bytes, origin: Origin) -> Article | Rejected:
    """Read one plain-text file into an :class:`Article` (title None, text as written).

    Args:
        data: the file's bytes.
        origin: where they came from; its file stem (or URL domain) becomes the source.

    Returns:
        The article, or a :class:`Rejected` saying why the bytes are not usable text.
    """
    text, reason = decode_text(data)
    if text is None:
        return Rejected(origin.label, reason or "unreadable text")
    if not text.strip():
        return Rejected(origin.label, "empty file")
    text = _NEWLINES.sub("\n", text)
    return Article(
        id=article_id(text),
        source=origin.fallback_source,
        title=None,
        text=text,
        url=origin.url,
        path=origin.path,
    )


def _read(source: Source) -> tuple[Outcome, ...]:
    return (read_text(source.data, source.origin),)


READER = FormatReader("text", frozenset({".txt", ".text", ".md"}), frozenset({"text/plain"}), _read)
