"""What deserves an editor's look: weakly supported entities, merged names, undated dates.

Pure functions over the knowledge base; ``review.md`` and ``sitegen check --review`` show them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sitegen.model import Entity, KnowledgeBase, TimeExpression

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
    undated: tuple[tuple[str, TimeExpression], ...]
    """(article id, expression) of relative dates left unresolved."""

    def count(self) -> int:
        return (
            len(self.single_mention) + len(self.split_kinds) + len(self.merged) + len(self.undated)
        )


def review_items(kb: KnowledgeBase) -> Review:
    """Collect the review items of ``kb``."""
    return Review(
        single_mention=tuple(e for e in kb.entities if len(e.mentions) == 1),
        split_kinds=tuple(
            (entity, votes) for entity in kb.entities if len(votes := kind_votes(kb, entity)) > 1
        ),
        merged=tuple(e for e in kb.entities if len(written_names(e)) > 1),
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
