"""Corrections of spaCy's entity spans: one span that holds two coordinated names or a
person's name inside an organization's, one name tagged as two, common words or a stance
before a name, the head word after it or before its "of", a phrase that belongs to the words
after it.

spaCy tags "North and South Korea" or "Black Widow and Captain America" as one entity,
"Valeska" and "Paris" as two, "Pan-democrat Lam Cheuk-ting" with its descriptor, "Air Force
for Acquisition Darleen Druyun" as one organization, "Arafat" of "the Plains of Arafat"
alone, "Stelle" of "Movimento 5 Stelle (M5S)" alone. These functions find the names from the
tokens' shapes and the dependency parse; "&" and "and" inside one organization's name
("Procter & Gamble", "Securities and Exchange Commission") and a country named by two parts
("Bosnia and Herzegovina") stay one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitegen.lexicon import (
    COMPASS_WORDS,
    ORGANIZATION_HEADS,
    PLACE_HEADS,
    is_given_name,
    one_word_name_gender,
    surname_percent,
    word_set,
)

CONJUNCTIONS = frozenset({"and", "or", "&"})
LEADING_DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'", "’"})
REGION_LABELS = frozenset({"GPE", "LOC"})
"""Labels of places that one name may carry in two pieces ("East" LOC, "West Germany" GPE)."""
JOINED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
"""Labels of names that spaCy may tag in two pieces side by side ("Valeska" "Paris")."""
INSTITUTION_LABELS = frozenset({"ORG", "FAC"})
"""Labels of institutions' names, whose rest spaCy may tag a person ("Art Gallery")."""
DESCRIPTOR_PREFIXES = word_set("descriptor-prefixes")
"""Prefixes of hyphenated words that describe a person ("Pan-democrat", "Co-founder"); a
brand written "Coca-cola" stays whole."""
STANCE_PREFIXES = frozenset({"pro", "anti"})
"""Prefixes of words for a stance towards a name ("pro-Beijing", "anti-Trump")."""
HEAD_WORDS_AFTER = 3
"""How many capitalized words after a name may end in the head word that extends it."""
MAX_ACRONYM_LETTERS = 8
"""Longest acronym in brackets after a name that may extend it (``with_acronym_words``)."""
NUMBERED = re.compile(r"(?P<word>[a-z]+)-\d+")
"""A word numbered with a hyphen ("facility-1")."""
PERSON_SPLIT_PREPOSITIONS = frozenset({"for", "on", "of"})
"""Prepositions of an office's or body's name before or after which spaCy may take in a
person's name ("Air Force for Acquisition Darleen Druyun")."""
CUT_PREPOSITIONS = frozenset({"on", "in", "at", "with", "by", "from", "to"})
"""Prepositions a name may have swallowed with the phrase after it ("Scientology on French
television"); "of" and "for" are left, as names hold them ("Bank of Canada")."""


@dataclass(frozen=True)
class Conjunct:
    """One name of an entity span: its tokens, and the words it shares with the next name."""

    span: Span
    shared: str = ""
    """Words written once for two names ("Korea" of "North and South Korea"), appended to
    this conjunct's name ("North" -> "North Korea"); empty when the span is the whole name."""


def split_coordination(ent: Span) -> list[Conjunct]:
    """The names an entity span holds: two for "North and South Korea" ("North" + "Korea",
    "South Korea") or "Bill and Melinda Gates", two for "Black Widow and Captain America",
    an organization and a person for "Air Force for Acquisition Darleen Druyun"; else the
    span itself."""
    shared = _shared_head_split(ent)
    if shared is not None:
        return shared
    pair = _two_name_split(ent) or _person_and_organization(ent)
    if pair is not None:
        return pair
    return [Conjunct(ent)]


def _person_and_organization(ent: Span) -> list[Conjunct] | None:
    """ "Air Force for Acquisition Darleen Druyun", "Lydia Buchtmann for Food Standards
    Australia": an organization's name that holds a preposition ("for", "on", "of") and a
    person's full name at one end, which spaCy tagged as one organization. The person's name
    is two capitalized words, the first a given name (``_is_full_name``; not "Merrill" of
    "Merrill Lynch")."""
    if ent.label_ != "ORG" or len(ent) < 5:
        return None
    doc = ent.doc
    start = _content_start(ent)
    inner = [t.i for t in doc[start + 1 : ent.end - 1] if t.lower_ in PERSON_SPLIT_PREPOSITIONS]
    if not inner:
        return None
    if ent.end - 2 > inner[-1] + 1 and _is_full_name(doc[ent.end - 2 : ent.end]):
        organization, person = doc[start : ent.end - 2], doc[ent.end - 2 : ent.end]
    elif inner[0] == start + 2 and _is_full_name(doc[start : start + 2]):
        person, organization = doc[start : start + 2], doc[start + 3 : ent.end]
    else:
        return None
    return sorted(
        (
            Conjunct(Span(doc, organization.start, organization.end, label="ORG")),
            Conjunct(Span(doc, person.start, person.end, label="PERSON")),
        ),
        key=lambda conjunct: conjunct.span.start,
    )


