"""What the words around a name say it is: a person, an organisation or a place.

The small model often types a name by its look alone ("Mayor Justin Cummings" an ORG,
"SpaceX" a PERSON). The sentence around it often settles it, with general cues only:

* a title written before it: "Mayor Justin Cummings", "First Minister Nicola Sturgeon";
* an age after it: "Hakan Demirtas, 32, told Reuters";
* a person it stands beside: "a resident, Hakan Demirtas";
* the people of an organisation around it: "Twitter staff", "the founder of SpaceX".

A name the gazetteer knows as a big place is never turned into an organisation or a person
by these cues ("Kremlin spokesman" is an ORG, but "Moscow" stays a place).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsweave.lexicon.calendar import TIME_ZONES
from newsweave.lexicon.people import (
    ABBREVIATED_TITLES,
    FOUNDING_NOUNS,
    HONORIFICS,
    NAME_PARTICLES,
    ORGANISATION_MEMBER_NOUNS,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    PERSON_TITLES,
)
from newsweave.lexicon.places import FACILITY_HEADS, REGION_NOUNS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT"})
_MAX_NAME_TOKENS = 4
BIG_PLACE = 100_000  # a place this big keeps its type whatever stands beside it
# "Prince Edward Island", "President Hotel": a name ending so is no person's
NOT_PERSON_HEADS = FACILITY_HEADS | REGION_NOUNS | ORGANISATION_WORDS | {"island", "hotel"}


def context_label(doc: Doc, start: int, end: int, label: str) -> str:
    """The type the sentence gives the name ``doc[start:end]``, else ``label``.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("Gov. Doug Ducey signed the bill")
        >>> context_label(doc, 1, 3, "ORG")
        'PERSON'
    """
    if label not in _NAME_LABELS or not 0 <= start < end <= len(doc):
        return label
    if end - start > _MAX_NAME_TOKENS or _big_place(doc[start:end].text):
        return label
    if label != "PERSON" and (
        _titled(doc, start)
        or _title_inside(doc, start, end)
        or _aged(doc, end)
        or _beside_person(doc, start, end)
    ):
        return "PERSON"
    if label in {"PERSON", "GPE", "LOC", "NORP"} and _of_organisation(doc, start, end):
        return "ORG"
    return label


def _big_place(name: str) -> bool:
    from newsweave.nlp.places import gazetteer

    return gazetteer().get(name.lower(), 0) >= BIG_PLACE


def _titled(doc: Doc, start: int) -> bool:
    """ "Mayor Justin Cummings", "Gov. Doug Ducey", "the company's chief executive Tim
    Cook": a person's title just before the name."""
    if start == 0:
        return False
    before = doc[start - 1]
    word = before.lower_.rstrip(".")
    if word in ABBREVIATED_TITLES:
        return before.text[:1].isupper()
    return word in PERSON_TITLES and before.pos_ in {"NOUN", "PROPN"}


def _title_inside(doc: Doc, start: int, end: int) -> bool:
    """ "First Minister Nicola Sturgeon" read as one organisation: a title, then a full
    name (two or more name words, the last no place or organisation word)."""
    words = [t.lower_.rstrip(".") for t in doc[start:end]]
    at = next((i for i, w in enumerate(words) if w in PERSON_TITLES), None)
    if at is None:
        return False
    name = doc[start + at + 1 : end]
    return (
        len(name) >= 2
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name)
        and name[-1].lower_ not in NOT_PERSON_HEADS
    )


def _aged(doc: Doc, end: int) -> bool:
    """ "Hakan Demirtas, 32, told Reuters": a name, a comma and an age."""
    if end + 2 >= len(doc) + 1 or end + 1 >= len(doc):
        return False
    comma, age = doc[end], doc[end + 1]
    closing = doc[end + 2].text if end + 2 < len(doc) else ""
    return (
        comma.text == ","
        and age.text.isdecimal()
        and 1 <= len(age.text) <= 3
        and int(age.text) <= 120
        and closing in {",", ")", "."}
    )


def _beside_person(doc: Doc, start: int, end: int) -> bool:
    """ "a resident, Hakan Demirtas": the name in apposition to a person noun."""
    root = doc[start:end].root
    return root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_NOUNS | PERSON_TITLES


def _of_organisation(doc: Doc, start: int, end: int) -> bool:
    """ "Twitter staff", "Mercedes driver", "the founder and chief executive of SpaceX"."""
    if end < len(doc) and doc[end].lower_ in ORGANISATION_MEMBER_NOUNS and doc[end].pos_ == "NOUN":
        return not doc[end].text[:1].isupper()
    root = doc[start:end].root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    # "the founder of SpaceX"; not "employees of Elon Musk" (people work for people too)
    owner = root.head.head
    return owner.lemma_.lower() in FOUNDING_NOUNS or owner.lower_ in FOUNDING_NOUNS


def no_name(name: str) -> bool:
    """Whether the model's "name" ``name`` names nothing: a time zone ("IST", "GMT") or a
    title's abbreviation ("Asst.", "Gov.") read as a place."""
    low = name.lower().rstrip(".")
    zone = name.isupper() and len(name) >= 3 and low in TIME_ZONES  # "IST", not "PT" or "ET"
    title = name.endswith(".") and (low in ABBREVIATED_TITLES or low in HONORIFICS)  # not "Sen"
    return zone or title


def join_particles(doc: Doc) -> Doc:
    """A person's name the model cut at a particle, joined again: "Ursula von der" and
    "Leyen" become "Ursula von der Leyen". The particle ends the person's span and a
    capitalised word follows at once."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    out: list[Span] = []
    skip_to = -1
    for ent in ents:
        if ent.start < skip_to:
            continue
        end = ent.end
        if ent.label_ == "PERSON" and doc[end - 1].lower_ in NAME_PARTICLES:
            while end < len(doc) and end - ent.end < 3 and _name_word(doc[end].text):
                end += 1
        if end > ent.end:
            out.append(Span(doc, ent.start, end, label="PERSON"))
            skip_to = end
        else:
            out.append(ent)
    if len(out) != len(ents) or any(a.end != b.end for a, b in zip(out, ents, strict=False)):
        doc.ents = [
            e for e in out if not any(e is not o and o.start <= e.start < o.end for o in out)
        ]
    return doc


def _name_word(text: str) -> bool:
    return text[:1].isupper() and text.replace("-", "").replace("'", "").isalpha()
