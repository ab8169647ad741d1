"""The registered summarizers: auto picks extractive without an LLM server and llm with one;
extractive fills the summary from the outlets' sentences; llm asks a stand-in server on
loopback and keeps what its evidence supports."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from echomodel import UNSUPPORTED
from newsweave.model import Article, Briefing, Fact, Span, Story
from newsweave.settings import Settings
from newsweave.summary.summarizers import write_auto, write_extractive, write_with_llm

if TYPE_CHECKING:
    from spacy.language import Language

A_TEXT = (
    "Fire in Vessmark\n\n"
    "A fire broke out in the Vessmark harbour on Monday night. "
    "Nine people died in the fire, police said."
)
B_TEXT = (
    "Harbour blaze\n\n"
    "Nine people were killed when a fire swept through the Vessmark harbour on Monday. "
    "Firefighters fought the blaze for 14 hours."
)


def _span(article: Article, words: str) -> Span:
    start = article.text.index(words)
    return Span(article.id, start, start + len(words))


@pytest.fixture(scope="module")
def briefing(nlp: Language) -> Briefing:
    from newsweave.nlp.annotate import annotate

    a = Article("a", "Wire", "Fire in Vessmark", A_TEXT)
    b = Article("b", "Post", "Harbour blaze", B_TEXT)
    facts = (
        Fact("f-dead", "Nine people died", "shared", (
            _span(a, "Nine people died in the fire"), _span(b, "Nine people were killed"),
        )),
        Fact("f-hours", "Firefighters fought the blaze for 14 hours", "single", (
            _span(b, "Firefighters fought the blaze for 14 hours"),
        )),
    )  # fmt: skip
    sentences = tuple(s for found in annotate([a, b], nlp=nlp) for s in found.sentences)
    return Briefing(Story("s", "Fire", ("a", "b")), (a, b), facts=facts, sentences=sentences)


def test_extractive_fills_the_summary_with_cited_outlet_sentences(briefing: Briefing) -> None:
    out = write_extractive(briefing, Settings())
    assert out.summary
    assert out.summary_writer == "extractive"
    for sentence in out.summary:
        assert sentence.origin in {"outlet", "dispute"}
        assert sentence.article_ids
        assert sentence.evidence
    assert out.facts == briefing.facts  # only the summary changes


def test_auto_is_extractive_without_an_llm_url(briefing: Briefing) -> None:
    assert write_auto(briefing, Settings()) == write_extractive(briefing, Settings())


def test_llm_keeps_the_supported_sentence_and_lists_the_other(
    briefing: Briefing, echo_model: str
) -> None:
    settings = Settings().replace(llm_url=echo_model, llm_model="echo")
    steps: list[tuple[str, int | None]] = []
    done: list[int] = []

    def progress(step: str, total: int | None) -> Callable[[int], None]:
        steps.append((step, total))
        return done.append

    out = write_with_llm(briefing, settings, progress=progress)
    assert out.summary_writer == "llm:echo"
    assert out.summary[0].origin == "model"  # the model's sentence opens the summary
    assert {s.origin for s in out.summary[1:]} <= {"outlet", "dispute"}
    [unsupported] = out.unsupported
    assert unsupported.text == UNSUPPORTED
    assert (steps, done) == ([("write", 1)], [1])
    assert write_auto(briefing, settings).summary_writer == "llm:echo"  # auto, with a server
