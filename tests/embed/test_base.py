"""embed.base: rows unit length in input order, each distinct text encoded once, the memo."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave.embed import Embedder, get_embedder
from newsweave.embed.base import Memo, encode_distinct
from paraphrases import TRIPLES


@pytest.fixture(scope="module")
def lexical() -> Embedder:
    return get_embedder("lexical")


@pytest.mark.parametrize("name", ["minilm-onnx", "minilm-static", "lexical"])
def test_rows_are_unit_float32_in_input_order(name: str) -> None:
    embedder = get_embedder(name)
    # Lengths deliberately out of order, so the length-sorted batches must be scattered back.
    texts = [*[t for triple in TRIPLES for t in triple][::-1], "Storm.", "A short one here."]
    rows = embedder.encode(texts)
    assert rows.dtype == np.float32
    assert rows.shape == (len(texts), embedder.dim)
    np.testing.assert_allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    alone = np.vstack([embedder.encode([t]) for t in texts])
    similarity = rows @ alone.T
    # int8 activations are quantised per batch, so rows match closely rather than exactly.
    assert np.all(np.diag(similarity) > 0.99)
    assert list(similarity.argmax(axis=1)) == list(range(len(texts)))


@pytest.mark.parametrize("name", ["minilm-onnx", "lexical"])
def test_duplicates_are_encoded_once_and_identical(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = get_embedder(name)
    seen: list[list[str]] = []
    encode_batch = type(embedder)._encode_batch

    def spy(self: Embedder, texts: list[str]) -> np.ndarray:
        seen.append(list(texts))
        return encode_batch(self, texts)

    monkeypatch.setattr(type(embedder), "_encode_batch", spy)
    a, b = TRIPLES[0][0], TRIPLES[1][0]
    rows = embedder.encode([a, b, a, a, b])
    encoded = [text for batch in seen for text in batch]
    assert len(encoded) == len(set(encoded)) <= 2  # a model backend may remember a and b
    assert set(encoded) <= {a, b}
    again = embedder.encode([b, a])
    if name != "lexical":
        assert [text for batch in seen for text in batch] == encoded  # remembered, not rerun
    assert np.allclose(again[0], rows[1])
    assert np.array_equal(rows[0], rows[2])
    assert np.array_equal(rows[0], rows[3])
    assert np.array_equal(rows[1], rows[4])


@pytest.mark.parametrize("name", ["minilm-onnx", "minilm-static", "lexical"])
def test_empty_inputs(name: str) -> None:
    embedder = get_embedder(name)
    empty = embedder.encode([])
    assert (empty.shape, empty.dtype) == ((0, embedder.dim), np.float32)
    rows = embedder.encode(["", "   \n", "The bridge reopened."])
    assert not rows[:2].any()  # blank text has no meaning, so it matches nothing
    assert np.linalg.norm(rows[2]) == pytest.approx(1.0, abs=1e-5)


def test_one_string_is_refused(lexical: Embedder) -> None:
    with pytest.raises(TypeError, match=r"encode\(\[text\]\)"):
        lexical.encode("The bridge reopened.")


def test_the_memo_forgets_the_least_recently_used_row() -> None:
    memo = Memo(size=2)
    one, two, three = (np.full(2, k, dtype=np.float32) for k in (1, 2, 3))
    memo.put("one", one)
    memo.put("two", two)
    assert memo.get("one") is one  # "one" is now the more recently used
    memo.put("three", three)
    assert memo.get("two") is None
    assert memo.get("one") is one
    assert memo.get("three") is three


def test_remembered_rows_are_not_encoded_again() -> None:
    batches: list[list[str]] = []

    def encode_batch(texts: list[str]) -> np.ndarray:
        batches.append(texts)
        return np.ones((len(texts), 3), dtype=np.float32)

    memo = Memo()
    first = encode_distinct(["a", " ", "b", "a"], 3, encode_batch, memo)
    again = encode_distinct(["b", "c"], 3, encode_batch, memo)
    assert batches == [["a", "b"], ["c"]]  # the blank text is never encoded
    assert np.array_equal(again[0], first[2])
    assert not first[1].any()


def test_threads_follow_omp_num_threads_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ray task gets OMP_NUM_THREADS=1: its model must not start a thread per core."""
    from newsweave.embed.base import MAX_THREADS, threads

    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    free = threads()
    assert 1 <= free <= MAX_THREADS
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    assert threads() == 1
    for ignored in ("", "0", "many", "-2"):
        monkeypatch.setenv("OMP_NUM_THREADS", ignored)
        assert threads() == free
    monkeypatch.setenv("OMP_NUM_THREADS", "999")
    assert threads() == free  # never more than the cores, nor MAX_THREADS
