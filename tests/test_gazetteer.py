"""The gazetteer: real places by any usual name, and words that are no place."""

from __future__ import annotations

import pytest

from sitegen.resolve.gazetteer import is_known_place


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
