"""The ``newsweave`` command: parse arguments, call the library, write the result.

Exit codes: 0 success; 1 some inputs were rejected (listed on stderr, the rest processed);
2 usage error or a failure that stopped the run.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsweave import __version__
from newsweave.console import boundary, report_rejected, report_unsupported, write_output
from newsweave.errors import InputError, NewsweaveError
from newsweave.progress import progress_hook
from newsweave.registry import (
    get_renderer,
    get_story_renderer,
    renderer_names,
    story_renderer_names,
)
from newsweave.scale.cluster import RAY_FROM

if TYPE_CHECKING:  # pragma: no cover
    from newsweave.model import Briefing

app = typer.Typer(
    name="newsweave",
    help=(
        "Read many news reports about the same events and say, with evidence, what they say "
        "together.\n\nExample:  newsweave brief examples/harbour-bridge --format md"
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _choices(names: tuple[str, ...]) -> str:
    """The registered names as --help shows them: ``<html|json|md>``."""
    return f"<{'|'.join(names)}>"


OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
]
VerboseOpt = Annotated[
    int, typer.Option("--verbose", "-v", count=True, help="More logging on stderr (-v, -vv).")
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="No progress bars or warnings on stderr; errors and rejections stay."
    ),
]
NoTextOpt = Annotated[
    bool,
    typer.Option(
        "--no-article-text",
        help="Leave the articles' full texts out of the output, keeping only the passages "
        "the briefing cites (for sharing a briefing of material you may not pass on).",
    ),
]
# A briefing JSON read back by `render` (articles' texts included) is at most this big.
MAX_BRIEFING_BYTES = 512 * 1024 * 1024
PrivateOpt = Annotated[
    bool,
    typer.Option(
        "--allow-private-urls",
        help="Let links found in fetched content (feed entries, redirects) reach loopback "
        "and private addresses. URLs you give are always fetched.",
    ),
]


def _version(value: bool) -> None:
    if value:
        print(f"newsweave {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Read many news reports about the same events and say what they say together."""


