"""Titles one person is given in different articles, as variants of the facts naming them.

"Russia's environment minister Alexander Kozlov" in one report and "Alexander Kozlov, the
minister for natural resources" in another give one post two names: a ``naming`` variant.
"deputy minister" against "minister" is a ``conflict``: a rank differs.

Example:
    >>> _role_key("Russia's Defense Minister")
    'russia defence minister'
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from newsweave.lexicon.people import RANKS, SPELLING_VARIANTS, TITLE_FILLERS, TITLE_SYNONYMS
from newsweave.model import Annotation, Entity, Fact, Span, Variant, VariantRelation


def attach_roles(
    facts: Sequence[Fact], annotations: Sequence[Annotation], entities: Sequence[Entity]
) -> list[Fact]:
    """``facts`` with the titles one person is given in different articles, each set on the
    first fact (shared by two or more articles) that mentions the person."""
    roles: dict[str, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    entity_at: dict[tuple[str, int], str] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for span in entity.mentions:
            entity_at[(span.article_id, span.start)] = entity.id
    names = {e.id: e.name for e in entities}
    articles = {a.article.id: a.article for a in annotations}
    for annotation in annotations:
        for m in annotation.mentions:
            eid = entity_at.get((m.span.article_id, m.span.start))
            if eid and m.role is not None and m.role_text:
                roles[eid][_role_key(m.role_text)].append(m.role)
    done: set[str] = set()
    out: list[Fact] = []
    for fact in facts:
        extra: list[Variant] = []
        if fact.kind != "single":
            mentioned = {
                eid
                for (aid, start), eid in entity_at.items()
                if any(s.article_id == aid and s.start <= start < s.end for s in fact.support)
            }
            for eid in sorted(mentioned - done):
                by_role = _distinct_roles(roles.get(eid, {}))
                giving = {s.article_id for spans in by_role.values() for s in spans}
                if len(by_role) < 2 or len(giving) < 2:
                    continue
                done.add(eid)
                ranks = {frozenset(set(k.split()) & RANKS) for k in by_role}
                relation: VariantRelation = "naming" if len(ranks) == 1 else "conflict"
                for spans in by_role.values():
                    text = spans[0].text(articles[spans[0].article_id])
                    extra.append(
                        Variant(
                            text,
                            tuple(dict.fromkeys(s.article_id for s in spans)),
                            relation,
                            "role",
                            names[eid],
                            tuple(spans),
                        )
                    )
        out.append(replace(fact, variants=fact.variants + tuple(extra)) if extra else fact)
    return out


def _role_key(text: str) -> str:
    """A title's words, normalised: no possessives or punctuation, one spelling, no articles."""
    text = re.sub(r"['’]s\b", " ", text.lower())
    words = re.sub(r"[^\w\s]", " ", text).split()
    words = [SPELLING_VARIANTS.get(w, TITLE_SYNONYMS.get(w, w)) for w in words]
    return " ".join(w for w in words if w not in TITLE_FILLERS)


def _distinct_roles(roles: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """Roles that say more than a spelling or a shorter form of another role.

    "North Korean leader" and "leader" are one role; "Defense" and "Defence" too.
    """
    keys = sorted(roles, key=lambda k: -len(k.split()))
    kept: dict[str, list[Span]] = {}
    for key in keys:
        words = set(key.split())
        home = next((k for k in kept if words <= set(k.split())), None)
        if home is None:
            kept[key] = list(roles[key])
        else:
            kept[home].extend(roles[key])
    return kept
