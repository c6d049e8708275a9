"""Places named inside organizations' names ("University of Sheffield", "US Air Force") and
inside names of events, products and works ("the Vietnam War"); owners named before a
possessive inside a name ("Apple Computer's Mac OS", ``with_possessors``).

Annotated news (MEANTIME, GUM) names the place inside an organization's name as a place of its
own ("the United States Senate" holds "United States"), and a reader of "Massachusetts
Institute of Technology" learns where it is. A place is read inside an organization's name
(spaCy's ORG) when the gazetteer knows it and it stands where a place stands in such a name:

- right after "of" ("Bank of Canada", "University of Texas Arlington": each known place
  at the start of the words after "of");
- first, when it is a country ("US Air Force"), or a US state before a public institution's
  head word ("Colorado State University"; not "Washington Mutual"); never a province or a
  city ("Northern Arena", "Toyota Motor", "Shanghai Airlines");
- first in the name of an event, product, work or law, when it is a country, a country's
  province or a continent ("the Vietnam War", "Ontario Ghostbusters"); cities' names are
  also products' ("Hang Seng", "Vostok 1").

The place's mention is a mention like spaCy's (label GPE), with the outer name's sentence, so
it joins the place's other mentions and its page lists the sentence. A country's government
named by the country ("the US Government", "Government of Canada") is the country's mention
alone: the country as an actor stays a place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from sitegen.lexicon import (
    COMPASS_WORDS,
    ORGANIZATION_HEADS,
    PLACE_HEADS,
    head_word,
    is_given_name,
    last_word,
    word_set,
)
from sitegen.model import UNLABELLED_NAME, Mention
from sitegen.resolve.gazetteer import (
    is_country_or_state,
    is_known_place,
    is_region,
    is_us_state,
    usual_country_name,
)
from sitegen.resolve.names import POSSESSIVE
from sitegen.rules import rule

INSTITUTION_HEADS = word_set("institution-heads")
"""Head words of public institutions named after their state ("Ohio State", "Texas Senate")."""
GOVERNMENT_WORD = "government"
"""The word that with a country's name names its government ("US Government")."""
COUNTRY_NAME = rule(
    "kind.country-name-is-place",
    "kind",
    "A country's name tagged an organization is the country, a place, and no place is read "
    "inside it ('the Democratic People's Republic of Korea').",
    examples=[
        {
            "articles": [
                "The Democratic People's Republic of Korea fired a missile. The Democratic "
                "People's Republic of Korea said it was a test."
            ],
            "page": "North Korea",
            "kind": "place",
        }
    ],
)
THING_LABELS = frozenset({"EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
"""spaCy's labels of names of events, products, works and laws, which get no page but may
name a place ("the Vietnam War")."""
INNER_POSSESSIVE = re.compile(r"['’]s (?=\S)")
"""A possessive inside a name, before more of it ("Apple Computer's Mac OS")."""
RUN_ON_THE = re.compile(r"(?<![Oo]f)(?<![Ff]or)(?<![Ii]n)(?<![Oo]n)(?<![Aa]t) the (?=[A-Z])")
"""A lower-case "the" inside a name, not after "of", "for", "in", "on" or "at" ("Rathbun the
Scientology", not "Bank of the West")."""
MAX_BRANCH_WORDS = 2
"""Longest untagged name joined to a country's after it (``with_branch_names``)."""
MAX_PLACE_WORDS = 3
"""Longest place name looked for inside an organization's name ("New South Wales")."""
WORD = re.compile(r"[^\s]+")
Word = tuple[int, int, str]
"""A word of a name: its start and end in the name, and the word without a possessive."""


def with_possessors(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions``, each written "X's Y" cut to "X" when X is named on its own in the
    article and Y ends in no organization's or place's word: spaCy tags "Apple Computer's Mac
    OS" as one organization, the maker's; "King's College" and "New People's Party" stay."""
    names = {mention.text for mention in mentions}
    return [_possessor(mention, names) for mention in mentions]


def _possessor(mention: Mention, names: set[str]) -> Mention:
    """``mention`` cut to its owner's name, when ``with_possessors`` says so."""
    mark = INNER_POSSESSIVE.search(mention.text)
    if mark is None:
        return mention
    owner, thing = mention.text[: mark.start()], mention.text[mark.end() :]
    if owner not in names:
        return mention
    if last_word(thing) in ORGANIZATION_HEADS | PLACE_HEADS:
        return mention
    return replace(mention, end=mention.start + len(owner), text=owner)


def without_run_on(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions``, each holding two names the article also names on their own split into
    them (``_run_on_parts``). Each part takes the label it has where it stands alone."""
    labels = {mention.text: mention.label for mention in mentions}
    found: list[Mention] = []
    for mention in mentions:
        parts = _run_on_parts(mention, labels)
        if parts is None:
            found.append(mention)
            continue
        (first, first_end), (second, second_start) = parts
        end = mention.start + first_end
        found.append(replace(mention, end=end, text=first, label=labels[first], cue=""))
        found.append(inner_mention(mention, second_start, len(mention.text), labels[second]))
    return found


def _run_on_parts(
    mention: Mention, labels: dict[str, str]
) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """The two names of a mention and where they end and start in it, when the article names
    both alone: "X the Y" ("According to Rathbun the Scientology property ...", a comma left
    out, tagged one organization; not "Alexander the Great", no "Great" alone, nor "Bank of
    the West"), or two words tagged a person's name of which the first is a person's name
    alone, not a given name, and the second something else's ("Warhol Polaroid exhibits":
    Warhol's Polaroids; not "Paris Hilton" beside "Paris", a place, nor "Kristin Hawkes")."""
    text = mention.text
    mark = RUN_ON_THE.search(text)
    if mark is not None:
        first, second = text[: mark.start()], text[mark.end() :]
        if first in labels and second in labels:
            return (first, mark.start()), (second, mark.end())
        return None
    words = text.split(" ")
    if mention.label != "PERSON" or len(words) != 2:
        return None
    first, second = words
    if is_given_name(first):
        return None  # "Kristin Hawkes", though spaCy tags "Hawkes" alone an organization
    if labels.get(first) == "PERSON" and labels.get(second, "PERSON") != "PERSON":
        return (first, len(first)), (second, len(first) + 1)
    return None


def with_branch_names(
    mentions: Sequence[Mention], text: str, headlines: frozenset[int] = frozenset()
) -> list[Mention]:
    """``mentions``, a country's or a state's written right after an untagged name joined to
    it as one organization's: "Hitwise UK", "Environment Canada", "Air China" (spaCy tags the
    country alone and leaves the word before it untagged). The untagged name is of one or two
    words, in the same sentence, one space before the country, and neither a region the
    gazetteer knows (``is_region``: "Victoria Australia"; GeoNames gives "Air" to a town) nor
    a given name ("Katie UK"), and not in a headline (``headlines``: sentence numbers), where
    every word may be capitalized ("Storms Hit UK"). No place is read inside the joined name:
    a company's branch in a country is not a mention of the country."""
    before = {mention.end: mention for mention in mentions if mention.label == UNLABELLED_NAME}
    joined: dict[int, Mention] = {}  # by the country's start
    for mention in mentions:
        owner = before.get(mention.start - 1) if mention.label == "GPE" else None
        if (
            owner is not None
            and owner.sentence == mention.sentence
            and mention.sentence not in headlines
            and text[owner.end : mention.start] == " "
            and is_country_or_state(mention.text)
            and _names_a_branch(owner.text)
        ):
            joined[mention.start] = replace(
                mention,
                start=owner.start,
                text=f"{owner.text} {mention.text}",
                label="ORG",
                title=owner.title,
                determiner=owner.determiner,
                cue="",
            )
    owners = {joined_mention.start for joined_mention in joined.values()}
    return [
        joined.get(mention.start, mention) if mention.label == "GPE" else mention
        for mention in mentions
        if not (mention.label == UNLABELLED_NAME and mention.start in owners)
    ]


def _names_a_branch(name: str) -> bool:
    """An untagged name that may begin a company's name before a country's name
    (``with_branch_names``)."""
    words = name.split()
    return (
        1 <= len(words) <= MAX_BRANCH_WORDS and not is_region(name) and not is_given_name(words[0])
    )


def with_nested_places(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` and, after each organization's, event's, product's or work's, the
    places named inside it."""
    found: list[Mention] = []
    for mention in mentions:
        if mention.label == "ORG" and COUNTRY_NAME.on and usual_country_name(mention.text):
            COUNTRY_NAME.fired()  # "the Democratic People's Republic of Korea", tagged ORG
            found.append(replace(mention, label="GPE"))
            continue
        places = nested_places(mention) if mention.label == "ORG" or _is_thing(mention) else []
        if not _is_government_of(mention, places):
            found.append(mention)
        found.extend(places)
    return found


def _is_government_of(mention: Mention, places: list[Mention]) -> bool:
    """ "the US Government", "Government of Canada": an organization's name that is a
    country's and the word "government" only. The country as an actor is the country (a
    place, as "Washington" for the government in Washington), so the mention is the
    country's."""
    if len(places) != 1:
        return False
    inner = places[0]
    rest = mention.text[: inner.start - mention.start] + mention.text[inner.end - mention.start :]
    words = [_bare(word).lower() for word in rest.split()]
    return [word for word in words if word not in ("of", "the")] == [GOVERNMENT_WORD]


def nested_places(mention: Mention) -> list[Mention]:
    """The places inside a name, as mentions of their own."""
    words = [(m.start(), m.end(), _bare(m.group())) for m in WORD.finditer(mention.text)]
    thing = _is_thing(mention)
    first = list(_leading_place(words) if thing else _leading_country(words))
    spans = first + list(_after_of(words))
    return [inner_mention(mention, start, end, "GPE") for start, end in sorted(set(spans))]


def inner_mention(mention: Mention, start: int, end: int, label: str) -> Mention:
    """The name at ``start:end`` of ``mention``'s text as a mention of its own, with
    ``label`` and nothing of the outer name's title, role, place in the clause or cue."""
    return replace(
        mention,
        start=mention.start + start,
        end=mention.start + end,
        text=mention.text[start:end],
        label=label,
        title="",
        qualifier="",
        role="",
        role_start=-1,
        role_end=-1,
        subject=False,
        determiner=False,
        cue="",
    )


def _is_thing(mention: Mention) -> bool:
    """The name of an event, product, work or law, by spaCy's label or the words around it
    (not by its last word: "Paris Air Show" and "Delta Program" name no place to annotators)."""
    return mention.label in THING_LABELS or mention.cue == "other"


def _bare(word: str) -> str:
    """A word without its possessive ("Canada's" -> "Canada")."""
    return POSSESSIVE.sub("", word)


def _leading_country(words: list[Word]) -> Iterator[tuple[int, int]]:
    """A country that starts the name and is not all of it ("US Air Force"), or a US state
    that starts a public institution's ("Colorado State University"; not "Washington
    Mutual", a bank)."""
    place = _place_at(words, 0, is_country_or_state)
    if place is None or place[1] >= len(words):
        return
    country = " ".join(word for _, _, word in words[: place[1]])
    name = " ".join(word for _, _, word in words)
    if is_us_state(country) and head_word(name) not in INSTITUTION_HEADS:
        return
    yield words[0][0], words[place[1] - 1][0] + len(words[place[1] - 1][2])


def _leading_place(words: list[Word]) -> Iterator[tuple[int, int]]:
    """A country, province or continent that starts the name of an event, product or work
    and is not all of it ("the Vietnam War", "Ontario Ghostbusters"); not a city, whose
    names are also products' ("Hang Seng", "Vostok 1")."""
    place = _place_at(words, 0, is_region)
    if place is not None and place[1] < len(words):
        yield words[0][0], words[place[1] - 1][0] + len(words[place[1] - 1][2])


def _after_of(words: list[Word]) -> Iterator[tuple[int, int]]:
    """The known places at the start of the words after each "of" ("University of Texas
    Arlington": "Texas", "Arlington")."""
    for index, (_, _, word) in enumerate(words[:-1]):
        if word != "of":
            continue
        position = index + 1
        while (place := _place_at(words, position, is_known_place)) is not None:
            first, last = place
            yield words[first][0], words[last - 1][0] + len(words[last - 1][2])
            position = last


def _place_at(
    words: list[Word], position: int, known: Callable[[str], bool]
) -> tuple[int, int] | None:
    """The longest known place of capitalized words starting at ``position``: (first word,
    one past its last), or None."""
    for size in range(MAX_PLACE_WORDS, 0, -1):
        chosen = words[position : position + size]
        if len(chosen) < size or not all(_capitalized(word) for _, _, word in chosen):
            continue
        name = " ".join(word for _, _, word in chosen)
        if known(name) and not (size == 1 and _generic(name)):
            return position, position + size
    return None


def _generic(word: str) -> bool:
    """A direction the gazetteer holds as a place ("Northern", a Zambian province)."""
    return word.lower() in COMPASS_WORDS


def _capitalized(word: str) -> bool:
    return word[:1].isupper()
