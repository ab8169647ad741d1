"""Resolve entity mentions across all articles of a story into entities.

Kim Jong-un, Kim Jong Un, Mr Kim and Kim become one PERSON; Jo Chun Ryong and Jo
Chun-ryong one; KCNA and Korean Central News Agency one ORG. The rules are general:

* names are compared on a key that ignores case, hyphens, dots, accents, honorifics and
  possessives;
* a shorter person name joins the most-mentioned longer name that begins or ends with it
  (a family name, or a given name plus family name);
* an acronym joins the name whose initials it spells;
* an organisation name joins a longer one that only adds a place in front
  ("State Department" / "US State Department");
* the type is a vote over all mentions, so one article's mis-tagged place is outvoted.

Names join in chains ("Owsley" → "Douglas Owsley" ← "Doug Owsley"), each chain one entity.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, get_args

from newsweave.lexicon.people import ACRONYM_SKIP, HONORIFICS, NAME_PARTICLES
from newsweave.model import PLACE_TYPES, Annotation, Entity, EntityType, Mention

if TYPE_CHECKING:
    from scipy.cluster.hierarchy import DisjointSet

_ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)
CONTEXT_WEIGHT = 3  # a label the sentence gave ("Mayor X") outvotes the model's guesses
_DASHES = re.compile(r"[-‐‑‒–—]")
_NON_WORD = re.compile(r"[^\w\s]")
_SLUG = re.compile(r"[^a-z0-9]+")


def name_key(text: str) -> str:
    """The comparison key of a name.

    Example:
        >>> name_key("Mr Kim Jong-un’s") == name_key("kim jong un")
        True
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['’]s$", "", text.strip())
    text = _DASHES.sub(" ", text.lower())
    text = _NON_WORD.sub("", text)
    tokens = text.split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0] in HONORIFICS:
        tokens = tokens[1:]
    return " ".join(tokens)


@dataclass
class _Group:
    """The mentions written with one name key, while names are being joined."""

    key: str
    mentions: list[Mention] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)

    @property
    def tokens(self) -> list[str]:
        return self.key.split()

    def surface(self) -> str:
        """The most frequent written form, preferring one without an honorific."""
        forms = Counter(m.text for m in self.mentions)
        return max(forms, key=lambda f: (not _has_honorific(f), forms[f], len(f)))

    def kind(self) -> str:
        place = sum(n for label, n in self.labels.items() if label in PLACE_TYPES)
        votes = Counter({lab: n for lab, n in self.labels.items() if lab not in PLACE_TYPES})
        if place:
            votes["PLACE"] = place
        # Ties go to places: the model's known errors are places tagged ORG or PERSON.
        order = {"PLACE": 3, "PERSON": 2, "ORG": 1}
        return max(votes, key=lambda lab: (votes[lab], order.get(lab, 0)))


def _has_honorific(text: str) -> bool:
    first = text.split()[0].lower().rstrip(".") if text.split() else ""
    return first in HONORIFICS and len(text.split()) > 1


def resolve_entities(annotations: Sequence[Annotation]) -> tuple[Entity, ...]:
    """Group the mentions of all ``annotations`` into entities, most mentioned first.

    Every mention keeps its article id and offsets; ``Entity.roles`` collects the titles
    written beside a person's name ("Kremlin spokesman", "Russia's minister for natural
    resources").
    """
    from scipy.cluster.hierarchy import DisjointSet

    groups: dict[str, _Group] = {}
    for annotation in annotations:
        for mention in annotation.mentions:
            key = name_key(mention.text)
            if not key or not any(ch.isalpha() for ch in key):
                continue
            group = groups.setdefault(key, _Group(key))
            group.mentions.append(mention)
            group.labels[mention.label] += CONTEXT_WEIGHT if mention.by_context else 1
    _drop_joined_names(groups)
    _vote_person_tokens(groups)
    names = _Names(groups, DisjointSet(groups))
    _join_short_names(names)
    _join_acronyms(names)
    _join_prefixed_orgs(names)
    return _build(names)


