"""Building blocks shared by page renderers: quoted sentences and paragraph links."""

from __future__ import annotations

from sitegen.model import Article, Entity, EntityMention
from sitegen.render.context import RenderContext
from sitegen.render.markdown import escape, front_matter, link, plain_title, relative

KIND_LABEL = {"person": "Person", "organization": "Organization", "place": "Place"}


def quote_sentence(context: RenderContext, mention: EntityMention, page: str) -> str:
    """The mention's sentence, the mention in bold, linked to its paragraph.

    The sentence is in a ``<span class="sg-quote">``, which the search index leaves out
    (``search.EXCLUDED``): it is the article's text, found on the article's page; indexed again
    on every page of a name it holds, it made Pagefind's memory and index grow with each
    sentence times the names in it."""
    sentence = context.sentence(mention.article, mention.sentence)
    text = context.articles[mention.article].text
    start, end = _strip_span(text, mention.start, mention.end)
    before, after = text[sentence.start : start], text[end : sentence.end]
    bold = f"**{escape(text[start:end])}**" if end > start else ""
    quoted = f"{escape(before)}{bold}{escape(after)}".strip()
    anchor = context.paragraph_anchor(mention.article, mention.sentence)
    target = paragraph_link(context, mention.article, mention.sentence, page)
    return f'<span class="sg-quote">{quoted}</span> [¶{anchor[1:]}]({target})'


def paragraph_link(context: RenderContext, article_id: str, sentence: int, page: str) -> str:
    """The link from ``page`` to the paragraph holding an article's sentence."""
    anchor = context.paragraph_anchor(article_id, sentence)
    return relative(f"articles/{article_id}.md#{anchor}", page)


def entity_link(entity: Entity, page: str) -> str:
    """A link from ``page`` to an entity's page, labelled with its name; the name alone for an
    entity without a page of its own (``resolve/budget.py``)."""
    if not entity.page:
        return escape(entity.name)
    return link(entity.name, relative(entity.page, page))


def article_label(article: Article, page: str) -> str:
    """The bold, linked title of an article above the sentences quoted from it.

    A paragraph, not a heading: a frequent name's page quotes dozens of articles, and headings
    would fill the page's table of contents and split its search entry into one per article.
    """
    return f"**{link(article.title, relative(f'articles/{article.id}.md', page))}**\n"


def more_articles(rest: list[tuple[str, str, int]], summary: str) -> list[str]:
    """Lines of a "### N more articles" section: ``summary``, then a list item per article, its
    title linked to ``target`` (the first paragraph that counts), with its ``count``.

    One item each, not one line of all: Python-Markdown finds a paragraph's link brackets in
    a pass over the whole paragraph after each link it converts, so a line of the hundreds of
    articles naming a frequent name cost time in the square of its length (most of the
    conversion time of an archive of 300 articles)."""
    items = [f"- {link(title, target)} ({count})" for title, target, count in rest]
    return [f"### {len(rest)} more articles\n", f"{summary}\n", *items, ""]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without white space at its ends (emphasis must hug its text)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def search_tags(name: str, aliases: tuple[str, ...]) -> list[str]:
    """Material search ``tags`` for a page: its name and every alias (weighted far above text).

    Material indexes a page's ``tags`` front matter with a boost of 10^6, so a search for an
    alias ("Mr. Kovrig", "The Times", "countertariffs") ranks the page named so first, above
    article pages and headings that merely contain the words.
    """
    return [plain_title(alias) for alias in dict.fromkeys((name, *aliases))]


def named_page_front_matter(
    name: str, aliases: tuple[str, ...], boost: int, weight: int
) -> str:
    """Front matter of an entity or topic page: its title, search boost, alias tags and weight
    (its mentions or sentences: among named pages matching a query, Pagefind's worker lists
    the weightier first, "Kofi Annan" before "Kojo Annan" for "annan")."""
    return front_matter(
        {
            "title": plain_title(name),
            "search": {"boost": boost, "weight": weight},
            "tags": search_tags(name, aliases),
        }
    )