def _is_full_name(words: Span) -> bool:
    """A given name and a family name ("Darleen Druyun", "Alia Salem"): the first word far
    more a given name than a family name, or a given name that the census lists give as no
    family name or a very rare one (``surname_percent`` 0.0); not "Merrill Lynch"."""
    first = words[0]
    given = one_word_name_gender(first.text) is not None or (
        is_given_name(first.text) and surname_percent(first.text) == 0.0
    )
    return given and all(_is_name_word(token) for token in words) and not _ends_in_kind_word(words)


def _content_start(ent: Span) -> int:
    """The first token of ``ent`` after a leading "the"."""
    start = ent.start
    while start < ent.end and ent.doc[start].lower_ in LEADING_DETERMINERS:
        start += 1
    return start


def _shared_head_split(ent: Span) -> list[Conjunct] | None:
    """ "North and South Korea", "East and West Germany", "Bill and Melinda Gates": two single
    words joined by a conjunction before the words they share, in one span or in two (spaCy
    tags "East" and "West Germany" apart). The two words must be compass words or common
    given names, so "Securities and Exchange Commission" stays one."""
    doc = ent.doc
    first = _content_start(ent)
    if first + 1 == ent.end:
        shared = _shared_with_next_entity(ent)
        return [Conjunct(ent, shared)] if shared else None
    conjunction, second = first + 1, first + 2
    if second + 1 >= ent.end or doc[conjunction].lower_ not in CONJUNCTIONS:
        return None
    if not _parallel_words(doc[first], doc[second], ent.label_):
        return None
    return [
        Conjunct(
            Span(doc, first, first + 1, label=ent.label), _shared_words(doc[second : ent.end])
        ),
        Conjunct(Span(doc, second, ent.end, label=ent.label)),
    ]


def _shared_with_next_entity(ent: Span) -> str:
    """The words a one-word name shares with the entity of its label right after "and"/"or"
    ("East" and "West Germany": "Germany"), or ""."""
    doc = ent.doc
    after = ent.end + 1
    if after >= len(doc) or doc[ent.end].lower_ not in ("and", "or"):
        return ""
    following = next((other for other in doc.ents if other.start == after), None)
    if following is None or not _same_kind(following, ent) or len(following) < 2:
        return ""
    if not _parallel_words(ent[-1], following[0], following.label_):
        return ""
    return _shared_words(following)


def _same_kind(one: Span, other: Span) -> bool:
    """The same label, or two place labels ("East" LOC, "West Germany" GPE)."""
    return one.label == other.label or {one.label_, other.label_} <= REGION_LABELS


def _parallel_words(first: Token, second: Token, label: str) -> bool:
    """Two compass words ("North", "South"), or two common given names ("Bill", "Melinda") in
    a person's name ("the Mary & Leigh Block Museum" is one)."""
    if first.lower_ in COMPASS_WORDS and second.lower_ in COMPASS_WORDS:
        return True
    given = all(token.is_title and is_given_name(token.text) for token in (first, second))
    return given and label == "PERSON"


def _shared_words(second: Span) -> str:
    """The words after the first of the second name, without a possessive ending."""
    end = len(second)
    while end > 1 and second[end - 1].text in POSSESSIVE_ENDINGS:
        end -= 1
    return second[1:end].text


def _two_name_split(ent: Span) -> list[Conjunct] | None:
    """ "Black Widow and Captain America": two names of two or more capitalized words each,
    joined by "and", the first a complete phrase of its own (its last word heads it and is
    not attached to the second name), and neither ending in a word that makes a name one
    organization's or place's ("National Enforcement and Emergency Management Information
    System", "Air and Space Museum" stay one)."""
    doc = ent.doc
    start = _content_start(ent)
    conjunctions = [token for token in doc[start : ent.end] if token.lower_ in CONJUNCTIONS]
    if len(conjunctions) != 1 or conjunctions[0].lower_ != "and":
        return None
    middle = conjunctions[0].i
    first, second = doc[start:middle], doc[middle + 1 : ent.end]
    if len(first) < 2 or len(second) < 2:
        return None
    if not all(_is_name_word(token) for token in (*first, *second)):
        return None
    if any(_ends_in_kind_word(part) for part in (first, second)):
        return None
    head = first[-1]
    if middle <= head.head.i < ent.end:
        return None  # "Enforcement and Emergency ... System": the first part modifies the second
    if any(token.head.i >= middle for token in first[:-1]):
        return None
    return [
        Conjunct(Span(doc, first.start, first.end, label=ent.label)),
        Conjunct(Span(doc, second.start, second.end, label=ent.label)),
    ]


