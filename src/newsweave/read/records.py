"""Read JSON records (``.json``, ``.jsonl``, ``.ndjson``): one article per object.

A record follows the DESIGN contract ``{"id", "title", "text", "url", "source" | "domain",
"published" | "date", "lang"}``; only ``text`` is required and other fields are kept in
``meta``. A broken record is rejected as ``path:LINE`` and the others are still read.

Example:
    >>> data = b'{"id": "w-1", "text": "The dam opened."}\\n{"x": 1}'
    >>> [type(o).__name__ for o in read_records(data, Origin.for_path("a.jsonl"), lines=True)]
    ['Article', 'Rejected']
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from newsweave.model import Article, Rejected
from newsweave.read._article import (
    BINARY_REASON,
    Origin,
    Outcome,
    article_id,
    bom_codec,
    domain_of,
    has_nul,
    oversize_reason,
    parse_date,
    utf8_error,
)
from newsweave.read.reader import FormatReader, Source
from newsweave.settings import Settings

_JSON_TYPES = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
# Whether a file is JSON Lines, by suffix; other suffixes (and URLs) are told by content.
_LINES = {".json": False, ".jsonl": True, ".ndjson": True}


# The longest id and language code a record may give: the story store's columns.
MAX_ID = 255
MAX_LANG = 16


def read_records(
    data: bytes,
    origin: Origin,
    settings: Settings | None = None,
    *,
    lines: bool | None = None,
) -> tuple[Outcome, ...]:
    """Read JSON records into articles, rejecting broken ones one by one.

    Args:
        data: the file's bytes.
        origin: the file or URL they came from; rejected records are named ``LABEL:LINE``.
        settings: ``max_bytes`` bounds one record's text.
        lines: True for JSON Lines, False for one JSON document (an object or a list of
            objects), None to try a document first and fall back to lines.

    Returns:
        One :class:`Article` or :class:`Rejected` per record, in file order (at least one).
    """
    settings = settings or Settings()
    if has_nul(data) and not bom_codec(data):
        return (Rejected(origin.label, BINARY_REASON),)
    if not data.strip():
        return (Rejected(origin.label, "empty file"),)
    if lines is not True:
        text, reason = _decode(data)
        if text is None:
            return (Rejected(origin.label, reason or "undecodable JSON"),)
        try:
            items = tuple(_document(text))
        except ValueError as err:
            if lines is None and "\n" in text.strip():
                return _read_lines(data, origin, settings)
            return (Rejected(origin.label, _json_error(err)),)
        except RecursionError:
            return (Rejected(origin.label, "malformed JSON: nested too deeply"),)
        if not items:
            return (Rejected(origin.label, "no records (the JSON list is empty)"),)
        alone = len(items) == 1
        return tuple(_record(obj, line, origin, settings, alone) for line, obj in items)
    return _read_lines(data, origin, settings)


def _decode(data: bytes) -> tuple[str | None, str | None]:
    codec = bom_codec(data) or "utf-8"
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as err:
        where = f"byte 0x{data[err.start]:02x} at offset {err.start}"
        return None, f"not UTF-8 ({where}); JSON must be UTF-8"


def _json_error(err: ValueError, line: int | None = None) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"line {line or err.lineno}: malformed JSON: {err.msg} (col {err.colno})"
    prefix = f"line {line}: " if line else ""
    return f"{prefix}malformed JSON: {err}"


def _document(text: str) -> Iterator[tuple[int, Any]]:
    """Yield ``(line, value)`` for a JSON object, or for each item of a JSON list."""
    value = json.loads(text)
    if not isinstance(value, list):
        yield _first_line(text), value
        return
    # Re-scan the validated list for where each item starts, so a rejection names its line.
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    line, counted = 1, 0
    for _ in value:
        while text[pos] in " \t\r\n,":
            pos += 1
        line += text.count("\n", counted, pos)
        counted = pos
        item, pos = decoder.raw_decode(text, pos)
        yield line, item


def _first_line(text: str) -> int:
    stripped = text.lstrip("\ufeff \t\r\n")
    return text.count("\n", 0, len(text) - len(stripped)) + 1


def _read_lines(data: bytes, origin: Origin, settings: Settings) -> tuple[Outcome, ...]:
    codec = bom_codec(data)
    if codec and codec != "utf-8-sig":
        # UTF-16/32 lines cannot be split on the byte b"\n"; decode the whole file first.
        text, reason = _decode(data)
        if text is None:
            return (Rejected(origin.label, reason or "undecodable JSON"),)
        raw_lines: list[bytes | str] = list(text.split("\n"))
    else:
        raw_lines = list(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"))
    out = [
        found
        for number, raw in enumerate(raw_lines, start=1)
        if (found := _line(raw, number, origin, settings)) is not None
    ]
    return tuple(out) or (Rejected(origin.label, "empty file"),)


def stream_records(handle: BinaryIO, origin: Origin, settings: Settings) -> Iterator[Outcome]:
    """Read a JSON Lines file record by record from ``handle``, however big the file.

    Memory holds one line at a time: a line longer than :func:`line_limit` is skipped
    unread and rejected as ``LABEL:LINE``; each record's text is bounded by
    ``settings.max_bytes`` as in :func:`read_records`. Yields at least one outcome.
    """
    limit = line_limit(settings)
    any_record = False
    for number, raw in enumerate(_bounded_lines(handle, limit), start=1):
        if raw is None:
            any_record = True
            yield Rejected(
                f"{origin.label}:{number}",
                f"line {number}: record larger than {limit} bytes (NEWSWEAVE_MAX_BYTES)",
            )
            continue
        found = _line(
            raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw, number, origin, settings
        )
        if found is not None:
            any_record = True
            yield found
    if not any_record:
        yield Rejected(origin.label, "empty file")


def line_limit(settings: Settings) -> int:
    """The longest JSON line read: room for a text of ``max_bytes`` with its escapes."""
    return 2 * settings.max_bytes + 65_536


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of ``handle`` without their newline, None for a line over ``limit``
    bytes (read past in blocks, never held)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line.rstrip(b"\r\n")


def _line(raw: bytes | str, number: int, origin: Origin, settings: Settings) -> Outcome | None:
    """The outcome of one JSON line, None for a blank one."""
    label = f"{origin.label}:{number}"
    if isinstance(raw, bytes):
        where = utf8_error(raw)
        if where is not None:
            return Rejected(label, f"line {number}: not UTF-8 ({where})")
        line = raw.decode("utf-8")
    else:
        line = raw
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except ValueError as err:
        return Rejected(label, _json_error(err, number))
    except RecursionError:
        return Rejected(label, f"line {number}: malformed JSON: nested too deeply")
    return _record(obj, number, origin, settings, alone=False)


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    return _JSON_TYPES.get(type(value), "a number")


def _record(obj: Any, line: int, origin: Origin, settings: Settings, alone: bool) -> Outcome:
    label = f"{origin.label}:{line}"
    try:
        return _article(obj, line, label, origin, settings, alone)
    except RecursionError:
        return Rejected(label, f"line {line}: record is nested too deeply")


def _article(
    obj: Any, line: int, label: str, origin: Origin, settings: Settings, alone: bool
) -> Outcome:
    if not isinstance(obj, dict):
        return Rejected(label, f"line {line}: record is not a JSON object (got {_type_name(obj)})")
    if "text" not in obj:
        return Rejected(label, f'line {line}: record has no "text" field')
    text = obj["text"]
    if not isinstance(text, str):
        return Rejected(label, f'line {line}: "text" is not a string (got {_type_name(text)})')
    if not text.strip():
        return Rejected(label, f'line {line}: "text" is empty')
    if len(text.encode("utf-8", "surrogatepass")) > settings.max_bytes:
        return Rejected(label, f"line {line}: text {oversize_reason(settings.max_bytes)}")
    used: set[str] = {"text"}

    def take(*keys: str, allow_int: bool = False) -> str | None:
        # The first key present with a usable value wins; the rest stay in meta.
        for key in keys:
            value = obj.get(key)
            if isinstance(value, str) and value.strip():
                used.add(key)
                return value.strip()
            if allow_int and isinstance(value, int) and not isinstance(value, bool):
                used.add(key)
                return str(value)
        return None

    own_id = take("id", allow_int=True)
    if own_id is not None and len(own_id) > MAX_ID:
        return Rejected(label, f'line {line}: "id" longer than {MAX_ID} characters')
    title = take("title")
    url = take("url")
    lang = take("lang")
    if lang is not None and len(lang) > MAX_LANG:
        return Rejected(label, f'line {line}: "lang" longer than {MAX_LANG} characters')
    # Records of one file are separate outlets unless they say otherwise: one that names
    # none is "archive #12", never the whole file's one outlet.
    fallback = (
        origin.fallback_source if alone or origin.url else f"{origin.fallback_source} #{line}"
    )
    source = take("source", "domain") or domain_of(url) or fallback
    meta: list[tuple[str, str]] = []
    published = None
    for key in ("published", "date"):
        if key in obj and obj[key] not in (None, ""):
            used.add(key)
            published = parse_date(obj[key])
            if published is None:
                meta.append(("date_raw", _meta_value(obj[key])))
            break
    meta.extend((str(k), _meta_value(v)) for k, v in obj.items() if k not in used)
    return Article(
        id=own_id or article_id(text),
        source=source,
        title=title,
        text=text,
        url=url,
        path=origin.path,
        published=published,
        lang=lang,
        meta=tuple(sorted(meta)),
    )


def _meta_value(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _read(source: Source) -> tuple[Outcome, ...]:
    return read_records(
        source.data, source.origin, source.settings, lines=_LINES.get(source.suffix)
    )


READER = FormatReader(
    "records",
    frozenset(_LINES),
    frozenset({"application/json", "text/json", "application/x-ndjson", "application/jsonl"}),
    _read,
)
