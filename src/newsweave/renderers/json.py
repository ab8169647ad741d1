"""The briefing as JSON data, following the ``newsweave.briefing/2`` contract (docs/json.md).

:func:`briefing_dict` is what :meth:`Briefing.to_dict` returns and
:func:`newsweave.renderers.json_read.briefing_from_dict` reads back; the contract is also a
JSON Schema, ``newsweave/schemas/briefing.schema.json``. Every span is written with the
characters it covers, so an excerpt stays readable when the articles' full texts are left out
(``article_text=False``, the CLI's ``--no-article-text``).
"""

from __future__ import annotations

import json
from typing import Any

from newsweave.model import (
    Article,
    Briefing,
    Dating,
    Entity,
    Event,
    Fact,
    Quote,
    Span,
    TimeExpression,
    When,
)

SCHEMA = "newsweave.briefing/2"


def briefing_dict(briefing: Briefing, *, article_text: bool = True) -> dict[str, Any]:
    """The briefing as plain JSON-ready data; ``article_text=False`` leaves the articles' full
    texts out (``null``), keeping the passages the briefing cites."""
    texts = {a.id: a.text for a in briefing.articles}
    return {
        "schema": SCHEMA,
        "story": {
            "id": briefing.story.id,
            "title": briefing.story.title,
            "articles": list(briefing.story.article_ids),
        },
        "articles": [_article(a, texts, article_text) for a in briefing.articles],
        "entities": [_entity(e, texts) for e in briefing.entities],
        "quotes": [_quote(q) for q in briefing.quotes],
        "facts": [_fact(f, texts) for f in briefing.facts],
        "timeline": [_event(e, texts) for e in briefing.timeline],
        "summary": [
            {
                "text": s.text,
                "articles": list(s.article_ids),
                "evidence": [_evidence(e, texts) for e in s.evidence],
                "origin": s.origin,
            }
            for s in briefing.summary
        ],
        "summary_writer": briefing.summary_writer,
        "unsupported": [
            {"text": u.text, "articles": list(u.article_ids), "reason": u.reason}
            for u in briefing.unsupported
        ],
        "flagged": [{**_evidence(f.span, texts), "reason": f.reason} for f in briefing.flagged],
        "rejected": [{"input": r.input, "reason": r.reason} for r in briefing.rejected],
        "dates": [_time(t) for t in briefing.dates],
    }


def render_json(briefing: Briefing, *, article_text: bool = True) -> str:
    """The briefing as indented JSON text (UTF-8, not ASCII-escaped)."""
    data = briefing_dict(briefing, article_text=article_text)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _article(article: Article, texts: dict[str, str], article_text: bool) -> dict[str, Any]:
    dating = article.dating
    published = article.published.isoformat() if article.published else None
    if dating is not None:
        published = dating.when.label
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "published": published,
        "published_day": article.published.isoformat() if article.published else None,
        "published_inferred": article.published_inferred,
        "dating": _dating(dating, texts) if dating else None,
        "url": article.url,
        "path": article.path,
        "lang": article.lang,
        "title_span": (
            {"start": article.title_span.start, "end": article.title_span.end}
            if article.title_span
            else None
        ),
        "removed": [
            {"start": r.span.start, "end": r.span.end, "reason": r.reason} for r in article.removed
        ],
        "meta": [[key, value] for key, value in article.meta],
        "text": article.text if article_text and article.full_text else None,
    }


def _when(when: When) -> dict[str, Any]:
    return {
        "when": when.label,
        "precision": when.precision,
        "earliest": when.earliest.isoformat(),
        "latest": when.latest.isoformat(),
    }


def _dating(dating: Dating, texts: dict[str, str]) -> dict[str, Any]:
    return {
        **_when(dating.when),
        "inferred": dating.inferred,
        "reason": dating.reason,
        "evidence": [_evidence(s, texts) for s in dating.evidence],
    }


def _event(event: Event, texts: dict[str, str]) -> dict[str, Any]:
    return {
        **_when(event.when),
        "text": event.text,
        "expected": event.expected,
        "articles": list(event.article_ids),
        "evidence": [_evidence(s, texts) for s in event.support],
        "dates": [_evidence(s, texts) for s in event.dates],
    }


def _time(time: TimeExpression) -> dict[str, Any]:
    return {
        "article": time.span.article_id,
        "start": time.span.start,
        "end": time.span.end,
        "text": time.text,
        "kind": time.kind,
        **(_when(time.when) if time.when else {"when": None}),
        "relative": time.relative,
        "tense": time.tense,
        "length": time.length,
    }


def _offsets(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"start": span.start, "end": span.end}


def _quote(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "id": quote.id,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": None if speaker is None else {"name": speaker.name, "entity": speaker.entity_id},
        "role": quote.role,
        "via": quote.via,
        "article": quote.span.article_id,
        "start": quote.span.start,
        "end": quote.span.end,
        "cue": _offsets(quote.cue),
        "speaker_span": _offsets(quote.speaker_span),
        "group": quote.group,
    }


def _entity(entity: Entity, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "roles": list(entity.roles),
        "articles": list(entity.article_ids),
        "mentions": [_evidence(m, texts) for m in entity.mentions],
    }


def _evidence(span: Span, texts: dict[str, str]) -> dict[str, Any]:
    text = texts.get(span.article_id, "")
    return {
        "article": span.article_id,
        "start": span.start,
        "end": span.end,
        "text": text[span.start : span.end],
    }


def _fact(fact: Fact, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "id": fact.id,
        "text": fact.text,
        "kind": fact.kind,
        "disputed": fact.disputed,
        "articles": list(fact.article_ids),
        "evidence": [_evidence(s, texts) for s in fact.support],
        "variants": [
            {
                "value": v.value,
                "articles": list(v.article_ids),
                "relation": v.relation,
                "detail": v.detail,
                "about": v.about,
                "hedged": v.hedged,
                "as_of": v.as_of.isoformat() if v.as_of else None,
                "evidence": [_evidence(s, texts) for s in v.evidence],
            }
            for v in fact.variants
        ],
    }
