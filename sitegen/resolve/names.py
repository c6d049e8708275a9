"""Name normalization: keys for matching, name tokens, acronyms."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitegen.lexicon import COMPASS_WORDS, word_set

NAME_STOPWORDS = word_set("name-stopwords")
CORPORATE_SUFFIXES = word_set("corporate-suffixes")
PUNCTUATION_MAP = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
WORD = re.compile(r"[\w&]+(?:[.'-][\w&]+)*\.?", re.UNICODE)
SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")
"""A hyphen written with spaces inside a name, as tokenized text writes it ("Wal - Mart")."""
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
FINAL_ABBREVIATION = re.compile(r"\b[A-Z]\.$|\b[A-Z]\.[A-Z]\.$")
NAME_CACHE_SIZE = 1 << 17
"""Names remembered by the pure functions below: resolving asks about the same names over
and over (every pair of an article's clusters, every mention's key)."""


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def clean_name(text: str) -> str:
    """Display form of a mention: single spaces, no leading "the", no trailing possessive, no
    editorial brackets ("[George W.] Bush"), no parenthesis left open ("World Health
    Organisation (WHO", where spaCy stopped inside the parentheses), no spaces around a
    hyphen ("Wal - Mart" is "Wal-Mart")."""
    name = SPACED_HYPHEN.sub("-", " ".join(text.split()))
    if "[" in name or "]" in name:
        name = name.replace("[", "").replace("]", "")
    opened = name.rfind("(")
    if opened > 0 and name.count("(") > name.count(")"):
        name = name[:opened].rstrip()
    name = LEADING_THE.sub("", name)
    name = POSSESSIVE.sub("", name)
    return name.strip(" ,.;:") if not _ends_with_abbreviation(name) else name.strip(" ,;:")


def _ends_with_abbreviation(name: str) -> bool:
    return bool(FINAL_ABBREVIATION.search(name))


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def name_key(text: str) -> str:
    """Matching key: case-folded, accents and dots removed, quotes and dashes unified."""
    return fold_name(text)


def fold_name(text: str) -> str:
    """``name_key`` without its cache, for names read once (a gazetteer's)."""
    name = clean_name(text).translate(PUNCTUATION_MAP)
    name = unicodedata.normalize("NFKD", name)
    name = "".join(char for char in name if not unicodedata.combining(char))
    return " ".join(name.casefold().replace(".", "").split())


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def name_tokens(text: str) -> tuple[str, ...]:
    """The words of a name's key ("New York Times" -> ("new", "york", "times"))."""
    return tuple(WORD.findall(name_key(text)))


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def content_tokens(text: str) -> tuple[str, ...]:
    """Name words without stopwords and corporate suffixes, for initials."""
    return tuple(
        token
        for token in name_tokens(text)
        if token not in NAME_STOPWORDS and token not in CORPORATE_SUFFIXES
    )


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def looks_like_acronym(text: str) -> bool:
    """ "EADS", "U.S.", "RAF": two or more capitals, optionally dotted, nothing else."""
    compact = clean_name(text).replace(".", "").replace("&", "")
    return 2 <= len(compact) <= 8 and compact.isalpha() and compact.isupper()


def is_acronym_of(short: str, long: str) -> bool:
    """True when ``short``'s letters are the initials of ``long``'s content words."""
    return looks_like_acronym(short) and acronym_letters(short) in acronym_forms(long)


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def acronym_letters(short: str) -> str:
    """ "U.S." -> "us", "AT&T" -> "att": an acronym's letters, folded."""
    return clean_name(short).replace(".", "").replace("&", "").casefold()


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def acronym_forms(long: str) -> frozenset[str]:
    """The initials an acronym of ``long`` spells, with and without its stopwords; none for
    an acronym or a name of fewer than two content words."""
    words = content_tokens(long)
    if len(words) < 2 or looks_like_acronym(long):
        return frozenset()
    initials = "".join(word[0] for word in words)
    with_stopwords = "".join(word[0] for word in name_tokens(long) if word != "&")
    return frozenset((initials, with_stopwords))


def family_names(full_names: Iterable[str]) -> set[str]:
    """The last words of the names of two words or more ("Sam" of "Thomas Sam")."""
    return {name.split()[-1] for name in full_names if " " in name.strip()}


def is_family_plural(name: str, families: set[str]) -> bool:
    """ "Sams" beside "Thomas Sam" (``families``: ``family_names``): one family name in the
    plural, the family's name."""
    return " " not in name and name.endswith("s") and name[:-1] in families


ANOTHER_OF_PREFIXES = COMPASS_WORDS | {
    "new",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
}
"""Words before a name that make another name of it: "Eastern Europe", "North Korea", "New
Mexico", "New Democratic Party"."""
SAME_AS_OF = word_set("same-as-of")
"""Words before "of" that make "X of Y" another name of Y ("State of Texas", "Municipality
of Livorno", "Church of Scientology")."""


def is_part_of(short: str, long: str) -> bool:
    """True when ``short``'s words appear, in order and contiguous, inside ``long``, and not
    only after its "of": "National Museum of the US Air Force" names a museum, not the "Air
    Force"; "Duke of Edinburgh" a duke, not "Edinburgh" (but "State of Texas" is Texas:
    ``SAME_AS_OF``). Nor after a compass word or "New" that makes another name of it:
    "Europe" is not "Eastern Europe", "Mexico" not "New Mexico" (``ANOTHER_OF_PREFIXES``)."""
    part, whole = name_tokens(short), name_tokens(long)
    if not part or len(part) >= len(whole):
        return False
    if whole[1:] == part and whole[0] in ANOTHER_OF_PREFIXES:
        return False
    first_of = whole.index("of") if "of" in whole[1:] else len(whole)
    if first_of < len(whole) and whole[first_of - 1] in SAME_AS_OF:
        first_of = len(whole)  # "State of Texas" is Texas
    return any(
        whole[i : i + len(part)] == part for i in range(min(first_of, len(whole) - len(part) + 1))
    )


def has_capital(text: str) -> bool:
    """Names have a capital letter, or are written in a script without case."""
    return any(char.isupper() for char in text) or not any(
        char.isascii() and char.isalpha() for char in text
    )


LOWER_WORD = re.compile(r"(?<![\w.'’-])[a-z]+(?![\w'’-])")
CAPITAL_WORD = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?![\w'’-])")
COMMON_RATIO = 1.0
"""A word is common when written in lower case at least this often per mid-sentence capital."""


@dataclass
class CaseCounts:
    """How often each word is written in lower case, and capitalized mid-sentence."""

    lower: Counter[str] = field(default_factory=Counter)
    capital: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, texts: Iterable[str]) -> CaseCounts:
        counts = cls()
        for text in texts:
            counts.lower.update(LOWER_WORD.findall(text))
            counts.capital.update(word.lower() for word in CAPITAL_WORD.findall(text))
        return counts

    def mostly_lower(self, word: str) -> bool:
        """True when ``word`` is more a common word than a name in these texts."""
        key = word.lower()
        lower = self.lower.get(key, 0)
        return lower > 0 and lower >= COMMON_RATIO * self.capital.get(key, 0)
