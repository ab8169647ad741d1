"""What stands between the network and ``newsweave serve``: tokens, sizes, rates, headers.

- **Tokens.** Writes need ``Authorization: Bearer <NEWSWEAVE_API_TOKEN>``; without the
  variable, writes are off. With ``NEWSWEAVE_READ_TOKEN`` set, reads need that token too
  (as a bearer header, or the ``newsweave_token`` cookie ``/login`` sets). Tokens are
  compared in constant time and never logged.
- **Sizes.** A request body over ``max_body`` bytes is refused with 413, from its
  ``Content-Length`` or while it streams in.
- **Rates.** Each client address has a token bucket: ``rate`` requests a second, bursts of
  ``burst``; past it, 429 with ``Retry-After``.
- **Headers.** Every response says ``nosniff``, ``no-referrer`` and ``frame-ancestors
  'none'``; every page carries the briefing page's Content-Security-Policy.
- **Logs.** One line per request: method, path without its query string, status, time.
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

log = logging.getLogger("newsweave.serve")

COOKIE = "newsweave_token"


@dataclass(frozen=True, slots=True)
class Guard:
    """The service's limits and tokens (see the module docstring)."""

    write_token: str = ""
    read_token: str = ""
    max_body: int = 10_000_000
    rate: float = 20.0
    burst: int = 60

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Guard:
        """The guard the environment asks for: ``NEWSWEAVE_API_TOKEN``,
        ``NEWSWEAVE_READ_TOKEN``, ``NEWSWEAVE_API_MAX_BYTES``, ``NEWSWEAVE_API_RATE``."""
        return cls(
            write_token=environ.get("NEWSWEAVE_API_TOKEN", "").strip(),
            read_token=environ.get("NEWSWEAVE_READ_TOKEN", "").strip(),
            max_body=int(environ.get("NEWSWEAVE_API_MAX_BYTES", "10000000")),
            rate=float(environ.get("NEWSWEAVE_API_RATE", "20")),
        )

    def may_write(self, authorization: str) -> bool:
        """Whether the ``Authorization`` header carries the write token."""
        return bool(self.write_token) and _same(_bearer(authorization), self.write_token)

    def may_read(self, authorization: str, cookie: str) -> bool:
        """Whether a read is allowed: no read token is set, or the header or cookie has it."""
        if not self.read_token:
            return True
        return _same(_bearer(authorization), self.read_token) or _same(cookie, self.read_token)


def _bearer(header: str) -> str:
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def _same(given: str, token: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


@dataclass(slots=True)
class Buckets:
    """A token bucket per client address, refilled at ``rate`` a second up to ``burst``."""

    rate: float
    burst: int
    _levels: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, client: str) -> float:
        """0 when ``client`` may go on, else the seconds until it may."""
        now = time.monotonic()
        with self._lock:
            level, then = self._levels.get(client, (float(self.burst), now))
            level = min(float(self.burst), level + (now - then) * self.rate)
            if level < 1.0:
                self._levels[client] = (level, now)
                return (1.0 - level) / self.rate
            self._levels[client] = (level - 1.0, now)
            if len(self._levels) > 100_000:  # forget the idle ones, bounded memory
                self._levels = {k: v for k, v in self._levels.items() if now - v[1] < 60}
            return 0.0
