"""The one place that wires the stages together: inputs → :class:`Briefing`.

Example:
    >>> import newsweave
    >>> briefing = newsweave.brief(["examples/harbour-bridge"])  # doctest: +SKIP
    >>> [e.name for e in briefing.entities[:3]]  # doctest: +SKIP
    ['Port Calder', 'Elena Varga', 'Ana Lucia Pereira']
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from newsweave.errors import NewsweaveError
from newsweave.model import Article, Briefing, Rejected, StoryGrouping
from newsweave.settings import Settings
from newsweave.text.clean import clean_article
from newsweave.text.repeats import mark_site_repeats

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from newsweave.grouping.store import StoryStore
    from newsweave.read import Inputs, ReadResult

# progress(stage, total) returns advance(n); the CLI hooks Rich bars here, tests pass nothing.
ProgressHook = Callable[[str, int | None], Callable[[int], None]]
T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger("newsweave")


def brief(
    inputs: Inputs,
    settings: Settings | None = None,
    *,
    progress: ProgressHook | None = None,
) -> Briefing:
    """Read ``inputs`` (files, folders, URLs) as one story and brief it. ``inputs`` is one
    path or URL (a ``str`` or a ``PathLike``) or an iterable of them.

    Unreadable inputs do not stop the run: they are listed in ``Briefing.rejected``.
    """
    settings = settings or Settings()
    result = _read(inputs, settings, progress)
    return brief_articles(result.articles, settings, rejected=result.rejected, progress=progress)


def _read(inputs: Inputs, settings: Settings, progress: ProgressHook | None) -> ReadResult:
    from newsweave.read import input_names, read_inputs

    names = input_names(inputs)
    return read_inputs(names, settings, progress=_read_progress(names, progress))


def _read_progress(
    inputs: Sequence[str], progress: ProgressHook | None
) -> Callable[[str], None] | None:
    """The reader's progress callback: one step of the ``read`` bar per input read."""
    if progress is None:
        return None
    # A folder's file count is unknown until it is walked: then the bar just counts.
    advance = progress("read", None if any(Path(i).is_dir() for i in inputs) else len(inputs))
    return lambda _name: advance(1)


def _in_memory(articles: Sequence[Article], failed: list[Rejected]) -> list[Article]:
    """``articles`` with valid text, each id once; the repeats go to ``failed``."""
    from newsweave.read._article import valid_outcome

    kept: dict[str, Article] = {}
    for i, article in enumerate(articles):
        if not isinstance(article, Article):
            raise TypeError(
                f"article {i}: expected a newsweave Article, got {type(article).__name__}"
            )
        checked = valid_outcome(article)
        assert isinstance(checked, Article)
        if checked.id in kept:
            failed.append(
                Rejected(checked.id, f"another article with id {checked.id} was given before")
            )
        else:
            kept[checked.id] = checked
    return list(kept.values())


