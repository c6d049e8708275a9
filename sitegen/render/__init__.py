"""Rendering: the knowledge base -> (path, Markdown) pairs. No disk I/O here."""

from __future__ import annotations

from sitegen.model import ENTITY_KINDS, KnowledgeBase
from sitegen.render.article_page import render_article_page
from sitegen.render.context import RenderContext
from sitegen.render.entity_page import render_entity_page
from sitegen.render.graph_svg import render_graph_page
from sitegen.render.index_pages import render_articles_index, render_home, render_section_index
from sitegen.render.subject_page import render_topics_index
from sitegen.render.timeline_page import render_timeline
from sitegen.render.topic_page import render_topic_page


def render_site(kb: KnowledgeBase) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs folder."""
    context = RenderContext.build(kb)
    pages = [render_home(kb), *render_articles_index(kb), *render_timeline(context)]
    pages += [render_graph_page(context)]
    pages += [page for kind in ENTITY_KINDS for page in render_section_index(kind, kb)]
    pages += [render_article_page(article, context) for article in kb.articles]
    pages += [render_entity_page(entity, context) for entity in kb.entities if entity.page]
    pages += [render_topics_index(kb)]
    pages += [render_topic_page(topic, context) for topic in kb.topics]
    site: dict[str, str] = {}
    for path, text in pages:
        if path in site:
            raise ValueError(f"two generated pages claim {path}")
        site[path] = text
    return site
