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
import time
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from newsweave.errors import NewsweaveError
from newsweave.model import Rejected
from newsweave.read._article import oversize_reason
from newsweave.read.addresses import private_reason
from newsweave.read.decompress import ACCEPT_ENCODING, BoundedDecoder, TooLarge
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
        status: the HTTP status: 200, or 304 (not modified since the caching headers sent).
        etag, modified: the ``ETag`` and ``Last-Modified`` headers, for the next request.
    """

    url: str
    final_url: str
    content_type: str
    data: bytes
    status: int = 200
    etag: str = ""
    modified: str = ""

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
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
    )


def fetch(
    url: str,
    settings: Settings,
    client: httpx.Client | None = None,
    *,
    found: bool = False,
    deadline: float | None = None,
    headers: Mapping[str, str] | None = None,
) -> Fetched | Rejected:
    """Fetch ``url``, following at most 5 redirects and reading at most ``max_bytes``.

    The whole fetch, redirects and a slow body included, ends within
    ``settings.fetch_timeout`` seconds (or by ``deadline``, a ``time.monotonic()`` value,
    when that comes first). The body's ``Content-Encoding`` is decoded here, bounded as it
    streams. A redirect, and with ``found`` the URL itself, may not lead to a private
    address (:mod:`newsweave.read.addresses`) unless ``settings.allow_private_urls``; a
    redirect may when the URL the user gave was itself private.

    Args:
        url: an http or https URL.
        settings: ``fetch_timeout``, ``user_agent``, ``max_bytes`` and
            ``allow_private_urls`` apply.
        client: an httpx client to reuse; when None one is created and closed here.
        found: the URL was found inside fetched content (a feed's link), not given.
        deadline: a ``time.monotonic()`` time the fetch must end by (a feed's budget).
        headers: more request headers: ``If-None-Match`` and ``If-Modified-Since`` make a
            conditional request, answered by a :class:`Fetched` of status 304 and no body.

    Returns:
        The body, or a :class:`Rejected` naming the URL and what went wrong
        (``HTTP 404``, ``timed out after 20 s``, ``larger than … bytes``, a bad scheme, a
        private address).
    """
    problem = check_url(url) or (_private(url, settings) if found else None)
    if problem:
        return Rejected(redact(url), problem)
    import httpx  # heavy: loaded on first use

    own = client is None
    if client is None:
        client = make_client(settings)
    limit = settings.fetch_timeout
    end = time.monotonic() + limit
    if deadline is not None and deadline < end:
        end, limit = deadline, max(0.0, deadline - time.monotonic())
    guarded = found or _private(url, settings) is None
    try:
        return _fetch(url, settings, client, end, guarded, headers or {})
    except (httpx.TimeoutException, _Late):
        return Rejected(redact(url), f"timed out after {limit:g} s")
    except httpx.InvalidURL as err:
        return Rejected(redact(url), f"invalid URL ({err})")
    except httpx.HTTPError as err:
        return Rejected(redact(url), f"fetch failed: {type(err).__name__}: {err}".rstrip(": "))
    finally:
        if own:
            client.close()


def redact(url: str) -> str:
    """``url`` without a user name or password (``https://user:pw@host/`` → ``https://host/``).

    Example:
        >>> redact("https://ann:secret@wire.example/a?b=1")
        'https://wire.example/a?b=1'
    """
    try:
        parts = urlsplit(url)
        if "@" not in parts.netloc:
            return url
        return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))
    except ValueError:
        return url


class _Late(NewsweaveError):
    """The fetch ran past its deadline."""


def _private(url: str, settings: Settings) -> str | None:
    if settings.allow_private_urls:
        return None
    reason = private_reason(url)
    if reason is None:
        return None
    return f"{reason}: links found in fetched content never lead there (--allow-private-urls)"


def _fetch(
    url: str,
    settings: Settings,
    client: httpx.Client,
    end: float,
    guarded: bool,
    headers: Mapping[str, str],
) -> Fetched | Rejected:
    # Redirects are followed by hand so that each hop's scheme and address are checked and
    # the limit holds for a caller's client too (httpx sets max_redirects per client).
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        left = end - time.monotonic()
        if left <= 0:
            raise _Late
        request = client.build_request(
            "GET",
            current,
            headers={
                **headers,
                "User-Agent": settings.user_agent,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            timeout=left,
        )
        response = client.send(request, stream=True, follow_redirects=False)
        try:
            if response.is_redirect and "location" in response.headers:
                location = response.headers["location"]
                target = str(response.url.join(location))
                problem = check_url(target) or (_private(target, settings) if guarded else None)
                if problem:
                    return Rejected(redact(url), f"redirected to {redact(location)}: {problem}")
                log.debug("%s: redirected to %s", redact(current), redact(target))
                current = target
                continue
            if response.status_code >= 400:
                return Rejected(redact(url), f"HTTP {response.status_code}")
            if response.status_code == 304:
                return Fetched(
                    redact(url),
                    redact(str(response.url)),
                    response.headers.get("content-type", ""),
                    b"",
                    status=304,
                    etag=response.headers.get("etag", ""),
                    modified=response.headers.get("last-modified", ""),
                )
            return _body(url, settings, response, end)
        finally:
            response.close()
    return Rejected(redact(url), f"too many redirects (more than {MAX_REDIRECTS})")


def _body(url: str, settings: Settings, response: httpx.Response, end: float) -> Fetched | Rejected:
    """The decoded body of ``response``, bounded in size and in time."""
    declared = response.headers.get("content-length", "")
    encoding = response.headers.get("content-encoding", "")
    problem = BoundedDecoder.problem(encoding)
    if problem:
        return Rejected(redact(url), problem)
    if declared.isdigit() and int(declared) > settings.max_bytes and not encoding:
        return Rejected(redact(url), oversize_reason(settings.max_bytes))
    decoder = BoundedDecoder.for_header(encoding, settings.max_bytes)
    if response.is_stream_consumed:
        # Read before it reached us (an in-memory response, as in tests): decoded already.
        decoder = BoundedDecoder("identity", settings.max_bytes)
        chunks: Iterable[bytes] = [response.content]
    else:
        chunks = response.iter_raw()
    body = bytearray()
    try:
        for chunk in chunks:
            if time.monotonic() > end:
                raise _Late
            body += decoder.feed(chunk)
        body += decoder.flush()
    except TooLarge:
        return Rejected(redact(url), oversize_reason(settings.max_bytes))
    except zlib.error:
        return Rejected(redact(url), f"body is not valid {decoder.coding} data")
    return Fetched(
        url=redact(url),
        final_url=redact(str(response.url)),
        content_type=response.headers.get("content-type", ""),
        data=bytes(body),
        etag=response.headers.get("etag", ""),
        modified=response.headers.get("last-modified", ""),
    )
