"""Joins of names within one article (``join.within-article``) and, without its within-article
cases, across articles' clusters (``sitegen.resolve.merge``): a shorter name joins the one
longer name of a compatible kind that holds it or whose initials it spells ("Carney" -> "Mark
Carney", "KSC" -> "Kennedy Space Center"); a lone word of a person's full name joins it
whatever its label, and its votes follow the full name's kind (``kind.word-follows-full-name``).
"""

from __future__ import annotations

from collections.abc import Hashable

from sitegen.lexicon import NON_ENTITY_HEADS
from sitegen.model import EntityKind
from sitegen.resolve.clusters import (
    KIND_PRIORITY,
    Cluster,
    Facts,
    SlotIndex,
    facts_of,
    word_count,
)
from sitegen.resolve.gazetteer import is_site_named_after
from sitegen.resolve.kind_rules import FOLLOWS_FULL_NAME
from sitegen.resolve.kinds import shape_vote
from sitegen.resolve.names import (
    acronym_forms,
    acronym_letters,
    is_acronym_of,
    is_part_of,
    looks_like_acronym,
    name_tokens,
)
from sitegen.resolve.person_names import has_initials, looks_like_full_name
from sitegen.resolve.standing import ACRONYM_BODY, KNOWN_PLACE, begins_a_body, other_known_place
from sitegen.rules import rule

MAX_CROSS_KIND_MENTIONS = 3
"""A word of a full name joins it across kinds only when it is mentioned this rarely."""
WITHIN_ARTICLE = rule(
    "join.within-article",
    "join",
    "Within one article, a shorter name joins the one longer name of a compatible kind that "
    "holds it or whose initials it spells ('Carney' -> 'Mark Carney', 'KSC' -> 'Kennedy "
    "Space Center'); a family name joins the full name whatever its label.",
    examples=[
        {
            "articles": ["Mark Miller spoke on Monday. Miller left early."],
            "patterns": [
                {"label": "PERSON", "pattern": "Mark Miller"},
                {"label": "PERSON", "pattern": "Miller"},
            ],
            "page": "Mark Miller",
            "kind": "person",
            "holds": ["Miller"],
        }
    ],
)


def join_groups(clusters: list[Cluster], within_article: bool = False) -> list[Cluster]:
    """Join each shorter cluster to the single longer compatible cluster that contains it;
    within one article, a lone word of a person's full name joins it whatever its label."""
    order = sorted(clusters, key=lambda c: (-word_count(c.name), c.name))
    kept: list[Cluster] = []
    facts: list[Facts] = []  # of each kept cluster, as it is now
    holders = SlotIndex(_holder_keys, _held_keys)  # an article of 2,000 names: seconds
    for cluster in order:
        short = facts_of(cluster)
        near = holders.of(short)
        targets = [slot for slot in near if _contains(facts[slot], short)]
        if len(targets) > 1 and within_article:
            preferred = {id(c) for c in _preferred([kept[slot] for slot in targets], short)}
            targets = [slot for slot in targets if id(kept[slot]) in preferred] or targets
        if not targets and within_article:
            targets = [slot for slot in near if _word_of_name(facts[slot], short)]
            if len(targets) == 1 and _leads_a_person_name(facts[targets[0]], short):
                _follow_kind(kept[targets[0]], "organization")
            elif len(targets) == 1:
                _follow_kind(cluster, kept[targets[0]].kind)
        if not targets and within_article and looks_like_acronym(short.name):
            targets = [slot for slot in near if _spells(facts[slot], short)]
            if len(targets) == 1:
                _follow_kind(cluster, kept[targets[0]].kind)
        if len(targets) == 1 and (WITHIN_ARTICLE.on or not within_article):
            where = f"in article {cluster.groups[0].article}" if within_article else ""
            detail = f"'{short.name}' {where} is in '{facts[targets[0]].name}'"
            kept[targets[0]].absorb(cluster, WITHIN_ARTICLE.id if within_article else "", detail)
            holders.remove(targets[0], facts[targets[0]])
            facts[targets[0]] = facts_of(kept[targets[0]])
            holders.add(targets[0], facts[targets[0]])
            if within_article:
                WITHIN_ARTICLE.fired()
        elif len(targets) > 1 and short.kind == "person" and len(name_tokens(short.name)) == 1:
            continue  # "Michael" with two Michaels: ambiguous, not a page of its own
        else:
            holders.add(len(kept), short)
            kept.append(cluster)
            facts.append(short)
    return kept


def _holder_keys(long: Facts) -> set[Hashable]:
    """A kept (longer) name's words and the initials it spells: a name holding a shorter
    one, or naming the thing it names, has its first word; a name a lone word is one word of
    has that word; a name an acronym stands for spells its letters."""
    keys: set[Hashable] = {("word", word) for word in long.words | set(name_tokens(long.name))}
    return keys | {("initials", form) for name in long.names for form in acronym_forms(name)}


def _held_keys(short: Facts) -> set[Hashable]:
    """What a name that may hold ``short`` is filed under (``_holder_keys``)."""
    part = name_tokens(short.name)
    keys: set[Hashable] = {("word", part[0])} if part else set()
    if looks_like_acronym(short.name):
        keys.add(("initials", acronym_letters(short.name)))
    return keys


