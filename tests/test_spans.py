"""Entity spans corrected after spaCy: coordinated names, on made-up sentences and the real
model."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from sitegen.model import KIND_OF_LABEL, UNLABELLED_NAME
from sitegen.nlp.spans import joined_entities, without_trailing_phrase
from tests.helpers import kinds_of as kinds
from tests.helpers import mentions, parsed_kinds


def names(tmp_path: Path, nlp: Language, body: str) -> list[str]:
    return [mention.text for mention in mentions(tmp_path, nlp, body)]


def test_compass_words_before_a_shared_name_are_two_places(tmp_path: Path, nlp: Language) -> None:
    body = "The report comes after North and South Korea exchanged artillery fire.\n"
    found = mentions(tmp_path, nlp, body)
    assert [m.text for m in found] == ["North Korea", "South Korea"]
    north = found[0]
    assert body[north.start : north.end] == "North"  # the page links the word written


def test_two_full_names_joined_by_and_are_two_names(tmp_path: Path, nlp: Language) -> None:
    body = "Black Widow and Captain America Image: Nick Moreau.\n"
    assert names(tmp_path, nlp, body)[:2] == ["Black Widow", "Captain America"]


def test_given_names_before_a_shared_family_name_are_two_people(
    tmp_path: Path, nlp: Language
) -> None:
    body = "Bill and Melinda Gates gave money to the school.\n"
    assert names(tmp_path, nlp, body) == ["Bill Gates", "Melinda Gates"]


def test_one_name_with_and_or_ampersand_stays_one(tmp_path: Path, nlp: Language) -> None:
    body = (
        "Procter & Gamble spokeswoman Jennifer Chelune said it. She flew to Bosnia and "
        "Herzegovina last week. The Securities and Exchange Commission said so. He works "
        "at AT&T in Dallas. They visited the Mary & Leigh Block Museum of Art.\n"
    )
    found = names(tmp_path, nlp, body)
    for name in (
        "Procter & Gamble",
        "Bosnia and Herzegovina",
        "Securities and Exchange Commission",
        "AT&T",
        "Mary & Leigh Block Museum of Art",
    ):
        assert name in found


def test_describing_words_before_a_name_are_left_out(tmp_path: Path, nlp: Language) -> None:
    body = (
        "Pan-democrat Lam Cheuk-ting from the Democratic Party was elected. "
        "File photo of magician David Gish displaying magic.\n"
    )
    found = names(tmp_path, nlp, body)
    assert "Lam Cheuk-ting" in found
    assert "David Gish" in found


def test_a_stance_word_is_no_name_and_no_part_of_one(tmp_path: Path, nlp: Language) -> None:
    """ "pro-Beijing" says a stance towards a place, as "American" names no place; the name
    after it stands alone. An organization named with a stance keeps it."""
    body = (
        "The pro-Beijing camp won, and Pro-Beijing DAB won seats. The Anti-Defamation League "
        "said so.\n"
    )
    found = mentions(tmp_path, nlp, body)
    assert not [m for m in found if "Beijing" in m.text]
    assert "DAB" in [m.text for m in found]
    assert "Anti-Defamation League" in [m.text for m in found]


def test_a_flight_number_is_cut_from_the_airlines_name(tmp_path: Path) -> None:
    """ "Adam Air Flight 447" names a flight (an event) of the airline Adam Air: the
    mention is the airline's, whatever spaCy's label (its first word, a given name, does not
    make it a person); "Museum of Flight" keeps its word."""
    patterns = [
        {"label": "PERSON", "pattern": "Adam Air Flight 447"},
        {"label": "ORG", "pattern": "Museum of Flight"},
    ]
    body = "The black boxes of Adam Air Flight 447 went to the Museum of Flight.\n"
    assert kinds(tmp_path, body, patterns) == {
        "Adam Air": "organization",
        "Museum of Flight": "place",
    }


def test_a_captions_credit_is_no_role(tmp_path: Path, nlp: Language) -> None:
    """ "Image: Anna Quellford." credits a photograph: "Image" is not her role, while "Mr.
    Carney's predecessor, Justin Trudeau" still gives Trudeau his."""
    body = (
        "A view of the lab. Image: Anna Quellford.\n\n"
        "Mr. Carney's predecessor, Justin Trudeau, imposed a tariff.\n"
    )
    roles = {m.text: m.role for m in mentions(tmp_path, nlp, body) if m.label == "PERSON"}
    assert roles.get("Anna Quellford") == ""
    assert roles.get("Justin Trudeau") == "Mr. Carney's predecessor"


