"""Fetch http(s) URLs with httpx: bounded size, bounded redirects, clear reasons.

Tests pass a client built on ``httpx.MockTransport``; nothing here reaches the network
unless the caller asks for a URL.

Example:
    >>> fetch("ftp://files.example/a.txt", Settings()).reason
    "unsupported URL scheme 'ftp': only http and https URLs can be read"
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsweave.model import Rejected
from newsweave.read._article import oversize_reason
from newsweave.settings import Settings

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def looks_like_url(text: str) -> bool:
    """Whether an input names a URL (``scheme://…``, or a scheme such as ``javascript:``).

    Example:
        >>> looks_like_url("https://a.example/x"), looks_like_url("C:/news/a.txt")
        (True, False)
    """
    match = _URL_SCHEME.match(text)
    # One letter before ":" is a Windows drive, not a scheme.
    return match is not None and len(match.group(0)) > 2


@dataclass(frozen=True, slots=True)
class Fetched:
    """The body of a fetched URL.

    Attributes:
        url: the URL asked for.
        final_url: the URL after redirects.
        content_type: the ``Content-Type`` header as sent (may be empty).
        data: the body, at most ``Settings.max_bytes`` bytes.
    """

    url: str
    final_url: str
    content_type: str
    data: bytes

    @property
    def media_type(self) -> str:
        """The content type without parameters, lower-cased: ``text/html``."""
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The ``charset`` parameter of the content type, if any."""
        found = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", self.content_type, re.I)
        return found.group(1).lower() if found else None


def check_url(url: str) -> str | None:
    """None if ``url`` is an http(s) URL with a host, else why it cannot be fetched.

    Example:
        >>> check_url("javascript:alert(1)")
        "unsupported URL scheme 'javascript': only http and https URLs can be read"
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as err:
        return f"invalid URL ({err})"
    if parts.scheme.lower() not in ("http", "https"):
        scheme = parts.scheme.lower() or "none"
        return f"unsupported URL scheme {scheme!r}: only http and https URLs can be read"
    if not host:
        return "invalid URL (no host name)"
    return None


def make_client(settings: Settings) -> httpx.Client:
    """An httpx client with the run's timeout and user agent; the caller closes it."""
    import httpx  # heavy: loaded on first use

    return httpx.Client(
        timeout=settings.fetch_timeout,
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent},
    )


def fetch(url: str, settings: Settings, client: httpx.Client | None = None) -> Fetched | Rejected:
    """Fetch ``url``, following at most 5 redirects and reading at most ``max_bytes``.

    Args:
        url: an http or https URL.
        settings: ``fetch_timeout``, ``user_agent`` and ``max_bytes`` apply.
        client: an httpx client to reuse; when None one is created and closed here.

    Returns:
        The body, or a :class:`Rejected` naming the URL and what went wrong
        (``HTTP 404``, ``timed out after 20 s``, ``larger than … bytes``, a bad scheme).
    """
    problem = check_url(url)
    if problem:
        return Rejected(url, problem)
    import httpx  # heavy: loaded on first use

    own = client is None
    if client is None:
        client = make_client(settings)
    try:
        return _fetch(url, settings, client)
    except httpx.TimeoutException:
        return Rejected(url, f"timed out after {settings.fetch_timeout:g} s")
    except httpx.InvalidURL as err:
        return Rejected(url, f"invalid URL ({err})")
    except httpx.HTTPError as err:
        return Rejected(url, f"fetch failed: {type(err).__name__}: {err}".rstrip(": "))
    finally:
        if own:
            client.close()


def _fetch(url: str, settings: Settings, client: httpx.Client) -> Fetched | Rejected:
    # Redirects are followed by hand so that each hop's scheme is checked and the limit
    # holds for a caller's client too (httpx sets max_redirects per client).
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        request = client.build_request(
            "GET",
            current,
            headers={"User-Agent": settings.user_agent},
            timeout=settings.fetch_timeout,
        )
        response = client.send(request, stream=True, follow_redirects=False)
        try:
            if response.is_redirect and "location" in response.headers:
                location = response.headers["location"]
                target = str(response.url.join(location))
                problem = check_url(target)
                if problem:
                    return Rejected(url, f"redirected to {location}: {problem}")
                log.debug("%s: redirected to %s", current, target)
                current = target
                continue
            if response.status_code >= 400:
                return Rejected(url, f"HTTP {response.status_code}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > settings.max_bytes:
                return Rejected(url, oversize_reason(settings.max_bytes))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > settings.max_bytes:
                    return Rejected(url, oversize_reason(settings.max_bytes))
            return Fetched(
                url=url,
                final_url=str(response.url),
                content_type=response.headers.get("content-type", ""),
                data=bytes(body),
            )
        finally:
            response.close()
    return Rejected(url, f"too many redirects (more than {MAX_REDIRECTS})")
