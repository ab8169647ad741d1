"""places: named facilities, venues and the town a happening took place in."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsweave.facts.places import facilities, happening_places, venues
from newsweave.facts.stated import StatedDetail
from newsweave.facts.statements import split_statements

if TYPE_CHECKING:
    from conftest import Parsed


def _places(parsed: Parsed, text: str) -> list[StatedDetail]:
    annotation, parse = parsed(text)
    (statement,) = split_statements(annotation, parse)
    span, within = statement.span, parse.tokens_in(statement.span)
    return [
        *facilities(annotation.mentions, span),
        *venues(parse, within, span, {}),
        *happening_places(parse, within, span, {}),
    ]


@pytest.mark.parametrize(
    ("text", "venue", "within"),
    [
        (
            "The ministers will meet at the Belem Palace in Marseille.",
            "Belem Palace",
            ("marseille",),
        ),
        ("The ministers held talks in Marseille on Thursday.", "Marseille", ()),
        ("A possible venue for the talks is the city of Vladivostok.", "Vladivostok", ()),
        ("He flew to Vladivostok, where he met Putin.", "Vladivostok", ()),
        (
            "The port city of Vladivostok would provide a secure location for the summit.",
            "Vladivostok",
            (),
        ),
        ("Vladivostok, where the summit will be held, is a port city.", "Vladivostok", ()),
    ],
    ids=["meet-at", "talks-in", "venue-is", "where-met", "provide-location", "where-held"],
)
def test_a_place_where_a_meeting_happens_is_a_venue(
    parsed: Parsed, text: str, venue: str, within: tuple[str, ...]
) -> None:
    places = _places(parsed, text)
    assert [(d.about, d.value, d.within) for d in places] == [("venue", venue, within)]


@pytest.mark.parametrize(
    "text",
    [
        "The ministers travelled to Marseille on Thursday.",  # no meeting is said
        "The ministers will meet in France next week.",  # a country is where a story is
        "The ministers will meet in the UK next week.",  # so is a bare acronym
    ],
)
def test_places_that_are_not_venues(parsed: Parsed, text: str) -> None:
    assert _places(parsed, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The plane crashed in Nairobi on Sunday.", ("Nairobi", 1.0)),
        ("The jet went down near the town of Mombasa, the airline said.", ("Mombasa", 0.0)),
        ("The bridge collapse in Genoa killed 43 people.", ("Genoa", 1.0)),
    ],
    ids=["crashed-in", "went-down-near-town-of", "the-collapse-in"],
)
def test_the_town_a_happening_took_place_in(
    parsed: Parsed, text: str, value: tuple[str, float]
) -> None:
    places = [d for d in _places(parsed, text) if d.about == "happened"]
    assert [(d.value, d.high) for d in places] == [value]  # high: 1 exact, 0 only near


@pytest.mark.parametrize(
    "text",
    [
        "The plane crashed 60 km southeast of Nairobi.",  # a distance is measured from it
        "The plane crashed in Kenya on Sunday.",  # a country holds towns
        "It was the second crash after the Oct. 29 crash near Jakarta.",  # its own day
        "Survivors were flown to hospitals in Nairobi.",  # nothing happened there
        "It was the deadliest since a 2016 collapse in Ancona.",  # another happening
        "It came a day after a crash in Mombasa killed four.",  # another happening
        "The first explosion happened in Nairobi at dawn.",  # one of several
    ],
    ids=[
        "measured-from",
        "country",
        "dated-happening",
        "no-happening",
        "since-a-year",
        "after-a-crash",
        "one-of-several",
    ],
)
def test_places_that_are_not_where_the_happening_took_place(parsed: Parsed, text: str) -> None:
    assert [d for d in _places(parsed, text) if d.about == "happened"] == []


def test_a_named_facility_gives_its_kind(parsed: Parsed) -> None:
    places = _places(parsed, "The injured were taken to St Brendan's Hospital in Calder.")
    assert [(d.about, d.value, d.key) for d in places] == [
        ("hospital", "St Brendan's Hospital", "st brendans hospital")
    ]
