"""support: numbers, names, negation and content words of a sentence against its evidence."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsweave.model import Briefing
from newsweave.summary.support import CONTENT_SHARE, check_support

EVIDENCE = [
    "Nine people died in the fire in Vessmark on Monday, police said.",
    "The ferry company paid 1,500 euros to each of the 2.5 percent of passengers delayed.",
]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Nine people died in the Vessmark fire on Monday.", None),
        ("9 people died in the Vessmark fire on Monday.", None),
        ("Twelve people died in the Vessmark fire.", "number 12 not in its evidence"),
        ("Nine people died in the fire, and 40 were hurt.", "number 40 not in its evidence"),
        ("The ferry company paid 1500 euros to delayed passengers.", None),
        ("The ferry company paid 1,600 euros to delayed passengers.", "number 1600"),
        ("The company paid delayed passengers, 2.50% of them, 1,500 euros.", None),
        ("The company paid delayed passengers, 3.5% of them, 1,500 euros.", "number 3.5"),
    ],
)
def test_numbers_must_stand_in_the_evidence(sentence: str, reason: str | None) -> None:
    found = check_support(sentence, EVIDENCE)
    if reason is None:
        assert found is None, found
    else:
        assert found is not None
        assert found.startswith(reason), found


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Police said nine people died in Vessmark.", None),
        ("Police in Vessmark's harbour said nine people died.", None),  # a possessive
        ("Nine people died in the fire in Vessmark, Tova Lind said.", "name 'Tova Lind'"),
        ("Nine people died in the fire in Oslo on Monday.", "name 'Oslo'"),
        ("Nine people died in the fire on Monday in Vessmark.", None),
        ("Nine people died in the fire on Tuesday in Vessmark.", "name 'Tuesday'"),
    ],
)
def test_names_must_stand_in_the_evidence(sentence: str, reason: str | None) -> None:
    found = check_support(sentence, EVIDENCE[:1])
    assert found is None if reason is None else (found or "").startswith(reason), found


def test_names_forgive_spelling_of_hyphens_case_and_demonyms() -> None:
    evidence = ["North Korea’s Kim Jong-un has arrived in Russia by train to meet Vladimir Putin."]
    assert check_support("Kim Jong Un has arrived in Russia by train.", evidence) is None
    assert (
        check_support("North Korean leader Kim Jong-un arrived in Russia by train.", evidence)
        is None
    )
    assert check_support("KIM JONG-UN has arrived in RUSSIA by train.", evidence) is None
    assert check_support("Kim Jong-un has arrived in Ukraine by train.", evidence) == (
        "name 'Ukraine' not in its evidence"
    )


def test_negation_must_agree_with_the_evidence() -> None:
    plain = ["The bridge reopened to traffic on Friday after repairs."]
    negated = ["The bridge has not reopened to traffic after repairs."]
    assert check_support("The bridge did not reopen to traffic.", plain) == (
        "says 'not' but its evidence does not"
    )
    assert check_support("The bridge hasn't reopened to traffic.", plain) == (
        "says 'hasn't' but its evidence does not"
    )
    assert check_support("The bridge has reopened to traffic after repairs.", negated) == (
        "its evidence says 'not' but the sentence does not"
    )
    assert check_support("The bridge has not reopened after repairs.", negated) is None
    # A negation in another cited sentence does not spoil a sentence that matches one without.
    both = [*negated, "Nine people died in the fire in Vessmark on Monday."]
    assert check_support("Nine people died in the Vessmark fire on Monday.", both) is None


def test_most_content_words_must_stand_in_the_evidence() -> None:
    evidence = ["Firefighters fought the blaze in the harbour for many hours before dawn."]
    assert check_support("Firefighters fought the harbour blazes for hours.", evidence) is None
    found = check_support("Firefighters blamed arson, sabotage and faulty wiring for it.", evidence)
    assert found == "only 1 of 6 content words in its evidence"
    assert CONTENT_SHARE >= 0.6


def test_nothing_to_check_against_rejects() -> None:
    assert check_support("Nine people died.", []) == "no evidence"
    assert check_support("Nine people died.", ["  "]) == "no evidence"


VOCABULARY = st.sampled_from(
    [
        "the",
        "fire",
        "harbour",
        "burned",
        "people",
        "died",
        "not",
        "never",
        "Vessmark",
        "Tova",
        "Lind",
        "Monday",
        "nine",
        "twelve",
        "12",
        "1,500",
        "2.5",
        "40%",
        "ferry's",
        "Kim",
        "Jong-un",
        "reopened",
        "didn't",
    ]
)
SENTENCES = st.lists(VOCABULARY, min_size=1, max_size=14).map(lambda ws: " ".join(ws) + ".")


@given(st.lists(SENTENCES, min_size=1, max_size=4), st.data())
def test_a_verbatim_evidence_sentence_is_supported(
    evidence: list[str], data: st.DataObject
) -> None:
    sentence = data.draw(st.sampled_from(evidence))
    assert check_support(sentence, evidence) is None


@given(st.lists(SENTENCES, min_size=1, max_size=4), st.integers(1000, 10**7), st.data())
def test_a_number_absent_from_the_evidence_is_rejected(
    evidence: list[str], number: int, data: st.DataObject
) -> None:
    # the vocabulary writes numbers too ("1,500"): the one added must be new to the evidence
    assume(not any(f"{number:,}" in e or str(number) in e for e in evidence))
    sentence = data.draw(st.sampled_from(evidence)).rstrip(".") + f" and {number} more."
    assert check_support(sentence, evidence) == f"number {number} not in its evidence"


@given(st.text(max_size=300), st.lists(st.text(max_size=300), max_size=3))
def test_the_support_check_takes_any_text(sentence: str, evidence: list[str]) -> None:
    found = check_support(sentence, evidence)
    assert found is None or (isinstance(found, str) and found)


@pytest.mark.seeds
def test_the_extractive_summary_passes_the_check(seed_briefing: Briefing) -> None:
    """No false rejections on near-verbatim text: each sentence of the extractive summary
    is supported by the outlet sentence it was cut from."""
    articles = {a.id: a for a in seed_briefing.articles}
    extracted = [s for s in seed_briefing.summary if not s.text.startswith("Outlets differ")]
    failed = [
        (s.text, reason)
        for s in extracted
        if (
            reason := check_support(
                s.text, [s.evidence[0].text(articles[s.evidence[0].article_id])]
            )
        )
    ]
    print(f"extractive sentences supported: {len(extracted) - len(failed)}/{len(extracted)}")
    assert extracted
    assert not failed
