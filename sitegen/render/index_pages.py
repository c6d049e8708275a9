"""Section index pages and the home page."""

from __future__ import annotations

from sitegen.model import ENTITY_KINDS, Article, Entity, EntityKind, KnowledgeBase
from sitegen.render.article_page import article_page_path
from sitegen.render.markdown import escape, front_matter, link, relative
from sitegen.render.paged_index import (
    INDEX_ROWS,
    IndexTable,
    Row,
    index_front_matter,
    render_index,
)
from sitegen.slugs import SECTION_OF_KIND

SECTION_TITLES: dict[EntityKind, str] = {
    "person": "People",
    "organization": "Organizations",
    "place": "Places",
}
SECTION_INTROS: dict[EntityKind, str] = {
    "person": "Everyone the articles name, with their roles.",
    "organization": "Companies, institutions, governments' agencies and groups the articles name.",
    "place": "Countries, cities and regions the articles name.",
}


MOST_MENTIONED = 50
"""Entities listed first on a section index split by letter."""


def render_section_index(kind: EntityKind, kb: KnowledgeBase) -> list[tuple[str, str]]:
    """The index of one entity section, one table row per entity with a page of its own
    (split A–Z when long, with the most mentioned first)."""
    section = SECTION_OF_KIND[kind]
    of_kind = [e for e in kb.entities if e.kind == kind]
    entities = sorted((e for e in of_kind if e.page), key=lambda e: e.name.casefold())
    intro = f"{SECTION_INTROS[kind]} {len(entities)} in all.\n"
    if len(of_kind) > len(entities):
        intro = (
            f"{SECTION_INTROS[kind]} {len(entities)} with a page of their own; "
            f"{len(of_kind) - len(entities)} more, each named in one article only, are listed "
            "on their article's page.\n"
        )

    def most_mentioned(page: str) -> str:
        top = sorted(entities, key=lambda e: (-len(e.mentions), e.name.casefold()))
        lines = ["## Most mentioned\n", "| Name | Mentions | Articles |", "| --- | --- | --- |"]
        lines += [
            f"| {link(e.name, relative(e.page, page))} | {len(e.mentions)} | {_articles(e)} |"
            for e in top[:MOST_MENTIONED]
        ]
        return "\n".join(lines) + "\n"

    table = IndexTable(
        page=f"{section}/index.md",
        title=SECTION_TITLES[kind],
        intro=intro,
        header=("Name", "Also known as", "Mentions", "Articles"),
        rows=[(entity.name, _entity_row(entity)) for entity in entities],
        lead=most_mentioned,
    )
    return render_index(table)


def _entity_row(entity: Entity) -> Row:
    def row(page: str) -> str:
        aliases = ", ".join(escape(alias) for alias in entity.aliases[:4])
        name = link(entity.name, relative(entity.page, page))
        return f"| {name} | {aliases} | {len(entity.mentions)} | {_articles(entity)} |"

    return row


def _articles(entity: Entity) -> int:
    return len({m.article for m in entity.mentions})


def render_articles_index(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """All articles, newest first, undated last (a page per year when there are many)."""
    page = "articles/index.md"
    ordered = sorted(
        kb.articles,
        key=lambda a: (a.published is None, -(a.published.toordinal() if a.published else 0), a.id),
    )
    if len(ordered) > INDEX_ROWS:
        return _articles_by_year(ordered, page)
    lines = [
        index_front_matter("Articles"),
        "# Articles\n",
        f"{len(ordered)} articles, newest first.\n",
        *_article_rows(ordered, page),
    ]
    return [(page, "\n".join(lines) + "\n")]


def _article_rows(articles: list[Article], page: str) -> list[str]:
    lines = ["| Published | Title | Source |", "| --- | --- | --- |"]
    for article in articles:
        date = article.published.isoformat() if article.published else "undated"
        title = link(article.title, relative(article_page_path(article), page))
        lines.append(f"| {date} | {title} | {escape(article.source or '')} |")
    return lines


def _articles_by_year(ordered: list[Article], page: str) -> list[tuple[str, str]]:
    """The articles index as a table of years, and a page per year (newest first)."""
    years: dict[str, list[Article]] = {}
    for article in ordered:
        year = str(article.published.year) if article.published else "undated"
        years.setdefault(year, []).append(article)
    paths = {year: f"articles/index/{year}.md" for year in years}
    lines = [
        index_front_matter("Articles"),
        "# Articles\n",
        f"{len(ordered)} articles, newest first, a page per year.\n",
        "| Year | Articles |",
        "| --- | --- |",
    ]
    lines += [f"| {link(y, relative(paths[y], page))} | {len(a)} |" for y, a in years.items()]
    pages = [(page, "\n".join(lines) + "\n")]
    for year, articles in years.items():
        here = paths[year]
        body = [
            index_front_matter(f"Articles: {year}"),
            f"# Articles: {year}\n",
            f"{len(articles)} articles, newest first. {link('All years', relative(page, here))}\n",
            *_article_rows(articles, here),
        ]
        pages.append((here, "\n".join(body) + "\n"))
    return pages


def render_home(kb: KnowledgeBase) -> tuple[str, str]:
    """The home page: what the site holds and where to start."""
    counts = {kind: 0 for kind in ENTITY_KINDS}
    for entity in kb.entities:
        counts[entity.kind] += 1 if entity.page else 0
    dates = sorted(a.published for a in kb.articles if a.published)
    span = (
        f"published between {dates[0].isoformat()} and {dates[-1].isoformat()}"
        if dates and dates[0] != dates[-1]
        else (f"published on {dates[0].isoformat()}" if dates else "with no publication dates")
    )
    plural = "article" if len(kb.articles) == 1 else "articles"
    lines = [
        front_matter({"title": "Home"}),
        "# News knowledge base\n",
        f"This site was generated by sitegen from {len(kb.articles)} news {plural}, {span}. "
        "Every person, organization and place the articles name has a page that quotes each "
        "sentence naming it, links back to the paragraph it comes from, and links to the "
        "people, organizations and places named with it. The timeline puts every dated "
        "event in order, with relative dates resolved against each article's publication "
        "date. Use the search box to find anyone by name, surname or title.\n",
        "Where to start: the "
        + link("graph", "graph.md")
        + " of who is named with whom, the "
        + link("timeline", "timeline.md")
        + " of what happened when, the "
        + link("topics", "topics/index.md")
        + " the articles are about, or the "
        + link("articles", "articles/index.md")
        + " themselves.\n",
        "| Section | Pages |",
        "| --- | --- |",
        f"| {link('Articles', 'articles/index.md')} | {len(kb.articles)} |",
    ]
    for kind in ENTITY_KINDS:
        section = SECTION_OF_KIND[kind]
        lines.append(f"| {link(SECTION_TITLES[kind], f'{section}/index.md')} | {counts[kind]} |")
    lines.append(f"| {link('Topics', 'topics/index.md')} | {len(kb.topics)} |")
    lines.append(f"| {link('Timeline', 'timeline.md')} | {len(kb.events)} dated events |")
    lines.append(f"| {link('Graph', 'graph.md')} | who is named with whom |")
    return "index.md", "\n".join(lines) + "\n"
