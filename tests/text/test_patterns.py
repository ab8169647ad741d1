"""alternatives: a word list as a regex alternation, escaped, longest first, whatever the
list's order."""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

from newsweave.text.patterns import alternatives


def test_words_are_escaped_but_spaces_stay_readable() -> None:
    assert alternatives(["u.s.", "a+b", "new york"]) == r"new york|u\.s\.|a\+b"
    assert re.fullmatch(alternatives(["u.s."]), "uxsx") is None


def test_longer_words_come_first_so_the_longest_matches() -> None:
    assert alternatives(["sep", "sept", "september"]) == "september|sept|sep"
    assert re.match(alternatives(["sep", "sept"]), "sept.")[0] == "sept"  # type: ignore[index]


def test_duplicates_collapse() -> None:
    assert alternatives(["may", "may", "june"]) == "june|may"


@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=8), st.randoms())
def test_the_order_of_the_list_does_not_matter(words: list[str], rnd: random.Random) -> None:
    shuffled = list(words)
    rnd.shuffle(shuffled)
    pattern = alternatives(words)
    assert pattern == alternatives(shuffled)
    for word in words:
        assert re.fullmatch(f"(?:{pattern})", word)
