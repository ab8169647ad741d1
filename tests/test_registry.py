"""registry: every kind lists its built-ins, takes plugins from entry points, keeps built-in
names, and names the available ones when asked for one it does not have."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fakeplugins import TSV_READER, render_count, render_shout
from newsweave import registry
from newsweave.embed import embedder_names, get_embedder
from newsweave.errors import ConfigError, UnknownComponentError
from newsweave.model import Article, Briefing, Story, StoryGrouping
from newsweave.read import read_inputs
from newsweave.read._dispatch import claimant
from newsweave.renderers import render
from newsweave.renderers.json import render_json
from newsweave.renderers.stories import render_stories
from newsweave.settings import Settings, load_settings

Plugins = Callable[[str, str, str], None]

BUILTINS: dict[registry.Kind, tuple[str, ...]] = {
    "readers": ("feed", "html", "records", "text"),
    "embedders": ("auto", "lexical", "minilm-onnx", "minilm-static", "multilingual-e5-small"),
    "summarizers": ("auto", "extractive", "llm"),
    "renderers": ("html", "json", "md"),
    "story_renderers": ("json", "md"),
}
NOUNS = {
    "readers": "reader",
    "embedders": "embedder",
    "summarizers": "summarizer",
    "renderers": "renderer",
    "story_renderers": "story renderer",
}
BRIEFING = Briefing(
    Story("s-1", "Dam opens", ("a",)), (Article("a", "Wire", "Dam opens", "The dam opened."),)
)


@pytest.mark.parametrize("kind", BUILTINS)
def test_the_builtins_are_listed_and_load(kind: registry.Kind, plugins: Plugins) -> None:
    assert registry.names(kind) == BUILTINS[kind]
    for name in BUILTINS[kind]:
        assert callable(registry.load(kind, name)) or kind == "readers"
    if kind == "readers":
        assert registry.reader_names() == ("text", "html", "records", "feed")  # claim order
        assert [registry.get_reader(n).name for n in registry.reader_names()] == [
            "text",
            "html",
            "records",
            "feed",
        ]


@pytest.mark.parametrize("kind", BUILTINS)
def test_an_unknown_name_lists_the_available_ones(kind: registry.Kind, plugins: Plugins) -> None:
    with pytest.raises(UnknownComponentError) as caught:
        registry.load(kind, "nope")
    expected = f"{NOUNS[kind]} 'nope' is not registered; available: {', '.join(BUILTINS[kind])}"
    assert str(caught.value).startswith(expected)


def test_embedder_names_and_unknown_name() -> None:
    assert {"auto", "lexical", "minilm-onnx"} <= set(embedder_names())
    with pytest.raises(UnknownComponentError) as caught:
        get_embedder("word2vec")
    message = str(caught.value)
    assert "'word2vec'" in message
    assert "auto, lexical, minilm-onnx" in message
    assert "sentence-transformers:<model>" in message


def test_settings_pick_the_embedder() -> None:
    assert load_settings({}).embedder == "auto"
    assert load_settings({"NEWSWEAVE_EMBEDDER": "lexical"}).embedder == "lexical"


def test_a_plugin_renderer_is_listed_and_renders(plugins: Plugins) -> None:
    plugins("renderers", "shout", "fakeplugins:render_shout")
    assert registry.renderer_names() == ("html", "json", "md", "shout")
    assert registry.get_renderer("shout") is render_shout
    assert render(BRIEFING, "shout") == "DAM OPENS!\n"


def test_a_plugin_story_renderer_is_listed_and_renders(plugins: Plugins) -> None:
    plugins("story_renderers", "count", "fakeplugins:render_count")
    assert registry.story_renderer_names() == ("count", "json", "md")
    assert registry.get_story_renderer("count") is render_count
    grouping = StoryGrouping((BRIEFING.story,), BRIEFING.articles)
    assert render_stories(grouping, "count") == "1 stories\n"


def test_a_plugin_embedder_loads_once(plugins: Plugins) -> None:
    plugins("embedders", "ones", "fakeplugins:Ones")
    assert "ones" in embedder_names()
    ones = get_embedder("ones")
    assert ones is get_embedder(" ones ")
    assert ones.encode(["Dam opens", ""]).tolist() == [[1.0, 0.0], [0.0, 0.0]]


def test_a_plugin_reader_adds_a_format_but_takes_none_over(
    plugins: Plugins, tmp_path: Path
) -> None:
    plugins("readers", "tsv", "fakeplugins:TSV_READER")
    assert registry.reader_names() == ("text", "html", "records", "feed", "tsv")
    (tmp_path / "a.tsv").write_text("Dam opens\tThe dam opened on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Dam opens\tThe dam opened on Tuesday.", encoding="utf-8")
    result = read_inputs([str(tmp_path)])
    assert not result.rejected
    by_file = {Path(a.path or "").name: a for a in result.articles}
    assert by_file["a.tsv"].title == "Dam opens"  # read by the plugin
    assert by_file["b.txt"].title is None  # .txt stays with the built-in text reader
    assert claimant(media_type="text/tab-separated-values") is TSV_READER
    assert claimant(suffix=".txt") is registry.get_reader("text")


def test_a_file_no_reader_claims_is_still_sniffed(plugins: Plugins, tmp_path: Path) -> None:
    plugins("readers", "tsv", "fakeplugins:TSV_READER")
    (tmp_path / "notes").write_text("Dam opens\n\nThe dam opened.", encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02")
    result = read_inputs([str(tmp_path / "notes"), str(tmp_path / "blob.bin")])
    assert [a.text for a in result.articles] == ["Dam opens\n\nThe dam opened."]
    assert [r.reason for r in result.rejected] == [
        "unsupported file type (suffix '.bin', binary content; "
        "expected text, HTML, JSON or a feed)",
    ]


def test_a_builtin_name_never_changes_meaning(plugins: Plugins) -> None:
    plugins("renderers", "json", "fakeplugins:render_shout")
    assert registry.renderer_names() == ("html", "json", "md")
    assert registry.get_renderer("json") is render_json


def test_a_plugin_that_cannot_load_is_one_clear_error(plugins: Plugins) -> None:
    plugins("renderers", "gone", "fakeplugins:does_not_exist")
    plugins("renderers", "lost", "no_such_module_anywhere:render")
    with pytest.raises(ConfigError, match=r"renderer 'gone': the entry point 'fakeplugins:does"):
        registry.get_renderer("gone")
    with pytest.raises(ConfigError, match="No module named 'no_such_module_anywhere'"):
        registry.get_renderer("lost")


def test_a_plugin_summarizer_writes_the_summary(plugins: Plugins, nlp) -> None:
    from newsweave.pipeline import brief_articles

    plugins("summarizers", "nothing", "fakeplugins:write_nothing")
    assert registry.summarizer_names() == ("auto", "extractive", "llm", "nothing")
    article = Article("a", "Wire", "Dam opens", "The dam on the Lowe opened on Monday.")
    plain = brief_articles([article], Settings(), nlp=nlp)
    assert plain.summary_writer == "extractive"  # "auto" without an LLM server
    assert plain.summary
    briefing = brief_articles([article], Settings(summarizer="nothing"), nlp=nlp)
    assert (briefing.summary_writer, briefing.summary) == ("nothing", ())


def test_an_unknown_summarizer_stops_before_any_work() -> None:
    from newsweave.pipeline import brief_articles

    with pytest.raises(UnknownComponentError, match="summarizer 'nope' is not registered"):
        brief_articles([], Settings(summarizer="nope"))


def test_the_llm_summarizer_needs_a_server() -> None:
    assert load_settings({"NEWSWEAVE_SUMMARIZER": "extractive"}).summarizer == "extractive"
    with pytest.raises(ConfigError, match="summarizer = 'llm' needs the URL"):
        load_settings({"NEWSWEAVE_SUMMARIZER": "llm"})
    chosen = load_settings({"NEWSWEAVE_SUMMARIZER": "llm"}, llm_url="http://x/v1", llm_model="m")
    assert chosen.summarizer == "llm"


def test_importing_the_registry_is_light() -> None:
    code = (
        "import sys\nimport newsweave.registry as r\nr.renderer_names(), r.embedder_names()\n"
        "heavy = {'numpy', 'spacy', 'onnxruntime', 'tokenizers', 'trafilatura', 'httpx'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
