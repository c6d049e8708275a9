"""What deserves an editor's look: weakly supported entities, merged names, undated dates.

Pure functions over the knowledge base; ``review.md`` and ``sitegen check --review`` show them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from sitegen.explain import check_first
from sitegen.model import KIND_OF_LABEL, Entity, EntityKind, KnowledgeBase, Review
from sitegen.resolve.names import is_part_of, name_tokens


def review_items(kb: KnowledgeBase) -> Review:
    """Collect the review items of ``kb``."""
    tagged = TaggedSpans(kb)
    return Review(
        single_mention=tuple(e for e in kb.entities if len(e.mentions) == 1),
        split_kinds=tuple(
            (entity, votes)
            for entity in kb.entities
            if len(votes := kind_votes(kb, entity, tagged)) > 1
        ),
        merged=tuple(e for e in kb.entities if len(e.written_names()) > 1),
        kept_apart=kept_apart(kb.entities),
        homonyms=homonyms(kb.entities),
        undated=tuple(
            (article_id, time)
            for article_id, analysis in sorted(kb.analyses.items())
            for time in analysis.times
            if not time.value and time.type == "DATE"
        ),
        check_first=tuple((entity, tuple(why)) for entity, why in check_first(kb.entities)),
    )


def kind_votes(
    kb: KnowledgeBase, entity: Entity, tagged: TaggedSpans | None = None
) -> dict[str, int]:
    """How many of the entity's mentions the tagger labelled as each kind (``tagged``: the
    index of ``kb``'s tagged spans, when the caller asks about many entities)."""
    tagged = tagged if tagged is not None else TaggedSpans(kb)
    votes: Counter[str] = Counter()
    for mention in entity.mentions:
        kind = tagged.first_overlapping(mention.article, mention.start, mention.end)
        if kind is not None:
            votes[kind] += 1
    return dict(sorted(votes.items()))


class TaggedSpans:
    """Each article's mentions the tagger labelled a person, organization or place, sorted by
    start: the first of them (in the analysis's order) overlapping a span, found by bisection
    instead of a scan of the article's mentions."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.rows: dict[str, tuple[list[tuple[int, int, int, EntityKind]], list[int], int]] = {}
        for article_id, analysis in kb.analyses.items():
            rows = sorted(
                (raw.start, raw.end, order, KIND_OF_LABEL[raw.label])
                for order, raw in enumerate(analysis.mentions)
                if raw.label in KIND_OF_LABEL
            )
            longest = max((end - start for start, end, *_ in rows), default=0)
            self.rows[article_id] = (rows, [row[0] for row in rows], longest)

    def first_overlapping(self, article_id: str, start: int, end: int) -> str | None:
        """The kind of the first tagged mention overlapping ``start:end``, if any."""
        if article_id not in self.rows:
            return None
        rows, starts, longest = self.rows[article_id]
        nearby = rows[bisect_left(starts, start - longest) : bisect_left(starts, end)]
        found = [(order, kind) for _, raw_end, order, kind in nearby if start < raw_end]
        return min(found)[1] if found else None


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
