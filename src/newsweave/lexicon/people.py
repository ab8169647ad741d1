"""Words around people's names: honorifics, titles and posts, ranks, organisation words.

Example:
    >>> "mr" in HONORIFICS and "minister" in TITLE_WORDS and "deputy" in RANKS
    True
"""

from __future__ import annotations

from newsweave.lexicon.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

# Written before a name, with or without a full stop ("Mr Kim", "Dr. Reyes").
HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame".split())
# Titles as abbreviated before a name ("Sen. Warren", "Sgt. Rice"); "st" is Saint.
ABBREVIATED_TITLES = frozenset(
    "sen rep gov gen col lt sgt capt rev st cmdr cdr adm maj cpl supt asst insp det".split()
)
# Written after a name: "Martin Luther King Jr."
NAME_SUFFIXES = frozenset("jr sr".split())
# The small words inside a person's name: "Ursula von der Leyen", "Mohammed bin Salman".
NAME_PARTICLES = frozenset(
    "von der den van de du da di del della dos das bin ibn al el la le ter ten zu".split()
)
# Capitalised words that make a preceding modifier a title: "Defence Minister Sergei Shoigu".
TITLE_WORDS = frozenset(
    """
    minister president premier chancellor secretary spokesman spokeswoman spokesperson
    director governor mayor senator general marshal admiral colonel commander chief chairman
    chairwoman chair ambassador envoy king queen prince princess leader representative
    congressman congresswoman deputy judge justice attorney prosecutor sheriff officer analyst
    expert adviser advisor official head ceo founder editor correspondent fellow member
    professor lawyer economist scientist
    """.split()
)
# Titles written only before a person's name: "Mayor Justin Cummings", "First Minister
# Nicola Sturgeon". Not "member" or "head" ("NATO member Turkey"), nor "general" alone in a
# name ("General Motors" is one name; the rule reads the word before a name).
PERSON_TITLES = frozenset(
    """
    minister president premier chancellor secretary spokesman spokeswoman spokesperson
    director governor mayor senator marshal admiral colonel commander chairman chairwoman
    ambassador envoy king queen prince princess congressman congresswoman judge justice
    prosecutor sheriff officer adviser advisor ceo founder editor professor lawyer economist
    scientist captain coach striker midfielder defender goalkeeper batsman bowler pilot
    lieutenant sergeant detective inspector superintendent constable councillor councilor
    """.split()
)
# Nouns for a person a name may stand beside: "a resident, Hakan Demirtas, 32, told …".
PERSON_NOUNS = frozenset(
    """
    resident witness survivor victim neighbour neighbor relative mother father son daughter
    wife husband brother sister uncle aunt cousin friend student teacher doctor nurse
    driver passenger farmer worker shopkeeper fisherman volunteer activist
    """.split()
)
# Nouns that make the name before them a company or another organisation: "Twitter
# staff", "Mercedes driver", "Tesla shares"; or after "of": "the founder of SpaceX".
ORGANISATION_MEMBER_NOUNS = frozenset(
    """
    staff employee employees workers ceo executive chairman chairwoman founder spokesman
    spokeswoman spokesperson shares stock shareholders shareholder board driver subsidiary
    """.split()
)
# The posts that make what they are "of" an organisation: "the founder of SpaceX" (but
# "employees of Elon Musk" work for a person).
FOUNDING_NOUNS = frozenset(
    "founder ceo executive chairman chairwoman subsidiary shareholder".split()
)
# Agent-noun endings: researcher, governor, analyst, historian, spokeswoman, resident, trustee.
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ent", "ant", "ee", "ary")
# A title word that changes what the post is: "deputy mayor" is not the mayor.
RANKS = frozenset("former deputy acting vice ex assistant interim".split())
# One post, two words: "spokesman" and "spokesperson".
TITLE_SYNONYMS = {"spokesman": "spokesperson", "spokeswoman": "spokesperson"}
# British and American spellings of the words titles are made of.
SPELLING_VARIANTS = {"defense": "defence", "labor": "labour", "organization": "organisation"}
# Words a title is written with that say nothing of the post: "its minister", "the minister".
TITLE_FILLERS = frozenset("the a an its his her their".split())
# Capitalised words in a title that name no country or party: "Foreign Minister", "Prime …".
GENERIC_TITLE_WORDS = frozenset("defence defense foreign deputy the state prime".split())
# Nouns that name an organisation rather than a person: "the ministry said", "Harbour Rescue".
ORGANISATION_WORDS = frozenset(
    """
    group agency council ministry department university company inc corp ltd party news times
    post bank fund institute center centre association authority committee office service
    services forces army navy court union league club foundation network board commission
    police rescue hospital school college
    """.split()
)
# Nouns for a news outlet: "North Korea's KCNA state news agency said", "the broadcaster".
OUTLET_WORDS = frozenset("newspaper broadcaster outlet channel daily website tabloid wire".split())
# Nouns for a text that speaks for whoever issued it: "a U.N. resolution that demanded …",
# "the White House statement said".
DOCUMENT_WORDS = frozenset(
    "statement resolution declaration communique communiqué report letter memo release".split()
)
# Nouns that say whose they are only with their compound, which then names what is
# counted: "eight crew members" are crew (as "ten crew" are), "nineteen staff members" staff.
RELATIONAL_NOUNS = frozenset("member staffer".split())
# What a bare count of people is written as: "four people", "two victims". Not "passengers":
# "149 passengers and eight crew" are 157 people.
PEOPLE_NOUNS = frozenset(
    """people person worker resident victim migrant refugee civilian individual
    fan spectator reveller partygoer pilgrim tourist soul other""".split()
)
# Words an acronym's letters skip: "Korean Central News Agency" → KCNA, "Banque de France".
ACRONYM_SKIP = frozenset("of the and for s de du la on".split())
# Capitalised words that name no one, for story grouping's name features: calendar words,
# the titles written before a name, and the function words that open sentences. Part of the
# stored feature format (grouping.features.FEATURE_VERSION): a change here changes every
# stored story's features, so it needs a new FEATURE_VERSION.
NOT_NAMES = (
    frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | MONTH_ABBREVIATIONS
    | frozenset(
        """
        mr mrs ms dr prof gen sen rep gov president minister prime the a an and in on at for
        of to by with from he she it they we i his her its their this that these those
        """.split()
    )
)
