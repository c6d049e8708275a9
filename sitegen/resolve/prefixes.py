"""Words spaCy takes into a name that are not part of it, read off the mentions of an article.

Real archives are noisy: a map template's place word opens the text ("USA Barack Obama, the US
President, ..."), a modifier is tagged with the country it modifies ("Catholic Italy",
"Particularly Egypt", "west China"), a town and its country run together ("fired from Taibeh
Lebanon"), and interviews label their speakers ("((WN)) Given that ...", "DS: You are ...").
Each would otherwise make an odd name that joins, across the archive, the name it holds.

- ``span.place-modifier``: a place's name (spaCy's GPE/LOC) of two words or more that ends in a
  country's or a US state's name and is not itself a place the gazetteer knows is a mention
  of that country; a known place before it ("Victoria Australia") is a mention of its own.
- ``span.name-before-full-name``: a country's name or an acronym run into a person's full name
  ("USA Barack Obama", "UN Mike Smith", tagged a person's name) is two mentions.
- ``span.interview-speaker-label``: a name in double brackets ("((WN))"), or a short name
  followed by a colon at the start of a paragraph and used so at least twice in the article,
  is a speaker's label, no mention.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from sitegen.lexicon import is_given_name
from sitegen.model import Article, Mention
from sitegen.resolve.gazetteer import is_country_or_state, is_known_place
from sitegen.resolve.names import looks_like_acronym
from sitegen.resolve.nested import inner_mention
from sitegen.rules import rule

PLACE_LABELS = frozenset({"GPE", "LOC"})
MAX_SPEAKER_LABEL_WORDS = 3
LABEL_AFTER = re.compile(r"\)\)|:")

PLACE_MODIFIER = rule(
    "span.place-modifier",
    "span",
    "A place's name ending in a country's or US state's that the gazetteer does not know as a "
    "whole is a mention of the country ('Catholic Italy', 'west China'); a known place before "
    "it is a mention of its own ('Victoria Australia').",
    examples=[
        {
            "text": "He lived in Catholic Italy for years.",
            "mention": "Catholic Italy",
            "becomes": ["Italy"],
        },
        {
            "text": "Troops moved into Western Afghanistan.",
            "mention": "Western Afghanistan",
            "becomes": ["Afghanistan"],
        },
    ],
)
NAME_BEFORE_FULL_NAME = rule(
    "span.name-before-full-name",
    "span",
    "A country's name or an acronym run into a person's full name is two mentions ('USA "
    "Barack Obama', 'UN Mike Smith').",
    examples=[
        {
            "text": "USA Barack Obama, the US President, has announced a budget plan.",
            "mention": "USA Barack Obama",
            "becomes": ["USA", "Barack Obama"],
        }
    ],
)
SPEAKER_LABEL = rule(
    "span.interview-speaker-label",
    "span",
    "A name in double brackets ('((WN))'), or a short name and a colon opening two paragraphs "
    "or more of an article, is a speaker's label in an interview, no mention.",
    examples=[
        {
            "text": "((WN)) How did it start?\n\nIt started in 1982.\n\n((WN)) And then?",
            "mention": "WN",
            "becomes": [],
        }
    ],
)


def without_prefixes(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with speakers' labels dropped, modifiers cut from places' names and names
    run into a person's full name split (see the module's docstring)."""
    labels = speaker_labels(article, mentions) if SPEAKER_LABEL.on else set()
    found: list[Mention] = []
    for mention in mentions:
        if mention.start in labels:
            SPEAKER_LABEL.fired()
            continue
        found.extend(_split(mention))
    return found


def speaker_labels(article: Article, mentions: Sequence[Mention]) -> set[int]:
    """The starts of the mentions that are speakers' labels."""
    text = article.text
    block_starts = {block.start for block in article.blocks}
    opening: Counter[str] = Counter()
    candidates: list[Mention] = []
    for mention in mentions:
        if len(mention.text.split()) > MAX_SPEAKER_LABEL_WORDS:
            continue
        before = text[max(0, mention.start - 2) : mention.start]
        after = text[mention.end : mention.end + 2]
        if before == "((" and after == "))":
            candidates.append(mention)
            opening[mention.text] += 2  # the brackets are a label's, however often
        elif after[:1] == ":" and _opens_a_block(text, mention.start, block_starts):
            candidates.append(mention)
            opening[mention.text] += 1
    return {mention.start for mention in candidates if opening[mention.text] >= 2}


def _opens_a_block(text: str, start: int, block_starts: set[int]) -> bool:
    """The mention is the first thing of a paragraph (a label may follow a sentence's end in
    text whose paragraph breaks were lost: "...at 10 a.m. DS: You are ...")."""
    if start in block_starts:
        return True
    before = text[max(0, start - 3) : start]
    return bool(re.search(r"[.?!\"”]\s+$", before))


def _split(mention: Mention) -> list[Mention]:
    words = list(re.finditer(r"\S+", mention.text))
    if len(words) < 2:
        return [mention]
    if mention.label in PLACE_LABELS and PLACE_MODIFIER.on:
        parts = _place_parts(mention, words)
        if parts is not None:
            PLACE_MODIFIER.fired()
            return parts
    if NAME_BEFORE_FULL_NAME.on:
        parts = _name_and_person(mention, words)
        if parts is not None:
            NAME_BEFORE_FULL_NAME.fired()
            return parts
    return [mention]


def _place_parts(mention: Mention, words: list[re.Match[str]]) -> list[Mention] | None:
    """The country and a known place before it, or the country alone (``PLACE_MODIFIER``)."""
    if is_known_place(mention.text):
        return None
    for cut in range(1, len(words)):
        rest = mention.text[words[cut].start() :]
        if not is_country_or_state(rest):
            continue
        head = mention.text[: words[cut - 1].end()]
        if words[cut - 1].group().lower() in ("of", "the", "and"):
            return None  # "Democratic Republic of Congo": an official name
        country = _part(mention, words[cut].start(), len(mention.text), mention.label)
        if is_known_place(head) and head[:1].isupper():
            return [_part(mention, 0, len(head), mention.label), country]
        return [country]
    return None


def _name_and_person(mention: Mention, words: list[re.Match[str]]) -> list[Mention] | None:
    """A country or an acronym, then a full name of two or three words starting with a given
    name (``NAME_BEFORE_FULL_NAME``)."""
    first = words[0].group()
    person = words[1:]
    if not 2 <= len(person) <= 3 or not is_given_name(person[0].group()):
        return None
    if is_given_name(first):
        return None  # "Chad Michael Murray", "Jordan Ann Smith": a name of three words
    if not all(word.group()[:1].isupper() for word in person):
        return None
    if is_country_or_state(first) and mention.label in ("PERSON", "GPE"):
        label = "GPE"
    elif looks_like_acronym(first) and mention.label == "PERSON":
        label = "ORG"  # not "USI Art Collections", tagged an organization
    else:
        return None
    return [
        _part(mention, 0, words[0].end(), label),
        _part(mention, person[0].start(), len(mention.text), "PERSON"),
    ]


def _part(mention: Mention, start: int, end: int, label: str) -> Mention:
    """The piece ``start:end`` of a mention's text as a mention with ``label``; a person keeps
    the outer mention's title, role and place in the clause, anything else none of them."""
    if label == "PERSON" and mention.label == "PERSON":
        text = mention.text[start:end]
        return replace(mention, start=mention.start + start, end=mention.start + end, text=text)
    return inner_mention(mention, start, end, label)
