"""kinds: the words around a name settle whether it is a person, an organisation or a place."""

from __future__ import annotations

import pytest

from newsweave.nlp.kinds import context_label, no_name


def _label(nlp, text: str, name: str, label: str) -> str:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None, name
    return context_label(doc, span.start, span.end, label)


@pytest.mark.parametrize(
    ("text", "name", "label", "want"),
    [
        # a title just before the name
        ("Mayor Orla Brennick urged residents to stay indoors.", "Orla Brennick", "ORG", "PERSON"),
        ("Gov. Tavish Orme signed the bill on Friday.", "Tavish Orme", "GPE", "PERSON"),
        # a title inside what the model read as one organisation
        (
            "The vote was called by First Minister Orla Brennick on Monday.",
            "First Minister Orla Brennick",
            "ORG",
            "PERSON",
        ),
        # an age after the name, and a person beside it
        ("“It shook for ages,” Tavish Orme, 41, told reporters.", "Tavish Orme", "ORG", "PERSON"),
        ("A neighbour, Tavish Orme, heard the blast.", "Tavish Orme", "ORG", "PERSON"),
        # the people of an organisation
        ("Quillbank staff asked about the deal on Monday.", "Quillbank", "PERSON", "ORG"),
        (
            "Orme, the founder and chief executive of Quillbank, spoke.",
            "Quillbank",
            "PERSON",
            "ORG",
        ),
        # nothing to say: the model's label stands
        ("Orla Brennick left the hall early.", "Orla Brennick", "ORG", "ORG"),
        ("General Motors cut its forecast on Tuesday.", "General Motors", "ORG", "ORG"),
        # a big place keeps its type whatever stands beside it
        ("Mayor Chicago is not a name anyone writes.", "Chicago", "GPE", "GPE"),
        ("The vote was called by Prince Edward Island.", "Prince Edward Island", "GPE", "GPE"),
        # "²" reads as a digit and is no age; "employees of" a person; "its owner, X"
        ("Acme Corp, ², said on Monday that profits rose.", "Acme Corp", "ORG", "ORG"),
        (
            "Former employees of Orla Brennick said the cuts hurt.",
            "Orla Brennick",
            "PERSON",
            "PERSON",
        ),
        # dates and numbers are no names
        ("Mayor Orla Brennick spoke on Monday.", "Monday", "DATE", "DATE"),
    ],
)
def test_context_label(nlp, text: str, name: str, label: str, want: str) -> None:
    assert _label(nlp, text, name, label) == want


@pytest.mark.parametrize(
    ("name", "nothing"),
    [
        ("IST", True),
        ("GMT", True),
        ("Asst.", True),
        ("Gov.", True),
        ("Sen", False),  # Amartya Sen
        ("PT", False),  # a party's initials as often as a time zone
    ],
)
def test_no_name(name: str, nothing: bool) -> None:
    assert no_name(name) is nothing


def test_names_are_names() -> None:
    assert not no_name("Istanbul")
    assert not no_name("Orla Brennick")


def test_a_name_cut_at_its_particle_is_joined(nlp) -> None:
    from newsweave.nlp.kinds import join_particles

    doc = join_particles(nlp("Commission President Ursula von der Leyen met the ministers."))
    assert "Ursula von der Leyen" in {e.text for e in doc.ents if e.label_ == "PERSON"}
