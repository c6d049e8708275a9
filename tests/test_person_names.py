"""People's names the tagger splits or misreads (``sitegen.resolve.person_names``), and the
evidence that a name is a person's or not, on made-up articles: most with the real model,
whose labels these rules correct; a few with an entity ruler that forces a wrong label."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from sitegen.ingest import read_articles
from sitegen.lexicon import is_given_name, is_office_title_word, world_given_names
from sitegen.model import Entity, Mention
from sitegen.nlp.analyze import analyze
from sitegen.resolve import resolve_entities
from sitegen.resolve.person_names import (
    has_initials,
    is_given_name_in,
    split_name,
)
from tests.helpers import cue, parsed_pipeline, ruler_pipeline, write


def entities(tmp_path: Path, body: str, nlp: Language) -> list[Entity]:
    """The entities of one article ``body`` read by ``nlp``."""
    write(tmp_path / "x.txt", body)
    write(tmp_path / "x.yml", "published: 2026-01-13\n")
    articles = read_articles([tmp_path])
    return list(resolve_entities(articles, analyze(articles, nlp)))


def kinds(tmp_path: Path, body: str, nlp: Language) -> dict[str, str]:
    return {entity.name: entity.kind for entity in entities(tmp_path, body, nlp)}


def raw_labels(nlp: Language, text: str) -> list[tuple[str, str]]:
    """What the model itself tags in ``text``: the mistakes the rules below correct."""
    return [(ent.text, ent.label_) for ent in nlp(text).ents]


def test_given_names_of_other_countries_count() -> None:
    assert is_given_name("Thibaut") and is_given_name("Dries") and is_given_name("Algis")
    assert is_given_name("paul")  # the census lists still count
    assert not is_given_name("China") and not is_given_name("Motors")
    assert not {"san", "bin", "general"} & world_given_names()  # "San Diego", "bin Laden"
    text = "Moon and Dries watched the moon; a mark was left."
    assert is_given_name_in("Dries", text)
    assert not is_given_name_in("Moon", text)  # a given name somewhere, a word here
    assert is_given_name_in("Mark", text)  # a common census name stays one


def test_given_name_tagged_apart_joins_the_next_name(tmp_path: Path, nlp: Language) -> None:
    body = "Hilke Paris, a former member, has claimed the group held her. Paris said she left.\n"
    assert ("Paris", "GPE") in raw_labels(nlp, body)
    found = entities(tmp_path, body, nlp)
    assert [(e.name, e.kind, len(e.mentions)) for e in found] == [("Hilke Paris", "person", 2)]


def test_a_place_named_in_x_does_not_join_a_person_of_that_name(
    tmp_path: Path, nlp: Language
) -> None:
    body = "Paris Hilton arrived in Paris on Monday. Hilton said she liked Paris.\n"
    found = {e.name: (e.kind, len(e.mentions)) for e in entities(tmp_path, body, nlp)}
    assert found == {"Paris Hilton": ("person", 2), "Paris": ("place", 2)}


def _mention(text: str, start: int, word: str, label: str) -> Mention:
    return Mention(start=start, end=start + len(word), text=word, label=label, sentence=0)


def test_split_name_needs_a_given_name_and_a_name_word() -> None:
    def joined(text: str, first_label: str = "PROPN", second_label: str = "GPE") -> str | None:
        first_word, second_word = text.split(" ", 1)
        first = _mention(text, 0, first_word, first_label)
        second = _mention(text, len(first_word) + 1, second_word, second_label)
        person = split_name(text + ", under the moon", first, second)
        return person.text if person else None

    assert joined("Algis Petrauskas") == "Algis Petrauskas"
    assert joined("Moon Quorvane") is None  # "the moon" elsewhere: a word, not a name
    assert joined("Talk Talk") is None  # one word twice: a band, not a person
    assert joined("Algis Airport") is None  # a place's last word
    assert joined("Georgia Quorvane", "GPE", "ORG") is None  # "Georgia Tech"
    assert joined("Quorvane Petrauskas") is None  # no given name first


def test_family_name_tagged_as_an_organization_joins_the_full_name(
    tmp_path: Path, nlp: Language
) -> None:
    body = (
        "Full interview with Kristin Hawkes, curator of the exhibition. Hawkes explained the "
        'process. "It was new", Hawkes said. According to Hawkes, the artist worked fast. '
        'Hawkes also said the prints sold. "He liked it", Hawkes said.\n'
    )
    assert ("Hawkes", "ORG") in raw_labels(nlp, body)
    found = entities(tmp_path, body, nlp)
    assert [(e.name, e.kind, len(e.mentions)) for e in found] == [("Kristin Hawkes", "person", 6)]


def test_family_name_joins_a_full_name_written_two_ways(tmp_path: Path) -> None:
    """ "Kristin" and "Kristen Quorvane" are one person before "Quorvane" joins it."""
    patterns = [
        {"label": "PERSON", "pattern": "Kristin Quorvane"},
        {"label": "PERSON", "pattern": "Kristen Quorvane"},
        {"label": "ORG", "pattern": "Quorvane"},
    ]
    body = (
        "Kristin Quorvane spoke. Kristen Quorvane agreed. Quorvane said so. Quorvane left. "
        "Quorvane came back. Quorvane stayed.\n"
    )
    found = entities(tmp_path, body, ruler_pipeline(patterns))
    assert [(e.name, e.kind, len(e.mentions)) for e in found] == [("Kristin Quorvane", "person", 6)]


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


def test_initials_before_a_family_name() -> None:
    assert has_initials("K.C. Hollander") and has_initials("J. R. R. Tolkien")
    assert has_initials("George W. Bush")
    assert not has_initials("U.S. Steel")  # a place's abbreviation
    assert not has_initials("K.C.") and not has_initials("Hollander Quorvane")
    assert not has_initials("Quorvane W. Bush")  # not a given name first


def test_initials_make_a_person_of_an_organization_label(tmp_path: Path) -> None:
    patterns = [{"label": "ORG", "pattern": "K.C. Quorvane"}]
    body = "K.C. Quorvane, chief financial officer of the fund, said the gift was large.\n"
    assert kinds(tmp_path, body, ruler_pipeline(patterns)) == {"K.C. Quorvane": "person"}


def test_letters_after_a_persons_name_are_no_entity(tmp_path: Path, nlp: Language) -> None:
    body = "The court heard from Mark Quorvane, QC, and from Tom Hollander, SC, on Monday.\n"
    assert kinds(tmp_path, body, nlp) == {"Mark Quorvane": "person", "Tom Hollander": "person"}


def test_acronym_tagged_as_a_person_is_an_organization_without_a_title(
    tmp_path: Path, nlp: Language
) -> None:
    body = "Candidates from the Army ROTC and the Navy ROTC attended. ROTC graduates serve.\n"
    assert ("ROTC", "PERSON") in raw_labels(nlp, body)
    assert kinds(tmp_path, body, nlp)["ROTC"] == "organization"
    assert kinds(tmp_path, "President JFK spoke at the rally.\n", nlp) == {"JFK": "person"}


def test_adjective_inside_a_place_name_is_no_title(tmp_path: Path) -> None:
    """ "the united Sylvania": the lower-case word spaCy took into the name is no title,
    while "magician David Quorvane" keeps its title vote."""
    patterns = [
        {"label": "GPE", "pattern": "united Sylvania"},
        {"label": "PERSON", "pattern": "magician David Quorvane"},
    ]
    body = "They knock on the doors of the united Sylvania. Later magician David Quorvane came.\n"
    found = {e.name: (e.kind, e.roles) for e in entities(tmp_path, body, ruler_pipeline(patterns))}
    assert found == {"Sylvania": ("place", ()), "David Quorvane": ("person", ("magician",))}


def test_apposition_that_describes_a_person(nlp: Language) -> None:
    def described(text: str) -> str:
        return cue(nlp, text, text.split(",")[0], "GPE")

    assert described("Hilke Quorvane, an Australian woman and former member, has claimed") == (
        "person"
    )
    assert described("Sam Quorvane, a 34-year-old teacher, said it.") == "person"
    assert described("Jo Quorvane, a former actor, said it.") == "person"
    assert described("Quorvane, a city in Freedonia, is large.") == "place"
    assert described("Quorvane, a former Soviet republic, voted.") == ""
    assert described("Quorvane, which is a woman's name, is rare.") == ""


def test_name_described_as_a_woman_is_a_person_and_her_family_name_joins(
    tmp_path: Path,
) -> None:
    patterns = [
        {"label": "GPE", "pattern": "Hilke Quorvane"},
        {"label": "GPE", "pattern": "Quorvane"},
        {"label": "GPE", "pattern": "Sylvania"},
    ]
    body = (
        "Hilke Quorvane, an Australian woman, has claimed the group held her. Quorvane said "
        "she left. Quorvane was born there. Quorvane claims she worked. Quorvane left.\n"
        "Sylvania, a city in Freedonia, is large.\n"
    )
    found = {
        e.name: (e.kind, len(e.mentions))
        for e in entities(tmp_path, body, parsed_pipeline(patterns))
    }
    assert found["Hilke Quorvane"] == ("person", 5)
    assert found["Sylvania"] == ("place", 1)
    assert "Quorvane" not in found


@pytest.mark.parametrize("word", ["Governor", "Senators", "Governor(s", "spokesman"])
def test_office_titles_end_no_persons_name(word: str) -> None:
    assert is_office_title_word(word)


@pytest.mark.parametrize("word", ["Mayor", "President", "Perry", "Governance", "King"])
def test_family_names_and_other_words_are_no_office_titles(word: str) -> None:
    """ "Mayor" and "President" are family names in the census lists; "King" no office here."""
    assert not is_office_title_word(word)
