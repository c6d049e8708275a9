"""The machine-readable export printed by ``sitegen extract --json``."""

from __future__ import annotations

from typing import Any

from sitegen.model import Article, KnowledgeBase, Topic


def export_knowledge(kb: KnowledgeBase) -> dict[str, Any]:
    """The knowledge base as plain JSON data; offsets index each input file's decoded text."""
    articles = {article.id: article for article in kb.articles}
    return {
        "articles": [
            {
                "id": article.id,
                "path": article.path,
                "title": article.title,
                "published": article.published.isoformat() if article.published else None,
                "source": article.source,
                "authors": list(article.authors),
            }
            for article in kb.articles
        ],
        "entities": [
            {
                "id": entity.id,
                "kind": entity.kind,
                "name": entity.name,
                "aliases": list(entity.aliases),
                "roles": list(entity.roles),
                "affiliations": list(entity.affiliations),
                "page": entity.page or None,
                "mentions": [
                    {"article": m.article, "start": m.start, "end": m.end, "text": m.text}
                    for m in entity.mentions
                ],
                "references": [
                    {"article": m.article, "start": m.start, "end": m.end, "text": m.text}
                    for m in entity.references
                ],
            }
            for entity in kb.entities
        ],
        "topics": [_topic(kb, topic) for topic in kb.topics],
        "events": [
            {
                "date": event.date,
                "precision": event.precision,
                "text": event.text,
                "article": event.article,
                "paragraph": _paragraph_number(kb, articles[event.article], event.sentence),
                "start": event.start,
                "end": event.end,
                "entities": list(event.entities),
                "phrase": event.phrase,
                "anchor": event.anchor,
            }
            for event in kb.events
        ],
        "quotes": [
            {
                "speaker": quote.speaker,
                "text": quote.text,
                "article": quote.article,
                "start": quote.start,
                "end": quote.end,
                "speaker_text": quote.speaker_text or None,
                "speaker_start": quote.speaker_start if quote.speaker_start >= 0 else None,
                "speaker_end": quote.speaker_end if quote.speaker_end >= 0 else None,
            }
            for quote in kb.quotes
        ],
        "times": [
            {
                "article": article_id,
                "start": time.start,
                "end": time.end,
                "text": time.text,
                "type": time.type,
                "value": time.value,
            }
            for article_id, analysis in sorted(kb.analyses.items())
            for time in analysis.times
        ],
    }


def _paragraph_number(kb: KnowledgeBase, article: Article, sentence: int) -> int:
    """The paragraph number of an article's sentence (articles looked up by id once, not
    scanned for each event: that made the export quadratic)."""
    block = kb.analyses[article.id].sentences[sentence].block
    return article.blocks[block].number


def _topic(kb: KnowledgeBase, topic: Topic) -> dict[str, Any]:
    sentences = {(p.article, p.sentence) for p in topic.passages}
    entities = sorted(
        {e.id for e in kb.entities for m in e.mentions if (m.article, m.sentence) in sentences}
    )
    return {
        "id": topic.id,
        "name": topic.name,
        "page": topic.page,
        "aliases": list(topic.aliases),
        "entities": entities,
        "articles": sorted({p.article for p in topic.passages}),
    }