@dataclass(frozen=True, slots=True)
class _Names:
    """The story's name groups by key, and which of them have joined into one entity.

    Each chain of joined names has a head: the name it was last joined to ("Doug Owsley"
    joined to "Douglas Owsley" is headed by "Douglas Owsley").
    """

    groups: dict[str, _Group]
    joined: DisjointSet  # of group keys
    heads: dict[str, str] = field(default_factory=dict)  # chain (joined[key]) → head key

    def join(self, short: _Group, full: _Group) -> None:
        """Join the chain of ``short`` to the chain of ``full``, which keeps its head."""
        head = self.head(full)
        if self.joined.merge(short.key, full.key):
            self.heads[self.joined[full.key]] = head

    def head(self, group: _Group) -> str:
        return self.heads.get(self.joined[group.key], group.key)

    def mentioned(self, group: _Group) -> int:
        """How often the name heading ``group``'s chain is written.

        A name that could join several picks the most written. Only the head's own mentions
        count, not the whole chain's: counting the chain ("Owsley" → "Douglas Owsley", also
        written "Doug Owsley") picks other names on real stories, so it waits for an
        evaluation of its own.
        """
        return len(self.groups[self.head(group)].mentions)


def _drop_joined_names(groups: dict[str, _Group]) -> None:
    # "a Putin-Kim summit": two known names joined by a hyphen are not a third person.
    for key, group in list(groups.items()):
        parts = [name_key(p) for p in _DASHES.split(group.surface()) if p.strip()]
        if (
            len(parts) == 2
            and all(p in groups and p != key and len(p.split()) == 1 for p in parts)
            and not any(p == group.tokens[0] for p in parts[1:])
        ):
            del groups[key]


def _vote_person_tokens(groups: dict[str, _Group]) -> None:
    # A one-word name that is part of a person's full name elsewhere is a person:
    # "Jackson" after "Michael Jackson", whatever the gazetteer says.
    person_tokens = {
        tok
        for g in groups.values()
        if len(g.tokens) > 1 and g.kind() == "PERSON"
        for tok in (g.tokens[0], g.tokens[-1])
    }
    # "Leyen" after "Ursula von der Leyen": a surname that follows a particle in a full
    # name is that person's, however the model typed it alone
    particle_surnames = {
        g.tokens[-1]
        for g in groups.values()
        if len(g.tokens) >= 3 and g.tokens[-2] in NAME_PARTICLES and g.kind() == "PERSON"
    }
    for group in groups.values():
        single = len(group.tokens) == 1 and group.key in person_tokens
        surname = len(group.tokens) == 1 and group.key in particle_surnames
        if surname or (single and group.kind() == "PLACE" and group.labels["PERSON"]):
            # more than all other votes together: ties go to places otherwise
            group.labels["PERSON"] += sum(group.labels.values()) + 1


def _join_short_names(names: _Names) -> None:
    groups = names.groups
    people = [g for g in groups.values() if g.kind() == "PERSON"]
    surnames = {g.tokens[-1] for g in people if len(g.tokens) > 1}
    for group in groups.values():
        # "Reyes" tagged ORG in an article that earlier named "Tomas Reyes".
        single = len(group.tokens) == 1 and group.key in surnames
        if single and group.kind() == "ORG" and not group.surface().isupper():
            group.labels["PERSON"] += sum(group.labels.values())
            people.append(group)
    _join_short_given_names(names, people)
    for short in sorted(people, key=lambda g: len(g.tokens)):
        n = len(short.tokens)
        candidates = [
            g
            for g in people
            if len(g.tokens) > n and (g.tokens[:n] == short.tokens or g.tokens[-n:] == short.tokens)
        ]
        if candidates:
            best = max(candidates, key=lambda g: (names.mentioned(g), len(g.tokens)))
            names.join(short, best)


def _join_short_given_names(names: _Names, people: list[_Group]) -> None:
    """Join "Doug Owsley" to "Douglas Owsley": one family name, a shortened given name."""
    by_last: dict[str, list[_Group]] = defaultdict(list)
    for group in people:
        if len(group.tokens) == 2:
            by_last[group.tokens[1]].append(group)
    for groups in by_last.values():
        for a in groups:
            for b in groups:
                first_a, first_b = a.tokens[0], b.tokens[0]
                if a is not b and len(first_a) >= 3 and first_b.startswith(first_a):
                    names.join(a, b)