def _is_name_word(token: Token) -> bool:
    return token.is_title and token.is_alpha


def _ends_in_kind_word(part: Span) -> bool:
    """The last word makes the name an organization's or place's ("... Museum", "... Bank")."""
    return part[-1].lower_ in ORGANIZATION_HEADS or part[-1].lower_ in PLACE_HEADS


def descriptor_end(doc: Doc, start: int, end: int) -> int:
    """The first token of the name in ``doc[start:end]`` after the words that describe it: a
    lower-case word ("magician David Gish"), a prefixed word that ends in one
    ("Pan-democrat Lam Cheuk-ting", "Co-founder Ada Byron") or a stance ("Pro-Beijing DAB";
    ``is_stance_word``), before a capitalized word."""
    while start < end - 1:
        step = _descriptor_length(doc, start) or (3 if is_stance_word(doc, start, end) else 0)
        if not step or start + step >= end or not doc[start + step].text[:1].isupper():
            break
        start += step
    return start


def is_stance_word(doc: Doc, start: int, end: int) -> bool:
    """ "pro-Beijing", "Anti-Trump": a word for a stance towards a name, written with a hyphen
    at ``doc[start]``. Not where the name ends in an organization's head word: "Anti-Defamation
    League", "Pro-Life Alliance" are names."""
    word = doc[start : start + 3]
    if len(word) < 3 or word.end > end or word[0].whitespace_ or word[1].whitespace_:
        return False
    if word[0].lower_ not in STANCE_PREFIXES or word[1].text != "-" or not word[2].is_alpha:
        return False
    return not any(token.lower_ in ORGANIZATION_HEADS for token in doc[start:end])


def _descriptor_length(doc: Doc, start: int) -> int:
    """How many tokens a describing word at ``start`` takes: 1 ("magician"), 3 ("Pan",
    "-", "democrat"), or 0."""
    if doc[start].is_lower and doc[start].is_alpha:
        return 1
    word = doc[start : start + 3]
    joined = len(word) == 3 and not word[0].whitespace_ and not word[1].whitespace_
    if joined and word[0].lower_ in DESCRIPTOR_PREFIXES and word[1].text == "-":
        return 3 if word[2].is_lower and word[2].is_alpha else 0
    return 0


def with_head_word(ent: Span) -> Span:
    """Extend a name over the capitalized words after it that end in an organization's or a
    place's head word: "Qatar" + "Airways" -> ORG "Qatar Airways" (no place page for the
    inner "Qatar"), "Orbiter Processing" + "Facility-1" -> FAC "Orbiter Processing
    Facility-1"."""
    doc = ent.doc
    end = ent.end
    while (
        end < len(doc)
        and end - ent.end < HEAD_WORDS_AFTER
        and doc[end].is_title
        and not doc[end].ent_type_
    ):
        end += 1
        word = _unnumbered(doc[end - 1].lower_)
        if word in ORGANIZATION_HEADS:
            return Span(doc, ent.start, end, label="ORG")
        if word in PLACE_HEADS:
            return Span(doc, ent.start, end, label="FAC")
    return ent


def with_head_before(ent: Span) -> Span:
    """Extend a name back over an untagged head word and "of" before it: "Plains" + "of" +
    "Arafat" -> FAC "Plains of Arafat", "Gulf of" + "Mexico" -> FAC "Gulf of Mexico",
    "University of" + "Zeta" -> ORG "University of Zeta" (spaCy tags the name after "of"
    alone at times). The head word is capitalized and an organization's or a place's
    (``ORGANIZATION_HEADS``, ``PLACE_HEADS``), and capitalized words before it join it
    ("National Museum of ...")."""
    doc = ent.doc
    head = ent.start - 2
    if head < 0 or doc[ent.start - 1].lower_ != "of" or not _untagged_name_word(doc[head]):
        return ent
    word = doc[head].lower_
    if word in ORGANIZATION_HEADS:
        label = "ORG"
    elif word in PLACE_HEADS:
        label = "FAC"
    else:
        return ent
    start = head
    while start > 0 and head - start < HEAD_WORDS_AFTER and _untagged_name_word(doc[start - 1]):
        start -= 1
    return Span(doc, start, ent.end, label=label)


