"""Read EventStoryLine v1.5 (Caselli & Vossen 2017) as articles with gold dates.

Usage:  python bench/_esc.py        (prints counts per story)

EventStoryLine re-annotates 258 ECB+ articles (22 topics) with TimeML-style time
expressions: every ``TIME_DATE`` markable carries a normalised ``value`` ("2013-05-03",
"2010-09", "2007-W14", "194X"), and the one marked ``DCT="TRUE"`` is the document's
creation time, its publication date. The corpus is read at run time from
``shared/corpora/eventstoryline``; nothing of it is copied into the repo.

A *story* is one ECB+ topic and subtopic: ``1_*ecb`` files tell one event, ``1_*ecbplus``
files a second event of the same kind. Sentence 0 of an ``ecbplus`` file is the page's URL,
tokenised; it becomes the article's ``url``, and the other sentences its paragraphs.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from _ecbplus import detokenise, shared_dir
from newsweave.model import Article

_DOC = re.compile(r"(\d+)_(\d+)(ecb|ecbplus)\.xml")


@dataclass(frozen=True, slots=True)
class GoldTime:
    """A gold ``TIME_DATE``: its characters in the article text, its value, DCT or not."""

    start: int
    end: int
    text: str
    value: str
    dct: bool
    sentence: int


@dataclass(frozen=True, slots=True)
class EscDoc:
    """One EventStoryLine article: the full text, and a copy with its date lines hidden.

    ``hidden`` drops the URL and every sentence holding the DCT, as if the page had come
    without its date; offsets of ``times`` refer to ``article.text``.
    """

    story: str
    article: Article
    hidden: Article
    times: tuple[GoldTime, ...]
    dct: str | None  # the gold publication date, "YYYY-MM-DD" (some lack it)


def esc_root() -> Path:
    return shared_dir() / "corpora" / "eventstoryline" / "annotated_data" / "v1.5"


def load_esc() -> dict[str, list[EscDoc]]:
    """Every EventStoryLine article, grouped by story (``"1_ecbplus"``), in file order."""
    root = esc_root()
    if not root.is_dir():
        raise SystemExit(f"{root}: EventStoryLine not found; set NEWSWEAVE_SHARED")
    stories: dict[str, list[EscDoc]] = defaultdict(list)
    files = sorted(root.glob("*/*.xml"), key=_sort_key)
    for path in files:
        doc = _read(path)
        if doc is not None:
            stories[doc.story].append(doc)
    return dict(stories)


def _sort_key(path: Path) -> tuple[int, str, int]:
    m = _DOC.match(path.name)
    return (int(m[1]), m[3], int(m[2])) if m else (sys.maxsize, "", 0)


def _read(path: Path) -> EscDoc | None:
    m = _DOC.match(path.name)
    if m is None:
        return None
    name = f"{m[1]}_{m[2]}{m[3]}"
    tree = ET.parse(path)
    by_sentence: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for tok in tree.getroot().iter("token"):
        by_sentence[int(tok.get("sentence", "0"))].append((tok.get("t_id", ""), tok.text or ""))
    url = None
    first = min(by_sentence) if by_sentence else 0
    if m[3] == "ecbplus" and by_sentence:
        url = "".join(t for _, t in by_sentence[first])
    numbers = [n for n in sorted(by_sentence) if not (url is not None and n == first)]
    where: dict[str, tuple[int, int]] = {}  # token id -> (sentence, index in it)
    sentences: dict[int, str] = {}
    quote_open = False
    for n in numbers:
        ids = [i for i, _ in by_sentence[n]]
        text, quote_open = detokenise([t for _, t in by_sentence[n]], quote_open, m[3] == "ecbplus")
        sentences[n] = text
        for k, tid in enumerate(ids):
            where[tid] = (n, k)
    offsets: dict[int, int] = {}
    parts: list[str] = []
    pos = 0
    for n in numbers:
        offsets[n] = pos
        parts.append(sentences[n])
        pos += len(sentences[n]) + 2
    text = "\n\n".join(parts)
    times = []
    dct = None
    for mark in tree.getroot().iter("TIME_DATE"):
        value = mark.get("value", "")
        if mark.get("DCT") == "TRUE" and re.fullmatch(r"\d{4}-\d\d-\d\d(T[\d:]+)?", value):
            dct = value[:10]
        anchors = [a.get("t_id", "") for a in mark.findall("token_anchor")]
        anchors = [a for a in anchors if a in where]
        if not anchors:
            continue
        n = where[anchors[0]][0]
        tokens = [t for tid, t in by_sentence[n] if tid in set(anchors)]
        phrase = detokenise(tokens, False, m[3] == "ecbplus")[0]
        found = sentences[n].find(phrase)
        if found < 0:
            continue
        start = offsets[n] + found
        times.append(
            GoldTime(
                start,
                start + len(phrase),
                phrase,
                mark.get("value", ""),
                mark.get("DCT") == "TRUE",
                n,
            )
        )
    article = Article(name, name, None, text, url=url)
    dct_sentences = {t.sentence for t in times if t.dct}
    hidden_text = "\n\n".join(sentences[n] for n in numbers if n not in dct_sentences)
    hidden = Article(name, name, None, hidden_text)
    story = f"{m[1]}_{m[3]}"
    return EscDoc(story, article, hidden, tuple(sorted(times, key=lambda t: t.start)), dct)


if __name__ == "__main__":
    stories = load_esc()
    total = sum(len(d) for d in stories.values())
    dated = sum(1 for d in stories.values() for doc in d if doc.dct)
    timexes = sum(1 for d in stories.values() for doc in d for t in doc.times if not t.dct)
    print(f"{len(stories)} stories, {total} articles, {dated} with a gold DCT, {timexes} dates")
    for name, docs in stories.items():
        print(f"  {name}: {len(docs)} articles, DCTs {sorted({d.dct or '-' for d in docs})}")
