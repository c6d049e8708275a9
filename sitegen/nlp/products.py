"""Product, work and event evidence: the words around a name that make it a product, a work
or one edition of an event ("the browser X", "X 2.0", "Acme launched X", "the 22nd X"),
which gets no entity page."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitegen.lexicon import (
    DESCRIBED_PRODUCT_NOUNS,
    NAMING_VERBS,
    NON_ENTITY_FIRST_WORDS,
    PRODUCT_LAUNCH_VERBS,
    PRODUCT_NOUNS,
    TITLE_NOUNS,
    is_given_name,
)
from sitegen.model import PLACE_LABELS, Mention
from sitegen.nlp.references import copula_attributes

CODELESS_LABELS = frozenset({"PERSON", "GPE", "LOC"})
"""spaCy labels of names that never hold a model code (a person's, a country's or city's)."""
ORDINAL = re.compile(r"\d+(st|nd|rd|th)", re.IGNORECASE)
YEAR = re.compile(r"(1[89]|20)\d\d")
MODEL_CODE_LETTERS = re.compile(r"([A-Za-z]{2,})\d+")
"""A model code of letters then digits, its letters apart ("IE" of "IE6"; not "A" of "A380")."""


def is_product_context(doc: Doc, start: int, end: int, label: str) -> bool:
    """The words around ``doc[start:end]`` make the name a product, a work or an event: a
    product noun next to it ("the browser Zeta", "the Zeta web browser"), a version after it
    ("Zeta 2.0", "version 3 of Zeta"), the object of "launch"/"unveil"/"release", a model
    code inside a name tagged a person or place ("ZX81"), a model number before a noun of
    goods ("Zeta 900 engines"), a description as a product ("Zeta, the newest version of
    ...", "Zeta is a space capsule"), a title after "called" ("a story called Zeta"), or an
    edition of an event ("the 22nd Zeta", "Zeta 2016")."""
    name = doc[start:end]
    return (
        _has_product_noun(doc, start, end)
        or _has_version(doc, start, end)
        or _is_launched(name, label)
        or _has_model_code(name, label)
        or _is_model_of_goods(name)
        or _is_described_as_product(name)
        or _is_called_title(name)
        or _is_edition(name)
    )


def _has_product_noun(doc: Doc, start: int, end: int) -> bool:
    """ "the browser Zeta", "Zeta browser", "the Zeta web browser"."""
    after = [token for token in doc[end : end + 2]]
    if after and after[0].lower_ in PRODUCT_NOUNS and after[0].is_lower:
        return True
    if (
        len(after) == 2
        and after[0].is_lower
        and after[0].is_alpha
        and after[1].lower_ in PRODUCT_NOUNS
        and after[1].is_lower
    ):
        return True  # "Zeta web browser"
    return start > 0 and doc[start - 1].lower_ in PRODUCT_NOUNS and doc[start - 1].is_lower


def _has_version(doc: Doc, start: int, end: int) -> bool:
    """ "Zeta 2.0", "version 3 of Zeta"."""
    if end < len(doc) and is_version_number(doc[end].text):
        return True
    return (
        start >= 3
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].like_num
        and doc[start - 3].lower_ == "version"
    )


def _is_launched(name: Span, label: str) -> bool:
    """ "Acme launched Zeta" (but "they released Gilad": a hostage)."""
    root = name.root
    if root.dep_ == "dobj" and root.head.lemma_ in PRODUCT_LAUNCH_VERBS:
        return label != "PERSON" or root.head.lemma_ != "release"
    return False


def _has_model_code(name: Span, label: str) -> bool:
    """ "IE6", "STS-134", "ZX81": a word of letters and digits in a name tagged a person or a
    place, which have none (an organization may: "3M", "G20")."""
    return label in CODELESS_LABELS and any(_is_model_code(token.text) for token in name)


def _is_model_of_goods(name: Span) -> bool:
    """ "four Zeta Trent 900 engines", "Zeta A380 aircraft": a name that ends in a model
    number or code, before a noun of goods."""
    doc = name.doc
    model = name[-1].text
    if not (model.isdigit() or _is_model_code(model)) or name.end >= len(doc):
        return False
    noun = doc[name.end]
    return noun.is_lower and noun.lemma_ in DESCRIBED_PRODUCT_NOUNS


def _is_model_code(word: str) -> bool:
    """Letters and digits in one word, not an ordinal ("A380", "IE6"; not "22nd")."""
    if not (any(char.isdigit() for char in word) and any(char.isalpha() for char in word)):
        return False
    return ORDINAL.fullmatch(word) is None


def _is_described_as_product(name: Span) -> bool:
    """ "Zeta, the newest version of ...", "the capsule, Zeta", "Zeta is a space capsule": an
    appositive or the attribute of "be" whose head noun says what kind of product it is."""
    after = name.doc[name.end] if name.end < len(name.doc) else None
    if after is not None and (after.like_num or after.pos_ == "PROPN"):
        return False  # "The Boeing 717 was the last plane": the name of a longer name
    return any(
        noun.pos_ == "NOUN" and noun.lemma_.lower() in DESCRIBED_PRODUCT_NOUNS
        for noun in _descriptions(name)
    )