@app.command()
def brief(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders, URLs or feeds (- for standard input); all one story."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar=_choices(renderer_names()),
            help="Output format: json (docs/json.md), md, html (one self-contained "
            "page: cited summary, source matrix, evidence highlighted in each article), or "
            "any other registered renderer; any case. Default: from -o's extension "
            "(.json, .html, .md), else md.",
        ),
    ] = None,
    output: OutputOpt = None,
    spacy_model: Annotated[
        str | None, typer.Option(help="spaCy model name or path (default: en_core_web_sm).")
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            help="Reject inputs larger than this many bytes; in a .jsonl archive, each "
            "record (the archive itself may be any size)."
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            help="The day of the run, YYYY-MM-DD: no article is dated after it "
            "(default: the system date). Set it for reproducible inferred dates."
        ),
    ] = None,
    llm: Annotated[
        str | None,
        typer.Option(
            metavar="URL",
            help="Have an LLM write the summary: the base URL of an OpenAI-compatible "
            "server, e.g. http://localhost:11434/v1 (Ollama). Its sentences are kept only "
            "where their cited evidence supports them. Token: NEWSWEAVE_LLM_KEY.",
        ),
    ] = None,
    llm_model: Annotated[
        str | None,
        typer.Option("--model", metavar="NAME", help="The model the --llm server runs."),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            help="Brief a story kept in this store (a SQLite file or postgresql:// URL) "
            "instead of INPUTS; give its id with --story."
        ),
    ] = None,
    story: Annotated[
        str | None,
        typer.Option(
            metavar="ID", help="The stored story to brief (ids: newsweave stories --db FILE)."
        ),
    ] = None,
    allow_private_urls: PrivateOpt = False,
    no_article_text: NoTextOpt = False,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Write one briefing for INPUTS, treated as a single story, or for a stored story.

    Example:  newsweave brief examples/harbour-bridge --format json -o briefing.json

    Example:  newsweave brief --db stories.db --story s-1a2b3c4d5e6f -f html -o story.html
    """
    if inputs and (db or story):
        _usage("give either INPUTS or --db with --story, not both")
    if not inputs and not (db and story):
        _usage("give INPUTS to brief, or --db FILE --story ID for a stored story")
    with boundary(-1 if quiet else verbose, debug):
        from newsweave.pipeline import brief as run_brief
        from newsweave.settings import load_settings

        # An unknown format stops here, before any work.
        renderer = get_renderer(_format(fmt, output, renderer_names()))
        settings = load_settings(
            spacy_model=spacy_model,
            max_bytes=max_bytes,
            today=today,
            llm_url=llm,
            llm_model=llm_model,
            allow_private_urls=allow_private_urls or None,
        )
        with progress_hook(quiet) as hook:
            if db and story:
                from newsweave.pipeline import brief_stored

                briefing = brief_stored(db, story, settings, progress=hook)
            else:
                briefing = run_brief(inputs or [], settings, progress=hook)
        if not briefing.articles and briefing.rejected:
            report_rejected([(r.input, r.reason) for r in briefing.rejected])
            raise NewsweaveError("no input could be read: nothing to brief (see above)")
        write_output(renderer(_shared(briefing, no_article_text)), output)
        code = report_rejected([(r.input, r.reason) for r in briefing.rejected])
        if briefing.summary_writer != "extractive":
            report_unsupported(briefing)
    raise typer.Exit(code)


@app.command()
def render(
    source: Annotated[
        str, typer.Argument(metavar="BRIEFING", help="A briefing JSON file (- for standard input).")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar=_choices(renderer_names()),
            help="Output format, as for brief; any case. Default: from -o's extension, else md.",
        ),
    ] = None,
    output: OutputOpt = None,
    no_article_text: NoTextOpt = False,
    verbose: VerboseOpt = 0,
    debug: DebugOpt = False,
) -> None:
    """Render a saved briefing (brief --format json) again: HTML, Markdown or JSON.

    The file is checked field by field; a bad one stops with a line that names it. With
    --no-article-text the output keeps only the passages the briefing cites.

    Example:  newsweave render briefing.json -o briefing.html
    """
    with boundary(verbose, debug):
        import json

        from newsweave.model import Briefing

        renderer = get_renderer(_format(fmt, output, renderer_names()))
        raw = _read_briefing(source)
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise InputError(f"{source}: not JSON ({exc})") from None
        briefing = Briefing.from_dict(data)
        write_output(renderer(_shared(briefing, no_article_text)), output)


def _shared(briefing: Briefing, no_article_text: bool) -> Briefing:
    if not no_article_text:
        return briefing
    from newsweave.renderers.excerpts import without_article_text

    return without_article_text(briefing)


def _read_briefing(source: str) -> bytes:
    """The bytes of a briefing JSON file or of standard input, up to MAX_BRIEFING_BYTES."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read(MAX_BRIEFING_BYTES + 1)
        else:
            with Path(source).open("rb") as f:
                data = f.read(MAX_BRIEFING_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_BRIEFING_BYTES:
        raise InputError(f"{source}: larger than {MAX_BRIEFING_BYTES} bytes")
    return data


class Engine(enum.StrEnum):
    local = "local"
    ray = "ray"


@app.command()
def stories(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders (.txt .html .json .jsonl .warc), URLs or feeds (- for "
            "standard input); none with --db to list the stored stories."
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar=_choices(story_renderer_names()),
            help="Output format: json (newsweave.stories/1), md, or any other registered "
            "story renderer; any case. Default: from -o's extension, else md.",
        ),
    ] = None,
    output: OutputOpt = None,
    db: Annotated[
        str | None,
        typer.Option(
            help="A SQLite file (or postgresql:// URL) that keeps the stories: new articles "
            "join the stories stored there; re-running the same input changes nothing. "
            "The output lists the stories holding this run's articles."
        ),
    ] = None,
    engine: Annotated[
        Engine, typer.Option(help="local, or ray to compute features as a Ray Data job.")
    ] = Engine.local,
    embedder: Annotated[
        str | None,
        typer.Option(
            help="Dense embedder for grouping (also NEWSWEAVE_STORY_EMBEDDER): auto (the "
            "--db store's own; else minilm-static, or multilingual-e5-small when the inputs "
            "are in several languages), minilm-static, minilm-onnx, multilingual-e5-small, "
            "lexical, or sentence-transformers:<model>."
        ),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            help="Reject inputs larger than this many bytes; in a .jsonl archive, each "
            "record (the archive itself may be any size)."
        ),
    ] = None,
    allow_private_urls: PrivateOpt = False,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Group the articles in INPUTS into stories, one per event; with --db and no INPUTS,
    list the stories the store keeps.

    Example:  newsweave stories feeds/ archive.jsonl --db stories.db --format json

    Example:  newsweave stories --db stories.db
    """
    if not inputs and not db:
        _usage("give INPUTS to group, or --db FILE to list the stored stories")
    with boundary(-1 if quiet else verbose, debug):
        from newsweave.pipeline import stored_stories
        from newsweave.pipeline import stories as run_stories
        from newsweave.settings import load_settings

        # An unknown format stops here, before any work.
        renderer = get_story_renderer(_format(fmt, output, story_renderer_names()))
        settings = load_settings(
            max_bytes=max_bytes,
            story_embedder=embedder,
            allow_private_urls=allow_private_urls or None,
        )
        with progress_hook(quiet) as hook:
            if inputs:
                grouping = run_stories(inputs, settings, db=db, engine=engine.value, progress=hook)
            else:
                grouping = stored_stories(db or "")
        write_output(renderer(grouping), output)
        code = report_rejected([(r.input, r.reason) for r in grouping.rejected])
    raise typer.Exit(code)


def _format(given: str | None, output: Path | None, known: Sequence[str]) -> str:
    """The output format: ``--format`` in any case, else the one ``-o``'s extension names
    (``.json``, ``.html``, ``.md``…) when it is registered, else Markdown."""
    if given is not None:
        return given.strip().lower()
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        name = _SUFFIX_FORMATS.get(suffix, suffix)
        if name in known:
            return name
    return "md"


_SUFFIX_FORMATS = {"htm": "html", "markdown": "md"}


def _usage(message: str) -> None:
    """A usage error: one line on stderr, exit code 2."""
    print(f"newsweave: error: {message}", file=sys.stderr)
    raise typer.Exit(2)


@app.command()
def watch(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="RSS/Atom feeds, JSON Feeds or sitemaps (http/https URLs), or files that "
            "list them one per line."
        ),
    ],
    db: Annotated[str, typer.Option(help="The story store (a SQLite file or postgresql:// URL).")],
    every: Annotated[
        str, typer.Option(help="How often to poll each source: 30s, 10m, 1h.")
    ] = "10m",
    once: Annotated[
        bool, typer.Option("--once", help="Poll every source once, then stop.")
    ] = False,
    host_delay: Annotated[
        float, typer.Option(help="Seconds between two requests to one host.")
    ] = 1.0,
    embedder: Annotated[
        str, typer.Option(help="Dense embedder for grouping, as for stories (default auto).")
    ] = "auto",
    engine: Annotated[
        Engine,
        typer.Option(
            help="local, or ray: a step of at least --ray-from articles (one source's new "
            "articles, a round's changed stories) runs on Ray; RAY_ADDRESS joins a cluster."
        ),
    ] = Engine.local,
    ray_from: Annotated[
        int, typer.Option(min=1, help="With --engine ray: the articles a step needs for Ray.")
    ] = RAY_FROM,
    allow_private_urls: PrivateOpt = False,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Poll SOURCES into the store, group what is new into stories and re-brief each story
    that changed; every --every until stopped (Ctrl-C, SIGTERM), or --once.

    Example:  newsweave watch feeds.txt --db stories.db --every 10m
    """
    with boundary(-1 if quiet else verbose, debug):
        from newsweave.service.watch import Round, interval
        from newsweave.service.watch import watch as run_watch
        from newsweave.settings import load_settings

        settings = load_settings(
            story_embedder=embedder, allow_private_urls=allow_private_urls or None
        )

        def told(done: Round) -> None:
            if quiet:
                return
            print(
                f"watch: polled {done.polled} ({done.unchanged} unchanged, "
                f"{len(done.failed)} failed), {done.added} new articles, "
                f"{done.rejected} rejected, {len(done.briefed)} stories re-briefed",
                file=sys.stderr,
            )

        run_watch(
            sources,
            db,
            settings,
            every=interval(every),
            once=once,
            host_delay=host_delay,
            told=told,
            engine=engine.value,
            ray_from=ray_from,
        )


