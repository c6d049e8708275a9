"""Small closed word classes of general English used by extraction (no article knowledge).

The words are data files, one word class each, in ``sitegen/data/lexicon/`` (as spaCy keeps
``spacy/lang/en/stop_words.py``); this module loads each once and names it. A ``.txt`` file
holds one entry a line, a ``.tsv`` file two tab-separated fields a line; lines starting with
"#" are comments (each file's header says what the class is and why). Logic that joins or
derives classes (``PERSON_NOUNS`` is the descriptors and general nouns of people) stays here.
"""

from __future__ import annotations

import importlib.resources
import re
from functools import cache
from typing import TYPE_CHECKING

from nicknames import NickNamer

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

LEXICON_PACKAGE = "sitegen.data"
LEXICON_FOLDER = "lexicon"
"""Where the word classes are: ``sitegen/data/lexicon/``, shipped as package data."""


class LexiconError(ValueError):
    """A word-class file of ``sitegen/data/lexicon/`` is malformed (it names the file and line)."""


@cache
def _folder() -> Traversable:
    return importlib.resources.files(LEXICON_PACKAGE).joinpath(LEXICON_FOLDER)


@cache
def _entries(file: str) -> tuple[str, ...]:
    """The entries of a word-class file, in order: every line but comments ("#"). A blank
    line, an entry with spaces around it or an entry written twice is an error."""
    text = _folder().joinpath(file).read_text(encoding="utf-8")
    return parse_entries(text, f"sitegen/data/{LEXICON_FOLDER}/{file}")


def parse_entries(text: str, where: str) -> tuple[str, ...]:
    """The entries of a word-class file's ``text`` (named ``where`` in errors), in order."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#"):
            continue
        if not line.strip() or line != line.strip():
            raise LexiconError(f"{where}:{number}: a blank entry or spaces around one ({line!r})")
        if line in found:
            raise LexiconError(f"{where}:{number}: {line!r} is already on line {found[line]}")
        found[line] = number
    if not found:
        raise LexiconError(f"{where}: no entries")
    return tuple(found)


def word_set(name: str) -> frozenset[str]:
    """The word class ``sitegen/data/lexicon/<name>.txt``, one entry a line."""
    return frozenset(_entries(f"{name}.txt"))


def word_list(name: str) -> tuple[str, ...]:
    """The word class ``<name>.txt`` in the file's order (where the order decides)."""
    return _entries(f"{name}.txt")


def word_table(name: str) -> dict[str, str]:
    """The mapping ``sitegen/data/lexicon/<name>.tsv``: key, tab, value on each line."""
    table = {}
    where = f"sitegen/data/{LEXICON_FOLDER}/{name}.tsv"
    for entry in _entries(f"{name}.tsv"):
        key, tab, value = entry.partition("\t")
        if not tab or not key or not value or "\t" in value:
            raise LexiconError(f"{where}: {entry!r} is not a key, a tab and a value")
        if key in table:
            raise LexiconError(f"{where}: {key!r} is a key twice")
        table[key] = value
    return table


HONORIFICS = word_set("honorifics")
"""Forms of address: evidence that a name is a person's, but not a role."""

TITLES = word_set("titles")
"""Titles before a name: role evidence and person evidence ("Premier Li Qiang")."""

TITLE_MAX_WORDS = max(len(title.split()) for title in TITLES)

PRONOUNS = word_set("pronouns")


def title_key(words: str) -> str:
    """Normalize title words for lookup: lower case, no dots ("Mr." -> "mr")."""
    return " ".join(words.lower().replace(".", "").split())


def is_title(words: str) -> bool:
    key = title_key(words)
    return key in TITLES or key in HONORIFICS


def is_honorific(words: str) -> bool:
    return title_key(words) in HONORIFICS


MALE_HONORIFICS = word_set("male-honorifics")
FEMALE_HONORIFICS = word_set("female-honorifics")


def honorific_genders(title: str) -> set[str]:
    """ "male" and/or "female" as the honorifics among title words give them ("Mr.", "Ms.")."""
    words = {title_key(word) for word in title.split()}
    return ({"male"} if words & MALE_HONORIFICS else set()) | (
        {"female"} if words & FEMALE_HONORIFICS else set()
    )


