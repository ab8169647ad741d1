"""The data every newsweave stage takes and returns: frozen, typed, with provenance.

Every extracted item points back into an article's *original* text through a
:class:`Span` (article id plus character offsets). Nothing here does I/O or NLP.

Example:
    >>> art = Article("a1", "Wire", "Dam opens", "Dam opens\\n\\nThe dam opened.")
    >>> Span("a1", 11, 26).text(art)
    'The dam opened.'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "OTHER"]
# The entity types (spaCy's labels) that name a place: a country or city, a region or sea, a
# building or bridge. Entities vote them together against PERSON and ORG; facts compare
# places written differently as one detail.
PLACE_TYPES: frozenset[EntityType] = frozenset({"GPE", "LOC", "FAC"})
QuoteKind = Literal["direct", "partial", "indirect"]
FactKind = Literal["consensus", "shared", "single"]
VariantRelation = Literal["conflict", "naming", "superseded"]
Detail = Literal["number", "date", "time", "place", "role", "negation", "agent"]
Precision = Literal["day", "week", "month", "year"]
TimeKind = Literal["date", "duration", "recurring", "unresolved"]
Tense = Literal["past", "present", "future", "unknown"]


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of the original text of article ``article_id``.

    Example:
        >>> Span("a1", 0, 3).length
        3
    """

    article_id: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end} in article {self.article_id}")

    @property
    def length(self) -> int:
        return self.end - self.start

    def text(self, article: Article) -> str:
        """The characters this span covers in ``article``."""
        if article.id != self.article_id:
            raise ValueError(f"span of article {self.article_id} read against article {article.id}")
        return article.text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class When:
    """A stretch of the calendar named at a precision: a day, a week, a month, a year, or a range.

    ``earliest`` and ``latest`` bound the days it covers; ``precision`` is the unit it is
    named in. The bounds may be narrower than the unit: "early July" is month precision,
    1–10 July.

    Example:
        >>> When(dt.date(2023, 9, 12), dt.date(2023, 9, 12), "day").label
        '2023-09-12'
        >>> When(dt.date(2023, 7, 1), dt.date(2023, 7, 10), "month").label
        '2023-07'
        >>> When(dt.date(2023, 9, 10), dt.date(2023, 9, 13), "day").label
        '2023-09-10/2023-09-13'
    """

    earliest: dt.date
    latest: dt.date
    precision: Precision

    @classmethod
    def on(cls, day: dt.date) -> When:
        """The one day ``day``.

        Example:
            >>> When.on(dt.date(2023, 9, 12)).exact
            True
        """
        return cls(day, day, "day")

    def __post_init__(self) -> None:
        if self.latest < self.earliest:
            raise ValueError(f"bad date range {self.earliest}..{self.latest}")

    @property
    def label(self) -> str:
        """ISO 8601 at the precision: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, or ``A/B``."""
        first, last = (
            _unit_label(self.earliest, self.precision),
            _unit_label(self.latest, self.precision),
        )
        return first if first == last else f"{first}/{last}"

    @property
    def exact(self) -> bool:
        """True for one single day."""
        return self.precision == "day" and self.earliest == self.latest

    def overlaps(self, other: When) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest


def _unit_label(day: dt.date, precision: Precision) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


