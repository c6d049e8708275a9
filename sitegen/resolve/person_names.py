"""Evidence that a name is a person's, read from the name's own words and the text around
it (general evidence, no list of particular people):

- a full name whose first word is a given name, as the text writes it ("Thibaut Vermeulen";
  not "Moon Walk" in a text that writes "the moon");
- a given name written right before another name is one person's name ("Algis" tagged apart
  from "Petrauskas": "Algis Petrauskas");
- letters after a person's name and a comma are an honour, not a name ("Jane Doe, QC");
- initials before a family name are a person's ("K.C. Hollander", "J. R. R. Tolkien");
- an apposition that names a person describes one ("X, an Australian woman");
- an acronym is not a person's name without a title ("OSCE"), and a lower-case word inside a
  place's name is no title ("a united Korea");
- a name written right after a preposition of place is not a person's ("in Paris").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from sitegen.lexicon import (
    DOTTED_ABBREVIATIONS,
    NON_ENTITY_HEADS,
    ORGANIZATION_HEADS,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    POST_NOMINALS,
    is_common_given_name,
    is_given_name,
    is_title,
    last_word,
)
from sitegen.model import PLACE_LABELS, Article, Mention
from sitegen.resolve.names import clean_name, looks_like_acronym

PERSON_LABEL = "PERSON"
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
"""One word of initials: "K.", "K.C.", "J.R.R."."""
NAME_WORD = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*")
"""A capitalized word of a name, not an acronym ("Hollander", "Udvar-Hazy", "O'Neill")."""
PREPOSITION_WINDOW = 20
"""Characters before a name searched for the word right before it."""


def writes_in_lower_case(text: str, word: str) -> bool:
    """ "the moon" in ``text``: ``word`` also written there in lower case, as a common word."""
    pattern = rf"(?<![\w.'’-]){re.escape(word.lower())}(?![\w'’-])"
    return re.search(pattern, text) is not None


def is_given_name_in(word: str, text: str) -> bool:
    """ "Paul", "Thibaut": a given name as ``text`` writes it: a common one of the census
    lists, or one of another country that the text does not also write as a common word
    ("Moon" beside "the moon", "Fan" beside "a fan")."""
    if is_common_given_name(word):
        return True
    return is_given_name(word) and not writes_in_lower_case(text, word)


@functools.lru_cache(maxsize=1 << 16)
def looks_like_full_name(name: str) -> bool:
    """ "Annie Oakley", "Thibaut Vermeulen": two or three capitalized words, the first a given
    name (``is_given_name``): evidence of a person against an organization label (a name
    tagged as a place, "Hong Kong", is not voted on)."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not is_given_name(words[0]):
        return False
    return all(
        word[:1].isupper()
        and word.replace("-", "").replace(".", "").isalpha()
        and not word.isupper()
        for word in words
    )


