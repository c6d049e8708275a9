"""Evidence that a short person name in one article and a full name in others are one person.

A bare surname or given name ("Wang", "Doe") in article B fits a full name seen only in other
articles ("Maya Wang" in article A) by its words; whether it is the same person is a matter
of evidence (docs/merging.md). It is, when

- the two share a title ("Foreign Minister Wang" and "Foreign Minister Wang Yi"), or an entity
  named in their roles ("a researcher at Human Rights Watch" in both: an affiliation), or
- article B names an entity that an article of the full name also names, and that entity is
  not a common one: it is named in at most ``COMMON_SHARE`` of the articles (at least
  ``MIN_COMMON_ARTICLES``), so "United States" or the publisher of every article says nothing;

and their honorifics do not give different genders ("Mr. Wang", "Ms. Maya Wang"), which
overrides the rest. Only entities with a mention count, not an article's source alone.

Everything is indexed (entity key -> articles; an article's mention spans in order), so a
check costs the number of entities the short name's article names, not the corpus's size.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING

from sitegen.across_builds import ACROSS_BUILDS
from sitegen.lexicon import honorific_genders, is_honorific, title_key
from sitegen.resolve.clusters import Cluster, Group
from sitegen.resolve.names import name_key, name_tokens

if TYPE_CHECKING:
    from collections.abc import Iterable

COMMON_SHARE = 0.05
"""An entity named in more than this share of the articles is too common to be evidence."""
MIN_COMMON_ARTICLES = 5
"""... but one named in this many articles always counts (small corpora)."""
NONE, CONTEXT, ROLE = 0, 1, 2
"""Strengths of the evidence: none, a shared entity, a shared title or affiliation."""


@dataclass
class Profile:
    """What a person's mentions say about who they are; unions as groups join."""

    articles: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    """The name keys of its own groups."""
    words: set[str] = field(default_factory=set)
    """The words of those names (an entity sharing one is not context: "Wang" vs "Wang Yi")."""
    titles: set[str] = field(default_factory=set)
    """Titles before its names, without honorifics ("foreign minister", "ceo")."""
    affiliations: set[str] = field(default_factory=set)
    """Keys of the entities named inside its roles and title qualifiers."""
    genders: set[str] = field(default_factory=set)
    """What its honorifics say ("Mr." male, "Ms." female); both means unknown."""

    def update(self, other: Profile) -> None:
        self.articles |= other.articles
        self.keys |= other.keys
        self.words |= other.words
        self.titles |= other.titles
        self.affiliations |= other.affiliations
        self.genders |= other.genders


class CorpusContext:
    """Which entities each article names, by name key, to tell whether two articles share one
    that is not common."""

    def __init__(self, clusters: Iterable[Cluster] = ()) -> None:
        self.keys_of: dict[str, set[str]] = {}
        self.articles_of: dict[str, set[str]] = defaultdict(set)
        self.spans: dict[str, list[tuple[int, int, str]]] = {}
        self.starts: dict[str, list[int]] = {}
        self.changed_at: dict[str, int] = {}
        """Article -> the update (``KeptCorpusContext``) that last changed what it says here:
        its own entities, or whether one of them is common."""
        self.all_changed_at = 0
        """The update that last changed ``common_above`` (every article's evidence)."""
        self.updates = 0
        for article, groups in named_groups(clusters).items():
            self._add(article, groups)
        self.common_above = self._common_above()

    def _common_above(self) -> int:
        return max(MIN_COMMON_ARTICLES, math.ceil(COMMON_SHARE * len(self.keys_of)))

    def _add(self, article: str, groups: list[Group]) -> None:
        keys = {group.key for group in groups}
        self.keys_of[article] = keys
        for key in keys:
            self.articles_of[key].add(article)
        spans = sorted((m.start, m.end, group.key) for group in groups for m in group.mentions)
        self.spans[article] = spans
        self.starts[article] = [span[0] for span in spans]

    def _remove(self, article: str) -> None:
        for key in self.keys_of.pop(article, ()):
            holders = self.articles_of[key]
            holders.discard(article)
            if not holders:
                del self.articles_of[key]
        self.spans.pop(article, None)
        self.starts.pop(article, None)

    def last_change(self, articles: Iterable[str]) -> int:
        """The last update that changed the evidence of any of ``articles``: what a result
        worked out from their evidence alone is still good while this stays the same."""
        stamps = map(self.changed_at.get, articles, repeat(0))
        return max(self.all_changed_at, max(stamps, default=0))

    def profile(self, groups: Iterable[Group]) -> Profile:
        """The evidence of a person's groups (one article's, or an entity's so far)."""
        found = Profile()
        for group in groups:
            found.articles.add(group.article)
            found.keys.add(group.key)
            found.words.update(name_tokens(group.key))
            for mention in group.mentions:
                title = " ".join(w for w in mention.title.split() if not is_honorific(w))
                if title:
                    found.titles.add(title_key(title))
                found.genders |= honorific_genders(mention.title)
                if mention.qualifier:
                    found.affiliations.add(name_key(mention.qualifier.removeprefix("of ")))
                if mention.role_start >= 0:
                    found.affiliations |= self._named_within(
                        group.article, mention.role_start, mention.role_end
                    )
        return found

    def _named_within(self, article: str, start: int, end: int) -> set[str]:
        starts = self.starts.get(article, [])
        spans = self.spans.get(article, [])
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end)
        return {key for s, e, key in spans[first:last] if e <= end}

    def support(self, short: Profile, full: Profile, needed: int = CONTEXT) -> int:
        """How strongly the evidence says the short name's person is the full name's:
        ``ROLE`` (a shared title or affiliation), ``CONTEXT`` (a shared entity that is not
        common), else ``NONE`` (also when their honorifics give different genders, and when
        it is less than ``needed``)."""
        if not genders_agree(short, full):
            return NONE
        if short.titles & full.titles or short.affiliations & full.affiliations:
            return ROLE
        if needed <= CONTEXT and any(self._shared(a, short, full) for a in short.articles):
            return CONTEXT
        return NONE

    def _shared(self, article: str, short: Profile, full: Profile) -> bool:
        """``article`` (the short name's) names an entity that is not common, is not a name
        of either person, and is named in an article of the full name other than the short
        name's."""
        for key in self.keys_of.get(article, ()):
            if key in full.keys or not self.is_telling(key, short):
                continue
            if not (self.articles_of[key] & full.articles) <= short.articles:  # C speed
                return True
        return False

    def telling_keys(self, person: Profile) -> set[str]:
        """The entities named in ``person``'s articles that would be evidence of context."""
        return {
            key
            for article in person.articles
            for key in self.keys_of.get(article, ())
            if self.is_telling(key, person)
        }

    def is_telling(self, key: str, person: Profile) -> bool:
        """An entity (by key) says something about who ``person`` is: it is not common, not
        one of the person's names and shares no word with them ("Wang Yi" for "Wang")."""
        return (
            len(self.articles_of[key]) <= self.common_above
            and key not in person.keys
            and not person.words.intersection(name_tokens(key))
        )


