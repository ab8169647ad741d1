"""Verbs of saying, and the words that make a statement an expectation rather than a report.

Example:
    >>> "say" in REPORTING_VERBS and REPORTING_VERBS <= SPEECH_VERBS
    True
"""

from __future__ import annotations

# Lemmas of the verbs that report speech rather than colour it: the subject of "said" is the
# source, and what was said, not the saying, is the news.
REPORTING_VERBS = frozenset(
    "say tell report add state announce confirm quote write claim declare".split()
)
# Lemmas of every verb that attributes speech: the reporting verbs, those that colour it
# ("warned", "insisted", "dismissed") and those of “…,” he began / the crowd yelled.
SPEECH_VERBS = REPORTING_VERBS | frozenset(
    """
    warn urge insist explain note argue stress suggest ask reply respond tweet acknowledge
    admit deny describe characterise characterize call comment predict promise vow threaten
    caution remind assert allege complain conclude concede speak pledge demand accuse dismiss
    label dub term cite recall begin continue yell shout scream chant exclaim joke quip post
    proclaim recount text email whisper plead read mention condemn deplore
    """.split()
)
# Speech verbs that introduce a quotation but not reported speech: "asked whether",
# "began to", "called it", "urged them to" take no "that"-clause of what was said.
QUOTING_ONLY_VERBS = frozenset(
    """
    accuse ask begin call chant characterise characterize cite comment complain condemn
    continue demand deplore describe dismiss dub email exclaim joke label plead pledge post
    proclaim quip quote
    read recall recount remind reply respond scream shout speak term text tweet urge whisper
    write yell
    """.split()
)
# Inflected forms of the commonest reporting verbs, for word-level (unlemmatised) lists.
REPORTING_FORMS = frozenset("said says say saying told tells according reported reports".split())

# Modal auxiliaries: "could meet", "would travel" report an expectation, not an event.
MODALS = frozenset("could would may might will shall should".split())
# Lemmas that make a clause an expectation: "is expected to", "plans to", "possible venue".
HEDGES = frozenset(
    """
    expect likely possible possibly probably plan intend schedule anticipate due perhaps maybe
    believe
    """.split()
)
# The future auxiliary, as lemma or as written when the tagger left it unlemmatised ("wo").
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
# Heads whose complement lies ahead: "is expected to meet on Wednesday", "plans to visit".
FUTURE_HEADS = frozenset(
    """
    expect plan schedule set due intend aim hope prepare promise vow pledge agree decide
    threaten propose likely go want seek wish anticipate tip
    """.split()
)
# Modifiers that put a noun ahead in time: "ahead of expected talks", "the upcoming vote".
FUTURE_MARKS = frozenset(
    """
    expect expected plan planned schedule scheduled upcoming forthcoming propose proposed
    possible potential likely ahead due next coming future anticipated
    """.split()
)
# Verbs that report the opposite of what follows them: "he denied that a rope was used"
# says no rope was used.
DENIAL_VERBS = frozenset("deny dispute reject refute dismiss".split())
# Verbs that pass on a belief about what follows them: "she is understood to have been
# pregnant" says, hedged, that she was.
BELIEF_VERBS = frozenset("understand believe think allege suspect fear presume".split())
# Words that say something is not known: "it is unclear why", "no idea whether", "it was
# not known how many" (the last two with their negation).
UNKNOWN_WORDS = frozenset("unclear unknown uncertain unconfirmed unverified".split())
KNOWING_WORDS = frozenset("know clear sure certain idea confirm".split())
# Words that open the question left unanswered: "unclear *why* …", "no idea *whether* …".
QUESTION_WORDS = frozenset("whether if why how what who where when which".split())
