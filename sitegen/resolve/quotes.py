"""Quotations -> speakers: names, pronouns and nouns resolved to entities (coreference).

- A speaker written as a name is the entity of the mention at that place.
- A pronoun ("he added", "she said") is the nearest person before it who is the subject of a
  clause outside quotations, or the speaker of an earlier quotation, within a few paragraphs;
  a person whose honorifics give the other gender ("Mr." for "she") is skipped.
- A noun ("the company said") is the nearest organization before it; a title ("the prime
  minister said") the nearest person who carried that title.
- A quotation without an attribution continues the previous quotation of its paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sitegen.lexicon import (
    ORGANIZATION_NOUNS,
    PRONOUN_GENDER,
    honorific_genders,
    is_title,
    title_key,
)
from sitegen.model import Analysis, Article, Entity, Quote, QuoteSpan

ANTECEDENT_BLOCKS = 3
"""How many paragraphs back a pronoun may find its person."""


@dataclass(frozen=True)
class _Reference:
    """A place in the text where an entity is the subject (a candidate antecedent)."""

    offset: int
    block: int
    entity: str


def resolve_quotes(
    articles: Iterable[Article],
    analyses: dict[str, Analysis],
    entities: Iterable[Entity],
    genders: dict[str, str] | None = None,
) -> tuple[Quote, ...]:
    """Every quotation of every article whose speaker could be resolved, in reading order
    (``genders``: ``entity_genders`` of these entities, when the caller has it)."""
    entities = list(entities)
    genders = entity_genders(entities, analyses) if genders is None else genders
    kinds: dict[str, str] = {entity.id: entity.kind for entity in entities}
    indexes = _mention_indexes(entities)
    quotes: list[Quote] = []
    for article in articles:
        analysis = analyses[article.id]
        at = indexes.get(article.id, {})
        quotes.extend(_article_quotes(article.id, analysis, at, kinds, genders))
    return tuple(quotes)


def _article_quotes(
    article_id: str,
    analysis: Analysis,
    at: dict[tuple[int, int], str],
    kinds: dict[str, str],
    genders: dict[str, str],
) -> list[Quote]:
    if not analysis.quotes:
        return []
    titles = _titles(article_id, analysis, at)
    spans = [(q.start, q.end) for q in analysis.quotes]
    references = [
        _Reference(m.start, analysis.sentences[m.sentence].block, at[(m.start, m.end)])
        for m in analysis.mentions
        if m.subject
        and (m.start, m.end) in at
        and kinds[at[(m.start, m.end)]] == "person"
        and not _inside_any(m.start, spans)
    ]
    result: list[Quote] = []
    previous: tuple[int, str] | None = None  # (block, speaker) of the last attributed quote
    for span in analysis.quotes:
        block = analysis.sentences[span.sentence].block
        speaker = _speaker(span, at, kinds, genders, titles, references, block)
        if speaker is None and span.speaker_form == "none" and previous and previous[0] == block:
            speaker = previous[1]
        if speaker is None:
            continue
        previous = (block, speaker)
        offset = span.speaker_start if span.speaker_start >= 0 else span.start
        references.append(_Reference(offset, block, speaker))
        references.sort(key=lambda r: r.offset)
        result.append(
            Quote(
                speaker,
                span.text,
                article_id,
                span.start,
                span.end,
                span.sentence,
                span.speaker_start,
                span.speaker_end,
                span.speaker_text,
            )
        )
    return result


def _speaker(
    span: QuoteSpan,
    at: dict[tuple[int, int], str],
    kinds: dict[str, str],
    genders: dict[str, str],
    titles: dict[str, list[tuple[int, str]]],
    references: list[_Reference],
    block: int,
) -> str | None:
    if span.speaker_start < 0:
        return None
    named = _entity_in(span.speaker_start, span.speaker_end, at)
    if named is not None:
        return named
    if span.speaker_form == "pronoun":
        wanted = PRONOUN_GENDER.get(span.speaker_text.lower())
        for reference in reversed(references):
            if reference.offset >= span.speaker_start:
                continue
            if block - reference.block > ANTECEDENT_BLOCKS:
                break
            if wanted is None or genders.get(reference.entity) in (None, wanted):
                return reference.entity
        return None
    if span.speaker_form == "nominal":
        return _nominal(span, at, kinds, titles)
    return None


def _nominal(
    span: QuoteSpan,
    at: dict[tuple[int, int], str],
    kinds: dict[str, str],
    titles: dict[str, list[tuple[int, str]]],
) -> str | None:
    """ "the prime minister" -> the last person with that title; "the company" -> last org."""
    words = span.speaker_text.split()
    key = title_key(" ".join(words))
    if is_title(key) and key in titles:
        before = [entity for offset, entity in titles[key] if offset < span.speaker_start]
        return before[-1] if before else None
    if words and words[-1].lower() in ORGANIZATION_NOUNS:
        orgs = [
            (start, entity)
            for (start, _), entity in at.items()
            if kinds[entity] == "organization" and start < span.speaker_start
        ]
        return max(orgs)[1] if orgs else None
    return None


def _mention_indexes(entities: list[Entity]) -> dict[str, dict[tuple[int, int], str]]:
    """For each article, its mentions' (start, end) -> entity id, in entity order (built once,
    not once per article)."""
    indexes: dict[str, dict[tuple[int, int], str]] = {}
    for entity in entities:
        for mention in entity.mentions:
            indexes.setdefault(mention.article, {})[(mention.start, mention.end)] = entity.id
    return indexes


def _entity_in(start: int, end: int, at: dict[tuple[int, int], str]) -> str | None:
    for (m_start, m_end), entity in at.items():
        if m_start < end and start < m_end:
            return entity
    return None


def _titles(
    article_id: str, analysis: Analysis, at: dict[tuple[int, int], str]
) -> dict[str, list[tuple[int, str]]]:
    """For each title key, the (offset, entity) of the mentions that carried it, in order."""
    titles: dict[str, list[tuple[int, str]]] = {}
    for mention in analysis.mentions:
        entity = at.get((mention.start, mention.end))
        if entity and mention.title:
            titles.setdefault(title_key(mention.title), []).append((mention.start, entity))
    return titles


def entity_genders(entities: list[Entity], analyses: dict[str, Analysis]) -> dict[str, str]:
    """Entity id -> "male" or "female" where its honorifics agree ("Mr.", "Ms."), one pass."""
    owner = {(m.article, m.start, m.end): entity.id for entity in entities for m in entity.mentions}
    found: dict[str, set[str]] = {}
    for article_id, analysis in analyses.items():
        for mention in analysis.mentions:
            entity = owner.get((article_id, mention.start, mention.end))
            if entity and mention.title:
                found.setdefault(entity, set()).update(honorific_genders(mention.title))
    return {entity: genders.pop() for entity, genders in found.items() if len(genders) == 1}


def _inside_any(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
