"""Curation (sitegen.yml): parsing with locations, and each operation of apply_overrides."""

from __future__ import annotations

import pytest

from sitegen.build import Options, build_knowledge
from sitegen.errors import ConfigError
from sitegen.model import Analysis, Entity, EntityMention, KnowledgeBase, TimeExpression, Topic
from sitegen.overrides import apply_overrides, curate, curated_topics, parse_overrides
from sitegen.resolve.topics import CuratedTopic
from tests.helpers import write


def mention(text: str, start: int, article: str = "a") -> EntityMention:
    return EntityMention(article, start, start + len(text), text, 0)


def entity(kind: str, slug: str, name: str, *mentions: EntityMention, **extra: object) -> Entity:
    section = {"person": "people", "organization": "organizations", "place": "places"}[kind]
    return Entity(
        id=f"{kind}:{slug}",
        kind=kind,
        name=name,
        page=f"{section}/{slug}.md",  # type: ignore[arg-type]
        mentions=mentions,
        **extra,  # type: ignore[arg-type]
    )


CARNEY = entity(
    "person",
    "mark-carney",
    "Mark Carney",
    mention("Mark Carney", 0),
    aliases=("Mr. Carney",),
    affiliations=("organization:canada-gov",),
)
CARNY = entity("person", "carny", "Carny", mention("Carny", 50))
MICHAEL = entity("person", "michael", "Michael", mention("Michael", 10), mention("Michael", 5, "b"))
GOV = entity("organization", "canada-gov", "Canada Gov", mention("Canada Gov", 30))
KB = KnowledgeBase(
    articles=(),
    analyses={"a": Analysis("a", (), (), (TimeExpression(70, 79, "Wednesday", "DATE", ""),))},
    entities=(GOV, CARNY, CARNEY, MICHAEL),
    topics=(Topic("topic:tariffs", "Tariffs", "topics/tariffs.md"),),
)


def apply(text: str) -> tuple[KnowledgeBase, list[str]]:
    kb, report = apply_overrides(KB, parse_overrides(text))
    return kb, report.unmatched


def by_id(kb: KnowledgeBase) -> dict[str, Entity]:
    return {e.id: e for e in kb.entities}


def test_no_overrides_returns_the_same_knowledge_base() -> None:
    assert apply_overrides(KB, parse_overrides(""))[0] is KB


def test_merge_joins_mentions_and_aliases() -> None:
    kb, unmatched = apply("merge:\n  - into: person:mark-carney\n    from: [Carny]\n")
    assert unmatched == []
    carney = by_id(kb)["person:mark-carney"]
    assert len(carney.mentions) == 2 and "Carny" in carney.aliases
    assert "person:carny" not in by_id(kb)


def test_split_moves_mentions_to_a_new_entity() -> None:
    kb, _ = apply(
        "split:\n  - entity: Michael\n    into:\n      - {name: Michael Kovrig, articles: [b]}\n"
    )
    entities = by_id(kb)
    assert [m.article for m in entities["person:michael-kovrig"].mentions] == ["b"]
    assert [m.article for m in entities["person:michael"].mentions] == ["a"]


def test_rename_recomputes_id_and_page_and_keeps_old_name_as_alias() -> None:
    kb, _ = apply("rename:\n  - entity: Carny\n    to: Carney Jr\n")
    renamed = by_id(kb)["person:carney-jr"]
    assert renamed.page == "people/carney-jr.md" and "Carny" in renamed.aliases


def test_kind_moves_the_page_to_its_section_and_relinks_affiliations() -> None:
    kb, _ = apply("kind:\n  - entity: organization:canada-gov\n    kind: place\n")
    assert by_id(kb)["place:canada-gov"].page == "places/canada-gov.md"
    assert by_id(kb)["person:mark-carney"].affiliations == ("place:canada-gov",)


def test_aliases_add_and_drop() -> None:
    kb, _ = apply("aliases:\n  - entity: Mark Carney\n    add: [Carney]\n    drop: [Mr. Carney]\n")
    assert by_id(kb)["person:mark-carney"].aliases == ("Carney",)


def test_reject_entity_and_topic_and_drop_affiliation_links() -> None:
    kb, _ = apply("reject:\n  - entity: Canada Gov\n  - topic: Tariffs\n")
    assert "organization:canada-gov" not in by_id(kb) and kb.topics == ()
    assert by_id(kb)["person:mark-carney"].affiliations == ()


def test_roles_are_pinned() -> None:
    kb, _ = apply("roles:\n  - entity: Mark Carney\n    roles: [Prime Minister of Canada]\n")
    assert by_id(kb)["person:mark-carney"].roles == ("Prime Minister of Canada",)