def _descriptions(name: Span) -> list[Token]:
    """The head nouns that describe a name: its appositives, the noun it is in apposition
    to, and the attribute of "be" when it is the subject."""
    root = name.root
    found = [child for child in root.children if child.dep_ == "appos" and child not in name]
    if root.dep_ == "appos" and root.head not in name:
        found.append(root.head)
    found.extend(copula_attributes(root))
    return found


def _is_called_title(name: Span) -> bool:
    """ "a story called Zeta", "the album titled Zeta": the name after a participle of naming
    that describes a noun of works or products."""
    verb = name.root.head
    return (
        verb.lemma_.lower() in NAMING_VERBS
        and verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and verb.head.lemma_.lower() in TITLE_NOUNS
    )


def _is_edition(name: Span) -> bool:
    """ "the 22nd Zeta Expo", "Zeta Expo 2016": an ordinal or a year that counts the name
    itself (its dependency head is in the name), so the name is an event held again and
    again; "the 60th Zeta conference" counts the conference, not Zeta."""
    doc = name.doc
    start = name.start
    while start < name.end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    before = doc[start - 1] if start > 0 else None
    after = doc[name.end] if name.end < len(doc) else None
    counted = [
        token
        for token in (before, after)
        if token is not None and token.head in name and _counts_editions(token)
    ]
    return bool(counted)


def _counts_editions(token: Token) -> bool:
    """An ordinal in figures ("22nd") or a year ("2016")."""
    return ORDINAL.fullmatch(token.text) is not None or YEAR.fullmatch(token.text) is not None


def is_version_number(text: str) -> bool:
    """ "2.0", "3.5.1": digits with dots (not a year or a count)."""
    parts = text.split(".")
    return len(parts) >= 2 and all(part.isdigit() for part in parts)


def mark_short_names_of_things(mentions: Iterable[Mention]) -> list[Mention]:
    """One article's mentions, those of a short name of a thing in the article with the
    "other" cue: the name that ends the name of a vehicle, storm or operation ("Phailin"
    after "Cyclone Phailin", "Columbia" after "Space Shuttle Columbia"), the name after the
    maker's in a name spaCy tags a product ("Chrome" after "Google Chrome"), and the letters
    of a model code that is a thing's ("IE" beside "IE6")."""
    mentions = list(mentions)
    short = set().union(*(_short_names(mention) for mention in mentions))
    products = set().union(*(_product_short_names(mention) for mention in mentions))
    return [
        replace(mention, cue="other") if _is_short_name(mention, short, products) else mention
        for mention in mentions
    ]


def _is_short_name(mention: Mention, short: set[str], products: set[str]) -> bool:
    """A product's short name is never a place's: "Canada" of "Air Canada", which spaCy may
    tag a product, is still the country."""
    name = " ".join(mention.text.split())
    if mention.cue:
        return False
    return name in short or (name in products and mention.label not in PLACE_LABELS)


def _short_names(mention: Mention) -> set[str]:
    """The short names of a vehicle's, storm's or operation's name, and the letters of a
    thing's model code (``mark_short_names_of_things``)."""
    words = mention.text.split()
    if mention.cue == "other" and len(words) == 1:
        letters = MODEL_CODE_LETTERS.fullmatch(words[0])
        return {letters.group(1)} if letters else set()
    return _vehicle_short_names(words)


def _product_short_names(mention: Mention) -> set[str]:
    """ "Chrome" of "Google Chrome", "Explorer" of "Internet Explorer 6": the words after the
    first of a name spaCy tags a product (the maker's name, or a word of the product's),
    without a version. Not when the first word is a given name: spaCy tags a few people's
    names as products."""
    words = mention.text.split() if mention.label == "PRODUCT" else []
    while words and (words[-1].isdigit() or is_version_number(words[-1])):
        words = words[:-1]
    if len(words) < 2 or is_given_name(words[0]):
        return set()
    return {" ".join(words[1:])}


def _vehicle_short_names(words: list[str]) -> set[str]:
    """ "Phailin" of "Cyclone Phailin"; "Columbia" of "Space Shuttle Columbia" (not "Shuttle
    Columbia"); "Desert Storm" and "Storm" of "Operation Desert Storm": the last words of a
    name that starts with words of vehicles or events, after those words."""
    if len(words) < 2 or words[0].lower() not in NON_ENTITY_FIRST_WORDS:
        return set()
    lead = 1
    while lead < len(words) and words[lead].lower() in NON_ENTITY_FIRST_WORDS:
        lead += 1
    return {" ".join(words[start:]) for start in range(lead, len(words))}
