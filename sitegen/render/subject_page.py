"""Subject pages, the topics index (subjects with their threads), and the sections of a
thread's page that place it among the others: its articles in time order, its dated events,
related threads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sitegen.model import Article, KnowledgeBase, Topic
from sitegen.render.context import RenderContext
from sitegen.render.markdown import escape, front_matter, heading, link, relative
from sitegen.render.passages import KIND_LABEL, entity_link, named_page_front_matter
from sitegen.render.timeline_page import event_line

INDEX_PAGE = "topics/index.md"
SUBJECT_SEARCH_BOOST = 2
ARTICLES_SHOWN = 60
"""Articles listed on a topic page (the latest are cut; the count says how many more)."""
THREADS_ON_INDEX = 40
"""Threads listed under a subject on the topics index (the largest; its page lists all)."""
EVENTS_SHOWN = 25
RELATED_SHOWN = 8
INVOLVED_SHOWN = 15


def render_subject_page(topic: Topic, context: RenderContext) -> tuple[str, str]:
    """(path, Markdown) of a subject's page: its threads, who is involved, its articles."""
    page = topic.page
    count = len(topic.articles)
    kind = link("Subject", relative(INDEX_PAGE, page))
    parts = [
        named_page_front_matter(topic.name, topic.aliases, SUBJECT_SEARCH_BOOST, count),
        heading(1, topic.name) + "\n",
        f"{kind} · {count} {'article' if count == 1 else 'articles'} · IPTC Media Topic "
        f"`{topic.code}`\n",
        _threads_of(topic, context, page),
        _most_involved(topic, context, page),
        articles_in_time_order(topic, context, page),
    ]
    return page, "\n".join(part for part in parts if part)


def _threads_of(topic: Topic, context: RenderContext, page: str) -> str:
    threads = context.threads_under.get(topic.id, [])
    if not threads:
        return ""
    items = [f"{link(t.name, relative(t.page, page))} ({len(t.articles)})" for t in threads]
    return "## Threads\n\n" + " · ".join(items) + "\n"


def _most_involved(topic: Topic, context: RenderContext, page: str) -> str:
    """The entities named in the most of the topic's articles."""
    counts: Counter[str] = Counter()
    for article_id in topic.articles:
        counts.update({item.entity.id for item in context.by_article.get(article_id, [])})
    if not counts:
        return ""
    ranked = top_counted(counts, lambda entity_id: context.entities[entity_id].name)
    lines = ["## Who and where\n", "| Name | Kind | Articles |", "| --- | --- | --- |"]
    for entity_id, count in ranked:
        entity = context.entities[entity_id]
        lines.append(f"| {entity_link(entity, page)} | {KIND_LABEL[entity.kind]} | {count} |")
    return "\n".join(lines) + "\n"


def top_counted(
    counts: Counter[str], name_of: Callable[[str], str], shown: int = INVOLVED_SHOWN
) -> list[tuple[str, int]]:
    """The ``shown`` most counted, the most first, then by name (case-folded). Only the names
    of those that may be shown are asked for: a broad topic counts thousands, and under serve
    each name asked is a read its page depends on."""
    if not counts:
        return []
    cutoff = sorted(counts.values(), reverse=True)[:shown][-1]
    contenders = [(key, n) for key, n in counts.items() if n >= cutoff]
    return sorted(contenders, key=lambda i: (-i[1], name_of(i[0]).casefold()))[:shown]


def articles_in_time_order(topic: Topic, context: RenderContext, page: str) -> str:
    """A "## Articles" list: date and linked title, oldest first (the first ARTICLES_SHOWN)."""
    if not topic.articles:
        return ""
    lines = ["## Articles\n"]
    for article_id in topic.articles[:ARTICLES_SHOWN]:
        lines.append(f"- {_dated_title(context.articles[article_id], page)}")
    more = len(topic.articles) - ARTICLES_SHOWN
    if more > 0:
        lines.append(f"\n…and {more} later {'article' if more == 1 else 'articles'}.")
    return "\n".join(lines) + "\n"


