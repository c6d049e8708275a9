"""The machine-readable export printed by ``sitegen extract --json``."""

from __future__ import annotations

from typing import Any

from sitegen.model import Article, KnowledgeBase, Topic

EXTRACTED_SOURCES = ("html:", "feed:")
"""``text_source`` prefixes of texts sitegen extracted (no file holds them as they are)."""


def export_knowledge(kb: KnowledgeBase) -> dict[str, Any]:
    """The knowledge base as plain JSON data. Offsets index each article's ``text``, which its
    ``text_source`` names: the input file's decoded text (``file``), a JSON record's field
    (``record:FIELD``), or a text sitegen extracted (``html:main-text``, ``feed:content``,
    ``feed:summary``), which the article's ``text`` then carries."""
    articles = {article.id: article for article in kb.articles}  # not kb.article: a scan each
    return {
        "articles": [_article(article, kb) for article in kb.articles],
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
                "decisions": [{"rule": d.rule, "detail": d.detail} for d in entity.decisions],
            }
            for entity in kb.entities
        ],
        "topics": _topics(kb),
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


def _article(article: Article, kb: KnowledgeBase) -> dict[str, Any]:
    data = {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "authors": list(article.authors),
        "url": article.url,
        "subjects": list(kb.filings.get(article.id, ())),
        "text_source": article.text_source,
        "paragraphs": [
            {
                "anchor": f"p{block.number}",
                "kind": block.kind,
                "start": block.start,
                "end": block.end,
            }
            for block in article.blocks
        ],
    }
    if article.text_source.startswith(EXTRACTED_SOURCES):
        data["text"] = article.text
    return data


def _paragraph_number(kb: KnowledgeBase, article: Article, sentence: int) -> int:
    block = kb.analyses[article.id].sentences[sentence].block
    return article.blocks[block].number


def _topics(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """Every topic, with the entities named in its sentences: looked up in one index of the
    entities by sentence, built once (linear in mentions plus passages)."""
    named: dict[tuple[str, int], set[str]] = {}
    for entity in kb.entities:
        for mention in entity.mentions:
            named.setdefault((mention.article, mention.sentence), set()).add(entity.id)
    return [_topic(topic, named) for topic in kb.topics]


def _topic(topic: Topic, named: dict[tuple[str, int], set[str]]) -> dict[str, Any]:
    sentences = {(p.article, p.sentence) for p in topic.passages}
    entities = sorted({e for key in sentences for e in named.get(key, ())})
    return {
        "id": topic.id,
        "kind": topic.kind,
        "name": topic.name,
        "page": topic.page,
        "subject": topic.subject or None,
        "code": topic.code or None,
        "aliases": list(topic.aliases),
        "entities": entities,
        "articles": list(topic.articles) or sorted({p.article for p in topic.passages}),
    }
