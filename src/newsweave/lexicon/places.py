"""Words that make a name a place: facility and region nouns, and what is not a place.

Example:
    >>> "cosmodrome" in FACILITY_HEADS and "oblast" in REGION_NOUNS
    True
"""

from __future__ import annotations

# Title-case heads that make the proper name before them a facility: "Heathrow Airport".
FACILITY_HEADS = frozenset(
    """
    cosmodrome spaceport airport airfield aerodrome airbase base station port harbour harbor
    terminal bridge tunnel dam canal stadium arena square palace castle fortress prison
    cathedral mosque temple church shrine museum monument tower plant refinery mine reactor
    hospital infirmary clinic highway motorway expressway boulevard avenue pier dock dockyard
    shipyard barracks checkpoint crossing
    """.split()
)
# Lower-case heads that still name a facility after a proper name: "Khasan station".
LOWERCASE_FACILITY_HEADS = frozenset(
    "station airport airbase cosmodrome spaceport port bridge dam".split()
)
# "the region of Amur", "a village": nouns whose name is a place.
REGION_NOUNS = frozenset(
    """
    region province oblast krai district county state prefecture governorate canton
    municipality city town village island republic territory
    """.split()
)
# Written after the name: "Primorsky region", "Amur oblast".
REGION_SUFFIX_NOUNS = frozenset(
    "region province oblast krai district county prefecture governorate".split()
)
LOCATIVE_PREPOSITIONS = frozenset("in at near outside inside into around".split())
# Where a happening took place: "crashed in X" names it, "sank off X" or "went down near X"
# names a place nearby (two nearby places can both be right).
HAPPENING_PREPOSITIONS = frozenset("in at near outside off".split())
NEARBY_PREPOSITIONS = frozenset("near outside off".split())
# One-word institutions that are objects of "in"/"at" without being places: "in Congress".
INSTITUTIONS = frozenset(
    """
    congress parliament senate kremlin pentagon cabinet court police army navy nato duma
    knesset bundestag assembly council commission government ministry
    """.split()
)
# Named facilities of one kind that reports may disagree on: "taken to St Brendan's
# Hospital" / "treated at Calder Royal Infirmary" are both a hospital.
FACILITY_KINDS = {
    "hospital": "hospital",
    "infirmary": "hospital",
    "clinic": "hospital",
    "airport": "airport",
    "airfield": "airport",
    "prison": "prison",
    "jail": "prison",
    "court": "court",
    "stadium": "stadium",
}
# What joins a venue to the meeting: "meet at X", "talks in X", "travel to X, where …".
VENUE_PREPOSITIONS = frozenset("in at to".split())
# Words that make a place a venue: "a possible venue … is Vladivostok", "talks in Geneva".
VENUE_WORDS = frozenset(
    """
    venue location site host hold meet meeting summit talk talks negotiation ceremony hearing
    place conference briefing rally vigil
    """.split()
)
