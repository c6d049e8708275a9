"""Mentions -> entities: group spellings, join partial names and acronyms, decide kinds.

The rules, in order:
1. Mentions of one article with the same name key form a *group* (``Carney``, ``Carney's``).
2. Each mention votes for a kind: its spaCy label, and twice for *person* when a title or
   honorific stands before it ("Mr.", "Premier"). A group's kind is the vote's winner.
3. A shorter group joins the one longer group of a compatible kind whose name contains it
   ("Carney" -> "Mark Carney", "Times" -> "New York Times") or whose initials it spells
   ("EADS", "U.S."). A short name that fits several long ones is ambiguous and dropped.
4. Groups seen only in a headline or inside a short quotation are not entities unless the body
   confirms them; names without a capital letter are dropped.
5. Across articles, clusters with the same kind and name merge, and a lone partial name joins
   the one full name of its kind in the corpus that contains it (``sitegen.resolve.merge``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitegen.lexicon import is_honorific
from sitegen.model import Analysis, Article, EntityKind, Mention
from sitegen.resolve.merge import merge_across_articles
from sitegen.resolve.names import (
    clean_name,
    has_capital,
    is_acronym_of,
    is_part_of,
    name_key,
    name_tokens,
)

KIND_OF_LABEL: dict[str, EntityKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
TITLE_VOTE = 2
KIND_PRIORITY: tuple[EntityKind, ...] = ("person", "place", "organization")
"""Tie-break order for kind votes."""


@dataclass
class Group:
    """Mentions of one name (by key) in one article, or a known name with no mention yet."""

    key: str
    article: str
    mentions: list[Mention] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    surface: Counter[str] = field(default_factory=Counter)
    confirmed: bool = False
    """Some mention is in the body and outside a quoted name."""

    @property
    def kind(self) -> EntityKind | None:
        return decide_kind(self.votes)

    @property
    def name(self) -> str:
        return self.surface.most_common(1)[0][0] if self.surface else self.key


@dataclass
class Cluster:
    """Groups resolved to one entity (before slugs and pages are assigned)."""

    groups: list[Group]

    @property
    def votes(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for group in self.groups:
            total.update(group.votes)
        return total

    @property
    def kind(self) -> EntityKind | None:
        return decide_kind(self.votes)

    @property
    def name(self) -> str:
        """The fullest name: most words, then most mentions, then alphabetical."""
        best = max(
            self.groups,
            key=lambda g: (len(name_tokens(g.name)), len(g.mentions), g.name),
        )
        return best.name

    def mentions(self) -> list[tuple[str, Mention]]:
        return [(group.article, mention) for group in self.groups for mention in group.mentions]


def decide_kind(votes: Counter[str]) -> EntityKind | None:
    if not votes:
        return None
    return max(KIND_PRIORITY, key=lambda kind: (votes.get(kind, 0), -KIND_PRIORITY.index(kind)))


def resolve_clusters(articles: Iterable[Article], analyses: dict[str, Analysis]) -> list[Cluster]:
    """Resolve every article's mentions, then merge the clusters across articles."""
    clusters: list[Cluster] = []
    for article in articles:
        groups = article_groups(article, analyses[article.id])
        clusters.extend(join_groups([Cluster([group]) for group in groups]))
    return [cluster for cluster in merge_across_articles(clusters) if _is_entity(cluster)]


def article_groups(article: Article, analysis: Analysis) -> list[Group]:
    """Group an article's mentions by name key, with their kind votes."""
    groups: dict[str, Group] = {}
    headline_blocks = {i for i, block in enumerate(article.blocks) if block.kind == "headline"}
    for mention in analysis.mentions:
        kind = KIND_OF_LABEL.get(mention.label)
        if kind is None:
            continue
        key = name_key(mention.text)
        if not key:
            continue
        group = groups.setdefault(key, Group(key=key, article=article.id))
        group.mentions.append(mention)
        group.surface[clean_name(mention.text)] += 1
        group.votes[kind] += 1
        if mention.title:
            group.votes["person"] += TITLE_VOTE
        in_headline = analysis.sentences[mention.sentence].block in headline_blocks
        group.confirmed |= not in_headline and not mention.quoted
    if article.source:
        source = Group(key=name_key(article.source), article=article.id)
        source.surface[clean_name(article.source)] += 1
        source.votes["organization"] += 1
        groups.setdefault(source.key, source)
    return list(groups.values())


def join_groups(clusters: list[Cluster]) -> list[Cluster]:
    """Join each shorter cluster to the single longer compatible cluster that contains it."""
    order = sorted(clusters, key=lambda c: (-len(name_tokens(c.name)), c.name))
    kept: list[Cluster] = []
    for cluster in order:
        targets = [other for other in kept if _contains(other, cluster)]
        if len(targets) == 1:
            targets[0].groups.extend(cluster.groups)
        elif len(targets) > 1 and _is_partial_person(cluster):
            continue  # "Michael" with two Michaels: ambiguous, not a page of its own
        else:
            kept.append(cluster)
    return kept


def _contains(long: Cluster, short: Cluster) -> bool:
    if not _compatible(long, short):
        return False
    names = {group.name for group in long.groups}
    short_name = short.name
    return any(is_part_of(short_name, name) or is_acronym_of(short_name, name) for name in names)


def _compatible(long: Cluster, short: Cluster) -> bool:
    """The short name's evidence allows the long name's kind."""
    long_kind = long.kind
    votes = short.votes
    return long_kind is not None and (not votes or votes.get(long_kind, 0) > 0)


def _is_partial_person(cluster: Cluster) -> bool:
    return cluster.kind == "person" and len(name_tokens(cluster.name)) == 1


def _is_entity(cluster: Cluster) -> bool:
    return (
        cluster.kind is not None
        and any(group.confirmed for group in cluster.groups)
        and has_capital(cluster.name)
    )


def title_aliases(cluster: Cluster) -> set[str]:
    """Title forms as written before the name: "Mr. Carney", "Prime Minister Carney"."""
    forms = set()
    for _, mention in cluster.mentions():
        if mention.title:
            forms.add(f"{mention.title} {clean_name(mention.text)}")
    return forms


def roles_of(cluster: Cluster) -> list[str]:
    """Roles from titles (with their "of PLACE") and appositives, most specific first."""
    roles: list[str] = []
    for _, mention in cluster.mentions():
        title = " ".join(w for w in mention.title.split() if not is_honorific(w))
        if title:
            roles.append(f"{title} {mention.qualifier}".strip())
        if mention.role:
            roles.append(" ".join(mention.role.split()))
    return _dedupe_roles(roles)


def _dedupe_roles(roles: list[str]) -> list[str]:
    unique: dict[str, str] = {}
    for role in roles:
        unique.setdefault(role.casefold(), role)
    keys = list(unique)
    return [
        unique[key]
        for key in keys
        if not any(other != key and other.startswith(key + " ") for other in keys)
    ]
