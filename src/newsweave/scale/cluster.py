"""Joining Ray: a local instance by default, the cluster ``RAY_ADDRESS`` names otherwise.

Every Ray engine (features, briefings) starts Ray through :func:`connect`, so they share
one instance and one way of finding a cluster. ``RAY_FROM`` is the size at which the
service hands a step to Ray: below it, starting Ray's workers costs more than it saves.
"""

from __future__ import annotations

import os
import signal
import threading
from types import ModuleType

from newsweave.errors import MissingExtraError

RAY_FROM = 500  # articles in one step (an ingest, a round's re-briefs) before Ray takes it


def require_ray(what: str) -> ModuleType:
    """The ``ray`` module.

    Raises:
        MissingExtraError: Ray is not installed; the message names ``what`` needed it.
    """
    try:
        import ray
    except ImportError:
        raise MissingExtraError(
            f"{what}: Ray is not installed; install it with: pip install 'newsweave[ray]'"
        ) from None
    return ray


def connect(num_cpus: int | None = None) -> bool:
    """Start Ray (or join ``RAY_ADDRESS``) unless this process is connected; True when this
    call connected it. Ray's own logging stays off the caller's stderr, and the caller's
    SIGTERM and SIGINT handlers stay theirs (``ray.init`` replaces SIGTERM's with an exit,
    which would cut a watcher's graceful stop short).

    Raises:
        MissingExtraError: Ray is not installed.
    """
    ray = require_ray("engine 'ray'")
    if ray.is_initialized():
        return False
    main = threading.current_thread() is threading.main_thread()
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)} if main else {}
    try:
        ray.init(
            address=os.environ.get("RAY_ADDRESS") or None,
            num_cpus=num_cpus,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
        )
    finally:
        for number, handler in handlers.items():
            if handler is not None:
                signal.signal(number, handler)
    return True


def connected() -> bool:
    """Whether this process is connected to Ray (False when Ray is not installed)."""
    try:
        import ray
    except ImportError:
        return False
    return bool(ray.is_initialized())


def cpus() -> int:
    """The CPUs of the Ray instance this process is connected to (at least 1)."""
    ray = require_ray("engine 'ray'")
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def disconnect() -> None:
    """Leave Ray (stopping it when this process started a local instance)."""
    ray = require_ray("engine 'ray'")
    if ray.is_initialized():
        ray.shutdown()