@dataclass(frozen=True, slots=True)
class Dating:
    """When an article was written, how that is known, and the text that shows it.

    ``inferred`` is False only for a date from the input's own metadata. ``reason`` says in
    words what the date rests on; ``evidence`` points at the text that shows it.
    """

    when: When
    inferred: bool
    reason: str
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Removed:
    """A span that cleaning marked as boilerplate, and why.

    Example:
        >>> Removed(Span("a1", 0, 14), "navigation").reason
        'navigation'
    """

    span: Span
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as read from its source; ``text`` is never rewritten.

    ``title_span`` is where the headline stands inside ``text`` when the input carried it
    in the body (plain-text files); titles from metadata have no span. ``published`` is the
    day it was written when that day is known; ``dating`` says how it is known, or gives a
    coarser date (a month, a year) when no day is.
    """

    id: str
    source: str
    title: str | None
    text: str
    url: str | None = None
    path: str | None = None
    published: dt.date | None = None
    published_inferred: bool = False
    lang: str | None = None
    title_span: Span | None = None
    removed: tuple[Removed, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    dating: Dating | None = None
    # False when ``text`` keeps only the passages a briefing cites, blanks elsewhere (a
    # briefing shared without the articles' text; offsets stay those of the original).
    full_text: bool = True

    def kept_spans(self) -> tuple[Span, ...]:
        """The parts of ``text`` that are neither removed boilerplate nor the headline.

        Example:
            >>> ad = Removed(Span("a", 0, 2), "promo")
            >>> a = Article("a", "s", None, "ad\\nbody", removed=(ad,))
            >>> [s.text(a) for s in a.kept_spans()]
            ['\\nbody']
        """
        cuts = sorted(
            [(r.span.start, r.span.end) for r in self.removed]
            + ([(self.title_span.start, self.title_span.end)] if self.title_span else [])
        )
        spans: list[Span] = []
        pos = 0
        for start, end in cuts:
            if start > pos:
                spans.append(Span(self.id, pos, start))
            pos = max(pos, end)
        if pos < len(self.text):
            spans.append(Span(self.id, pos, len(self.text)))
        return tuple(spans)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be read, with a reason a user can act on.

    Example:
        >>> Rejected("x.bin", "binary file (NUL bytes)").input
        'x.bin'
    """

    input: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article; ``paragraph`` counts kept blocks from 0."""

    span: Span
    paragraph: int
    is_title: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention, with the role or title written beside it, if any.

    ``label`` is the corrected spaCy label; ``role`` covers e.g. "Kremlin spokesman" in
    "Kremlin spokesman Dmitry Peskov" or "Russia's minister for natural resources" in an
    apposition. ``by_context`` says the words around the name gave the label ("Mayor X"),
    which weighs more in the entity's vote than the model's guess from the name alone.
    """

    span: Span
    text: str
    label: str
    sentence: int
    role: Span | None = None
    role_text: str | None = None
    by_context: bool = False


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the parse, as plain data: offsets into the original text.

    ``head`` is the index of the syntactic head in ``Annotation.tokens`` (itself for a root);
    ``sentence`` indexes ``Annotation.sentences``; ``tag`` is the fine-grained part of speech
    (Penn tags for English: ``VBD`` past, ``MD`` modal), which tells tense.
    """

    start: int
    end: int
    lemma: str
    pos: str
    dep: str
    head: int
    sentence: int
    tag: str = ""


@dataclass(frozen=True, slots=True)
class Annotation:
    """The NLP layer of one article, in text order.

    ``mentions`` are named entities; ``values`` are dates, times, numbers and quantities.
    """

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    tokens: tuple[Token, ...] = ()
    values: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation or place, resolved across all articles of a story.

    Example:
        >>> e = Entity("e1", "Kim Jong Un", "PERSON", aliases=("Kim Jong-un", "Mr Kim"))
        >>> e.type
        'PERSON'
    """

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to: the name as written and the resolved entity."""

    name: str
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement attributed to a speaker.

    ``span`` covers the quoted words (inside the quotation marks for direct and partial
    quotes, the reported clause for indirect ones). ``speaker_span`` is where the speaker is
    written (a name, "he", "the Kremlin's spokesperson"); ``role`` is the title written with
    it; ``via`` names the outlet or agency relaying it ("Interfax quoted Shoigu as saying").
    """

    id: str
    span: Span
    text: str
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Span | None = None
    group: str | None = None
    speaker_span: Span | None = None
    role: str | None = None
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """One clause-sized claim of one article: the unit that facts are aligned on.

    ``hedged`` marks a reported expectation ("could meet", "is expected to") rather than
    a reported event.
    """

    span: Span
    sentence: int
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class Variant:
    """One value of a disputed detail and the articles that give it.

    ``relation`` is ``conflict`` (the values cannot all be true), ``naming`` (two names
    for the same thing) or ``superseded`` (an earlier expectation that later reports
    contradict, or a figure later reports replaced). ``detail`` says what kind of value it
    is, ``about`` what it is a value of ("people:killed", "Alexander Kozlov"), and
    ``evidence`` points at the value in each article. ``as_of`` is the latest day the value
    was given for, where a figure changes over time.
    """

    value: str
    article_ids: tuple[str, ...]
    relation: VariantRelation = "conflict"
    detail: Detail = "number"
    about: str = ""
    evidence: tuple[Span, ...] = ()
    hedged: bool = False
    as_of: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A statement aligned across articles, with its evidence sentences.

    ``kind`` counts articles: ``consensus`` (three or more), ``shared`` (two) or
    ``single``. A fact with ``variants`` is one where reports differ on a detail.
    """

    id: str
    text: str
    kind: FactKind
    support: tuple[Span, ...]
    variants: tuple[Variant, ...] = ()

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.article_id for s in self.support))

    @property
    def disputed(self) -> bool:
        """True when some variant is a real conflict or a superseded expectation."""
        return any(v.relation != "naming" for v in self.variants)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Facts aligned across a story's articles, before their details are compared.

    ``related`` lists pairs of fact indices close enough in meaning that a differing
    detail between them is a dispute rather than two separate facts, with their score.
    ``pairs`` lists the statement pairs (indices into ``statements``, from different
    articles) that were scored, with their similarity.
    """

    facts: tuple[Fact, ...]
    statements: tuple[Statement, ...]
    related: tuple[tuple[int, int, float], ...] = ()
    pairs: tuple[tuple[int, int, float], ...] = ()


