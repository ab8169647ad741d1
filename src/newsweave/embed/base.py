"""What every embedder shares: the :class:`Embedder` protocol, the row memo, normalising.

A backend hands :func:`encode_distinct` a function that encodes one batch of texts;
the rest (each distinct text once, blank texts as zero rows, recent rows remembered, unit
length, input order) is the same for all of them.

Example:
    >>> rows = encode_distinct(["ab", "", "ab"], 2, lambda texts: np.ones((len(texts), 2)))
    >>> rows.astype(float).round(3).tolist()
    [[0.707, 0.707], [0.0, 0.0], [0.707, 0.707]]
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np
from cachetools import LRUCache
from numpy.typing import NDArray

Vectors = NDArray[np.float32]

MEMO_SIZE = 20_000  # texts whose rows a model backend keeps (~30 MB for MiniLM)
MAX_THREADS = 8  # a 6-layer model gains little beyond this, and a server shares its cores


class Embedder(Protocol):
    """Turns texts into unit-length rows; picked by name with :func:`newsweave.embed.get_embedder`.

    Attributes:
        name: the registered name of the backend that does the work, e.g. ``"minilm-onnx"``.
        dim: the number of columns :meth:`encode` returns.
    """

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> Vectors:
        """float32 rows of shape ``(len(texts), dim)``, L2-normalised; blank texts give zeros."""
        ...


class Memo:
    """Recent rows by text, so a story's statements are not encoded twice in one run
    (facts and then the timeline encode mostly the same sentences).

    Example:
        >>> memo = Memo(size=1)
        >>> memo.put("a", np.ones(2, dtype=np.float32)); memo.put("b", np.zeros(2, np.float32))
        >>> memo.get("a") is None, memo.get("b").tolist()
        (True, [0.0, 0.0])
    """

    def __init__(self, size: int = MEMO_SIZE) -> None:
        self._rows: LRUCache[str, Vectors] = LRUCache(maxsize=size)
        self._lock = threading.Lock()  # one model may serve several threads of a server

    def get(self, text: str) -> Vectors | None:
        """The row remembered for ``text``, else None."""
        with self._lock:
            row: Vectors | None = self._rows.get(text)
        return row

    def put(self, text: str, row: Vectors) -> None:
        """Remember ``row`` for ``text``; the least recently used row makes room."""
        with self._lock:
            self._rows[text] = row


def encode_distinct(
    texts: Sequence[str],
    dim: int,
    encode_batch: Callable[[list[str]], Vectors],
    memo: Memo | None = None,
) -> Vectors:
    """Encode each distinct non-blank text once, then scatter rows back into input order.

    Args:
        texts: the texts to encode; blank ones get zero rows.
        dim: the number of columns.
        encode_batch: encodes a list of distinct, non-blank texts into rows.
        memo: rows remembered from earlier calls, consulted and filled; None for none.

    Raises:
        TypeError: ``texts`` is one string rather than a sequence of them.
    """
    if isinstance(texts, str):
        raise TypeError("encode() takes a sequence of texts, not one string: use encode([text])")
    index: dict[str, int] = {}
    rows = [index.setdefault(text, len(index)) for text in texts]
    distinct = list(index)
    out = np.zeros((len(distinct), dim), dtype=np.float32)
    keep = [i for i, text in enumerate(distinct) if text.strip()]
    if memo is not None:
        known = [(i, memo.get(distinct[i])) for i in keep]
        for i, row in known:
            if row is not None:
                out[i] = row
        keep = [i for i, row in known if row is None]
    if keep:
        out[keep] = encode_batch([distinct[i] for i in keep])
        if memo is not None:
            for i in keep:
                memo.put(distinct[i], out[i].copy())
    return normalised(out[np.asarray(rows, dtype=np.intp)])


def normalised(rows: NDArray[Any]) -> Vectors:
    """``rows`` scaled to unit length, as float32; zero rows stay zero."""
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return (rows / np.where(norms > 0, norms, 1.0)).astype(np.float32, copy=False)


def threads() -> int:
    """Threads a model backend may use: the cores this process may run on, at most 8, and
    at most ``OMP_NUM_THREADS`` when it is set (Ray sets it to a task's CPUs, so two tasks
    on two cores do not each start a thread per core)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    limit = os.environ.get("OMP_NUM_THREADS", "").strip()
    if limit.isdigit() and int(limit) > 0:
        cores = min(cores or 1, int(limit))
    return max(1, min(cores or 1, MAX_THREADS))
