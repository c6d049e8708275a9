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
from typing import TYPE_CHECKING

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

    def __init__(self, clusters: Iterable[Cluster]) -> None:
        self.keys_of: dict[str, set[str]] = defaultdict(set)
        self.articles_of: dict[str, set[str]] = defaultdict(set)
        spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for cluster in clusters:
            if cluster.kind is None:
                continue
            for group in cluster.groups:
                if not group.mentions:
                    continue  # an article's source, not named in its text
                self.keys_of[group.article].add(group.key)
                self.articles_of[group.key].add(group.article)
                spans[group.article].extend((m.start, m.end, group.key) for m in group.mentions)
        self.spans = {article: sorted(found) for article, found in spans.items()}
        self.starts = {article: [s[0] for s in found] for article, found in self.spans.items()}
        self.common_above = max(MIN_COMMON_ARTICLES, math.ceil(COMMON_SHARE * len(self.keys_of)))

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


def genders_agree(short: Profile, full: Profile) -> bool:
    """No honorific of one gender on one side and of the other on the other ("Mr." / "Ms.")."""
    return not (
        len(short.genders) == 1 and len(full.genders) == 1 and short.genders != full.genders
    )