def person_mentions(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` (in their order) with people's names read again: a given name right
    before another name makes one PERSON mention of the two ("Algis" + "Petrauskas"); a
    post-nominal after a person's name ("Jane Doe, QC") is dropped. (A name described as a
    person right after it, "X, an Australian woman", has the cue "person" from
    ``sitegen.nlp.cues.context_cue``; a reading list's "Surname, Given." is read in
    ``sitegen.nlp.citations``.)"""
    text = article.text
    ordered = sorted(mentions, key=lambda mention: (mention.start, -mention.end))
    joined: dict[int, Mention] = {}
    dropped: set[int] = set()
    for first, second in zip(ordered, ordered[1:], strict=False):
        gap = text[first.end : second.start]
        if id(first) in dropped or gap not in (" ", ", "):
            continue
        person = split_name(text, first, second)
        if person is not None:
            joined[id(first)] = person
            dropped.add(id(second))
        elif is_post_nominal(text, first, second):
            dropped.add(id(second))
    return [joined.get(id(mention), mention) for mention in mentions if id(mention) not in dropped]


def split_name(text: str, first: Mention, second: Mention) -> Mention | None:
    """ "Algis" (untagged) right before "Petrauskas" (tagged a place): a given name and one
    or two more name words with one space between them are one person's name. Not when the
    given name is a word the text also writes in lower case ("Moon", "Fan"), nor a repeated
    word ("Talk Talk"), nor a name whose last word says it is a place's or an
    organization's, nor a place followed by an organization ("Georgia" + "Tech")."""
    if text[first.end : second.start] != " ":
        return None
    given = clean_name(first.text)
    rest = clean_name(second.text).split()
    if not (_is_given_name_word(given, text) and 1 <= len(rest) <= 2):
        return None
    if not all(NAME_WORD.fullmatch(word) for word in rest) or rest[0] == given:
        return None
    if last_word(second.text) in ORGANIZATION_HEADS | PLACE_HEADS | NON_ENTITY_HEADS:
        return None
    if first.label in PLACE_LABELS and second.label == "ORG":
        return None  # "Georgia" + "Tech": a place's name and an organization's word
    return _joined(first, second, text[first.start : second.end])


def is_post_nominal(text: str, name: Mention, after: Mention) -> bool:
    """ "Jane Doe, QC": letters of an honour or a degree written after a person's name and a
    comma (``POST_NOMINALS``) name no entity of their own."""
    letters = clean_name(after.text).replace(".", "").lower()
    return (
        name.label == PERSON_LABEL
        and text[name.end : after.start] == ", "
        and letters in POST_NOMINALS
        and not text[after.end : after.end + 2].startswith(("'", "’"))
    )


def _is_given_name_word(word: str, text: str) -> bool:
    """A capitalized given name ("Thibaut"; not "THIBAUT"), by ``is_given_name_in``."""
    return NAME_WORD.fullmatch(word) is not None and is_given_name_in(word, text)


def _joined(first: Mention, second: Mention, text: str) -> Mention:
    """One PERSON mention from ``first`` to ``second``, written ``text``."""
    return replace(
        first,
        end=second.end,
        text=text,
        label=PERSON_LABEL,
        role=first.role or second.role,
        role_start=first.role_start if first.role else second.role_start,
        role_end=first.role_end if first.role else second.role_end,
        subject=first.subject or second.subject,
        cue="",
    )


@functools.lru_cache(maxsize=1 << 16)
def has_initials(name: str) -> bool:
    """ "K.C. Hollander", "J. R. R. Tolkien", "George W. Bush": initials before a family
    name, after nothing but other initials or a given name. Not "U.S. Steel" (a place's
    abbreviation) nor an acronym alone."""
    words = name.split()
    if not 2 <= len(words) <= 5 or not NAME_WORD.fullmatch(words[-1]):
        return False
    before = words[:-1]
    initials = [word for word in before if INITIALS.fullmatch(word)]
    if not initials or words[0].replace(".", "").lower() in DOTTED_ABBREVIATIONS:
        return False
    return all(
        INITIALS.fullmatch(word) or (position == 0 and is_given_name(word))
        for position, word in enumerate(before)
    )


def is_untitled_acronym(mention: Mention) -> bool:
    """ "OSCE" tagged PERSON with no title nor an age after it: an acronym names an
    organization far more often than a person ("President JFK" keeps its title)."""
    untitled = not mention.title and mention.cue != "person"
    return untitled and looks_like_acronym(clean_name(mention.text))


def has_person_title(mention: Mention) -> bool:
    """A title or honorific before the name ("Mr.", "Premier"), or any lower-case word spaCy
    took into a person's name ("magician David Gish"); not an adjective inside a place's
    name ("a united Korea")."""
    if not mention.title:
        return False
    words = mention.title.split()
    return mention.label == PERSON_LABEL or any(
        is_title(" ".join(words[start:end]))
        for start in range(len(words))
        for end in range(start + 1, len(words) + 1)
    )


def follows_place_preposition(text: str, mention: Mention) -> bool:
    """ "in Paris", "at Gatwick", "in the UAE": the name right after a preposition of place
    (and "the"), where a person's name seldom stands."""
    words = text[max(0, mention.start - PREPOSITION_WINDOW) : mention.start].split()
    if words and words[-1].lower() == "the":
        words.pop()
    return bool(words) and words[-1] in PLACE_PREPOSITIONS