def with_acronym_words(ent: Span) -> Span:
    """Extend a name back over the words its acronym in brackets spells: "Movimento 5" +
    "Stelle (M5S)" -> ORG "Movimento 5 Stelle" (spaCy tagged "5" a number and "Stelle" a
    person). The words before the name are capitalized or numbers, outside other names, and
    with the name's own words their first characters are the acronym's, letter for letter.
    A place keeps its label; any other name so extended is an organization's."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
        return ent
    acronym = doc[ent.end + 1].text
    if not (2 <= len(acronym) <= MAX_ACRONYM_LETTERS and acronym.isalnum() and acronym.isupper()):
        return ent
    start = ent.start
    while start > 0 and ent.start - start < len(acronym) and _acronym_word(doc[start - 1]):
        start -= 1
        words = doc[start : ent.end]
        if "".join(token.text[0] for token in words).upper() == acronym:
            label = ent.label_ if ent.label_ in REGION_LABELS else "ORG"
            return Span(doc, start, ent.end, label=label)
    return ent


def with_doubled_word(ent: Span) -> Span:
    """Extend a one-word name over the same word written again right after it, untagged:
    "Duran" + "Duran" -> "Duran Duran" (spaCy tags the first word alone, a place)."""
    doc = ent.doc
    end = ent.end
    if len(ent) != 1 or end >= len(doc) or doc[end].ent_type_ or doc[end].text != ent[0].text:
        return ent
    return Span(doc, ent.start, end + 1, label=ent.label) if ent[0].is_title else ent


def _acronym_word(token: Token) -> bool:
    """A word an acronym may spell before a name: capitalized, or a number ("5" of
    "Movimento 5 Stelle"), in no other name."""
    outside = not token.ent_type_ or token.ent_type_ in ("CARDINAL", "ORDINAL")
    return outside and (token.is_title and token.is_alpha or token.is_digit)


def _untagged_name_word(token: Token) -> bool:
    """A capitalized word outside every entity."""
    return token.is_title and token.is_alpha and not token.ent_type_


def _unnumbered(word: str) -> str:
    """ "facility" of "facility-1"; other words as they are."""
    numbered = NUMBERED.fullmatch(word)
    return numbered.group("word") if numbered else word


def joined_entities(doc: Doc) -> list[Span]:
    """The Doc's entities, two of one label written next to each other joined where the
    first word modifies the second name ("Valeska" + "Paris" -> "Valeska Paris": places
    are written "Paris, Texas", not side by side)."""
    joined: list[Span] = []
    for ent in doc.ents:
        previous = joined[-1] if joined else None
        if previous is not None and _one_name(previous, ent):
            joined[-1] = Span(doc, previous.start, ent.end, label=ent.label)
        elif previous is not None and _institution_tail(previous, ent):
            joined[-1] = Span(doc, previous.start, ent.end, label=previous.label)
        else:
            joined.append(ent)
    return joined


def _institution_tail(first: Span, second: Span) -> bool:
    """ "the Tang Teaching Museum" + "and" + "Art Gallery": a second name tagged a person's
    that ends in an organization's or a place's head word, right after "and" or "&" after a
    name that ends in one too, is the rest of the first name (no person is named "Art
    Gallery"; "Museum and Art Gallery" is one institution's name)."""
    return (
        first.label_ in INSTITUTION_LABELS
        and second.label_ == "PERSON"
        and second.start == first.end + 1
        and first.doc[first.end].lower_ in ("and", "&")
        and _ends_in_kind_word(first)
        and _ends_in_kind_word(second)
    )


def _one_name(first: Span, second: Span) -> bool:
    return (
        first.end == second.start
        and first.label == second.label
        and first.label_ in JOINED_LABELS
        and first.root.dep_ == "compound"
        and first.root.head in second
    )


def without_trailing_phrase(ent: Span) -> Span:
    """The name without a preposition and adjective that describe a noun after it:
    "Scientology on French" (of "... on French television") -> "Scientology"."""
    last = ent[-1]
    if len(ent) < 3 or last.pos_ != "ADJ" or not (ent.end <= last.head.i and last.head.is_lower):
        return ent
    cuts = [token.i for token in ent[1:-1] if token.lower_ in CUT_PREPOSITIONS]
    return Span(ent.doc, ent.start, cuts[-1], label=ent.label) if cuts else ent