def _dated_title(article: Article, page: str) -> str:
    date = article.published.isoformat() if article.published else "undated"
    return f"{date}: {link(article.title, relative(f'articles/{article.id}.md', page))}"


def thread_timeline(topic: Topic, context: RenderContext, page: str) -> str:
    """The thread's own dated events: those told in its sentences, by date."""
    sentences = {(p.article, p.sentence) for p in topic.passages}
    events = [
        event
        for article_id in topic.articles
        for event in context.events_in.get(article_id, [])
        if (event.article, event.sentence) in sentences
    ]
    if not events:
        return ""
    events.sort(key=lambda e: (e.date, e.article, e.start))
    lines = ["## Timeline\n"] + [event_line([e], context, page) for e in events[:EVENTS_SHOWN]]
    if len(events) > EVENTS_SHOWN:
        lines.append(f"\n…and {len(events) - EVENTS_SHOWN} more events.")
    return "\n".join(lines) + "\n"


def related_threads(topic: Topic, context: RenderContext, page: str) -> str:
    """Threads sharing the most articles with this one."""
    shared: Counter[str] = Counter()
    for article_id in topic.articles:
        shared.update(t for t in context.topic_passages_in.get(article_id, {}) if t != topic.id)
    ranked = context.ranked_topics(shared)[:RELATED_SHOWN]
    if not ranked:
        return ""
    items = [
        f"{link(t.name, relative(t.page, page))} ({n} shared {'article' if n == 1 else 'articles'})"
        for t, n in ranked
    ]
    return "## Related threads\n\n" + " · ".join(items) + "\n"


def subject_link(topic: Topic, context: RenderContext, page: str) -> str:
    """ "Thread in [Subject]" (or "Thread" when it has no subject), linking the index."""
    kind = link("Thread", relative(INDEX_PAGE, page))
    subject = context.topics_by_id.get(topic.subject)
    return f"{kind} in {link(subject.name, relative(subject.page, page))}" if subject else kind


def render_topics_index(kb: KnowledgeBase) -> tuple[str, str]:
    """``topics/index.md``: the subjects, largest first, each with its threads and counts."""
    subjects = sorted(
        (t for t in kb.topics if t.kind == "subject"),
        key=lambda t: (-len(t.articles), t.name.casefold()),
    )
    under = RenderContext(kb=kb).threads_under
    threads = sum(len(ts) for ts in under.values())
    lines = [
        front_matter({"title": "Topics"}),
        "# Topics\n",
        f"What the articles are about: {len(subjects)} subjects (the news desk's filing, IPTC "
        f"Media Topics) and {threads} story threads (the matters articles return to, named as "
        "they name them), each under its subject.\n",
    ]
    for subject in subjects:
        lines.append(_index_section(subject, under.get(subject.id, []), INDEX_PAGE))
    if under.get(""):
        lines.append(_index_section(None, under[""], INDEX_PAGE))
    return INDEX_PAGE, "\n".join(lines) + "\n"


def _index_section(subject: Topic | None, threads: list[Topic], page: str) -> str:
    if subject is None:
        lines = ["## Other threads\n"]
    else:
        count = len(subject.articles)
        name = link(subject.name, relative(subject.page, page))
        lines = [
            heading(2, subject.name) + "\n",
            f"{name}: {count} {'article' if count == 1 else 'articles'}.\n",
        ]
    if threads:
        lines += ["| Thread | Also written as | Articles |", "| --- | --- | --- |"]
        for thread in threads[:THREADS_ON_INDEX]:
            aliases = ", ".join(escape(alias) for alias in thread.aliases[:3])
            name = link(thread.name, relative(thread.page, page))
            lines.append(f"| {name} | {aliases} | {len(thread.articles)} |")
        if len(threads) > THREADS_ON_INDEX:
            more = len(threads) - THREADS_ON_INDEX
            lines.append(f"\n…and {more} smaller threads (the subject's page lists them all).")
    return "\n".join(lines) + "\n"
