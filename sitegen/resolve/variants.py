"""Spelling variants within one article: a name one typo from another of its kind ("Untied
Nations"), a country's acronym beside another of its names ("US", "America"), a person's name
with a nickname ("Larry"/"Lawrence Lessig") or a misspelt family name ("Bauchtman" for
"Buchtmann") is that name (``join.spelling-variant``); names that differ in an initial are two
people (``join.different-initials-not-typo``).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Hashable

from sitegen.lexicon import is_given_name, same_given_name
from sitegen.resolve.clusters import Cluster, Facts, SlotIndex, facts_of
from sitegen.resolve.gazetteer import canonical_key
from sitegen.resolve.names import (
    acronym_forms,
    acronym_letters,
    is_acronym_of,
    looks_like_acronym,
    name_key,
    name_tokens,
)
from sitegen.rules import rule

VARIANT_MIN_LENGTH = 6
"""Names shorter than this are not joined as spelling variants ("Iran", "Iraq")."""
MISSPELT_RATIO = 0.85
MISSPELT_MIN_LENGTH = 8
MISSPELT_MIN_SHORT = 5
"""A family name alone spelt like a full name's in one article (``_is_family_name_misspelt``)."""
SPELLING_VARIANT = rule(
    "join.spelling-variant",
    "join",
    "Within one article, a name one typo from another of its kind, a country's acronym beside "
    "another of its names, or a person's name with a nickname is that name ('Untied Nations').",
    examples=[
        {
            "articles": ["The Quellmar Foundation met. The Quellmar Foundation agreed. The "
                         "Quelmar Foundation paid."],
            "patterns": [
                {"label": "ORG", "pattern": "Quellmar Foundation"},
                {"label": "ORG", "pattern": "Quelmar Foundation"},
            ],
            "page": "Quellmar Foundation",
            "kind": "organization",
            "mentions": 3,
        }
    ],
)


def join_spelling_variants(clusters: list[Cluster]) -> list[Cluster]:
    """Within one article, a name one typo away from another of the same kind is that name
    ("Untied Nations" -> "United Nations", "Chrylser" -> "Chrysler"): the rarer spelling
    joins the more frequent one. Short names (under ``VARIANT_MIN_LENGTH``) never do. So
    does an acronym of a country's usual name and another name of it ("US", "America"), and
    a person's name with a nickname for the given name ("Larry Lessig", "Lawrence Lessig").

    Each name is compared only with the names it could be a variant of (``_keys``):
    an article of 2,000 names (a list of results) took 10 s comparing every pair."""
    order = sorted(clusters, key=lambda c: (-len(c.mentions()), c.name))
    kept: list[Cluster] = []
    facts: list[Facts] = []  # of each kept cluster, as it is now
    candidates = SlotIndex(_filed, _looked_up)
    for cluster in order:
        mine = facts_of(cluster)
        target = next(
            (
                slot
                for slot in candidates.of(mine)
                if facts[slot].kind == mine.kind
                and (
                    _is_variant(mine.name, facts[slot].name)
                    or (mine.kind == "person" and _is_nickname_variant(mine.name, facts[slot].name))
                    or (
                        mine.kind == "person"
                        and _is_family_name_misspelt(mine.name, facts[slot].name)
                    )
                )
            ),
            None,
        )
        if target is not None and mine.kind is not None and SPELLING_VARIANT.on:
            detail = f"'{mine.name}' is another spelling of '{facts[target].name}'"
            kept[target].absorb(cluster, SPELLING_VARIANT.id, detail)
            candidates.remove(target, facts[target])
            facts[target] = facts_of(kept[target])
            candidates.add(target, facts[target])
            SPELLING_VARIANT.fired()
        else:
            candidates.add(len(kept), mine)
            kept.append(cluster)
            facts.append(mine)
    return kept


def _filed(facts: Facts) -> set[Hashable]:
    """The keys a kept name is filed under, so that its variants find it (``_keys``)."""
    return _keys(facts, looking=False)


def _looked_up(facts: Facts) -> set[Hashable]:
    """The keys a name's variants are filed under (``_keys``)."""
    return _keys(facts, looking=True)


def _keys(facts: Facts, looking: bool) -> set[Hashable]:
    """What a variant of a name must share with it (the kind, then): one that is one typo
    away shares a spelling with one letter (or none) left out; an acronym's letters are the
    initials of the other name; a nickname variant has the same words after the first; a
    misspelt family name alone starts as the full name's last word does."""
    kind, name = facts.kind, facts.name
    keys: set[Hashable] = {(kind, "typo", spelt) for spelt in _one_left_out(name)}
    letters, initials = ("initials", "acronym") if looking else ("acronym", "initials")
    if looks_like_acronym(name):
        keys.add((kind, letters, acronym_letters(name)))
    keys |= {(kind, initials, form) for form in _acronym_forms(name)}
    if looking and kind != "person":  # the name tests below are for people only
        return keys
    words = name.split()
    if len(words) >= 2:
        keys.add((kind, "nickname", len(words), tuple(words[1:])))
    if looking:  # a family name alone looks for full names; a full name for names alone
        if " " not in name:
            keys.add((kind, "family", name.lower()[:1]))
        elif len(words) >= 2:
            keys.add((kind, "alone", words[-1].lower()[:1]))
        return keys
    if len(words) >= 2:
        keys.add((kind, "family", words[-1].lower()[:1]))
    if " " not in name:
        keys.add((kind, "alone", name.lower()[:1]))
    return keys


