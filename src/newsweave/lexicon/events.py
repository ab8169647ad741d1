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
    "missing": "missing",
    "arrest": "arrested",
    "detain": "arrested",
}
# The auxiliaries, as lemmas.
AUXILIARY_VERBS = frozenset("be have do".split())
# Verbs too light to say what happened: "was on board" says it through its complement.
LIGHT_VERBS = AUXILIARY_VERBS | frozenset("get make go come take seem".split())
# Adverbs that add nothing to what a statement reports: "also", "later", "then".
FILLER_ADVERBS = frozenset("also later then there now just so very".split())