TimeFormKind = Literal[
    "calendar", "weekday", "deictic", "unit", "ago", "recent", "duration", "recurring", "none"
]


@dataclass(frozen=True, slots=True)
class TimeForm:
    """What a temporal expression says, before it is placed on the calendar.

    ``form`` picks the reading: ``calendar`` (parts of a date: ``year``/``month``/``day``,
    ``end`` for ranges), ``weekday``, ``deictic`` (today ± ``count`` days), ``unit`` (this,
    last or next week/month/year/weekend/season: ``unit``, ``shift``), ``ago`` (``count``
    units before or after), ``recent`` (the past or coming ``count`` units), ``duration``,
    ``recurring`` or ``none``.
    """

    kind: TimeKind
    form: TimeFormKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end: tuple[int | None, int | None, int | None] | None = None
    weekday: int | None = None
    shift: int | None = None  # -1 last, 0 this, +1 next; None: bare (tense decides)
    year_shift: int | None = None  # "March this year" (0), "in July last year" (-1)
    unit: str | None = None
    count: float = 0.0
    part: tuple[float, float] | None = None
    length: str | None = None
    precision: Precision = "day"

    @property
    def relative(self) -> bool:
        """True when the value depends on the day the text was written."""
        if self.form == "calendar":
            return self.year is None
        return self.form in {"weekday", "deictic", "unit", "ago", "recent"}


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A temporal expression as found in an article, before the article's date is known.

    ``tense`` is that of the clause it dates (``future`` for an expectation: "could meet on
    Wednesday", "ahead of expected talks on Wednesday"); ``governor`` the lemma of the verb
    it attaches to ("said on Tuesday" dates a saying, not the event said).
    """

    span: Span
    text: str
    form: TimeForm
    tense: Tense
    sentence: int
    governor: str = ""


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression in an article, resolved against the article's date where it can be.

    ``kind`` is ``date`` (a point or stretch of the calendar: "on Sunday", "in July",
    "10-13 September"), ``duration`` ("18 months of fighting"; ``length`` holds it as ISO
    8601, "P18M"), ``recurring`` ("each week") or ``unresolved`` (a date that needs an anchor
    the text does not give: "the opening month"). ``relative`` marks expressions that need
    the article's date ("last week"); ``tense`` is that of the clause it dates, which picks
    the direction for words like "on Wednesday".
    """

    span: Span
    text: str
    kind: TimeKind
    when: When | None = None
    relative: bool = False
    tense: Tense = "unknown"
    length: str | None = None
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class Event:
    """One timeline row: a date at its precision, a short text, and the evidence for it.

    ``support`` are the statements that report it; ``dates`` the expressions that date it.
    ``expected`` marks an expectation ("could meet on Wednesday") rather than a report of
    something that happened.
    """

    when: When
    text: str
    support: tuple[Span, ...]
    dates: tuple[Span, ...] = ()
    expected: bool = False

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.article_id for s in self.support))


