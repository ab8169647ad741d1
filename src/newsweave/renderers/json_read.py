"""Briefing JSON read back into a :class:`~newsweave.model.Briefing`.

:func:`briefing_from_dict` is :meth:`Briefing.from_dict`: it reads exactly what
:func:`newsweave.renderers.json.briefing_dict` writes, so ``from_dict(d).to_dict() == d``.
The data is untrusted: every field is checked for its type, and the first bad one raises a
:class:`~newsweave.errors.BriefingFormatError` that names it (``facts[3].variants[0].value:
expected text``). An article written without its text (``"text": null``) comes back with
the passages the JSON cites at their offsets and blanks elsewhere (``full_text=False``).

Example:
    >>> from newsweave.model import Article, Briefing, Story
    >>> b = Briefing(Story("s-1", "Dam opens", ("a",)), (Article("a", "Wire", None, "Dam."),))
    >>> Briefing.from_dict(b.to_dict()) == b
    True
    >>> Briefing.from_dict({"schema": "newsweave.briefing/1"})
    Traceback (most recent call last):
    ...
    newsweave.errors.BriefingFormatError: schema: 'newsweave.briefing/1' is not newsweave.briefing/2
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

from newsweave.errors import BriefingFormatError
from newsweave.model import (
    Article,
    Briefing,
    Dating,
    Entity,
    Event,
    Fact,
    Flagged,
    Quote,
    Rejected,
    Removed,
    Span,
    Speaker,
    Story,
    SummarySentence,
    TimeExpression,
    UnsupportedSentence,
    Variant,
    When,
)
from newsweave.renderers.json import SCHEMA

# An article's text rebuilt from cited passages is never longer than this: offsets in
# hostile JSON cannot make it allocate more.
MAX_TEXT = 10_000_000

T = TypeVar("T")
Obj = Mapping[str, Any]


def briefing_from_dict(data: Mapping[str, Any]) -> Briefing:
    """The :class:`Briefing` that ``data`` (``newsweave.briefing/2``) describes.

    Raises:
        BriefingFormatError: ``data`` is not briefing data; the message names the item.
    """
    if not isinstance(data, Mapping):
        raise BriefingFormatError(f"briefing: expected a JSON object, got {_kind(data)}")
    if data.get("schema") != SCHEMA:
        raise BriefingFormatError(f"schema: {data.get('schema')!r} is not {SCHEMA}")
    texts = _texts(data)
    story = _obj(data, "story", "story")
    return Briefing(
        story=Story(
            _str(story, "id", "story"),
            _str(story, "title", "story"),
            tuple(_strs(story, "articles", "story")),
        ),
        articles=_each(data, "articles", lambda o, at: _article(o, at, texts)),
        entities=_each(data, "entities", _entity),
        quotes=_each(data, "quotes", _quote),
        facts=_each(data, "facts", _fact),
        timeline=_each(data, "timeline", _event),
        summary=_each(data, "summary", _summary),
        rejected=_each(
            data, "rejected", lambda o, at: Rejected(_str(o, "input", at), _str(o, "reason", at))
        ),
        dates=_each(data, "dates", _time),
        summary_writer=_str(data, "summary_writer", "briefing"),
        unsupported=_each(data, "unsupported", _unsupported),
        flagged=_each(data, "flagged", lambda o, at: Flagged(_span(o, at), _str(o, "reason", at))),
    )


# --- the articles' texts --------------------------------------------------------------------


def _texts(data: Obj) -> dict[str, tuple[str, bool]]:
    """Each article's text and whether it is whole: its own, or the passages cited in ``data``
    at their offsets (blanks elsewhere) when it was written without its text."""
    articles = data.get("articles")
    if not isinstance(articles, list):
        raise BriefingFormatError(f"articles: expected a list, got {_kind(articles)}")
    whole = {
        a["id"]: a["text"]
        for a in articles
        if isinstance(a, Mapping)
        and isinstance(a.get("id"), str)
        and isinstance(a.get("text"), str)
    }
    parts: dict[str, list[tuple[int, str]]] = {}
    for item in _spans_in(data):
        aid, start, text = item.get("article"), item.get("start"), item.get("text")
        if (
            isinstance(aid, str)
            and aid not in whole
            and isinstance(text, str)
            and isinstance(start, int)
            and not isinstance(start, bool)
            and 0 <= start <= MAX_TEXT - len(text)
        ):
            parts.setdefault(aid, []).append((start, text))
    out = {aid: (text, True) for aid, text in whole.items()}
    for aid, found in parts.items():
        size = max(start + len(text) for start, text in found)
        chars = [" "] * size
        for start, text in found:
            chars[start : start + len(text)] = text
        out[aid] = ("".join(chars), False)
    return out


def _spans_in(node: Any) -> list[Obj]:
    """Every object in ``node`` that cites characters of an article (``article``, ``start``,
    ``end`` and ``text``)."""
    found: list[Obj] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            if {"article", "start", "end", "text"} <= item.keys():
                found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


# --- sections -------------------------------------------------------------------------------


def _article(o: Obj, at: str, texts: dict[str, tuple[str, bool]]) -> Article:
    aid = _str(o, "id", at)
    text, whole = texts.get(aid, ("", o.get("text") is not None))
    dating = _opt(o, "dating", at, _dating)
    title_span = _opt(o, "title_span", at, lambda t, where: _offsets(t, where, aid))
    meta = tuple(_pair(m, f"{at}.meta[{i}]") for i, m in enumerate(_list(o, "meta", at)))
    return Article(
        id=aid,
        source=_str(o, "source", at),
        title=_ostr(o, "title", at),
        text=text,
        url=_ostr(o, "url", at),
        path=_ostr(o, "path", at),
        published=_day(o.get("published_day"), f"{at}.published_day"),
        published_inferred=_bool(o, "published_inferred", at),
        lang=_ostr(o, "lang", at),
        title_span=title_span,
        removed=tuple(
            Removed(_offsets(r, f"{at}.removed[{i}]", aid), _str(r, "reason", f"{at}.removed[{i}]"))
            for i, r in enumerate(_objs(o, "removed", at))
        ),
        meta=meta,
        dating=dating,
        full_text=whole,
    )


def _dating(o: Obj, at: str) -> Dating:
    return Dating(
        _when(o, at), _bool(o, "inferred", at), _str(o, "reason", at), _spans(o, "evidence", at)
    )


def _entity(o: Obj, at: str) -> Entity:
    return Entity(
        id=_str(o, "id", at),
        name=_str(o, "name", at),
        type=cast(
            "Any",
            _choice(
                o, "type", at, ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "OTHER")
            ),
        ),
        aliases=tuple(_strs(o, "aliases", at)),
        roles=tuple(_strs(o, "roles", at)),
        mentions=_spans(o, "mentions", at),
    )


def _quote(o: Obj, at: str) -> Quote:
    aid = _str(o, "article", at)
    speaker = _opt(
        o,
        "speaker",
        at,
        lambda s, where: Speaker(_str(s, "name", where), _ostr(s, "entity", where)),
    )
    return Quote(
        id=_str(o, "id", at),
        span=_span(o, at),
        text=_str(o, "text", at),
        kind=cast("Any", _choice(o, "kind", at, ("direct", "partial", "indirect"))),
        speaker=speaker,
        cue=_opt(o, "cue", at, lambda c, where: _offsets(c, where, aid)),
        group=_ostr(o, "group", at),
        speaker_span=_opt(o, "speaker_span", at, lambda c, where: _offsets(c, where, aid)),
        role=_ostr(o, "role", at),
        via=_ostr(o, "via", at),
    )


def _fact(o: Obj, at: str) -> Fact:
    return Fact(
        id=_str(o, "id", at),
        text=_str(o, "text", at),
        kind=cast("Any", _choice(o, "kind", at, ("consensus", "shared", "single"))),
        support=_spans(o, "evidence", at),
        variants=_each(o, "variants", _variant, at),
    )


def _variant(o: Obj, at: str) -> Variant:
    details = ("number", "date", "time", "place", "role", "negation", "agent")
    return Variant(
        value=_str(o, "value", at),
        article_ids=tuple(_strs(o, "articles", at)),
        relation=cast("Any", _choice(o, "relation", at, ("conflict", "naming", "superseded"))),
        detail=cast("Any", _choice(o, "detail", at, details)),
        about=_str(o, "about", at),
        evidence=_spans(o, "evidence", at),
        hedged=_bool(o, "hedged", at),
        as_of=_day(o.get("as_of"), f"{at}.as_of"),
    )


def _event(o: Obj, at: str) -> Event:
    return Event(
        when=_when(o, at),
        text=_str(o, "text", at),
        support=_spans(o, "evidence", at),
        dates=_spans(o, "dates", at),
        expected=_bool(o, "expected", at),
    )


def _summary(o: Obj, at: str) -> SummarySentence:
    return SummarySentence(
        text=_str(o, "text", at),
        article_ids=tuple(_strs(o, "articles", at)),
        evidence=_spans(o, "evidence", at),
        origin=cast("Any", _choice(o, "origin", at, ("outlet", "dispute", "model"))),
    )


def _unsupported(o: Obj, at: str) -> UnsupportedSentence:
    return UnsupportedSentence(
        _str(o, "text", at), tuple(_strs(o, "articles", at)), _str(o, "reason", at)
    )


def _time(o: Obj, at: str) -> TimeExpression:
    return TimeExpression(
        span=_span(o, at),
        text=_str(o, "text", at),
        kind=cast("Any", _choice(o, "kind", at, ("date", "duration", "recurring", "unresolved"))),
        when=None if o.get("when") is None else _when(o, at),
        relative=_bool(o, "relative", at),
        tense=cast("Any", _choice(o, "tense", at, ("past", "present", "future", "unknown"))),
        length=_ostr(o, "length", at),
    )


def _when(o: Obj, at: str) -> When:
    precision = _choice(o, "precision", at, ("day", "week", "month", "year"))
    earliest = _day(o.get("earliest"), f"{at}.earliest")
    latest = _day(o.get("latest"), f"{at}.latest")
    if earliest is None or latest is None:
        raise BriefingFormatError(f"{at}: a date needs earliest and latest days")
    try:
        return When(earliest, latest, cast("Any", precision))
    except ValueError as exc:
        raise BriefingFormatError(f"{at}: {exc}") from None


# --- typed fields ---------------------------------------------------------------------------


def _each(o: Obj, key: str, read: Callable[[Obj, str], T], at: str = "") -> tuple[T, ...]:
    where = _path(at, key)
    return tuple(read(item, f"{where}[{i}]") for i, item in enumerate(_objs(o, key, at)))


def _objs(o: Obj, key: str, at: str) -> list[Obj]:
    items = _list(o, key, at)
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            where = _path(at, key)
            raise BriefingFormatError(f"{where}[{i}]: expected an object, got {_kind(item)}")
    return items


def _list(o: Obj, key: str, at: str) -> list[Any]:
    value = o.get(key)
    if not isinstance(value, list):
        raise BriefingFormatError(f"{_path(at, key)}: expected a list, got {_kind(value)}")
    return value


def _path(at: str, key: str) -> str:
    return f"{at}.{key}" if at else key


def _obj(o: Obj, key: str, at: str) -> Obj:
    value = o.get(key)
    if not isinstance(value, Mapping):
        raise BriefingFormatError(f"{at}: expected an object, got {_kind(value)}")
    return value


def _opt(o: Obj, key: str, at: str, read: Callable[[Obj, str], T]) -> T | None:
    value = o.get(key)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise BriefingFormatError(f"{at}.{key}: expected an object or null, got {_kind(value)}")
    return read(value, f"{at}.{key}")


def _str(o: Obj, key: str, at: str) -> str:
    value = o.get(key)
    if not isinstance(value, str):
        raise BriefingFormatError(f"{at}.{key}: expected text, got {_kind(value)}")
    return value


def _ostr(o: Obj, key: str, at: str) -> str | None:
    return None if o.get(key) is None else _str(o, key, at)


def _strs(o: Obj, key: str, at: str) -> list[str]:
    values = _list(o, key, at)
    if not all(isinstance(v, str) for v in values):
        raise BriefingFormatError(f"{at}.{key}: expected a list of text")
    return values


def _pair(value: Any, at: str) -> tuple[str, str]:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise BriefingFormatError(f"{at}: expected [key, value] text")
    return value[0], value[1]


def _bool(o: Obj, key: str, at: str) -> bool:
    value = o.get(key)
    if not isinstance(value, bool):
        raise BriefingFormatError(f"{at}.{key}: expected true or false, got {_kind(value)}")
    return value


def _int(o: Obj, key: str, at: str) -> int:
    value = o.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise BriefingFormatError(f"{at}.{key}: expected a whole number ≥ 0, got {_kind(value)}")
    return value


def _choice(o: Obj, key: str, at: str, allowed: tuple[str, ...]) -> str:
    value = _str(o, key, at)
    if value not in allowed:
        raise BriefingFormatError(f"{at}.{key}: {value!r} is not one of {', '.join(allowed)}")
    return value


def _day(value: Any, at: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise BriefingFormatError(f"{at}: expected a YYYY-MM-DD day, got {_kind(value)}") from None


def _offsets(o: Obj, at: str, article_id: str) -> Span:
    start, end = _int(o, "start", at), _int(o, "end", at)
    if end < start:
        raise BriefingFormatError(f"{at}: end {end} before start {start}")
    return Span(article_id, start, end)


def _span(o: Obj, at: str) -> Span:
    return _offsets(o, at, _str(o, "article", at))


def _spans(o: Obj, key: str, at: str) -> tuple[Span, ...]:
    return tuple(_span(s, f"{at}.{key}[{i}]") for i, s in enumerate(_objs(o, key, at)))


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return repr(value[:40])
    return type(value).__name__