def _initials(surface: str) -> str:
    letters = []
    for word in _DASHES.sub(" ", surface).replace("’s", "").replace("'s", "").split():
        clean = _NON_WORD.sub("", word)
        if not clean or clean.lower() in ACRONYM_SKIP:
            continue
        letters.append(clean if clean.isupper() and len(clean) <= 4 else clean[0])
    return "".join(letters).upper()


def _join_acronyms(names: _Names) -> None:
    groups = names.groups
    by_initials: dict[str, list[_Group]] = defaultdict(list)
    for group in groups.values():
        if len(group.tokens) > 1:
            by_initials[_initials(group.surface())].append(group)
    for group in groups.values():
        surface = group.surface().replace(".", "")
        if len(group.tokens) == 1 and surface.isupper() and 2 <= len(surface) <= 6:
            candidates = by_initials.get(surface, [])
            if candidates:
                best = max(candidates, key=names.mentioned)
                if best.kind() == group.kind() or group.kind() == "ORG":
                    names.join(group, best)


def _join_prefixed_orgs(names: _Names) -> None:
    groups = names.groups
    place_tokens = {
        tok for g in groups.values() if g.kind() in {"PLACE", "NORP"} for tok in g.tokens
    }
    orgs = [g for g in groups.values() if g.kind() == "ORG" and len(g.tokens) > 1]
    for short in orgs:
        n = len(short.tokens)
        candidates = [
            g
            for g in orgs
            if len(g.tokens) > n
            and g.tokens[-n:] == short.tokens
            and all(tok in place_tokens for tok in g.tokens[:-n])
        ]
        if candidates:
            names.join(short, max(candidates, key=names.mentioned))


def _entity_type(labels: Counter[str]) -> EntityType:
    place: Counter[str] = Counter({lab: n for lab, n in labels.items() if lab in PLACE_TYPES})
    others = Counter({lab: n for lab, n in labels.items() if lab not in PLACE_TYPES})
    if place and sum(place.values()) >= max(others.values(), default=0):
        label = max(place, key=lambda lab: (place[lab], lab == "GPE"))
    else:
        label = max(others, key=lambda lab: others[lab])
    return next((t for t in _ENTITY_TYPES if t == label), "OTHER")


def _build(names: _Names) -> tuple[Entity, ...]:
    clusters: dict[str, list[_Group]] = defaultdict(list)
    for key, group in names.groups.items():
        clusters[names.joined[key]].append(group)
    entities = []
    for members in clusters.values():
        mentions = sorted(
            (m for g in members for m in g.mentions),
            key=lambda m: (m.span.article_id, m.span.start),
        )
        labels: Counter[str] = Counter()
        for g in members:
            labels.update(g.labels)
        longest = max(len(g.tokens) for g in members)
        main = max(
            (g for g in members if len(g.tokens) == longest),
            key=lambda g: (len(g.mentions), len(g.key), g.key),
        )
        name = main.surface()
        forms = Counter(m.text for m in mentions)
        aliases = tuple(f for f, _ in forms.most_common() if f != name)
        roles = Counter(
            _clean_role(m.role_text) for m in mentions if m.role_text and _clean_role(m.role_text)
        )
        entities.append(
            Entity(
                id="",
                name=name,
                type=_entity_type(labels),
                aliases=aliases,
                roles=_dedupe_roles(roles),
                mentions=tuple(m.span for m in mentions),
            )
        )
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return tuple(_with_ids(entities))


def _clean_role(role: str) -> str:
    return " ".join(role.split()).strip(" ,")


def _dedupe_roles(roles: Counter[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for role, _ in roles.most_common():
        low = role.lower()
        if low not in seen:
            seen.add(low)
            out.append(role)
    return tuple(out)


def _with_ids(entities: list[Entity]) -> Iterable[Entity]:
    used: Counter[str] = Counter()
    for entity in entities:
        slug = _SLUG.sub("-", name_key(entity.name)).strip("-") or "entity"
        used[slug] += 1
        suffix = f"-{used[slug]}" if used[slug] > 1 else ""
        yield replace(entity, id=f"{slug}{suffix}")