@app.command()
def serve(
    db: Annotated[str, typer.Option(help="The story store to serve (SQLite file or URL).")],
    host: Annotated[str, typer.Option(help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="The port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Web worker processes.")] = 1,
    no_worker: Annotated[
        bool,
        typer.Option(
            "--no-worker",
            help="Do not brief changed stories here (a newsweave watch does it).",
        ),
    ] = False,
    verbose: VerboseOpt = 0,
    debug: DebugOpt = False,
) -> None:
    """Serve the store's stories as web pages and a JSON API (docs/service.md). Writes
    need NEWSWEAVE_API_TOKEN; NEWSWEAVE_READ_TOKEN makes reads need a token too.

    Example:  newsweave serve --db stories.db --port 8000
    """
    with boundary(verbose, debug):
        from importlib.util import find_spec

        from newsweave.errors import MissingExtraError

        if find_spec("fastapi") is None or find_spec("uvicorn") is None:
            raise MissingExtraError(
                "serve: FastAPI and uvicorn are not installed; install them with: "
                "pip install 'newsweave[web]'"
            )
        from newsweave.service.app import run_server

        run_server(
            db,
            host,
            port,
            workers=workers,
            worker=not no_worker,
            verbose=verbose,
            told=lambda line: print(line, file=sys.stderr),
        )


def main(argv: list[str] | None = None, prog_name: str | None = None) -> Any:
    """Console-script entry point (and ``python -m newsweave``'s)."""
    return app(args=argv, prog_name=prog_name)
