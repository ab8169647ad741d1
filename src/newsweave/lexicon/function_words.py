"""English function words: the words every text has, which say nothing about its subject.

Example:
    >>> {"the", "of", "which"} <= FUNCTION_WORDS and "harbour" not in FUNCTION_WORDS
    True
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    """
    a about above after again against all also am amid an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how however
    i if in into is it its itself just let me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own same she should since so some such
    than that the their theirs them themselves then there these they this those through to too
    under until up upon very was we were what when where which while who whom why will with
    would yet you your yours yourself yourselves
    """.split()
)
# The thinnest of them: articles, the commonest prepositions and conjunctions, "be", "that"
# and "this". Texts compared word for word (two outlets' copies of one quote) drop only
# these: pronouns and adverbs carry a quote's wording ("when I get there, you will know").
THIN_WORDS = frozenset(
    "a an the of to in on at for by with and or is are was were be that this".split()
)
# Abbreviations whose full stop ends no sentence (beside titles and months): "No. 10", "U.S."
ABBREVIATIONS = frozenset("no vs inc corp ltd co u.s u.k u.n e.g i.e".split())
# The words that turn a statement around: "not on board", "no one was hurt", "never met".
NEGATIONS = frozenset("not no never none nobody nothing neither nor cannot".split())
# Conjunctions that open a clause adding a fact of its own: ", while Kim wants food".
CLAUSE_CONJUNCTIONS = frozenset("while whereas although though as after before when since".split())
# Words that open a relative clause: ", where he met the minister".
RELATIVE_WORDS = frozenset("where which who whom whose when".split())
# The relative pronouns that stand as a clause's subject: "a resolution that demanded …".
RELATIVE_PRONOUNS = frozenset("that which who".split())
# Spelled-out contractions, so "you'll" and "you will" count as the same words.
CONTRACTIONS = {
    "’ll": " will",
    "'ll": " will",
    "’ve": " have",
    "'ve": " have",
    "n’t": " not",
    "n't": " not",
    "’re": " are",
    "'re": " are",
    "’m": " am",
    "'m": " am",
}
# What a subject pronoun can stand for: "he" a person, "it" an organisation, "they" anyone.
# Pronouns a part is counted of: "32 of them children", "nine of whom were women".
PARTITIVE_PRONOUNS = frozenset("they them whom those these which".split())
PRONOUN_REFERENTS = {"he": "PERSON", "she": "PERSON", "they": "ANY", "it": "ORG", "we": "ANY"}
