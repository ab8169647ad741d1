"""Split an article into statements: its body sentences, long ones cut into their clauses.

A statement is the unit that facts are aligned on. A long sentence often states two things
("Kim arrived at Khasan station, where he met the minister"), and two reports rarely state
the same two together, so a clause with its own subject that runs to the sentence end
becomes its own statement. A statement that reports an expectation rather than an event
("could meet", "is expected to") is *hedged*.

Example:
    >>> from newsweave.model import Annotation, Article, Sentence, Span, Token
    >>> art = Article("a", "Wire", None, "Kim could meet Putin.")
    >>> tokens = (
    ...     Token(0, 3, "Kim", "PROPN", "nsubj", 2, 0),
    ...     Token(4, 9, "could", "AUX", "aux", 2, 0),
    ...     Token(10, 14, "meet", "VERB", "ROOT", 2, 0),
    ...     Token(15, 20, "Putin", "PROPN", "dobj", 2, 0),
    ...     Token(20, 21, ".", "PUNCT", "punct", 2, 0),
    ... )
    >>> split_statements(Annotation(art, (Sentence(Span("a", 0, 21), 0),), (), tokens))
    (Statement(span=Span(article_id='a', start=0, end=21), sentence=0, hedged=True),)
"""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.lexicon.function_words import CLAUSE_CONJUNCTIONS, RELATIVE_WORDS
from newsweave.lexicon.reporting import HEDGES, MODALS, SPEECH_VERBS
from newsweave.model import Annotation, Span, Statement, Token
from newsweave.nlp.parse import ParseIndex

MIN_SPLIT_TOKENS = 12  # a sentence shorter than this stays whole
MIN_CLAUSE_WORDS = 5  # each side of a split keeps at least this many words

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def split_statements(
    annotation: Annotation, parse: ParseIndex | None = None
) -> tuple[Statement, ...]:
    """The statements of one article: its body sentences, long ones split into clauses.

    A clause is split off when it has its own subject and runs to the end of the sentence:
    a coordinated main clause ("…, and Kim met Putin"), a non-restrictive relative clause
    ("…, where he met the minister") or a contrasting adverbial clause ("…, while Kim wants
    food"). Headlines are left out: they repeat what the body says.

    Args:
        annotation: one annotated article.
        parse: its parse index, when the caller has built one already.
    """
    parse = parse or ParseIndex(annotation)
    tokens = annotation.tokens
    out: list[Statement] = []
    for index, sentence in enumerate(annotation.sentences):
        if sentence.is_title:
            continue
        within = parse.tokens_in(sentence.span)
        for start, end in _clauses(parse, within):
            span = _trimmed_span(parse, start, end)
            if span is not None:
                out.append(Statement(span, index, _hedged(tokens[start:end])))
    return tuple(out)


def _clauses(parse: ParseIndex, sentence: range) -> list[tuple[int, int]]:
    """Token ranges of the clauses of the sentence made of the tokens ``sentence``."""
    lo, hi = sentence.start, sentence.stop
    if hi - lo < MIN_SPLIT_TOKENS:
        return [(lo, hi)]
    tokens = parse.tokens
    end = hi
    while end > lo and tokens[end - 1].pos == "PUNCT":
        end -= 1
    bounds: list[int] = []
    for i in sentence:
        if _starts_clause(parse, i, sentence, end):
            bounds.append(parse.subtree(i, sentence)[0])
    ranges: list[tuple[int, int]] = []
    start = lo
    for b in sorted(set(bounds)):
        if (
            _words(tokens, start, b) >= MIN_CLAUSE_WORDS
            and _words(tokens, b, hi) >= MIN_CLAUSE_WORDS
        ):
            ranges.append((start, b))
            start = b
    ranges.append((start, hi))
    return ranges


def _starts_clause(parse: ParseIndex, i: int, sentence: range, end: int) -> bool:
    """Whether token ``i`` heads a clause to split off: it runs to the sentence's last word
    (``end`` is past it) and is one of the three kinds of clause that state something of
    their own."""
    tokens = parse.tokens
    tok = tokens[i]
    kids = parse.children(i, sentence)
    first, last = parse.subtree(i, sentence)
    if last + 1 < end:
        return False
    own_subject = any(tokens[k].dep in _SUBJECTS for k in kids)
    if tok.lemma.lower() in SPEECH_VERBS and not any(
        tokens[k].dep in {"ccomp", "xcomp"} for k in kids
    ):
        return False  # "…, which cited Flightradar24": who says it, said of the clause before
    if tok.dep == "conj":  # "…, and police closed the road"
        return tok.pos in {"VERB", "AUX"} and own_subject
    if tok.dep == "relcl":  # "…, where he met the minister", not "the man who came"
        return tokens[first].lemma.lower() in RELATIVE_WORDS and tokens[first - 1].pos == "PUNCT"
    if tok.dep == "advcl":  # "…, while Kim wants food"
        return own_subject and any(
            tokens[k].dep == "mark" and tokens[k].lemma.lower() in CLAUSE_CONJUNCTIONS for k in kids
        )
    return False


def _words(tokens: Sequence[Token], lo: int, hi: int) -> int:
    return sum(tokens[i].pos not in {"PUNCT", "SPACE"} for i in range(lo, hi))


def _trimmed_span(parse: ParseIndex, lo: int, hi: int) -> Span | None:
    """The clause ``tokens[lo:hi]`` as a span, without the joints around it."""
    tokens, text = parse.tokens, parse.text
    # ", and", ", where": the joint belongs to neither clause's text.
    while lo < hi and tokens[lo].pos in {"PUNCT", "CCONJ", "SPACE"}:
        lo += 1
    while hi > lo and (
        tokens[hi - 1].pos in {"CCONJ", "SPACE"}
        or (tokens[hi - 1].pos == "PUNCT" and text[tokens[hi - 1].start] in ",;:—–-")
    ):
        hi -= 1
    if hi <= lo:
        return None
    return Span(parse.annotation.article.id, tokens[lo].start, tokens[hi - 1].end)


def _hedged(tokens: Sequence[Token]) -> bool:
    """Whether a clause reports an expectation: a modal ("could meet") or a hedge word
    ("is expected to", "possible")."""
    for tok in tokens:
        lemma = tok.lemma.lower()
        if (tok.pos == "AUX" or tok.dep == "aux") and lemma in MODALS:
            return True
        if lemma in HEDGES:
            return True
    return False
