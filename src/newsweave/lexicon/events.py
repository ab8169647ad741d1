"""Verbs by what they say happened: casualty verbs folded to one class, and light verbs.

Example:
    >>> CASUALTY_VERBS["die"], "be" in LIGHT_VERBS
    ('killed', True)
"""

from __future__ import annotations

# Casualty verbs, folded: "three died" and "killed three" count the same thing.
CASUALTY_VERBS = {
    "kill": "killed",
    "die": "killed",
    "deceased": "killed",
    "decease": "killed",
    "drown": "killed",
    "dead": "killed",
    "death": "killed",
    "toll": "killed",
    "injure": "injured",
    "hurt": "injured",
    "wound": "injured",
    "injury": "injured",
    "rescue": "rescued",
    "save": "rescued",
    "evacuate": "evacuated",
    "miss": "missing",
    "unaccounted": "missing",
    "missing": "missing",
    "arrest": "arrested",
    "detain": "arrested",
    "fatality": "killed",
    "body": "killed",
    "aboard": "aboard",
    "board": "aboard",
    "onboard": "aboard",
    "carry": "aboard",
    "survivor": "survived",
    "survive": "survived",
    "hospitalise": "hospitalised",
    "hospitalize": "hospitalised",
}
# Casualty words a count reaches through a preposition or complement: "among the dead".
CASUALTY_COMPLEMENTS = frozenset(
    "acomp attr prep pobj oprd xcomp relcl acl amod ccomp advcl".split()
)
# Words that mark the gravely hurt apart from all the injured: "37 were seriously injured",
# "29 are in critical condition".
SEVERITY_WORDS = frozenset(
    "seriously critically severely badly gravely serious critical severe grave".split()
)
# Verbs that give a count without saying what happened to those counted: "the toll
# includes 17 children", "officials put the number at 125", "129 were recorded".
COUNT_NEUTRAL_VERBS = frozenset(
    """include total number reach stand estimate put record declare confirm register count
    list tally give announce""".split()
)
# Verbs that report a figure's new level: "the death toll rose to 288", "stands at 125".
CHANGE_VERBS = frozenset(
    """rise climb reach stand jump increase hit surge grow go revise downgrade lower raise update
    adjust fall drop bring push""".split()
)
# The auxiliaries, as lemmas.
AUXILIARY_VERBS = frozenset("be have do".split())
# Verbs too light to say what happened: "was on board" says it through its complement.
LIGHT_VERBS = AUXILIARY_VERBS | frozenset("get make go come take seem".split())
# Adverbs that add nothing to what a statement reports: "also", "later", "then".
FILLER_ADVERBS = frozenset("also later then there now just so very".split())
# And the lightly hurt: "219 suffered minor injuries", "253 were lightly injured".
MILD_WORDS = frozenset("lightly slightly mildly minor mild moderate moderately light".split())
# Where a count of people on board is said to be: "50 people were on the boat".
ABOARD_PLACES = frozenset(
    "board boat ship vessel plane aircraft flight train bus ferry dinghy bridge".split()
)
# Nouns that count the same thing under two names: "35 nationalities", "33 countries".
COUNTED_SYNONYMS = {"nationality": "country"}
# Verbs and nouns that say the story's happening itself took place: the day or place they
# are given for is the happening's ("the dinghy capsized on Wednesday", "the incident,
# which happened on Sunday", "crashed near Bishoftu").
HAPPENING_WORDS = frozenset(
    """happen occur crash capsize sink collapse derail explode erupt crush stampede incident
    accident disaster tragedy collision derailment explosion shipwreck sinking""".split()
)
# Words that make a happening one of several, or another one: "the first explosion", "a
# later blast", "the worst since a 2016 collapse in Ancona", "after a crash in Ibadan".
SEQUENCE_WORDS = frozenset(
    """first second third fourth fifth later earlier another previous subsequent last next
    final""".split()
)
OTHER_HAPPENING_WORDS = frozenset("after since following before than like unlike".split())
# Verbs whose object says what befell their subject: "253 people have light injuries",
# "219 suffered minor injuries".
SUFFERING_VERBS = frozenset("have suffer sustain receive".split())
# Words that make a count an increment, not a total: "15 more victims", "two additional
# bodies" ("more than 150" is a hedge; "another 10 injured" is as often a total).
INCREMENT_WORDS = frozenset("more additional further extra".split())
