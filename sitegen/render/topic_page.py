"""Topic pages, the topics index, and the topic links on entity and article pages."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from sitegen.model import Article, Entity, EntityMention, Passage, Topic
from sitegen.render.context import RenderContext
from sitegen.render.markdown import (
    escape,
    heading,
    link,
    linked_then_named,
    relative,
)
from sitegen.render.passages import (
    KIND_LABEL,
    article_label,
    entity_link,
    more_articles,
    named_page_front_matter,
    paragraph_link,
    quote_sentence,
)
from sitegen.render.subject_page import (
    INDEX_PAGE,
    articles_in_time_order,
    related_threads,
    render_subject_page,
    subject_link,
    thread_timeline,
)

TOPIC_SEARCH_BOOST = 2
SUMMARY_SENTENCES = 3
SUMMARY_MAX_CHARS = 600
INVOLVED_LIMIT = 15
PASSAGES_SHOWN = 20
"""Sentences quoted on a topic page (whole articles at a time); the further articles are
listed as links, with their counts (their article pages show every sentence)."""
ENTITY_TOPICS_SHOWN = 10
"""Topics listed on an entity page, most of its sentences first; the rest are counted (a
frequent place's sentences touch hundreds of topics)."""


def render_topic_page(topic: Topic, context: RenderContext) -> tuple[str, str]:
    """(path, Markdown) of a topic's page: a subject's, or a thread's."""
    if topic.kind == "subject":
        return render_subject_page(topic, context)
    page = topic.page
    parts = [
        named_page_front_matter(topic.name, topic.aliases, TOPIC_SEARCH_BOOST, len(topic.passages)),
        heading(1, topic.name) + "\n",
        _facts(topic, context, page),
        _summary(topic, context, page),
        _aliases(topic),
        articles_in_time_order(topic, context, page),
        _involved(topic, context, page),
        thread_timeline(topic, context, page),
        related_threads(topic, context, page),
        _passages(topic, context, page),
    ]
    return page, "\n".join(part for part in parts if part)


def _facts(topic: Topic, context: RenderContext, page: str) -> str:
    articles = len({passage.article for passage in topic.passages})
    sentences = "sentence" if len(topic.passages) == 1 else "sentences"
    count = "article" if articles == 1 else "articles"
    kind = subject_link(topic, context, page)
    return f"{kind} · {len(topic.passages)} {sentences} in {articles} {count}\n"


def _summary(topic: Topic, context: RenderContext, page: str) -> str:
    """The most representative sentences: from the article that treats it most, in order."""
    chosen = [
        passage
        for passage in representative_passages(topic, SUMMARY_SENTENCES + 2)
        if context.block_of(passage.article, passage.sentence).kind == "paragraph"
    ][:SUMMARY_SENTENCES]
    pieces: list[str] = []
    length = 0
    for passage in chosen:
        text = " ".join(context.sentence_text(passage.article, passage.sentence).split())
        if pieces and length + len(text) > SUMMARY_MAX_CHARS:
            break
        anchor = context.paragraph_anchor(passage.article, passage.sentence)
        target = paragraph_link(context, passage.article, passage.sentence, page)
        pieces.append(f"{escape(text)} [¶{anchor[1:]}]({target})")
        length += len(text)
    return " ".join(pieces) + "\n" if pieces else ""


def representative_passages(topic: Topic, count: int = SUMMARY_SENTENCES) -> list[Passage]:
    """The first ``count`` passages of the article that has the most of them."""
    if not topic.passages:
        return []
    per_article = Counter(passage.article for passage in topic.passages)
    article = min(per_article, key=lambda a: (-per_article[a], a))
    ordered = sorted((p for p in topic.passages if p.article == article), key=lambda p: p.start)
    return ordered[:count]


def _aliases(topic: Topic) -> str:
    if not topic.aliases:
        return ""
    return "**Also written as:** " + " · ".join(escape(alias) for alias in topic.aliases) + "\n"


def involved_entities(topic: Topic, context: RenderContext) -> list[tuple[Entity, int]]:
    """Entities named in the topic's sentences, with how many of them, most first."""
    counts: Counter[str] = Counter()
    for passage in topic.passages:
        named = {item.entity.id for item in context.by_sentence.get(_key(passage), [])}
        counts.update(named)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], context.entities[item[0]].name))
    return [(context.entities[entity_id], count) for entity_id, count in ranked]


