"""Whether something happened, compared across the story: what one outlet affirms and
another denies.

Each statement's main predicate is read with its polarity (:mod:`newsweave.facts.details`:
"did not survive", "none of the women were pregnant", "he denied that a rope was used") and
what it is said of (:mod:`newsweave.facts.claims`: the subject's noun). Two outlets that say
the same predicate of the same noun (and of the same object, where the verb has one: "did
not visit Vladivostok" is no answer to "visited Khasan") with opposite polarity disagree,
wherever alignment put their sentences: "one of the women was pregnant" and "none of the
women were pregnant". A predicate said of no noun (a pronoun, no subject) is compared only
inside aligned facts.

Example:
    >>> from newsweave.facts.claims import Claim
    >>> from newsweave.facts.stated import StatedDetail
    >>> from newsweave.model import Span
    >>> def says(article, key):
    ...     d = StatedDetail("negation", "pregnant", key, key, Span(article, 0, 8))
    ...     return Claim(d, "negation:pregnant:woman", Span(article, 0, 30))
    >>> (group,) = disputed_polarities([says("a", "pos"), says("b", "neg")])
    >>> [(v.value, v.article_ids) for v in polarity_variants(group)]
    [('pos', ('a',)), ('neg', ('b',))]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsweave.facts.claims import Claim
from newsweave.model import Variant


def disputed_polarities(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Groups of claims that say one predicate of one noun with opposite polarity in two
    articles, in the order first found. An article that says it both ways is left out."""
    by_measure: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.detail.detail == "negation" and c.measure.split(":")[2:3] != [""]:
            by_measure[c.measure].append(c)
    out = []
    for group in by_measure.values():
        keys: dict[str, set[str]] = defaultdict(set)
        for c in group:
            keys[c.article_id].add(c.detail.key)
        clear = [c for c in group if len(keys[c.article_id]) == 1]
        said: dict[str, set[str]] = {c.detail.key: set() for c in clear}
        for c in clear:
            said[c.detail.key].add(c.article_id)
        if len(said) > 1:
            out.append(clear)
    return out


def polarity_variants(group: Sequence[Claim]) -> list[Variant]:
    """One ``conflict`` variant per polarity, with the articles and words that give it."""
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for c in sorted(group, key=lambda c: (c.article_id, c.detail.span.start)):
        by_key[c.detail.key].append(c)
    return [
        Variant(
            cs[0].detail.value,
            tuple(dict.fromkeys(c.article_id for c in cs)),
            "conflict",
            "negation",
            cs[0].detail.about,
            tuple(c.detail.span for c in cs),
        )
        for cs in by_key.values()
    ]
