"""Across articles: merge each article's clusters into the corpus's entities.

The rule (README, "Across articles"):
1. Clusters with the same name key and the same decided kind are one entity ("Mark Carney"
   in ten articles is one page). The same name with a different kind stays apart
   ("Jordan" the person, "Jordan" the place).
2. A shorter name (a surname, a short form, an acronym) joins a longer name from another
   article only when exactly one longer name in the whole corpus contains it (by words, in
   order, or by initials) AND both have the same decided kind. "Wang" with both "Maya Wang"
   and "Wang Yi" in the corpus joins neither and keeps a page of its own; two full names that
   share a surname never merge, since neither contains the other.

Each step uses an index (name key; name word; initials), so the merge is close to linear in
the number of clusters rather than quadratic.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitegen.lexicon import canonical_key
from sitegen.model import EntityKind
from sitegen.resolve.names import (
    CORPORATE_SUFFIXES,
    content_tokens,
    is_acronym_of,
    is_part_of,
    looks_like_acronym,
    name_key,
    name_tokens,
)

if TYPE_CHECKING:
    from sitegen.resolve.entities import Cluster


def merge_across_articles(clusters: list[Cluster]) -> list[Cluster]:
    """Merge the per-article clusters of the same entity (rules 1 and 2 above)."""
    return join_partial_names(merge_same_name(clusters))


def merge_same_name(clusters: list[Cluster]) -> list[Cluster]:
    """Merge clusters of the same kind and name key (the same entity in several articles).

    The first cluster of each (kind, key) absorbs the groups of the others; the input
    clusters are per-article working objects, so they are extended in place.
    """
    merged: dict[tuple[EntityKind | None, str], Cluster] = {}
    for cluster in clusters:
        key = (cluster.kind, without_suffix(cluster.name))
        if key in merged:
            merged[key].groups.extend(cluster.groups)
        else:
            merged[key] = cluster
    return list(merged.values())


@dataclass
class _NameIndex:
    """Kept clusters by the words and initials of their names, to find containers fast."""

    by_word: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_initials: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    names: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, slot: int, name: str) -> None:
        if name in self.names[slot]:
            return
        self.names[slot].add(name)
        for word in set(name_tokens(name)):
            self.by_word[word].append(slot)
        for initials in _initials(name):
            self.by_initials[initials].append(slot)

    def containers(self, short: str) -> set[int]:
        """Slots holding a name that contains ``short`` by words or spells it by initials."""
        words = name_tokens(short)
        found: set[int] = set()
        if words:
            for slot in set(self.by_word.get(words[0], ())):
                if any(is_part_of(short, name) for name in self.names[slot]):
                    found.add(slot)
        if looks_like_acronym(short):
            letters = name_key(short).replace("&", "").replace(" ", "")
            for slot in set(self.by_initials.get(letters, ())):
                if any(is_acronym_of(short, name) for name in self.names[slot]):
                    found.add(slot)
        return found


def join_partial_names(clusters: list[Cluster]) -> list[Cluster]:
    """Join each shorter cluster to the one longer cluster of the same kind containing it."""
    facts = {id(cluster): (cluster.kind, cluster.name) for cluster in clusters}
    order = sorted(clusters, key=lambda c: (-len(name_tokens(facts[id(c)][1])), facts[id(c)][1]))
    kept: list[Cluster] = []
    index = _NameIndex()
    for cluster in order:
        kind, name = facts[id(cluster)]
        targets = [slot for slot in index.containers(name) if facts[id(kept[slot])][0] == kind]
        if kind is not None and len(targets) == 1:
            kept[targets[0]].groups.extend(cluster.groups)
            slot = targets[0]
        else:
            kept.append(cluster)
            slot = len(kept) - 1
        for group in cluster.groups:
            index.add(slot, group.name)
    return kept


def _initials(name: str) -> set[str]:
    """The initials an acronym of ``name`` could spell (with and without stopwords)."""
    words = content_tokens(name)
    if len(words) < 2 or looks_like_acronym(name):
        return set()
    return {
        "".join(word[0] for word in words),
        "".join(word[0] for word in name_tokens(name) if word != "&"),
    }


def without_suffix(name: str) -> str:
    """The name key without a trailing corporate suffix ("Apple Inc." and "Apple" agree), and
    a country's usual name for its other names ("America" and "United States" agree)."""
    tokens = list(name_tokens(name))
    while len(tokens) > 1 and tokens[-1] in CORPORATE_SUFFIXES:
        tokens.pop()
    return canonical_key(" ".join(tokens))
