"""Kind voting: an article's mentions grouped by name, each mention voting for a kind.

Each vote is cast by a rule declared in ``sitegen.resolve.kind_rules`` (its id, description
and examples): spaCy's label, the corpus's labels of an untagged name, a name's own words
(``shape_vote``), a given name first, a title before it, the words around it (``Mention.cue``,
read by ``sitegen.nlp.cues``), a union of states, a plural after "the"; then the corrections
of a group's votes (``_unplace``, ``_break_tie``). The group's kind is the votes' winner
(``sitegen.resolve.clusters.decide_kind``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable

from sitegen.lexicon import (
    COMPASS_WORDS,
    NON_ENTITY_FIRST_WORDS,
    NON_ENTITY_HEADS,
    ORGANIZATION_HEADS,
    PLACE_HEADS,
    TOPONYM_ENDINGS,
    UNIONS_OF_STATES,
    head_word,
    is_common_given_name,
    is_given_name,
    last_word,
)
from sitegen.model import KIND_OF_LABEL, UNLABELLED_NAME, Article, EntityKind, Mention
from sitegen.resolve.clusters import KIND_PRIORITY, Group, decide_kind
from sitegen.resolve.gazetteer import canonical_key, is_known_place, is_state_acronym
from sitegen.resolve.kind_rules import (
    ACRONYM_NOT_PERSON,
    COMPASS_NAME,
    CONTEXT_CUE,
    CORPUS_LABEL,
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
from sitegen.resolve.names import (
    clean_name,
    family_names,
    is_family_plural,
    looks_like_acronym,
    name_key,
)
from sitegen.resolve.person_names import (
    follows_place_preposition,
    has_initials,
    has_person_title,
    is_given_name_in,
    is_untitled_acronym,
    looks_like_full_name,
)

NON_ENTITY_LABELS = frozenset({"PRODUCT", "EVENT", "LAW", "WORK_OF_ART"})
"""spaCy labels that vote against a page ("other")."""
TITLE_VOTE = 2
SHAPE_VOTE = 3
"""Weight of a name's own words: "... Airways" (organization), "... Road" (place), "iPhone"."""
GIVEN_NAME_VOTE = 1
"""Weight of a full name that starts with a common given name ("Annie Oakley")."""
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
UNLABELLED_MIN_TAGS = 2
"""An untagged name counts when spaCy tags it this often elsewhere in the corpus."""
MEETING_HEADS = frozenset({"conference", "convention", "summit", "assembly"})
"""Event words that also name standing bodies when an "of" follows ("Conference of ...")."""
NON_ENTITY_HEADS_BEFORE_OF = NON_ENTITY_HEADS - MEETING_HEADS
"""Head words before an "of" that make a name no entity ("Winter Carnival of Magic")."""


CARDINAL_POINTS = COMPASS_WORDS - {"upper", "lower", "central"}
"""North, south, east and west ("Central Bank" is a bank's name)."""


def _compass_and_head(name: str) -> bool:
    """ "West Bank": a compass point and one more word (``COMPASS_NAME``)."""
    words = name.split()
    return len(words) == 2 and words[0].lower() in CARDINAL_POINTS


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
    return label_view(view_keys(mentions), labels)


def view_keys(mentions: Iterable[Mention]) -> frozenset[str]:
    """The keys whose label counts ``relevant_labels`` reads for these mentions."""
    keys: set[str] = set()
    for mention in mentions:
        keys.add(canonical_key(name_key(mention.text)))
        keys.update(name_key(word) for word in mention.text.split()[:1])
    return frozenset(keys)


def label_view(keys: Iterable[str], labels: dict[str, Counter[str]]) -> LabelView:
    """The label counts of ``keys`` (those counted), as sorted plain data."""
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
    article: Article,
    mentions: list[Mention],
    headlines: frozenset[int],
    labels: dict[str, Counter[str]] | None = None,
) -> list[Group]:
    """Group an article's mentions (``entities.article_mentions``) by name key, with their
    kind votes; ``headlines``: the numbers of its sentences in the headline.

    A name spaCy also labels a product or work ("other") somewhere in the corpus (``labels``,
    by default this article's) gets that share of its mentions as "other" votes. A name it
    left untagged here (``UNLABELLED_NAME``, "Wikinews interviewed ...") counts when the corpus
    tags it elsewhere; it votes only when no tagged mention in the article does."""
    own = label_counts([mentions])
    if labels is None:
        labels = own
    untagged: dict[str, Counter[tuple[str, str]]] = {}
    groups: dict[str, Group] = {}
    families = family_names(clean_name(m.text) for m in mentions if m.label == "PERSON")
    for mention in mentions:
        key = canonical_key(name_key(mention.text))
        if not key or mention.cue == "portfolio":
            continue  # "Defense" of "Deputy Defense Secretary" names no one, joins nothing
        kind, rule_id = _mention_kind(mention, key, labels, families)
        if kind is None:
            continue
        group = groups.setdefault(key, Group(key=key, article=article.id))
        group.mentions.append(mention)
        group.write(clean_name(mention.text))
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
        source.write(clean_name(article.source))
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
    if shape == "organization" and COMPASS_NAME.on and _compass_and_head(name):
        COMPASS_NAME.fired()
        shape = None
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