ORGANIZATION_HEADS = word_set("organization-heads")
"""Last words that make a name an organization's ("Qatar Airways", "Acme Corp")."""

SETTLEMENT_NOUNS = word_set("settlement-nouns")
"""Nouns of settlements and administrative areas ("the town of Zeta", "Zeta, a port")."""
TOPONYM_ENDINGS = word_list("toponym-endings")
"""Endings of places' names the gazetteer misses ("Catalonia", "Kurdistan", "Yorkshire",
"Volgograd", "Tuscany"): a company spaCy tags as a place seldom ends so."""
PLACE_HEADS = word_set("place-heads")
"""Last words that make a name a place's ("Castle Road", "Hudson Bay", "Bat Cave"), buildings
and sites included ("Johnson Space Center", "Museum of Flight", "Air Force Base"); not words
that are also family names ("Hill", "Park", "Woods", "Temple")."""

COMPASS_WORDS = word_set("compass-words")
"""Words that tell parts of one place apart: "North and South Korea" names two places."""

NON_ENTITY_HEADS = word_set("non-entity-heads")
"""Last words of names of events, laws, products and works, which get no page (with the
editions products are named by: "Arkham VR", "Zeta Pro", "Zeta Remastered")."""

PRODUCT_NOUNS = word_set("product-nouns")
"""Common nouns of products and works written next to their name ("the browser X", "X
browser"); makers' goods (car, plane, phone) are left out: "Boeing aircraft" names a maker."""

PORTFOLIO_TITLES = word_set("portfolio-titles")
"""Titles named after a portfolio ("Home Secretary", "Secretary of State", "Minister for
Education"): the portfolio word is no organization."""

OFFICE_TITLES = word_set("office-titles")
"""Office titles that end a name tagged as an organization or place only as the office's
title ("State Department Spokesperson", "Virginia Governor"): not part of the name."""
OFFICE_WORD = re.compile(r"[a-z]+")
"""The letters a token starts with ("governor" of "Governor(s", as spaCy may write it)."""

PERSON_DESCRIPTORS = word_set("person-descriptors")
"""Occupations written right before a person's name ("fashion designer X", "goalkeeper X")."""

PERSON_NOUNS = PERSON_DESCRIPTORS | word_set("person-nouns")
"""Nouns that describe a person in apposition after the name ("X, an Australian woman") or
after a copula ("X was the first guy to ...")."""
PEOPLE_NOUNS = word_set("people-nouns")
"""Nouns that say a name in apposition before them is a people's ("X, a stateless minority of
Muslims", "X, a Turkic people"): no person, organization or place."""

POST_NOMINALS = word_set("post-nominals")
"""Letters of honours, offices and degrees written after a person's name and a comma ("Jane
Doe, QC"), lower case without dots."""

STUDY_HOLDERS = word_set("study-holders")
"""Words whose "in" or "of" names fields of study ("Professor in Educational Leadership",
"a degree in Computer Science"), not organizations."""

PLACE_PREPOSITIONS = word_set("place-prepositions")
"""Prepositions that put a name as a place ("in X", "near X"), and seldom a person's."""

DOTTED_ABBREVIATIONS = word_set("dotted-abbreviations")
"""Dotted abbreviations of places, unions and the UN ("U.S. Steel", "U.N."), not a person's
initials."""
PLACE_ABBREVIATIONS = DOTTED_ABBREVIATIONS - {"un"}
"""Those of places: the UN is an organization, not a place inside "UN Security Council"."""

UNIONS_OF_STATES = word_set("unions-of-states")
"""Name keys of unions of states, which sitegen files with the countries, as places: they
have territory, borders and citizens ("banned in the EU"), and as an actor ("the EU made the
decision") such a union stays a place, as a country does. spaCy tags them organizations."""

PRODUCT_LAUNCH_VERBS = word_set("product-launch-verbs")
"""Verbs whose object name is a product or work ("Acme launched Zeta")."""

