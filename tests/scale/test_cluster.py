"""scale.cluster: one way to start or join Ray, and a clear error without it."""

from __future__ import annotations

import sys

import pytest

from newsweave.errors import MissingExtraError
from newsweave.scale import cluster


def test_without_ray_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(MissingExtraError, match=r"watch: .*pip install 'newsweave\[ray\]'"):
        cluster.require_ray("watch")
    assert cluster.connected() is False


def test_a_running_ray_is_joined_not_restarted(local_ray: None) -> None:
    assert cluster.connected()
    assert cluster.connect() is False  # already up: this call started nothing
    assert cluster.cpus() == 1
