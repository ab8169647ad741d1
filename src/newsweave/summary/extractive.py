"""A cited summary of a briefing: sentences the outlets wrote, chosen over the aligned facts.

Extractive by design. Each fact's evidence sentences are the candidates; the chosen one
may be lightly compressed (a trailing "…, officials said" or a leading "According to …,"
dropped), but every word in it is the outlet's. Selection runs in this order:

1. facts several outlets report. They are ranked by a score that adds: the outlets (three
   or more count alike); how well they agree on the sentence (the share of its content
   words each other outlet's evidence repeats, summed); how much of it the other articles
   say anywhere, aligned or not (the mean of each article's best sentence cosine: LexRank's
   intuition, counted per outlet); how widely the story uses its words; names and numbers
   per word; less its length and its depth in the reports (news puts what matters first);
2. disputes, as "Outlets differ on …" with each value and the outlets that give it;
3. facts only one outlet reports, by the same score, while the summary is short of
   ``AIM_WORDS``.

A candidate that repeats much of a sentence already chosen (content words) is skipped,
and selection stops at ``max_words``. The chosen sentences are then shown in the
timeline's order: by the day of the timeline event they support, undated ones on the
story's own day, and within a day as they stand in the reports. Background (events a month
or more before the story's day) follows the story, and disputes come last. Sentences an LLM
wrote (``given``, see ``writer.py``) open the summary when there are any.

Example:
    >>> from newsweave.model import Article, Briefing, Fact, Span, Story
    >>> text = "A quake hit Vessmark on Monday, officials said. Nine people died."
    >>> arts = tuple(Article(i, s, "Quake", text) for i, s in (("a", "Wire"), ("b", "Post")))
    >>> spans = (Span("a", 0, 47), Span("b", 0, 47))
    >>> facts = (Fact("f1", "A quake hit Vessmark", "shared", spans),)
    >>> b = Briefing(Story("s", "Quake", ("a", "b")), arts, facts=facts)
    >>> [(s.text, s.article_ids) for s in summarize(b, min_words=1)]
    [('A quake hit Vessmark on Monday.', ('a', 'b'))]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.lexicon.calendar import MONTH_ABBREVIATIONS
from newsweave.lexicon.function_words import ABBREVIATIONS, FUNCTION_WORDS, NEGATIONS
from newsweave.lexicon.people import ABBREVIATED_TITLES, HONORIFICS, NAME_SUFFIXES
from newsweave.lexicon.reporting import MODALS, REPORTING_FORMS
from newsweave.model import (
    Article,
    Briefing,
    Event,
    Fact,
    Span,
    SummaryOrigin,
    SummarySentence,
)

MIN_WORDS = 120  # the shortest summary a story with enough facts gets
MAX_WORDS = 250
AIM_WORDS = 250  # single-outlet facts fill up to this (tuned on Multi-News validation)
SENTENCE_WORDS = (6, 50)  # evidence sentences outside this many words are not candidates
REDUNDANT = 0.35  # share of a candidate's content words already said that skips it
MAX_DISPUTES = 2
# Ranking weights (docs/summary.md; set on Multi-News validation).
W_OUTLETS = 1.0
W_AGREEMENT = 1.0
AGREEMENT_CAP = 2.0
W_ECHO = 3.0
W_CENTRALITY = 2.0
W_INFORMATIVE = 1.0
SIZE_SCALE = 40.0
W_TOP = 1.0
BACKGROUND_DAYS = 30  # events this long before the story's day are shown after it
SENTENCE_CHARS = 600  # a sentence is looked for this far around its evidence

_END = re.compile(r"[.!?][\"”’)]*(?=\s|$)")
# Titles before a name: a full stop after one ("Sgt.") ends no sentence.
_TITLES = HONORIFICS | ABBREVIATED_TITLES
# A period after these (or after a lone capital, "J.", or inside "U.S.") ends no sentence.
_ABBREVIATIONS = _TITLES | NAME_SUFFIXES | MONTH_ABBREVIATIONS | ABBREVIATIONS
# Words that carry no content of their own; a negation does ("not" turns a sentence around).
_STOP = (FUNCTION_WORDS | MODALS | REPORTING_FORMS) - NEGATIONS
_WORD = re.compile(r"[^\W_][\w'’-]*")
_ATTRIBUTION_VERBS = r"(?:said|says|added|reported|announced|told [\w .'’-]{1,40})"
_TRAILING = [
    # "…, officials said." / "…, the ministry told reporters on Monday."
    re.compile(
        r",\s*(?:[\w.'’-]+\s+){0,6}?" + _ATTRIBUTION_VERBS + r"(?:\s+on\s+\w+)?\s*(?P<end>[.!?])$"
    ),
    # "…, said Tova Lind, the mayor."
    re.compile(
        r",\s*(?:said|says|reported|according to)\s+[^,;:]{1,60}(?:,[^,;:]{1,40})?"
        r"\s*(?P<end>[.!?])$"
    ),
]
_LEADING = re.compile(r"^(?:According to [^,]{1,80},|In a statement,|But|And|So|Yet)\s+")


@dataclass(frozen=True, slots=True)
class _Candidate:
    text: str
    article_ids: tuple[str, ...]
    evidence: tuple[Span, ...]
    tier: int  # -1 given (an LLM's), 0 reported by several outlets, 1 a dispute, 2 one outlet
    rank: tuple[float, str]  # lower is chosen first within a tier
    day: int  # ordinal day it is shown at
    position: float  # where it stands in its report, 0 (top) to 1
    fact: Fact | None = None  # the fact it states (none for a given sentence)


def summarize(
    briefing: Briefing,
    *,
    min_words: int = AIM_WORDS,
    max_words: int = MAX_WORDS,
    given: Sequence[SummarySentence] = (),
) -> tuple[SummarySentence, ...]:
    """A summary of ``briefing`` of at most ``max_words`` words, every sentence cited.

    ``min_words`` is the length it aims for: below it, facts from one outlet are added
    too, the most central first; a story with little to say gives a shorter summary
    rather than a padded one. Filling to 250 rather than 120 raised ROUGE-2 on
    Multi-News validation from 12.7 to 13.2 (see docs/summary.md).

    ``given`` sentences (an LLM's, already checked against their evidence) open the
    summary in their own order; the outlets' sentences then add what they do not say.
    """
    context = _Context.of(briefing)
    candidates = [
        _Candidate(g.text, g.article_ids, g.evidence, -1, (float(i), g.text), 0, i)
        for i, g in enumerate(given)
        if g.evidence
    ]
    candidates += _fact_candidates(briefing, context)
    ranked = sorted(candidates, key=lambda c: (c.tier, c.rank))
    # Disputes are chosen after the consensus, but their room is held from the start: a
    # story whose consensus would fill the budget still says where its outlets differ.
    held = _Picked(max_words)
    for c in ranked:
        if c.tier == 1 and len(held.chosen) < MAX_DISPUTES:
            held.add(c)
    picked = _Picked(max_words)
    disputes = 0
    for c in ranked:
        picked.max_words = max_words - held.words if c.tier == 0 else max_words
        if c.tier == 2 and picked.words >= min_words:
            break
        if c.tier == 1 and disputes >= MAX_DISPUTES:
            continue
        if picked.add(c):
            disputes += c.tier == 1
    story_day = context.story_day

    def order(c: _Candidate) -> tuple[bool, bool, bool, int, float, str]:
        # Given sentences as given; then the story, in the timeline's order; then its
        # background (events dated a month or more before the reports), also in order;
        # the disputes close it.
        background = bool(story_day) and c.day < story_day - BACKGROUND_DAYS
        return (c.tier == 1, c.tier != -1, background, c.day, c.position, c.text)

    chosen = sorted(picked.chosen, key=order)
    return tuple(
        SummarySentence(c.text, c.article_ids, c.evidence, _ORIGINS[c.tier]) for c in chosen
    )


_ORIGINS: dict[int, SummaryOrigin] = {-1: "model", 0: "outlet", 1: "dispute", 2: "outlet"}


class _Picked:
    """The sentences chosen so far, refusing one over the budget or mostly said already."""

    def __init__(self, max_words: int) -> None:
        self.max_words = max_words
        self.chosen: list[_Candidate] = []
        self.said: list[set[str]] = []
        self.used: set[Span] = set()
        self.words = 0

    def add(self, c: _Candidate) -> bool:
        size = len(_WORD.findall(c.text))
        if self.words + size > self.max_words:
            return False
        content = _content(c.text)
        if c.tier != -1:  # given sentences were checked already
            if not content or any(len(content & s) > REDUNDANT * len(content) for s in self.said):
                return False
            if c.tier != 1 and c.evidence[0] in self.used:
                return False  # two clauses of one sentence: the sentence is said once
        self.used.update(c.evidence if c.tier == -1 else c.evidence[:1])
        self.chosen.append(c)
        self.said.append(content)
        self.words += size
        return True


def ranked_sentences(briefing: Briefing) -> list[tuple[Fact, Span]]:
    """Each fact with the span of the sentence the summary would take for it, best first:
    the facts several outlets report, then those one outlet reports, each by the ranking
    ``summarize`` uses. Facts without a usable sentence are left out."""
    candidates = _fact_candidates(briefing, _Context.of(briefing))
    ranked = sorted(candidates, key=lambda c: (c.tier, c.rank))
    return [(c.fact, c.evidence[0]) for c in ranked if c.tier != 1 and c.fact is not None]


def _fact_candidates(briefing: Briefing, context: _Context) -> list[_Candidate]:
    """A candidate for each fact that has a usable sentence, and one for each dispute."""
    articles = {a.id: a for a in briefing.articles}
    candidates: list[_Candidate] = []
    for fact in briefing.facts:
        found = _fact_candidate(fact, articles, context)
        if found is not None:
            candidates.append(found)
        if fact.disputed:
            # A dispute ranks as its fact would: where outlets differ on what matters most.
            rank = found.rank[0] if found is not None else 0.0
            dispute = _dispute_candidate(fact, articles, context, rank)
            if dispute is not None:
                candidates.append(dispute)
    return candidates


def word_count(summary: Sequence[SummarySentence]) -> int:
    """Words in ``summary``, counted as the limits count them."""
    return sum(len(_WORD.findall(s.text)) for s in summary)


def compress(sentence: str) -> str:
    """``sentence`` without a trailing attribution, or a leading "According to …," or
    conjunction ("But", "And") that leans on the sentence before.

    Example:
        >>> compress("The bridge will reopen on Friday, the transport ministry said.")
        'The bridge will reopen on Friday.'
        >>> compress("According to the mayor, nine people died in the fire on the quay.")
        'Nine people died in the fire on the quay.'
    """
    text = " ".join(sentence.split())
    if text[:1] in "\"“'‘":
        return text  # a quotation keeps its attribution
    for pattern in _TRAILING:
        m = pattern.search(text)
        if m and len(_WORD.findall(text[: m.start()])) >= SENTENCE_WORDS[0]:
            text = text[: m.start()] + m.group("end")
            break
    m = _LEADING.match(text)
    if m and len(_WORD.findall(text[m.end() :])) >= SENTENCE_WORDS[0]:
        rest = text[m.end() :]
        text = rest[:1].upper() + rest[1:]
    return text


def sentence_around(article: Article, span: Span) -> Span:
    """The sentence of ``article`` that holds ``span``: out to the nearest sentence ends
    or line breaks, at most ``SENTENCE_CHARS`` either side.

    Example:
        >>> a = Article("a", "s", None, "Rain fell. The river rose by a metre. Roads shut.")
        >>> sentence_around(a, Span("a", 15, 24)).text(a)
        'The river rose by a metre.'
    """
    text = article.text
    lo = max(0, span.start - SENTENCE_CHARS)
    before = text[lo : span.start]
    cuts = [m.end() for m in _END.finditer(before) if _ends(before, m)]
    cuts.append(before.rfind("\n") + 1)
    cut = max(cuts)
    start = lo + cut if cut > 0 or lo == 0 else span.start
    from_ = max(span.start, span.end - 1)
    after = text[from_ : span.end + SENTENCE_CHARS]
    m = next((m for m in _END.finditer(after) if _ends(after, m)), None)
    stop = m.end() if m is not None else len(after)
    if "\n" in after[:stop]:
        stop = after.index("\n")
    end = max(span.end, from_ + stop)
    while start < end and text[start].isspace():
        start += 1
    return Span(span.article_id, start, end)


def _ends(text: str, m: re.Match[str]) -> bool:
    """Whether the end mark ``m`` in ``text`` ends a sentence, not an abbreviation."""
    if text[m.start()] != ".":
        return True
    word = text[max(0, m.start() - 12) : m.start()].split()[-1:] or [""]
    token = word[0].lstrip("(\"“‘'").lower()
    return not (token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()))


@dataclass(frozen=True, slots=True)
class _Context:
    """What every candidate of one briefing is ranked against."""

    spread: dict[str, float]
    story_day: int
    days: dict[Span, int]
    echo: _Echo

    @classmethod
    def of(cls, briefing: Briefing) -> _Context:
        return cls(
            _spread(briefing.articles),
            _story_day(briefing.articles),
            _event_days(briefing.timeline),
            _Echo(briefing.articles),
        )


def _fact_candidate(
    fact: Fact, articles: dict[str, Article], context: _Context
) -> _Candidate | None:
    options: list[tuple[int, float, str, Span]] = []
    for span in fact.support:
        article = articles.get(span.article_id)
        if article is None:
            continue
        whole = sentence_around(article, span)
        text = compress(whole.text(article))
        size = len(_WORD.findall(text))
        opens = text[1:2] if text[:1] in '"“' else text[:1]  # a quotation may open it
        if not SENTENCE_WORDS[0] <= size <= SENTENCE_WORDS[1] or not opens.isupper():
            continue
        if not _whole(text):
            continue
        options.append((size, _position(article, span), text, whole))
    if not options:
        return None
    ids = fact.article_ids
    # The evidence sentence that says most of the fact's own statement, then the shortest:
    # a fact's support can hold a loosely aligned sentence, never the best match.
    own = _content(fact.text)
    size, position, text, whole = max(
        options, key=lambda o: (len(own & _content(o[2])), -o[0], -o[1], o[2])
    )
    positions = [
        _position(articles[s.article_id], s) for s in fact.support if s.article_id in articles
    ]
    features = _Features(
        outlets=len(ids),
        agreement=_agreement(text, whole.article_id, fact.support, articles),
        echo=context.echo.of(text, whole.article_id),
        centrality=_centrality(text, context.spread),
        informative=_informative(text),
        size=size,
        top=min(positions) if positions else 1.0,
    )
    return _Candidate(
        text,
        ids,
        (whole, *(s for s in fact.support if s.article_id != whole.article_id)),
        0 if len(ids) >= 2 else 2,
        (-features.score(), text),
        _fact_day(fact, context.days, context.story_day),
        position,
        fact,
    )


@dataclass(frozen=True, slots=True)
class _Features:
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


def _agreement(text: str, own: str, support: Sequence[Span], articles: dict[str, Article]) -> float:
    """Summed over the other outlets of a fact, the share of ``text``'s content words that
    the outlet's closest evidence sentence also uses: how well the outlets agree on it."""
    words = _content(text)
    if not words:
        return 0.0
    best: dict[str, float] = {}
    for span in support:
        article = articles.get(span.article_id)
        if article is None or span.article_id == own:
            continue
        said = _content(sentence_around(article, span).text(article))
        best[span.article_id] = max(best.get(span.article_id, 0.0), len(words & said) / len(words))
    return sum(best.values())


class _Echo:
    """The story's sentences as content-word sets, to ask how much of a sentence the other
    articles say somewhere, whether or not alignment paired them (LexRank's intuition,
    counted per outlet)."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.vocabulary: dict[str, int] = {}
        rows: list[list[int]] = []
        owners: list[str] = []
        for article in articles:
            for sentence in _kept_sentences(article):
                words = _content(sentence)
                if words:
                    rows.append([self._index(w) for w in words])
                    owners.append(article.id)
        self.owners = owners
        self.rows = rows
        self.articles = frozenset(owners)

    def _index(self, word: str) -> int:
        return self.vocabulary.setdefault(word, len(self.vocabulary))

    def of(self, text: str, own: str) -> float:
        """The mean over the other articles of their best cosine (content words, binary)
        with ``text``: 0 when none says any of it, 1 when each has it word for word."""
        words = {self.vocabulary[w] for w in _content(text) if w in self.vocabulary}
        if not words:
            return 0.0
        best: dict[str, float] = {}
        for owner, row in zip(self.owners, self.rows, strict=True):
            if owner == own:
                continue
            shared = len(words.intersection(row))
            if shared:
                cosine = shared / (len(words) * len(row)) ** 0.5
                if cosine > best.get(owner, 0.0):
                    best[owner] = cosine
        others = len(self.articles - {own})
        return sum(best.values()) / others if others else 0.0


def _kept_sentences(article: Article) -> list[str]:
    """The sentences of ``article``'s body (boilerplate and headline left out)."""
    return [
        sentence
        for span in article.kept_spans()
        for line in span.text(article).splitlines()
        for sentence in split_sentences(line)
    ]


def split_sentences(line: str) -> list[str]:
    """The sentences of one line of text, at end marks that end no abbreviation; the last
    may lack an end mark.

    Example:
        >>> split_sentences("Mr. Kim left on Monday. Talks ended. Then")
        ['Mr. Kim left on Monday.', 'Talks ended.', 'Then']
    """
    out: list[str] = []
    start = 0
    for m in _END.finditer(line):
        if _ends(line, m):
            out.append(line[start : m.end()])
            start = m.end()
    out.append(line[start:])
    return [s for s in (s.strip() for s in out) if s]


def _dispute_candidate(
    fact: Fact, articles: dict[str, Article], context: _Context, rank: float
) -> _Candidate | None:
    variants = [v for v in fact.variants if v.relation != "naming"]
    if len(variants) < 2:
        return None
    parts = []
    ids: list[str] = []
    for v in variants[:3]:
        sources = sorted({articles[a].source for a in v.article_ids if a in articles})
        value = v.value.strip()
        if not sources or not value or value.count("(") != value.count(")"):
            return None  # a value cut mid-bracket would garble the sentence
        parts.append(f"{' '.join(v.value.split())} ({', '.join(sources)})")
        ids.extend(v.article_ids)
    # ``about`` is a key such as "people:killed"; shown as words ("people killed").
    key = variants[0].about or variants[0].detail
    about = " ".join(part for part in re.split(r"[:\s_]+", key) if part)
    text = f"Outlets differ on {about}: {'; '.join(parts)}."
    evidence = tuple(s for v in variants for s in v.evidence) or fact.support
    return _Candidate(
        text,
        tuple(dict.fromkeys(ids)),
        evidence,
        1,
        (rank, text),
        _fact_day(fact, context.days, context.story_day),
        1.0,
    )


def _whole(text: str) -> bool:
    """Whether ``text`` reads as one whole sentence: it ends on an end mark (inside closing
    quotes or brackets, not after an abbreviation such as "Sgt." or an ellipsis), its
    quotation marks and brackets close within it, and no second sentence is glued on
    without a space ("involved.Struthers", as scraped pages have).

    Example:
        >>> [_whole(t) for t in ("He left.", "Lt. Rice and Sgt.", "It rained (a lot.", "to the")]
        [True, False, False, False]
    """
    bare = text.rstrip('"”’)] ')
    if bare[-1:] not in ".!?" or bare.endswith(("..", "…")) or _GLUED.search(text):
        return False
    last = (bare[:-1].split() or [""])[-1].lstrip("(\"“‘'").lower()
    if bare.endswith(".") and (last in _TITLES or (len(last) == 1 and last.isalpha())):
        return False  # "… and Sgt." or "… by J.": cut before the name
    balanced = text.count("“") == text.count("”") and text.count('"') % 2 == 0
    return balanced and text.count("(") == text.count(")") and text.count("[") == text.count("]")


_GLUED = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]")