def brief_articles(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    rejected: Sequence[Rejected] = (),
    nlp: Language | None = None,
    progress: ProgressHook | None = None,
) -> Briefing:
    """Brief ``articles`` that are already in memory: the library's one way in for text that
    does not come from files, URLs or feeds (``newsweave.brief_articles``).

    Each :class:`~newsweave.model.Article` needs a unique ``id``, a ``source`` (the outlet's
    name) and its ``text``; ``title``, ``url``, ``published`` and ``lang`` help when known.
    Like every input, the texts are untrusted: lone surrogates become U+FFFD (offsets hold),
    and a second article with an id already given is listed in ``rejected``, not briefed.

    Example:
        >>> import newsweave
        >>> from newsweave import Article
        >>> b = newsweave.brief_articles([
        ...     Article("w1", "Wire", "Dam opens", "The Kariba dam opened its gates on Monday."),
        ...     Article("w1", "Post", "Dam opens", "The Kariba dam opened its gates."),
        ... ])
        >>> [r.reason for r in b.rejected]
        ['another article with id w1 was given before']

    Raises:
        TypeError: an item is not an :class:`~newsweave.model.Article`.
    """
    from newsweave.dates.calendar import resolve_times
    from newsweave.dates.mentions import find_time_mentions
    from newsweave.dates.story_dates import date_articles
    from newsweave.dates.timeline import build_timeline
    from newsweave.entities import resolve_entities
    from newsweave.facts.align import align_facts
    from newsweave.facts.disputes import find_disputes
    from newsweave.grouping.story import make_story_from_articles
    from newsweave.nlp.annotate import annotate, split_blocks
    from newsweave.nlp.language import language_of
    from newsweave.quotes.extract import extract_quotes
    from newsweave.quotes.groups import group_quotes
    from newsweave.registry import get_summarizer
    from newsweave.summary.injection import flag_instructions

    settings = settings or Settings()
    summarizer = get_summarizer(settings.summarizer)  # an unknown name stops before any work
    failed: list[Rejected] = []
    articles = _in_memory(articles, failed)
    # Each article's language, declared or guessed: it picks the pipeline that reads it.
    # A line a source repeats across its pages is its furniture, seen only with them all.
    pages = mark_site_repeats(_each("clean", articles, lambda a: (clean_article(a),), failed))
    cleaned = tuple(
        _each("clean", pages, lambda c: (replace(c, lang=c.lang or language_of(c)),), failed)
    )
    advance = None
    if progress is not None:
        blocks = sum(
            1
            for a in cleaned
            for kept in a.kept_spans()
            for _ in split_blocks(a.text, kept.start, kept.end)
        )
        advance = progress("annotate", blocks + sum(a.title_span is not None for a in cleaned))
    try:
        annotations = annotate(cleaned, settings, nlp=nlp, progress=advance)
    except NewsweaveError:  # the run's own problem (no model): it stops the run
        raise
    except Exception:  # one article broke the batch: annotate each alone, keep the rest
        log.warning("annotation failed on the batch; annotating article by article")
        annotations = tuple(
            _each("annotate", cleaned, lambda c: annotate([c], settings, nlp=nlp), failed)
        )
    entities = resolve_entities(annotations)
    quotes = group_quotes(extract_quotes(annotations, entities))
    done = progress("align", 1) if progress is not None else None
    alignment = align_facts(annotations, entities, settings)
    mentions = [find_time_mentions(a) for a in annotations]
    annotations = date_articles(annotations, mentions, alignment, today=settings.reference_day)
    times = resolve_times(annotations, mentions)
    facts = find_disputes(alignment, annotations, entities, times)
    timeline = build_timeline(annotations, mentions, times, alignment, quotes, settings)
    if done is not None:
        done(1)
    articles = tuple(a.article for a in annotations)
    briefing = Briefing(
        story=make_story_from_articles(articles),
        articles=articles,
        entities=entities,
        quotes=quotes,
        facts=facts,
        rejected=(*rejected, *failed),
        timeline=timeline,
        dates=times,
        sentences=tuple(s for a in annotations for s in a.sentences),
        flagged=flag_instructions(annotations),
    )
    return summarizer(briefing, settings, progress=progress)


def _each(
    stage: str,
    items: Iterable[T],
    work: Callable[[T], Iterable[R]],
    failed: list[Rejected],
) -> list[R]:
    """``work`` applied to each item, an item whose work raises listed in ``failed`` as
    rejected at ``stage`` (with the error) instead of stopping the run."""
    done: list[R] = []
    for item in items:
        try:
            done.extend(work(item))
        except NewsweaveError:
            raise
        except Exception as err:  # hostile input must never cost the other articles
            article = getattr(item, "article", item)
            name = getattr(article, "path", None) or getattr(article, "url", None)
            name = str(name or getattr(article, "id", "?"))
            log.debug("%s failed on %s", stage, name, exc_info=True)
            failed.append(Rejected(name, f"{stage} failed: {type(err).__name__}: {err}"[:300]))
    return done


