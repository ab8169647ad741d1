"""Join the same statement as reported by several outlets, and show how the wording differs.

Two quotes join when their speakers are the same entity and one's words are mostly found
in the other's: verbatim copies, trimmed quotes and light rewordings ("When I get there,
you will know" / "I've got my programme there, and when I get there you'll know").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from newsweave.lexicon.function_words import CONTRACTIONS, THIN_WORDS
from newsweave.model import Quote

_WORD = re.compile(r"\w+")

MIN_CONTAINMENT = 0.6
MIN_SHARED_WORDS = 3


def quote_words(text: str) -> list[str]:
    """Lower-case words of a quote with contractions spelled out.

    Example:
        >>> quote_words("When I get there you’ll know")
        ['when', 'i', 'get', 'there', 'you', 'will', 'know']
    """
    text = unicodedata.normalize("NFKC", text).lower()
    for short, full in CONTRACTIONS.items():
        text = text.replace(short, full)
    return _WORD.findall(text)


def group_quotes(quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """``quotes`` with ``group`` set where outlets report the same statement.

    Quotes join in chains (a joins b, b joins c: one group); a group spans at least two
    articles and takes its id from its first quote.
    """
    import numpy as np
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    content = [set(quote_words(q.text)) - THIN_WORDS for q in quotes]
    by_speaker: dict[str, list[int]] = {}
    for i, q in enumerate(quotes):
        if q.speaker is not None and q.speaker.entity_id is not None and q.kind != "indirect":
            by_speaker.setdefault(q.speaker.entity_id, []).append(i)
    left: list[int] = []
    right: list[int] = []
    for members in by_speaker.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                if quotes[a].span.article_id == quotes[b].span.article_id:
                    continue
                shared = len(content[a] & content[b])
                smaller = min(len(content[a]), len(content[b]))
                if shared >= MIN_SHARED_WORDS and shared / smaller >= MIN_CONTAINMENT:
                    left.append(a)
                    right.append(b)
    n = len(quotes)
    links = sparse.coo_matrix((np.ones(len(left)), (left, right)), shape=(n, n))
    component = connected_components(links, directed=False)[1]
    clusters: dict[int, list[int]] = {}
    for i, c in enumerate(component.tolist()):
        clusters.setdefault(c, []).append(i)
    out = list(quotes)
    for members in clusters.values():
        if len({quotes[i].span.article_id for i in members}) < 2:
            continue
        group = "g-" + quotes[members[0]].id.removeprefix("q-")
        for i in members:
            out[i] = replace(quotes[i], group=group)
    return tuple(out)


def wording_differences(a: str, b: str) -> list[tuple[str, str]]:
    """The stretches of words where quote ``b`` differs from quote ``a``: (in a, in b).

    Example:
        >>> wording_differences("When I get there, you will know", "when I get there you'll know")
        []
        >>> wording_differences("a violation of resolutions", "in violation of resolutions")
        [('a', 'in')]
    """
    wa, wb = quote_words(a), quote_words(b)
    diffs = []
    matcher = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            diffs.append((" ".join(wa[i1:i2]), " ".join(wb[j1:j2])))
    return diffs
