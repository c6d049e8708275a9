"""References -> entities: pronouns and definite nouns counted for the entity they stand for.

Within one article, in reading order:
- "he"/"his"/"she"/"her" is the person last named or referred to as the subject of a clause
  within ``ANTECEDENT_BLOCKS`` paragraphs (else the person last named at all), skipping people
  whose gender is known to differ (honorifics "Mr."/"Ms.", or a clearly male or female given
  name: the first of several words, or a one-word name far more common as a given name than
  as a surname, "Jason" but not "Walker");
- "the company", "the firm" is the organization named last; "the bank", "the university" the
  last organization whose name has that word ("Bank of Canada");
- "the prime minister" is the person last named with that title.
A pronoun inside an attributed quotation is resolved the same way but never to the
quotation's speaker, who would say "I" ("he was very aware of this", said of someone else);
it is no antecedent for what follows. Nouns inside quotations are not read. An ambiguous or
unmatched reference counts for nobody.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from sitegen.across_builds import KeptByIdentity
from sitegen.lexicon import (
    GENERIC_ORGANIZATION_NOUNS,
    PRONOUN_GENDER,
    given_name_gender,
    one_word_name_gender,
    title_key,
)
from sitegen.model import Analysis, Article, Entity, EntityMention, Quote, Reference
from sitegen.resolve.names import family_names, is_family_plural
from sitegen.resolve.quotes import ANTECEDENT_BLOCKS, entity_genders

FAMILY = "family"
"""The kind a reference candidate gets for a family named in the plural (``_families``)."""
HEAD_SYNONYMS = {"airline": ("airline", "airlines", "airways")}
"""Name words a noun also matches ("the airline" -> "Qatar Airways")."""


@dataclass(frozen=True)
class _Candidate:
    """A place where an entity is named or referred to: an antecedent for what follows."""

    offset: int
    block: int
    sentence: int
    entity: str
    kind: str
    subject: bool


def resolve_references(
    articles: Iterable[Article],
    analyses: dict[str, Analysis],
    entities: Iterable[Entity],
    quotes: Iterable[Quote] = (),
    honorific_genders: dict[str, str] | None = None,
) -> tuple[Entity, ...]:
    """The entities with ``references``: each pronoun or noun resolved to one of them. A
    pronoun inside a quotation (``Reference.quoted``) is resolved only inside one of
    ``quotes`` (an attributed quotation), and never to its speaker."""
    _REFERENCES.rotate()
    speakers: dict[str, list[tuple[int, int, str]]] = {}
    for quote in quotes:
        speakers.setdefault(quote.article, []).append((quote.start, quote.end, quote.speaker))
    entities = list(entities)
    if honorific_genders is None:  # else the caller's ``entity_genders`` of these entities
        honorific_genders = entity_genders(entities, analyses)
    genders = {**_name_genders(entities), **honorific_genders}
    found: dict[str, list[EntityMention]] = {}
    by_article: dict[str, list[tuple[EntityMention, Entity]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            by_article.setdefault(mention.article, []).append((mention, entity))
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None or not analysis.references:
            continue
        named = by_article.get(article.id, [])
        quoted = speakers.get(article.id, [])
        for reference, entity_id in _kept_references(analysis, named, genders, quoted):
            found.setdefault(entity_id, []).append(
                EntityMention(
                    article.id, reference.start, reference.end, reference.text, reference.sentence
                )
            )
    return tuple(replace(e, references=tuple(found.get(e.id, ()))) for e in entities)


_REFERENCES: KeptByIdentity[list[tuple[Reference, str]]] = KeptByIdentity()


def _kept_references(
    analysis: Analysis,
    named: list[tuple[EntityMention, Entity]],
    genders: dict[str, str],
    quoted: list[tuple[int, int, str]],
) -> list[tuple[Reference, str]]:
    """``_article_references``, the last build's under serve for the very same analysis and
    the very same entities named in it, in the same order (an entity's mentions, name and
    kind are its own), with the same genders and quotations."""
    unique = {id(entity): entity for _, entity in named}  # by identity: no hash of an entity
    entities = tuple(unique.values())
    facts = (tuple(genders.get(entity.id) for entity in entities), tuple(quoted))
    return _REFERENCES.get(
        (analysis, *entities),
        facts,
        lambda: _article_references(analysis, named, genders, quoted),
    )


def _article_references(
    analysis: Analysis,
    named: list[tuple[EntityMention, Entity]],
    genders: dict[str, str],
    quoted: list[tuple[int, int, str]],
) -> list[tuple[Reference, str]]:
    subjects = {(m.start, m.end) for m in analysis.mentions if m.subject}
    titles = {(m.start, m.end): title_key(m.title) for m in analysis.mentions if m.title}
    names = {entity.id: entity.name.lower().split() for _, entity in named}
    kinds: dict[str, str] = {entity.id: entity.kind for _, entity in named}
    for family in _families(named):
        kinds[family] = FAMILY  # "the Sams": no antecedent of "he" or "she"
    events = [(m.start, 0, index) for index, (m, _) in enumerate(named)]
    events += [(r.start, 1, index) for index, r in enumerate(analysis.references)]
    events.sort()
    seen: list[_Candidate] = []
    titled: dict[str, str] = {}  # title key -> the entity last named with it
    result: list[tuple[Reference, str]] = []
    for _, order, index in events:
        if order == 0:
            mention, entity = named[index]
            block = analysis.sentences[mention.sentence].block
            subject = (mention.start, mention.end) in subjects
            seen.append(
                _Candidate(
                    mention.start, block, mention.sentence, entity.id, kinds[entity.id], subject
                )
            )
            if (mention.start, mention.end) in titles:
                titled[titles[(mention.start, mention.end)]] = entity.id
            continue
        reference = analysis.references[index]
        block = analysis.sentences[reference.sentence].block
        quote: tuple[int, str] | None = None  # where the quotation starts, and its speaker
        if reference.quoted:
            quote = next(((s, who) for s, e, who in quoted if s <= reference.start < e), None)
            if quote is None:
                continue  # an unattributed quotation: its speaker may be the one named last
        entity_id = _antecedent(reference, block, seen, titled, names, genders, quote)
        if entity_id is None:
            continue
        result.append((reference, entity_id))
        if reference.quoted:
            continue  # the speaker's words: no antecedent for the narrator's pronouns
        kind = kinds[entity_id]
        seen.append(
            _Candidate(
                reference.start, block, reference.sentence, entity_id, kind, reference.subject
            )
        )
    return result


def _antecedent(
    reference: Reference,
    block: int,
    seen: list[_Candidate],
    titled: dict[str, str],
    names: dict[str, list[str]],
    genders: dict[str, str],
    quote: tuple[int, str] | None = None,
) -> str | None:
    """The entity ``reference`` stands for, of the candidates ``seen`` so far. A pronoun in a
    quotation (``quote``: where it starts, and its speaker) is never its speaker, and is the
    nearest person of its gender named earlier in the quotation when there is one ("Whatever
    you think about Trump, he's serving ...")."""
    recent = _recent(seen, block)
    words = reference.text.lower().split()
    if reference.form == "pronoun":
        wanted = PRONOUN_GENDER.get(words[0])
        start, speaker = quote if quote else (None, None)
        people = [
            c
            for c in recent
            if c.kind == "person"
            and genders.get(c.entity, wanted) == wanted
            and c.entity != speaker  # "he" in a quotation is someone the speaker speaks of
        ]
        if start is not None and people and people[0].offset >= start:
            return people[0].entity  # the nearest, named in the quotation itself
        best = next((c for c in people if c.subject), people[0] if people else None)
        return best.entity if best else None
    head = words[-1]
    if len(words) > 2 or head not in GENERIC_ORGANIZATION_NOUNS:
        key = title_key(" ".join(words[1:]))
        if key in titled:
            return titled[key]
    orgs = [c for c in recent if c.kind == "organization"]
    if head not in GENERIC_ORGANIZATION_NOUNS:
        accepted = HEAD_SYNONYMS.get(head, (head,))
        orgs = [c for c in orgs if any(word in accepted for word in names.get(c.entity, ()))]
    return orgs[0].entity if orgs else None


def _families(named: list[tuple[EntityMention, Entity]]) -> set[str]:
    """The people of an article named by a family name in the plural ("Sams", after "Thomas
    Sam": ``sitegen.resolve.kinds`` makes "the Sams" people): a family, which "he" and
    "she" do not refer to."""
    people = {entity.id: entity.name for _, entity in named if entity.kind == "person"}
    families = family_names(people.values())
    return {entity_id for entity_id, name in people.items() if is_family_plural(name, families)}


def _recent(seen: list[_Candidate], block: int) -> list[_Candidate]:
    """The candidates within ``ANTECEDENT_BLOCKS`` paragraphs, nearest first (a backward scan
    that stops at the first one too far back, so long articles stay linear)."""
    recent = []
    for candidate in reversed(seen):
        if block - candidate.block > ANTECEDENT_BLOCKS:
            break
        recent.append(candidate)
    return recent


def _name_genders(entities: list[Entity]) -> dict[str, str]:
    """A person's gender from a clearly male or female given name ("Maya Wang": female); a
    one-word name only when it is mostly a given name ("Gloria", not "Clinton")."""
    genders: dict[str, str] = {}
    for entity in entities:
        words = (entity.homonym or entity.name).split()  # "Jane", not "Jane (nurse)"
        if entity.kind != "person" or not words:
            continue
        gender = given_name_gender(words[0]) if len(words) > 1 else one_word_name_gender(words[0])
        if gender:
            genders[entity.id] = gender
    return genders