def stories(
    inputs: Inputs,
    settings: Settings | None = None,
    *,
    db: str | None = None,
    engine: str = "local",
    progress: ProgressHook | None = None,
) -> StoryGrouping:
    """Read ``inputs`` and group the articles into stories.

    Args:
        inputs: files, folders (``.txt``, ``.html``, ``.jsonl``…), URLs or feeds.
        settings: ``story_embedder`` picks the dense model; ``auto`` takes the store's,
            else ``minilm-static``, or the multilingual one when the articles are in more
            than one language (see :mod:`newsweave.grouping.embedder`).
        db: a SQLite file or database URL: new articles join the stories stored there, and
            the stories holding this run's articles are returned.
        engine: ``local``, or ``ray`` to compute features as a Ray Data job.

    Unreadable inputs do not stop the run: they are listed in ``StoryGrouping.rejected``.
    Inputs are read as they are grouped: a run of more than
    :data:`~newsweave.grouping.run.HOLD_ARTICLES` articles holds their features, not their
    texts (see :func:`~newsweave.grouping.run.group_stream`).
    """
    from newsweave.grouping.run import group_stream
    from newsweave.read import input_names, iter_inputs

    settings = settings or Settings()
    names = input_names(inputs)
    outcomes = iter_inputs(names, settings, progress=_read_progress(names, progress))
    return group_stream(outcomes, settings, db=db, engine=engine, progress=progress)


def brief_stored(
    db: str,
    story_id: str,
    settings: Settings | None = None,
    *,
    progress: ProgressHook | None = None,
) -> Briefing:
    """Brief the story ``story_id`` kept in the store ``db``, from the articles as they were
    read when stored: the same briefing as briefing those articles directly.

    Articles the store holds no text for (stored by a release before it kept them) are
    listed in ``Briefing.rejected``.

    Raises:
        StoreError: no such store, no such story, or none of its articles has a text.
    """
    from newsweave.grouping.database import store_errors
    from newsweave.grouping.store import open_stored

    with store_errors(db):
        store = open_stored(db)
        try:
            articles, rejected = stored_story(store, story_id)
        finally:
            store.close()
    return brief_story(story_id, articles, settings, rejected=rejected, progress=progress)


def stored_story(store: StoryStore, story_id: str) -> tuple[list[Article], list[Rejected]]:
    """The stored articles of the story ``story_id``, and those stored without a text.

    Raises:
        StoreError: no such story, or none of its articles has a text.
    """
    from newsweave.grouping.store import StoreError

    db = store.name
    story = store.story(story_id)
    if story is None:
        raise StoreError(
            f"{db}: no story {story_id!r} (list them with: newsweave stories --db {db})"
        )
    articles, missing = store.articles(story.article_ids)
    if not articles:
        raise StoreError(f"{db}: story {story_id!r}: the store holds no article texts for it")
    rejected = [
        Rejected(aid, "stored without its text (by an older newsweave); read it again")
        for aid in missing
    ]
    return articles, rejected


def brief_story(
    story_id: str,
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    rejected: Sequence[Rejected] = (),
    progress: ProgressHook | None = None,
) -> Briefing:
    """Brief a stored story's ``articles``; the briefing's story keeps the id ``story_id``
    the store gave it (a stored story keeps its id as it grows)."""
    briefing = brief_articles(articles, settings, rejected=rejected, progress=progress)
    return replace(briefing, story=replace(briefing.story, id=story_id))


def stored_stories(db: str) -> StoryGrouping:
    """Every story kept in the store ``db``, biggest first, with its stored articles.

    Raises:
        StoreError: no such store.
    """
    from newsweave.grouping.database import store_errors
    from newsweave.grouping.store import open_stored

    with store_errors(db):
        store = open_stored(db)
        try:
            found = store.stories()
            articles, _ = store.articles(a for s in found for a in s.article_ids)
        finally:
            store.close()
    return StoryGrouping(tuple(found), tuple(articles))
