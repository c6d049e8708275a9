"""Context cues: the kind the words around a name suggest (``Mention.cue``), read from the
parse ("Zeta, 45," a person; "the town of Zeta" a place; "retailer Zeta" an organization; "the
browser Zeta" a product). ``sitegen.resolve.kinds`` counts a cue as a kind vote
(``kind.context-cue``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitegen.lexicon import (
    DOTTED_ABBREVIATIONS,
    MARKET_MOVE_UNITS,
    MARKET_MOVE_VERBS,
    MESSAGE_NOUNS,
    ORGANIZATION_DESCRIPTORS,
    ORGANIZATION_HEADS,
    PEOPLE_NOUNS,
    PERSON_DESCRIPTORS,
    PERSON_NOUNS,
    PORTFOLIO_TITLES,
    POSTING_VERBS,
    SAYING_ON,
    SERVICE_NOUNS,
    SETTLEMENT_NOUNS,
    STUDY_HOLDERS,
    TRAVEL_VERBS,
)
from sitegen.model import KIND_OF_LABEL, PLACE_LABELS
from sitegen.nlp.cue_rules import (
    CUE_AGE,
    CUE_CURRENCY,
    CUE_DESCRIPTOR,
    CUE_FIELD_OF_STUDY,
    CUE_LIST_KIND,
    CUE_MARKET_INDEX,
    CUE_ONLINE_SERVICE,
    CUE_PEOPLE_APPOSITIVE,
    CUE_PERSON_APPOSITIVE,
    CUE_PLACE,
    CUE_PORTFOLIO,
    CUE_PREDICATE,
    CUE_PRODUCT,
    CUE_TEAM_SIDE,
    CUE_TIME_ZONE,
)
from sitegen.nlp.products import is_product_context
from sitegen.nlp.references import copula_attributes
from sitegen.nlp.spans import POSSESSIVE_ENDINGS
from sitegen.nlp.teams import is_team_name
from sitegen.rules import Rule

TEAM_LABELS = frozenset({"GPE", "LOC"})
"""spaCy labels of the names a sports team takes from its country or city ("Sweden")."""


@dataclass
class Around:
    """A name ``doc[start:end]`` tagged ``label``, and what the cues ask of the words around it."""

    doc: Doc
    start: int
    end: int
    label: str

    @functools.cached_property
    def appositive(self) -> str:
        """The noun of an apposition after the name (``_appositive_noun``), asked once."""
        return _appositive_noun(self.doc, self.start, self.end)


def _portfolio(a: Around) -> str:
    return "portfolio" if _is_portfolio(a.doc, a.start, a.end) else ""


def _product(a: Around) -> str:
    return "other" if is_product_context(a.doc, a.start, a.end, a.label) else ""


def _time_zone(a: Around) -> str:
    return "other" if _is_time_zone(a.doc, a.start, a.end) else ""


def _currency(a: Around) -> str:
    return "other" if _is_currency(a.doc, a.start, a.end) else ""


def _market_index(a: Around) -> str:
    return "other" if _is_market_index(a.doc, a.start, a.end) else ""


def _field_of_study(a: Around) -> str:
    field = a.label not in PLACE_LABELS and _is_field_of_study(a.doc, a.start, a.end)
    return "other" if field else ""


def _age(a: Around) -> str:
    return "person" if _has_age(a.doc, a.end) else ""  # "Zeta, 45,"


def _person_appositive(a: Around) -> str:
    return "person" if a.label != "PERSON" and a.appositive in PERSON_NOUNS else ""


def _people_appositive(a: Around) -> str:
    return "people" if a.label != "PERSON" and a.appositive in PEOPLE_NOUNS else ""


def _team_side(a: Around) -> str:
    team = a.label in TEAM_LABELS and is_team_name(a.doc, a.start, a.end)
    return "team" if team else ""


def _place(a: Around) -> str:
    place = _is_place_context(a.doc, a.start, a.end, a.label, a.appositive)
    return "place" if place else ""


CUES: tuple[tuple[Rule, Callable[[Around], str]], ...] = (
    (CUE_PORTFOLIO, _portfolio),
    (CUE_PRODUCT, _product),
    (CUE_TIME_ZONE, _time_zone),
    (CUE_CURRENCY, _currency),
    (CUE_MARKET_INDEX, _market_index),
    (CUE_FIELD_OF_STUDY, _field_of_study),
    (CUE_AGE, _age),
    (CUE_PERSON_APPOSITIVE, _person_appositive),
    (CUE_PEOPLE_APPOSITIVE, _people_appositive),
    (CUE_TEAM_SIDE, _team_side),
    (CUE_PLACE, _place),
    (CUE_DESCRIPTOR, lambda a: _descriptor_kind(a.doc, a.start, a.end)),
    (CUE_PREDICATE, lambda a: _predicate_kind(a.doc, a.start, a.end)),
    (CUE_ONLINE_SERVICE, lambda a: _service_kind(a.doc, a.start, a.end, a.label)),
    (CUE_LIST_KIND, lambda a: _conjunct_kind(a.doc, a.start, a.end, a.label)),
)
"""The context cues in the order they are asked (``sitegen.nlp.cue_rules``): the first that
finds its words decides. A portfolio's word first (no name at all); then what makes a name no
page's (a product, a time zone, a currency, a market index, a field of study); then an age or
a noun in apposition, a side of a match, a place's words; then the words before or after
it (an occupation, "is a writer", an online service) and the names listed with it."""


def context_cue(doc: Doc, start: int, end: int, label: str) -> str:
    """The kind the words around ``doc[start:end]`` (tagged ``label``) suggest, or "": the
    first of ``CUES`` switched on that finds its words, counted as that rule's decision.

    "other": a product, work or event, a time zone, a currency, a market index or a field of
    study; no page. "portfolio": a portfolio in a title ("Home" in "Home Secretary"); no
    mention of a name (``sitegen.resolve.kinds.article_groups``). "people": a people; no page.
    "team": a country's or city's name on one side of a match; it votes "organization".
    "person", "organization", "place": that kind.
    """
    around = Around(doc, start, end, label)
    for cue, check in CUES:
        if not cue.on:
            continue
        kind = check(around)
        if kind:
            cue.fired()
            return kind
    return ""


LIST_PUNCTUATION = frozenset({",", "and", "&", "/"})
"""Words between the names of a list ("A, B and C / D")."""


def _is_field_of_study(doc: Doc, start: int, end: int) -> bool:
    """ "Professor in Educational Leadership, Sport Studies and Educational / Counseling
    Psychology": a name in the list of capitalized words right after "in" or "of" after a
    word of study (``STUDY_HOLDERS``) is a field, not an organization. "Professor of the
    University of Zeta" is not: a lower-case word ends the list; nor an owner ("Professor in
    Zeta's Department of ...") or a name that ends in an organization's word ("Zeta
    College"). (Not asked of a name tagged a place: "a degree in Zeta" is where it was
    taken.)"""
    owner = end < len(doc) and doc[end].text in POSSESSIVE_ENDINGS
    if owner or doc[end - 1].lower_ in ORGANIZATION_HEADS:
        return False  # "Professor in Zeta's Department of ...", "a lecturer in Zeta College"
    position = start - 1
    while position > 0 and (doc[position].is_title or doc[position].lower_ in LIST_PUNCTUATION):
        position -= 1
    return (
        position > 0
        and doc[position].lower_ in ("in", "of")
        and doc[position - 1].lower_ in STUDY_HOLDERS
    )


def _service_kind(doc: Doc, start: int, end: int, label: str) -> str:
    """ "organization" for an online service, named by what it holds ("his Zeta account", "a
    Zeta post", "the Zeta video") or as where things are put ("posted to Zeta", "said on
    Zeta", "messages on Zeta"). Never a person's full name."""
    if label == "PERSON" and end - start > 1:
        return ""
    root = doc[start:end].root
    head = root.head
    if root.dep_ == "compound" and head.i >= end and head.lower_ in SERVICE_NOUNS:
        return "organization"
    if root.dep_ != "pobj" or head.dep_ != "prep":
        return ""
    holder = head.head
    lemma = holder.lemma_.lower()
    if head.lower_ == "to":  # "posted (a photo) to Zeta", not "posted a letter to Zeta"
        if holder.pos_ == "NOUN" and lemma in MESSAGE_NOUNS and holder.dep_ == "dobj":
            holder, lemma = holder.head, holder.head.lemma_.lower()  # "a photo to Zeta"
        objects = [child for child in holder.children if child.dep_ == "dobj"]
        messages = all(child.lemma_.lower() in MESSAGE_NOUNS for child in objects)
        posted = holder.pos_ == "VERB" and lemma in POSTING_VERBS
        return "organization" if posted and messages else ""
    if head.lower_ in ("on", "via"):
        said = holder.pos_ == "VERB" and lemma in SAYING_ON
        message = holder.pos_ == "NOUN" and lemma in MESSAGE_NOUNS
        return "organization" if said or message else ""
    return ""


CONJUNCT_KINDS: dict[str, str] = KIND_OF_LABEL | dict.fromkeys(
    ("PRODUCT", "WORK_OF_ART", "EVENT"), "other"
)
"""The kind a tagged name in a list gives the other names of the list (``_conjunct_kind``)."""
MIN_CONJUNCTS = 2
"""Tagged names a list needs besides the name for their kind to count."""


def _conjunct_kind(doc: Doc, start: int, end: int, label: str) -> str:
    """The kind of the other names of a list the name is in, when at least ``MIN_CONJUNCTS``
    of them are tagged, all of one kind, and spaCy tags this one otherwise ("Zeus, Hera,
    Poseidon and Athena": Athena, tagged ORG, is named among people). Not for a name tagged
    a place: "McMinnville, Oregon, and Texas A&M" is no list of three organizations."""
    if label in PLACE_LABELS:
        return ""
    top = doc[start:end].root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    members, stack = [], [top]
    while stack:
        token = stack.pop()
        members.append(token)
        stack.extend(child for child in token.children if child.dep_ == "conj")
    others = [
        CONJUNCT_KINDS[token.ent_type_]
        for token in members
        if not start <= token.i < end and token.ent_type_ in CONJUNCT_KINDS
    ]
    if len(others) < MIN_CONJUNCTS or len(set(others)) != 1:
        return ""
    return "" if others[0] == CONJUNCT_KINDS.get(label) else others[0]


def _predicate_kind(doc: Doc, start: int, end: int) -> str:
    """ "person" when the name is the subject of "is a/an ... <occupation or person>" ("Zeta
    is an Israeli mathematician and writer", "Zeta was the first guy to ..."): the noun after
    the copula or one joined to it."""
    nouns = [noun for noun in copula_attributes(doc[start:end].root) if noun.tag_ == "NN"]
    nouns += [conj for noun in nouns for conj in noun.children if conj.dep_ == "conj"]
    return "person" if any(noun.lower_ in PERSON_NOUNS for noun in nouns) else ""


def _descriptor_kind(doc: Doc, start: int, end: int) -> str:
    """ "person" after an occupation ("fashion designer Zeta", "goalkeeper Anna Zeta"),
    "organization" after a kind of organization ("retailer Zeta", "the magazine Zeta"): a
    lower-case noun right before the name that the parse makes its modifier or the head of its
    apposition ("the website, Zeta" is not)."""
    if start == 0:
        return ""
    noun = doc[start - 1]
    if not noun.is_lower or noun.tag_ != "NN":
        return ""
    root = doc[start:end].root
    modifies = noun.dep_ == "compound" and start <= noun.head.i < end
    if not modifies and not (root.dep_ == "appos" and root.head.i == noun.i):
        return ""
    if noun.lower_ in PERSON_DESCRIPTORS:
        return "person"
    if noun.lower_ in ORGANIZATION_DESCRIPTORS:
        return "organization"
    return ""


LOCATIVE_PREPOSITIONS = frozenset({"in", "from", "to", "at", "near", "outside", "of"})
TRAVEL_PREPOSITIONS = frozenset({"to", "from", "into"})


def _is_place_context(doc: Doc, start: int, end: int, label: str, appositive: str) -> bool:
    """ "the town of Zeta", "Zeta, a small town near ..." (a place noun in apposition:
    ``appositive``, the noun ``_appositive_noun`` finds), "flew to Zeta" (``_is_travelled``),
    "Zeta, Freedonia" (Freedonia tagged a place, not "Freedonia's"), "in Freedonia, Zeta," (a
    place after a locative preposition, then the name, then a comma or the end of the
    sentence).
    Never for a name tagged as a person's full name ("Anna Zeta, Freedonia" in a list of
    athletes; "in Freedonia, Anna Zeta, a lawyer, ...")."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in SETTLEMENT_NOUNS:
        return True
    full_name = label == "PERSON" and end - start > 1
    if not full_name and (appositive in SETTLEMENT_NOUNS or _is_travelled(doc[start:end].root)):
        return True
    if (
        not full_name
        and end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].ent_type_ == "GPE"
    ):
        after = end + 2  # past the place's first token, then its other tokens
        while after < len(doc) and doc[after].ent_iob_ == "I":
            after += 1
        if after >= len(doc) or doc[after].text not in ("'s", "’s", "-", "'", "’"):
            return True
    if (
        not full_name
        and start >= 3
        and doc[start - 1].text == ","
        and doc[start - 2].ent_type_ == "GPE"
    ):
        first = start - 2
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        closes = end >= len(doc) or doc[end].is_punct
        return closes and first > 0 and doc[first - 1].lower_ in LOCATIVE_PREPOSITIONS
    return False


def _is_travelled(root: Token) -> bool:
    """ "travel 500 miles from Zeta", "flew to Zeta": the name is where a verb of travel
    (``TRAVEL_VERBS``) goes to or comes from."""
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ not in TRAVEL_PREPOSITIONS:
        return False
    verb = preposition.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in TRAVEL_VERBS


def _appositive_noun(doc: Doc, start: int, end: int) -> str:
    """The noun of an apposition after the name, lower case ("town" of "Zeta, a small town
    near ...", "woman" of "Zeta, an Australian woman, ..."), or "". The last name of a list
    takes the apposition right after it that the parse gives the list's first ("Bangladeshis
    and Zeta, a stateless minority")."""
    root = doc[start:end].root
    nouns = [child for child in root.children if child.dep_ == "appos" and child.i >= end]
    if not nouns and root.dep_ == "conj" and end < len(doc) and doc[end].text == ",":
        nouns = [
            child
            for child in root.head.children
            if child.dep_ == "appos" and child.left_edge.i == end + 1
        ]
    return nouns[0].lower_ if nouns else ""


def _has_age(doc: Doc, end: int) -> bool:
    """ "Zeta, 45, said": a number from 1 to 119 between commas right after the name."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text not in (",", ")"):
        return False
    age = doc[end + 1].text
    return age.isdigit() and 0 < int(age) < 120


CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}|[ap]\.?m\.?", re.IGNORECASE)
"""A clock time as one token ("16:08", "9.30", "p.m.")."""


def _is_time_zone(doc: Doc, start: int, end: int) -> bool:
    """ "16:08 ZT", "9 p.m. ZT": one upper-case word of 2-5 letters right after a time."""
    word = doc[start].text
    if end - start != 1 or start == 0 or not (2 <= len(word) <= 5 and word.isupper()):
        return False
    return word.isalpha() and CLOCK_TIME.fullmatch(doc[start - 1].text) is not None


INDEX_NOUNS = frozenset({"index", "indices", "indexes", "average"})


def _is_currency(doc: Doc, start: int, end: int) -> bool:
    """ "$249 USD", "USD 23 billion": a three-letter code next to an amount; "a 30 GB
    edition": a two-letter unit after a number in digits (not a place's abbreviation: "2 US
    soldiers")."""
    word = doc[start].text
    if end - start != 1 or not (word.isalpha() and word.isupper()):
        return False
    before = doc[start - 1] if start > 0 else None
    if len(word) == 2:
        digits = before is not None and before.text.replace(",", "").isdigit()
        return digits and word.lower() not in DOTTED_ABBREVIATIONS
    if len(word) != 3:
        return False
    after = doc[end] if end < len(doc) else None
    amount_after = after is not None and (after.like_num or after.is_currency)
    amount_before = before is not None and (before.like_num or before.is_currency)
    return amount_after or amount_before


def _is_market_index(doc: Doc, start: int, end: int) -> bool:
    """ "the Zeta index", "the Zeta fell 2%", "the Zeta was down 3 points", "with the Zeta
    losing 11%": a name followed by "index"/"average", or the subject of a verb of market
    movement that moves by a percentage or points; a number written after the name is part
    of the index's name ("the Zeta 500 index", "the Zeta's 500 plunged 30 points")."""
    root = doc[start:end].root
    number = _index_number(doc, end)
    if number is not None and root.head == number:
        root, end = number, number.i + 1
    if (
        end < len(doc)
        and start > 0
        and doc[start - 1].lower_ == "the"
        and doc[end].lower_ in INDEX_NOUNS
    ):
        return True
    if root.dep_ == "appos" and root.head.lower_ in INDEX_NOUNS:
        return True  # "the primary index, the Zeta 100, ..."
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    up_or_down = any(child.lower_ in ("up", "down") for child in verb.children)
    moves = verb.lemma_ in MARKET_MOVE_VERBS or (verb.lemma_ in ("be", "go") and up_or_down)
    if not moves:
        return False
    units = {token.lower_ for token in verb.subtree if token.i >= end}
    return bool(units & MARKET_MOVE_UNITS)


def _index_number(doc: Doc, end: int) -> Token | None:
    """The number right after a name, past a possessive ("Zeta's 500"), or None."""
    if end < len(doc) and doc[end].text in POSSESSIVE_ENDINGS:
        end += 1
    return doc[end] if end < len(doc) and doc[end].like_num else None


def _is_portfolio(doc: Doc, start: int, end: int) -> bool:
    """ "Home Secretary", "Shadow Home Secretary", "Secretary of State", "Minister for
    Education": name words that only say which portfolio a title holds."""
    if any(token.lower_ in ORGANIZATION_HEADS for token in doc[start:end]):
        return False  # "Defence Ministry", "Department of State"
    if end < len(doc) and doc[end].lower_ in PORTFOLIO_TITLES:
        return True
    return (
        start >= 2
        and doc[start - 1].lower_ in ("of", "for")
        and doc[start - 2].lower_ in PORTFOLIO_TITLES
    )
