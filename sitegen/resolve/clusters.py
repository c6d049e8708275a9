"""The data the resolution steps share: a *group* (one name's mentions in one article, with
the kind votes cast for it, each by a registered rule) and a *cluster* (groups resolved to one
entity, with the decisions that joined them), and what a cluster's page shows: its kind (the
votes' winner, ``decide_kind``), its name and title (rules ``title.*``), a person's title
aliases and roles.

Every other module of the stage builds on these types (``kinds``, ``variants``, ``joins``,
``merge``, ``evidence``, ``standing``, ``homonyms``); this one imports none of them.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sitegen.lexicon import ORGANIZATION_HEADS, is_given_name, is_honorific
from sitegen.model import EntityKind, Mention
from sitegen.resolve.gazetteer import usual_country_name
from sitegen.resolve.names import (
    SAME_AS_OF,
    clean_name,
    is_acronym_of,
    looks_like_acronym,
    name_key,
    name_tokens,
)
from sitegen.rules import rule

K = TypeVar("K")
KIND_PRIORITY: tuple[EntityKind, ...] = ("person", "place", "organization")
"""Tie-break order for kind votes."""


class _Epoch:
    """A count of the kind votes cast or moved in this process (``Group.vote``): a cluster's
    kind, remembered, is good while no vote has been cast since and its groups are the same."""

    def __init__(self) -> None:
        self.now = 0

    def bump(self) -> None:
        self.now += 1


VOTES_CAST = _Epoch()
NAMES_CHANGED = _Epoch()
"""A count of the changes to groups' names in this process (``Group.write``,
``Group.mark_variant``): a cluster's name, remembered, is good while there was none since and
its groups are the same."""
_SERIALS = itertools.count()


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
    located: bool = False
    """Some mention follows a preposition of place ("in X"): not a person's name."""
    variant: bool = False
    """An odd longer variant of its cluster's name ("George W. Bush Has", once), joined to
    it across articles (``merge.join_rare_variants``): never the cluster's name."""
    ballots: Counter[tuple[str, str]] = field(default_factory=Counter)
    """The kind votes by the rule that cast them: (rule id, kind) -> weight; ``votes`` is
    their sum by kind (kept up to date by ``vote``)."""
    serial: int = field(default_factory=lambda: next(_SERIALS), compare=False, repr=False)
    """This group's number in the process (unpickled groups get a new one)."""
    _name: str | None = field(default=None, compare=False, repr=False)
    """``name`` as last worked out; ``write`` forgets it (nothing else changes ``surface``)."""
    _kind: tuple[EntityKind | None] | None = field(default=None, compare=False, repr=False)
    """``kind`` as last decided; ``vote`` and ``move_votes`` forget it."""

    def write(self, surface: str) -> None:
        """Count one more mention written ``surface``."""
        self.surface[surface] += 1
        self._name = None
        NAMES_CHANGED.bump()

    def mark_variant(self, variant: bool) -> None:
        """Set ``variant`` (a variant never names its cluster)."""
        self.variant = variant
        NAMES_CHANGED.bump()

    def vote(self, rule_id: str, kind: str, weight: int = 1) -> None:
        """Cast ``weight`` votes for ``kind`` by the rule ``rule_id`` (negative: withdraw)."""
        self.votes[kind] += weight
        self.ballots[(rule_id, kind)] += weight
        self._kind = None
        VOTES_CAST.bump()

    def move_votes(self, rule_id: str, to: str, kinds: Iterable[str]) -> int:
        """Move the votes of ``kinds`` to ``to``, by the rule ``rule_id``; how many moved."""
        moved = 0
        for kind in kinds:
            weight = self.votes.pop(kind, 0)
            self._kind = None
            VOTES_CAST.bump()
            if weight:
                self.ballots[(rule_id, kind)] -= weight
                moved += weight
        if moved:
            self.vote(rule_id, to, moved)
        return moved

    @property
    def kind(self) -> EntityKind | None:
        if self._kind is None:
            self._kind = (decide_kind(self.votes),)
        return self._kind[0]

    def __getstate__(self) -> dict[str, object]:
        """Pickled with plain dicts for its counters: a ``Counter`` unpickles through its
        ``__init__`` and ``update`` in Python, and the cluster cache holds every group."""
        return self.__dict__ | {
            "votes": dict(self.votes),
            "surface": dict(self.surface),
            "ballots": dict(self.ballots),
            "_name": None,
            "_kind": None,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(
            {
                "variant": False,
                **state,
                "_name": None,
                "_kind": None,
                "serial": next(_SERIALS),
                "votes": _counter(state["votes"]),
                "surface": _counter(state["surface"]),
                "ballots": _counter(state.get("ballots", {})),
            }
        )

    @property
    def name(self) -> str:
        """The name written most often; of names written as often, the one whose key is the
        group's ("United States" beside "America" and "US" once each)."""
        if self._name is None:
            self._name = self._most_written()
        return self._name

    def _most_written(self) -> str:
        if not self.surface:
            return self.key
        top = max(self.surface.values())
        tied = [name for name, count in self.surface.items() if count == top]
        if len(tied) == 1:
            return tied[0]
        return next((name for name in tied if name_key(name) == self.key), tied[0])


def _counter(counts: dict[K, int]) -> Counter[K]:
    """A ``Counter`` of ``counts``, made the way ``dict`` is (``Counter`` keeps no other state)."""
    counter: Counter[K] = Counter.__new__(Counter)
    dict.update(counter, counts)
    return counter


@dataclass
class Cluster:
    """Groups resolved to one entity (before slugs and pages are assigned)."""

    groups: list[Group]
    page_name: str = ""
    decisions: list[tuple[str, str]] = field(default_factory=list)
    """(rule id, what it decided) of the joins that made the cluster, and of those it kept
    out; ``absorb`` carries them along."""
    title_rule: str = ""
    """The rule that chose ``title`` when it is not ``name`` (set by ``title``)."""
    _kind: tuple[tuple[int, int, int, int], EntityKind | None] | None = field(
        default=None, compare=False, repr=False
    )
    """``kind`` as last summed, with what it was summed from (votes cast, groups: their
    number, first and last); the groups change only by growing or shrinking."""
    _name: tuple[tuple[int, int, int, int], str] | None = field(
        default=None, compare=False, repr=False
    )
    """``name`` as last worked out, stamped like ``_kind`` (with the names changed, not the
    votes cast)."""

    def __getstate__(self) -> dict[str, object]:  # stamps mean nothing in another process
        return self.__dict__ | {"_kind": None, "_name": None}

    def copy(self) -> Cluster:
        """A cluster of the same groups with lists of its own, for the merge across articles
        to change (it extends and empties clusters; of a group it changes only the variant
        mark): the per-article clusters stay as they were, to be shared by the next build."""
        return Cluster(list(self.groups), self.page_name, list(self.decisions), self.title_rule)

    def absorb(self, other: Cluster, rule_id: str = "", detail: str = "") -> None:
        """Take ``other``'s groups and decisions, and the decision that joined them."""
        self.groups.extend(other.groups)
        self.decisions.extend(other.decisions)
        if rule_id:
            self.decisions.append((rule_id, detail))

    def decide(self, rule_id: str, detail: str) -> None:
        """Record what ``rule_id`` decided about the cluster (a join refused, a title)."""
        self.decisions.append((rule_id, detail))
    """The name its page shows when other entities share ``name`` ("Wang (rice farmer)",
    ``sitegen.resolve.homonyms``); empty when ``name`` is its own."""

    @property
    def votes(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for group in self.groups:
            total.update(group.votes)
        return total

    @property
    def kind(self) -> EntityKind | None:
        if len(self.groups) == 1:  # its group's kind, without summing votes into a copy
            return self.groups[0].kind
        stamp = (VOTES_CAST.now, len(self.groups), self.groups[0].serial, self.groups[-1].serial)
        if self._kind is not None and self._kind[0] == stamp:
            return self._kind[1]
        kind = decide_kind(self.votes)
        self._kind = (stamp, kind)
        return kind

    @property
    def name(self) -> str:
        """The fullest name: a proper one first (``_is_proper_name``: not "First Airbus
        A380" beside "Airbus"), then most words, then most mentions, then alphabetical."""
        if len(self.groups) == 1:
            return self.groups[0].name
        stamp = (NAMES_CHANGED.now, len(self.groups), self.groups[0].serial, self.groups[-1].serial)
        if self._name is not None and self._name[0] == stamp:
            return self._name[1]
        named = [group for group in self.groups if not group.variant] or self.groups
        best = max(
            ((group.name, len(group.mentions)) for group in named),
            key=lambda item: (_is_proper_name(item[0]), word_count(item[0]), item[1], item[0]),
        )
        self._name = (stamp, best[0])
        return best[0]

    def mentions(self) -> list[tuple[str, Mention]]:
        return [(group.article, mention) for group in self.groups for mention in group.mentions]

    @property
    def title(self) -> str:
        """The name its page shows: a country's usual short name ("China", ``TITLE_COUNTRY``),
        else the name that is the fullest written in most of its articles ("George W. Bush",
        not the one odd "George W. Bush Has"; "Goldman Sachs", written once in each article
        before "Goldman"; ``TITLE_ARTICLES``), an acronym only when its articles write it so
        much more often than the name it spells ("NATO", "BBC"; ``TITLE_ACRONYM``)."""
        if self.kind == "place" and TITLE_COUNTRY.on:
            usual = usual_country_name(self.most_mentioned_name)
            if usual is not None:
                TITLE_COUNTRY.fired()
                self.title_rule = TITLE_COUNTRY.id
                return usual
        if len(self.groups) == 1 or not TITLE_ARTICLES.on:
            return self.name
        title, self.title_rule = _most_articles_name(self)
        return title

    @property
    def most_mentioned_name(self) -> str:
        """The name of its groups with the most mentions."""
        count: Counter[str] = Counter()
        for group in self.groups:
            count[group.name] += len(group.mentions)
        return max(count.items(), key=lambda item: (item[1], item[0]))[0]


TITLE_COUNTRY = rule(
    "title.country-usual-name",
    "title",
    "A country's page is titled by the gazetteer's usual short name ('China', not 'People's "
    "Republic of China'; 'United States', not 'America').",
    examples=[
        {
            "articles": [
                "The People's Republic of China signed. The People's Republic of China agreed."
            ],
            "page": "China",
            "kind": "place",
        }
    ],
)


TITLE_ARTICLES = rule(
    "title.most-articles-full-name",
    "title",
    "A page is titled by the name that is the fullest written in the most of its articles, "
    "not the longest ever written ('Quellsoft', not the one 'Quellsoft Corporation').",
    examples=[
        {
            "articles": [
                "Quellsoft Corporation shipped a phone.",
                "Quellsoft hired staff.",
                "Quellsoft opened an office.",
            ],
            "page": "Quellsoft",
            "kind": "organization",
        }
    ],
)


TITLE_ACRONYM = rule(
    "title.acronym-when-known-so",
    "title",
    "An acronym titles a page only when it is the fullest name in at least 3 times as many "
    "articles as the name it spells ('NATO'; 'United Nations', not 'UN').",
    examples=[
        {
            "articles": [
                "The United Nations (UN) met. The UN said it would act.",
                "The UN sent aid on Monday.",
                "The UN warned of famine.",
                "The UN voted.",
                "The United Nations warned of floods.",
            ],
            "page": "United Nations",
            "kind": "organization",
        }
    ],
)


ACRONYM_TITLE_RATIO = 3
"""How many times more articles an acronym must be the fullest name in to title its page."""


def _most_articles_name(cluster: Cluster) -> tuple[str, str]:
    """``Cluster.title`` for a cluster of several groups (see there), and the rule that chose
    it when it is not the cluster's fullest name."""
    groups = _without_products(cluster.groups)
    by_article: dict[str, list[Group]] = {}
    for group in groups:
        by_article.setdefault(group.article, []).append(group)
    place = cluster.kind == "place"
    articles: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for found in by_article.values():
        fullest = _article_title(found, place)
        articles[fullest] += 1
        mentions[fullest] += sum(len(group.mentions) for group in found)
    names = list(articles)
    if cluster.kind == "person" and any(word_count(name) > 1 for name in names):
        names = [name for name in names if word_count(name) > 1]
    best = max(names, key=lambda n: (articles[n], mentions[n], word_count(n), n))
    if looks_like_acronym(best) and TITLE_ACRONYM.on:
        spelled = [n for n in names if is_acronym_of(best, n)]
        if spelled:
            full = max(spelled, key=lambda n: (articles[n], mentions[n], n))
            if articles[full] * ACRONYM_TITLE_RATIO > articles[best]:
                TITLE_ACRONYM.fired()
                return full, TITLE_ACRONYM.id
    if best != cluster.name:
        TITLE_ARTICLES.fired()
        return best, TITLE_ARTICLES.id
    return best, ""


def _without_products(groups: list[Group]) -> list[Group]:
    """The groups but those whose name adds words naming no organization to another name
    written more often and in more articles ("Microsoft Longhorn", once, beside "Microsoft"
    in many: a product). Within one article the full name stays ("Goldman Sachs", then
    "Goldman")."""
    count: Counter[str] = Counter()
    articles: dict[str, set[str]] = {}
    for group in groups:
        count[group.name] += len(group.mentions)
        articles.setdefault(group.name, set()).add(group.article)
    kept = [
        group
        for group in groups
        if not any(
            _adds_a_product(group.name, other)
            and count[group.name] < count[other]
            and len(articles[group.name]) < len(articles[other])
            for other in count
        )
    ]
    return kept or groups


def _article_title(groups: list[Group], place: bool) -> str:
    """The fullest name of one article's groups (``Cluster.name``), a place written "State of
    Texas" beside "Texas" by its plain name."""
    name = Cluster(groups).name
    head, of, rest = name.partition(" of ")
    plain = place and of and head.lower() in SAME_AS_OF
    return rest if plain and any(group.name == rest for group in groups) else name


def _adds_a_product(long: str, short: str) -> bool:
    """ "Microsoft Longhorn" after "Microsoft": words after a shorter name, none of them an
    organization's word ("Motor Company", "Inc.", "Bank of ...") or a person's name
    ("Lockheed Martin")."""
    if not long.startswith(short + " "):
        return False
    extra = [word.rstrip(".,") for word in long[len(short) :].split()]
    return not any(
        word.lower() in ORGANIZATION_HEADS or word == "of" or is_given_name(word) for word in extra
    )  # "Lockheed Martin": founders' names


MODEL_NUMBER = re.compile(r"\b[A-Z]+-?\d+[A-Za-z]*\b")
"""A model's number inside a name ("A380", "F-16"): a product's name, not its maker's."""


@functools.lru_cache(maxsize=1 << 16)
def _is_proper_name(name: str) -> bool:
    """A name fit for a page's title: it starts with a capital letter, holds no model number
    and no "the" but after "of", "and" ... ("nonpartisan pan-democrat Eddie Chu", "First
    Airbus A380", "Rathbun the Scientology" are not)."""
    words = name.split()
    stray_the = any(
        word == "the" and words[index - 1].lower() not in CONNECTIVES
        for index, word in enumerate(words[1:], 1)
    )  # "Rathbun the Scientology": two names run together
    dangling = any(word.endswith("-") for word in words)  # "Euro- NATO": a typo's hyphen
    proper = name[:1].isupper() and not dangling
    return proper and MODEL_NUMBER.search(name) is None and not stray_the


CONNECTIVES = frozenset("""of and for on in at to""".split())
"""Words after which "the" belongs in a name ("Church of the Nazarene")."""


@functools.lru_cache(maxsize=1 << 16)
def word_count(name: str) -> int:
    """``len(name_tokens(name))``, remembered: names are compared over and over."""
    return len(name_tokens(name))


@dataclass(frozen=True)
class Facts:
    """What the joins ask of a cluster, computed once per state of its groups."""

    kind: EntityKind | None
    name: str
    votes: Counter[str]
    names: frozenset[str]
    """Its groups' names."""
    words: frozenset[str]
    """Every word of those names (a name containing another has its first word)."""
    mention_count: int
    titled: bool
    located: bool


def facts_of(cluster: Cluster) -> Facts:
    """What the joins ask of ``cluster`` in its current state (joins keep it next to the
    cluster and compute it again only when the cluster gains groups; groups do not change
    once built)."""
    names = frozenset(group.name for group in cluster.groups)
    mentions = [mention for group in cluster.groups for mention in group.mentions]
    votes = cluster.votes
    return Facts(
        kind=decide_kind(votes),
        name=cluster.name,
        votes=votes,
        names=names,
        words=frozenset(word for name in names for word in name_tokens(name)),
        mention_count=len(mentions),
        titled=any(mention.title for mention in mentions),
        located=any(group.located for group in cluster.groups),
    )


class SlotIndex:
    """The clusters a join has kept (by their slot, in the order kept) under keys worked out
    from their facts (``filed``), so that a cluster is tried only against those filed under
    one of its own keys (``looked_up``): the joins within an article are then near-linear in
    its names, and find what trying every kept cluster in order would (the keys must be
    shared by every pair the join could take)."""

    def __init__(
        self,
        filed: Callable[[Facts], set[Hashable]],
        looked_up: Callable[[Facts], set[Hashable]],
    ) -> None:
        self.filed = filed
        self.looked_up = looked_up
        self.slots: dict[Hashable, set[int]] = {}

    def of(self, facts: Facts) -> list[int]:
        """The slots filed under one of the keys ``facts`` looks up, in order."""
        found: set[int] = set()
        for key in self.looked_up(facts):
            found |= self.slots.get(key, set())
        return sorted(found)

    def add(self, slot: int, facts: Facts) -> None:
        for key in self.filed(facts):
            self.slots.setdefault(key, set()).add(slot)

    def remove(self, slot: int, facts: Facts) -> None:
        for key in self.filed(facts):
            self.slots[key].discard(slot)


def decide_kind(votes: Counter[str]) -> EntityKind | None:
    """The kind with most votes; None without votes or when "other" (products, events,
    laws, works) has at least as many."""
    if not votes:
        return None
    best, most = KIND_PRIORITY[0], votes.get(KIND_PRIORITY[0], 0)
    for kind in KIND_PRIORITY[1:]:  # a tie goes to the kind first in KIND_PRIORITY
        count = votes.get(kind, 0)
        if count > most:
            best, most = kind, count
    if votes.get("other", 0) >= most:
        return None
    return best


def title_aliases(cluster: Cluster) -> list[str]:
    """A person's title forms as written before the name, once per mention: "Mr. Carney",
    "Prime Minister Carney" (the title's words only: "President . Bush" is "President
    Bush"); none for a place or an organization ("Miss Russia" is a pageant's)."""
    forms: list[str] = []
    if cluster.kind != "person":
        return forms
    for _, mention in cluster.mentions():
        name = clean_name(mention.text)
        title = " ".join(word for word in mention.title.split() if any(c.isalpha() for c in word))
        if title and not name.startswith(title):  # not "General Motors"
            forms.append(f"{title} {name}")
    return forms


ROLE_TITLE = rule(
    "role.title-before-name",
    "role",
    "A title written before a person's name, with the 'of PLACE' after it, is a role "
    "('Foreign Minister Anna Quellford of Zelmar'); a form of address ('Mr.') is not.",
    examples=[
        {
            "text": "Foreign Minister Anna Quellford said the talks had failed.",
            "name": "Anna Quellford",
            "role": "Foreign Minister",
        }
    ],
)


def roles_of(cluster: Cluster) -> list[str]:
    """Roles from titles (with their "of PLACE") and appositives, most specific first."""
    roles: list[str] = []
    for _, mention in cluster.mentions():
        title = " ".join(w for w in mention.title.split() if not is_honorific(w))
        if title and ROLE_TITLE.on:
            roles.append(f"{title} {mention.qualifier}".strip())
            ROLE_TITLE.fired()
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
