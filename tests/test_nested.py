"""Places named inside organizations' names get mentions of their own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sitegen.build import Options, build_knowledge, render_pages
from sitegen.model import UNLABELLED_NAME, Mention
from sitegen.resolve.nested import (
    nested_places,
    with_branch_names,
    with_nested_places,
    with_possessors,
    without_run_on,
)
from tests.helpers import kinds_of, ruler_pipeline, write


def _places(text: str, label: str = "ORG") -> list[str]:
    mention = Mention(start=100, end=100 + len(text), text=text, label=label, sentence=0)
    found = nested_places(mention)
    for place in found:  # offsets are the article's
        assert text[place.start - 100 : place.end - 100] == place.text
        assert place.label == "GPE" and place.sentence == 0
    return [place.text for place in found]


@pytest.mark.parametrize(
    ("name", "places"),
    [
        ("University of Sheffield", ["Sheffield"]),
        ("University of Alberta", ["Alberta"]),  # a given name too
        ("University of Texas Arlington Muslim Student Association", ["Texas", "Arlington"]),
        ("Bank of Canada's", ["Canada"]),
        ("US Air Force", ["US"]),
        ("Massachusetts Institute of Technology", ["Massachusetts"]),
        ("Colorado State University", ["Colorado"]),
        ("Washington Mutual", []),  # a bank named after a state
        ("Shanghai Airlines", []),  # a city first: also companies' names ("Toyota")
        ("Northern Arena", []),  # a province's name that is a direction
        ("Democratic Party", []),
        ("Canada", []),  # the whole name
        ("Society of Magicians", []),
    ],
)
def test_places_inside_an_organizations_name(name: str, places: list[str]) -> None:
    assert _places(name) == places


@pytest.mark.parametrize(
    ("name", "label", "places"),
    [
        ("Vietnam War", "EVENT", ["Vietnam"]),
        ("Ontario Ghostbusters", "WORK_OF_ART", ["Ontario"]),
        ("Treaty of Rome", "LAW", ["Rome"]),
        ("Hang Seng", "PRODUCT", []),  # GeoNames gives "Hang" as a city's other name
        ("Google Chrome", "PRODUCT", []),  # and "Google"
        ("Springfield Marathon", "EVENT", []),  # a city first, not a country's subdivision
        ("Vietnam", "EVENT", []),  # the whole name
    ],
)
def test_places_inside_names_of_events_products_and_works(
    name: str, label: str, places: list[str]
) -> None:
    assert _places(name, label) == places


def test_a_name_of_a_thing_by_the_words_around_it_holds_places_too() -> None:
    person = Mention(start=0, end=16, text="Vietnam Memorial", label="PERSON", sentence=0)
    assert with_nested_places([person]) == [person]  # a person's name: no place read inside
    thing = replace(person, cue="other")  # "the Vietnam Memorial" after "a film called"
    assert [m.text for m in with_nested_places([thing])] == ["Vietnam Memorial", "Vietnam"]


def test_nested_place_is_a_place_page_beside_the_organization(tmp_path: Path) -> None:
    patterns = [{"label": "ORG", "pattern": "University of Sheffield"}]
    body = "She studied at the University of Sheffield for three years.\n"
    found = kinds_of(tmp_path, body, patterns)
    assert found == {"University of Sheffield": "organization", "Sheffield": "place"}


def test_a_countrys_government_is_the_country(tmp_path: Path) -> None:
    """ "the US Government" acts for the United States, which stays a place (as "Washington"
    for its government): one place page, no organization. "US Air Force" is an organization
    of its own. The country's page takes its usual name (title.country-usual-name)."""
    patterns = [
        {"label": "ORG", "pattern": "US Government"},
        {"label": "ORG", "pattern": "Government of Canada"},
        {"label": "ORG", "pattern": "US Air Force"},
    ]
    body = (
        "The US Government's bail out calmed markets. The Government of Canada said so. "
        "The US Air Force flew.\n"
    )
    found = kinds_of(tmp_path, body, patterns)
    assert found == {"United States": "place", "Canada": "place", "US Air Force": "organization"}


def test_article_page_links_the_organization_around_the_place(tmp_path: Path) -> None:
    """Where two mentions start together, the longer is linked: the reader clicks "University
    of Sheffield", not "University of" and a linked "Sheffield"."""
    patterns = [{"label": "ORG", "pattern": "University of Sheffield"}]
    write(tmp_path / "a.txt", "She studied at the University of Sheffield for three years.\n")
    write(tmp_path / "a.yml", "published: 2026-01-13\n")
    kb = build_knowledge([tmp_path], Options(cache_dir=None), nlp=ruler_pipeline(patterns))
    pages = render_pages(kb)
    article = pages["articles/a.md"]
    link = "[University of Sheffield](../organizations/university-of-sheffield.md)"
    assert f"the {link} for" in article
    assert "University of Sheffield" in pages["places/sheffield.md"]


