"""ArticleContext: what the quote rules read about one article, built once and frozen; and
LastSpeaker, the one value that changes as an article's quotes are read."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from newsweave.model import Annotation, Article
from newsweave.quotes import context as context_module
from newsweave.quotes.context import ArticleContext, LastSpeaker, entities_by_mention
from newsweave.quotes.marks import find_marks

TEXT = (
    "Vessmark port shut\n\n"
    "“We will rebuild,” Mayor Tova Lind said on Monday.\n\n"
    "The port stays shut. “It is too early to say,” she added."
)


@pytest.fixture(scope="module")
def context(story: Callable[..., tuple]) -> ArticleContext:
    (annotation,), entities = story(TEXT)
    return ArticleContext.of(annotation, entities)


def test_the_marks_are_found_once_when_the_context_is_made(
    story: Callable[..., tuple], monkeypatch: pytest.MonkeyPatch
) -> None:
    (annotation,), entities = story(TEXT)
    calls: list[Annotation] = []

    def counting(found: Annotation) -> list:
        calls.append(found)
        return find_marks(found)

    monkeypatch.setattr(context_module, "find_marks", counting)
    ctx = ArticleContext.of(annotation, entities)
    assert [TEXT[m.start : m.end] for m in ctx.marks] == [
        "We will rebuild,",
        "It is too early to say,",
    ]
    assert ctx.marks == ctx.marks
    assert calls == [annotation]


def test_the_context_is_frozen(context: ArticleContext) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        context.marks = ()  # type: ignore[misc]


def test_the_context_names_its_article(context: ArticleContext) -> None:
    assert context.article_id == "t0"
    assert context.text == TEXT
    assert context.annotation.article.text == TEXT


def test_entities_are_found_by_mention_and_by_id(context: ArticleContext) -> None:
    lind = next(e for e in context.entities if e.name == "Tova Lind")
    start = TEXT.index("Tova Lind")
    assert context.entity_at[("t0", start)] == lind
    assert context.entity(lind.id) == lind
    assert context.entity(None) is None
    assert context.entity("no-such-id") is None
    mention = context.mention_at(context.parse.token_at(start + 5) or 0)  # "Lind"
    assert mention is not None
    assert mention.text == "Tova Lind"
    assert context.mention_at(context.parse.token_at(TEXT.index("port stays")) or 0) is None


def test_a_shared_entity_map_is_used_as_given(story: Callable[..., tuple]) -> None:
    (annotation,), entities = story(TEXT)
    shared = entities_by_mention(entities)
    assert ArticleContext.of(annotation, entities, shared).entity_at is shared


def test_paragraphs_and_sentence_starts(context: ArticleContext) -> None:
    said = TEXT.index("said")
    added = TEXT.index("added")
    assert context.paragraph_at(added) == context.paragraph_at(said) + 1
    assert context.paragraph_at(TEXT.index("\n\n")) == -1  # between tokens
    assert context.sentence_start(added) == TEXT.index("“It is")
    assert context.sentence_start(TEXT.index("\n\n")) == TEXT.index("\n\n")  # in no sentence


def test_an_article_without_quotes_has_no_marks() -> None:
    ctx = ArticleContext.of(Annotation(Article("a", "Wire", None, "No quotes."), (), ()))
    assert (ctx.marks, ctx.entities, dict(ctx.entity_at)) == ((), (), {})


def test_last_speaker_is_a_value() -> None:
    first = LastSpeaker("Tova Lind", None, 1)
    assert first == LastSpeaker("Tova Lind", None, 1)
    assert dataclasses.replace(first, paragraph=2) != first
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.paragraph = 2  # type: ignore[misc]
