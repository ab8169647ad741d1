"""details: numbers, durations, dates, venues, facilities and negation read off one statement."""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

import pytest

from newsweave.facts.details import _interval, _unit, read_details
from newsweave.facts.stated import StatedDetail
from newsweave.facts.statements import split_statements
from newsweave.model import When

if TYPE_CHECKING:
    from conftest import Parsed


def _details(
    parsed: Parsed, text: str, placed: dict[tuple[str, int], When] | None = None
) -> list[StatedDetail]:
    annotation, parse = parsed(text)
    (statement,) = split_statements(annotation, parse)
    return read_details(parse, statement, placed=placed)


def _of(details: list[StatedDetail], detail: str) -> list[StatedDetail]:
    return [d for d in details if d.detail == detail]


def test_qualifiers_make_intervals() -> None:
    assert _interval("at least 12", 12) == (12, float("inf"))
    assert _interval("more than five", 5) == (5, float("inf"))
    assert _interval("up to 40", 40) == (0, 40)
    assert _interval("14", 14) == (14, 14)


def test_a_qualified_count_is_an_interval_that_holds_a_plain_one(parsed: Parsed) -> None:
    (least,) = _of(_details(parsed, "At least 12 people were injured in the fire."), "number")
    (plain,) = _of(_details(parsed, "Fourteen people were injured in the fire."), "number")
    assert (least.about, least.key, least.low, least.high) == ("people:injured", "12", 12, math.inf)
    assert (plain.about, plain.key, plain.low, plain.high) == ("people:injured", "14", 14, 14)
    assert least.low <= plain.low <= plain.high <= least.high  # so 14 does not contradict it
    (about,) = _of(_details(parsed, "About 60 people were evacuated from the building."), "number")
    assert (about.low, about.high) == pytest.approx((54, 66))
    (most,) = _of(_details(parsed, "Up to 40 people were evacuated from the building."), "number")
    assert (most.low, most.high) == (0, 40)


def test_a_count_says_what_it_counts_and_what_happened_to_it(parsed: Parsed) -> None:
    (killed,) = _of(_details(parsed, "The crash in 2023 killed four people."), "number")
    assert (killed.value, killed.about) == ("four", "people:killed")  # "2023" is no count
    (rescued,) = _of(_details(parsed, "40 passengers were rescued from the ferry."), "number")
    assert rescued.about == "passenger:rescued"  # the crew are people but not passengers
    (victims,) = _of(_details(parsed, "40 victims were rescued from the ferry."), "number")
    assert victims.about == "people:rescued"  # victims are people
    (cars,) = _of(_details(parsed, "Three cars were damaged in the blast."), "number")
    assert cars.about == "car:damage"
    # a number that reads as a year is taken for one, even where the model counts it
    assert _of(_details(parsed, "Sales of 2023 cars were reported."), "number") == []


def test_durations_and_distances_compare_in_one_unit(parsed: Parsed) -> None:
    weeks = _of(_details(parsed, "The bridge will stay closed for two weeks."), "number")
    days = _of(_details(parsed, "The bridge will remain shut for 14 days."), "number")
    assert [(d.about, d.key, d.low, d.high) for d in weeks] == [("duration", "14", 14, 14)]
    assert [(d.about, d.key) for d in days] == [("duration", "14")]
    # "a fortnight" is the same 14 days, when the model tags it as a value at all
    assert _unit("fortnight") == _unit("fortnights") == ("duration", 14)
    (fall,) = _of(_details(parsed, "The crane fell 40 metres onto the road below."), "number")
    assert (fall.about, fall.key) == ("distance", "40")
    assert _unit("12km") == ("distance", 1_000)


def test_a_date_of_the_report_is_not_a_date_of_the_event(parsed: Parsed) -> None:
    dates = _of(
        _details(parsed, "The hearing opened on Wednesday, officials said on Tuesday."), "date"
    )
    assert [(d.value, d.about, d.key) for d in dates] == [
        ("Wednesday", "weekday:open", "wednesday")
    ]
    (sank,) = _of(_details(parsed, "The ferry sank on 12 September near the harbour."), "date")
    # the day the happening itself took place compares whichever word gives it
    assert (sank.about, sank.key) == ("calendar:happened", "12 september")


def test_a_date_placed_on_the_calendar_compares_as_days(parsed: Parsed) -> None:
    text = "The hearing opened on Wednesday."
    start = text.index("Wednesday")
    day = dt.date(2025, 10, 15)
    (date,) = _of(_details(parsed, text, placed={("a", start): When.on(day)}), "date")
    assert (date.low, date.high) == (day.toordinal(), day.toordinal())
    assert date.key == When.on(day).label


def test_the_main_verb_and_its_negation(parsed: Parsed) -> None:
    (survived,) = _of(_details(parsed, "The captain survived the fire."), "negation")
    (not_survived,) = _of(_details(parsed, "The captain did not survive the fire."), "negation")
    assert (survived.about, survived.value, survived.key) == ("survive", "survived", "pos")
    assert (not_survived.about, not_survived.value, not_survived.key) == (
        "survive",
        "not survive",
        "neg",
    )
    # "police said …": the verb reported, not the reporting one
    (reported,) = _of(
        _details(parsed, "Police said the captain did not survive the fire."), "negation"
    )
    assert (reported.about, reported.key) == ("survive", "neg")
    # Only a full verb is compared: not a light verb, not a copula ("was not on board").
    assert _of(_details(parsed, "The inquiry will take two weeks."), "negation") == []
    assert _of(_details(parsed, "The captain was not on board."), "negation") == []
    assert _of(_details(parsed, "Heavy rain in the north on Monday."), "negation") == []


