"""The pages set: real news pages, boilerplate and all, with a careful reader's reading.

Each folder of ``bench/data/pages`` holds ``articles.jsonl`` (the pages as the web gave
them) and ``gold.json``: per page its language, its headline, every stretch of boilerplate,
every named entity of the body with its type, and every direct quote with its speaker (see
``bench/data/pages/README.md``). Every gold string is an exact substring of the page, so
it becomes a character range, the way newsweave's own spans are. :func:`score` reads a
briefing's JSON (``newsweave.briefing/1``), so any commit's output is scored by the same
rules; ``bench/pages.py`` prints the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goldset import read_folder
from tally import Tally

Span = tuple[int, int]
REMOVED_SHARE = 0.8  # a boilerplate stretch counts as removed when this much of it is
BODY_LETTERS = 20  # a removed stretch outside all boilerplate with this many letters is body
ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"})


@dataclass(frozen=True)
class Page:
    id: str
    text: str
    language: str
    headline: str | None
    boilerplate: tuple[tuple[int, int], ...]
    entities: tuple[tuple[str, str], ...]  # (name, type)
    quotes: tuple[tuple[int, int, str | None], ...]  # (start, end, speaker)


@dataclass(frozen=True)
class Folder:
    slug: str
    path: Path
    pages: tuple[Page, ...]


def _all(text: str, needle: str) -> list[tuple[int, int]]:
    out, at = [], text.find(needle)
    while at >= 0 and needle:
        out.append((at, at + len(needle)))
        at = text.find(needle, at + len(needle))
    return out


def load(folder: Path) -> Folder:
    """One folder of the set, every gold string located; a ValueError names a bad item."""
    texts, gold = read_folder(folder)
    pages = []
    for pid, g in gold["pages"].items():
        if pid not in texts:
            raise ValueError(f"{folder.name}: unknown page {pid!r}")
        text = texts[pid]

        def where(
            needle: str, what: str, pid: str = pid, text: str = text
        ) -> list[tuple[int, int]]:
            found = _all(text, needle)
            if not found:
                raise ValueError(f"{folder.name}: {pid}: {what} not in text: {needle[:60]!r}")
            return found

        if g.get("headline") is not None:
            where(g["headline"], "headline")
        boiler = tuple(span for b in g["boilerplate"] for span in where(b, "boilerplate"))
        quotes = tuple(
            (*where(q["quote"], "quote")[0], q.get("speaker")) for q in g.get("quotes", [])
        )
        for e in g.get("entities", []):
            if e["type"] not in ENTITY_TYPES:
                raise ValueError(f"{folder.name}: {pid}: bad entity type {e['type']!r}")
        entities = tuple((e["name"], e["type"]) for e in g.get("entities", []))
        pages.append(
            Page(pid, text, g.get("language", "en"), g.get("headline"), boiler, entities, quotes)
        )
    return Folder(folder.name, folder, tuple(pages))


def load_all(root: Path) -> list[Folder]:
    return [load(d) for d in sorted(root.iterdir()) if (d / "gold.json").is_file()]


def _norm(text: str) -> str:
    return " ".join(text.split()).strip(" .:;,-—–|").casefold()


def _words(name: str) -> set[str]:
    """The words of a name that identify it: three letters or more, lower case; a short
    name whole, without its dots ("U.S." is "us")."""
    found = set(re.findall(r"[^\W\d_]{3,}", name.casefold()))
    return found or ({"".join(re.findall(r"[^\W\d_]", name.casefold()))} - {""})


def named(speaker: str | None) -> bool:
    """Whether a gold speaker is a named one ("Gérald Darmanin"), not a description ("a
    survivor", "a U.S. treasury official") or unknown."""
    return bool(speaker) and str(speaker)[:1].isupper()


@dataclass
class Score(Tally):
    pages: int = 0
    boilerplate: int = 0
    removed: int = 0
    body_removed: int = 0
    quotes_removed: int = 0
    headlines: int = 0
    headlines_right: int = 0
    headlines_boilerplate: int = 0
    entities: int = 0
    entities_found: int = 0
    entities_typed: int = 0
    listed: int = 0
    junk: int = 0
    named_quotes: int = 0
    speakers_right: int = 0
    foreign_names: int = 0
    non_english: int = 0
    non_english_handled: int = 0


def _mask(length: int, spans: list[tuple[int, int]]) -> bytearray:
    """1 at every offset inside one of ``spans``."""
    mask = bytearray(length)
    for s, e in spans:
        s, e = max(s, 0), min(e, length)
        if s < e:
            mask[s:e] = b"\x01" * (e - s)
    return mask


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    if end <= start:
        return 0.0
    return sum(_mask(end, spans)[start:end]) / (end - start)


def score(folder: Folder, briefing: dict[str, Any]) -> Score:
    sc = Score()
    by_id = {a["id"]: a for a in briefing["articles"]}
    for page in folder.pages:
        sc.pages += 1
        article = by_id.get(page.id)
        if article is None:
            sc.misses.append(f"{page.id}: not in the briefing")
            continue
        removed = [(r["start"], r["end"]) for r in article.get("removed", [])]
        text = page.text

        # Boilerplate: each gold stretch removed; nothing else with words in it removed.
        for s, e in page.boilerplate:
            sc.boilerplate += 1
            if _covered(s, e, removed) >= REMOVED_SHARE:
                sc.removed += 1
            else:
                sc.misses.append(f"{page.id}: KEPT boilerplate {text[s:e][:70]!r}")
        allowed = list(page.boilerplate)
        if page.headline is not None:
            allowed += _all(text, page.headline)
        gone = _mask(len(text), removed)
        kept = "".join("\n" if gone[i] else ch for i, ch in enumerate(text))
        kept_words = " ".join(kept.split())
        for s, e in removed:
            outside = "".join(
                ch for i, ch in enumerate(text[s:e], s) if not any(a <= i < b for a, b in allowed)
            )
            if " ".join(outside.split()) in kept_words:
                continue  # a repeated paragraph: its other copy is kept
            if len(re.findall(r"[^\W\d_]", outside)) >= BODY_LETTERS:
                sc.body_removed += 1
                sc.misses.append(f"{page.id}: REMOVED body {' '.join(outside.split())[:90]!r}")
        for s, e, _ in page.quotes:
            if _covered(s, e, removed) > 0:
                sc.quotes_removed += 1
                sc.misses.append(f"{page.id}: REMOVED quote {text[s:e][:70]!r}")

        # Headline.
        sc.headlines += 1
        title = article.get("title")
        if (title and page.headline and _norm(title) == _norm(page.headline)) or (
            not title and page.headline is None
        ):
            sc.headlines_right += 1
        else:
            sc.misses.append(f"{page.id}: HEADLINE {title!r} (gold {page.headline!r})")
        if title and any(_norm(text[s:e]) == _norm(title) for s, e in page.boilerplate):
            sc.headlines_boilerplate += 1

        # Language: a page not in English is read by its own model or marked, never given
        # English-model entities.
        listed = [e for e in briefing["entities"] if page.id in e["articles"]]
        if page.language != "en":
            sc.non_english += 1
            if article.get("lang") == page.language or not listed:
                sc.non_english_handled += 1
            else:
                sc.misses.append(
                    f"{page.id}: {page.language} page read as {article.get('lang')!r} "
                    f"with {len(listed)} entities"
                )
            continue

        # Entities: each gold entity found by name with its type; listed ones no gold
        # entity names are junk.
        def matches(entity: dict[str, Any], name: str) -> bool:
            gold = _words(name)
            names = [entity["name"], *entity.get("aliases", [])]
            return any(_words(n) and (_words(n) <= gold or gold <= _words(n)) for n in names)

        for name, kind in page.entities:
            sc.entities += 1
            found = [e for e in listed if matches(e, name)]
            if found:
                sc.entities_found += 1
                if any(e["type"] == kind for e in found):
                    sc.entities_typed += 1
                else:
                    sc.misses.append(f"{page.id}: TYPE {name!r} is {kind}, read {found[0]['type']}")
        for e in listed:
            sc.listed += 1
            if not any(matches(e, name) for name, _ in page.entities):
                sc.junk += 1
                sc.misses.append(f"{page.id}: JUNK entity {e['name']!r} ({e['type']})")

        # Speakers of named direct quotes; and no speaker named only in other pages.
        quotes = [q for q in briefing["quotes"] if q["article"] == page.id]
        for s, e, speaker in page.quotes:
            if not named(speaker):
                continue
            sc.named_quotes += 1
            ours = [q for q in quotes if q["start"] < e and s < q["end"]]
            said = [q["speaker"]["name"] for q in ours if q.get("speaker")]
            if any(_words(n) & _words(str(speaker)) for n in said):
                sc.speakers_right += 1
            else:
                sc.misses.append(
                    f"{page.id}: SPEAKER of {text[s:e][:50]!r} is {speaker!r}, read {said or None}"
                )
        own = text.casefold()
        for q in quotes:
            name = (q.get("speaker") or {}).get("name")
            if name and not any(w in own for w in _words(name)):
                sc.foreign_names += 1
                sc.misses.append(f"{page.id}: FOREIGN speaker {name!r} not named in the page")
    return sc
