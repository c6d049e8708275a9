"""Rendering: the knowledge base -> (path, Markdown) pairs. No disk I/O here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import zip_longest
from typing import Any

from sitegen.forked import beside, worth_forking
from sitegen.model import ENTITY_KINDS, KnowledgeBase
from sitegen.pages import Pages, combined, put_all
from sitegen.render.article_page import render_article_page
from sitegen.render.context import RenderContext
from sitegen.render.entity_page import render_entity_page
from sitegen.render.graph_svg import render_graph_page
from sitegen.render.index_pages import render_articles_index, render_home, render_section_index
from sitegen.render.subject_page import render_topics_index
from sitegen.render.timeline_page import render_period_page, render_timeline_index
from sitegen.render.topic_page import render_topic_page

PAGE_OF_UNIT: dict[str, Callable[[Any, RenderContext], tuple[str, str]]] = {
    "article": render_article_page,
    "entity": render_entity_page,
    "topic": render_topic_page,
    "period": render_period_page,
}
"""The page of one article, entity, topic or timeline period (a year's or a month's): a
*unit*, which ``sitegen.render.incremental`` renders again only when something its page read
changed."""

UnitPages = Callable[[RenderContext], Pages]


def render_site(kb: KnowledgeBase, unit_pages: UnitPages | None = None) -> Pages:
    """Every generated page, keyed by its path under the docs folder; ``unit_pages`` renders
    the units' pages (default: every one, ``render_units``). Each page is compressed as it
    comes (``sitegen.pages``): a build never holds the whole site's Markdown at once."""
    context = RenderContext.build(kb)
    return combined(put_all(site_wide_pages(context)), (unit_pages or render_units)(context))


def site_wide_pages(context: RenderContext) -> Iterator[tuple[str, str]]:
    """The home, index, timeline and graph pages: each reads the whole knowledge base."""
    kb = context.kb
    yield render_home(kb)
    yield from render_articles_index(kb)
    yield render_timeline_index(context)
    yield render_graph_page(context)
    for kind in ENTITY_KINDS:
        yield from render_section_index(kind, kb)
    yield render_topics_index(kb)


def page_units(context: RenderContext) -> Iterator[tuple[str, Any]]:
    """(kind, object) of every article, entity with a page, topic and page of a paged
    timeline: each has one page."""
    kb = context.kb
    yield from (("article", article) for article in kb.articles)
    yield from (("entity", entity) for entity in kb.entities if entity.page)
    yield from (("topic", topic) for topic in kb.topics)
    yield from (("period", part) for part in context.timeline.pages)


FORK_FROM_UNITS = 2000
"""Units from which ``render_units`` renders half of them in a forked process (when the
machine has another CPU): below, the fork costs more than it saves."""


def render_units(context: RenderContext) -> Pages:
    """The page of every unit, in ``page_units``' order. For a large site on a machine with
    more than one CPU, every second unit's page is rendered in a forked process at the same
    time (``sitegen/forked.py``)."""
    units = list(page_units(context))
    if len(units) < FORK_FROM_UNITS or not worth_forking():
        return _render(units, context)
    context.work_out_lazy()
    theirs, mine = beside(
        partial(_render, units[1::2], context), partial(_render, units[0::2], context)
    )
    pages = Pages()
    for even, odd in zip_longest(mine, theirs):
        pages.put_stored(even, mine.stored(even))
        if odd is not None:
            pages.put_stored(odd, theirs.stored(odd))
    return pages


def _render(units: list[tuple[str, Any]], context: RenderContext) -> Pages:
    pages = Pages()
    for kind, unit in units:
        pages.put(*PAGE_OF_UNIT[kind](unit, context))
    return pages
