"""The page of one article: metadata, a box of who and what it names, the linked full text."""

from __future__ import annotations

from collections import Counter

from sitegen.dates import human_date
from sitegen.model import ENTITY_KINDS, Article, Block, Event
from sitegen.render.context import Located, RenderContext
from sitegen.render.markdown import (
    attr_anchor,
    escape,
    front_matter,
    heading,
    link,
    linked_then_named,
    plain_title,
    relative,
)
from sitegen.render.topic_page import subjects_for_article, topics_for_article

KIND_HEADINGS = {"person": "People", "organization": "Organizations", "place": "Places"}
BOX_LINKS = 5
"""Items of each line of the "Named in this article" box that are links: the most named
entities, the most supported topics, the earliest dates; the others are named as text. Each
entity is linked in the text too (where a paragraph first names it): listing every one as a
link made the box hold 49k of the 80k links of the article pages at N = 1,000."""


def article_page_path(article: Article) -> str:
    return f"articles/{article.id}.md"


def render_article_page(article: Article, context: RenderContext) -> tuple[str, str]:
    """(path, Markdown) of an article's page."""
    page = article_page_path(article)
    located = context.by_article.get(article.id, [])
    parts = [
        front_matter({"title": plain_title(article.title)}),
        _title(article),
        _byline(article),
        _named_box(article, context, page),
        *(_block(article, block, located, page) for block in article.blocks),
    ]
    return page, "\n".join(part for part in parts if part)


def _title(article: Article) -> str:
    """The page's H1; it carries the headline block's anchor, as the headline is not repeated."""
    headline = next((b for b in article.blocks if b.kind == "headline"), None)
    return heading(1, article.title, f"p{headline.number}" if headline else None) + "\n"


def _byline(article: Article) -> str:
    facts = []
    if article.source:
        facts.append(f"**Source:** {escape(article.source)}")
    facts.append(
        f"**Published:** {article.published.isoformat()}"
        if article.published
        else "**Published:** undated"
    )
    if article.authors:
        facts.append("**By:** " + ", ".join(escape(author) for author in article.authors))
    if article.url and article.url.startswith(("http://", "https://")):
        facts.append(f"[Original]({_safe_url(article.url)})")
    return " · ".join(facts) + "\n"


def _safe_url(url: str) -> str:
    """A URL usable as a Markdown link target: no spaces, brackets or quotes."""
    return "".join(f"%{ord(c):02X}" if c in " <>()[]\"'`\\" or ord(c) < 32 else c for c in url)


def _named_box(article: Article, context: RenderContext, page: str) -> str:
    """An admonition listing the article's people, organizations, places, topics and dates;
    on each line the ``BOX_LINKS`` most named (or most supported, or earliest) are links."""
    located = context.by_article.get(article.id, [])
    topics = topics_for_article(article, context, page, BOX_LINKS)
    subjects = subjects_for_article(article, context, page)
    dates = _dates(article, context, page)
    if not located and not topics and not subjects and not dates:
        return ""
    lines = ['!!! info "Named in this article"\n']
    for kind in ENTITY_KINDS:
        named = Counter(item.entity.id for item in located if item.entity.kind == kind)
        if not named:
            continue
        ordered = sorted(
            (context.entities[entity_id] for entity_id in named),
            key=lambda e: (-named[e.id], e.name.casefold(), e.id),
        )
        items = [(e.name, relative(e.page, page) if e.page else "") for e in ordered]
        lines.append(f"    **{KIND_HEADINGS[kind]}:** {linked_then_named(items, BOX_LINKS)}\n")
    lines += [f"    {part}" for part in (subjects, topics, dates) if part]
    return "\n".join(lines)


def _dates(article: Article, context: RenderContext, page: str) -> str:
    """A "**Dates:** ..." line: each date the article gives an event (the first
    ``BOX_LINKS`` linked to their paragraph; dates hold commas, so semicolons separate them),
    and a link to the first on the timeline."""
    first_of: dict[str, tuple[str, Event]] = {}
    for event in context.events_in.get(article.id, []):
        label = human_date(event.date, event.precision)
        first_of.setdefault(label, (context.paragraph_anchor(article.id, event.sentence), event))
    if not first_of:
        return ""
    items = [(label, f"#{anchor}") for label, (anchor, _) in first_of.items()]
    first_event = next(iter(first_of.values()))[1]
    timeline = link("on the timeline", relative(context.timeline.place(first_event), page))
    return f"**Dates:** {linked_then_named(items, BOX_LINKS, '; ')} ({timeline})\n"


def _block(article: Article, block: Block, located: list[Located], page: str) -> str:
    anchor = f"p{block.number}"
    if block.kind == "headline":
        return ""
    if block.kind == "heading":
        return heading(2, article.block_text(block), anchor) + "\n"
    inside = [item for item in located if block.start <= item.mention.start < block.end]
    text = linked_text(article.text, block.start, block.end, inside, page)
    if block.kind == "dateline":
        text = f"*{text}*"
    return f"{text}\n{attr_anchor(anchor)}\n"


def linked_text(text: str, start: int, end: int, located: list[Located], page: str) -> str:
    """``text[start:end]`` (a paragraph) escaped, with the first mention of each entity in it
    linked to the entity's page.

    Once per paragraph, not every mention: a link costs Python-Markdown and MkDocs far more
    than plain text (about half the conversion time of an article page), and a paragraph
    naming "Apple" five times reads as well with one link.
    """
    pieces = []
    position = start
    linked: set[str] = set()
    for item in located:
        mention = item.mention
        if mention.start < position or item.entity.id in linked or not item.entity.page:
            continue
        linked.add(item.entity.id)
        pieces.append(escape(text[position : mention.start]))
        pieces.append(link(text[mention.start : mention.end], relative(item.entity.page, page)))
        position = mention.end
    pieces.append(escape(text[position:end]))
    return "".join(pieces).strip()
