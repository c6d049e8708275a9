"""Mentions -> entities: group spellings, join partial names and acronyms, decide kinds.

The rules, in order:
1. People's names the tagger split or misread are read again first
   (``sitegen.resolve.person_names``: "Algis" + "Petrauskas", "Jane Doe, QC"). Mentions of
   one article with the same name key form a *group* (``Carney``, ``Carney's``).
2. Each mention votes for a kind: its spaCy label (an acronym tagged PERSON counts as an
   organization without a title), and twice for *person* when a title or honorific stands
   before it ("Mr.", "Premier"); a full name starting with a given name or
   initials votes person ("Thibaut Vermeulen", "K.C. Hollander"); the words around it
   vote too (``Mention.cue``: "the browser X" a product, "X, 45," a person; "X defeated Y
   1 – 0" an organization, the sports team named after the place, in place of its label), and
   so do spaCy's product labels of the name anywhere in the corpus. A one-word name whose only
   sign of a place is spaCy's GPE label, and that no gazetteer knows, is an organization, or a
   person when it is a given name (``_unplace``). A group's kind is the vote's winner. An
   untagged proper noun counts as a mention when the corpus tags the name elsewhere as an
   organization or place.
3. Spelling variants join ("Kristen"/"Kristin Hawkes"). A shorter group joins the one longer
   group of a compatible kind whose name contains it ("Carney" -> "Mark Carney", "Times" ->
   "New York Times") or whose initials it spells ("EADS", "U.S."); a person's family name
   joins the full name whatever its label and however often it is written ("Hawkes", tagged
   ORG), a place named "in X" joins no person. A short name that fits several long ones is
   ambiguous and dropped.
4. Groups seen only in a headline or inside a short quotation are not entities unless the body
   confirms them; names without a capital letter are dropped.
5. Across articles, clusters with the same kind and name merge, and a lone partial name joins
   the one full name of its kind in the corpus that contains it, a person's only with evidence
   (``sitegen.resolve.merge``).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sitegen.lexicon import (
    NON_ENTITY_FIRST_WORDS,
    NON_ENTITY_HEADS,
    OFFICE_TITLES,
    ORGANIZATION_DESCRIPTORS,
    ORGANIZATION_HEADS,
    PLACE_HEADS,
    UNIONS_OF_STATES,
    head_word,
    is_common_given_name,
    is_given_name,
    is_honorific,
    last_word,
    same_given_name,
)
from sitegen.model import (
    KIND_OF_LABEL,
    UNLABELLED_NAME,
    Analysis,
    Article,
    EntityKind,
    Mention,
)
from sitegen.resolve.gazetteer import (
    canonical_key,
    is_known_place,
    is_site_named_after,
    is_state_acronym,
    usual_country_name,
)
from sitegen.resolve.isolated import each_article
from sitegen.resolve.kind_rules import (
    ACRONYM_NOT_PERSON,
    CONTEXT_CUE,
    CORPUS_LABEL,
    FOLLOWS_FULL_NAME,
    GIVEN_NAME,
    NAME_SHAPE,
    PERSON_TITLE,
    PLURAL_THE,
    SOURCE,
    TAGGER_LABEL,
    THING_SHAPE,
    THING_SHARE,
    TIE_CORPUS,
    TIE_UNKNOWN,
    UNION_OF_STATES,
    UNKNOWN_NOT_PLACE,
)
from sitegen.resolve.merge import merge_across_articles
from sitegen.resolve.names import (
    SAME_AS_OF,
    CaseCounts,
    clean_name,
    family_names,
    has_capital,
    is_acronym_of,
    is_family_plural,
    is_part_of,
    looks_like_acronym,
    name_key,
    name_tokens,
)
from sitegen.resolve.nested import (
    with_branch_names,
    with_nested_places,
    with_possessors,
    without_run_on,
)
from sitegen.resolve.person_names import (
    follows_place_preposition,
    has_initials,
    has_person_title,
    is_given_name_in,
    is_untitled_acronym,
    looks_like_full_name,
    person_mentions,
)
from sitegen.resolve.prefixes import without_prefixes
from sitegen.resolve.standing import ACRONYM_BODY, KNOWN_PLACE, begins_a_body, other_known_place
from sitegen.rules import rule

NON_ENTITY_LABELS = frozenset({"PRODUCT", "EVENT", "LAW", "WORK_OF_ART"})
"""spaCy labels that vote against a page ("other")."""
TITLE_VOTE = 2
MAX_CROSS_KIND_MENTIONS = 3
"""A word of a full name joins it across kinds only when it is mentioned this rarely."""
SHAPE_VOTE = 3
"""Weight of a name's own words: "... Airways" (organization), "... Road" (place), "iPhone"."""
GIVEN_NAME_VOTE = 1
"""Weight of a full name that starts with a common given name ("Annie Oakley")."""
VARIANT_MIN_LENGTH = 6
"""Names shorter than this are not joined as spelling variants ("Iran", "Iraq")."""
CUE_VOTES = {
    "other": 1,
    "place": 2,
    "person": SHAPE_VOTE,
    "organization": SHAPE_VOTE,
    "team": SHAPE_VOTE,
    "people": SHAPE_VOTE,
}
"""Weight of the words around a mention (``Mention.cue``): "the browser X" (a product) is one
vote; "the town of X" two, stronger than one label of another kind; "X, 45," and "retailer X"
say what X is, as strongly as a name's own words ("... Airways"); so do "X defeated Freedonia"
(a team) and "X, a stateless minority" (a people)."""
CUE_KINDS = {"team": "organization", "people": "other"}
"""Cues that vote for another kind: a country's name that stands for its sports team ("Zeta
defeated Freedonia") for an organization; a people ("Zeta, a stateless minority of ...") for
"other", no page, as the words of peoples ("Americans", spaCy's NORP) have none. (A
portfolio, "Home" in "Home Secretary", is no mention at all.)"""
MISSPELT_RATIO = 0.85
MISSPELT_MIN_LENGTH = 8
MISSPELT_MIN_SHORT = 5
"""A family name alone spelt like a full name's in one article (``_is_family_name_misspelt``)."""
UNLABELLED_MIN_TAGS = 2
"""An untagged name counts when spaCy tags it this often elsewhere in the corpus."""
MEETING_HEADS = frozenset({"conference", "convention", "summit", "assembly"})
"""Event words that also name standing bodies when an "of" follows ("Conference of ...")."""
NON_ENTITY_HEADS_BEFORE_OF = NON_ENTITY_HEADS - MEETING_HEADS
"""Head words before an "of" that make a name no entity ("Winter Carnival of Magic")."""
TOPONYM_ENDINGS = (
    *("ia", "ea", "stan", "land", "shire", "burg", "bourg", "berg", "ville", "grad", "abad"),
    *("ny", "dy", "ly"),
)
"""Endings of places' names in English ("Catalonia", "Crimea", "Kurdistan", "Swaziland",
"Yorkshire", "Hamburg", "Jacksonville", "Volgograd", "Islamabad", "Tuscany", "Lombardy",
"Sicily"): regions the gazetteer misses. A company spaCy tags as a place seldom ends so."""
K = TypeVar("K")
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
    located: bool = False
    """Some mention follows a preposition of place ("in X"): not a person's name."""
    variant: bool = False
    """An odd longer variant of its cluster's name ("George W. Bush Has", once), joined to
    it across articles (``merge.join_rare_variants``): never the cluster's name."""
    ballots: Counter[tuple[str, str]] = field(default_factory=Counter)
    """The kind votes by the rule that cast them: (rule id, kind) -> weight; ``votes`` is
    their sum by kind (kept up to date by ``vote``)."""

    def vote(self, rule_id: str, kind: str, weight: int = 1) -> None:
        """Cast ``weight`` votes for ``kind`` by the rule ``rule_id`` (negative: withdraw)."""
        self.votes[kind] += weight
        self.ballots[(rule_id, kind)] += weight

    def move_votes(self, rule_id: str, to: str, kinds: Iterable[str]) -> int:
        """Move the votes of ``kinds`` to ``to``, by the rule ``rule_id``; how many moved."""
        moved = 0
        for kind in kinds:
            weight = self.votes.pop(kind, 0)
            if weight:
                self.ballots[(rule_id, kind)] -= weight
                moved += weight
        if moved:
            self.vote(rule_id, to, moved)
        return moved

    @property
    def kind(self) -> EntityKind | None:
        return decide_kind(self.votes)

    def __getstate__(self) -> dict[str, object]:
        """Pickled with plain dicts for its counters: a ``Counter`` unpickles through its
        ``__init__`` and ``update`` in Python, and the cluster cache holds every group."""
        return self.__dict__ | {
            "votes": dict(self.votes),
            "surface": dict(self.surface),
            "ballots": dict(self.ballots),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(
            {
                "variant": False,
                **state,
                "votes": _counter(state["votes"]),
                "surface": _counter(state["surface"]),
                "ballots": _counter(state.get("ballots", {})),
            }
        )

    @property
    def name(self) -> str:
        """The name written most often; of names written as often, the one whose key is the
        group's ("United States" beside "America" and "US" once each)."""
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
        return decide_kind(self.votes)

    @property
    def name(self) -> str:
        """The fullest name: a proper one first (``_is_proper_name``: not "First Airbus
        A380" beside "Airbus"), then most words, then most mentions, then alphabetical."""
        if len(self.groups) == 1:
            return self.groups[0].name
        named = [group for group in self.groups if not group.variant] or self.groups
        best = max(
            ((group.name, len(group.mentions)) for group in named),
            key=lambda item: (_is_proper_name(item[0]), _word_count(item[0]), item[1], item[0]),
        )
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
    if cluster.kind == "person" and any(_word_count(name) > 1 for name in names):
        names = [name for name in names if _word_count(name) > 1]
    best = max(names, key=lambda n: (articles[n], mentions[n], _word_count(n), n))
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
def _word_count(name: str) -> int:
    """``len(name_tokens(name))``, remembered: names are compared over and over."""
    return len(name_tokens(name))


@dataclass(frozen=True)
class _Facts:
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


def _facts_of(cluster: Cluster) -> _Facts:
    """What the joins ask of ``cluster`` in its current state (joins keep it next to the
    cluster and compute it again only when the cluster gains groups; groups do not change
    once built)."""
    names = frozenset(group.name for group in cluster.groups)
    mentions = [mention for group in cluster.groups for mention in group.mentions]
    votes = cluster.votes
    return _Facts(
        kind=decide_kind(votes),
        name=cluster.name,
        votes=votes,
        names=names,
        words=frozenset(word for name in names for word in name_tokens(name)),
        mention_count=len(mentions),
        titled=any(mention.title for mention in mentions),
        located=any(group.located for group in cluster.groups),
    )


def decide_kind(votes: Counter[str]) -> EntityKind | None:
    """The kind with most votes; None without votes or when "other" (products, events,
    laws, works) has at least as many."""
    if not votes:
        return None
    best = max(KIND_PRIORITY, key=lambda kind: (votes.get(kind, 0), -KIND_PRIORITY.index(kind)))
    if votes.get("other", 0) >= votes.get(best, 0):
        return None
    return best


@functools.lru_cache(maxsize=1 << 16)
def shape_vote(name: str) -> str | None:
    """The kind a name's own words give: its last word ("Airways", "Road", "Festival"), the
    word before its "of" ("Festival of ..."; but "Conference of Catholic Bishops" is a body),
    its first ("Hurricane ..."), or a product-like spelling ("iPhone", "eBook")."""
    words = name.split()
    if not words:
        return None
    head = last_word(name)
    if head in NON_ENTITY_HEADS or words[0].lower() in NON_ENTITY_FIRST_WORDS:
        return "other"
    head_noun = head_word(name)
    if head_noun in NON_ENTITY_HEADS_BEFORE_OF:
        return "other"  # "Winter Carnival of Magic", "Treaty of Rome", "Cup of Nations"
    for word in (head, head_noun):
        if len(words) > 1 and word in ORGANIZATION_HEADS:
            return "organization"
        if len(words) > 1 and word in PLACE_HEADS:
            return "place"
    first = words[0]
    if len(first) > 2 and first[0].islower() and first[1].isupper():
        return "other"
    return None


LabelView = tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
"""The corpus's label counts of one article's names, sorted: plain data, a cache key part."""


def article_clusters(
    article: Article, analysis: Analysis, labels: LabelView | None = None
) -> list[Cluster]:
    """One article's clusters: its groups joined within the article (rules 1-3). A function
    of the article, its analysis and the corpus's labels of its names (``relevant_labels``),
    so builds may cache it per article with those labels in the key."""
    counts = {key: Counter(dict(items)) for key, items in labels} if labels is not None else None
    groups = article_groups(article, analysis, counts)
    joined = join_groups(_join_full_name_variants(groups), within_article=True)
    return join_spelling_variants(joined)


def _join_full_name_variants(groups: list[Group]) -> list[Cluster]:
    """One cluster per group, with people's full names written two ways ("Kristin"/"Kristen
    Hawkes") joined first, so that a family name joining next fits one person, not two
    (``join_spelling_variants``)."""
    people: list[Cluster] = []
    others: list[Cluster] = []
    for group in groups:
        full_name = group.kind == "person" and _word_count(group.name) > 1
        (people if full_name else others).append(Cluster([group]))
    return (join_spelling_variants(people) if len(people) > 1 else people) + others


def resolve_clusters(
    articles: Iterable[Article],
    analyses: dict[str, Analysis],
    per_article: Callable[[Article, Analysis, LabelView], list[Cluster]] = article_clusters,
) -> list[Cluster]:
    """Resolve every article's mentions (``per_article``: ``article_clusters`` or a cache of
    it), then merge the clusters across articles."""
    articles = list(articles)
    mentions = {
        article.id: found
        for article, found in each_article(
            articles, lambda a: article_mentions(a, analyses[a.id]), "reading its names"
        )
    }
    labels = label_counts(mentions.values())
    clusters: list[Cluster] = []
    for _, found in each_article(
        (article for article in articles if article.id in mentions),
        lambda a: per_article(a, analyses[a.id], relevant_labels(mentions[a.id], labels)),
        "grouping its names",
    ):
        clusters.extend(found)
    lowercase = CaseCounts.of(article.text for article in articles)
    return [
        cluster
        for cluster in merge_across_articles(clusters)
        if _is_entity(cluster) and not _is_common_word(cluster, lowercase)
    ]


def join_spelling_variants(clusters: list[Cluster]) -> list[Cluster]:
    """Within one article, a name one typo away from another of the same kind is that name
    ("Untied Nations" -> "United Nations", "Chrylser" -> "Chrysler"): the rarer spelling
    joins the more frequent one. Short names (under ``VARIANT_MIN_LENGTH``) never do. So
    does an acronym of a country's usual name and another name of it ("US", "America"), and
    a person's name with a nickname for the given name ("Larry Lessig", "Lawrence Lessig")."""
    order = sorted(clusters, key=lambda c: (-len(c.mentions()), c.name))
    kept: list[Cluster] = []
    facts: list[_Facts] = []  # of each kept cluster, as it is now
    for cluster in order:
        mine = _facts_of(cluster)
        target = next(
            (
                slot
                for slot, theirs in enumerate(facts)
                if theirs.kind == mine.kind
                and (
                    _is_variant(mine.name, theirs.name)
                    or (mine.kind == "person" and _is_nickname_variant(mine.name, theirs.name))
                    or (mine.kind == "person" and _is_family_name_misspelt(mine.name, theirs.name))
                )
            ),
            None,
        )
        if target is not None and mine.kind is not None and SPELLING_VARIANT.on:
            detail = f"'{mine.name}' is another spelling of '{facts[target].name}'"
            kept[target].absorb(cluster, SPELLING_VARIANT.id, detail)
            facts[target] = _facts_of(kept[target])
            SPELLING_VARIANT.fired()
        else:
            kept.append(cluster)
            facts.append(mine)
    return kept


def _is_variant(one: str, other: str) -> bool:
    """One typo apart (not in an initial: ``INITIALS_DIFFER``), or an acronym of the other's
    usual name ("US" and "America")."""
    how = _variant(one, other)
    if how == "typo" and INITIALS_DIFFER.on and _initials_differ(one, other):
        INITIALS_DIFFER.fired()  # counted and switched here, not inside the cache
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


def _is_common_word(cluster: Cluster, counts: CaseCounts) -> bool:
    """A one-word name without a title that the corpus mostly writes in lower case
    ("Magic", "Water", "State"): a capitalized common word, not a name."""
    words = cluster.name.split()
    if len(words) != 1 or looks_like_acronym(cluster.name):
        return False
    if any(mention.title for _, mention in cluster.mentions()):
        return False
    return counts.mostly_lower(words[0])


def article_mentions(article: Article, analysis: Analysis) -> list[Mention]:
    """The article's mentions, with words that are no part of a name cut or split off
    (``without_prefixes``: "Catholic Italy", "USA Barack Obama", "((WN))"), people's names
    read again (``person_mentions``), two
    names run together split ("Rathbun the Scientology": ``without_run_on``), owners cut
    from the things they own ("Apple Computer's Mac OS": ``with_possessors``) and the places
    named inside organizations' names (``with_nested_places``)."""
    mentions = without_prefixes(article, analysis.mentions)
    mentions = without_run_on(person_mentions(article, mentions))
    mentions = with_branch_names(mentions, article.text, headline_sentences(article, analysis))
    return with_nested_places(with_possessors(mentions))


def headline_sentences(article: Article, analysis: Analysis) -> frozenset[int]:
    """The numbers of the article's sentences that are in its headline."""
    return frozenset(
        number
        for number, sentence in enumerate(analysis.sentences)
        if article.blocks[sentence.block].kind == "headline"
    )


def label_counts(articles: Iterable[Iterable[Mention]]) -> dict[str, Counter[str]]:
    """By name key, over the corpus (each article's ``article_mentions``): how many mentions
    spaCy labels a person, an organization, a place, or "other" (a product, event, law or
    work, by its label or by the words around it: ``Mention.cue``)."""
    counts: dict[str, Counter[str]] = {}
    for mentions in articles:
        for mention in mentions:
            kind = (
                "other"
                if mention.label in NON_ENTITY_LABELS or mention.cue == "other"
                else KIND_OF_LABEL.get(mention.label)
            )
            key = canonical_key(name_key(mention.text))
            if kind and key:
                counts.setdefault(key, Counter())[kind] += 1
    return counts


def relevant_labels(mentions: Iterable[Mention], labels: dict[str, Counter[str]]) -> LabelView:
    """The corpus's label counts of the names an article mentions (``article_mentions``) and
    of their first words, as sorted plain data."""
    keys: set[str] = set()
    for mention in mentions:
        keys.add(canonical_key(name_key(mention.text)))
        keys.update(name_key(word) for word in mention.text.split()[:1])
    return tuple((key, tuple(sorted(labels[key].items()))) for key in sorted(keys) if key in labels)


def _unlabelled_kind(
    mention: Mention, key: str, labels: dict[str, Counter[str]], families: set[str]
) -> EntityKind | None:
    """The kind of a name spaCy left untagged here: an organization where the words around
    call it one ("localist group Zeta", "retailer Zeta"), a person for a full name the words
    around call one ("Anna Zeta, 45,", "writer Anna Zeta", "Anna Zeta is a writer") or for the
    family name of a person's full name tagged in the article (``families``: "Rathbun
    wrote" after "Mark Rathbun"; spaCy misses such names first in a sentence), else the
    organization or place it tags the name as elsewhere in the corpus (at least
    ``UNLABELLED_MIN_TAGS`` times), else None. Never after "the" ("the Dow Jones": an index, a
    publication), and no person from the corpus's labels alone (a lone untagged word is seldom
    a person's name). It votes only where no tagged mention of the name does
    (``article_groups``)."""
    if mention.determiner:
        return None
    name = clean_name(mention.text)
    if mention.cue == "person" and len(name.split()) > 1:
        return "person"  # "Anna Zeta is a writer": a full name the words around call a person
    if mention.cue == "organization":
        return "organization"  # "localist group Zeta", "retailer Zeta", "said on Zeta"
    if name in families:
        return "person"  # "Rathbun wrote", untagged, after "Mark Rathbun"
    known = labels.get(key)
    if not known or known.total() < UNLABELLED_MIN_TAGS:
        return None
    kind = decide_kind(known)
    return None if kind == "person" else kind


def article_groups(
    article: Article, analysis: Analysis, labels: dict[str, Counter[str]] | None = None
) -> list[Group]:
    """Group an article's mentions by name key, with their kind votes.

    A name spaCy also labels a product or work ("other") somewhere in the corpus (``labels``,
    by default this article's) gets that share of its mentions as "other" votes. A name it
    left untagged here (``UNLABELLED_NAME``, "Wikinews interviewed ...") counts when the corpus
    tags it elsewhere; it votes only when no tagged mention in the article does."""
    mentions = article_mentions(article, analysis)
    own = label_counts([mentions])
    if labels is None:
        labels = own
    untagged: dict[str, Counter[tuple[str, str]]] = {}
    groups: dict[str, Group] = {}
    families = family_names(clean_name(m.text) for m in mentions if m.label == "PERSON")
    headlines = headline_sentences(article, analysis)
    for mention in mentions:
        key = canonical_key(name_key(mention.text))
        if not key or mention.cue == "portfolio":
            continue  # "Defense" of "Deputy Defense Secretary" names no one, joins nothing
        kind, rule_id = _mention_kind(mention, key, labels, families)
        if kind is None:
            continue
        group = groups.setdefault(key, Group(key=key, article=article.id))
        group.mentions.append(mention)
        group.surface[clean_name(mention.text)] += 1
        if mention.label == UNLABELLED_NAME:
            untagged.setdefault(group.key, Counter())[(rule_id, kind)] += 1
        else:
            group.vote(rule_id, kind)
        _vote_by_words(group, mention, kind, article.text, labels)
        group.confirmed |= mention.sentence not in headlines and not mention.quoted
        group.located |= follows_place_preposition(article.text, mention)
    for key, ballots in untagged.items():
        if not any(groups[key].votes.get(kind) for kind in KIND_PRIORITY):
            for (voter, voted), weight in ballots.items():  # the corpus's kind, when spaCy
                groups[key].vote(voter, voted, weight)  # tags the name nowhere here
    for group in groups.values():
        _unplace(group)
        counts = labels.get(group.key, Counter())
        other = counts["other"]
        named = counts.total() - other
        if other and group.mentions and THING_SHARE.on:
            group.vote(THING_SHARE.id, "other", round(len(group.mentions) * other / max(named, 1)))
        _break_tie(group, counts - own.get(group.key, Counter()), group.name)
    if article.source and SOURCE.on:
        source = Group(key=name_key(article.source), article=article.id)
        source.surface[clean_name(article.source)] += 1
        source.vote(SOURCE.id, "organization")
        groups.setdefault(source.key, source)
    return list(groups.values())


def _mention_kind(
    mention: Mention, key: str, labels: dict[str, Counter[str]], families: set[str]
) -> tuple[EntityKind | None, str]:
    """The kind a mention votes for, and the rule that says so: spaCy's label, unless the
    corpus (for an untagged name) or the words around it say otherwise."""
    kind: EntityKind | None = KIND_OF_LABEL.get(mention.label) if TAGGER_LABEL.on else None
    rule_id = TAGGER_LABEL.id
    if mention.label == UNLABELLED_NAME:
        kind = _unlabelled_kind(mention, key, labels, families) if CORPUS_LABEL.on else None
        rule_id = CORPUS_LABEL.id
    if mention.cue == "team" and CONTEXT_CUE.on:
        kind, rule_id = "organization", CONTEXT_CUE.id  # the place label is what it corrects
    elif kind is not None and key in UNIONS_OF_STATES and UNION_OF_STATES.on:
        kind, rule_id = "place", UNION_OF_STATES.id  # "the EU made the decision"
    if kind is None and mention.label in NON_ENTITY_LABELS and not mention.cue:
        if THING_SHAPE.on:  # "the Sydney Morning Herald", tagged an event
            kind, rule_id = _shaped_kind(mention), THING_SHAPE.id
    if kind == "person" and is_untitled_acronym(mention) and ACRONYM_NOT_PERSON.on:
        kind, rule_id = "organization", ACRONYM_NOT_PERSON.id  # a person's only with a title
    if kind in ("person", "organization") and _plural_with_article(mention) and PLURAL_THE.on:
        # "the Beatles": people's names take no article, but "the Sams" after "Thomas Sam"
        # are the Sam family, people
        family = is_family_plural(clean_name(mention.text), families)
        kind, rule_id = ("person" if family else "organization"), PLURAL_THE.id
    for fired in (UNION_OF_STATES, THING_SHAPE, ACRONYM_NOT_PERSON, PLURAL_THE):
        if rule_id == fired.id:
            fired.fired()
    return kind, rule_id


def _vote_by_words(
    group: Group, mention: Mention, kind: str, text: str, labels: dict[str, Counter[str]]
) -> None:
    """The votes of a mention's own words and of the words around it."""
    name = clean_name(mention.text)
    shape = shape_vote(name) if NAME_SHAPE.on else None
    if shape:
        group.vote(NAME_SHAPE.id, shape, SHAPE_VOTE)
    elif GIVEN_NAME.on and (
        has_initials(name) or (kind != "place" and _starts_with_given_name(name, text, labels))
    ):
        group.vote(GIVEN_NAME.id, "person", GIVEN_NAME_VOTE)
    if has_person_title(mention) and PERSON_TITLE.on:
        group.vote(PERSON_TITLE.id, "person", TITLE_VOTE)
    if mention.cue and CONTEXT_CUE.on:
        group.vote(CONTEXT_CUE.id, CUE_KINDS.get(mention.cue, mention.cue), CUE_VOTES[mention.cue])


def _shaped_kind(mention: Mention) -> EntityKind | None:
    """The kind a name tagged a product, event, law or work has by its own last word, when
    that word is an organization's or a place's ("the Sydney Morning Herald", tagged an
    event; "the Olympic Stadium"), else None (no page)."""
    shape = shape_vote(clean_name(mention.text))
    if shape == "organization":
        return "organization"
    return "place" if shape == "place" else None


def _unplace(group: Group) -> None:
    """A one-word name (or one word written twice, "Duran Duran") whose only sign of a place
    is spaCy's GPE label gets the votes of an organization, or of a person when it is a given
    name: spaCy's small model tags unknown capitalized words as places ("Quantcast",
    "Ubisoft", "Rebecca"). Only when nothing else says place: no place words around it ("the
    town of X", "X, Freedonia"), never after "in" or "at" or "the" ("the Channel", "the
    Sahara": a region or a sea), unknown to the gazetteer (``is_known_place``), and without the
    ending of a place's name ("Siberia", "Kurdistan": the gazetteer holds few regions by their
    English names). An acronym may follow "the" ("the TAOM in Dallas"), but not spell a
    region's name (``is_state_acronym``: "the DPRK", "KSA")."""
    name = group.name
    if not UNKNOWN_NOT_PLACE.on:
        return
    if set(group.votes) != {"place"} or group.located or " " in name and not _doubled(name):
        return
    acronym = looks_like_acronym(name)
    if any(m.label != "GPE" or m.cue or (m.determiner and not acronym) for m in group.mentions):
        return
    if acronym:
        known = is_state_acronym(name)
    else:
        known = is_known_place(name) or name.lower().endswith(TOPONYM_ENDINGS)
    if known:
        return
    kind: EntityKind = "person" if is_given_name(name) and not acronym else "organization"
    group.move_votes(UNKNOWN_NOT_PLACE.id, kind, ["place"])
    UNKNOWN_NOT_PLACE.fired()


def _doubled(name: str) -> bool:
    """ "Duran Duran": one word written twice."""
    words = name.split()
    return len(words) == 2 and words[0] == words[1]


def _starts_with_given_name(name: str, text: str, labels: dict[str, Counter[str]]) -> bool:
    """ "Annie Oakley", "Thibaut Vermeulen": a full name whose first word is a given name as
    the article writes it (``is_given_name_in``: not "Moon Walk" beside "the moon"). A name
    that only other countries' lists give must not be one the corpus tags alone as a place
    or an organization ("America Online")."""
    if not looks_like_full_name(name):
        return False
    first = name.split()[0]
    if not is_given_name_in(first, text):
        return False
    alone = labels.get(name_key(first))
    return is_common_given_name(first) or not alone or decide_kind(alone) in (None, "person")


def _break_tie(group: Group, corpus: Counter[str], name: str) -> None:
    """Two kinds with the same top vote ("Wikinews" tagged once ORG, once PERSON): the one
    spaCy gives the name more often in the corpus's other articles gets one more vote; when
    the corpus does not tell, a place and an organization tied on a name the gazetteer does
    not know make an organization ("YouTube" tagged once GPE, once ORG: spaCy's small model
    tags unknown names places, ``_unplace``)."""
    votes = group.votes
    top = max((votes.get(kind, 0) for kind in KIND_PRIORITY), default=0)
    tied = [kind for kind in KIND_PRIORITY if top > 0 and votes.get(kind, 0) == top]
    if len(tied) < 2:
        return
    ranked = sorted(tied, key=lambda kind: corpus.get(kind, 0), reverse=True)
    if corpus.get(ranked[0], 0) > corpus.get(ranked[1], 0) and TIE_CORPUS.on:
        group.vote(TIE_CORPUS.id, ranked[0])
        TIE_CORPUS.fired()
    elif {"place", "organization"} <= set(tied) and not is_known_place(name) and TIE_UNKNOWN.on:
        group.vote(TIE_UNKNOWN.id, "organization")
        TIE_UNKNOWN.fired()


def _plural_with_article(mention: Mention) -> bool:
    """ "the Beatles", "the Rolling Stones": a plural name after "the", no title."""
    name = clean_name(mention.text)
    return mention.determiner and not mention.title and name.endswith("s") and " " not in name


def join_groups(clusters: list[Cluster], within_article: bool = False) -> list[Cluster]:
    """Join each shorter cluster to the single longer compatible cluster that contains it;
    within one article, a lone word of a person's full name joins it whatever its label."""
    order = sorted(clusters, key=lambda c: (-_word_count(c.name), c.name))
    kept: list[Cluster] = []
    facts: list[_Facts] = []  # of each kept cluster, as it is now
    for cluster in order:
        short = _facts_of(cluster)
        targets = [slot for slot, long in enumerate(facts) if _contains(long, short)]
        if len(targets) > 1 and within_article:
            preferred = {id(c) for c in _preferred([kept[slot] for slot in targets], short)}
            targets = [slot for slot in targets if id(kept[slot]) in preferred] or targets
        if not targets and within_article:
            targets = [slot for slot, long in enumerate(facts) if _word_of_name(long, short)]
            if len(targets) == 1 and _leads_a_person_name(facts[targets[0]], short):
                _follow_kind(kept[targets[0]], "organization")
            elif len(targets) == 1:
                _follow_kind(cluster, kept[targets[0]].kind)
        if not targets and within_article and looks_like_acronym(short.name):
            targets = [slot for slot, long in enumerate(facts) if _spells(long, short)]
            if len(targets) == 1:
                _follow_kind(cluster, kept[targets[0]].kind)
        if len(targets) == 1 and (WITHIN_ARTICLE.on or not within_article):
            where = f"in article {cluster.groups[0].article}" if within_article else ""
            detail = f"'{short.name}' {where} is in '{facts[targets[0]].name}'"
            kept[targets[0]].absorb(cluster, WITHIN_ARTICLE.id if within_article else "", detail)
            facts[targets[0]] = _facts_of(kept[targets[0]])
            if within_article:
                WITHIN_ARTICLE.fired()
        elif len(targets) > 1 and short.kind == "person" and len(name_tokens(short.name)) == 1:
            continue  # "Michael" with two Michaels: ambiguous, not a page of its own
        else:
            kept.append(cluster)
            facts.append(short)
    return kept


def _preferred(targets: list[Cluster], short: _Facts) -> list[Cluster]:
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


def _contains(long: _Facts, short: _Facts) -> bool:
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


def _kept_out(short: _Facts, short_name: str, name: str) -> bool:
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


def _names_the_thing(long: _Facts, short: _Facts) -> bool:
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


def _leads_a_person_name(long: _Facts, short: _Facts) -> bool:
    """ "Lockheed" (tagged ORG) and "Lockheed Martin" (tagged PERSON) in one article: a
    person is not called by a first word that is an organization's name, so the longer name
    is the organization's."""
    return (
        long.kind == "person"
        and short.kind == "organization"
        and name_tokens(long.name)[:1] == name_tokens(short.name)
        and not long.titled
    )


def _spells(long: _Facts, short: _Facts) -> bool:
    """ "KSC" (tagged ORG) in an article naming "Kennedy Space Center" (a place): an acronym
    of three letters or more spelled from a name of the article stands for it, whatever
    spaCy's label ("US" could spell too many names: "University of Sheffield")."""
    letters = sum(char.isalpha() for char in short.name)
    return (
        letters >= 3
        and long.kind is not None
        and any(is_acronym_of(short.name, name) for name in long.names)
    )


def _word_of_name(long: _Facts, short: _Facts) -> bool:
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


def _is_family_name_of(long: _Facts, short: _Facts) -> bool:
    """ "Hawkes" (tagged ORG six times) in an article naming "Kristin Hawkes": the last word
    of a person's full name that starts with a given name or initials is how news writing
    names that person again, however often."""
    return (
        long.kind == "person"
        and name_tokens(long.name)[-1:] == name_tokens(short.name)
        and (looks_like_full_name(long.name) or has_initials(long.name))
    )


def _is_entity(cluster: Cluster) -> bool:
    return (
        cluster.kind is not None
        and any(group.confirmed for group in cluster.groups)
        and has_capital(cluster.name)
        and not _ends_in_lower_case(cluster.name)
        and name_key(cluster.name) not in OFFICE_TITLES  # "the Sheriff", "the President"
    )


def _ends_in_lower_case(name: str) -> bool:
    """ "Beauveria bassiana", "Hang Seng and": a name whose last word is a lower-case word
    that no organization or place ends with is a species' (or a phrase spaCy took for a
    name), not a person's, organization's or place's ("United Auto Workers union" is one)."""
    words = name.split()
    if len(words) < 2 or not words[-1].isalpha() or not words[-1].islower():
        return False
    return words[-1] not in ORGANIZATION_HEADS | ORGANIZATION_DESCRIPTORS | PLACE_HEADS


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
