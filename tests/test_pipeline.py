"""pipeline: the whole slice on real seeds and on our example story."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.model import Article
from newsweave.pipeline import brief_articles
from strategies import SUFFIXES, hostile_bytes

SEED_TITLES = {
    "000": "North Korea’s Kim Jong-un arrives in Russia ahead of arms deal meeting with Putin",
    "001": "Kim Jong Un in Russia ‘For Talks on Arms, Tech and Food’",
    "002": None,  # the report has no headline line: its first line is the lead sentence
    "003": (
        "Kim Jong-un to hold weapons talks with Putin after "
        "‘travelling to Russia in armoured train’"
    ),
    "004": "Kim Jong-un expected to hold weapons talks with Putin at remote Russian space base",
}


@pytest.mark.seeds
def test_seed_titles_and_provenance(seed_briefing) -> None:
    titles = {a.source[:3]: a.title for a in seed_briefing.articles}
    for seed, title in sorted(titles.items()):
        print(f"{seed}: {title!r}")
    assert titles == SEED_TITLES
    assert seed_briefing.rejected == ()
    articles = {a.id: a for a in seed_briefing.articles}
    for entity in seed_briefing.entities:
        for span in entity.mentions:
            article = articles[span.article_id]
            assert span.text(article).strip(), entity.name
            for removed in article.removed:  # nothing comes from removed boilerplate
                assert not (removed.span.start < span.end and span.start < removed.span.end)


def test_example_story(example_briefing) -> None:
    assert len(example_briefing.articles) == 5
    assert example_briefing.story.title in {a.title for a in example_briefing.articles}
    people = {e.name for e in example_briefing.entities if e.type == "PERSON"}
    assert {"Ana Lucia Pereira", "Elena Varga", "Tomas Reyes"} <= people


def test_empty_input_gives_an_empty_briefing(nlp) -> None:
    briefing = brief_articles([], nlp=nlp)
    assert briefing.articles == ()
    assert briefing.entities == ()
    assert briefing.story.title == "Untitled story"


def test_article_without_title_takes_it_from_the_text(nlp) -> None:
    article = Article("x", "wire", None, "Dam opens in Lowvale\n\nThe dam opened on Monday.")
    briefing = brief_articles([article], nlp=nlp)
    assert briefing.articles[0].title == "Dam opens in Lowvale"
    assert briefing.story.title == "Dam opens in Lowvale"


GOOD = [
    "Harbour bridge reopens\n\nThe Harbour Bridge reopened to traffic on Tuesday after "
    f"repairs, officials said. Crews worked for {n + 2} days on the span."
    for n in range(5)
]


def test_one_article_that_breaks_annotation_costs_only_itself(
    nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsweave.nlp.annotate as annotate_module

    real = annotate_module.annotate

    def fragile(articles, *args, **kwargs):  # type: ignore[no-untyped-def]
        if any("POISON" in a.text for a in articles):
            raise ValueError("[E088] Text of length 1000001 exceeds maximum")
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(annotate_module, "annotate", fragile)
    articles = [Article(f"g{n}", f"Wire {n}", None, t) for n, t in enumerate(GOOD)]
    articles.append(Article("bad", "Hostile", None, "POISON paragraph", path="bad.txt"))
    briefing = brief_articles(articles, nlp=nlp)
    assert [a.id for a in briefing.articles] == [f"g{n}" for n in range(5)]
    (rejected,) = briefing.rejected
    assert rejected.input == "bad.txt"
    assert rejected.reason.startswith("annotate failed: ValueError: [E088]")


def test_hostile_files_beside_good_ones_cost_nothing(
    tmp_path, nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import newsweave.nlp.annotate as annotate_module
    from newsweave.pipeline import brief
    from newsweave.settings import Settings

    # spaCy refuses a text past nlp.max_length (E088; a million characters by default):
    # the same, scaled down so that the test stays quick.
    monkeypatch.setattr(nlp, "max_length", 3_000)
    monkeypatch.setattr(annotate_module, "MAX_BLOCK", 2_000)
    monkeypatch.setattr(annotate_module, "load_pipeline", lambda name="": nlp)

    for n, text in enumerate(GOOD):
        (tmp_path / f"good{n}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "surrogate.jsonl").write_text(
        '{"text": "Dam \\ud800 opens after the storm, officials said on Monday."}\n'
    )
    (tmp_path / "long.txt").write_text("Wall of text\n\n" + "word " * 3_000)
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("Cafe report: the dam opened.")
    briefing = brief([str(tmp_path)], Settings())
    texts = {a.text for a in briefing.articles}
    assert set(GOOD) <= texts
    assert any("\ufffd" in t for t in texts)  # the surrogate, replaced and kept
    assert any(t.startswith("Wall of text") for t in texts)  # a paragraph past max_length
    assert any("Cafe report" in t for t in texts)  # a file name that is not UTF-8
    from newsweave.renderers import render

    for fmt in ("json", "md", "html"):
        render(briefing, fmt).encode("utf-8")  # nothing unencodable reaches an output


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_NAMES = st.text(
    st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=30,
).filter(lambda n: n not in {".", ".."} and not n.startswith("."))


# Text that trips writers and parsers: lone surrogates, controls, bidi overrides, markup.
_HOSTILE_TEXT = st.lists(
    st.sampled_from(["\ud800", "\udfff", "\x00", "\x1b[31m", "\u202e", "<script>", "`", "\n\n"])
    | st.text(st.characters(blacklist_categories=()), max_size=30),
    max_size=12,
).map("".join)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    blobs=st.lists(st.tuples(_NAMES, st.sampled_from(SUFFIXES), hostile_bytes), max_size=4),
    records=st.lists(
        st.fixed_dictionaries(
            {"text": _HOSTILE_TEXT},
            optional={"title": _JSON, "x": _JSON},
        )
        | _JSON,
        max_size=4,
    ),
)
def test_brief_never_raises_and_never_loses_the_good_input(
    tmp_path_factory: pytest.TempPathFactory, nlp, blobs, records
) -> None:
    from newsweave.pipeline import brief
    from newsweave.renderers import render
    from newsweave.settings import Settings

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "0-good.txt").write_text(GOOD[0], encoding="utf-8")
    for n, (name, suffix, data) in enumerate(blobs):
        (folder / f"{n}-{name}{suffix}").write_bytes(data)
    lines = [json.dumps(r, ensure_ascii=True, allow_nan=True) for r in records]
    (folder / "records.jsonl").write_text("\n".join(lines), encoding="utf-8")
    briefing = brief([str(folder)], Settings(summarizer="extractive"))
    assert GOOD[0] in {a.text for a in briefing.articles}
    for fmt in ("json", "md", "html"):
        render(briefing, fmt).encode("utf-8")