DESCRIBED_PRODUCT_NOUNS = PRODUCT_NOUNS | word_set("described-product-nouns")
"""Nouns that say what a named product or work is ("Zeta, the newest version of ...", "Zeta
is a space capsule"); makers' goods count here, where "Boeing aircraft" does not."""

TITLE_NOUNS = PRODUCT_NOUNS | word_set("title-nouns")
"""Nouns of works whose title follows "called", "titled" or "named" ("a story called Zeta")."""

NAMING_VERBS = word_set("naming-verbs")
"""Verbs whose participle introduces a title ("a story called Zeta")."""

PRONOUN_GENDER = word_table("pronoun-gender")
"""The gender of each third-person singular pronoun of a person ("his": male)."""

GENERIC_ORGANIZATION_NOUNS = word_set("generic-organization-nouns")
"""Nouns that stand for any organization named before ("the company said")."""

ORGANIZATION_DESCRIPTORS = GENERIC_ORGANIZATION_NOUNS | word_set("organization-descriptors")
"""Kinds of organization written right before its name ("retailer X", "the magazine X")."""

ORGANIZATION_NOUNS = GENERIC_ORGANIZATION_NOUNS | word_set("organization-nouns")
"""Speakers that are an organization's voice ("the ministry said", "the spokesman said")."""

SERVICE_NOUNS = word_set("service-nouns")
"""Things an online service holds, after its name ("his Twitter account", "a Facebook post";
not "video": "the Rodney King video")."""

POSTING_VERBS = word_set("posting-verbs")
"""Verbs of putting something on an online service ("posted to Twitter")."""

TRAVEL_VERBS = word_set("travel-verbs")
"""Verbs of going somewhere, whose "to", "from" or "into" names a place ("travel from Zeta";
not "move to", "go to" or "return to", said of jobs and schools: "moved to Google")."""

SAYING_ON = word_set("saying-on")
"""Verbs, and with ``MESSAGE_NOUNS`` nouns, that put a service after "on" ("said on
Instagram", "messages on Twitter"; not "commented on X", which is about X)."""

MESSAGE_NOUNS = word_set("message-nouns")
"""What is said or put on an online service ("messages on Twitter", "posted a photo to X")."""

MARKET_MOVE_VERBS = word_set("market-move-verbs")
"""Verbs of a market index's movement ("the X fell 2%", "the X closed up 11 points")."""

MARKET_MOVE_UNITS = word_set("market-move-units")
"""What a market index moves by."""

NON_ENTITY_FIRST_WORDS = word_set("non-entity-first-words")
"""First words of names of events and vehicles ("Operation X", "Hurricane X")."""


def last_word(name: str) -> str:
    """The last word of a name, lower case, without dots ("Acme Corp." -> "corp")."""
    words = name.replace(".", " ").split()
    return words[-1].lower() if words else ""


def head_word(name: str) -> str:
    """The head noun of a name: the word before its first "of" ("Museum of Flight" ->
    "museum", "Bank of Canada" -> "bank"), the word before a letter or number that tells
    others of its kind apart ("Group G" -> "group", "Building 31" -> "building"), else its
    last word."""
    words = name.replace(".", " ").split()
    lower = [word.lower() for word in words]
    if "of" in lower[1:-1]:
        return lower[lower.index("of", 1) - 1]
    if len(words) > 1 and _is_designator(words[-1]):
        return lower[-2]
    return last_word(name)


def _is_designator(word: str) -> bool:
    """A capital letter or a number after a noun that names one of many ("G", "31")."""
    return word.isdigit() or (len(word) == 1 and word.isupper())


GIVEN_NAME_FILES = ("dist.male.first", "dist.female.first")
"""US census given names shipped by the ``names`` package: name, frequency (%), ..."""
GIVEN_NAME_MIN_PERCENT = 0.004
"""Rarer given names ("China", "Paris" as first names) are not evidence of a person."""


@cache
def given_names() -> frozenset[str]:
    """Common English given names, lower case."""
    found: set[str] = set()
    folder = importlib.resources.files("names")
    for file in GIVEN_NAME_FILES:
        for line in folder.joinpath(file).read_text(encoding="utf-8").splitlines():
            fields = line.split()
            if len(fields) >= 2 and float(fields[1]) >= GIVEN_NAME_MIN_PERCENT:
                found.add(fields[0].lower())
    return frozenset(found)