def test_an_owner_named_on_its_own_is_cut_from_what_it_owns() -> None:
    """spaCy tags "Zeltra Computer's Quorvane OS" as one organization: it is Zeltra
    Computer's, where the article names Zeltra Computer on its own; names made with a
    possessive ("King's College", "New People's Party") stay whole."""

    def mention(start: int, text: str) -> Mention:
        return Mention(start=start, end=start + len(text), text=text, label="ORG", sentence=0)

    found = with_possessors(
        [
            mention(0, "Zeltra Computer"),
            mention(20, "Zeltra Computer's Quorvane OS"),
            mention(60, "King's College"),
            mention(80, "King"),
            mention(90, "Quorvane's"),
        ]
    )
    assert [(m.start, m.end, m.text) for m in found] == [
        (0, 15, "Zeltra Computer"),
        (20, 35, "Zeltra Computer"),
        (60, 74, "King's College"),
        (80, 84, "King"),
        (90, 100, "Quorvane's"),
    ]


def mention(text: str, start: int, label: str) -> Mention:
    """A mention of ``text`` at ``start`` in its article."""
    return Mention(start=start, end=start + len(text), text=text, label=label, sentence=0)


def test_two_names_run_together_with_the_are_split() -> None:
    """ "According to Rathbun the Scientology property ...": spaCy tags "Rathbun the
    Scientology" as one name; the article names both alone, so they are two mentions with
    the labels they have alone. "Alexander the Great" and "Bank of the West" stay whole."""

    run_on = mention("Rathbun the Scientology", 100, "ORG")
    alone = [mention("Rathbun", 10, "PERSON"), mention("Scientology", 40, "ORG")]
    split = without_run_on([*alone, run_on])[2:]
    assert [(m.text, m.start, m.end, m.label) for m in split] == [
        ("Rathbun", 100, 107, "PERSON"),
        ("Scientology", 112, 123, "ORG"),
    ]
    kept = [mention("Alexander the Great", 0, "PERSON"), mention("Bank of the West", 30, "ORG")]
    kept += [mention("Alexander", 60, "PERSON"), mention("West", 80, "LOC")]
    assert without_run_on(kept) == kept


def test_a_persons_name_run_into_a_things_is_split() -> None:
    """ "Warhol Polaroid exhibits", tagged a person's name, where the article names Warhol (a
    person) and Polaroid (an organization) alone, is Warhol and Polaroid. "Paris Hilton"
    (Paris is a place alone) and "Kristin Hawkes" (a given name first) stay whole."""

    alone = [
        mention("Warhol", 0, "PERSON"),
        mention("Polaroid", 10, "ORG"),
        mention("Paris", 20, "GPE"),
        mention("Hilton", 30, "ORG"),
        mention("Kristin", 40, "PERSON"),
        mention("Hawkes", 50, "ORG"),
    ]
    whole = [mention(name, 100, "PERSON") for name in ("Paris Hilton", "Kristin Hawkes")]
    assert without_run_on([*alone, *whole]) == [*alone, *whole]
    split = without_run_on([*alone, mention("Warhol Polaroid", 100, "PERSON")])[len(alone) :]
    assert [(m.text, m.start, m.end, m.label) for m in split] == [
        ("Warhol", 100, 106, "PERSON"),
        ("Polaroid", 107, 115, "ORG"),
    ]


def test_untagged_name_before_a_country_is_a_companys_branch() -> None:
    """ "the company Quellwise UK's": spaCy tags "UK" alone; with the untagged word before it
    it is one organization, and no mention of the country. A region before a country, a
    given name, or a word in another sentence, is not joined."""
    text = "the company Quellwise UK's category; Victoria Australia; Katie UK"
    found = with_branch_names(
        [
            mention("Quellwise", 12, UNLABELLED_NAME),
            mention("UK", 22, "GPE"),
            mention("Victoria", 37, UNLABELLED_NAME),
            mention("Australia", 46, "GPE"),
            mention("Katie", 57, UNLABELLED_NAME),
            mention("UK", 63, "GPE"),
        ],
        text,
    )
    assert [(m.text, m.start, m.label) for m in found] == [
        ("Quellwise UK", 12, "ORG"),
        ("Victoria", 37, UNLABELLED_NAME),
        ("Australia", 46, "GPE"),
        ("Katie", 57, UNLABELLED_NAME),
        ("UK", 63, "GPE"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)
    headline = [mention("Storms", 0, UNLABELLED_NAME), mention("UK", 7, "GPE")]
    assert with_branch_names(headline, "Storms UK", frozenset({0})) == headline
