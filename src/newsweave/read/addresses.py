"""Where a URL found inside fetched content may lead: never to this machine or its network.

A URL the user gives is fetched wherever it points: they mean it. A URL found inside
something fetched (a feed entry's link, a redirect) is the content's choice, and content
is hostile. Such a URL is refused when its host is, or resolves to, a loopback,
link-local, private, shared, reserved, multicast or unspecified address, unless
``Settings.allow_private_urls`` is set (``--allow-private-urls``).

The check resolves the host name itself (``resolve_host``, which tests replace with a
stub), so a public-looking name that answers with ``127.0.0.1`` is refused too. It does not
pin the address it checked for the connection that follows; a name whose answers change
between the two (DNS rebinding) is a known limit, written down in docs/security.md.

Example:
    >>> private_reason("http://127.0.0.1:8080/admin")
    '127.0.0.1 is a loopback address'
    >>> private_reason("http://[::ffff:10.0.0.7]/") is not None
    True
"""

from __future__ import annotations

import ipaddress
import socket

from newsweave.read._article import host_of

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def resolve_host(host: str) -> list[str]:
    """The addresses ``host`` resolves to (empty when it does not resolve)."""
    try:
        answers = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return sorted({str(a[4][0]) for a in answers})


def private_reason(url: str) -> str | None:
    """Why ``url`` leads to a private address, or None when it does not (or its host does
    not resolve: the fetch itself then fails with its own reason)."""
    host = host_of(url)
    if host is None:
        return None
    literal = _address(host)
    if literal is not None:
        kind = _kind(literal)
        return f"{host} is {_a(kind)} address" if kind else None
    if host.rstrip(".").lower() == "localhost" or host.rstrip(".").lower().endswith(".localhost"):
        return f"{host} is a loopback name"
    for answer in resolve_host(host):
        found = _address(answer)
        kind = _kind(found) if found is not None else None
        if kind:
            return f"{host} resolves to {answer}, {_a(kind)} address"
    return None


def _address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def _kind(address: Address) -> str | None:
    """What makes ``address`` private, or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return _kind(mapped)
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("unspecified", address.is_unspecified),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("non-public", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind
