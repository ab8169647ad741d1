"""Read PolNeAR (brat standoff attributions) and score predicted quote spans against it.

Layout: ``data/<split>/text/<name>.txt`` and ``data/<split>/attributions/<name>_<annotator>.ann``.
Offsets in the ``.ann`` files count Unicode characters of the text file as stored (no
CRLF in the corpus; we read bytes and decode, so no newline translation could shift them).
A few articles were annotated by several annotators (for agreement studies); we score
the file of the annotator whose id sorts first, so every article counts once.

An attribution is an ``E`` line: ``Attribution:T5 Cue:T3 Content:T2 Source:T1`` (the
event type may be ``Attribution-no-source``; 73 attributions have a second ``Content2``
part). Spans may be discontiguous (``18 59;61 87``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from _seedgold import EDGE
from _systems import Predicted

Fragments = tuple[tuple[int, int], ...]

# Opening mark -> the closing marks it pairs with.
_PAIRS = {"“": "”", '"': '"', "‘": "’", "«": "»"}
_AFTER_CLOSE = ".,;:!?…"


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """Content, source and cue of one attribution; ``direct`` per :func:`is_direct`."""

    content: Fragments
    source: Fragments
    cue: Fragments
    direct: bool

    @property
    def extent(self) -> tuple[int, int]:
        return self.content[0][0], self.content[-1][1]


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    name: str
    publisher: str
    text: str
    annotator: str
    annotators: int
    attributions: tuple[GoldAttribution, ...]


def _strip_ws(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _enclosed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a quotation: inside or made of paired quote marks.

    Accepted:  “It’s horrifying,”  ·  It’s horrifying (directly between “ and ,”)  ·
    “very troubling”.  Refused: that the news was “very troubling” (words outside the
    marks), “unethical” and “horrifying” (two quotations, words between).
    """
    start, end = _strip_ws(text, start, end)
    if start >= end:
        return False
    if text[start] in _PAIRS:
        opener, body_start = text[start], start + 1
    elif start > 0 and text[start - 1] in _PAIRS:
        opener, body_start = text[start - 1], start
    else:
        return False
    closers = _PAIRS[opener]
    # The closing mark may sit inside the span, possibly before final punctuation
    # (“troubling”.), or just after it, possibly after punctuation outside the span (…,”).
    tail = end
    while tail > body_start and text[tail - 1] in _AFTER_CLOSE:
        tail -= 1
    if tail > body_start and text[tail - 1] in closers:
        body_end = tail - 1
    else:
        after = end
        while after < len(text) and text[after] in _AFTER_CLOSE:
            after += 1
        if after < len(text) and text[after] in closers:
            body_end = end
        else:
            return False
    body = text[body_start:body_end]
    # Another quotation of the same style inside means two quotations with words between;
    # the other style may nest ("… the question: “As you know …” …").
    inner = "“”" if opener == "“" else opener
    return bool(body.strip()) and not any(mark in body for mark in inner)


# Some of the corpus writes a double quote as two apostrophes (''a genius''). Read as one
# mark, offsets kept: an opening '' becomes ' "', a closing one '" '.
_DOUBLED_CLOSE = re.compile(r"(?<=\S)''")
_DOUBLED_OPEN = re.compile(r"''(?=\S)")


def is_direct(text: str, content: Fragments) -> bool:
    """A direct quote: every content fragment is a quotation (see :func:`_enclosed`).

    A content interrupted by its cue (“It’s horrifying,” Tapper said, “and …”) has two
    fragments, both quotations, and is direct; reported speech with a quoted phrase
    inside it is not.
    """
    if "''" in text:
        text = _DOUBLED_OPEN.sub(' "', _DOUBLED_CLOSE.sub('" ', text))
    return all(_enclosed(text, start, end) for start, end in content)


def _fragments(offsets: str) -> Fragments:
    return tuple(
        (int(start), int(end)) for start, end in (part.split() for part in offsets.split(";"))
    )


_LINE = re.compile(r"^([TE]\d+)\t([^\t]*)")


