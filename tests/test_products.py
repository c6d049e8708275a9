"""Product and work evidence from the words around a name (``sitegen.nlp.products``), on
made-up sentences parsed by the real model."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from tests.helpers import cue
from tests.helpers import kinds_of as kinds


def test_model_code_in_a_person_or_place_name_is_a_product(nlp: Language) -> None:
    assert cue(nlp, "Few people still run ZQ7 on their machines.", "ZQ7", "GPE") == "other"
    assert cue(nlp, "The crew flew on XTS-134 last spring.", "XTS-134", "PERSON") == "other"


def test_model_number_before_a_noun_of_goods_is_a_product(nlp: Language) -> None:
    text = "The plane is built with four Quorvane Trent 900 engines."
    assert cue(nlp, text, "Quorvane Trent 900") == "other"
    # a maker before its goods, or a club with a number, is not a product
    assert cue(nlp, "The Quorvane engines failed twice.", "Quorvane") == ""
    assert cue(nlp, "The owner of Zeltra 54 spoke.", "Zeltra 54") == ""


def test_organizations_and_ordinals_may_hold_digits(nlp: Language) -> None:
    assert cue(nlp, "Leaders met at the Q20 summit in May.", "Q20", "ORG") == ""
    assert cue(nlp, "The 22nd Zeltrix Fair opened.", "22nd Zeltrix Fair", "GPE") == ""


def test_description_as_a_product_makes_a_product(nlp: Language) -> None:
    text = "Users are buzzing about Zeltrix, the newest version of the Quorvane system."
    assert cue(nlp, text, "Zeltrix", "PERSON") == "other"
    text = "Zeltrix is a space capsule that collected dust from a comet."
    assert cue(nlp, text, "Zeltrix", "PERSON") == "other"


def test_description_as_a_person_or_place_makes_no_product(nlp: Language) -> None:
    text = "Users are buzzing about Zeltrix, the newest member of the Quorvane board."
    assert cue(nlp, text, "Zeltrix", "PERSON") == ""
    assert cue(nlp, "Zeltrix is a small company in Ohio.", "Zeltrix") == ""
    text = "The final Quorvane 717 was the last plane built there."
    assert cue(nlp, text, "Quorvane") == ""  # the maker's name inside a longer one


def test_title_after_called_makes_a_work(nlp: Language) -> None:
    text = "I came up with a story called Zeltrix Quorvane and she drew it."
    assert cue(nlp, text, "Zeltrix Quorvane") == "other"
    text = "I came up with a group called Zeltrix Quorvane and she led it."
    assert cue(nlp, text, "Zeltrix Quorvane") == ""


def test_edition_number_or_year_of_a_name_makes_an_event(nlp: Language) -> None:
    text = "The 22nd Zeltra Expo Freedonia took place at the convention centre."
    assert cue(nlp, text, "Zeltra Expo Freedonia") == "other"
    text = "Pop culture celebrated at Zeltra Expo Freedonia 2016 in Toronto."
    assert cue(nlp, text, "Zeltra Expo Freedonia") == "other"


def test_number_that_counts_another_noun_makes_no_event(nlp: Language) -> None:
    assert cue(nlp, "He spoke at the 60th Zeltra conference in May.", "Zeltra") == ""
    assert cue(nlp, "Zeltra hired 2016 workers last year.", "Zeltra") == ""


def test_short_name_of_a_storm_or_vehicle_gets_no_page(tmp_path: Path) -> None:
    patterns = [
        {"label": "PERSON", "pattern": "Cyclone Zeltra"},
        {"label": "PERSON", "pattern": "Zeltra"},
        {"label": "ORG", "pattern": "Space Shuttle Quorvane"},
        {"label": "ORG", "pattern": "Quorvane"},
        {"label": "GPE", "pattern": "Sylvania"},
    ]
    body = (
        "Cyclone Zeltra hit Sylvania. Zeltra weakened inland. Space Shuttle Quorvane flew. "
        "Quorvane landed.\n"
    )
    assert kinds(tmp_path, body, patterns) == {"Sylvania": "place"}


def test_short_name_of_a_product_gets_no_page(tmp_path: Path) -> None:
    """ "Zeltrix" after the product "Quorvane Zeltrix", "ZB" beside its version "ZB6": a
    product's names; the maker keeps its page."""
    patterns = [
        {"label": "PRODUCT", "pattern": "Quorvane Zeltrix"},
        {"label": "PERSON", "pattern": "Zeltrix"},
        {"label": "ORG", "pattern": "Quorvane"},
        {"label": "GPE", "pattern": "ZB6"},
        {"label": "ORG", "pattern": "ZB"},
    ]
    body = (
        "Quorvane released Quorvane Zeltrix in May. Users say Zeltrix is fast, and Quorvane "
        "says so too. Few still run ZB6, but ZB keeps users.\n"
    )
    assert kinds(tmp_path, body, patterns) == {"Quorvane": "organization"}


def test_short_name_of_a_product_is_no_place(tmp_path: Path) -> None:
    """spaCy may tag an airline a product: the country after its first word stays a place."""
    patterns = [
        {"label": "PRODUCT", "pattern": "Air Freedonia"},
        {"label": "GPE", "pattern": "Freedonia"},
        {"label": "PRODUCT", "pattern": "Annie Zeltrix"},
        {"label": "PERSON", "pattern": "Zeltrix"},
    ]
    body = "Air Freedonia flew to Freedonia. Annie Zeltrix spoke, and Zeltrix left.\n"
    assert kinds(tmp_path, body, patterns) == {"Freedonia": "place", "Zeltrix": "person"}


def test_same_name_without_the_vehicle_keeps_its_page(tmp_path: Path) -> None:
    patterns = [{"label": "PERSON", "pattern": "Zeltra Quorvane"}]
    body = "Zeltra Quorvane spoke. Zeltra Quorvane left.\n"
    assert kinds(tmp_path, body, patterns) == {"Zeltra Quorvane": "person"}


def test_names_of_shows_and_contests_get_no_page(tmp_path: Path) -> None:
    patterns = [
        {"label": "ORG", "pattern": "Zeltra Springs Cavalcade"},
        {"label": "PERSON", "pattern": "Quorvane Jubilee"},
        {"label": "GPE", "pattern": "Freedonia"},
    ]
    body = "They played the Zeltra Springs Cavalcade and the Quorvane Jubilee in Freedonia.\n"
    assert kinds(tmp_path, body, patterns) == {"Freedonia": "place"}