def _spread(articles: Sequence[Article]) -> dict[str, float]:
    """Each content word's share of the story's articles that use it."""
    counts: Counter[str] = Counter()
    for a in articles:
        counts.update(_content(f"{a.title or ''} {a.text}"))
    n = max(1, len(articles))
    return {w: c / n for w, c in counts.items()}


def _centrality(text: str, spread: dict[str, float]) -> float:
    """The mean share of articles that use the content words of ``text``."""
    words = _content(text)
    return sum(spread.get(w, 0.0) for w in words) / len(words) if words else 0.0


def _informative(text: str) -> float:
    """Names and numbers per word, the mark of a sentence that carries facts."""
    words = _WORD.findall(text)
    marked = sum(1 for w in words[1:] if w[:1].isupper() or w[:1].isdigit())
    return round(marked / max(1, len(words)) * 10) / 10


def _content(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def _position(article: Article, span: Span) -> float:
    return span.start / max(1, len(article.text))


def _story_day(articles: Sequence[Article]) -> int:
    days = Counter(a.published.toordinal() for a in articles if a.published is not None)
    return days.most_common(1)[0][0] if days else 0


def _event_days(timeline: Sequence[Event]) -> dict[Span, int]:
    out: dict[Span, int] = {}
    for event in timeline:
        for span in event.support:
            out.setdefault(span, event.when.earliest.toordinal())
    return out


def _fact_day(fact: Fact, days: dict[Span, int], story_day: int) -> int:
    found = [days[s] for s in fact.support if s in days]
    return min(found) if found else story_day
