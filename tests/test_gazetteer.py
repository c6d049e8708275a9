"""The gazetteer: real places by any usual name, and words that are no place."""

from __future__ import annotations

import pytest

from sitegen.resolve.gazetteer import (
    is_known_place,
    is_region,
    is_site_named_after,
    is_state_acronym,
)


@pytest.mark.parametrize(
    "name",
    [
        "Herat",  # a city
        "Bogota",  # without its accent
        "Bogotá",
        "Korea",  # "Korea, Republic of"
        "Czechoslovakia",  # a former country
        "Ohio",  # a US state
        "Lesotho",
        "U.S.",  # an abbreviation
        "Europe",  # a continent
        "Tibet",  # a province's English name ("Xizang (Tibet)")
        "Tasmania",  # a state
    ],
)
def test_places_are_known(name: str) -> None:
    assert is_known_place(name)


@pytest.mark.parametrize("name", ["Quantcast", "Ubisoft", "Quellford", "Rebecca"])
def test_other_words_are_not(name: str) -> None:
    assert not is_known_place(name)


@pytest.mark.parametrize("name", ["Kashmir", "Darfur", "Bengal", "Bosnia"])
def test_regions_inside_subdivisions_names_are_known(name: str) -> None:
    """ "Jammu and Kashmir", "North Darfur", "West Bengal", "Bosnia and Herzegovina"."""
    assert is_known_place(name)


@pytest.mark.parametrize("code", ["GM", "CC"])
def test_country_codes_are_no_place_names(code: str) -> None:
    """countryinfo lists codes among other spellings: "GM" is General Motors in the news."""
    assert not is_known_place(code)


@pytest.mark.parametrize("name", ["Vietnam", "Ontario", "Asia", "Tibet", "Ohio", "Kashmir"])
def test_regions_are_countries_provinces_and_continents(name: str) -> None:
    assert is_region(name)


@pytest.mark.parametrize("name", ["Seattle", "Springfield", "Google", "Hang", "Toyota"])
def test_cities_and_their_other_names_are_no_regions(name: str) -> None:
    """GeoNames gives "Google" and "Hang" as cities' other names; a city is a known place
    (``is_known_place``), not a region."""
    assert not is_region(name)


def test_a_site_named_after_a_known_place_is_not_that_place() -> None:
    assert is_site_named_after("California Science Center", "California")
    assert is_site_named_after("Hudson River", "Hudson")
    assert not is_site_named_after("Heathrow Airport", "Heathrow")  # unknown: may be one
    assert not is_site_named_after("New York City", "New York")  # no site's head word
    assert not is_site_named_after("Ford Motor Company", "Ford")


def test_acronyms_of_countries_and_states() -> None:
    """An acronym spells a country's (current or former) or a US state's name, or is one the
    gazetteer holds; a company's or a group's is not, nor "BBC", a town's other name."""
    for acronym in ("DPRK", "DRC", "KSA", "GDR", "NSW", "UAE", "UK", "U.S."):
        assert is_state_acronym(acronym), acronym
    for acronym in ("TAOM", "HBOS", "NATO", "FBI", "BBC", "Quellford"):
        assert not is_state_acronym(acronym), acronym
