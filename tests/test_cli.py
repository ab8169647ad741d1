"""cli: exit codes, formats, output files, rejected inputs and a light start-up."""

from __future__ import annotations

import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.cli import app

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-bridge"
CLUSTERS = Path(__file__).resolve().parent / "data" / "clusters"
runner = CliRunner()


def test_brief_json_follows_the_schema(nlp, tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    result = runner.invoke(app, ["brief", str(EXAMPLE), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "newsweave.briefing/2"
    assert set(data) == {
        "schema",
        "story",
        "articles",
        "entities",
        "quotes",
        "facts",
        "timeline",
        "summary",
        "summary_writer",
        "unsupported",
        "flagged",
        "rejected",
        "dates",
    }
    assert data["summary_writer"] == "extractive"
    assert data["unsupported"] == []
    assert {s["origin"] for s in data["summary"]} <= {"outlet", "dispute"}
    assert len(data["articles"]) == 5
    for article in data["articles"]:
        assert {
            "id",
            "source",
            "title",
            "published",
            "published_inferred",
            "url",
            "path",
            "lang",
            "removed",
            "dating",
        } <= set(article)
        assert article["published"] == "2025-10-15" or article["published_inferred"]
    assert data["entities"]
    assert all(e["articles"] for e in data["entities"])
    assert data["rejected"] == []
    assert data["quotes"]
    for quote in data["quotes"]:
        assert {"id", "text", "kind", "speaker", "article", "start", "end", "group"} <= set(quote)
        assert quote["kind"] in {"direct", "partial", "indirect"}
    assert data["timeline"]
    for row in data["timeline"]:
        assert {"when", "precision", "earliest", "latest", "text", "expected", "articles"} <= set(
            row
        )
        assert row["evidence"]
        assert all(e["text"] for e in row["evidence"])
    assert all({"article", "start", "end", "text", "kind", "when"} <= set(d) for d in data["dates"])


def test_markdown_to_stdout_by_default(nlp) -> None:
    result = runner.invoke(app, ["brief", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ")
    assert "## Who and what is named" in result.stdout
    assert "## Who said what" in result.stdout


def test_rejected_inputs_exit_1_and_are_listed(nlp, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Dam opens\n\nThe new dam opened on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(app, ["brief", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 1
    assert [r["input"].endswith("bad.txt") for r in data["rejected"]] == [True]
    assert "rejected:" in result.stderr
    assert "bad.txt" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["brief"]).exit_code == 2
    assert runner.invoke(app, ["brief", str(tmp_path), "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["nonsense"]).exit_code == 2


def test_bad_setting_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", str(tmp_path), "--max-bytes", "0"])
    assert result.exit_code == 2
    assert "max_bytes" in result.stderr
    assert "Traceback" not in result.stderr


def test_stories_embedder_picks_the_story_embedder_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave.grouping.store import stored_embedder

    monkeypatch.setenv("NEWSWEAVE_EMBEDDER", "minilm-onnx")  # aligns statements; not stories
    db = tmp_path / "s.db"
    args = ["stories", str(CLUSTERS / "close-events.jsonl"), "--embedder", "lexical"]
    result = runner.invoke(app, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["schema"] == "newsweave.stories/1"
    assert stored_embedder(str(db)) == "lexical"


def test_help_and_version() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "brief" in result.stdout
    assert runner.invoke(app, ["--version"]).stdout.startswith("newsweave ")
    assert "Example:" in runner.invoke(app, ["brief", "--help"]).stdout


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from newsweave.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'spacy', 'torch', 'onnxruntime', 'ray', 'fastapi', 'trafilatura', 'thinc'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_python_dash_m_runs_the_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "newsweave", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("newsweave ")
    usage = subprocess.run(
        [sys.executable, "-m", "newsweave", "--help"], capture_output=True, text=True, check=True
    )
    assert "Usage: newsweave" in usage.stdout


def test_brief_with_an_llm_keeps_supported_sentences_and_lists_the_rest(
    nlp, tmp_path: Path, echo_model: str
) -> None:
    out = tmp_path / "b.json"
    args = ["brief", str(EXAMPLE), "-f", "json", "-o", str(out), "--llm", echo_model]
    result = runner.invoke(app, [*args, "--model", "echo"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary_writer"] == "llm:echo"
    assert data["summary"][0]["origin"] == "model"  # the model's sentence opens it
    assert {s["origin"] for s in data["summary"][1:]} <= {"outlet", "dispute"}
    [unsupported] = data["unsupported"]
    assert "pink" in unsupported["text"]
    assert "not in its evidence" in unsupported["reason"]
    assert "1 sentences kept, 1 not" in result.stderr


def test_an_llm_that_cannot_be_reached_is_one_line_and_exit_2(nlp, tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    result = runner.invoke(app, ["brief", str(EXAMPLE), "--llm", url, "--model", "m"])
    assert result.exit_code == 2
    assert f"{url}/chat/completions: cannot reach the server" in result.stderr
    missing = runner.invoke(app, ["brief", str(EXAMPLE), "--llm", url])
    assert missing.exit_code == 2
    assert "needs a model name" in missing.stderr


def test_a_plugin_renderer_is_a_format(nlp, plugins, tmp_path: Path) -> None:
    plugins("renderers", "shout", "fakeplugins:render_shout")
    plugins("story_renderers", "count", "fakeplugins:render_count")
    record = {"title": "Dam opens", "text": "The dam on the Lowe river opened on Monday."}
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["brief", str(wire), "--format", "shout"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "DAM OPENS!\n"
    grouped = runner.invoke(app, ["stories", str(wire), "-f", "count", "--embedder", "lexical"])
    assert grouped.exit_code == 0, grouped.output
    assert grouped.stdout == "1 stories\n"


def test_an_unknown_format_is_one_line_naming_the_others(plugins, tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", str(tmp_path), "--format", "pdf"])
    assert result.exit_code == 2
    assert result.stderr == (
        "newsweave: error: renderer 'pdf' is not registered; available: html, json, md\n"
    )
    result = runner.invoke(app, ["stories", str(tmp_path), "--format", "html"])
    assert result.exit_code == 2
    assert result.stderr == (
        "newsweave: error: story renderer 'html' is not registered; available: json, md\n"
    )


def test_help_lists_the_registered_formats() -> None:
    brief_help = runner.invoke(app, ["brief", "--help"], terminal_width=200).stdout
    assert "<html|json|md>" in brief_help
    stories_help = runner.invoke(app, ["stories", "--help"], terminal_width=200).stdout
    assert "<json|md>" in stories_help


def test_a_stored_story_is_briefed_as_its_articles_are_directly(nlp, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    grouped = runner.invoke(app, ["stories", str(EXAMPLE), str(CLUSTERS), "--db", db, "-f", "json"])
    assert grouped.exit_code == 0, grouped.output
    listed = runner.invoke(app, ["stories", "--db", db, "-f", "json"])
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.stdout) == json.loads(grouped.stdout)  # every input is stored
    story = next(s for s in json.loads(listed.stdout)["stories"] if len(s["articles"]) == 5)
    day = ["--today", "2026-01-01", "-f", "json"]
    stored = runner.invoke(app, ["brief", "--db", db, "--story", story["id"], *day])
    direct = runner.invoke(app, ["brief", str(EXAMPLE), *day])
    assert stored.exit_code == direct.exit_code == 0, stored.output
    assert stored.stdout == direct.stdout


def test_the_store_listing_shows_stored_headlines(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["stories", str(CLUSTERS / "close-events.jsonl"), "--db", db])
    listed = runner.invoke(app, ["stories", "--db", db])
    assert listed.exit_code == 0, listed.output
    assert "44 articles in" in listed.stdout
    assert "(stored earlier)" not in listed.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["brief"], "give INPUTS to brief, or --db FILE --story ID"),
        (["brief", "x.txt", "--db", "s.db", "--story", "s-1"], "not both"),
        (["brief", "--db", "s.db"], "give INPUTS to brief, or --db FILE --story ID"),
        (["stories"], "give INPUTS to group, or --db FILE"),
        (["stories", "--db", "{tmp}/none.db"], "no story store there"),
        (["brief", "--db", "{db}", "--story", "s-nope"], "no story 's-nope'"),
    ],
)
def test_store_usage_errors_are_one_line_and_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["stories", str(CLUSTERS / "close-events.jsonl"), "--db", db])
    args = [a.format(tmp=tmp_path, db=db) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "none.db").exists()  # listing never creates a store


def test_a_crash_exits_2_with_one_line_and_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsweave.pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("'NoneType' object is not subscriptable")

    monkeypatch.setattr(newsweave.pipeline, "brief", broken)
    (tmp_path / "a.txt").write_text("Dam opens\n\nThe dam opened on Tuesday.\n")
    result = runner.invoke(app, ["brief", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("newsweave: error: the run stopped on an unexpected TypeError")
    debug = runner.invoke(app, ["brief", str(tmp_path / "a.txt"), "--debug"])
    assert isinstance(debug.exception, TypeError)


def test_hostile_names_are_escaped_on_stderr(tmp_path: Path) -> None:
    name = tmp_path / "x\nrejected: forged\x1b[31m.bin"
    name.write_bytes(b"\x00\x01binary")
    (tmp_path / "a.txt").write_text("Dam opens\n\nThe dam opened on Tuesday.\n")
    result = runner.invoke(app, ["stories", str(tmp_path), "--embedder", "lexical"])
    assert result.exit_code == 1
    lines = _said(result.stderr)
    assert len(lines) == 1
    assert lines[0].startswith("rejected: ")
    assert "\\nrejected: forged\\x1b[31m.bin" in lines[0]
    assert "\x1b" not in result.stderr


# --- one hostile input of each kind beside five good ones ---------------------------------


GOOD_REPORTS = [
    f"Harbour bridge reopens\n\nThe Harbour Bridge reopened on Tuesday after {n + 2} days "
    "of repairs, the city said. Traffic returned to normal by the evening."
    for n in range(5)
]


class _Hostile(http.server.BaseHTTPRequestHandler):
    """A local server that attacks its client: a gzip bomb, a slow drip, a feed whose
    teasers link to this machine's private services."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        if self.path == "/bomb":
            pack = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
            inner = b"".join(pack.compress(b"\0" * 1_000_000) for _ in range(200)) + pack.flush()
            body = gzip.compress(inner)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip, gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(60):
                    self.wfile.write(b"<p>x")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass
        elif self.path == "/feed":
            items = "".join(
                f"<item><title>Teaser {k}</title><link>http://127.0.0.1:{port}/admin/{k}</link>"
                f"<description>Short teaser {k}.</description></item>"
                for k in range(30)
            )
            body = f'<rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(body.encode())
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>INTERNAL SECRET admin page.</p></body></html>")


# Runs a command and reports its peak memory alone (a fresh process's RUSAGE_CHILDREN).
_PEAK = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "print('peak KiB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
    "file=sys.stderr); sys.exit(code)"
)


def test_one_hostile_input_of_each_kind_costs_the_good_ones_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    for n, text in enumerate(GOOD_REPORTS):
        (folder / f"good{n}.txt").write_text(text, encoding="utf-8")
    (folder / "records.jsonl").write_text(
        '{"text": "Lone \\ud800 surrogate in a report about the harbour bridge."}\n{broken\n'
    )
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")
    (folder / "leak.txt").symlink_to("/etc/hostname")
    (folder / "x\nrejected: forged`<img src=x onerror=alert(1)>`.txt").write_bytes(b"\0\1")
    (folder / os.fsdecode(b"caf\xe9.html")).write_bytes(b"<noscript>Enable JavaScript.</noscript>")
    (folder / "wide.txt").write_text("A wide page\n\n" + "W" * 100_000)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    env = {**os.environ, "NEWSWEAVE_FETCH_TIMEOUT": "3", "NEWSWEAVE_FEED_BUDGET": "5"}
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-c", _PEAK, sys.executable, "-m", "newsweave", "brief",
             str(folder), f"{base}/bomb", f"{base}/drip", f"{base}/feed", "-f", "json",
             "-o", str(tmp_path / "b.json")],
            capture_output=True, text=True, env=env, check=False, timeout=300,
        )  # fmt: skip
    finally:
        server.shutdown()
        server.server_close()
    took = time.monotonic() - start
    *lines, peak = _said(done.stderr)
    peak_mb = int(peak.removeprefix("peak KiB ")) / 1024
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert all(x.startswith("rejected: ") for x in lines), done.stderr
    raw = (tmp_path / "b.json").read_text(encoding="utf-8")
    out = json.loads(raw)
    paths = {Path(a["path"] or "").name for a in out["articles"]}
    assert {f"good{n}.txt" for n in range(5)} <= paths
    assert "INTERNAL SECRET" not in raw
    reasons = {r["input"].rsplit("/", 1)[-1]: r["reason"] for r in out["rejected"]}
    assert reasons["bomb"] == "stacked content encodings (gzip, gzip) are refused"
    assert reasons["drip"] == "timed out after 3 s"
    assert reasons["a"].startswith("symbolic link loop")
    assert reasons["leak.txt"].startswith("a symbolic link leading outside the folder")
    assert reasons["records.jsonl:2"].startswith("line 2")
    assert any(k.startswith("caf") and "no extractable" in v for k, v in reasons.items())
    assert peak_mb < 1024
    assert took < 30 + 60  # fetching within 30 s; the rest is reading and spaCy


def test_an_input_name_that_is_not_utf8_is_listed_and_written(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Dam opens\n\nThe dam opened on Tuesday.\n")
    missing = str(tmp_path / os.fsdecode(b"gone-\xe9.txt"))
    out = tmp_path / "s.json"
    result = runner.invoke(
        app, ["stories", str(tmp_path / "a.txt"), missing, "--embedder", "lexical",
              "-f", "json", "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 1
    (rejected,) = json.loads(out.read_text(encoding="utf-8"))["rejected"]
    assert rejected["input"].endswith("gone-\ufffd.txt")
    assert rejected["reason"] == "no such file or folder"


# --- the usual habits ----------------------------------------------------------------------


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-bridge"


@pytest.mark.parametrize(
    ("name", "args", "starts"),
    [
        ("b.html", [], "<!doctype html>"),
        ("b.JSON", [], "{"),
        ("b.md", [], "# "),
        ("b.html", ["--format", "JSON"], "{"),
        ("b.txt", [], "# "),
    ],
)
def test_the_format_follows_the_output_name_unless_given(
    tmp_path: Path, name: str, args: list[str], starts: str
) -> None:
    out = tmp_path / name
    result = runner.invoke(app, ["stories", str(EXAMPLE), "-o", str(out), *args])
    if starts == "<!doctype html>":  # stories has no html renderer: Markdown, as for .txt
        starts = "# "
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").lower().startswith(starts.lower())


def test_brief_writes_html_when_the_output_is_html(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = runner.invoke(app, ["brief", str(EXAMPLE), "-o", str(out), "-q"])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").lower().startswith("<!doctype html>")
    assert result.stderr == ""


def test_when_no_input_can_be_read_there_is_no_briefing_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    result = runner.invoke(app, ["brief", str(tmp_path / "gone.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert _said(result.stderr) == [
        f"rejected: {tmp_path / 'gone.txt'}: no such file or folder",
        "newsweave: error: no input could be read: nothing to brief (see above)",
    ]


def test_a_dash_reads_standard_input(tmp_path: Path) -> None:
    report = (EXAMPLE / sorted(p.name for p in EXAMPLE.iterdir())[0]).read_bytes()
    out = tmp_path / "s.json"
    result = runner.invoke(app, ["stories", "-", "-o", str(out)], input=report)
    assert result.exit_code == 0, result.output
    (story,) = json.loads(out.read_text(encoding="utf-8"))["stories"]
    assert len(story["articles"]) == 1
    listed = runner.invoke(app, ["stories", "-", "-f", "md"], input=report)
    assert "| stdin |" in listed.stdout


def _said(stderr: str) -> list[str]:
    """stderr's lines less the progress notices a slow step adds when it is not a terminal."""
    return [x for x in stderr.strip().splitlines() if not x.startswith("progress: ")]


# --- render, sharing, completion, help -------------------------------------------------------


def test_render_makes_the_same_page_from_the_saved_json(nlp, tmp_path: Path) -> None:
    saved, page = tmp_path / "b.json", tmp_path / "b.html"
    assert runner.invoke(app, ["brief", str(EXAMPLE), "-o", str(saved)]).exit_code == 0
    direct = runner.invoke(app, ["brief", str(EXAMPLE), "-f", "html"])
    result = runner.invoke(app, ["render", str(saved), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8") == direct.stdout
    md = runner.invoke(app, ["render", "-", "-f", "MD"], input=saved.read_bytes())
    assert md.exit_code == 0
    assert md.stdout.startswith("# ")


def test_render_refuses_bad_json_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    for content, said in (
        ("{not json", "bad.json: not JSON"),
        ('{"schema": "newsweave.briefing/1"}', "schema: 'newsweave.briefing/1' is not"),
        ("[]", "expected a JSON object"),
    ):
        bad.write_text(content)
        result = runner.invoke(app, ["render", str(bad), "-f", "html"])
        assert result.exit_code == 2
        assert said in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stdout == ""
    missing = runner.invoke(app, ["render", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2
    assert "nope.json: cannot read" in missing.stderr


def test_no_article_text_keeps_only_cited_passages(nlp, tmp_path: Path) -> None:
    out = tmp_path / "shared.json"
    result = runner.invoke(app, ["brief", str(EXAMPLE), "--no-article-text", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert all(a["text"] is None for a in data["articles"])
    assert all(e["text"] for f in data["facts"] for e in f["evidence"])
    assert all(len(f["articles"]) > 1 or f["disputed"] for f in data["facts"]) or data["summary"]
    page = runner.invoke(app, ["render", str(out), "-f", "html", "--no-article-text"])
    assert page.exit_code == 0
    assert "full text was left out" in page.stdout


def test_completion_script_is_offered() -> None:
    script = subprocess.run(
        [sys.executable, "-m", "newsweave", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SHELL": "/bin/bash"},
    )
    assert script.returncode == 0, script.stderr
    assert "complete" in script.stdout
    assert "newsweave" in script.stdout


def test_help_names_only_docs_that_exist() -> None:
    import re

    root = Path(__file__).resolve().parents[1]
    for command in ([], ["brief"], ["stories"], ["render"]):
        text = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "300"}).stdout
        assert "DESIGN" not in text
        for doc in re.findall(r"[\w./-]+\.md\b", text):
            assert (root / doc).is_file(), (command, doc)


def test_serve_without_uvicorn_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a)
    )
    result = runner.invoke(app, ["serve", "--db", "nowhere.db"])
    assert result.exit_code == 2
    assert "pip install 'newsweave[web]'" in result.stderr
