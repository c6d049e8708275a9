"""Paragraphs that are entries of a reading list ("Surname, Given. Title"), with the real
model."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from sitegen.nlp.citations import find_citation
from tests.helpers import mentions


def authors_and_title(nlp: Language, text: str) -> tuple[list[str], str] | None:
    doc = nlp(text)
    citation = find_citation(doc)
    if citation is None:
        return None
    return [author.name for author in citation.authors], doc[citation.title_start :].text


def test_inverted_names_before_a_title_are_the_authors(nlp: Language) -> None:
    assert authors_and_title(nlp, "Quorvane, Agatha. The Zeltrix Affair at Moorfield") == (
        ["Agatha Quorvane"],
        "The Zeltrix Affair at Moorfield",
    )
    assert authors_and_title(nlp, "Marx, Karl and Engels, Friedrich. The Manifesto") == (
        ["Karl Marx", "Friedrich Engels"],
        "The Manifesto",
    )


def test_prose_and_datelines_are_no_citations(nlp: Language) -> None:
    assert authors_and_title(nlp, "Washington, George. He was the first president.") is None
    assert authors_and_title(nlp, "Paris, France. The city said it would ban cars.") is None
    assert authors_and_title(nlp, "Chicago, Illinois. Protesters gathered on Monday.") is None
    assert authors_and_title(nlp, "Smith, John said the plan was bad.") is None


def test_citation_gives_a_person_per_author_and_a_work(tmp_path: Path, nlp: Language) -> None:
    body = "Christie, Agatha. The Mysterious Affair at Styles\n"
    found = mentions(tmp_path, nlp, body)
    people = [m for m in found if m.label == "PERSON"]
    assert [m.text for m in people] == ["Agatha Christie"]
    assert body[people[0].start : people[0].end] == "Christie, Agatha"
    title = [m for m in found if m.start >= body.index("The")]
    assert title and all(m.cue == "other" for m in title)
