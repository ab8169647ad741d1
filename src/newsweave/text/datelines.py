"""Datelines: the place, date and agency that open a report's first body line.

"WASHINGTON (AP) — ", "KESSAN, Corvania, June 11 (CNW) - ", "Cape Town - ", and a
ticker's "Berlin" alone above its paragraph. They are furniture, not body: cleaning
records them as removed with the reason ``dateline``.

Example:
    >>> t = "KESSAN, Corvania, June 11 (CNW) - Corvania and Ludmark signed."
    >>> t[dateline_length(t):]
    'Corvania and Ludmark signed.'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from newsweave.lexicon.calendar import MONTHS
from newsweave.text.headline import DATELINE_LINES
from newsweave.text.lines import AGENCY
from newsweave.text.shapes import Line, fold, is_prose, stripped_span, touched

__all__ = ["DATELINE", "dateline_length", "find_dateline", "mark_place_lines", "mark_stamps"]

# "KESSAN, Corvania, June 11 (CNW) - ", "WASHINGTON (AP) — ", "LONDON, 12 September 2023 – ":
# the place in capitals, then a date, an agency or both, then a dash.
_MONTH = r"(?:" + "|".join(sorted({m[:3] for m in MONTHS} | {"sept"})) + r")[a-z]*\.?"
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}"
    r"(?:,\s*[A-Z][\w.'’]+(?:\s[A-Z][\w.'’]+){0,2}){0,2})"
    rf"(?:,?\s*(?P<date>(?i:{_MONTH})\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?i:{_MONTH})(?:\s+\d{{4}})?))?"
    r"\s*(?:\((?P<agency>[^()\n]{1,30})\))?\s*[-–—]+(?:\s+(?=\S)|\s*$)"
)


_AGENCY_DATELINE = re.compile(r"\((?:[A-Z][\w.&'’]*\s?){1,3}\)\s*[-–—]+\s+(?=\S)")
# "MEXICO CITY (UrduPoint News / Sputnik - 25th November, 2019) Uruguay's …": a place in
# capitals and a bracket naming an agency or a year, with no dash after it
_BRACKET_DATELINE = re.compile(
    r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}\s*\((?P<inside>[^()\n]{2,80})\)\s+(?=[A-Z\"“])"
)
# "Cape Town - Health Minister …", "Köln - Was die Trainer …", "Berlin (dpa) - …": a place
# written in title case, then a dash; only a known place will do (see clean.py)
TITLE_CASE_DATELINE = re.compile(
    r"(?P<place>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2})"
    r"(?:\s*\((?P<agency>[^()\n]{1,30})\))?\s+[-–]\s+(?=[A-Z\"“„])"
)


def dateline_length(text: str) -> int:
    """Length of the dateline that opens ``text`` ("WASHINGTON (AP) — "), else 0.

    Example:
        >>> t = "KESSAN, Corvania, June 11 (CNW) - Corvania and Ludmark signed."
        >>> t[dateline_length(t):]
        'Corvania and Ludmark signed.'
        >>> dateline_length("US officials said on Monday - briefly - that")
        0
    """
    bare = _AGENCY_DATELINE.match(text[:80])
    if bare is not None:
        return bare.end()  # "(Reuters) - ", "(Newser) – ": the agency alone
    bracket = _BRACKET_DATELINE.match(text[:140])
    if bracket is not None:
        inside = bracket.group("inside")
        # an agency, or a path of sources with the day: "UrduPoint News / Sputnik - 25th …"
        if re.search(rf"\b{AGENCY}\b", inside) or ("/" in inside and re.search(r"\d{4}", inside)):
            return bracket.end()
    m = DATELINE.match(text[:200])
    if m is None:
        return 0
    # the town in capitals, before any region: "ROME —" (4 letters) stands alone, "AMD,
    # Nvidia —" (3) does not, unless a date or an agency comes with it
    letters = [ch for ch in m.group("place").split(",")[0] if ch.isalpha()]
    if len(letters) < 3 or not (m.group("date") or m.group("agency") or len(letters) >= 4):
        return 0
    return m.end()


def find_dateline(
    text: str,
    lines: list[Line],
    removed: Sequence[tuple[int, int, str]],
    title: tuple[int, int] | None,
) -> tuple[int, int] | None:
    """The dateline that opens the first body line: "PORT CALDER, Westmarch, Oct 15 (NWA) - "."""
    cut = touched(lines, [(s, e) for s, e, _ in removed] + ([title] if title else []))
    prose = 0
    for line, c in zip(lines[:DATELINE_LINES], cut, strict=False):
        if c:
            continue
        body = line.text
        byline = _BYLINE_BEFORE.match(body)
        skip = byline.end() if byline is not None else 0
        # once the body is under way (a summary or a stand-first may come first), only the
        # place in capitals will do: "ROME —"; "Rome - " there may be the writer's dash
        rest = body[skip:]
        if prose < 2:
            n = dateline_length(rest) or _place_dateline(rest)
        else:
            n = _strong_dateline(rest)
        # a dateline ends in a dash before the first sentence, or stands on its own line
        # (not once the body is under way: "METHODOLOGY" there is a section's heading)
        alone = skip + n == len(body) and prose < 2
        if n and (len(body) - skip - n > 20 or alone):
            start = stripped_span(text, line)[0]  # an indented line starts after its spaces
            return start, start + len(body[: skip + n].rstrip())
        if is_prose(line):
            prose += 1
    return None


# "By Anuj CHOPRA RIYADH (AFP) - …": a byline run into the dateline
_BYLINE_BEFORE = re.compile(r"By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s+(?=[A-Z]{3,})")


def _strong_dateline(body: str) -> int:
    """A dateline that names more than a word in capitals: "BELLEFONTE, Pennsylvania, USA –",
    "ROME (Reuters) —" (not "METHODOLOGY - This poll …", a section's label)."""
    n = dateline_length(body)
    m = DATELINE.match(body[:200]) if n else None
    if m is None or m.end() != n:
        return n if n and body[:1] == "(" else 0
    return n if m.group("date") or m.group("agency") or _named_region(m.group("place")) else 0


def _named_region(place: str) -> bool:
    """ "BELLEFONTE, Pennsylvania, USA": after the town, regions the gazetteer knows or a
    state's abbreviation ("Fla."), not any capitalised words ("AMD, Nvidia")."""
    from newsweave.nlp.places import gazetteer

    parts = [p.strip() for p in place.split(",")[1:]]
    return bool(parts) and all(
        p.lower() in gazetteer()
        or (p.endswith(".") and len(p) <= 6)  # "Fla.", "Calif."
        or (p.isupper() and 2 <= len(p) <= 3)  # "USA", "UK"
        for p in parts
    )


def _place_dateline(body: str) -> int:
    """ "Cape Town - " before the first sentence: the dateline of a page that writes its
    place in title case. The place must be one the gazetteer knows, so "Health Minister - "
    is no dateline."""
    from newsweave.nlp.places import gazetteer

    match = TITLE_CASE_DATELINE.match(body[:80])
    if match is None:
        return 0
    places = gazetteer()
    size = max(
        places.get(match.group("place").lower(), 0), places.get(fold(match.group("place")), 0)
    )
    # a town, not a country or a state ("Georgia - President Zourabichvili said …")
    return match.end() if 0 < size < COUNTRY_POPULATION else 0


PLACE_LINE_POPULATION = 100_000  # a city this big, alone on a line, is a dateline
COUNTRY_POPULATION = 10**9  # what the gazetteer gives countries, states and continents


def mark_place_lines(
    lines: list[Line], found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """ "Berlin" alone on the line above a paragraph: a news ticker's dateline. Only a city
    (a country alone may head a section of a round-up)."""
    from newsweave.nlp.places import gazetteer

    places = gazetteer()
    cut = touched(lines, [(s, e) for s, e, _ in found])
    added = []
    for (line, nxt), c in zip(itertools.pairwise(lines), cut, strict=False):
        if c or line.words > 3 or not is_prose(nxt) or not line.text[:1].isupper():
            continue
        size = places.get(fold(line.text), 0)
        if PLACE_LINE_POPULATION <= size < COUNTRY_POPULATION:
            added.append((line.start, line.end, "dateline"))
    return sorted([*found, *added])


# "Update 9:45 a.m. ET: Russia said …", "UPDATED 14:05: …": a live page's stamp before a post
_STAMP = re.compile(
    r"(?i:updated?|edited?)\s*(?i:at\s*)?\d{1,2}[:.]\d{2}\s*(?i:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,4})?\s*:\s+(?=\S)"
)


def mark_stamps(
    text: str, lines: list[Line], found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The time stamp opening a post of a live page, wherever the post stands."""
    cut = touched(lines, [(s, e) for s, e, _ in found])
    added = []
    for line, c in zip(lines, cut, strict=True):
        match = _STAMP.match(line.text[:60])
        if match is None or c:
            continue
        start = stripped_span(text, line)[0]
        added.append((start, start + len(match.group().rstrip()), "timestamp"))
    return sorted([*found, *added])
