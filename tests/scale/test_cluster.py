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


def test_starting_ray_keeps_the_callers_signal_handlers(tmp_path) -> None:
    """ray.init replaces SIGTERM's handler with an exit; a watcher's graceful stop needs its
    own back. Run in a process of its own, where Ray is not running yet."""
    import subprocess

    pytest.importorskip("ray", reason="Ray is not installed (pip install 'newsweave[ray]')")
    script = (
        "import signal\n"
        "from newsweave.scale.cluster import connect, disconnect\n"
        "def mine(signum, frame): pass\n"
        "signal.signal(signal.SIGTERM, mine)\n"
        "assert connect(num_cpus=1) is True\n"
        "try:\n"
        "    assert signal.getsignal(signal.SIGTERM) is mine, signal.getsignal(signal.SIGTERM)\n"
        "finally:\n"
        "    disconnect()\n"
        "print('kept')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "kept"
