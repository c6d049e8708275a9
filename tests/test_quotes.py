"""Quotations and their speakers, with the real model: one test per attribution pattern."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from sitegen.build import build_knowledge, extract
from sitegen.ingest import read_articles
from sitegen.model import KnowledgeBase
from sitegen.nlp.analyze import analyze
from sitegen.nlp.quotes import quote_marks
from sitegen.resolve import resolve_entities
from sitegen.resolve.quotes import resolve_quotes
from tests.helpers import SEEDS, write


def speakers(tmp_path: Path, nlp: Language, body: str) -> list[tuple[str, str]]:
    """(speaker name, first words of the quotation) for every attributed quotation."""
    write(tmp_path / "q.txt", body)
    write(tmp_path / "q.yml", "published: 2026-01-13\n")
    articles = read_articles([tmp_path])
    analyses = analyze(articles, nlp)
    entities = resolve_entities(articles, analyses)
    names = {entity.id: entity.name for entity in entities}
    quotes = resolve_quotes(articles, analyses, entities)
    return [(names[q.speaker], " ".join(q.text.split()[:3])) for q in quotes]


def test_quote_marks_pair_curly_and_straight_and_run_on() -> None:
    assert quote_marks('a “b c” d "e f" g “h') == [(2, 6), (10, 14), (18, 20)]


def test_said_name_after_the_quotation(tmp_path: Path, nlp: Language) -> None:
    body = "“The plant will close next spring for good,” said Laura Benton, the mayor.\n"
    assert speakers(tmp_path, nlp, body) == [("Laura Benton", "The plant will")]


def test_name_said_after_the_quotation(tmp_path: Path, nlp: Language) -> None:
    body = "“We are not going to sell the farm,” Thomas Whitfield said on Monday.\n"
    assert speakers(tmp_path, nlp, body) == [("Thomas Whitfield", "We are not")]


def test_name_said_before_the_quotation(tmp_path: Path, nlp: Language) -> None:
    body = "Thomas Whitfield said: “We are not going to sell the farm.”\n"
    assert speakers(tmp_path, nlp, body) == [("Thomas Whitfield", "We are not")]


def test_he_added_continues_the_named_speaker(tmp_path: Path, nlp: Language) -> None:
    body = (
        "“The plant will close next spring for good,” said Laura Benton, the mayor.\n"
        "“Nobody in this town wanted that outcome,” she added.\n"
    )
    assert [s for s, _ in speakers(tmp_path, nlp, body)] == ["Laura Benton", "Laura Benton"]


def test_pronoun_finds_the_subject_not_the_object(tmp_path: Path, nlp: Language) -> None:
    body = (
        "In an interview, Mr. Thomas Whitfield warned Ms. Laura Benton about the costs.\n"
        "“The budget cannot carry another failed project,” he said.\n"
    )
    assert [s for s, _ in speakers(tmp_path, nlp, body)] == ["Thomas Whitfield"]


def test_pronoun_gender_skips_the_other_honorific(tmp_path: Path, nlp: Language) -> None:
    body = (
        "Ms. Laura Benton spoke first. Then Mr. Thomas Whitfield spoke at length.\n"
        "“The budget cannot carry another failed project,” she said.\n"
    )
    assert [s for s, _ in speakers(tmp_path, nlp, body)] == ["Laura Benton"]


def test_unattributed_quotation_continues_the_paragraph(tmp_path: Path, nlp: Language) -> None:
    body = (
        "“The plant will close next spring,” Thomas Whitfield said. "
        "“There is nothing left to negotiate with them.”\n"
    )
    assert [s for s, _ in speakers(tmp_path, nlp, body)] == ["Thomas Whitfield"] * 2


def test_said_in_a_statement_with_appositive(tmp_path: Path, nlp: Language) -> None:
    body = (
        "“The river has never been this low in living memory,” Laura Benton, a hydrologist "
        "at the Northern Water Institute, said in a statement.\n"
    )
    assert speakers(tmp_path, nlp, body) == [("Laura Benton", "The river has")]


def test_partial_quotation_inside_a_sentence(tmp_path: Path, nlp: Language) -> None:
    body = (
        "Laura Benton spoke to reporters on Monday.\n"
        "She urged Mr. Thomas Whitfield to “reopen the talks with the unions before winter.”\n"
    )
    assert speakers(tmp_path, nlp, body) == [("Laura Benton", "reopen the talks")]


def test_short_scare_quotes_are_not_quotations(tmp_path: Path, nlp: Language) -> None:
    body = "Laura Benton called the plan a “sweetheart deal” and left.\n"
    assert speakers(tmp_path, nlp, body) == []


def test_the_company_said(tmp_path: Path, nlp: Language) -> None:
    body = (
        "Northwind Logistics Inc. reported a loss on Monday.\n"
        "“We expect demand to recover in the second half,” the company said.\n"
    )
    write(tmp_path / "q.txt", body)
    write(tmp_path / "q.yml", "published: 2026-01-13\n")
    kb = build_knowledge([tmp_path], nlp=nlp)
    assert [q.speaker for q in kb.quotes] == ["organization:northwind-logistics-inc"]


SEED_SPEAKERS = [
    ("There is intrinsic value", "L. Philippe Rheault"),
    ("These days it’s hard", "L. Philippe Rheault"),
    ("Whatever you think about", "L. Philippe Rheault"),
    ("What Mark Carney’s government", "Michael Kovrig"),
    ("The policy challenge is", "Michael Kovrig"),
    ("With the Chinese, as", "Lynette Ong"),
    ("That’s how you get", "Lynette Ong"),
    ("China is a diversification", "Lynette Ong"),
    ("Prime Minister Carney should", "Maya Wang"),
    ("ensure that engagements with", "Maya Wang"),
    ("All the concerns on", "Lynette Ong"),
    ("Whether or not we", "Lynette Ong"),
]


def test_every_seed_quotation_has_its_speaker(nlp: Language) -> None:
    kb: KnowledgeBase = build_knowledge([SEEDS], nlp=nlp)
    names = {entity.id: entity.name for entity in kb.entities}
    found = [(" ".join(q.text.split()[:4]), names[q.speaker]) for q in kb.quotes]
    assert found == SEED_SPEAKERS


def test_quotes_are_exported(nlp: Language) -> None:
    data = extract([SEEDS], nlp=nlp)
    first = data["quotes"][0]
    assert set(first) == {
        "speaker",
        "text",
        "article",
        "start",
        "end",
        "speaker_text",
        "speaker_start",
        "speaker_end",
    }
    assert first["speaker"] == "person:l-philippe-rheault"
    text = Path(data["articles"][0]["path"]).read_text(encoding="utf-8")
    assert text[first["speaker_start"] : first["speaker_end"]] == first["speaker_text"]
    assert "Rheault" in first["speaker_text"]
    continued = [q for q in data["quotes"] if q["speaker_start"] is None]
    assert all(q["speaker_text"] is None for q in continued)
