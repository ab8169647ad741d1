"""service.guard: tokens compared whole, reads open unless a read token is set, buckets."""

from __future__ import annotations

import pytest

from newsweave.service.guard import Buckets, Guard


def test_write_needs_the_exact_token() -> None:
    guard = Guard(write_token="s3cret")
    assert guard.may_write("Bearer s3cret")
    assert guard.may_write("bearer s3cret")
    for header in ("", "Bearer", "Bearer s3cre", "Bearer s3cret2", "Basic s3cret", "s3cret"):
        assert not guard.may_write(header), header
    assert not Guard().may_write("Bearer ")  # no token set: writes are off


def test_reads_are_open_unless_a_read_token_is_set() -> None:
    assert Guard().may_read("", "")
    guard = Guard(read_token="r")
    assert not guard.may_read("", "")
    assert guard.may_read("Bearer r", "")
    assert guard.may_read("", "r")


def test_the_environment_sets_the_guard() -> None:
    guard = Guard.from_env({"NEWSWEAVE_API_TOKEN": " w ", "NEWSWEAVE_API_MAX_BYTES": "1000"})
    assert (guard.write_token, guard.read_token, guard.max_body) == ("w", "", 1000)


def test_a_bucket_lets_a_burst_through_then_refills(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsweave.service.guard as module

    clock = [100.0]
    monkeypatch.setattr(module.time, "monotonic", lambda: clock[0])
    buckets = Buckets(rate=2.0, burst=3)
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a") == pytest.approx(0.5)
    assert buckets.take("b") == 0.0  # each client has its own bucket
    clock[0] += 0.5
    assert buckets.take("a") == 0.0