def _preferred(targets: list[Cluster], short: Facts) -> list[Cluster]:
    """Of several longer names of one article that contain a short one, the one it most
    likely stands for: a name with the same last word ("Air Force" -> "United States Air
    Force", not "Air Force Base"; not for a person's one word, which may be a family name
    written first or last), else the one whose own words say its kind ("Ford" -> "Ford
    Motor Company", not the car "Ford Taurus"). Empty when that does not single one out."""
    words = name_tokens(short.name)
    if len(words) > 1 or short.kind != "person":  # "Wang": "Maya Wang" or "Wang Yi"
        same_head = [t for t in targets if name_tokens(t.name)[-1:] == words[-1:]]
        if len(same_head) == 1:
            return same_head
    shaped = [t for t in targets if t.kind is not None and shape_vote(t.name) == t.kind]
    return shaped if len(shaped) == 1 else []


def _follow_kind(cluster: Cluster, kind: EntityKind | None) -> None:
    """A lone word joining a full name of another kind ("Cerberus", tagged PERSON, in an
    article naming "Cerberus Capital Management") stands for that name: its kind votes go to
    the full name's kind instead of outvoting it."""
    if kind is None or not FOLLOWS_FULL_NAME.on:
        return
    for group in cluster.groups:
        others = [other for other in KIND_PRIORITY if other != kind]
        if group.move_votes(FOLLOWS_FULL_NAME.id, kind, others):
            FOLLOWS_FULL_NAME.fired()


def _contains(long: Facts, short: Facts) -> bool:
    if long.kind is None and long.votes.get("other", 0) > 0:
        return _names_the_thing(long, short)
    if long.kind is None or (short.votes and short.votes.get(long.kind, 0) <= 0):
        return False  # the short name's evidence does not allow the long name's kind
    if short.kind == "place" and long.kind != "place":
        return False  # "United States" (one vote of an organization) is not its Navy
    short_name = short.name
    part = name_tokens(short_name)
    acronym = looks_like_acronym(short_name)  # is_acronym_of is False for anything else
    if not acronym and (not part or part[0] not in long.words):
        return False  # neither contained by words nor an acronym
    if long.kind == "place" and is_site_named_after(long.name, short_name):
        return False  # "California" is not "California Science Center"
    return any(
        (is_part_of(short_name, name) and not _kept_out(short, short_name, name))
        or (acronym and is_acronym_of(short_name, name))
        for name in long.names
    )


def _kept_out(short: Facts, short_name: str, name: str) -> bool:
    """The ``standing`` rules within one article: an acronym is not the body it begins ("the
    UN Security Council ... the UN"); a country is not a longer name holding it that is not
    the same country ("China" and "Republic of China", "U.S." and "U.S. Embassy")."""
    if looks_like_acronym(short_name) and ACRONYM_BODY.on and begins_a_body(short_name, name):
        ACRONYM_BODY.fired()
        return True
    if short.kind == "place" and KNOWN_PLACE.on and other_known_place(short_name, name):
        KNOWN_PLACE.fired()
        return True
    return False


def _names_the_thing(long: Facts, short: Facts) -> bool:
    """ "National Iodine Nutrition" (tagged ORG in "the National Iodine Nutrition study") in
    an article naming "the Australian National Iodine Nutrition Study", a thing (no page): an
    organization's name of two words or more right before the thing's head word ("Study",
    ``NON_ENTITY_HEADS``) names the thing. Not a maker's name first ("Google Chrome") and
    not a place ("the Geneva Convention")."""
    words = name_tokens(short.name)
    if short.kind != "organization" or len(words) < 2:
        return False
    for name in long.names:
        whole = name_tokens(name)  # a word before the short name, and the head word after it
        if len(whole) > len(words) + 1 and whole[-1] in NON_ENTITY_HEADS:
            if whole[-len(words) - 1 : -1] == words:
                return True
    return False


def _leads_a_person_name(long: Facts, short: Facts) -> bool:
    """ "Lockheed" (tagged ORG) and "Lockheed Martin" (tagged PERSON) in one article: a
    person is not called by a first word that is an organization's name, so the longer name
    is the organization's."""
    return (
        long.kind == "person"
        and short.kind == "organization"
        and name_tokens(long.name)[:1] == name_tokens(short.name)
        and not long.titled
    )


def _spells(long: Facts, short: Facts) -> bool:
    """ "KSC" (tagged ORG) in an article naming "Kennedy Space Center" (a place): an acronym
    of three letters or more spelled from a name of the article stands for it, whatever
    spaCy's label ("US" could spell too many names: "University of Sheffield")."""
    letters = sum(char.isalpha() for char in short.name)
    return (
        letters >= 3
        and long.kind is not None
        and any(is_acronym_of(short.name, name) for name in long.names)
    )


def _word_of_name(long: Facts, short: Facts) -> bool:
    """ "Mulally" (tagged ORG) in an article naming "Alan Mulally"; "Cerberus" (tagged
    PERSON) in one naming "Cerberus Capital Management": one untitled word, few mentions."""
    words = name_tokens(short.name)
    whole = name_tokens(long.name)
    if len(words) != 1 or len(whole) < 2:
        return False
    if short.mention_count > MAX_CROSS_KIND_MENTIONS and not _is_family_name_of(long, short):
        return False
    if short.titled or looks_like_acronym(short.name):
        return False
    if long.kind == "person" and short.kind in ("organization", "place"):
        return words[0] in whole and not short.located  # "in Paris": not "Paris Hilton"
    return long.kind == "organization" and short.kind == "person" and whole[0] == words[0]


def _is_family_name_of(long: Facts, short: Facts) -> bool:
    """ "Hawkes" (tagged ORG six times) in an article naming "Kristin Hawkes": the last word
    of a person's full name that starts with a given name or initials is how news writing
    names that person again, however often."""
    return (
        long.kind == "person"
        and name_tokens(long.name)[-1:] == name_tokens(short.name)
        and (looks_like_full_name(long.name) or has_initials(long.name))
    )
