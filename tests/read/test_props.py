"""Property tests: no reader raises on any input, and text survives reading."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.model import Article, Rejected
from newsweave.read import read_inputs
from newsweave.read._article import Origin
from newsweave.read._dispatch import sniff
from newsweave.read.feeds import read_feed, snippet_text
from newsweave.read.html import read_html
from newsweave.read.records import read_records
from newsweave.read.text import read_text
from newsweave.settings import Settings
from strategies import SUFFIXES, encoded_text, hostile_bytes, json_records

FEW = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ORIGIN = Origin.for_path("in/x")


def assert_outcomes(outcomes: tuple[Article | Rejected, ...]) -> None:
    assert outcomes
    for outcome in outcomes:
        assert isinstance(outcome, Article | Rejected)
        if isinstance(outcome, Article):
            assert outcome.text.strip()
        else:
            assert outcome.reason


@FEW
@given(data=hostile_bytes)
def test_readers_never_raise_on_hostile_bytes(data: bytes) -> None:
    small = Settings().replace(max_bytes=1000)
    assert_outcomes((read_text(data, ORIGIN),))
    assert_outcomes((read_html(data, ORIGIN),))
    assert_outcomes(read_records(data, ORIGIN, small))
    assert_outcomes(read_records(data, ORIGIN, small, lines=True))
    assert_outcomes(read_records(data, ORIGIN, small, lines=False))
    assert_outcomes(read_feed(data, ORIGIN, small))
    sniff(data)


@FEW
@given(data=hostile_bytes, suffix=st.sampled_from(SUFFIXES))
def test_read_inputs_accounts_for_every_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"report{suffix}"
        path.write_bytes(data)
        result = read_inputs([str(path)], Settings().replace(max_bytes=1500))
    named = [a.path for a in result.articles] + [r.input for r in result.rejected]
    assert named
    assert all(name is not None and name.startswith(str(path)) for name in named)


@FEW
@given(pair=encoded_text())
def test_text_reader_returns_the_decoded_text(pair: tuple[str, bytes]) -> None:
    text, data = pair
    outcome = read_text(data, ORIGIN)
    if text.strip():
        assert isinstance(outcome, Article)
        assert outcome.text == text
    else:
        assert outcome == Rejected("in/x", "empty file")


@FEW
@given(data=json_records())
def test_records_reader_names_each_line(data: bytes) -> None:
    outcomes = read_records(data, ORIGIN, lines=True)
    assert_outcomes(outcomes)
    for outcome in outcomes:
        if isinstance(outcome, Rejected) and outcome.input != "in/x":
            line = int(outcome.input.rpartition(":")[2])
            assert outcome.reason.startswith(f"line {line}:")


@FEW
@given(markup=st.text(max_size=300))
def test_snippet_text_never_raises(markup: str) -> None:
    text = snippet_text(markup)
    assert "\n\n\n" not in text
    assert text == text.strip()