def test_dates_fix_a_time_expression() -> None:
    kb, _ = apply("dates:\n  - article: a\n    phrase: wednesday\n    date: 2026-01-14\n")
    assert kb.analyses["a"].times[0].value == "2026-01-14"


def test_unmatched_steps_are_reported_with_their_location() -> None:
    _, unmatched = apply("merge:\n  - into: Mark Carney\n    from: [Nobody]\n")
    assert unmatched == ["sitegen.yml:2:5: merge: no entity 'Nobody'"]


def test_strict_turns_unmatched_steps_into_an_error() -> None:
    with pytest.raises(ConfigError, match="reject: no entity 'Ghost'"):
        curate(KB, parse_overrides("reject:\n  - entity: Ghost\n"), strict=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("merge: [unclosed\n", "sitegen.yml:2:1: not valid YAML"),
        ("renam: []\n", "sitegen.yml:1:1: unknown key 'renam'"),
        ("rename:\n  - entity: X\n", "sitegen.yml:2:5: a 'rename' step needs 'to'"),
        ("kind:\n  - {entity: X, kind: animal}\n", "sitegen.yml:2:23: kind must be one of"),
        ("dates:\n  - {article: a, phrase: b, date: soon}\n", "sitegen.yml:2:35: date 'soon'"),
    ],
)
def test_malformed_overrides_name_line_and_column(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_overrides(text)
    assert str(error.value).startswith(message)


def test_curated_topic_is_parsed_and_an_unmatched_one_reported() -> None:
    overrides = parse_overrides("topics:\n  - {name: Trade war, patterns: [tariff]}\n")
    assert curated_topics(overrides) == (CuratedTopic("Trade war", ("tariff",)),)
    _, unmatched = apply("topics:\n  - {name: Trade war, patterns: [tariff]}\n")
    assert unmatched == ["sitegen.yml:2:5: topics: no sentence matches topic 'Trade war'"]


def test_curated_topic_with_a_bad_pattern_names_its_line() -> None:
    with pytest.raises(ConfigError, match=r"sitegen\.yml:2:\d+: pattern '\(' is not a valid"):
        parse_overrides("topics:\n  - {name: X, patterns: ['(']}\n")


def test_curated_topic_takes_precedence_over_found_ones(tmp_path, nlp) -> None:
    write(
        tmp_path / "a.txt",
        "Freedonia imposed tariffs on steel from Sylvania.\n"
        "Sylvania answered with countertariffs on grain.\n"
        "Farmers fear the tariffs will hurt grain exports.\n",
    )
    write(tmp_path / "a.yml", "published: 2026-01-13\n")
    found = {t.name for t in build_knowledge([tmp_path], Options(cache_dir=None), nlp).topics}
    assert "Tariffs" in found
    overrides = parse_overrides(
        "topics:\n  - {name: Trade war, patterns: [tariff, countertariff]}\n"
    )
    kb = build_knowledge([tmp_path], Options(cache_dir=None, overrides=overrides), nlp)
    topics = {t.name: t for t in kb.topics}
    assert "Trade war" in topics and "Tariffs" not in topics
    assert len(topics["Trade war"].passages) == 3


def test_curated_topic_may_name_its_subject() -> None:
    overrides = parse_overrides(
        "topics:\n  - {name: Trade war, patterns: [tariff], subject: Economy}\n"
    )
    assert curated_topics(overrides) == (CuratedTopic("Trade war", ("tariff",), "medtop:04000000"),)
    with pytest.raises(ConfigError, match=r"sitegen\.yml:2:\d+: subject 'Trade' is not one of"):
        parse_overrides("topics:\n  - {name: X, patterns: [x], subject: Trade}\n")


def test_curated_topic_is_filed_under_its_subject(tmp_path, nlp) -> None:
    write(
        tmp_path / "a.txt",
        "Freedonia imposed tariffs on steel from Sylvania.\n"
        "Sylvania answered with countertariffs on grain.\n",
    )
    write(tmp_path / "a.yml", "published: 2026-01-13\n")
    overrides = parse_overrides(
        "topics:\n  - {name: Trade war, patterns: [tariff], subject: weather}\n"
    )
    kb = build_knowledge([tmp_path], Options(cache_dir=None, overrides=overrides), nlp)
    topics = {t.name: t for t in kb.topics}
    assert topics["Trade war"].subject == topics["Weather"].id
    assert topics["Weather"].kind == "subject" and topics["Weather"].articles == ()
