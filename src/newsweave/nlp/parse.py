"""One article's parse, indexed for the rules that walk it: tokens by offset, children, subtrees.

Annotation keeps the parse as plain :class:`~newsweave.model.Token` records, heads as
indices. Every stage that walks the tree (statements, details, tenses, timeline clauses,
quote attribution) asks the same questions of it, answered here once.

Example:
    >>> from newsweave.model import Annotation, Article, Sentence, Span, Token
    >>> art = Article("a", "Wire", None, "Kim met Putin.")
    >>> tokens = (
    ...     Token(0, 3, "Kim", "PROPN", "nsubj", 1, 0),
    ...     Token(4, 7, "meet", "VERB", "ROOT", 1, 0),
    ...     Token(8, 13, "Putin", "PROPN", "dobj", 1, 0),
    ...     Token(13, 14, ".", "PUNCT", "punct", 1, 0),
    ... )
    >>> parse = ParseIndex(Annotation(art, (Sentence(Span("a", 0, 14), 0),), (), tokens))
    >>> parse.token_at(9), parse.dependents(1, "dobj"), parse.subtree(1)
    (2, [2], (0, 3))
    >>> list(parse.up(2)), list(parse.up(2, 1))
    ([2, 1], [2])
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from newsweave.model import Annotation, Span, Token


class ParseIndex:
    """The tokens of one :class:`~newsweave.model.Annotation`, indexed by offset and by head.

    Token positions are indices into ``annotation.tokens``. Offsets are into the article's
    original text.
    """

    __slots__ = ("_children", "annotation", "starts")

    def __init__(self, annotation: Annotation) -> None:
        self.annotation = annotation
        tokens = annotation.tokens
        self.starts = [t.start for t in tokens]
        children: list[list[int]] = [[] for _ in tokens]
        for i, tok in enumerate(tokens):
            if tok.head != i:
                children[tok.head].append(i)
        self._children = children

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.annotation.tokens

    @property
    def text(self) -> str:
        return self.annotation.article.text

    def token_at(self, offset: int) -> int | None:
        """The token covering character ``offset``, or None between tokens."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return i
        return None

    def tokens_between(self, start: int, end: int) -> range:
        """The tokens that start at or after ``start`` and before ``end``."""
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def tokens_in(self, span: Span) -> range:
        """The tokens that start inside ``span``."""
        return self.tokens_between(span.start, span.end)

    def word(self, i: int) -> str:
        """Token ``i`` as written."""
        tok = self.tokens[i]
        return self.text[tok.start : tok.end]

    def children(self, i: int, within: range | None = None) -> list[int]:
        """The tokens whose head is ``i`` (``i`` itself never), only those ``within`` a
        stretch of tokens when given (a clause, say)."""
        kids = self._children[i]
        return kids if within is None else [k for k in kids if k in within]

    def dependents(self, i: int, *deps: str) -> list[int]:
        """The children of ``i`` attached by one of the dependency labels ``deps``."""
        return [c for c in self._children[i] if self.tokens[c].dep in deps]

    def subtree(self, i: int, within: range | None = None) -> tuple[int, int]:
        """The first and last token (inclusive) of the subtree headed by ``i``."""
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(self.children(j, within))
        return lo, hi

    def up(self, i: int, steps: int | None = None) -> Iterator[int]:
        """Token ``i``, then its head, its head's head …, up to the root: the path a rule
        climbs ("the verb a date hangs on"), each with its own stop condition.

        Args:
            i: the token the walk starts at, yielded first.
            steps: the most tokens yielded, ``i`` included; None for the whole path.
        """
        tokens = self.tokens
        for _ in range(len(tokens) if steps is None else steps):
            yield i
            head = tokens[i].head
            if head == i:
                return
            i = head

    def paragraph(self, i: int) -> int:
        """The paragraph (kept block) that token ``i`` stands in."""
        return self.annotation.sentences[self.tokens[i].sentence].paragraph
