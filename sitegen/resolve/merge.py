"""Across articles: merge each article's clusters into the corpus's entities.

The rule (docs/merging.md):
1. Clusters with the same name key and the same decided kind are one entity ("Mark Carney"
   in ten articles is one page; the key reads British spellings as American ones,
   "Defence"/"Defense"). The same name with a different kind stays apart
   ("Jordan" the person, "Jordan" the place). A person's one-word name ("Mr. Wang", with no
   full name in its article) is the exception: its articles merge only where the evidence
   below connects them, so a farmer and a banker both called "Mr. Wang" stay two people.
2. A shorter name (a surname, a short form, an acronym) joins a longer name from another
   article only when the longer name contains it (by words, in order, or by initials) AND
   both have the same decided kind. An organization or place joins when exactly one longer
   name in the whole corpus fits (a place not a site named after it: "California" is not
   "California Science Center"; an organization's name that several longer ones extend, the
   one whose words say it is the organization: "Ford Motor Company", not "Ford Australia";
   an acronym of three letters only where an article of the longer name writes it: "IBM" in
   an article on computers is not the "International Brotherhood of Magicians", which its
   one article never calls "IBM").
   A person's shorter name needs evidence as well, article by
   article (``sitegen.resolve.evidence``: a shared title or affiliation, or an entity named
   in both articles that is not a common one; no conflicting "Mr."/"Ms."), and joins the one
   fitting name the evidence supports (a rare family name, "Obama", needs none when one
   full name fits); without it, it keeps a page of its own named as written. Two full names
   that share a surname never merge, since neither contains the other; the same full name
   is one person whatever the roles (see docs/merging.md for why).

Each step uses an index (name key; name word; initials; entity key -> articles), so the merge
is close to linear in the number of clusters rather than quadratic.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from sitegen.across_builds import KeptByIdentity
from sitegen.lexicon import ORGANIZATION_HEADS, surname_percent, word_table
from sitegen.model import EntityKind
from sitegen.resolve.clusters import Cluster, Group
from sitegen.resolve.evidence import (
    CONTEXT,
    NONE,
    ROLE,
    CorpusContext,
    KeptCorpusContext,
    Profile,
    genders_agree,
)
from sitegen.resolve.gazetteer import canonical_key, is_site_named_after, usual_country_name
from sitegen.resolve.names import (
    CORPORATE_SUFFIXES,
    content_tokens,
    is_acronym_of,
    is_part_of,
    looks_like_acronym,
    name_key,
    name_tokens,
)
from sitegen.resolve.standing import (
    HYPHEN_SPACE,
    RARE_VARIANT,
    article_counts,
    may_join,
    name_words,
    spelled_first,
    variant_of,
    words_key,
)
from sitegen.rules import rule

RARE_SURNAME_PERCENT = 0.002
"""A family name at most this frequent in the US census (percent of people: "Trump" 0.001,
"Merkel" 0.002; "Clinton" 0.007, "Wang" 0.012) names one person of the corpus without more
evidence, when the corpus has one full name ending in it."""
SURE_ACRONYM_LETTERS = 4
"""An acronym of this many letters spells one organization's name of a corpus by chance
seldom ("USAF"), one of three often ("IBM": also the "International Brotherhood of
Magicians"); a shorter one joins the name it spells in other articles only where they write
it too."""
BRITISH_WORDS = word_table("british-words")
"""British spellings of words of names, and the American ones."""
BRITISH_ENDING = re.compile(r"(?<=[a-z]{3})is(ation|ations|ed|ing)$")
"""The "-isation" family of British spellings ("Organisation", "Organised")."""

EVIDENCE_WORDS = {
    ROLE: "a shared title or affiliation",
    CONTEXT: "an uncommon entity named in both",
}
"""How ``explain`` words the evidence that joined a person's shorter name."""
SAME_NAME = rule(
    "join.same-name",
    "join",
    "The same name with the same kind in several articles is one entity ('Mark Carney' in ten "
    "articles: one page); a person's one-word name only where evidence connects them.",
    examples=[
        {
            "articles": ["Quellmar Airways cut flights.", "Quellmar Airways hired pilots."],
            "page": "Quellmar Airways",
            "kind": "organization",
            "mentions": 2,
        }
    ],
)
SHORTER_NAME = rule(
    "join.shorter-name-in-longer",
    "join",
    "An organization's or place's shorter name joins the one longer name of its kind in the "
    "corpus that holds it, by words or initials ('GAS' joins 'Global Aero Systems').",
    examples=[
        {
            "articles": ["Quellmar Airways cut flights.", "Shares of Quellmar fell on Monday."],
            "patterns": [
                {"label": "ORG", "pattern": "Quellmar Airways"},
                {"label": "ORG", "pattern": "Quellmar"},
            ],
            "page": "Quellmar Airways",
            "kind": "organization",
            "holds": ["Quellmar"],
        }
    ],
)
PERSON_EVIDENCE = rule(
    "join.person-by-evidence",
    "join",
    "A person's shorter name from another article joins the full name that holds it when the "
    "evidence says they are one: a shared title or affiliation, an uncommon entity named in "
    "both, or a rare family name.",
    examples=[
        {
            "articles": [
                "Foreign Minister Anna Quellmar met the envoy.",
                "Foreign Minister Quellmar said the talks went well.",
            ],
            "patterns": [
                {"label": "PERSON", "pattern": "Anna Quellmar"},
                {"label": "PERSON", "pattern": "Quellmar"},
            ],
            "page": "Anna Quellmar",
            "kind": "person",
            "holds": ["Quellmar"],
        }
    ],
)
DOMINANT_RATIO = 5
"""How many times more articles a full name must be in to take a family name that the evidence
fits to it and to others alike (``DOMINANT_NAMESAKE``)."""
SOLE_NAMESAKE_ARTICLES = 10
"""Articles a full name must be in to take, without evidence, a family name that fits no other
full name of the corpus (``SOLE_NAMESAKE``)."""

DOMINANT_NAMESAKE = rule(
    "join.dominant-namesake",
    "join",
    "A family name whose evidence fits several full names equally joins the one named in at "
    "least 5 times as many articles as each other ('President Bush' in 2006: George W. Bush).",
    examples=[
        {
            "articles": [
                "President Quentin Zabel spoke.",
                "President Quentin Zabel signed the bill.",
                "President Quentin Zabel met the press.",
                "President Quentin Zabel flew home.",
                "President Quentin Zabel returned.",
                "President Harold Zabel, his father, died long ago.",
                "President Zabel said the economy was strong.",
            ],
            "page": "Quentin Zabel",
            "kind": "person",
            "holds": ["Zabel"],
        }
    ],
)
SOLE_NAMESAKE = rule(
    "join.sole-established-namesake",
    "join",
    "A family name without evidence joins the one full name of the corpus that contains it "
    "when that name is in at least 10 articles ('McCain' and 'John McCain').",
    examples=[
        {
            "articles": [f"Senator Orla Miller spoke on day {n}." for n in range(1, 11)]
            + ["Mr. Miller said the vote was close."],
            "page": "Orla Miller",
            "kind": "person",
            "holds": ["Miller"],
        }
    ],
)
KIND_MAJORITY = rule(
    "join.same-name-majority-kind",
    "join",
    "One name tagged a place in some articles and an organization in others is one entity, "
    "of the kind most of its mentions vote for ('born in the Zelmark Union', tagged GPE).",
    examples=[
        {
            "articles": [
                "The Zelmark Union said it would help. The Zelmark Union met.",
                "The Zelmark Union voted on Monday.",
                "He was born in the Zelmark Union.",
            ],
            "page": "Zelmark Union",
            "kind": "organization",
            "mentions": 4,
        }
    ],
)


def merge_across_articles(clusters: list[Cluster]) -> list[Cluster]:
    """Merge the per-article clusters of the same entity (rules 1 and 2 above), a rare odd
    variant of a name into that name first (``standing``). A group's variant mark is this
    merge's own: its groups may be those of the last build's (``Cluster.copy``)."""
    for cluster in clusters:
        for group in cluster.groups:
            if group.variant:
                group.mark_variant(False)
    return join_partial_names(join_rare_variants(merge_same_name(clusters)))


def join_rare_variants(clusters: list[Cluster]) -> list[Cluster]:
    """Each cluster whose name is a rare variant of one established name of its kind
    (``standing.variant_of``: "George W. Bush Has", once, of "George W. Bush") joins the
    cluster of that name."""
    counts = article_counts(clusters)
    named = {(cluster.kind, words_key(cluster.name)): cluster for cluster in clusters}
    kept: list[Cluster] = []
    for cluster in clusters:
        part = variant_of(cluster, counts)
        target = named.get((cluster.kind, part)) if part is not None else None
        if target is None or target is cluster:
            kept.append(cluster)
            continue
        RARE_VARIANT.fired()
        for group in cluster.groups:
            group.mark_variant(words_key(group.name) != part)
        articles = len({group.article for group in cluster.groups})
        detail = f"'{cluster.name}' of {articles} article(s) is an odd variant"
        target.absorb(cluster, RARE_VARIANT.id, detail)
    return kept


def merge_same_name(clusters: list[Cluster]) -> list[Cluster]:
    """Merge clusters of the same kind and name key (the same entity in several articles);
    a person's one-word name only where the evidence connects the articles
    (``split_by_evidence``).

    The first cluster of each (kind, key) absorbs the groups of the others; the input
    clusters are per-article working objects, so they are extended in place.
    """
    same: dict[tuple[str | None, str], list[Cluster]] = {}
    _SAME_NAME_KEYS.rotate()
    _SPLITS.rotate()
    for cluster in clusters:
        same.setdefault(_kept_same_name_key(cluster), []).append(cluster)
    context: CorpusContext | None = None
    merged: list[Cluster] = []
    for (kind, key), found in same.items():
        if len(found) > 1 and not SAME_NAME.on:
            merged.extend(found)
            continue
        if len(found) > 1 and kind == "person" and len(name_tokens(key)) == 1:
            context = context or _SAME_NAME_CONTEXT.of(clusters)
            merged.extend(_kept_split(found, context))
            continue
        if len({cluster.kind for cluster in found}) > 1:
            KIND_MAJORITY.fired()
            found[0].decide(KIND_MAJORITY.id, "tagged a place in some articles, else organization")
        for cluster in found[1:]:
            found[0].absorb(cluster)
        if len(found) > 1:
            articles = len({group.article for cluster in found for group in cluster.groups})
            found[0].decide(SAME_NAME.id, f"'{key}' in {articles} articles is one entity")
            SAME_NAME.fired()
        merged.append(found[0])
    return merged


_SAME_NAME_KEYS: KeptByIdentity[tuple[str | None, str]] = KeptByIdentity()


def _kept_same_name_key(cluster: Cluster) -> tuple[str | None, str]:
    """The kind family and name key of one article's cluster: the last build's under serve
    for the very same groups (marked variants alike)."""
    groups = tuple(cluster.groups)
    variants = tuple(group.variant for group in groups)
    return _SAME_NAME_KEYS.get(
        groups, variants, lambda: (_kind_family(cluster), same_name_key(cluster))
    )


def _kind_family(cluster: Cluster) -> str | None:
    """The kind clusters must share to merge by name: a person's, or for places and
    organizations, one of the two (``KIND_MAJORITY``: "born in the Zelmark Union", tagged a
    place, is the organization its other mentions make it; the votes summed decide); a
    sports team named after a place is apart from both ("Sweden (team)")."""
    kind = cluster.kind
    if kind in ("place", "organization") and _is_team(cluster):
        return "team"
    if kind == "place" and KIND_MAJORITY.on:
        return "organization"
    return kind


def _is_team(cluster: Cluster) -> bool:
    return any(mention.cue == "team" for group in cluster.groups for mention in group.mentions)


_SPLITS: KeptByIdentity[list[list[int]]] = KeptByIdentity()
_SAME_NAME_CONTEXT = KeptCorpusContext()


def _kept_split(clusters: list[Cluster], context: CorpusContext) -> list[Cluster]:
    """``split_by_evidence``, with the parts the last build found under serve for the very
    same groups when the evidence of none of their articles changed."""
    groups = tuple(group for cluster in clusters for group in cluster.groups)
    facts = (
        tuple(len(cluster.groups) for cluster in clusters),
        context.last_change({group.article for group in groups}),
    )
    parts = _SPLITS.get(groups, facts, lambda: _evidence_parts(clusters, context))
    return _joined_parts(clusters, parts)


def split_by_evidence(clusters: list[Cluster], context: CorpusContext) -> list[Cluster]:
    """Clusters of one person's one-word name ("Mr. Wang"), one per article, merged where
    the evidence connects their articles: a shared title or affiliation, else a shared entity
    that is not common (``sitegen.resolve.evidence``), transitively (union-find over the
    articles; the evidence is indexed, so this is linear in the clusters and what their
    articles name). Honorifics of different genders never end up in one entity: a join that
    would bring "Mr." and "Ms." together is skipped. Evidence of a role is used before that
    of context, and clusters of one article always join."""
    return _joined_parts(clusters, _evidence_parts(clusters, context))


def _evidence_parts(clusters: list[Cluster], context: CorpusContext) -> list[list[int]]:
    """The slots of ``clusters`` that are one person each (``split_by_evidence``), each
    part in order, the parts in order of their first slot."""
    profiles = [context.profile(cluster.groups) for cluster in clusters]
    people = _Components([profile.genders for profile in profiles])
    by_role: dict[str, list[int]] = defaultdict(list)
    by_context: dict[str, list[int]] = defaultdict(list)
    for slot, profile in enumerate(profiles):
        for article in profile.articles:
            by_role["article " + article].append(slot)
        for title in profile.titles:
            by_role["title " + title].append(slot)
        for affiliation in profile.affiliations:
            by_role["of " + affiliation].append(slot)
        for key in context.telling_keys(profile):
            by_context[key].append(slot)
    for index in (by_role, by_context):
        for feature, slots in index.items():
            people.connect(slots, forced=feature.startswith("article "))
    parts: dict[int, list[int]] = {}
    for slot in range(len(clusters)):
        parts.setdefault(people.find(slot), []).append(slot)
    return list(parts.values())


def _joined_parts(clusters: list[Cluster], parts: list[list[int]]) -> list[Cluster]:
    """Each part's first cluster, extended by the groups of the others."""
    merged: list[Cluster] = []
    for first, *others in parts:
        for slot in others:
            clusters[first].groups.extend(clusters[slot].groups)
        merged.append(clusters[first])
    return merged


class _Components:
    """Union-find over clusters, with the genders their honorifics give per component."""

    def __init__(self, genders: list[set[str]]) -> None:
        self.parent = list(range(len(genders)))
        self.genders = [set(found) for found in genders]

    def find(self, slot: int) -> int:
        while self.parent[slot] != slot:
            self.parent[slot] = self.parent[self.parent[slot]]
            slot = self.parent[slot]
        return slot

    def connect(self, slots: list[int], forced: bool = False) -> None:
        """Join the clusters that share a piece of evidence: each with the first component
        of the others it may join (few: only honorifics of two genders keep two apart)."""
        heads: list[int] = []
        for slot in slots:
            if not any(self.join(head, slot, forced) for head in heads):
                heads.append(slot)

    def join(self, one: int, other: int, forced: bool = False) -> bool:
        first, second = self.find(one), self.find(other)
        if first == second:
            return True
        mine, theirs = self.genders[first], self.genders[second]
        if not forced and len(mine) == len(theirs) == 1 and mine != theirs:
            return False
        if first > second:
            first, second = second, first
        self.parent[second] = first
        self.genders[first] = mine | theirs
        return True


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
        words = name_tokens(name)
        for word in set(words) if len(words) > 1 else ():  # one word contains no other name
            self.by_word[word].append(slot)
        for initials in _initials(name):
            self.by_initials[initials].append(slot)

    def containers(self, short: str) -> set[int]:
        """Slots holding a name that contains ``short`` by words or spells it by initials."""
        words = name_tokens(short)
        found: set[int] = set()
        if words:
            # a container holds every word of the name: the rarest word's slots are enough
            # (the first word's grew with the archive: "United", "National", "John")
            fewest = min((self.by_word.get(word, []) for word in set(words)), key=len)
            for slot in set(fewest):
                if any(is_part_of(short, name) for name in self.names[slot]):
                    found.add(slot)
        if looks_like_acronym(short):
            letters = name_key(short).replace("&", "").replace(" ", "")
            for slot in set(self.by_initials.get(letters, ())):
                if any(is_acronym_of(short, name) for name in self.names[slot]):
                    found.add(slot)
        return found


def join_partial_names(clusters: list[Cluster]) -> list[Cluster]:
    """Join each shorter cluster to the one longer cluster of the same kind containing it;
    a person's shorter name joins, article by article, the one whose evidence supports it."""
    facts = {id(cluster): (cluster.kind, cluster.name) for cluster in clusters}
    order = sorted(clusters, key=lambda c: (-len(name_tokens(facts[id(c)][1])), facts[id(c)][1]))
    counts = article_counts(clusters)
    kept: list[Cluster] = []
    index = _NameIndex()
    people = _People(_PARTIAL_NAMES_CONTEXT.of(clusters), kept)
    for cluster in order:
        kind, name = facts[id(cluster)]
        targets = _targets(
            name, kind, [(slot, *facts[id(kept[slot])]) for slot in index.containers(name)]
        )
        if kind != "person" or len(name_tokens(name)) > 1:  # not a family name: evidence
            names = {slot: facts[id(kept[slot])][1] for slot in targets}
            refused = {
                slot: why for slot in targets if (why := may_join(name, kind, names[slot], counts))
            }
            for slot, why in refused.items():
                cluster.decide(why, f"'{name}' not joined to '{names[slot]}'")
            targets = [slot for slot in targets if slot not in refused]
            targets = spelled_first(name, kind, targets, names, counts)
        if kind == "organization" and len(targets) == 1:
            if _unwritten_acronym(name, index.names[targets[0]]):
                targets = []
        if kind == "person" and targets:
            names = {slot: facts[id(kept[slot])][1] for slot in sorted(targets)}
            for slot, piece in people.join_by_evidence(cluster, names):
                for group in piece:
                    index.add(slot, group.name)
            if not cluster.groups:
                continue
            kept.append(cluster)
            slot = len(kept) - 1
        elif kind is not None and len(targets) == 1 and SHORTER_NAME.on:
            long = facts[id(kept[targets[0]])][1]
            articles = len({group.article for group in cluster.groups})
            detail = f"'{name}' of {articles} article(s) is in '{long}', the one longer {kind} name"
            kept[targets[0]].absorb(cluster, SHORTER_NAME.id, detail)
            SHORTER_NAME.fired()
            slot = targets[0]
        else:
            kept.append(cluster)
            slot = len(kept) - 1
        for group in cluster.groups:
            index.add(slot, group.name)
    return kept


def _targets(
    name: str, kind: EntityKind | None, containers: list[tuple[int, EntityKind | None, str]]
) -> list[int]:
    """The slots of the longer clusters a name may join (``containers``: slot, kind and name
    of each cluster holding a name that contains it): those of its kind; not, for a place, a
    site named after it ("California Science Center"); for an organization's name that
    several contain, all of them starting with it or spelled by it (``_extends``), those whose
    own words say they are the organization ("Ford Motor Company", not "Ford Australia"; the
    long name "EADS" spells, not "EADS North America"), when that leaves one."""
    targets = [
        (slot, long)
        for slot, its_kind, long in containers
        if its_kind == kind and not (kind == "place" and is_site_named_after(long, name))
    ]
    if (
        kind == "organization"
        and len(targets) > 1
        and all(_extends(long, name) for _, long in targets)
    ):
        named = [(slot, long) for slot, long in targets if _names_the_organization(long, name)]
        targets = named if len(named) == 1 else targets
    return [slot for slot, _ in targets]


def _unwritten_acronym(acronym: str, names: set[str]) -> bool:
    """An acronym of fewer than ``SURE_ACRONYM_LETTERS`` letters that a longer organization's
    name spells but that none of its articles writes (alone or in a name): "IBM", in
    articles on computers, of the "International Brotherhood of Magicians" (whose article
    never calls it "IBM"). "EADS" joins "European Aeronautic Defence & Space", whose articles
    write "(EADS)"; "USAF" joins "United States Air Force" though they never do."""
    key = name_key(acronym)
    if not looks_like_acronym(acronym) or len(key.replace("&", "")) >= SURE_ACRONYM_LETTERS:
        return False
    return not any(name_key(name) == key or is_part_of(acronym, name) for name in names)


def _extends(long: str, short: str) -> bool:
    """ "Ford Australia" of "Ford", "European Aeronautic Defence & Space" of "EADS": a longer
    name that starts with the short one or that it spells (not "UK Government" of
    "Government": a generic word inside several names)."""
    return name_tokens(long)[: len(name_tokens(short))] == name_tokens(short) or is_acronym_of(
        short, long
    )


def _names_the_organization(long: str, short: str) -> bool:
    """ "Ford Motor Company" for "Ford", "European Aeronautic Defence & Space" for "EADS": a
    longer name that ends in an organization's word or a corporate suffix, or that the short
    name spells."""
    last = name_tokens(long)[-1:]
    return bool(set(last) & (ORGANIZATION_HEADS | CORPORATE_SUFFIXES)) or is_acronym_of(short, long)


_PARTIAL_NAMES_CONTEXT = KeptCorpusContext()


class _People:
    """The evidence of the kept person clusters (by slot), kept up to date as pieces join."""

    def __init__(self, context: CorpusContext, kept: list[Cluster]) -> None:
        self.context = context
        self.kept = kept
        self.profiles: dict[int, Profile] = {}

    def profile(self, slot: int) -> Profile:
        if slot not in self.profiles:
            self.profiles[slot] = self.context.profile(self.kept[slot].groups)
        return self.profiles[slot]

    def join_by_evidence(
        self, cluster: Cluster, targets: dict[int, str]
    ) -> list[tuple[int, list[Group]]]:
        """Move each article's groups of ``cluster`` to the one target the evidence supports;
        the groups left stay in ``cluster``. Returns what moved where."""
        moved: list[tuple[int, list[Group]]] = []
        rest: list[Group] = []
        for piece in _by_article(cluster.groups):
            mine = self.context.profile(piece)
            found = self.best_supported(mine, targets) if PERSON_EVIDENCE.on else None
            if found is None:
                rest.extend(piece)
                continue
            slot, reason = found
            self.kept[slot].groups.extend(piece)
            joined = f"'{piece[0].name}' of article {piece[0].article} joined '{targets[slot]}'"
            self.kept[slot].decide(PERSON_EVIDENCE.id, f"{joined}: {reason}")
            PERSON_EVIDENCE.fired()
            self.profile(slot).update(mine)
            moved.append((slot, piece))
        cluster.groups[:] = rest
        return moved

    def best_supported(self, mine: Profile, targets: dict[int, str]) -> tuple[int, str] | None:
        """The one target (slot: name) the evidence supports most, if there is one. A name's
        first word alone needs a shared role, not only a shared entity: it is mostly a given
        name ("Jack" for "Jack Smith"), which news writing uses for people of its own article
        (a surname written first, "Wang" for "Wang Yi", comes with a title when it stands
        alone)."""
        if len(targets) == 1:
            ((slot, name),) = targets.items()
            rare = _is_rare_family_name(mine.keys, name)
            if rare and genders_agree(mine, self.profile(slot)):
                return slot, "a rare family name"  # "Obama" and the corpus's one "Barack Obama"
        found: dict[int, int] = {}
        for slot, name in targets.items():
            needed = ROLE if _is_first_word_of(mine.keys, name) else CONTEXT
            strength = self.context.support(mine, self.profile(slot), needed)
            if strength >= needed:
                found[slot] = strength
        strongest = max(found.values(), default=NONE)
        best = [slot for slot, strength in found.items() if strength == strongest]
        reason = EVIDENCE_WORDS.get(strongest, "")
        if len(best) > 1 and DOMINANT_NAMESAKE.on:
            best = self.dominant(best)
            reason += "; in 5 times the articles of the others it fits (join.dominant-namesake)"
        if not found and len(targets) == 1 and SOLE_NAMESAKE.on:
            (slot,) = targets
            if self.is_established(slot) and genders_agree(mine, self.profile(slot)):
                SOLE_NAMESAKE.fired()
                return slot, "the one full name that fits, in 10 articles or more"
        return (best[0], reason) if len(best) == 1 else None

    def dominant(self, slots: list[int]) -> list[int]:
        """The one of ``slots`` named in ``DOMINANT_RATIO`` times as many articles as each
        other (``DOMINANT_NAMESAKE``), alone; else all of them."""
        spread = {slot: len(self.profile(slot).articles) for slot in slots}
        top = max(slots, key=lambda slot: spread[slot])
        if all(spread[top] >= DOMINANT_RATIO * spread[s] for s in slots if s != top):
            DOMINANT_NAMESAKE.fired()
            return [top]
        return slots

    def is_established(self, slot: int) -> bool:
        """Named in at least ``SOLE_NAMESAKE_ARTICLES`` articles."""
        return len(self.profile(slot).articles) >= SOLE_NAMESAKE_ARTICLES


def _by_article(groups: list[Group]) -> list[list[Group]]:
    """Groups by article, in order of first appearance."""
    pieces: dict[str, list[Group]] = {}
    for group in groups:
        pieces.setdefault(group.article, []).append(group)
    return list(pieces.values())


def _is_first_word_of(keys: set[str], full_name: str) -> bool:
    """Every key is the one word that opens ``full_name`` and does not end it ("jack" of
    "Jack Smith", not "smith")."""
    words = name_tokens(full_name)
    return len(words) > 1 and all(key == words[0] != words[-1] for key in keys)


def _is_rare_family_name(keys: set[str], full_name: str) -> bool:
    """Every key is the rare family name that ends ``full_name`` ("obama" of "Barack Obama":
    not in the census lists, or in them at most ``RARE_SURNAME_PERCENT``; "Wang", "Carney",
    "Clinton" are too common to stand for one person without evidence)."""
    words = name_tokens(full_name)
    return (
        len(words) > 1
        and bool(keys)
        and all(key == words[-1] != words[0] for key in keys)
        and surname_percent(words[-1]) <= RARE_SURNAME_PERCENT
    )


def _initials(name: str) -> set[str]:
    """The initials an acronym of ``name`` could spell (with and without stopwords)."""
    words = content_tokens(name)
    if len(words) < 2 or looks_like_acronym(name):
        return set()
    return {
        "".join(word[0] for word in words),
        "".join(word[0] for word in name_tokens(name) if word != "&"),
    }


def same_name_key(cluster: Cluster) -> str:
    """The key clusters of one entity share across articles: ``without_suffix``, and for an
    organization its last word without a plural "s" ("Ford Motors Co." and "Ford Motor
    Company" agree); a cluster mostly of a country's names, the country's."""
    if cluster.kind in ("place", "organization") and not _is_team(cluster):
        usual = usual_country_name(cluster.most_mentioned_name)
        if usual is not None:  # "Canada", whatever odd longer name its article wrote once
            return canonical_key(name_key(usual))
    key = without_suffix(cluster.name)
    if _kind_family(cluster) != "organization":  # places too, that merge with organizations
        return key
    head, _, last = key.rpartition(" ")
    if head and len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        return f"{head} {last[:-1]}"
    return key


def without_suffix(name: str) -> str:
    """The name key without a trailing corporate suffix ("Apple Inc." and "Apple" agree), a
    country's usual name for its other names ("America" and "United States" agree), and
    American spellings for British ones ("World Health Organisation" and "... Organization",
    "Defence" and "Defense": news agencies write names both ways)."""
    return _without_suffix(name, HYPHEN_SPACE.on)


@functools.lru_cache(maxsize=1 << 17)  # each cluster's name, at every build
def _without_suffix(name: str, hyphen_space: bool) -> str:
    tokens = [_american(token) for token in name_words(name)]
    while len(tokens) > 1 and tokens[-1] in CORPORATE_SUFFIXES:
        tokens.pop()
    return canonical_key(" ".join(tokens))


def _american(word: str) -> str:
    """ "organization" for "organisation", "defense" for "defence"; other words as they are."""
    return BRITISH_WORDS.get(word) or BRITISH_ENDING.sub(r"iz\1", word)
