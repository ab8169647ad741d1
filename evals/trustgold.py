"""Score briefings against the trust development set (``bench/data/trust/``).

Each story folder holds ``articles.jsonl`` (the pages as the web gave them) and
``gold.json`` (every outlet's value for every quantity, contested claims, pairs that are
not the same thing, and consensus facts; see ``bench/data/trust/README.md``). Evidence is
an exact substring of an article's text; the value's own characters (``text``) are found
inside it, so every gold item becomes a character range in one article, the way
newsweave's own spans are. :func:`score` reads a briefing's JSON (``newsweave.briefing/1``),
so any commit's output is scored by the same rules; ``bench/trust.py`` prints the report
and ``test_trust.py`` holds the floors.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goldset import read_folder
from newsweave.lexicon.numbers import NUMBER_WORDS
from tally import Tally

CONSENSUS_JACCARD = 0.6

HEDGES = {None, "at_least", "more_than", "about", "up_to", "fewer_than"}


@dataclass(frozen=True)
class Where:
    """A stretch of one article: ``start``–``end`` in its text."""

    article: str
    start: int
    end: int

    def overlaps(self, article: str, start: int, end: int) -> bool:
        return article == self.article and start < self.end and self.start < end


@dataclass(frozen=True)
class Value:
    """One outlet's value for one quantity: the number, its hedge, where it is written."""

    quantity: str
    value: float
    hedge: str | None
    as_of: str | None
    at: Where  # the value's own characters
    sentence: Where  # its evidence sentence

    @property
    def low(self) -> float:
        if self.hedge in {"up_to", "fewer_than"}:
            return 0.0
        return self.value * 0.9 if self.hedge == "about" else self.value

    @property
    def high(self) -> float:
        if self.hedge in {"at_least", "more_than"}:
            return math.inf
        return self.value * 1.1 if self.hedge == "about" else self.value

    def compatible(self, other: Value) -> bool:
        """Whether both values can be true together (hedges make ranges)."""
        return not (self.high < other.low or other.high < self.low)


@dataclass(frozen=True)
class Side:
    says: str
    at: Where


@dataclass(frozen=True)
class Story:
    slug: str
    path: Path
    texts: dict[str, str]
    quantities: dict[str, list[Value]]
    contested: dict[str, list[Side]]
    not_same: list[tuple[str, Where, Where]]
    consensus: dict[str, dict[str, Where]]

    def disagreements(self) -> list[str]:
        """Quantities on which two articles give values that cannot both be true."""
        out = []
        for name, values in self.quantities.items():
            if any(
                a.at.article != b.at.article and not a.compatible(b)
                for i, a in enumerate(values)
                for b in values[i + 1 :]
            ):
                out.append(name)
        return out


def load(folder: Path) -> Story:
    """One story of the set, every evidence located; a ValueError names a bad item."""
    texts, gold = read_folder(folder)

    def locate(article: str, evidence: str, text: str | None = None) -> tuple[Where, Where]:
        if article not in texts:
            raise ValueError(f"{folder.name}: unknown article {article!r}")
        start = texts[article].find(evidence)
        if start < 0:
            raise ValueError(f"{folder.name}: {article}: evidence not in text: {evidence[:60]!r}")
        sentence = Where(article, start, start + len(evidence))
        if text is None:
            return sentence, sentence
        # The value's own characters, not the same digits inside a longer number ("31" in "131").
        found = re.search(rf"(?<![\w.,]){re.escape(text)}(?![\w])", evidence) or re.search(
            re.escape(text), evidence
        )
        inner = found.start() if found else -1
        if inner < 0:
            raise ValueError(f"{folder.name}: {article}: {text!r} not in its evidence")
        return Where(article, start + inner, start + inner + len(text)), sentence

    quantities: dict[str, list[Value]] = {}
    for q in gold.get("quantities", []):
        values = []
        for v in q["values"]:
            if v.get("hedge") not in HEDGES:
                raise ValueError(f"{folder.name}: {q['id']}: unknown hedge {v.get('hedge')!r}")
            at, sentence = locate(v["article"], v["evidence"], v["text"])
            values.append(
                Value(q["id"], float(v["value"]), v.get("hedge"), v.get("as_of"), at, sentence)
            )
        quantities[q["id"]] = values
    contested = {
        c["id"]: [Side(s["says"], locate(s["article"], s["evidence"])[1]) for s in c["sides"]]
        for c in gold.get("contested", [])
    }
    not_same = [
        (
            p.get("why", ""),
            locate(p["a"]["article"], p["a"]["evidence"], p["a"].get("text"))[0],
            locate(p["b"]["article"], p["b"]["evidence"], p["b"].get("text"))[0],
        )
        for p in gold.get("not_same", [])
    ]
    consensus = {
        c["id"]: {a: locate(a, ev)[1] for a, ev in c["articles"].items()}
        for c in gold.get("consensus", [])
    }
    return Story(folder.name, folder, texts, quantities, contested, not_same, consensus)