def test_an_office_title_ends_no_persons_name(tmp_path: Path, nlp: Language) -> None:
    """spaCy tags "Virginia Governor(s)" a person: the title is cut, and the place before it
    is left for the resolver to name (untagged here, a place wherever spaCy tags it)."""
    body = "Which previous Virginia Governor(s) do you most admire and why?\n"
    found = mentions(tmp_path, nlp, body)
    assert [(m.text, m.label) for m in found] == [("Virginia", UNLABELLED_NAME)]
    assert found[0].role == ""


def test_hyphenated_name_without_a_describing_prefix_stays_whole(
    tmp_path: Path, nlp: Language
) -> None:
    assert "Coca-cola Amatil" in names(tmp_path, nlp, "Coca-cola Amatil said so.\n")


def test_place_head_word_after_a_name_extends_it_to_a_place(tmp_path: Path) -> None:
    patterns = [{"label": "ORG", "pattern": "Zeltra Processing"}]
    body = "The hangar, known as Zeltra Processing Facility-1, was opened.\n"
    assert kinds(tmp_path, body, patterns) == {"Zeltra Processing Facility-1": "place"}
    body = "The Zeltra Processing staff said the Quorvane Hangar opened.\n"
    assert kinds(tmp_path, body, patterns) == {"Zeltra Processing": "organization"}


def test_head_word_and_of_before_a_name_extend_it(tmp_path: Path, nlp: Language) -> None:
    """spaCy may tag "Arafat" of "the Plains of Arafat" or "Mexico" of "the Gulf of Mexico"
    alone: the head word before "of" makes the name a place's or an organization's."""
    body = (
        "The Plains of Arafat on the day of Hajj were full. Oil spilled into the Gulf of "
        "Mexico. Residents of Paris left.\n"
    )  # "Residents" is no head word
    found = [(m.text, KIND_OF_LABEL.get(m.label)) for m in mentions(tmp_path, nlp, body)]
    assert ("Plains of Arafat", "place") in found
    assert ("Gulf of Mexico", "place") in found
    assert ("Paris", "place") in found
    assert not [text for text, _ in found if text in ("Plains", "Arafat", "Mexico")]


def test_acronym_in_brackets_extends_a_name_over_the_words_it_spells(tmp_path: Path) -> None:
    """spaCy tags "5" of "Movimento 5 Stelle (M5S)" a number and "Stelle" a person: the
    acronym's letters are the initials of "Movimento 5 Stelle", one organization. An acronym
    that spells other words extends nothing."""
    patterns = [{"label": "PERSON", "pattern": "Stelle"}]
    body = "The deputies of Movimento 5 Stelle (M5S) met in Rome.\n"
    assert kinds(tmp_path, body, patterns) == {"Movimento 5 Stelle": "organization"}
    body = "The deputies of Movimento 5 Stelle (MCS) met in Rome.\n"
    assert kinds(tmp_path, body, patterns) == {"Stelle": "person"}


def test_a_persons_name_taken_into_an_organizations_is_a_person(
    tmp_path: Path, nlp: Language
) -> None:
    """spaCy tags "Air Force for Acquisition Darleen Druyun" as one organization: the given
    name and family name at its end are a person's. "Merrill Lynch" ends a bank's name."""
    body = (
        "Emails went to Assistant Secretary of the Air Force for Acquisition Darleen Druyun "
        "yesterday. He works at Bank of America Merrill Lynch now.\n"
    )
    found = [(m.text, m.label) for m in mentions(tmp_path, nlp, body)]
    assert ("Air Force for Acquisition", "ORG") in found
    assert ("Darleen Druyun", "PERSON") in found
    assert ("Bank of America Merrill Lynch", "ORG") in found


