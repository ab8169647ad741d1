"""entities: cross-article resolution of names, acronyms, types and roles."""

from __future__ import annotations

import pytest

from newsweave.entities import name_key, resolve_entities
from newsweave.model import Annotation, Article, Entity, Mention, Span


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong-un", "Kim Jong Un"),
        ("Jo Chun Ryong", "Jo Chun-ryong"),
        ("Mr Kim", "Kim"),
        ("the Kremlin", "Kremlin"),
        ("Tomás Reyes", "Tomas Reyes"),
        ("Kyiv’s", "Kyiv"),
        ("U.S.", "US"),
    ],
)
def test_name_key_equates_spelling_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def _story(*articles: list[tuple[str, str]] | list[tuple[str, str, str]]) -> list[Annotation]:
    """Annotations built by hand: (text, label[, role]) mentions per article."""
    out = []
    for index, mentions in enumerate(articles):
        aid = f"a{index}"
        text = " ".join(m[0] for m in mentions)
        built, pos = [], 0
        for m in mentions:
            role = m[2] if len(m) > 2 else None
            built.append(Mention(Span(aid, pos, pos + len(m[0])), m[0], m[1], 0, None, role))
            pos += len(m[0]) + 1
        out.append(Annotation(Article(aid, f"s{index}", None, text), (), tuple(built)))
    return out


def _find(entities: tuple[Entity, ...], name: str) -> Entity:
    matches = [e for e in entities if e.name == name or name in e.aliases]
    assert len(matches) == 1, f"{name}: {matches}"
    return matches[0]


def test_short_and_spelled_names_join_the_full_name() -> None:
    entities = resolve_entities(
        _story(
            [("Kim Jong-un", "PERSON"), ("Mr Kim", "PERSON"), ("Kim", "PERSON")],
            [("Kim Jong Un", "PERSON"), ("Kim", "PERSON"), ("Kim Jong Il", "PERSON")],
            [("Jo Chun Ryong", "PERSON"), ("Jo Chun-ryong", "PERSON"), ("Peskov", "PERSON")],
            [("Dmitry Peskov", "PERSON", "Kremlin spokesman")],
        )
    )
    kim = _find(entities, "Kim Jong Un")
    assert {"Kim Jong-un", "Mr Kim", "Kim"} <= {kim.name, *kim.aliases}
    assert kim.article_ids == ("a0", "a1")
    assert _find(entities, "Kim Jong Il") is not kim
    jo = _find(entities, "Jo Chun Ryong")
    assert "Jo Chun-ryong" in {jo.name, *jo.aliases}
    peskov = _find(entities, "Peskov")
    assert peskov.name == "Dmitry Peskov"
    assert peskov.roles == ("Kremlin spokesman",)
    assert peskov.type == "PERSON"


def test_shortened_given_names_join() -> None:
    entities = resolve_entities(
        _story(
            [("Douglas Owsley", "PERSON"), ("Owsley", "PERSON")],
            [("Doug Owsley", "PERSON"), ("Dougal Brand", "PERSON"), ("Doug Brandt", "PERSON")],
        )
    )
    assert _find(entities, "Doug Owsley").name == "Douglas Owsley"
    assert _find(entities, "Dougal Brand") is not _find(entities, "Doug Brandt")


def test_acronyms_and_place_prefixed_organisations_join() -> None:
    entities = resolve_entities(
        _story(
            [("Korean Central News Agency", "ORG"), ("KCNA", "ORG"), ("US", "GPE")],
            [("State Department", "ORG"), ("US State Department", "ORG")],
            [("United States", "GPE"), ("UN Security Council", "ORG"), ("UNSC", "ORG")],
        )
    )
    assert _find(entities, "KCNA").name == "Korean Central News Agency"
    assert _find(entities, "State Department") is _find(entities, "US State Department")
    assert _find(entities, "US").name == "United States"
    assert _find(entities, "UNSC").name == "UN Security Council"


def test_honorific_is_stripped_from_the_key() -> None:
    assert name_key("Dr Ana Pereira") == "ana pereira"
    assert name_key("Mr Kim") == "kim"
    assert name_key("Dr") == "dr"  # a lone honorific is a name, not an empty key
    (entity,) = resolve_entities(_story([("Dr Pereira", "PERSON"), ("Pereira", "PERSON")]))
    assert entity.name == "Pereira"  # the written form without the honorific names it
    assert entity.aliases == ("Dr Pereira",)


