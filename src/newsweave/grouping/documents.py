"""Articles as the store keeps them: every field as read, as JSON, and back unchanged.

The store is the source of truth for what it has grouped: ``newsweave brief --db FILE
--story ID`` briefs a stored story from these records, so an article read back must equal
the article that was stored, field for field (text, headline and its span, URL, path,
source, dates and how they are known, language, metadata).

Example:
    >>> import datetime as dt
    >>> a = Article("a1", "Wire", "Dam opens", "The dam opened.", published=dt.date(2023, 9, 12))
    >>> article_from_json(article_json(a)) == a
    True
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from newsweave.errors import NewsweaveError
from newsweave.model import Article, Dating, Removed, Span, When

DOCUMENT_VERSION = 1  # stored in every record; records of other versions are refused


class DocumentError(NewsweaveError):
    """A stored record that is not an article this version can read."""


def article_json(article: Article) -> str:
    """``article`` as one JSON object (UTF-8 safe, lone surrogates escaped)."""
    return json.dumps(_article_dict(article), ensure_ascii=True, separators=(",", ":"))


def _article_dict(a: Article) -> dict[str, Any]:
    return {
        "v": DOCUMENT_VERSION,
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "text": a.text,
        "url": a.url,
        "path": a.path,
        "published": a.published.isoformat() if a.published else None,
        "published_inferred": a.published_inferred,
        "lang": a.lang,
        "title_span": _span(a.title_span) if a.title_span else None,
        "removed": [[*_span(r.span), r.reason] for r in a.removed],
        "meta": [list(kv) for kv in a.meta],
        "dating": _dating(a.dating) if a.dating else None,
    }


def _span(s: Span) -> list[Any]:
    return [s.article_id, s.start, s.end]


def _dating(d: Dating) -> dict[str, Any]:
    return {
        "when": [d.when.earliest.isoformat(), d.when.latest.isoformat(), d.when.precision],
        "inferred": d.inferred,
        "reason": d.reason,
        "evidence": [_span(s) for s in d.evidence],
    }


def article_from_json(record: str) -> Article:
    """The article :func:`article_json` wrote.

    Raises:
        DocumentError: not such a record (another version, a missing or mistyped field).
    """
    try:
        d = json.loads(record)
        if not isinstance(d, dict) or d.get("v") != DOCUMENT_VERSION:
            version = d.get("v") if isinstance(d, dict) else None
            raise DocumentError(f"stored article record of version {version!r}")
        published = d["published"]
        return Article(
            id=str(d["id"]),
            source=str(d["source"]),
            title=d["title"],
            text=str(d["text"]),
            url=d["url"],
            path=d["path"],
            published=dt.date.fromisoformat(published) if published else None,
            published_inferred=bool(d["published_inferred"]),
            lang=d["lang"],
            title_span=Span(*d["title_span"]) if d["title_span"] else None,
            removed=tuple(Removed(Span(*r[:3]), str(r[3])) for r in d["removed"]),
            meta=tuple((str(k), str(v)) for k, v in d["meta"]),
            dating=_dating_from(d["dating"]) if d["dating"] else None,
        )
    except DocumentError:
        raise
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise DocumentError(f"unreadable stored article record ({exc})") from None


def _dating_from(d: dict[str, Any]) -> Dating:
    earliest, latest, precision = d["when"]
    when = When(dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest), precision)
    evidence = tuple(Span(*s) for s in d["evidence"])
    return Dating(when, bool(d["inferred"]), str(d["reason"]), evidence)