GENDER_RATIO = 10.0
"""A given name has a gender when one list gives it this many times the other's frequency."""


@cache
def _given_name_frequencies() -> dict[str, tuple[float, float]]:
    """Lower-case given name -> (male, female) frequency in percent, from the census lists."""
    found: dict[str, list[float]] = {}
    folder = importlib.resources.files("names")
    for index, file in enumerate(GIVEN_NAME_FILES):
        for line in folder.joinpath(file).read_text(encoding="utf-8").splitlines():
            fields = line.split()
            if len(fields) >= 2:
                found.setdefault(fields[0].lower(), [0.0, 0.0])[index] = float(fields[1])
    return {name: (male, female) for name, (male, female) in found.items()}


def given_name_gender(word: str) -> str | None:
    """ "male" for "Paul", "female" for "Maya", None for a rare or shared name ("Jordan")."""
    male, female = _given_name_frequencies().get(word.lower(), (0.0, 0.0))
    if max(male, female) < GIVEN_NAME_MIN_PERCENT:
        return None
    if male >= GENDER_RATIO * female:
        return "male"
    if female >= GENDER_RATIO * male:
        return "female"
    return None


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


def same_given_name(one: str, other: str) -> bool:
    """ "Larry" and "Lawrence", "Bill" and "William": one is a usual nickname of the other, or
    both are nicknames of the same name (the ``nicknames`` dataset)."""
    a, b = one.lower(), other.lower()
    if a == b:
        return True
    namer = _nicknamer()
    return b in namer.nicknames_of(a) or a in namer.nicknames_of(b)


SURNAME_FILE = "dist.all.last"
"""US census surnames shipped by the ``names`` package: name, frequency (%), ..."""


@cache
def _surname_frequencies() -> dict[str, float]:
    """Lower-case surname -> its frequency in percent, from the census list."""
    text = importlib.resources.files("names").joinpath(SURNAME_FILE).read_text(encoding="utf-8")
    return {f[0].lower(): float(f[1]) for f in (line.split() for line in text.splitlines()) if f}


def is_office_title_word(word: str) -> bool:
    """ "Governor", "Senators", "Governor(s": an office's title (``OFFICE_TITLES``, with a
    plural ending) that is no family name too (not "Mayor", "President": the census lists them
    as surnames). A person's name never ends in one ("Virginia Governor" names an office)."""
    letters = OFFICE_WORD.match(word.lower())
    if letters is None:
        return False
    title = letters.group()
    title = title if title in OFFICE_TITLES else title.removesuffix("s")
    return title in OFFICE_TITLES and title not in _surname_frequencies()


def surname_percent(word: str) -> float:
    """How common a family name is in the US census lists, in percent of people, as they
    give it to three decimals: 0.0 when they do not list it ("Obama", "Kovrig") or list it
    below 0.0005% (most of their 88,799 names)."""
    return _surname_frequencies().get(word.lower(), 0.0)


def one_word_name_gender(word: str) -> str | None:
    """The gender of a person known by one word, when that word is far more common as a
    given name than as a surname: "Jason" male, "Gloria" female; "Walker", "Clinton" none."""
    gender = given_name_gender(word)
    if gender is None:
        return None
    male, female = _given_name_frequencies()[word.lower()]
    surname = surname_percent(word)
    return gender if max(male, female) >= GENDER_RATIO * surname else None


