"""addresses: which hosts a link found in content may not reach."""

from __future__ import annotations

import pytest

from newsweave.read import addresses
from newsweave.read.addresses import private_reason


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "127.0.0.1 is a loopback address"),
        ("http://127.9.9.9:81/x", "127.9.9.9 is a loopback address"),
        ("http://[::1]/", "::1 is a loopback address"),
        ("http://10.2.3.4/", "10.2.3.4 is a private address"),
        ("http://172.16.0.1/", "172.16.0.1 is a private address"),
        ("http://192.168.0.10/", "192.168.0.10 is a private address"),
        ("http://169.254.169.254/", "169.254.169.254 is a link-local address"),
        ("http://0.0.0.0/", "0.0.0.0 is an unspecified address"),
        ("http://100.64.0.1/", "100.64.0.1 is a non-public address"),
        ("http://[fe80::1]/", "fe80::1 is a link-local address"),
        ("http://[fd00::1]/", "fd00::1 is a private address"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 is a loopback address"),
        ("http://LOCALHOST./", "localhost. is a loopback name"),
        ("http://api.localhost/", "api.localhost is a loopback name"),
    ],
)
def test_private_hosts_are_named(url: str, reason: str) -> None:
    assert private_reason(url) == reason


def test_a_public_address_passes() -> None:
    assert private_reason("https://93.184.215.14/news") is None


def test_a_name_is_judged_by_what_it_resolves_to(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {"wire.example": ["93.184.215.14"], "sneaky.example": ["93.184.215.14", "10.0.0.1"]}
    monkeypatch.setattr(addresses, "resolve_host", lambda host: answers.get(host, []))
    assert private_reason("https://wire.example/a") is None
    assert private_reason("https://sneaky.example/a") == (
        "sneaky.example resolves to 10.0.0.1, a private address"
    )
    assert private_reason("https://unknown.example/a") is None  # the fetch fails on its own
