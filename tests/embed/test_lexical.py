"""embed.lexical: shared words score paraphrases higher, the same in every process."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.embed import Embedder, fold_word, get_embedder
from paraphrases import LEXICAL_TRIPLES, assert_paraphrases_closer

FEW = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def lexical() -> Embedder:
    return get_embedder("lexical")


def test_lexical_paraphrases_score_higher(lexical: Embedder) -> None:
    assert (lexical.name, lexical.dim) == ("lexical", 4096)
    assert_paraphrases_closer(lexical, LEXICAL_TRIPLES)


def test_fold_word_meets_inflections() -> None:
    assert {fold_word(w) for w in ("fires", "fired", "firing")} == {"fir"}
    assert fold_word("cities") == "city"
    assert fold_word("mayor's") == fold_word("mayor’s") == "mayor"
    assert fold_word("bus") == "bus"  # "-us" and "-ss" are not plurals


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