def _involved(topic: Topic, context: RenderContext, page: str) -> str:
    ranked = involved_entities(topic, context)
    if not ranked:
        return ""
    lines = ["## Who and where\n", "| Name | Kind | Sentences |", "| --- | --- | --- |"]
    for entity, count in ranked[:INVOLVED_LIMIT]:
        name = entity_link(entity, page)
        lines.append(f"| {name} | {KIND_LABEL[entity.kind]} | {count} |")
    if len(ranked) > INVOLVED_LIMIT:
        lines.append(f"\n…and {len(ranked) - INVOLVED_LIMIT} more.")
    return "\n".join(lines) + "\n"


def _passages(topic: Topic, context: RenderContext, page: str) -> str:
    lines = ["## Mentioned in\n"]
    shown = 0
    rest: list[tuple[str, str, int]] = []
    for article_id, grouped in groupby(topic.passages, key=lambda p: p.article):
        article = context.articles[article_id]
        passages = list(grouped)
        if shown >= PASSAGES_SHOWN:
            first = paragraph_link(context, article_id, passages[0].sentence, page)
            rest.append((article.title, first, len(passages)))
            continue
        lines.append(article_label(article, page))
        for passage in passages:
            text = context.articles[article_id].text[passage.start : passage.end]
            mention = EntityMention(article_id, passage.start, passage.end, text, passage.sentence)
            lines.append(f"- {quote_sentence(context, mention, page)}")
        lines.append("")
        shown += len(passages)
    if rest:
        sentences = sum(count for _, _, count in rest)
        summary = f"{sentences} more sentences, in these articles (sentences per article):"
        lines += more_articles(rest, summary)
    return "\n".join(lines)


def topics_for_entity(entity: Entity, context: RenderContext, page: str) -> str:
    """A "## Topics" section: topics whose sentences name the entity, "" if none."""
    counts: Counter[str] = Counter()
    for key in context.sentences_of.get(entity.id, set()):
        counts.update(topic.id for topic in context.topics_of_sentence.get(key, []))
    shared = context.ranked_topics(counts)
    if not shared:
        return ""
    lines = ["## Topics\n"]
    for topic, count in shared[:ENTITY_TOPICS_SHOWN]:
        times = "sentence" if count == 1 else "sentences"
        lines.append(f"- {link(topic.name, relative(topic.page, page))} ({count} {times})")
    if len(shared) > ENTITY_TOPICS_SHOWN:
        more = len(shared) - ENTITY_TOPICS_SHOWN
        index = link("the topics index", relative(INDEX_PAGE, page))
        lines.append(
            f"\n…and {more} more {'topic' if more == 1 else 'topics'} ({index} lists them all)."
        )
    return "\n".join(lines) + "\n"


def topics_for_article(article: Article, context: RenderContext, page: str, linked: int) -> str:
    """A one-line "**Topics:** ..." list of the article's topics, most supported first; the
    first ``linked`` are links."""
    present = context.ranked_topics(context.topic_passages_in.get(article.id, {}))
    if not present:
        return ""
    items = [(topic.name, relative(topic.page, page)) for topic, _ in present]
    return f"**Topics:** {linked_then_named(items, linked)}\n"


def subjects_for_article(article: Article, context: RenderContext, page: str) -> str:
    """A one-line "**Subjects:** ..." list of the subjects the article is filed under."""
    filed = context.filings.get(article.id, ())
    subjects = [context.topics_by_id[s] for s in filed if s in context.topics_by_id]
    if not subjects:
        return ""
    items = [(topic.name, relative(topic.page, page)) for topic in subjects]
    return f"**Subjects:** {linked_then_named(items, len(items))}\n"


def _key(passage: Passage) -> tuple[str, int]:
    return passage.article, passage.sentence