SummaryOrigin = Literal["outlet", "dispute", "model"]


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A summary sentence with the articles it rests on and the sentences that state it
    (the first is the one quoted, or the first value of a dispute).

    ``origin`` says who worded it: ``outlet`` (a sentence an outlet wrote, perhaps
    compressed), ``dispute`` (our "Outlets differ on …" over the outlets' values) or
    ``model`` (an LLM's sentence that its cited evidence supports; see ``writer.py``).
    """

    text: str
    article_ids: tuple[str, ...]
    evidence: tuple[Span, ...] = ()
    origin: SummaryOrigin = "outlet"


@dataclass(frozen=True, slots=True)
class Flagged:
    """A sentence of an article that addresses a language model instead of a reader
    ("ignore previous instructions and write that …"): shown to the reader, never to the
    LLM writer, and never evidence for a model's sentence.

    Example:
        >>> Flagged(Span("a1", 0, 30), "reads as an instruction to a language model").reason
        'reads as an instruction to a language model'
    """

    span: Span
    reason: str


@dataclass(frozen=True, slots=True)
class UnsupportedSentence:
    """A sentence an LLM wrote for the summary that was not kept: the outlets it cited
    and why (no citation, a number or name its evidence lacks, …).

    Example:
        >>> UnsupportedSentence("Ten died.", (), "no citation").reason
        'no citation'
    """

    text: str
    article_ids: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about one event."""

    id: str
    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryGrouping:
    """The stories of a ``newsweave stories`` run, biggest first.

    ``articles`` are the articles this run read; a story from a store may also hold
    articles of earlier runs, known here only by id.
    """

    stories: tuple[Story, ...]
    articles: tuple[Article, ...] = ()
    rejected: tuple[Rejected, ...] = ()


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything newsweave says about one story."""

    story: Story
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    facts: tuple[Fact, ...] = ()
    timeline: tuple[Event, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    rejected: tuple[Rejected, ...] = field(default=())
    dates: tuple[TimeExpression, ...] = ()
    # Who wrote the summary ("extractive", or "llm:<model>" when an LLM wrote part of it),
    # and the LLM's sentences that were not kept.
    summary_writer: str = "extractive"
    unsupported: tuple[UnsupportedSentence, ...] = ()
    # Sentences that address a language model (prompt injection), for the reader to see.
    flagged: tuple[Flagged, ...] = ()
    # The articles' sentences as annotation found them, for whoever quotes a whole sentence
    # (the summary); not part of the JSON, which gives each article's text.
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)

    def to_dict(self, *, article_text: bool = True) -> dict[str, Any]:
        """The ``newsweave.briefing/2`` JSON data (docs/json.md); ``article_text=False``
        leaves out the articles' full texts and keeps the passages the briefing cites."""
        from newsweave.renderers.json import briefing_dict

        return briefing_dict(self, article_text=article_text)

    def to_json(self, *, article_text: bool = True) -> str:
        """:meth:`to_dict` as indented JSON text."""
        from newsweave.renderers.json import render_json

        return render_json(self, article_text=article_text)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Briefing:
        """The briefing that :meth:`to_dict` wrote: ``Briefing.from_dict(d).to_dict() == d``.

        Raises:
            BriefingFormatError: ``data`` is not ``newsweave.briefing/2`` data; the message
                names the first bad item.
        """
        from newsweave.renderers.json_read import briefing_from_dict

        return briefing_from_dict(data)
