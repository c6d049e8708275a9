"""A country's or city's name that stands for its sports team ("Sweden defeated South Korea
1 – 0") is an organization, not a place; the same words in news of politics or trade keep
the place. Sentences parsed by the real model."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from sitegen.ingest import read_articles
from sitegen.nlp.analyze import analyze
from sitegen.nlp.pipeline import load_pipeline
from sitegen.resolve import resolve_entities
from tests.helpers import cue, write

TEAM_SENTENCES = [
    ("Sweden defeated South Korea 1 – 0 in the World Cup.", "Sweden"),
    ("Sweden defeated South Korea 1 – 0 in the World Cup.", "South Korea"),
    ("Tunisia lost 1 – 2 to England on Monday.", "Tunisia"),
    ("Tunisia lost 1 – 2 to England on Monday.", "England"),
    ("Group F — Sweden 1 – 0 Korea Republic", "Korea Republic"),
    ("In the first game of the day, Sweden faced South Korea in Nizhny Novgorod.", "Sweden"),
    ("In the first game of the day, Sweden faced South Korea in Nizhny Novgorod.", "South Korea"),
    ("New Zealand beat France 24–17 in the Rugby World Cup final.", "New Zealand"),
    ("New Zealand beat France 24–17 in the Rugby World Cup final.", "France"),
    ("Spain won the Davis Cup after beating Canada in the final.", "Spain"),
    ("Spain won the Davis Cup after beating Canada in the final.", "Canada"),
    ("England were beaten by Australia in the cricket final.", "England"),
    ("England were beaten by Australia in the cricket final.", "Australia"),
    ("Sweden drew 1–1 with Denmark.", "Denmark"),
    ("Brazil qualified for the knockout stage after a 2-0 win over Serbia.", "Brazil"),
    ("Brazil qualified for the knockout stage after a 2-0 win over Serbia.", "Serbia"),
    ("Six minutes later, Lukaku scored a third goal for Belgium.", "Belgium"),
    ("Italy trailed for most of the game before Chiesa equalised for Italy.", "Italy"),
    ("Four minutes later, Tunisia's goalkeeper Mouez Hassen was substituted off.", "Tunisia"),
    ("After the match, Hernan Dario Gomez, Panama coach, said they had learned a lot.", "Panama"),
    ("This was Sweden's first victory in the opening match of the World Cup.", "Sweden"),
    ("The match came to end with England winning 2 – 1 and collecting three points.", "England"),
    ("FIFA World Cup 2018 day five: Sweden, Belgium, England win three points", "England"),
]
"""Sport: a place's name on one side of a match, a score beside it, or its player's."""

PLACE_SENTENCES = [
    ("Russia won the war.", "Russia"),
    ("France lost the vote.", "France"),
    ("The US faced criticism over its boycott of the World Cup.", "US"),
    ("China beat expectations as exports rose 5%.", "China"),
    ("Britain was defeated in the vote on Tuesday.", "Britain"),
    ("Germany won the bid to host the 2006 World Cup.", "Germany"),
    ("Russia hosted the World Cup in 2018.", "Russia"),
    ("Teams from Morocco and Iran took part in the tournament.", "Morocco"),
    ("The finals saw US team Cloud9 face off against Immortals.", "US"),
    ("The silver medal went to Poland and the bronze to Armenia.", "Poland"),
    ("Iran faced penalties from the UN over its nuclear programme.", "Iran"),
    ("The goal for China is growth of 6% this year.", "China"),
    ("Mexico's president said the match was a great day for Mexico.", "Mexico"),
    ("The court ruled 5-4 against Arizona.", "Arizona"),
    ("The game was played in London, England, before 80,000 fans.", "England"),
    ("The summit will be held in Geneva 12-14 June.", "Geneva"),
    ("Japan beat the United States in the talks on trade.", "Japan"),
    ("Canada's captain said the ship would sail on.", "Canada"),
]
"""Not sport, or sport without a side: a war, a vote, a host country, a team's country."""


@pytest.mark.parametrize(("text", "name"), TEAM_SENTENCES)
def test_place_name_on_a_side_of_a_match_is_a_team(nlp: Language, text: str, name: str) -> None:
    assert cue(nlp, text, name, "GPE") == "team"


@pytest.mark.parametrize(("text", "name"), PLACE_SENTENCES)
def test_place_name_outside_a_match_is_no_team(nlp: Language, text: str, name: str) -> None:
    assert cue(nlp, text, name, "GPE") != "team"


def test_only_a_place_label_becomes_a_team(nlp: Language) -> None:
    """A player tagged a person who beats another is not a team."""
    text = "Federer beat Nadal 6-4 in the Wimbledon final."
    assert cue(nlp, text, "Federer", "PERSON") == ""


def test_team_page_is_an_organization_named_apart_from_the_place(tmp_path: Path) -> None:
    """A country's name that plays a match in one article is a team's page, "Sweden (team)",
    with "Sweden" as an alias; in another article the country stays a place."""
    write(
        tmp_path / "a.txt",
        "Sweden defeated South Korea 1 – 0 in the World Cup.\n\n"
        "Swedish captain Andreas Granqvist scored from the penalty spot, putting Sweden 1 – 0 "
        "up.\n\nThe match ended with Sweden winning three points.\n\n"
        "Sweden had higher ball possession in the game.\n",
    )
    write(tmp_path / "b.txt", "Sweden and Norway signed a treaty in Oslo.\n")
    write(tmp_path / "a.yml", "published: 2018-06-19\n")
    write(tmp_path / "b.yml", "published: 2018-06-20\n")
    articles = read_articles([tmp_path])
    entities = resolve_entities(articles, analyze(articles, load_pipeline()))
    sweden = {(e.kind, e.name, e.aliases) for e in entities if "Sweden" in (e.name, *e.aliases)}
    assert sweden == {("organization", "Sweden (team)", ("Sweden",)), ("place", "Sweden", ())}
    korea = next(e for e in entities if e.name.startswith("South Korea"))
    assert (korea.kind, korea.name, korea.page) == (
        "organization",
        "South Korea (team)",
        "organizations/south-korea-team.md",
    )


def test_score_inside_a_name_is_cut_from_it(tmp_path: Path) -> None:
    """spaCy may take the score into the name ("Chelsea 2-1"): the mention is the name."""
    write(tmp_path / "a.txt", "Liverpool beat Chelsea 2-1 at Anfield in the league on Saturday.\n")
    write(tmp_path / "a.yml", "published: 2024-05-01\n")
    articles = read_articles([tmp_path])
    analysis = analyze(articles, load_pipeline())[articles[0].id]
    texts = {mention.text for mention in analysis.mentions}
    assert "Chelsea" in texts and not any("2" in text for text in texts)
