"""What deserves an editor's look: weakly supported entities, merged names, undated dates.

Pure functions over the knowledge base; ``review.md`` and ``sitegen check --review`` show them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sitegen.model import Entity, KnowledgeBase, TimeExpression
from sitegen.resolve.names import is_part_of, name_tokens

KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


@dataclass(frozen=True)
class Review:
    """The review items of one knowledge base."""

    single_mention: tuple[Entity, ...]
    """Entities named only once in the whole corpus."""
    split_kinds: tuple[tuple[Entity, dict[str, int]], ...]
    """Entities whose mentions the tagger labelled as different kinds, with the votes."""
    merged: tuple[Entity, ...]
    """Entities that joined differently written names (their aliases)."""
    kept_apart: tuple[tuple[Entity, tuple[Entity, ...]], ...]
    """People whose name fits inside other people's names, with those people: kept apart
    for want of evidence that they are one (README, "Across articles")."""
    homonyms: tuple[tuple[str, tuple[Entity, ...]], ...]
    """Entities of one kind sharing a name, kept apart for want of evidence that they are
    one, each page named apart ("Wang (rice farmer)"), by the name they share."""
    undated: tuple[tuple[str, TimeExpression], ...]
    """(article id, expression) of relative dates left unresolved."""

    def count(self) -> int:
        return (
            len(self.single_mention)
            + len(self.split_kinds)
            + len(self.merged)
            + len(self.kept_apart)
            + len(self.homonyms)
            + len(self.undated)
        )


def review_items(kb: KnowledgeBase) -> Review:
    """Collect the review items of ``kb``."""
    return Review(
        single_mention=tuple(e for e in kb.entities if len(e.mentions) == 1),
        split_kinds=tuple(
            (entity, votes) for entity in kb.entities if len(votes := kind_votes(kb, entity)) > 1
        ),
        merged=tuple(e for e in kb.entities if len(written_names(e)) > 1),
        kept_apart=kept_apart(kb.entities),
        homonyms=homonyms(kb.entities),
        undated=tuple(
            (article_id, time)
            for article_id, analysis in sorted(kb.analyses.items())
            for time in analysis.times
            if not time.value and time.type == "DATE"
        ),
    )


def kind_votes(kb: KnowledgeBase, entity: Entity) -> dict[str, int]:
    """How many of the entity's mentions the tagger labelled as each kind."""
    votes: Counter[str] = Counter()
    for mention in entity.mentions:
        analysis = kb.analyses.get(mention.article)
        if analysis is None:
            continue
        for raw in analysis.mentions:
            if raw.start < mention.end and mention.start < raw.end and raw.label in KIND_OF_LABEL:
                votes[KIND_OF_LABEL[raw.label]] += 1
                break
    return dict(sorted(votes.items()))


def written_names(entity: Entity) -> set[str]:
    """The distinct ways the text writes the entity's name (titles excluded)."""
    return {" ".join(m.text.split()) for m in entity.mentions}


def kept_apart(entities: tuple[Entity, ...]) -> tuple[tuple[Entity, tuple[Entity, ...]], ...]:
    """Each person whose name fits inside other people's names ("Wang": "Maya Wang", "Wang
    Yi"), with them, in the order of ``entities`` (found through an index of name words).
    People named apart ("Wang (rice farmer)") count by the name they share ("Wang")."""
    people = [entity for entity in entities if entity.kind == "person"]
    by_word: dict[str, list[Entity]] = {}
    for person in people:
        for word in set(name_tokens(shared_name(person))):
            by_word.setdefault(word, []).append(person)
    found = []
    for person in people:
        name = shared_name(person)
        words = name_tokens(name)
        fits = (
            tuple(
                other for other in by_word.get(words[0], ()) if is_part_of(name, shared_name(other))
            )
            if words
            else ()
        )
        if fits:
            found.append((person, fits))
    return tuple(found)


def homonyms(entities: tuple[Entity, ...]) -> tuple[tuple[str, tuple[Entity, ...]], ...]:
    """Entities named apart that still share a name (``Entity.homonym``), by that name, in
    the order of ``entities``: an editor may ``merge`` those that are one."""
    found: dict[tuple[str, str], list[Entity]] = {}
    for entity in entities:
        if entity.homonym:
            found.setdefault((entity.kind, entity.homonym), []).append(entity)
    return tuple((name, tuple(same)) for (_, name), same in found.items() if len(same) > 1)


def shared_name(entity: Entity) -> str:
    """The entity's name as the text writes it: "Wang" for "Wang (rice farmer)"."""
    return entity.homonym or entity.name