def _one_left_out(name: str) -> list[str]:
    """A name's key, and the key with each letter left out in turn (a name one typo from
    another shares one of these with it), for keys long enough to be a typo's."""
    key = name_key(name)
    if len(key) < VARIANT_MIN_LENGTH:
        return []
    return [key, *(key[:i] + key[i + 1 :] for i in range(len(key)))]


def _acronym_forms(name: str) -> frozenset[str]:
    """The initials an acronym of the name's usual form spells (``_variant``)."""
    return acronym_forms(canonical_key(name_key(name)))


def _is_variant(one: str, other: str) -> bool:
    """One typo apart (not in an initial: ``INITIALS_DIFFER``), or an acronym of the other's
    usual name ("US" and "America")."""
    how = _variant(one, other)
    if how == "typo" and INITIALS_DIFFER.on and _initials_differ(one, other):
        INITIALS_DIFFER.fired()  # counted and switched here, not inside the cache
        return False
    if how == "typo" and NUMBERS_DIFFER.on and DIGITS.findall(one) != DIGITS.findall(other):
        NUMBERS_DIFFER.fired()
        return False
    return bool(how)


@functools.lru_cache(maxsize=1 << 18)
def _variant(one: str, other: str) -> str:
    """How two names are variants of one: "typo", "acronym", else ""."""
    a, b = name_key(one), name_key(other)
    if min(len(a), len(b)) >= VARIANT_MIN_LENGTH and is_one_typo_apart(a, b):
        return "typo"
    acronym = any(
        looks_like_acronym(short) and is_acronym_of(short, canonical_key(name_key(long)))
        for short, long in ((one, other), (other, one))
    )
    return "acronym" if acronym else ""


INITIALS_DIFFER = rule(
    "join.different-initials-not-typo",
    "join",
    "Two names one letter apart in an initial are two people, not a typo ('George H.W. Bush' "
    "and 'George W. Bush').",
    examples=[
        {
            "articles": ["George H.W. Zabel met George W. Zabel. George W. Zabel spoke."],
            "patterns": [
                {"label": "PERSON", "pattern": "George H.W. Zabel"},
                {"label": "PERSON", "pattern": "George W. Zabel"},
            ],
            "page": "George W. Zabel",
            "kind": "person",
            "mentions": 2,
        }
    ],
)


NUMBERS_DIFFER = rule(
    "join.different-numbers-not-typo",
    "join",
    "Two names one character apart in a number are two things, not a typo ('38th Legislative "
    "Assembly' and '39th Legislative Assembly', 'G7' and 'G8').",
    examples=[
        {
            "articles": [
                "The 38th Quellmar Assembly sat until May. The 39th Quellmar Assembly met in "
                "June. The 39th Quellmar Assembly passed a law."
            ],
            "patterns": [
                {"label": "ORG", "pattern": "38th Quellmar Assembly"},
                {"label": "ORG", "pattern": "39th Quellmar Assembly"},
            ],
            "page": "39th Quellmar Assembly",
            "kind": "organization",
            "mentions": 2,
        }
    ],
)
DIGITS = re.compile(r"\d+")


def _initials_differ(one: str, other: str) -> bool:
    """The words of two names that differ include an initial ("hw" and "w")."""
    mine, theirs = name_tokens(one), name_tokens(other)
    if len(mine) != len(theirs):
        return False
    return any(a != b and min(len(a), len(b)) <= 2 for a, b in zip(mine, theirs, strict=True))


def _is_family_name_misspelt(one: str, other: str) -> bool:
    """ "Bauchtman" in an article naming "Lydia Buchtmann": one long word spelt much like
    the last word of a full name of the article (``difflib``'s ratio at least
    ``MISSPELT_RATIO``, the same first letter, both of ``MISSPELT_MIN_LENGTH`` letters or
    more; shorter names that differ by a letter are other people's: "Kristen", "Kristin"),
    or of ``MISSPELT_MIN_SHORT`` letters or more with one letter left out ("Mauer" for "K.C.
    Maurer"), when the word alone is no given name ("William", "Robin Williams")."""
    if " " in one:
        one, other = other, one  # either may come first: the more mentioned joins the other
    words = other.split()
    if " " in one or len(words) < 2:
        return False
    short, family = one.lower(), words[-1].lower()
    if short == family or short[0] != family[0]:
        return False
    if (
        min(len(short), len(family)) >= MISSPELT_MIN_SHORT
        and _one_letter_dropped(short, family)
        and not is_given_name(one)
    ):
        return True  # "Mauer" for "K.C. Maurer"; not "William" beside "Robin Williams"
    if min(len(short), len(family)) < MISSPELT_MIN_LENGTH:
        return False
    return difflib.SequenceMatcher(None, short, family).ratio() >= MISSPELT_RATIO


def _one_letter_dropped(one: str, other: str) -> bool:
    """One of the words is the other with one letter more ("mauer", "maurer"), not a plural's
    "s" ("the Quellbys", a family, beside "Quellby")."""
    short, long = sorted((one, other), key=len)
    plural = long == short + "s"
    return len(long) == len(short) + 1 and not plural and is_one_typo_apart(short, long)


def _is_nickname_variant(one: str, other: str) -> bool:
    """ "Larry Lessig" and "Lawrence Lessig": the same family name, given names that are
    nicknames of one another."""
    a, b = one.split(), other.split()
    return len(a) == len(b) >= 2 and a[1:] == b[1:] and a[0] != b[0] and same_given_name(a[0], b[0])


def is_one_typo_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped, or two neighbours swapped (``a != b``)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        first, second = diffs[0], diffs[-1]
        return (
            len(diffs) == 2
            and second == first + 1
            and a[first] == b[second]
            and a[second] == b[first]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
