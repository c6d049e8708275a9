"""Coreference for mention counts: pronouns and definite nouns resolved to entities, with the
real English pipeline on made-up articles."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from sitegen.export import export_knowledge
from sitegen.ingest import read_articles
from sitegen.lexicon import given_name_gender, one_word_name_gender
from sitegen.model import Entity, KnowledgeBase
from sitegen.nlp.analyze import analyze
from sitegen.resolve import resolve_entities
from sitegen.resolve.coref import resolve_references
from sitegen.resolve.quotes import resolve_quotes
from tests.helpers import write


def references(tmp_path: Path, nlp: Language, body: str) -> dict[str, list[str]]:
    """Entity name -> the texts of the references resolved to it."""
    write(tmp_path / "x.txt", body)
    write(tmp_path / "x.yml", "published: 2026-01-13\n")
    articles = read_articles([tmp_path])
    analyses = analyze(articles, nlp)
    entities = resolve_entities(articles, analyses)
    quotes = resolve_quotes(articles, analyses, entities)
    entities = resolve_references(articles, analyses, entities, quotes)
    return {e.name: [r.text for r in e.references] for e in entities if e.references}


def test_pronouns_go_to_the_last_person_of_their_gender(tmp_path: Path, nlp: Language) -> None:
    body = (
        "Anna Kowalski met John Price in London on Monday.\n\n"
        "She said the talks had gone well. He did not comment on her remarks.\n"
    )
    found = references(tmp_path, nlp, body)
    assert found == {"Anna Kowalski": ["She", "her"], "John Price": ["He"]}


def test_a_family_named_in_the_plural_is_no_antecedent_of_he(tmp_path: Path, nlp: Language) -> None:
    """ "the Beks" after "Thomas Bek" are his family, a page of people, but "he" after them
    is still Thomas Bek."""
    body = "Thomas Bek fell ill in March.\n\nThe Beks refused treatment. He recovered in May.\n"
    found = references(tmp_path, nlp, body)
    assert found == {"Thomas Bek": ["He"]}


def test_subject_is_preferred_over_the_object(tmp_path: Path, nlp: Language) -> None:
    body = "Mr. David Brown praised Mr. Peter Green on Tuesday.\n\nHe said the deal was fair.\n"
    assert references(tmp_path, nlp, body) == {"David Brown": ["He"]}


def test_a_name_in_apposition_to_the_subject_is_preferred(tmp_path: Path, nlp: Language) -> None:
    body = (
        "Lena Novak met reporters on Monday.\n\nHer colleague Maria Gomez said she was pleased.\n"
    )
    assert references(tmp_path, nlp, body) == {"Lena Novak": ["Her"], "Maria Gomez": ["she"]}


def test_pronouns_inside_quotations_are_never_the_speaker(tmp_path: Path, nlp: Language) -> None:
    """ "He" inside Reed's quotation is not Reed, who would say "I": it is the man spoken of
    before. With no other man named, it is nobody."""
    body = 'Mary Jones spoke on Monday. "He never told us what he wanted," she said.\n'
    assert references(tmp_path, nlp, body) == {"Mary Jones": ["she"]}
    body = (
        "Andy Kowalski painted soup cans in 1962.\n\n"
        'Tom Reed, a curator, opened the show. "He was very aware of our culture," Reed said.\n'
    )
    assert references(tmp_path, nlp, body) == {"Andy Kowalski": ["He"]}
    body = (  # the man named in the quotation itself, not the subject named before it
        "Prime Minister John Carver left Ottawa on Tuesday.\n\n"
        '"Whatever you think about Peter Trask, he is a catalyst," said Anna Rees.\n'
    )
    assert references(tmp_path, nlp, body) == {"Peter Trask": ["he"]}


def test_company_and_title_nouns(tmp_path: Path, nlp: Language) -> None:
    body = (
        "Prime Minister Robert Miller visited General Motors on Monday.\n\n"
        "The company said it would hire 500 workers. The prime minister welcomed the news.\n"
    )
    found = references(tmp_path, nlp, body)
    assert found == {"General Motors": ["The company"], "Robert Miller": ["The prime minister"]}


def test_generic_company_noun_after_other_nouns(tmp_path: Path, nlp: Language) -> None:
    body = (
        "General Motors opened a plant in Ohio on Monday.\n\n"
        "The car company said it would hire 500 workers. The parent company was not named.\n"
    )
    assert references(tmp_path, nlp, body) == {"General Motors": ["The car company"]}


def test_no_antecedent_no_reference(tmp_path: Path, nlp: Language) -> None:
    body = "He said the company would hire more staff in Ohio.\n"
    assert references(tmp_path, nlp, body) == {}


def test_given_names_give_a_gender_only_when_clear() -> None:
    assert given_name_gender("Maria") == "female"
    assert given_name_gender("Robert") == "male"
    assert given_name_gender("Jordan") is None  # given to both
    assert given_name_gender("Quorvane") is None


def test_one_word_names_give_a_gender_only_when_mostly_given_names() -> None:
    assert one_word_name_gender("Jason") == "male"
    assert one_word_name_gender("Gloria") == "female"
    assert one_word_name_gender("Walker") is None  # a common surname too
    assert one_word_name_gender("Clinton") is None
    assert one_word_name_gender("Jordan") is None  # given to both


def test_a_one_word_given_name_is_skipped_for_the_other_gender(
    tmp_path: Path, nlp: Language
) -> None:
    body = (
        "Anna Kowalski founded the studio. Jason writes the stories.\n\n"
        "She draws every character.\n"
    )
    assert references(tmp_path, nlp, body) == {"Anna Kowalski": ["She"]}


def test_references_are_exported(tmp_path: Path, nlp: Language) -> None:
    write(tmp_path / "x.txt", "Anna Kowalski arrived on Monday. She spoke first.\n")
    write(tmp_path / "x.yml", "published: 2026-01-13\n")
    articles = read_articles([tmp_path])
    analyses = analyze(articles, nlp)
    entities = resolve_references(articles, analyses, resolve_entities(articles, analyses))
    data = export_knowledge(KnowledgeBase(tuple(articles), analyses, entities))
    (anna,) = [e for e in data["entities"] if e["name"] == "Anna Kowalski"]
    text = articles[0].text
    assert [text[r["start"] : r["end"]] for r in anna["references"]] == ["She"]


def test_kept_references_follow_the_entities_named_not_only_the_analysis(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under serve (``ACROSS_BUILDS``) an article's resolved references are kept for the very
    same analysis and entities: an entity named in it that is another object (here another
    id) or of another gender works them out again; the same ones give the very same list."""
    from sitegen.across_builds import ACROSS_BUILDS, KeptByIdentity
    from sitegen.resolve import coref

    monkeypatch.setattr(coref, "_REFERENCES", KeptByIdentity())
    monkeypatch.setattr(ACROSS_BUILDS, "on", True)
    write(tmp_path / "x.txt", "Anna Kowalski met John Price in London.\n\nShe said he agreed.\n")
    write(tmp_path / "x.yml", "published: 2026-01-13\n")
    articles = read_articles([tmp_path])
    analyses = analyze(articles, nlp)
    entities = resolve_entities(articles, analyses)

    def resolved(found: tuple[Entity, ...]) -> dict[str, list[str]]:
        kept = resolve_references(articles, analyses, found)
        return {e.id: [r.text for r in e.references] for e in kept if e.references}

    first = resolved(entities)
    assert first == {"person:anna-kowalski": ["She"], "person:john-price": ["he"]}
    assert resolved(entities) == first
    renamed = tuple(
        replace(e, id="person:anna-k") if e.name == "Anna Kowalski" else e for e in entities
    )
    assert resolved(renamed) == {"person:anna-k": ["She"], "person:john-price": ["he"]}
    monkeypatch.setattr(coref, "_name_genders", lambda found: {"person:anna-k": "male"})
    kept = resolved(renamed)
    assert "She" not in kept.get("person:anna-k", [])  # Anna is a man now
    monkeypatch.setattr(ACROSS_BUILDS, "on", False)
    assert kept == resolved(renamed)
