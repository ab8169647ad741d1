"""measures: what a figure counts or measures, read off the parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Claimed


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("At least 288 people have died in the crash, officials said.", "people:killed"),
        ("The crash killed at least 78 passengers and crew.", "people:killed"),
        ("The death toll rose to 288 on Saturday.", "people:killed"),
        ("The disaster left at least 156 people dead.", "people:killed"),
        ("Efforts continued to identify the 27 people whose lives were lost.", "people:killed"),
        ("Thirty-one migrants drowned off Calais.", "people:killed"),
        ("More than 800 people were injured.", "people:injured"),
        ("About 37 people were seriously injured, officials said.", "people:seriously injured"),
        ("Seventeen children were among the dead.", "child:killed"),
        ("Around 300 people were present on the bridge at the time.", "people:aboard"),
        ("Passengers came from 35 nationalities.", "country:"),
        ("Fifteen more victims died on Friday.", "more-people:killed"),
        ("Another 61 people are “potentially” unaccounted for.", "people:missing"),
        # every way of giving a length is one measure
        ("The bridge was 233 metres long.", "distance:long"),
        ("The bridge spanned 233 metres across the river.", "distance:long"),
        ("A 210-metre span of the bridge fell into the river.", "distance:span"),
        # a duration "of" something measures that thing, not the verb it hangs from
        ("It reopened after seven months of repair work.", "duration:work"),
    ],
)
def test_the_measure_comes_from_the_parse(claimed: Claimed, text: str, measure: str) -> None:
    claims = claimed(text)
    print([(c.measure, c.detail.value) for c in claims])
    assert claims
    assert claims[0].measure == measure


@pytest.mark.parametrize(
    ("text", "value", "measure"),
    [
        # a part "of them" is what the words after it say, among those the clause counted
        ("At least 125 people have died, 32 of them children.", "32", "child:killed"),
        # the parser hangs 68 off "moderately"; the noun after it is the clause's subject
        (
            "Officials said 219 people were injured mildly to moderately and 68 people "
            "were badly injured in the incident.",
            "68",
            "people:seriously injured",
        ),
        # what befell them is the object of "have"
        (
            "As of Sunday, 31 people were seriously injured, while 253 people have light "
            "to moderate injuries.",
            "253",
            "people:lightly injured",
        ),
        # passengers are not everyone aboard; passengers and crew together are
        (
            "The jet with 149 passengers and eight crew members aboard crashed on Sunday.",
            "149",
            "passenger:aboard",
        ),
        ("The jet with 157 passengers and crew aboard crashed on Sunday.", "157", "people:aboard"),
        # "five women and a girl" are six, so "five" still counts women
        ("Five women and a girl were among the dead.", "Five", "woman:killed"),
        # members count what their compound names: crew members are crew, not UN staff
        ("All eight crew members died in the crash.", "eight", "crew:killed"),
        ("All ten crew died in the crash.", "ten", "crew:killed"),
        ("Nineteen UN staff members were killed.", "Nineteen", "staff:killed"),
        # a part listed under a named group is of that group only; under the story's dead,
        # of the story's
        (
            "Officials identified 16 Kurdish people, including four women.",
            "four",
            "part-woman-of-kurdish:",
        ),
        (
            "The blast killed 10 people, including three children.",
            "three",
            "part-child-of-group:",
        ),
    ],
)
def test_parts_and_misparsed_counts(claimed: Claimed, text: str, value: str, measure: str) -> None:
    claims = {c.detail.value: c.measure for c in claimed(text)}
    print(claims)
    assert claims[value] == measure