WORLD_GIVEN_NAME_FILE = "data/nam_dict.txt"
"""Jörg Michael's dictionary of given names of 54 countries, shipped by ``gender-guesser``
(GNU FDL 1.2 or later): sitegen reads this data file only, not the package's code."""
WORLD_NAME_COLUMNS = slice(3, 29)
"""Where a line of the dictionary gives the name."""
WORLD_REPEAT_COLUMN = 29
"""A "+" there marks a line repeated for another sorting of umlauts."""
WORLD_FREQUENCY_COLUMNS = slice(30, 85)
"""Where a line gives a name's frequency in each country, one hexadecimal digit each: 1
(rare) to D (extremely common), blank where the name is not in use."""
ENGLISH_SPEAKING_COUNTRIES = 3
"""The first three columns (Great Britain, Ireland, the U.S.A.): the census lists cover them,
and their rare given names are often common words ("Sky", "Heaven") or places ("London")."""
WORLD_GIVEN_NAME_MIN_FREQUENCY = 1
"""A given name of another country counts from this frequency in one of them ("Thibaut",
"Dries", "Algis"): even a rare one, since a text's own lower-case words and the corpus's
place labels keep out the words that are names only somewhere
(``sitegen.resolve.person_names.is_given_name_in``)."""
NOT_WORLD_GIVEN_NAMES = word_set("not-world-given-names")
"""Words that some country gives as a name but that begin names of other sorts: places ("San
Diego", "Bay Area"), family names' particles ("de Gaulle", "bin Laden"), titles."""


@cache
def world_given_names() -> frozenset[str]:
    """Given names in use in countries other than the English-speaking ones, lower case."""
    data = importlib.resources.files("gender_guesser").joinpath(WORLD_GIVEN_NAME_FILE)
    found: set[str] = set()
    for line in data.read_text(encoding="utf-8").splitlines():
        if line[:1] in ("#", "=") or len(line) < WORLD_FREQUENCY_COLUMNS.stop:
            continue  # comments, nicknames ("= Bill William")
        if line[WORLD_REPEAT_COLUMN] == "+":
            continue
        digits = line[WORLD_FREQUENCY_COLUMNS][ENGLISH_SPEAKING_COUNTRIES:].replace(" ", "")
        if digits and max(int(digit, 16) for digit in digits) >= WORLD_GIVEN_NAME_MIN_FREQUENCY:
            name = line[WORLD_NAME_COLUMNS].strip().lower()
            found.update({name.replace("+", ""), name.replace("+", "-")})  # "Jun+Wei"
    return frozenset(found - NOT_WORLD_GIVEN_NAMES)


def is_common_given_name(word: str) -> bool:
    """ "Paul", "Annie": a common given name of the US census lists."""
    return word.lower() in given_names()


def is_given_name(word: str) -> bool:
    """ "Paul", "Annie", "Thibaut": a common given name (a person's first word, not a
    surname), in the US census lists or in use in another country."""
    key = word.lower()
    return key in given_names() or key in world_given_names()


COUNTRY_ALIASES = word_table("country-aliases")
"""Other names of countries that no standard lists, by name key, and the key of the usual
name (the standards' names: ``sitegen.resolve.gazetteer.country_keys``). The abbreviations
("US", "UK") join their countries across articles too, where an acronym alone could spell
several names ("University of Sheffield")."""


SPORTS_WORDS = word_set("sports-words")
"""Words that make a sentence one about sport, where a place's name may stand for its team
("Sweden faced South Korea in the first game")."""

OPPONENT_VERBS = word_set("opponent-verbs")
"""Verbs whose subject and object are the two sides of a match ("Sweden faced Korea")."""

RESULT_VERBS = word_set("result-verbs")
"""Verbs of what one side of a match does ("Tunisia lost 1 – 2 to England", "England
won")."""

SIDE_NOUNS = word_set("side-nouns")
"""Nouns that stand for a side of a match ("Belgium defeated the hosts")."""

MATCH_RESULTS = word_set("match-results")
"""What a side of a match wins, loses or scores ("three points", "a corner kick")."""

MATCH_NOUNS = word_set("match-nouns")
"""Nouns after which "against" or "over" names the other side ("a win over Brazil")."""

SCORING_WORDS = word_set("scoring-words")
"""A verb of scoring, or what is scored, after which "for" names the side ("a third goal
for Belgium", "doubled the lead for Belgium", "equalise for Korea")."""

TEAM_NOUNS = word_set("team-nouns")
"""Players, coaches and results of a side, after its name ("Tunisia's goalkeeper", "Panama
coach", "Sweden's first victory"). Not "team" or "squad": "the US team" is the team of the
country the name stands for."""
