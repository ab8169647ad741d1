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
wrote (``given``, see :mod:`~newsweave.summary.writer`) open the summary when there are any.

Candidates are whole sentences as annotation found them (``Briefing.sentences``), lightly
compressed (:mod:`~newsweave.summary.wording`) and ranked (:mod:`~newsweave.summary.ranking`).

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

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.facts.measures import describe
from newsweave.model import (
    Article,
    Briefing,
    Event,
    Fact,
    Span,
    SummaryOrigin,
    SummarySentence,
)
from newsweave.nlp.sentences import SentenceIndex
from newsweave.summary.ranking import Echo, Features, agreement, centrality, spread
from newsweave.summary.support import check_citation
from newsweave.summary.wording import (
    SENTENCE_WORDS,
    compress,
    content_words,
    informative,
    is_whole,
    words,
)

MAX_WORDS = 250
AIM_WORDS = 250  # single-outlet facts fill up to this (tuned on Multi-News validation)
REDUNDANT = 0.35  # share of a candidate's content words already said that skips it
MAX_DISPUTES = 2
BACKGROUND_DAYS = 30  # events this long before the story's day are shown after it


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
    figures: frozenset[tuple[str, str]] = frozenset()  # (dispute, value) it states plainly


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
        self.figures: dict[str, str] = {}  # each disputed figure's value stated plainly
        self.words = 0

    def add(self, c: _Candidate) -> bool:
        size = len(words(c.text))
        if self.words + size > self.max_words:
            return False
        content = content_words(c.text)
        if c.tier != -1:  # given sentences were checked already
            if not content or any(len(content & s) > REDUNDANT * len(content) for s in self.said):
                return False
            if c.tier != 1 and c.evidence[0] in self.used:
                return False  # two clauses of one sentence: the sentence is said once
            if any(self.figures.get(d, v) != v for d, v in c.figures):
                return False  # another value of a disputed figure was stated already
        self.figures.update(c.figures)
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


@dataclass(frozen=True, slots=True)
class _Context:
    """What every candidate of one briefing is ranked against."""

    spread: dict[str, float]
    story_day: int
    days: dict[Span, int]
    echo: Echo
    sentences: SentenceIndex
    figures: dict[str, list[tuple[Span, str, str, bool]]]  # see _disputed_values

    def contested(self, sentence: Span) -> bool:
        """Whether ``sentence`` states a figure later reports replaced: said plainly, it
        would give an outdated value as the story's."""
        return any(
            replaced and sentence.start <= v.start < sentence.end
            for v, _, _, replaced in self.figures.get(sentence.article_id, ())
        )

    def stated(self, sentence: Span) -> frozenset[tuple[str, str]]:
        """The values of disputed figures ``sentence`` states: one summary states at most
        one value of each plainly (the dispute's own sentence gives the others)."""
        return frozenset(
            (dispute, value)
            for v, dispute, value, _ in self.figures.get(sentence.article_id, ())
            if sentence.start <= v.start < sentence.end
        )

    @classmethod
    def of(cls, briefing: Briefing) -> _Context:
        sentences = SentenceIndex(briefing.sentences)
        return cls(
            spread(briefing.articles),
            _story_day(briefing.articles),
            _event_days(briefing.timeline),
            Echo(briefing.articles, sentences),
            sentences,
            _disputed_values(briefing.facts),
        )


def _fact_candidate(
    fact: Fact, articles: dict[str, Article], context: _Context
) -> _Candidate | None:
    options: list[tuple[int, float, str, Span]] = []
    for span in fact.support:
        article = articles.get(span.article_id)
        if article is None:
            continue
        whole = context.sentences.around(span)
        text = compress(whole.text(article))
        size = len(words(text))
        opens = text[1:2] if text[:1] in '"“' else text[:1]  # a quotation may open it
        if not SENTENCE_WORDS[0] <= size <= SENTENCE_WORDS[1] or not opens.isupper():
            continue
        if not is_whole(text) or context.contested(whole):
            continue
        options.append((size, _position(article, span), text, whole))
    if not options:
        return None
    # The evidence sentence that says most of the fact's own statement, then one another
    # outlet's evidence backs (numbers, names, polarity), then the shortest: a fact's
    # support can hold a loosely aligned sentence, never the best match.
    own = content_words(fact.text)
    cited = {o[3]: _citations(o[2], o[3], fact, articles, context.sentences) for o in options}

    def backing(o: tuple[int, float, str, Span]) -> bool:
        return len({s.article_id for s in cited[o[3]]}) >= 2

    size, position, text, whole = max(
        options,
        key=lambda o: (len(own & content_words(o[2])), backing(o), -o[0], -o[1], o[2]),
    )
    evidence = cited[whole]
    ids = tuple(dict.fromkeys(s.article_id for s in evidence))
    positions = [
        _position(articles[s.article_id], s) for s in fact.support if s.article_id in articles
    ]
    features = Features(
        outlets=len(fact.article_ids),  # how widely the fact is reported ranks it
        agreement=agreement(text, whole.article_id, fact.support, articles, context.sentences),
        echo=context.echo.of(text, whole.article_id),
        centrality=centrality(text, context.spread),
        informative=informative(text),
        size=size,
        top=min(positions) if positions else 1.0,
    )
    return _Candidate(
        text,
        ids,
        evidence,
        0 if len(fact.article_ids) >= 2 else 2,
        (-features.score(), text),
        _fact_day(fact, context.days, context.story_day),
        position,
        fact,
        context.stated(whole),
    )


