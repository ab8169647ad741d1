"""roles: the titles one person is given in different articles, as variants of a fact."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsweave.facts.roles import _distinct_roles, _role_key, attach_roles
from newsweave.model import Annotation, Article, Entity, Fact, Mention, Span

if TYPE_CHECKING:
    from conftest import Disputed


def test_two_titles_for_one_post_are_naming(disputed: Disputed) -> None:
    facts = disputed(
        {
            "a": "Port Alder's transport minister, Rosa Kell, visited the collapsed bridge on "
            "Wednesday and promised an inquiry.",
            "b": "Rosa Kell, the minister for infrastructure, visited the collapsed bridge on "
            "Wednesday and promised a full inquiry.",
        },
    )
    roles = [v for f in facts for v in f.variants if v.detail == "role"]
    print("roles:", [(v.value, v.relation) for v in roles])
    assert len(roles) == 2
    assert {v.relation for v in roles} == {"naming"}
    assert all(v.about == "Rosa Kell" for v in roles)


def test_a_title_is_compared_on_its_words() -> None:
    assert _role_key("Russia's Defense Minister") == "russia defence minister"
    assert _role_key("the Kremlin spokesman") == "kremlin spokesperson"
    assert _role_key("its minister, for ports") == "minister for ports"


def test_a_shorter_or_respelt_title_is_the_same_role() -> None:
    a, b, c = Span("a", 0, 1), Span("b", 0, 1), Span("c", 0, 1)
    kept = _distinct_roles({"north korean leader": [a], "leader": [b], "premier": [c]})
    assert kept == {"north korean leader": [a, b], "premier": [c]}


def _story(roles: dict[str, str]) -> tuple[list[Fact], list[Annotation], list[Entity]]:
    """Articles that each say "<title> Rosa Kell visited the bridge.", and one fact."""
    annotations, spans, support = [], [], []
    for aid, role in roles.items():
        text = f"{role} Rosa Kell visited the bridge."
        name = Span(aid, len(role) + 1, len(role) + 10)
        mention = Mention(name, "Rosa Kell", "PERSON", 0, Span(aid, 0, len(role)), role)
        annotations.append(Annotation(Article(aid, aid, None, text), (), (mention,)))
        spans.append(name)
        support.append(Span(aid, 0, len(text)))
    person = Entity("e1", "Rosa Kell", "PERSON", mentions=tuple(spans))
    fact = Fact("f-1", "Rosa Kell visited the bridge.", "shared", tuple(support))
    return [fact], annotations, [person]


def test_titles_differing_in_rank_conflict() -> None:
    (fact,) = attach_roles(*_story({"a": "Ports minister", "b": "Deputy transport minister"}))
    assert [(v.value, v.article_ids, v.relation, v.about) for v in fact.variants] == [
        ("Deputy transport minister", ("b",), "conflict", "Rosa Kell"),
        ("Ports minister", ("a",), "conflict", "Rosa Kell"),
    ]
    # a title and a longer form of it are one role, so no variants at all
    (fact,) = attach_roles(*_story({"a": "Transport minister", "b": "Deputy transport minister"}))
    assert fact.variants == ()
    (fact,) = attach_roles(*_story({"a": "Transport minister", "b": "Ports minister"}))
    assert {v.relation for v in fact.variants} == {"naming"}


def test_titles_go_on_facts_told_by_two_articles_only() -> None:
    facts, annotations, entities = _story({"a": "Transport minister", "b": "Ports minister"})
    single = [Fact("f-2", facts[0].text, "single", facts[0].support)]
    assert attach_roles(single, annotations, entities) == single
    # and on the first such fact only
    twice = attach_roles(facts + facts, annotations, entities)
    assert [len(f.variants) for f in twice] == [2, 0]