def named_groups(clusters: Iterable[Cluster]) -> dict[str, list[Group]]:
    """The groups of each article that name an entity (a cluster with a kind, mentions in
    the text: not an article's source alone), in order."""
    found: dict[str, list[Group]] = defaultdict(list)
    for cluster in clusters:
        if cluster.kind is None:
            continue
        for group in cluster.groups:
            if group.mentions:
                found[group.article].append(group)
    return found


class KeptCorpusContext:
    """A ``CorpusContext`` kept up to date article by article across the builds of one
    process (``ACROSS_BUILDS``): a rebuild indexes again only the articles whose named groups
    are not the very same objects as last time, takes away the articles gone, and stamps
    (``changed_at``) those articles and the holders of every entity whose commonness changed,
    so that results worked out from the evidence of other articles can be kept
    (``CorpusContext.last_change``). One instance per place the merge reads a context."""

    def __init__(self) -> None:
        self.context: CorpusContext | None = None
        self.kept: dict[str, tuple[tuple[int, ...], list[Group]]] = {}

    def of(self, clusters: Iterable[Cluster]) -> CorpusContext:
        if not ACROSS_BUILDS.on:
            return CorpusContext(clusters)
        named = named_groups(clusters)
        context = self.context
        if context is None:
            context = self.context = CorpusContext()
        context.updates += 1
        now = context.updates
        counts: dict[str, int] = {}  # each key's number of articles before this update
        changed: list[str] = []
        for article in [article for article in self.kept if article not in named]:
            for key in context.keys_of.get(article, ()):
                counts.setdefault(key, len(context.articles_of[key]))
            context._remove(article)
            context.changed_at.pop(article, None)
            del self.kept[article]
        for article, groups in named.items():
            ids = tuple(map(id, groups))
            kept = self.kept.get(article)
            if kept is not None and kept[0] == ids:
                continue
            for key in context.keys_of.get(article, set()) | {group.key for group in groups}:
                counts.setdefault(key, len(context.articles_of.get(key, ())))
            context._remove(article)
            context._add(article, groups)
            self.kept[article] = (ids, groups)  # holds the groups: their ids stay theirs
            changed.append(article)
        before, context.common_above = context.common_above, context._common_above()
        if before != context.common_above:
            context.all_changed_at = now
        for article in changed:
            context.changed_at[article] = now
        for key, count in counts.items():
            holders = context.articles_of.get(key, set())
            if (count <= before) != (len(holders) <= context.common_above):
                for article in holders:
                    context.changed_at[article] = now
        return context


def genders_agree(short: Profile, full: Profile) -> bool:
    """No honorific of one gender on one side and of the other on the other ("Mr." / "Ms.")."""
    return not (
        len(short.genders) == 1 and len(full.genders) == 1 and short.genders != full.genders
    )