def load_all(root: Path) -> list[Story]:
    return [load(d) for d in sorted(root.iterdir()) if (d / "gold.json").is_file()]


def spans(items: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    """``(article, start, end)`` of a briefing's evidence list."""
    return [(e["article"], e["start"], e["end"]) for e in items]


_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")
_WORDS = {w: v for w, v in NUMBER_WORDS.items() if v <= 20}


def numbers(text: str) -> set[float]:
    """The numbers a text writes, as digits or as the words zero to twenty."""
    found = {float(m.group().replace(",", "")) for m in _NUMBER.finditer(text)}
    found |= {float(_WORDS[w]) for w in re.findall(r"[a-z]+", text.lower()) if w in _WORDS}
    return found


@dataclass
class Score(Tally):
    articles: int = 0
    agreed_facts: int = 0
    false_consensus: int = 0
    numeric: int = 0
    numeric_found: int = 0
    contested: int = 0
    contested_found: int = 0
    not_same: int = 0
    invented: int = 0
    consensus: int = 0
    consensus_found: int = 0
    citations: int = 0
    citations_held: int = 0
    summaries_contradicting: int = 0


def _in(where: Where, items: list[tuple[str, int, int]]) -> bool:
    return any(where.overlaps(a, s, e) for a, s, e in items)


def score(story: Story, briefing: dict[str, Any]) -> Score:
    sc = Score(articles=len(story.texts))
    facts = briefing["facts"]
    disputed = [f for f in facts if any(v["relation"] != "naming" for v in f.get("variants", []))]
    agreed = [f for f in facts if f not in disputed and len(f["articles"]) >= 2]
    sc.agreed_facts = len(agreed)

    # False consensus.
    for fact in agreed:
        evidence = spans(fact["evidence"])
        own_span = [_own_sentence(fact, story)]
        own = {"article": own_span[0][0]}
        bad: list[str] = []
        for name, values in story.quantities.items():
            stated = [v for v in values if _in(v.at, own_span)]
            for other in fact["articles"]:
                if other == own["article"] or not stated:
                    continue
                said_here = [v for v in values if v.at.article == other and _in(v.at, evidence)]
                said = said_here or [v for v in values if v.at.article == other]
                if said_here:
                    clash = any(not s.compatible(v) for s in stated for v in said_here)
                else:
                    clash = bool(said) and not any(s.compatible(v) for s in stated for v in said)
                if clash:
                    bad.append(f"{name}: {other}")
        for name, sides in story.contested.items():
            mine = {i for i, s in enumerate(sides) if _in(s.at, own_span)}
            theirs = {i for i, s in enumerate(sides) if _in(s.at, evidence)}
            if mine and theirs - mine:
                bad.append(f"contested {name}")
        if bad:
            sc.false_consensus += 1
            sc.misses.append(f"FALSE CONSENSUS [{'; '.join(bad)}] {fact['text'][:110]}")

    variants = [
        [spans(v["evidence"]) for v in f["variants"] if v["relation"] != "naming"] for f in disputed
    ]

    def split(a: Where, b: Where) -> bool:
        """Whether one disputed fact shows ``a`` and ``b`` in two different variants."""
        for vs in variants:
            ia = {i for i, v in enumerate(vs) if _in(a, v)}
            ib = {i for i, v in enumerate(vs) if _in(b, v)}
            if ia and ib and (ia != ib or len(ia) > 1):
                return True
        return False

    for name in story.disagreements():
        sc.numeric += 1
        values = story.quantities[name]
        pairs = [
            (a, b)
            for i, a in enumerate(values)
            for b in values[i + 1 :]
            if a.at.article != b.at.article and not a.compatible(b)
        ]
        if any(split(a.at, b.at) for a, b in pairs):
            sc.numeric_found += 1
        else:
            shown = ", ".join(sorted({_show(v) for v in values}))
            sc.misses.append(f"MISSED DISAGREEMENT {name}: {shown}")

    for name, sides in story.contested.items():
        sc.contested += 1
        if any(
            split(a.at, b.at)
            for i, a in enumerate(sides)
            for b in sides[i + 1 :]
            if a.at.article != b.at.article
        ):
            sc.contested_found += 1
        else:
            sc.misses.append(f"MISSED CONTESTED {name}: " + " / ".join(s.says for s in sides))

    for why, a, b in story.not_same:
        sc.not_same += 1
        if split(a, b):
            sc.invented += 1
            sc.misses.append(f"INVENTED DISPUTE ({why})")

    for name, where in story.consensus.items():
        sc.consensus += 1
        gold = set(where)
        best = 0.0
        for fact in agreed:
            ev = spans(fact["evidence"])
            if not any(_in(w, ev) for w in where.values()):
                continue
            system = {a for a, s, e in ev if a not in where or where[a].overlaps(a, s, e)}
            best = max(best, len(system & gold) / len(system | gold))
        if best >= CONSENSUS_JACCARD:
            sc.consensus_found += 1
        else:
            sc.misses.append(f"MISSED CONSENSUS {name} (best Jaccard {best:.2f})")

    # Citations and self-contradiction.
    stated: list[tuple[Value, str]] = []
    for sentence in briefing["summary"]:
        wanted = numbers(sentence["text"])
        if wanted:
            for article in sentence["articles"]:
                sc.citations += 1
                held = numbers(
                    " ".join(e["text"] for e in sentence["evidence"] if e["article"] == article)
                )
                ok = bool(wanted & held) if sentence["origin"] == "dispute" else wanted <= held
                if ok:
                    sc.citations_held += 1
                else:
                    sc.misses.append(
                        f"CITATION {article} lacks {sorted(wanted - held)}: {sentence['text'][:90]}"
                    )
        if sentence["origin"] != "dispute" and sentence["evidence"]:
            first = sentence["evidence"][0]
            own = [(first["article"], first["start"], first["end"])]
            for values in story.quantities.values():
                for v in values:
                    if _in(v.at, own) and v.value in wanted:
                        stated.append((v, sentence["text"]))
    clashes = [
        (a, b)
        for i, (a, ta) in enumerate(stated)
        for b, tb in stated[i + 1 :]
        if a.quantity == b.quantity and ta != tb and not a.compatible(b)
    ]
    if clashes:
        sc.summaries_contradicting = 1
        a, b = clashes[0]
        sc.misses.append(f"SUMMARY CONTRADICTS ITSELF on {a.quantity}: {_show(a)} vs {_show(b)}")
    return sc


def _own_sentence(fact: dict[str, Any], story: Story) -> tuple[str, int, int]:
    """Where the fact's own text stands: in the article of the evidence it is written at
    (a whole sentence holding an evidence clause, or a clause inside one)."""
    text = fact["text"]
    for e in fact["evidence"]:
        body = story.texts.get(e["article"], "")
        at = body.find(text)
        while at >= 0:
            if at < e["end"] and e["start"] < at + len(text):
                return e["article"], at, at + len(text)
            at = body.find(text, at + 1)
    first = fact["evidence"][0]
    return first["article"], first["start"], first["end"]


def _show(v: Value) -> str:
    hedge = {"at_least": ">=", "more_than": ">", "about": "~", "up_to": "<=", "fewer_than": "<"}
    return f"{hedge.get(v.hedge or '', '')}{v.value:g}"
