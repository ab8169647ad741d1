"""What every reader shares: the content hash, where an input came from, dates, decoding.

Example:
    >>> article_id("Dam  opens.\\n") == article_id("Dam opens.")
    True
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from newsweave.model import Article, Rejected
from newsweave.text.controls import valid_text

Outcome = Article | Rejected
"""What reading one input (or one record of it) gives: an article or the reason why not."""

_WHITESPACE = re.compile(r"\s+")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: the UTF-32 LE BOM starts with it
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
BINARY_SNIFF_BYTES = 8192


def article_id(text: str) -> str:
    """The stable content hash of an article text: 16 hex characters.

    The text is NFC-normalised and its whitespace runs collapsed first, so re-reading the
    same report with other line breaks gives the same id.

    Example:
        >>> len(article_id("Dam opens."))
        16
    """
    normal = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def text_digest(text: str) -> bytes:
    """A digest of ``text`` normalised the way :func:`article_id` does: two texts that are
    the same article have the same digest.

    Example:
        >>> text_digest("Dam  opens. ") == text_digest("Dam opens.")
        True
    """
    normal = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.blake2b(normal.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def domain_of(url: str | None) -> str | None:
    """The host of ``url`` without a leading ``www.``, or None.

    Example:
        >>> domain_of("https://www.valleywire.example/news/1")
        'valleywire.example'
    """
    host = host_of(url)
    return host.removeprefix("www.") if host else None


def host_of(url: str | None) -> str | None:
    """The host name of ``url`` as written (lower-cased), or None for none or a bad URL.

    Example:
        >>> host_of("https://www.valleywire.example:8080/news/1"), host_of("not a url")
        ('www.valleywire.example', None)
    """
    if not url:
        return None
    try:
        return urlsplit(url).hostname or None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Origin:
    """Where some bytes came from: the name rejections carry, and the file path or URL.

    Attributes:
        label: what :class:`Rejected` records name (the path as given, or the URL).
        path: the file the bytes were read from, else None.
        url: the URL they were fetched from (after redirects), else None.
        charset: the charset an HTTP ``Content-Type`` header declared, if any.
    """

    label: str
    path: str | None = None
    url: str | None = None
    charset: str | None = None

    @classmethod
    def for_path(cls, path: str) -> Origin:
        """The origin of a file read from ``path``."""
        return cls(label=path, path=path)

    @classmethod
    def for_url(cls, url: str, charset: str | None = None) -> Origin:
        """The origin of a body fetched from ``url``."""
        return cls(label=url, url=url, charset=charset)

    @property
    def fallback_source(self) -> str:
        """The outlet name to use when the input names none: URL domain, else file stem."""
        domain = domain_of(self.url)
        if domain:
            return domain
        if self.path:
            stem = PurePath(self.path).stem
            if stem:
                return stem
        return self.label


def parse_date(value: object) -> dt.date | None:
    """The date part of an ISO 8601 date or datetime string, else None.

    Example:
        >>> parse_date("2024-03-05T08:00:00Z")
        datetime.date(2024, 3, 5)
        >>> parse_date("last Tuesday") is None
        True
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 64:
        return None
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def oversize_reason(limit: int) -> str:
    """The rejection reason for an input larger than ``limit`` bytes."""
    return f"larger than {limit} bytes (NEWSWEAVE_MAX_BYTES)"


def bom_codec(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``data`` names, else None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def has_nul(data: bytes) -> bool:
    """Whether ``data`` has a NUL byte in its first 8 KiB: the usual sign of a binary file."""
    return b"\x00" in data[:BINARY_SNIFF_BYTES]


BINARY_REASON = "binary file (NUL bytes in the first 8 KiB)"


def utf8_error(data: bytes) -> str | None:
    """None if ``data`` is valid UTF-8, else where it is not: ``byte 0xff at offset 12``."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return f"byte 0x{data[err.start]:02x} at offset {err.start}"
    return None


def decode_bom(data: bytes) -> tuple[str | None, str | None] | None:
    """Decode ``data`` by its byte-order mark: ``(text, reason)``, or None without a BOM."""
    codec = bom_codec(data)
    if not codec:
        return None
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as err:
        # utf-8-sig reports positions past its mark: count them from the file's first byte
        at = len(data) - len(err.object) + err.start
        return None, f"bad {codec} text (byte 0x{data[at]:02x} at offset {at})"


def decode_declared(data: bytes, charset: str | None) -> tuple[str | None, str | None]:
    """Decode markup bytes: a BOM, then UTF-8, then ``charset``; returns ``(text, reason)``.

    Exactly one of the two is None. A declared charset decodes leniently (bad bytes become
    U+FFFD) because pages that declare one are commonly a few bytes off it.
    """
    by_bom = decode_bom(data)
    if by_bom is not None:
        return by_bom
    where = utf8_error(data)
    if where is None:
        return data.decode("utf-8"), None
    if charset:
        try:
            return data.decode(charset, errors="replace"), None
        except LookupError:
            # Unknown names, and bytes-to-bytes codecs such as "base64", are not charsets.
            return None, f"not UTF-8 ({where}) and the declared charset {charset!r} is unknown"
        except (UnicodeError, ValueError, TypeError) as err:
            return None, f"not UTF-8 ({where}) and not {charset} ({err})"
    return None, f"not UTF-8 ({where}) and no charset declared"


def valid_outcome(outcome: Outcome) -> Outcome:
    """``outcome`` with every lone surrogate in its strings (a JSON ``"\\ud800"``, a file
    name that is not UTF-8) replaced by U+FFFD, so that nothing downstream fails to encode
    it; an article records how many in ``meta`` (``invalid_characters``). Offsets hold:
    one code point replaces one.

    Example:
        >>> a = valid_outcome(Article("a", "Wire", None, "Dam \\ud800opens"))
        >>> a.text, dict(a.meta)["invalid_characters"]
        ('Dam \\ufffdopens', '1 replaced by U+FFFD')
    """
    if isinstance(outcome, Rejected):
        return Rejected(valid_text(outcome.input)[0], valid_text(outcome.reason)[0])
    text, bad = valid_text(outcome.text)
    fields = {
        "source": outcome.source,
        "title": outcome.title,
        "url": outcome.url,
        "path": outcome.path,
        "id": outcome.id,
    }
    fixed: dict[str, str | None] = {}
    for name, value in fields.items():
        if value is not None:
            value, n = valid_text(value)
            bad += n
        fixed[name] = value
    meta = tuple((valid_text(k)[0], valid_text(v)[0]) for k, v in outcome.meta)
    if not bad:
        return outcome
    meta += (("invalid_characters", f"{bad} replaced by U+FFFD"),)
    return dataclasses.replace(outcome, text=text, meta=meta, **fixed)  # type: ignore[arg-type]
