"""Context cues: the kind the words around a name suggest (``Mention.cue``), read from the
parse ("Zeta, 45," a person; "the town of Zeta" a place; "retailer Zeta" an organization; "the
browser Zeta" a product). ``sitegen.resolve.kinds`` counts a cue as a kind vote
(``kind.context-cue``)."""

from __future__ import annotations

import re

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
    STUDY_HOLDERS,
    TRAVEL_VERBS,
)
from sitegen.model import KIND_OF_LABEL, PLACE_LABELS
from sitegen.nlp.products import is_product_context
from sitegen.nlp.references import copula_attributes
from sitegen.nlp.spans import POSSESSIVE_ENDINGS
from sitegen.nlp.teams import is_team_name

TEAM_LABELS = frozenset({"GPE", "LOC"})
"""spaCy labels of the names a sports team takes from its country or city ("Sweden")."""


def context_cue(doc: Doc, start: int, end: int, label: str) -> str:
    """The kind the words around ``doc[start:end]`` suggest, or "".

    "other" (a product, work or event; ``sitegen.nlp.products.is_product_context``): a
    product noun next to the name ("the browser Zeta"), a version or model number ("Zeta
    2.0", "IE6"), a description as a product ("Zeta, the newest version of ..."), a title
    after "a story called", an edition ("the 22nd Zeta Expo"), ...
    A time zone after a clock time ("16:08 ZT"), a currency code next to an amount ("ZQD 50"),
    and a market index that moves ("the Zeta fell 2%", "the Zeta index", "the Zeta was up 11
    points") are "other" too.

    "portfolio": a portfolio in a title ("Home" in "Home Secretary", "State" in "Secretary
    of State"); it is no mention of a name (``sitegen.resolve.kinds.article_groups``).

    "person": an age in apposition ("Zeta, 45,"), or a noun of a person ("Zeta, an Australian
    woman,"; not for a name tagged a person).

    "people": a people's noun in apposition ("Zeta, a stateless minority of ..."; not for a
    name tagged a person); it votes for no page.

    "team": a country's or city's name on one side of a match ("Zeta defeated Freedonia 1 – 0",
    "Zeta's goalkeeper"; ``sitegen.nlp.teams.is_team_name``); it votes "organization".

    "place": "the town of Zeta", "Zeta, a town in ...", "travelled from Zeta", or a place
    name next to another with a comma between ("Zeta, Freedonia", "in Freedonia, Zeta, ...").

    "person" or "organization": an occupation or a kind of organization right before the name
    ("fashion designer Zeta", "retailer Zeta"; ``_descriptor_kind``); "person": the name is
    the subject of "is a <occupation>" (``_predicate_kind``); "organization": an online
    service ("his Zeta account", "said on Zeta"; ``_service_kind``); the kind of the other
    names of a list (``_conjunct_kind``).
    """
    if _is_portfolio(doc, start, end):
        return "portfolio"
    if (
        is_product_context(doc, start, end, label)
        or _is_time_zone(doc, start, end)
        or _is_currency(doc, start, end)
        or _is_market_index(doc, start, end)
        or (label not in PLACE_LABELS and _is_field_of_study(doc, start, end))
    ):
        return "other"
    appositive = _appositive_noun(doc, start, end)
    if _has_age(doc, end) or (label != "PERSON" and appositive in PERSON_NOUNS):
        return "person"  # "Zeta, 45,", "Zeta, a former actor,"
    if label != "PERSON" and appositive in PEOPLE_NOUNS:
        return "people"  # "Zeta, a stateless minority of ..."
    if label in TEAM_LABELS and is_team_name(doc, start, end):
        return "team"
    if _is_place_context(doc, start, end, label, appositive):
        return "place"
    return (
        _descriptor_kind(doc, start, end)
        or _predicate_kind(doc, start, end)
        or _service_kind(doc, start, end, label)
        or _conjunct_kind(doc, start, end, label)
    )


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


PLACE_NOUNS = frozenset(
    """city town village hamlet province region district county state capital port suburb
    municipality prefecture island""".split()
)
"""Nouns of "the town of Zeta"."""
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
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS:
        return True
    full_name = label == "PERSON" and end - start > 1
    if not full_name and (appositive in PLACE_NOUNS or _is_travelled(doc[start:end].root)):
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
