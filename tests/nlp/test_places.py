"""places: gazetteer and pattern corrections of the small model's place errors."""

from __future__ import annotations

import pytest

from newsweave.nlp.places import correct_places, gazetteer


def _ents(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in correct_places(nlp(text)).ents}


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        (
            "The leaders will meet at the Vostochny Cosmodrome on Friday.",
            "Vostochny Cosmodrome",
            "FAC",
        ),
        ("Flights resumed at Lusaka Airport after the storm.", "Lusaka Airport", "FAC"),
        ("The train stopped at Dornach station before noon.", "Dornach station", "FAC"),
        ("Talks were held in the remote region of Amur on Wednesday.", "Amur", "GPE"),
        ("The governor of the Primorsky region spoke first.", "Primorsky", "GPE"),
        ("He stepped onto a red carpet in Khasan, the main rail gateway.", "Khasan", "GPE"),
        ("Vladivostok hosted the forum, and Vladivostok was busy.", "Vladivostok", "GPE"),
        # a people's adjective the model took for the place
        (
            "The leaders demanded “a full withdrawal” from Ukrainian territory on Tuesday.",
            "Ukrainian",
            "NORP",
        ),
    ],
)
def test_places_are_corrected(nlp, text: str, name: str, label: str) -> None:
    assert _ents(nlp, text).get(name) == label


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Michael Jackson sang at the stadium.", "Michael Jackson", "PERSON"),
        ("The minister told Reuters the plan was final.", "Reuters", "ORG"),
        ("Lawmakers in Congress voted late on Monday.", "Congress", "ORG"),
    ],
)
def test_non_places_are_left_alone(nlp, text: str, name: str, label: str) -> None:
    assert _ents(nlp, text).get(name) == label


def test_gazetteer_holds_countries_and_cities() -> None:
    places = gazetteer()
    assert places["france"] > 10**8
    assert places["ussuriysk"] > 100_000
