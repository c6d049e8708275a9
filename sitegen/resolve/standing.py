"""Which names stand on their own across an archive, so that one odd span cannot capture them.

On a few articles, "a shorter name joins the only longer name of the corpus that contains it"
holds. On thousands, one odd span is always there: "Catholic Italy" once, and every "Italy" of
the archive joined it; "Paris St Germain" took every "Paris", "George W. Bush Has" (a quoted
headline) every "George W. Bush". The rules here weigh the names by how the archive uses them:

- a country the gazetteer knows joins no longer name from another article that is not the
  same country (``KNOWN_PLACE``);
- a name standing alone in several articles, more than a longer one of another article
  containing it, keeps its page (``ESTABLISHED``); the other way round, a longer person's
  name found in far fewer articles that contains exactly one such full name is a variant of
  it and joins it (``RARE_VARIANT``);
- an acronym is not the longer organization it begins ("UN" is not the "UN Security
  Council", ``ACRONYM_BODY``), and of the names it spells joins the one the archive uses
  most (``ACRONYM_EXPANSION``, ``ACRONYM_DOMINANT``: the "United Nations", not the
  "University of Nevada");
- a compass word alone joins no longer name ("the West", ``COMPASS_ALONE``), and a hyphen
  between a name's words is a space ("al-Qaeda", "Al Qaeda": ``HYPHEN_SPACE``).

Counts are of articles, over the clusters merged by name (``merge.merge_same_name``), and are
looked up in dictionaries, so the rules cost what the join already costs.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from sitegen.lexicon import COMPASS_WORDS, ORGANIZATION_HEADS, PLACE_HEADS
from sitegen.model import EntityKind
from sitegen.resolve.clusters import Cluster
from sitegen.resolve.gazetteer import canonical_key, usual_country_name
from sitegen.resolve.names import (
    CORPORATE_SUFFIXES,
    SAME_AS_OF,
    is_acronym_of,
    looks_like_acronym,
    name_key,
    name_tokens,
)
from sitegen.rules import rule

SAME_BODY_WORDS = CORPORATE_SUFFIXES | {"group", "holdings", "international", "news", "global"}
"""Words after an acronym that leave it the same organization ("IBM Corp", "NPD Group", "CBC
News")."""
ESTABLISHED_ARTICLES = 3
"""Articles in which a name stands alone (as the fullest name of its entity there) for it to
be an entity in its own right."""
RARE_RATIO = 5
"""How many times more articles a full name must stand alone in than a longer name holding it
for the longer one to be an odd variant of it."""
WRITTEN_RATIO = 2
"""The same for a place's or organization's name that the longer name's own article also
writes alone."""

HYPHEN_SPACE = rule(
    "join.hyphen-as-space",
    "join",
    "A hyphen between a name's words is a space to the name across articles: news writes "
    "names both ways ('al-Qaeda' and 'Al Qaeda', 'Wal-Mart' and 'Wal Mart').",
    examples=[
        {
            "articles": [
                "Shares of Zarqo-Lint Airways fell.",
                "Zarqo Lint Airways hired pilots on Monday.",
            ],
            "patterns": [
                {"label": "ORG", "pattern": "Zarqo-Lint Airways"},
                {"label": "ORG", "pattern": "Zarqo Lint Airways"},
            ],
            "page": "Zarqo Lint Airways",
            "kind": "organization",
            "mentions": 2,
        }
    ],
)
KNOWN_PLACE = rule(
    "join.known-place-stands-alone",
    "join",
    "A country the gazetteer knows joins no longer name that is not the same country, within "
    "its article or across ('China' is not the 'Republic of China', nor 'Italy' 'Catholic "
    "Italy'), and a 'Republic of X' ending a country's longer name is another state "
    "('Republic of China' is not the 'People's Republic of China').",
    examples=[
        {
            "articles": [
                "The Democratic People's Republic of Korea fired a missile. The Democratic "
                "People's Republic of Korea said it was a test.",
                "The Republic of Korea protested on Monday.",
            ],
            "page": "South Korea",
            "kind": "place",
        },
        {
            "articles": ["The Republic of China protested. China denied it."],
            "patterns": [
                {"label": "GPE", "pattern": "Republic of China"},
                {"label": "GPE", "pattern": "China"},
            ],
            "page": "China",
            "kind": "place",
            "not_on": {"China": ["Republic of China"]},
        },
        {
            "articles": [
                "The People's Republic of China protested. The People's Republic of China said so.",
                "The Republic of China answered on Monday.",
            ],
            "patterns": [
                {"label": "GPE", "pattern": "People's Republic of China"},
                {"label": "GPE", "pattern": "Republic of China"},
            ],
            "page": "China",
            "kind": "place",
            "not_on": {"China": ["Republic of China"]},
        },
    ],
)
COMPASS_ALONE = rule(
    "join.compass-word-stands-alone",
    "join",
    "A compass word alone ('the West', 'the North') joins no longer name of another article "
    "that holds it: it is a direction or a region of its own, not 'West Bank' or 'North "
    "Korea'.",
    examples=[
        {
            "articles": [
                *(f"Troops crossed into the North Quellmar on day {n}." for n in range(1, 4)),
                "Trade with the North grew.",
            ],
            "patterns": [
                {"label": "LOC", "pattern": "North Quellmar"},
                {"label": "LOC", "pattern": "North"},
            ],
            "page": "North Quellmar",
            "kind": "place",
            "mentions": 3,
        }
    ],
)
ESTABLISHED = rule(
    "join.established-name-stands-alone",
    "join",
    "A name standing alone in at least 3 articles, more than a longer name containing it, "
    "keeps its own page and joins no longer name of another article.",
    examples=[
        {
            "articles": [
                "Shares of Zarovia Holdings Tribune Group rose. Zarovia Holdings Tribune Group "
                "said it was pleased.",
                "The company Zarovia said on Monday that profits rose.",
                "The company Zarovia hired new staff.",
                "The company Zarovia opened an office.",
            ],
            "page": "Zarovia Holdings Tribune Group",
            "kind": "organization",
            "not_on": {"Zarovia Holdings Tribune Group": ["Zarovia"]},
        }
    ],
)
RARE_VARIANT = rule(
    "join.rare-longer-variant",
    "join",
    "A longer name holding one name that stands alone in 5 times as many articles (twice as "
    "many, where its article wrote the name alone too) is a variant of it and joins it "
    "('George W. Bush Has'; 'Boeing Commercial Airplanes ... Boeing said').",
    examples=[
        {
            "articles": [
                "The columnist wrote a piece called Jane Q. Zorbin Has Doubts about the plan.",
                "Jane Q. Zorbin spoke in the capital on Monday.",
                "Jane Q. Zorbin met the press.",
                "Jane Q. Zorbin said she would run.",
                "Jane Q. Zorbin left.",
                "Jane Q. Zorbin won.",
            ],
            "page": "Jane Q. Zorbin",
            "kind": "person",
            "no_page": ["Jane Q. Zorbin Has Doubts"],
        }
    ],
)
ACRONYM_BODY = rule(
    "join.acronym-not-its-body",
    "join",
    "An acronym alone is not the longer organization it begins ('UN' is not the 'UN Security "
    "Council'), unless the rest is a legal suffix or the like ('IBM Corp', 'NPD Group').",
    examples=[
        {
            "articles": [
                "The UN Security Council met in New York on Monday. The UN said aid would "
                "follow, and the UN chief agreed."
            ],
            "page": "UN",
            "kind": "organization",
            "holds": ["UN"],
            "not_on": {"UN Security Council": ["UN"]},
        }
    ],
)
ACRONYM_EXPANSION = rule(
    "join.acronym-prefers-expansion",
    "join",
    "Of several longer names of other articles holding an acronym, it joins the one it spells "
    "('UN' the 'United Nations', not a name with 'UN' among its words).",
    examples=[
        {
            "articles": [
                "The United Nations met. The UN said so.",
                "The Permanent UN Mission met on Monday.",
                "The UN warned of famine.",
            ],
            "patterns": [
                {"label": "ORG", "pattern": "United Nations"},
                {"label": "ORG", "pattern": "Permanent UN Mission"},
                {"label": "ORG", "pattern": "UN"},
            ],
            "page": "United Nations",
            "kind": "organization",
            "mentions": 3,
        }
    ],
)

ACRONYM_DOMINANT = rule(
    "join.acronym-dominant-expansion",
    "join",
    "Of several longer names an acronym spells, it joins the one standing alone in twice as "
    "many articles as any other ('UN' the 'United Nations', not the 'University of Nevada').",
    examples=[
        {
            "articles": [
                "The Zelmar Quorum met. The ZQ said so.",
                "The Zelmar Quorum voted.",
                "The Zelmar Quorum adjourned.",
                "The Zelmar Quorum sat on Monday.",
                "The Zoological Quarterly published a paper.",
                "The ZQ warned of famine.",
            ],
            "patterns": [
                {"label": "ORG", "pattern": "Zelmar Quorum"},
                {"label": "ORG", "pattern": "Zoological Quarterly"},
                {"label": "ORG", "pattern": "ZQ"},
            ],
            "page": "Zelmar Quorum",
            "kind": "organization",
            "mentions": 6,
        }
    ],
)

Counts = dict[tuple[EntityKind | None, str], int]
"""Articles per (kind, name words): see ``article_counts``."""


def words_key(name: str) -> str:
    """The words of a name's key, one space apart: how names are counted and compared here."""
    return _words_key(name, HYPHEN_SPACE.on)


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name's key, a hyphen between words a space (``HYPHEN_SPACE``:
    "al-Qaeda" and "Al Qaeda" are one name)."""
    return _name_words(name, HYPHEN_SPACE.on)


@functools.lru_cache(maxsize=1 << 17)
def _words_key(name: str, hyphen_space: bool) -> str:
    return " ".join(_name_words(name, hyphen_space))


@functools.lru_cache(maxsize=1 << 17)  # the merge asks for the same names again and again
def _name_words(name: str, hyphen_space: bool) -> tuple[str, ...]:
    words = name_tokens(name)
    if hyphen_space and any("-" in word for word in words):
        return tuple(part for word in words for part in word.split("-") if part)
    return words


def article_counts(clusters: Iterable[Cluster]) -> Counts:
    """In how many articles each name stands alone, by kind: is the fullest name of its
    cluster (clusters merged by name across articles, so a cluster's articles are its
    name's)."""
    counts: Counts = {}
    for cluster in clusters:
        key = (cluster.kind, words_key(cluster.name))
        groups = cluster.groups
        articles = 1 if len(groups) == 1 else len({group.article for group in groups})
        counts[key] = max(counts.get(key, 0), articles)
    return counts


def may_join(short: str, kind: EntityKind | None, long: str, counts: Counts) -> str:
    """The id of the rule above that keeps the short name of another article from joining
    the longer name ``long`` (of the same kind) that contains it by words or initials; empty
    when none does."""
    if kind == "place" and KNOWN_PLACE.on and other_known_place(short, long):
        KNOWN_PLACE.fired()
        return KNOWN_PLACE.id
    if COMPASS_ALONE.on and name_key(short) in COMPASS_WORDS:
        COMPASS_ALONE.fired()
        return COMPASS_ALONE.id
    if looks_like_acronym(short):
        if ACRONYM_BODY.on and begins_a_body(short, long):
            ACRONYM_BODY.fired()
            return ACRONYM_BODY.id
        return ""  # an acronym and the name it spells are one, however often each is used
    mine = counts.get((kind, words_key(short)), 0)
    theirs = counts.get((kind, words_key(long)), 0)
    if ESTABLISHED.on and mine >= ESTABLISHED_ARTICLES and mine > theirs:
        ESTABLISHED.fired()
        return ESTABLISHED.id
    return ""


def other_known_place(short: str, long: str) -> bool:
    """ "Italy" and "Catholic Italy", "Republic of Korea" and "Democratic People's Republic of
    Korea": a place the gazetteer knows and a longer name that is not the same place (the
    same: "State of Texas" for "Texas", or another name of one country); or a state's
    official form that a country's longer name holds after words of its own ("Republic of
    China" in "People's Republic of China")."""
    if usual_country_name(short) is None:
        # a city's name may begin its own other names ("New York City")
        return _another_official_form(short, long)
    if same_country(short, long):
        return False
    words = name_tokens(long)
    same_as = SAME_AS_OF - {"republic"}  # "Republic of China", "Republic of Korea": others'
    return not (len(words) > 2 and words[1] == "of" and words[0] in same_as)


def _another_official_form(short: str, long: str) -> bool:
    """ "Republic of China" and "People's Republic of China": a name of the form "Republic of
    X" that ends a known country's longer name (not "Islamic Republic" of "Islamic Republic of
    Iran", which the longer name goes on to say)."""
    words, whole = name_tokens(short), name_tokens(long)
    return (
        len(words) > 2
        and words[1] == "of"
        and words[0] in SAME_AS_OF
        and len(whole) > len(words)
        and whole[-len(words) :] == words
        and usual_country_name(long) is not None
    )


def same_country(short: str, long: str) -> bool:
    """Two names of one country by the gazetteer's keys ("America", "United States")."""
    return canonical_key(name_key(short)) == canonical_key(name_key(long))


def _names_another_thing(words: tuple[str, ...]) -> bool:
    """ "Sea of Japan", "Spain Square", "India Inc", "Bank of Canada": words of another place's
    or organization's name (a head word, or "of") around the name it holds."""
    return "of" in words[1:] or words[-1] in PLACE_HEADS | ORGANIZATION_HEADS


def begins_a_body(acronym: str, long: str) -> bool:
    """ "UN" and "UN Security Council": an acronym that begins a longer name whose other words
    are not only a legal suffix ("IBM Corp" is IBM)."""
    if not looks_like_acronym(acronym):
        return False
    short, whole = name_tokens(acronym), name_tokens(long)
    rest = whole[len(short) :]
    return whole[: len(short)] == short and bool(rest) and not set(rest) <= SAME_BODY_WORDS


def spelled_first(
    acronym: str, kind: EntityKind | None, slots: list[int], names: dict[int, str], counts: Counts
) -> list[int]:
    """Of the slots an acronym may join, those whose names it spells, when some do and some
    do not (``ACRONYM_EXPANSION``); of several it spells, the one standing alone in twice
    as many articles as any other, in at least ``ESTABLISHED_ARTICLES`` (``ACRONYM_DOMINANT``);
    else all."""
    if not ACRONYM_EXPANSION.on or len(slots) < 2 or not looks_like_acronym(acronym):
        return slots
    found = [slot for slot in slots if is_acronym_of(acronym, names[slot])]
    if found and len(found) < len(slots):
        ACRONYM_EXPANSION.fired()
        slots = found
    if len(found) > 1 and ACRONYM_DOMINANT.on:
        articles = sorted((counts.get((kind, words_key(names[s])), 0), s) for s in found)
        (second, _), (first, slot) = articles[-2], articles[-1]
        if first >= ESTABLISHED_ARTICLES and first >= WRITTEN_RATIO * second:
            ACRONYM_DOMINANT.fired()
            return [slot]
    return slots


def variant_of(cluster: Cluster, counts: Counts) -> str | None:
    """The words of the one established name that a cluster's rarer longer name is an odd
    variant of (``RARE_VARIANT``), else None: a name standing alone in ``RARE_RATIO`` times
    as many articles, of the same kind, that the longer name contains ("George W. Bush Has"
    -> "george w bush"). A person's only when it is a full name of two words or more ("Laura
    Bush" is no variant of "Bush"); a place's or organization's only when the longer name's
    own article wrote it alone for it too ("Boeing Commercial Airplanes ... Boeing said": the
    article's Boeing is the Boeing of the archive; "BBC Radio" without "BBC" stays apart)."""
    kind = cluster.kind
    if not RARE_VARIANT.on or kind is None:
        return None
    name = cluster.name
    words = name_words(name)
    if len(words) < 2 or _names_another_thing(words):
        return None
    own = counts.get((kind, words_key(name)), 0)
    if kind == "person":
        least = max(ESTABLISHED_ARTICLES, RARE_RATIO * own)
        parts = {
            " ".join(words[start : start + size])
            for size in range(2, len(words))
            for start in range(len(words) - size + 1)
        }
    else:  # the article's own use of the shorter name is evidence: fewer articles will do
        least = max(ESTABLISHED_ARTICLES, WRITTEN_RATIO * own)
        parts = {words_key(group.name) for group in cluster.groups} - {words_key(name)}
        country = kind == "place"
        parts = {
            part
            for part in parts
            if _inside(part.split(), words) and not (country and other_known_place(part, name))
        }
    found = sorted(
        (part for part in parts if counts.get((kind, part), 0) >= least),
        key=lambda part: -counts.get((kind, part), 0),
    )
    if len(found) > 1 and counts[(kind, found[0])] >= WRITTEN_RATIO * counts[(kind, found[1])]:
        return found[0]  # "Microsoft Windows": Microsoft, in far more articles than Windows
    return found[0] if len(found) == 1 else None


def _inside(part: list[str], words: tuple[str, ...]) -> bool:
    size = len(part)
    return any(list(words[i : i + size]) == part for i in range(len(words) - size + 1))
