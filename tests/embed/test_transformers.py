"""embed.transformers: a missing extra names its install; the float model agrees with int8."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from newsweave.embed import get_embedder
from newsweave.embed.transformers import SentenceTransformers
from newsweave.errors import MissingExtraError
from paraphrases import TRIPLES


def test_sentence_transformers_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import now fails
    with pytest.raises(MissingExtraError) as caught:
        SentenceTransformers.load("sentence-transformers/all-MiniLM-L6-v2")
    message = str(caught.value)
    assert "pip install 'newsweave[torch]'" in message
    assert "torch==2.13.0" in message


def test_sentence_transformers_agrees_with_onnx() -> None:
    pytest.importorskip("sentence_transformers")
    minilm = get_embedder("minilm-onnx")
    st_embedder = get_embedder("sentence-transformers:sentence-transformers/all-MiniLM-L6-v2")
    assert (st_embedder.name, st_embedder.dim) == (
        "sentence-transformers:sentence-transformers/all-MiniLM-L6-v2",
        384,
    )
    texts = [t for triple in TRIPLES for t in triple]
    agreement = np.sum(st_embedder.encode(texts) * minilm.encode(texts), axis=1)
    print(f"float32 vs int8 ONNX cosine: min {agreement.min():.4f}")
    assert agreement.min() > 0.98