def parse_ann(ann: str, text: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one ``.ann`` file (lines that continue a multi-line span
    text, and annotations outside an attribution, are skipped)."""
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for line in ann.split("\n"):
        match = _LINE.match(line)
        if match is None:
            continue
        key, body = match.groups()
        if key[0] == "T":
            _label, offsets = body.split(" ", 1)
            spans[key] = _fragments(offsets)
        else:
            events.append(dict(arg.split(":", 1) for arg in body.split()))
    out: list[GoldAttribution] = []
    for event in events:
        content = tuple(
            sorted(
                fragment
                for role in ("Content", "Content2")
                if role in event
                for fragment in spans[event[role]]
            )
        )
        if not content:
            continue  # 44 attributions in the corpus have a cue but no content
        out.append(
            GoldAttribution(
                content=content,
                source=spans.get(event.get("Source", ""), ()),
                cue=spans.get(event.get("Cue", ""), ()),
                direct=is_direct(text, content),
            )
        )
    return tuple(sorted(out, key=lambda a: a.content))


def load_split(corpus: Path, split: str) -> list[PolnearArticle]:
    """Every article of ``split`` with its gold attributions, sorted by name."""
    texts = corpus / "data" / split / "text"
    anns = corpus / "data" / split / "attributions"
    if not texts.is_dir():
        raise SystemExit(f"{texts}: not found; pass --shared pointing at the shared folder")
    by_article: dict[str, list[Path]] = {}
    for path in sorted(anns.glob("*.ann")):
        name, _, _annotator = path.stem.rpartition("_")
        by_article.setdefault(name, []).append(path)
    articles = []
    for text_path in sorted(texts.glob("*.txt")):
        text = text_path.read_bytes().decode("utf-8")
        files = by_article.get(text_path.stem, [])
        if not files:
            continue
        chosen = files[0]
        articles.append(
            PolnearArticle(
                name=text_path.stem,
                publisher=text_path.stem.split("_", 1)[0],
                text=text,
                annotator=chosen.stem.rpartition("_")[2],
                annotators=len(files),
                attributions=parse_ann(chosen.read_bytes().decode("utf-8"), text),
            )
        )
    return articles


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace, quote marks and ``,.;:`` from both ends (for exact matching)."""
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def _overlap(start: int, end: int, fragments: Fragments) -> int:
    return sum(max(0, min(end, f_end) - max(start, f_start)) for f_start, f_end in fragments)


@dataclass(frozen=True, slots=True)
class SpanScores:
    gold: int
    predicted: int
    exact: int
    overlap: int
    source_right_exact: int
    source_total_exact: int
    source_right_overlap: int
    source_total_overlap: int

    def as_dict(self) -> dict[str, float | int | None]:
        figures: dict[str, float | int | None] = {
            "gold": self.gold,
            "predicted": self.predicted,
        }
        for name, hits in (("exact", self.exact), ("overlap", self.overlap)):
            p = hits / self.predicted if self.predicted else 0.0
            r = hits / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            figures |= {
                f"{name}_matched": hits,
                f"{name}_precision": round(p, 4),
                f"{name}_recall": round(r, 4),
                f"{name}_f1": round(f, 4),
            }
        for name, right, total in (
            ("exact", self.source_right_exact, self.source_total_exact),
            ("overlap", self.source_right_overlap, self.source_total_overlap),
        ):
            figures[f"source_accuracy_{name}"] = round(right / total, 4) if total else None
            figures[f"source_total_{name}"] = total
        return figures


def _source_right(prediction: Predicted, gold: GoldAttribution) -> bool:
    if prediction.speaker_start is None or prediction.speaker_end is None:
        return False
    return _overlap(prediction.speaker_start, prediction.speaker_end, gold.source) > 0


def _one_to_one(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one assignment of (score, gold, prediction) pairs, best score first."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    chosen = []
    for _score, g, p in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            chosen.append((g, p))
    return chosen


def score_spans(
    articles: Sequence[PolnearArticle],
    predictions: dict[str, list[Predicted]],
    *,
    direct_only: bool,
    kinds: Sequence[str],
) -> SpanScores:
    """Span precision/recall counts over ``articles``.

    Gold: all attributions, or only direct ones. Predictions: those whose kind is in
    ``kinds``. Exact: the trimmed prediction equals the trimmed gold content from its
    first to its last character. Overlap: any shared character with a gold content
    fragment; pairs are matched one-to-one, largest overlap first. Source accuracy is
    over matched pairs whose gold has a source: the predicted speaker span overlaps it.
    """
    totals = dict.fromkeys(
        ("gold", "pred", "exact", "overlap", "src_e", "tot_e", "src_o", "tot_o"), 0
    )
    for article in articles:
        gold = [a for a in article.attributions if a.direct or not direct_only]
        preds = [p for p in predictions.get(article.name, []) if p.kind in kinds]
        totals["gold"] += len(gold)
        totals["pred"] += len(preds)
        text = article.text
        exact_pairs, overlap_pairs = [], []
        for g_index, g in enumerate(gold):
            g_trim = _trim(text, *g.extent)
            for p_index, p in enumerate(preds):
                shared = _overlap(p.start, p.end, g.content)
                if shared:
                    overlap_pairs.append((shared, g_index, p_index))
                    if _trim(text, p.start, p.end) == g_trim:
                        exact_pairs.append((shared, g_index, p_index))
        for pairs, hits, right, total in (
            (exact_pairs, "exact", "src_e", "tot_e"),
            (overlap_pairs, "overlap", "src_o", "tot_o"),
        ):
            for g_index, p_index in _one_to_one(pairs):
                totals[hits] += 1
                if gold[g_index].source:
                    totals[total] += 1
                    totals[right] += _source_right(preds[p_index], gold[g_index])
    return SpanScores(
        gold=totals["gold"],
        predicted=totals["pred"],
        exact=totals["exact"],
        overlap=totals["overlap"],
        source_right_exact=totals["src_e"],
        source_total_exact=totals["tot_e"],
        source_right_overlap=totals["src_o"],
        source_total_overlap=totals["tot_o"],
    )
