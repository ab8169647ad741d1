"""What a candidate summary sentence is ranked by: outlets, their agreement, the story's echo
of it, how central its words are, names and numbers, length and depth in the reports.

The weights were set on Multi-News validation (docs/summary.md).

Example:
    >>> f = Features(outlets=3, agreement=1.5, echo=0.4, centrality=0.5, informative=0.2,
    ...              size=20, top=0.1)
    >>> round(f.score(), 2)
    6.3
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.model import Article, Span
from newsweave.nlp.sentences import SentenceIndex
from newsweave.summary.wording import content_words

W_OUTLETS = 1.0
W_AGREEMENT = 1.0
AGREEMENT_CAP = 2.0
W_ECHO = 3.0
W_CENTRALITY = 2.0
W_INFORMATIVE = 1.0
SIZE_SCALE = 40.0
W_TOP = 1.0


@dataclass(frozen=True, slots=True)
class Features:
    """What a candidate sentence is ranked by (higher ``score`` is chosen first)."""

    outlets: int  # articles the aligned fact rests on
    agreement: float  # how much of the sentence the other outlets' evidence repeats
    echo: float  # how much of it the other articles say anywhere (alignment aside)
    centrality: float  # how widely the story's articles use its words
    informative: float  # names and numbers per word
    size: int  # words
    top: float  # where the fact first stands in a report, 0 (top) to 1

    def score(self) -> float:
        return (
            W_OUTLETS * min(self.outlets, 3)
            + W_AGREEMENT * min(self.agreement, AGREEMENT_CAP)
            + W_ECHO * self.echo
            + W_CENTRALITY * self.centrality
            + W_INFORMATIVE * self.informative
            - self.size / SIZE_SCALE
            - W_TOP * self.top
        )


def agreement(
    text: str,
    own: str,
    support: Sequence[Span],
    articles: dict[str, Article],
    sentences: SentenceIndex,
) -> float:
    """Summed over the other outlets of a fact, the share of ``text``'s content words that
    the outlet's closest evidence sentence also uses: how well the outlets agree on it."""
    found = content_words(text)
    if not found:
        return 0.0
    best: dict[str, float] = {}
    for span in support:
        article = articles.get(span.article_id)
        if article is None or span.article_id == own:
            continue
        said = content_words(sentences.around(span).text(article))
        best[span.article_id] = max(best.get(span.article_id, 0.0), len(found & said) / len(found))
    return sum(best.values())


class Echo:
    """The story's sentences as content-word sets, to ask how much of a sentence the other
    articles say somewhere, whether or not alignment paired them (LexRank's intuition,
    counted per outlet)."""

    def __init__(self, articles: Sequence[Article], sentences: SentenceIndex) -> None:
        self.vocabulary: dict[str, int] = {}
        rows: list[list[int]] = []
        owners: list[str] = []
        for article in articles:
            for span in sentences.body(article.id):
                found = content_words(span.text(article))
                if found:
                    rows.append([self._index(w) for w in found])
                    owners.append(article.id)
        self.owners = owners
        self.rows = rows
        self.articles = frozenset(owners)

    def _index(self, word: str) -> int:
        return self.vocabulary.setdefault(word, len(self.vocabulary))

    def of(self, text: str, own: str) -> float:
        """The mean over the other articles of their best cosine (content words, binary)
        with ``text``: 0 when none says any of it, 1 when each has it word for word."""
        found = {self.vocabulary[w] for w in content_words(text) if w in self.vocabulary}
        if not found:
            return 0.0
        best: dict[str, float] = {}
        for owner, row in zip(self.owners, self.rows, strict=True):
            if owner == own:
                continue
            shared = len(found.intersection(row))
            if shared:
                cosine = shared / (len(found) * len(row)) ** 0.5
                if cosine > best.get(owner, 0.0):
                    best[owner] = cosine
        others = len(self.articles - {own})
        return sum(best.values()) / others if others else 0.0


def spread(articles: Sequence[Article]) -> dict[str, float]:
    """Each content word's share of the story's articles that use it."""
    counts: Counter[str] = Counter()
    for a in articles:
        counts.update(content_words(f"{a.title or ''} {a.text}"))
    n = max(1, len(articles))
    return {w: c / n for w, c in counts.items()}


def centrality(text: str, spread: dict[str, float]) -> float:
    """The mean share of articles that use the content words of ``text``."""
    found = content_words(text)
    return sum(spread.get(w, 0.0) for w in found) / len(found) if found else 0.0