def test_short_family_name_joins_the_full_name() -> None:
    entities = resolve_entities(
        _story(
            [("Miriam Hask", "PERSON"), ("Hask", "PERSON")],
            [("Hask", "PERSON"), ("Colm Brady", "PERSON")],
        )
    )
    hask = _find(entities, "Hask")
    assert hask.name == "Miriam Hask"
    assert len(hask.mentions) == 3
    assert _find(entities, "Colm Brady") is not hask


def test_a_surname_tagged_org_joins_the_person() -> None:
    # "Reyes" tagged ORG in an article that elsewhere names "Tomas Reyes"
    entities = resolve_entities(
        _story([("Miriam Hask", "PERSON")], [("Hask", "ORG"), ("Hask", "ORG"), ("NATO", "ORG")])
    )
    hask = _find(entities, "Hask")
    assert (hask.name, hask.type, len(hask.mentions)) == ("Miriam Hask", "PERSON", 3)
    assert _find(entities, "NATO").type == "ORG"


def test_acronym_joins_the_name_it_spells() -> None:
    entities = resolve_entities(
        _story(
            [("Lowvale Harbour Authority", "ORG"), ("LHA", "ORG")],
            [("LHA", "ORG"), ("Lowvale", "GPE")],
        )
    )
    lha = _find(entities, "LHA")
    assert lha.name == "Lowvale Harbour Authority"
    assert len(lha.mentions) == 3
    assert _find(entities, "Lowvale") is not lha


def test_type_is_a_vote_across_articles() -> None:
    entities = resolve_entities(
        _story(
            [("Dornach", "ORG")],
            [("Dornach", "GPE")],
            [("Dornach", "GPE")],
            [("Michael Jackson", "PERSON"), ("Jackson", "GPE"), ("Jackson", "PERSON")],
        )
    )
    assert _find(entities, "Dornach").type == "GPE"
    assert _find(entities, "Michael Jackson").type == "PERSON"


def test_hyphen_joined_names_are_not_a_third_person() -> None:
    entities = resolve_entities(
        _story([("Putin", "PERSON"), ("Kim", "PERSON"), ("Putin-Kim", "PERSON")])
    )
    assert sorted(e.name for e in entities) == ["Kim", "Putin"]


def test_every_mention_keeps_its_provenance() -> None:
    annotations = _story([("Ana Pereira", "PERSON")], [("Ana-Pereira", "PERSON")])
    (entity,) = resolve_entities(annotations)
    texts = {a.article.id: a.article for a in annotations}
    assert sorted(s.text(texts[s.article_id]) for s in entity.mentions) == [
        "Ana Pereira",
        "Ana-Pereira",
    ]


@pytest.mark.seeds
def test_seed_entities(seed_briefing) -> None:
    entities = seed_briefing.entities
    groups = {
        "Kim Jong Un": {"Kim Jong-un", "Kim Jong Un", "Mr Kim", "Kim"},
        "Jo Chun Ryong": {"Jo Chun Ryong", "Jo Chun-ryong"},
        "Dmitry Peskov": {"Dmitry Peskov", "Peskov"},
        "Vladimir Putin": {"Vladimir Putin", "Putin", "Mr Putin"},
    }
    for name, forms in groups.items():
        entity = _find(entities, name)
        print(
            f"{name}: {entity.type} {entity.name!r} aliases={entity.aliases} roles={entity.roles}"
        )
        assert forms <= {entity.name, *entity.aliases}
        assert entity.type == "PERSON"
    for place in ("Khasan", "Vladivostok", "Pyongyang", "Ussuriysk"):
        entity = _find(entities, place)
        print(f"{place}: {entity.type}")
        assert entity.type in {"GPE", "LOC"}, place
    cosmodrome = _find(entities, "Vostochny Cosmodrome")
    assert cosmodrome.type in {"FAC", "GPE", "LOC"}
    peskov = _find(entities, "Dmitry Peskov")
    assert "Kremlin spokesman" in peskov.roles
    kozlov = _find(entities, "Alexander Kozlov")
    assert any("natural resources" in r for r in kozlov.roles)
    assert any("environment minister" in r for r in kozlov.roles)


def test_a_surname_after_a_particle_joins_the_full_name_whatever_its_type() -> None:
    # the model reads "Leyen" alone as a place; "Ursula von der Leyen" says whose it is
    entities = resolve_entities(
        _story([("Ursula von der Leyen", "PERSON"), ("Leyen", "GPE"), ("Brussels", "GPE")])
    )
    leyen = _find(entities, "Ursula von der Leyen")
    assert "Leyen" in leyen.aliases
    assert leyen.type == "PERSON"
    assert _find(entities, "Brussels").type == "GPE"