def _citations(
    text: str, whole: Span, fact: Fact, articles: dict[str, Article], sentences: SentenceIndex
) -> tuple[Span, ...]:
    """The sentences that back ``text`` (taken from ``whole``): its own, then each other
    outlet's evidence sentences for the fact where they hold its numbers, names and
    polarity (:func:`~newsweave.summary.support.check_citation`). An outlet whose evidence
    gives another figure is not cited for this one."""
    kept = [whole]
    for aid in fact.article_ids:
        if aid == whole.article_id or aid not in articles:
            continue
        spans = list(
            dict.fromkeys(sentences.around(s) for s in fact.support if s.article_id == aid)
        )
        if check_citation(text, [s.text(articles[aid]) for s in spans]) is None:
            kept.extend(spans)
    return tuple(kept)


def _dispute_candidate(
    fact: Fact, articles: dict[str, Article], context: _Context, rank: float
) -> _Candidate | None:
    variants = [v for v in fact.variants if v.relation != "naming"]
    # One sentence says one thing: the values of the first detail given two ways.
    kinds = [(v.detail, v.about) for v in variants]
    kind = next((k for k in dict.fromkeys(kinds) if kinds.count(k) >= 2), None)
    variants = [v for v in variants if (v.detail, v.about) == kind]
    if len(variants) < 2:
        return None
    # An update (every value but the latest replaced) reads as one, oldest first, the
    # latest last; values that conflict are listed side by side.
    current = [v for v in variants if v.relation != "superseded"]
    update = len(current) == 1 and variants[-1] is current[0]
    variants = variants[-3:] if update else variants[:3]
    parts = []
    ids: list[str] = []
    for v in variants:
        sources = sorted({articles[a].source for a in v.article_ids if a in articles})
        value = v.value.strip()
        if not sources or not value or value.count("(") != value.count(")"):
            return None  # a value cut mid-bracket would garble the sentence
        when = f", {v.as_of.day} {v.as_of:%B}" if update and v.as_of else ""
        parts.append(f"{' '.join(v.value.split())} ({', '.join(sources)}{when})")
        ids.extend(v.article_ids)
    # ``about`` is a key such as "people:killed"; shown as words ("people killed").
    about = describe(variants[0].about or variants[0].detail)
    if update:
        earlier = ", then ".join(parts[:-1])
        text = f"Reports updated the figure for {about}: {earlier}; latest, {parts[-1]}."
    else:
        text = f"Outlets differ on {about}: {'; '.join(parts)}."
    # Each value is cited with the sentence that gives it, so a reader sees what it counts.
    evidence = tuple(
        dict.fromkeys(context.sentences.around(s) for v in variants for s in v.evidence)
    ) or tuple(fact.support)
    return _Candidate(
        text,
        tuple(dict.fromkeys(ids)),
        evidence,
        1,
        (rank, text),
        _fact_day(fact, context.days, context.story_day),
        1.0,
    )


def _disputed_values(facts: Sequence[Fact]) -> dict[str, list[tuple[Span, str, str, bool]]]:
    """Where each article writes a value of a disputed figure: the value's span, the
    dispute's id, the value, and whether later reports replaced it (an update's earlier
    values)."""
    out: dict[str, list[tuple[Span, str, str, bool]]] = {}
    for fact in facts:
        numbers = [v for v in fact.variants if v.detail == "number" and v.relation != "naming"]
        for v in numbers:
            for span in v.evidence:
                entry = (span, fact.id, v.value, v.relation == "superseded")
                out.setdefault(span.article_id, []).append(entry)
    return out


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
