"""Page names for entities that share a name: "Wang (rice farmer)", "Wang (Drought in Henan)".

A person's one-word name may stand for several people (``sitegen.resolve.merge``: "Mr. Wang"
the farmer and "Mr. Wang" the banker, in unrelated articles, with nothing connecting them).
Each keeps the shared name as an alias, so searching "Wang" finds them all, and its page is
named apart by what a reader recognizes, the first of:

1. a role that only it has, shortened ("rice farmer in Henan" from "Mr. Wang, a rice farmer in
   Henan, who ..."): a leading article dropped, a clause after a comma or "who" cut off, at
   most ``MAX_ROLE_WORDS`` words;
2. the title of its first article (its first ``MAX_TITLE_WORDS`` words);
3. its place among them in article order: "Wang (2)".

The names depend only on the entities and the articles, so they are the same on every run.

A sports team named after its country or city ("Sweden defeated South Korea 1 – 0") is an
organization whose plain name is the place's: its page is named "Sweden (team)"
(``team_page_name``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from sitegen.across_builds import KeptByIdentity
from sitegen.model import Article, EntityKind
from sitegen.resolve.clusters import Cluster, roles_of
from sitegen.resolve.names import name_key
from sitegen.rules import rule

DOMINANT_RATIO = 5
"""How many times more articles an entity must be in to keep a name it shares."""
DOMINANT_KEEPS_NAME = rule(
    "title.dominant-keeps-name",
    "title",
    "Of entities sharing a name, one named in at least 5 times as many articles as each other "
    "keeps the plain name; the others are told apart ('London', 'London (City of London)').",
    examples=[
        {
            "articles": [f"Senator Yarrow spoke on day {n}." for n in range(1, 6)]
            + ["Mr. Yarrow, a banker, disagreed."],
            "page": "Yarrow",
            "kind": "person",
        }
    ],
)
HOMONYM_NAME = rule(
    "title.homonym-qualifier",
    "title",
    "Entities of one kind sharing a name, kept apart, are named apart by a role only one has, "
    "else their first article's title, else a number ('Wang (rice farmer)').",
    examples=[
        {
            "articles": [
                "Mr. Yarrow, a rice farmer, spoke on Monday.",
                "Mr. Yarrow, a banker, disagreed on Tuesday.",
            ],
            "patterns": [{"label": "PERSON", "pattern": "Yarrow"}],
            "parsed": True,
            "page": "Yarrow (rice farmer)",
            "kind": "person",
        }
    ],
)
TEAM_QUALIFIER = "team"
"""What tells a sports team named after its country apart from the country: "Sweden (team)"."""
MAX_ROLE_WORDS = 5
MAX_TITLE_WORDS = 8
_CLAUSE = re.compile(r"[,;:(]|\s(?:who|whose|which|that|where|when)\b", re.IGNORECASE)
_ARTICLES = frozenset({"a", "an", "the"})


def page_names(clusters: list[Cluster], articles: Sequence[Article]) -> dict[int, str]:
    """The name each cluster's page shows, by ``id``: told apart from others of its kind and
    name ("Wang (rice farmer)", ``name_homonyms``), a sports team's ("Sweden (team)"), else
    its title (``Cluster.title``, computed once here: it sums the cluster's groups)."""
    _TITLES.rotate()
    shown = {id(cluster): _kept_title(cluster) for cluster in clusters}
    name_homonyms(clusters, articles, shown)
    return {
        id(cluster): cluster.page_name
        or team_page_name(cluster, shown[id(cluster)])
        or shown[id(cluster)]
        for cluster in clusters
    }


_TITLES: KeptByIdentity[tuple[str, str]] = KeptByIdentity()


def _kept_title(cluster: Cluster) -> str:
    """``Cluster.title`` (and the rule it sets), the last build's under serve when the
    cluster's groups are the very same objects, marked variants alike, and its rule before
    was the same."""
    groups = tuple(cluster.groups)
    facts = (cluster.title_rule, tuple(group.variant for group in groups))
    title, cluster.title_rule = _TITLES.get(
        groups, facts, lambda: (cluster.title, cluster.title_rule)
    )
    return title


def name_homonyms(
    clusters: list[Cluster], articles: Sequence[Article], shown: dict[int, str]
) -> None:
    """Give each cluster that shares its kind and the name key of its title (``shown``, by
    ``id``) with others a ``page_name`` of its own, different from every other cluster's
    title."""
    order = {article.id: position for position, article in enumerate(articles)}
    titles = {article.id: article.title for article in articles}
    same: dict[tuple[EntityKind | None, str], list[Cluster]] = {}
    for cluster in clusters:
        same.setdefault((cluster.kind, name_key(shown[id(cluster)])), []).append(cluster)
    taken = {(cluster.kind, shown[id(cluster)]) for cluster in clusters}
    for (kind, _), found in same.items():
        if len(found) < 2 or not HOMONYM_NAME.on:
            continue
        if DOMINANT_KEEPS_NAME.on:
            found = _without_dominant(found)
        found.sort(key=lambda c: (_first_article(c, order), shown[id(c)]))
        for number, (cluster, qualifier) in enumerate(
            zip(found, _qualifiers(found, order, titles), strict=True), 1
        ):
            name = f"{shown[id(cluster)]} ({qualifier})"
            while (kind, name) in taken:
                name = f"{shown[id(cluster)]} ({number})"
                number += len(found)
            cluster.page_name = name
            taken.add((kind, name))


def _without_dominant(clusters: list[Cluster]) -> list[Cluster]:
    """``clusters`` of one name without the one named in ``DOMINANT_RATIO`` times as many
    articles as each other, which keeps the plain name (``DOMINANT_KEEPS_NAME``); all of
    them when none is."""
    spread = {id(c): len({group.article for group in c.groups}) for c in clusters}
    top = max(clusters, key=lambda c: spread[id(c)])
    if all(spread[id(top)] >= DOMINANT_RATIO * spread[id(c)] for c in clusters if c is not top):
        DOMINANT_KEEPS_NAME.fired()
        return [c for c in clusters if c is not top]
    return clusters


def _first_article(cluster: Cluster, order: dict[str, int]) -> int:
    """The position of the first article that names the cluster."""
    return min(order.get(group.article, len(order)) for group in cluster.groups)


def team_page_name(cluster: Cluster, title: str) -> str:
    """ "Sweden (team)" for an organization named after a place (``title``) that the words
    around it make a sports team (``Mention.cue`` "team": "Sweden defeated South Korea 1 –
    0"), so that its page is not taken for the country's; empty for any other cluster."""
    if not any(mention.cue == "team" for _, mention in cluster.mentions()):
        return ""
    return f"{title} ({TEAM_QUALIFIER})" if cluster.kind == "organization" else ""


def _qualifiers(
    clusters: list[Cluster], order: dict[str, int], titles: dict[str, str]
) -> list[str]:
    """What tells each cluster apart from the others (see the module's docstring)."""
    roles = [_short_roles(cluster) for cluster in clusters]
    holders = Counter(role.casefold() for found in roles for role in found)
    chosen = []
    for cluster, found in zip(clusters, roles, strict=True):
        own = next((role for role in found if holders[role.casefold()] == 1), "")
        first = min((g.article for g in cluster.groups), key=lambda a: order.get(a, len(order)))
        chosen.append(own or _short_title(titles.get(first, "")))
    counts = Counter(choice.casefold() for choice in chosen)
    return [
        choice if choice and counts[choice.casefold()] == 1 else str(number)
        for number, choice in enumerate(chosen, 1)
    ]


def _short_roles(cluster: Cluster) -> list[str]:
    """The cluster's roles, shortened, each once (by case), short enough for a page name."""
    found: dict[str, str] = {}
    for role in roles_of(cluster):
        short = short_role(role)
        if short:
            found.setdefault(short.casefold(), short)
    return list(found.values())


def short_role(role: str) -> str:
    """A role as a name's qualifier: "a rice farmer in Henan, who said" -> "rice farmer in
    Henan"; empty when longer than ``MAX_ROLE_WORDS`` words."""
    words = _CLAUSE.split(role, maxsplit=1)[0].split()
    if words and words[0].casefold() in _ARTICLES:
        words = words[1:]
    while words and not any(char.isalnum() for char in words[-1]):
        words.pop()
    return " ".join(words) if len(words) <= MAX_ROLE_WORDS else ""


def _short_title(title: str) -> str:
    words = title.split()
    if len(words) > MAX_TITLE_WORDS:
        return " ".join(words[:MAX_TITLE_WORDS]) + "\u2026"
    return " ".join(words)