def test_a_denial_turns_what_it_reports_around(parsed: Parsed) -> None:
    (denied,) = _of(
        _details(parsed, "The captain denied that any mooring rope was used."), "negation"
    )
    assert (denied.about, denied.key) == ("use", "neg")
    (said,) = _of(_details(parsed, "The captain said a mooring rope was used."), "negation")
    assert (said.about, said.key) == ("use", "pos")


def test_a_predicate_adjective_and_a_none_subject(parsed: Parsed) -> None:
    (yes,) = _of(
        _details(parsed, "One of the women is understood to have been pregnant."), "negation"
    )
    (no,) = _of(_details(parsed, "None of the women were pregnant, officials said."), "negation")
    assert (yes.about, yes.key) == ("pregnant", "pos")
    assert (no.about, no.key) == ("pregnant", "neg")


def test_a_bare_number_the_model_left_unlabelled_is_a_count(parsed: Parsed) -> None:
    (toll,) = _of(_details(parsed, "The death toll rose to 288 on Saturday."), "number")
    assert (toll.value, toll.low, toll.high) == ("288", 288.0, 288.0)
    # a year or a time of day is not a count
    assert _of(_details(parsed, "The bridge opened in 1971."), "number") == []
    assert _of(_details(parsed, "The bridge collapsed at 6.40pm."), "number") == []


@pytest.mark.parametrize(
    "text",
    [
        "Most of the dead were in the No. 7 and No. 8 cars, the bureau said.",
        "Survivors were taken off Flight 302 by the crew.",
        "He scored in Game 3 of the series.",
    ],
    ids=["no-dot-cut-in-two", "flight", "game"],
)
def test_a_number_in_a_name_is_not_a_count(parsed: Parsed, text: str) -> None:
    assert [d.value for d in _of(_details(parsed, text), "number")] == []


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the collapse rose to 24 Tuesday, officials said.",
        "The death toll rose to 24 Friday, the mayor said.",
    ],
    ids=["taken-for-a-date", "weekday-taken-for-the-noun"],  # as the small model parses them
)
def test_a_count_beside_a_weekday_is_a_count_on_that_day(parsed: Parsed, text: str) -> None:
    details = _details(parsed, text)
    assert [(d.value, d.about.split(":")[0]) for d in _of(details, "number")] == [("24", "people")]
    assert [d.value for d in _of(details, "date")] in (["Tuesday"], ["Friday"])


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("The Pentagon said that only one explosion occurred, not two as first reported.", "one"),
        ("The attack killed 12 people rather than 15 as first reported.", "12"),
    ],
)
def test_a_value_denied_is_not_given(parsed: Parsed, text: str, given: str) -> None:
    assert [d.value for d in _of(_details(parsed, text), "number")] == [given]


def test_the_part_of_a_day_is_not_what_a_date_dates(parsed: Parsed) -> None:
    (date,) = _of(_details(parsed, "The dinghy capsized on Thursday afternoon."), "date")
    assert date.about == "weekday:happened"


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        ("The overpass collapsed at 22:25 local time on Monday.", "22:25", 1345, 1345),
        ("The overpass collapsed about 10:30 p.m. on Monday.", "about 10:30 p.m.", 1320, 1380),
        ("The crash occurred shortly before 10 a.m. near the road.", "10 a.m.", 570, 630),
        ("The bridge collapsed at 3pm on Friday.", "3pm", 870, 930),  # often rounded
    ],
    ids=["exact", "about", "shortly-before", "on-the-hour"],
)
def test_the_time_of_day_of_the_happening(
    parsed: Parsed, text: str, value: str, low: int, high: int
) -> None:
    (time,) = _of(_details(parsed, text), "time")
    assert (time.about, time.value, time.low, time.high) == ("happened", value, low, high)


@pytest.mark.parametrize(
    "text",
    [
        "The overpass collapsed at 22:25 local time (06:25 Moscow time) on Monday.",
        "The plane took off at 8:38 a.m. from the capital.",  # not the happening
        "By 10 a.m. today, 149 people were still in hospital.",  # the time of a count
        "The 4.15pm train from Euston derailed outside Watford on Friday.",  # names the train
        "The plane crashed at 05:44 GMT on Sunday, the airline said.",  # another clock
        "The blast happened between 1am and 2am, police said.",  # a stretch
        "A later explosion occurred at 2 p.m. at a guesthouse.",  # one of several
    ],
    ids=[
        "conversion-in-brackets",
        "another-act",
        "time-of-a-count",
        "names-the-train",
        "time-zone",
        "between",
        "one-of-several",
    ],
)
def test_times_of_day_that_are_not_the_happenings(parsed: Parsed, text: str) -> None:
    assert [d.value for d in _of(_details(parsed, text), "time")] in ([], ["22:25"])