def test_two_entities_of_one_label_side_by_side_are_one_name() -> None:
    words = ["Valeska", "Paris", "has", "claimed", "it", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 3, 3, 3, 3, 3],
        deps=["compound", "nsubj", "aux", "ROOT", "dobj", "punct"],
        ents=["B-GPE", "B-GPE", "O", "O", "O", "O"],
    )
    assert [(e.text, e.label_) for e in joined_entities(doc)] == [("Valeska Paris", "GPE")]


def test_entities_side_by_side_that_do_not_modify_each_other_stay_apart() -> None:
    words = ["They", "told", "Anna", "Zeltra", "the", "news", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 1, 1, 1, 5, 1, 1],
        deps=["nsubj", "ROOT", "dative", "npadvmod", "det", "dobj", "punct"],
        ents=["O", "O", "B-PERSON", "B-PERSON", "O", "O", "O"],
    )
    assert [e.text for e in joined_entities(doc)] == ["Anna", "Zeltra"]


def parsed(words: list[str], pos: list[str], heads: list[int], ents: list[str]) -> Doc:
    """A Doc with the given parts of speech, heads and entity tags (no model)."""
    deps = ["ROOT" if head == index else "dep" for index, head in enumerate(heads)]
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, heads=heads, deps=deps, ents=ents)


def test_preposition_and_adjective_of_a_noun_after_the_name_are_cut() -> None:
    words = ["against", "Zeltra", "on", "French", "television", "."]
    pos = ["ADP", "PROPN", "ADP", "ADJ", "NOUN", "PUNCT"]
    doc = parsed(words, pos, [0, 0, 1, 4, 2, 0], ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"])
    assert without_trailing_phrase(doc.ents[0]).text == "Zeltra"


def test_name_with_of_before_a_noun_stays_whole() -> None:
    words = ["the", "Museum", "of", "Modern", "art", "shows", "."]
    pos = ["DET", "PROPN", "ADP", "ADJ", "NOUN", "VERB", "PUNCT"]
    heads = [1, 5, 1, 4, 2, 5, 5]
    doc = parsed(words, pos, heads, ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O"])
    assert without_trailing_phrase(doc.ents[0]).text == "the Museum of Modern"


def test_word_written_twice_is_one_name_and_no_place(tmp_path: Path) -> None:
    """ "Nick Rhodes of Quell Quell": spaCy tags the first word alone, a place; the name is
    both words, and a place's only by its label, so an organization's."""
    patterns = [{"label": "GPE", "pattern": "Quell"}, {"label": "PERSON", "pattern": "Nick Rhodes"}]
    body = "The show includes musician Nick Rhodes of Quell Quell.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {
        "Nick Rhodes": "person",
        "Quell Quell": "organization",
    }


def test_head_word_tagged_a_person_after_an_institution_and_is_its_rest(nlp: Language) -> None:
    """ "the Tang Teaching Museum and Art Gallery": spaCy tags "Art Gallery" a person; the
    two are one name. Two parties joined by "and" stay two."""
    doc = nlp("They met at the Quell Teaching Museum and Art Gallery at Skidmore College.")
    doc.ents = [
        Span(doc, 3, 7, label="ORG"),
        Span(doc, 8, 10, label="PERSON"),
        Span(doc, 11, 13, label="ORG"),
    ]
    assert [(e.text, e.label_) for e in joined_entities(doc)] == [
        ("the Quell Teaching Museum and Art Gallery", "ORG"),
        ("Skidmore College", "ORG"),
    ]
    doc = nlp("The Civic Party and Democratic Party won seats.")
    doc.ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 4, 6, label="ORG")]
    assert len(joined_entities(doc)) == 2
