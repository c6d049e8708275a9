"""Resolution of mentions into entities, with blank pipelines plus an entity ruler."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from sitegen.ingest import read_articles
from sitegen.model import Analysis, Article, Entity
from sitegen.nlp.analyze import analyze
from sitegen.resolve import resolve_entities
from sitegen.resolve.entities import article_clusters
from sitegen.resolve.names import clean_name, is_acronym_of, is_part_of, name_key
from tests.helpers import entities_of, ruler_pipeline, write

PATTERNS = [
    {"label": "PERSON", "pattern": "Jane Doe"},
    {"label": "PERSON", "pattern": "Doe"},
    {"label": "ORG", "pattern": "Doe"},
    {"label": "PERSON", "pattern": "Wei Lin"},
    {"label": "PERSON", "pattern": "Lin"},
    {"label": "PERSON", "pattern": "Michael Ash"},
    {"label": "PERSON", "pattern": "Michael Birch"},
    {"label": "PERSON", "pattern": "Michael"},
    {"label": "ORG", "pattern": "Daily Planet"},
    {"label": "ORG", "pattern": "Planet"},
    {"label": "ORG", "pattern": "Global Aero Systems NV"},
    {"label": "ORG", "pattern": "GAS"},
    {"label": "GPE", "pattern": "Freedonia"},
    {"label": "ORG", "pattern": "Freedonia Institute"},
    {"label": "ORG", "pattern": "Sylvania Institute"},
    {"label": "GPE", "pattern": "Sylvania"},
    {"label": "GPE", "pattern": "Twins"},
]


def resolve_text(tmp_path: Path, body: str, source: str | None = None) -> dict[str, Entity]:
    sidecar = f"published: 2026-01-13\nsource: {source}\n" if source else "published: 2026-01-13\n"
    write(tmp_path / "x.txt", body)
    write(tmp_path / "x.yml", sidecar)
    articles = read_articles([tmp_path])
    analyses = analyze(articles, ruler_pipeline(PATTERNS))
    return {entity.name: entity for entity in resolve_entities(articles, analyses)}


def test_surname_joins_full_name_and_title_is_kept(tmp_path: Path) -> None:
    entities = resolve_text(tmp_path, "Prime Minister Jane Doe spoke.\nMs. Doe left.\n")
    assert set(entities) == {"Jane Doe"}
    doe = entities["Jane Doe"]
    assert doe.kind == "person"
    assert {"Doe", "Ms. Doe", "Prime Minister Jane Doe"} <= set(doe.aliases)
    assert doe.roles == ("Prime Minister",)
    assert len(doe.mentions) == 2


def test_family_name_first_joins_too(tmp_path: Path) -> None:
    entities = resolve_text(tmp_path, "President Wei Lin spoke.\nMr. Lin left.\n")
    assert set(entities) == {"Wei Lin"}


def test_kind_is_decided_by_all_mentions_and_titles(tmp_path: Path) -> None:
    # "Doe" alone is tagged ORG by the ruler, but its title says person.
    entities = resolve_text(tmp_path, "Ms. Doe spoke.\nThey met Doe.\n")
    assert entities["Doe"].kind == "person"


def test_ambiguous_partial_name_is_not_a_page(tmp_path: Path) -> None:
    entities = resolve_text(tmp_path, "Michael Ash and Michael Birch met.\nMichael left.\n")
    assert set(entities) == {"Michael Ash", "Michael Birch"}


def test_short_form_joins_the_source_organization(tmp_path: Path) -> None:
    entities = resolve_text(tmp_path, "She writes for The Planet.\n", source="Daily Planet")
    assert set(entities) == {"Daily Planet"}
    assert "Planet" in entities["Daily Planet"].aliases


def test_source_without_mention_makes_no_page(tmp_path: Path) -> None:
    entities = resolve_text(tmp_path, "Nothing named here.\n", source="Daily Planet")
    assert entities == {}


def test_acronym_joins_its_expansion(tmp_path: Path) -> None:
    entities = resolve_text(tmp_path, "Global Aero Systems NV (GAS) won.\nGAS said so.\n")
    assert set(entities) == {"Global Aero Systems NV"}
    assert "GAS" in entities["Global Aero Systems NV"].aliases


def test_place_is_not_joined_to_an_organization_named_after_it(tmp_path: Path) -> None:
    entities = resolve_text(tmp_path, "Sylvania funds the Sylvania Institute.\n")
    assert entities["Sylvania"].kind == "place"
    assert entities["Sylvania Institute"].kind == "organization"


def test_quoted_name_is_not_an_entity(tmp_path: Path) -> None:
    entities = resolve_text(tmp_path, "It became the “Two Twins” affair in Sylvania.\n")
    assert set(entities) == {"Sylvania"}


def test_headline_only_name_is_not_an_entity(tmp_path: Path) -> None:
    path = write(
        tmp_path / "h.md", "---\ntitle: Sylvania Votes\n---\nSylvania Votes\n\nPeople voted.\n"
    )
    articles = read_articles([path])
    analyses = analyze(articles, ruler_pipeline(PATTERNS))
    assert resolve_entities(articles, analyses) == ()


def test_same_name_in_two_articles_is_one_entity(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Jane Doe spoke in Sylvania.\n")
    write(tmp_path / "b.txt", "Doe returned to Sylvania.\n")
    articles = read_articles([tmp_path])
    entities = resolve_entities(articles, analyze(articles, ruler_pipeline(PATTERNS)))
    by_name = {e.name: e for e in entities}
    assert set(by_name) == {"Jane Doe", "Sylvania"}
    assert {m.article for m in by_name["Jane Doe"].mentions} == {"a", "b"}


def test_entity_pages_and_ids_are_unique(tmp_path: Path) -> None:
    entities = resolve_text(tmp_path, "Jane Doe visited Freedonia and Sylvania.\n")
    pages = [e.page for e in entities.values()]
    assert len(pages) == len(set(pages))
    assert entities["Jane Doe"].page == "people/jane-doe.md"
    assert entities["Sylvania"].id == "place:sylvania"


@pytest.mark.parametrize(
    ("text", "key"),
    [("The New York Times", "new york times"), ("Carney’s", "carney"), ("U.S.", "us")],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


def test_clean_name_keeps_abbreviation_dot() -> None:
    assert clean_name("U.S.") == "U.S."
    assert clean_name("the University of Alberta") == "University of Alberta"


@pytest.mark.parametrize(
    ("labels", "first", "second"),
    [
        # "Europe" is not "Eastern Europe": each has its page, not one titled "Eastern
        # Europe" holding every mention of Europe
        (("LOC", "LOC"), "Europe", "Eastern Europe"),
        # a state is not a museum named after it
        (("GPE", "FAC"), "California", "California Science Center"),
    ],
)
def test_a_place_is_not_a_longer_place_named_after_it(
    tmp_path: Path, labels: tuple[str, str], first: str, second: str
) -> None:
    names = (first, second)
    patterns = [{"label": lab, "pattern": name} for lab, name in zip(labels, names, strict=True)]
    for stem, name in (("a", first), ("b", second)):
        write(tmp_path / f"{stem}.txt", f"It happened in {name} last year.\n")
        write(tmp_path / f"{stem}.yml", "published: 2026-01-13\n")
    articles = read_articles([tmp_path])
    analyses = analyze(articles, ruler_pipeline(patterns))
    found = {(e.name, len(e.mentions)) for e in resolve_entities(articles, analyses)}
    assert found == {(first, 1), (second, 1)}


def test_part_and_acronym_rules() -> None:
    assert is_part_of("Carney", "Mark Carney")
    assert is_part_of("Times", "New York Times")
    assert not is_part_of("York Post", "New York Times")
    assert not is_part_of("Air Force", "National Museum of the U.S. Air Force")  # a museum
    assert not is_part_of("Helsinki", "University of Helsinki")
    assert is_part_of("Museum", "National Museum of the U.S. Air Force")
    assert is_part_of("Texas", "State of Texas")  # another name of Texas
    assert is_part_of("Scientology", "Church of Scientology")
    assert not is_part_of("Europe", "Eastern Europe")  # another place
    assert not is_part_of("Mexico", "New Mexico")
    assert not is_part_of("Democratic Party", "New Democratic Party")
    assert is_part_of("Korea", "Korea Republic")
    assert is_acronym_of("EADS", "European Aeronautic Defence & Space NV")
    assert is_acronym_of("U.S.", "United States")
    assert not is_acronym_of("IBM", "United States")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("World Health Organisation (WHO", "World Health Organisation"),
        ("George W.] Bush", "George W. Bush"),
        ("Apple (AAPL)", "Apple (AAPL)"),
        ("(WHO", "(WHO"),
        ("Wal - Mart", "Wal-Mart"),  # tokenized text's hyphen: one key with "Wal-Mart"
        ("Euro- NATO", "Euro- NATO"),  # a dangling hyphen is not one
    ],
)
def test_clean_name_drops_editorial_brackets_and_an_open_parenthesis(text: str, name: str) -> None:
    assert clean_name(text) == name
    assert name_key(text) == name_key(name)


@pytest.mark.parametrize(
    ("long", "short", "body"),
    [
        # a model, with the sentence's first word
        (
            "First Airbus A380",
            "Airbus",
            "First Airbus A380 flew.\n\nAirbus said so. Airbus was glad. Airbus grew.\n",
        ),
        # a typo's hyphen
        ("Euro- NATO", "NATO", "He trained at Euro- NATO schools.\n\nNATO said so. NATO grew.\n"),
    ],
)
def test_page_title_is_a_proper_name_of_the_cluster(
    tmp_path: Path, long: str, short: str, body: str
) -> None:
    """ "First Airbus A380" joins "Airbus", "Euro- NATO" joins "NATO": the page keeps the
    proper name."""
    patterns = [{"label": "ORG", "pattern": name} for name in (long, short)]
    found = {entity.name for entity in entities_of(tmp_path, body, patterns)}
    assert found == {short}


def test_name_ending_in_a_lower_case_word_is_no_entity_unless_an_organizations(
    tmp_path: Path,
) -> None:
    """ "Beauveria bassiana" is a species; "Quell Workers union" is still a union."""
    patterns = [
        {"label": "GPE", "pattern": "Beauveria bassiana"},
        {"label": "ORG", "pattern": "Quell Workers union"},
    ]
    body = "Beauveria bassiana kills ants. The Quell Workers union protested.\n"
    found = {entity.name for entity in entities_of(tmp_path, body, patterns)}
    assert found == {"Quell Workers union"}


def test_page_title_is_not_a_product_added_to_the_makers_name(tmp_path: Path) -> None:
    """ "Quellsoft Longhorn" once beside "Quellsoft" three times: the page is "Quellsoft"; a
    second article's "Quellsoft" joins it. "Quellsoft Martin" (a founder's name) would stay."""
    patterns = [
        {"label": "ORG", "pattern": "Quellsoft Longhorn"},
        {"label": "ORG", "pattern": "Quellsoft"},
    ]
    write(tmp_path / "a.txt", "Quellsoft Longhorn shipped.\n\nQuellsoft said so. Quellsoft grew.\n")
    write(tmp_path / "b.txt", "Quellsoft hired staff. Quellsoft opened offices.\n")
    articles = read_articles([tmp_path])
    entities = resolve_entities(articles, analyze(articles, ruler_pipeline(patterns)))
    assert [(e.name, e.page, len(e.mentions)) for e in entities] == [
        ("Quellsoft", "organizations/quellsoft.md", 5)
    ]


def test_state_of_a_place_is_titled_by_the_place(tmp_path: Path) -> None:
    patterns = [
        {"label": "GPE", "pattern": "State of Texas"},
        {"label": "GPE", "pattern": "Texas"},
    ]
    body = "The State of Texas sued. Texas won in Texas courts.\n"
    found = [(e.name, e.kind, len(e.mentions)) for e in entities_of(tmp_path, body, patterns)]
    assert found == [("Texas", "place", 3)]


def test_an_office_alone_is_no_entity(tmp_path: Path) -> None:
    """ "the Sheriff's detective": a title with no name, whatever spaCy's label."""
    patterns = [{"label": "GPE", "pattern": "Sheriff"}, {"label": "PERSON", "pattern": "President"}]
    body = "They plied the Sheriff's detective with a story. The President left.\n"
    assert entities_of(tmp_path, body, patterns) == []


def test_an_article_a_step_fails_on_is_named_and_left_out_the_rest_builds(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On an archive, a bug one article trips over must not end the build: the article is
    reported with its file name and left out, and the others' pages are made."""
    patterns = [{"label": "PERSON", "pattern": name} for name in ("Jane Doe", "Ivo Marr")]
    write(tmp_path / "a.txt", "Jane Doe spoke.\n")
    write(tmp_path / "b.txt", "Ivo Marr spoke.\n")
    articles = read_articles([tmp_path])
    analyses = analyze(articles, ruler_pipeline(patterns))
    real = article_clusters

    def failing(article: Article, analysis: Analysis, labels: Any = None) -> list[Any]:
        if article.id == "b":
            raise RuntimeError("an unforeseen shape")
        return real(article, analysis, labels)

    with caplog.at_level(logging.ERROR):
        entities = resolve_entities(articles, analyses, failing)
    assert [entity.name for entity in entities] == ["Jane Doe"]
    assert f"{tmp_path / 'b.txt'}: grouping its names failed on this article" in caplog.text
    assert "RuntimeError: an unforeseen shape" in caplog.text
