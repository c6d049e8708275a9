"""People's names the tagger splits or misreads (``sitegen.resolve.person_names``), and the
evidence that a name is a person's or not, on made-up articles: most with the real model,
whose labels these rules correct; a few with an entity ruler that forces a wrong label."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from sitegen.ingest import read_articles
from sitegen.lexicon import is_given_name, world_given_names
from sitegen.model import Entity
from sitegen.nlp.analyze import analyze
from sitegen.resolve import resolve_entities
from sitegen.resolve.person_names import is_given_name_in
from tests.conftest import ruler_pipeline, write


def entities(tmp_path: Path, body: str, nlp: Language) -> list[Entity]:
    """The entities of one article ``body`` read by ``nlp``."""
    write(tmp_path / "x.txt", body)
    write(tmp_path / "x.yml", "published: 2026-01-13\n")
    articles = read_articles([tmp_path])
    return list(resolve_entities(articles, analyze(articles, nlp)))


def kinds(tmp_path: Path, body: str, nlp: Language) -> dict[str, str]:
    return {entity.name: entity.kind for entity in entities(tmp_path, body, nlp)}


def test_given_names_of_other_countries_count() -> None:
    assert is_given_name("Thibaut") and is_given_name("Dries") and is_given_name("Algis")
    assert is_given_name("paul")  # the census lists still count
    assert not is_given_name("China") and not is_given_name("Motors")
    assert not {"san", "bin", "general"} & world_given_names()  # "San Diego", "bin Laden"
    lowercase = frozenset({"the", "moon"})
    assert is_given_name_in("Dries", lowercase)
    assert not is_given_name_in("Moon", lowercase)  # a given name somewhere, a word here
    assert is_given_name_in("Mark", frozenset({"mark"}))  # a common census name stays one


def test_full_name_with_a_foreign_given_name_is_a_person(tmp_path: Path) -> None:
    patterns = [
        {"label": "ORG", "pattern": "Thibaut Quorvane"},
        {"label": "ORG", "pattern": "Moon Quorvane"},
        {"label": "ORG", "pattern": "Doha Quorvane"},
        {"label": "GPE", "pattern": "Doha"},
    ]
    body = (
        "Thibaut Quorvane saved a penalty. The moon rose over Moon Quorvane. "
        "Doha Quorvane sells tickets in Doha.\n"
    )
    assert kinds(tmp_path, body, ruler_pipeline(patterns)) == {
        "Thibaut Quorvane": "person",
        "Moon Quorvane": "organization",  # "the moon": a word here, not a given name
        "Doha Quorvane": "organization",  # "Doha" alone is a place
        "Doha": "place",
    }
