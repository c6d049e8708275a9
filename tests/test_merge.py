"""Merging entities across articles (sitegen.resolve.merge), with made-up articles."""

from __future__ import annotations

from pathlib import Path

from sitegen.ingest import read_articles
from sitegen.model import Entity
from sitegen.nlp.analyze import analyze
from sitegen.resolve import resolve_entities
from tests.conftest import ruler_pipeline, write

PATTERNS = [
    {"label": "PERSON", "pattern": "Maya Wang"},
    {"label": "PERSON", "pattern": "Wang Yi"},
    {"label": "PERSON", "pattern": "Wang"},
    {"label": "PERSON", "pattern": "Jane Doe"},
    {"label": "PERSON", "pattern": "Doe"},
    {"label": "GPE", "pattern": "Jordan"},
    {"label": "PERSON", "pattern": "Ann Lee"},
    {"label": "ORG", "pattern": "Lee"},
    {"label": "ORG", "pattern": "Global Aero Systems"},
    {"label": "ORG", "pattern": "GAS"},
]


def resolve_corpus(tmp_path: Path, bodies: dict[str, str]) -> dict[str, Entity]:
    """The entities of made-up articles ``{file stem: body}``, by name."""
    return {entity.name: entity for entity in corpus_entities(tmp_path, bodies)}


def corpus_entities(tmp_path: Path, bodies: dict[str, str]) -> tuple[Entity, ...]:
    for name, body in bodies.items():
        write(tmp_path / f"{name}.txt", body)
        write(tmp_path / f"{name}.yml", "published: 2026-01-13\n")
    articles = read_articles([tmp_path])
    analyses = analyze(articles, ruler_pipeline(PATTERNS))
    return resolve_entities(articles, analyses)


def articles_of(entity: Entity) -> set[str]:
    return {mention.article for mention in entity.mentions}


def test_same_person_in_several_articles_is_one_entity(tmp_path: Path) -> None:
    entities = resolve_corpus(
        tmp_path,
        {"a": "Jane Doe spoke.\n", "b": "Jane Doe left.\nDoe waved.\n", "c": "Jane Doe ate.\n"},
    )
    assert set(entities) == {"Jane Doe"}
    assert articles_of(entities["Jane Doe"]) == {"a", "b", "c"}
    assert len(entities["Jane Doe"].mentions) == 4


def test_bare_surname_joins_the_only_full_name_in_the_corpus(tmp_path: Path) -> None:
    entities = resolve_corpus(tmp_path, {"a": "Jane Doe spoke.\n", "b": "Doe left.\n"})
    assert set(entities) == {"Jane Doe"}
    assert articles_of(entities["Jane Doe"]) == {"a", "b"}


def test_two_full_names_sharing_a_surname_stay_apart(tmp_path: Path) -> None:
    entities = resolve_corpus(tmp_path, {"a": "Maya Wang spoke.\n", "b": "Wang Yi spoke.\n"})
    assert set(entities) == {"Maya Wang", "Wang Yi"}


def test_ambiguous_bare_surname_joins_neither(tmp_path: Path) -> None:
    entities = resolve_corpus(
        tmp_path,
        {"a": "Maya Wang spoke.\n", "b": "Wang Yi spoke.\n", "c": "Wang left.\n"},
    )
    assert articles_of(entities["Maya Wang"]) == {"a"}
    assert articles_of(entities["Wang Yi"]) == {"b"}
    assert articles_of(entities["Wang"]) == {"c"}


def test_short_name_of_another_kind_does_not_join(tmp_path: Path) -> None:
    # "Lee" is tagged as an organization, "Ann Lee" as a person: kinds disagree.
    entities = resolve_corpus(tmp_path, {"a": "Ann Lee spoke.\n", "b": "Lee shrank.\n"})
    assert set(entities) == {"Ann Lee", "Lee"}
    assert entities["Lee"].kind == "organization"


def test_same_name_with_conflicting_kinds_stays_apart(tmp_path: Path) -> None:
    # The title makes "Mr. Jordan" a person; "to Jordan" stays a place (the tagger's GPE).
    entities = corpus_entities(
        tmp_path, {"a": "Mr. Jordan spoke.\n", "b": "They flew to Jordan.\n"}
    )
    kinds = sorted((entity.kind, sorted(articles_of(entity))) for entity in entities)
    assert kinds == [("person", ["a"]), ("place", ["b"])]


def test_acronym_joins_the_only_name_it_spells_across_articles(tmp_path: Path) -> None:
    entities = resolve_corpus(tmp_path, {"a": "Global Aero Systems grew.\n", "b": "GAS shrank.\n"})
    assert set(entities) == {"Global Aero Systems"}
    assert articles_of(entities["Global Aero Systems"]) == {"a", "b"}
