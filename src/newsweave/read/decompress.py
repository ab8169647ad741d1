"""Decode a fetched body's ``Content-Encoding`` a bounded step at a time.

A few kilobytes of gzip can unpack to gigabytes, and a server can stack encodings
(``gzip, gzip``) to multiply that. So the raw bytes are decoded here, never by the HTTP
library: each step asks zlib for at most what is left under the size limit, and one
encoding is the most a body may carry (``identity`` aside).

Example:
    >>> import gzip
    >>> body = BoundedDecoder.for_header("gzip", limit=100)
    >>> body.feed(gzip.compress(b"Dam opens.")) + body.flush()
    b'Dam opens.'
    >>> BoundedDecoder.problem("gzip, gzip")
    'stacked content encodings (gzip, gzip) are refused'
"""

from __future__ import annotations

import zlib

from newsweave.errors import NewsweaveError

ACCEPT_ENCODING = "gzip, deflate"  # what newsweave asks servers for
_STEP = 65_536  # bytes asked of zlib at a time


class TooLarge(NewsweaveError):
    """The decoded body passed its limit."""


class BoundedDecoder:
    """The decoded bytes of a body fed a raw chunk at a time, never more than ``limit``."""

    def __init__(self, coding: str, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self._z: zlib._Decompress | None = None
        self.coding = coding
        if coding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)

    @staticmethod
    def codings(header: str) -> list[str]:
        """The encodings named in a ``Content-Encoding`` header, ``identity`` left out."""
        return [
            c for c in (p.strip().lower() for p in header.split(",")) if c not in ("", "identity")
        ]

    @classmethod
    def problem(cls, header: str) -> str | None:
        """Why a body with this ``Content-Encoding`` is refused, or None."""
        codings = cls.codings(header)
        if len(codings) > 1:
            return f"stacked content encodings ({', '.join(codings)}) are refused"
        if codings and codings[0] not in ("gzip", "x-gzip", "deflate"):
            return (
                f"unsupported content encoding {codings[0]!r} (newsweave asks for gzip or deflate)"
            )
        return None

    @classmethod
    def for_header(cls, header: str, limit: int) -> BoundedDecoder:
        """A decoder for a ``Content-Encoding`` header that :meth:`problem` passed."""
        codings = cls.codings(header)
        return cls(codings[0] if codings else "identity", limit)

    def feed(self, chunk: bytes) -> bytes:
        """The decoded bytes of ``chunk``.

        Raises:
            TooLarge: the body decodes to more than ``limit`` bytes.
            zlib.error: the body is not what its encoding says.
        """
        if self.coding == "deflate" and self._z is None:
            # "deflate" is zlib-wrapped by the standard, raw in some servers' practice.
            raw = not chunk or (chunk[0] & 0x0F) != 8
            self._z = zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
        if self._z is None:
            return self._count(chunk)
        out = bytearray()
        data = chunk
        while data:
            piece = self._z.decompress(data, min(_STEP, self.limit - self.size + 1))
            out += self._count(piece)
            data = self._z.unconsumed_tail
            if not piece and data:
                break  # cannot happen with a positive max_length; guards a stalled loop
        return bytes(out)

    def flush(self) -> bytes:
        """The last decoded bytes, once the raw body has ended."""
        if self._z is None:
            return b""
        return self._count(self._z.flush(_STEP))

    def _count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self.limit:
            raise TooLarge
        return piece
