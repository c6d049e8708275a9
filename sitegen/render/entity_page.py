"""The page of one person, organization or place."""

from __future__ import annotations

from itertools import groupby

from sitegen.model import Entity, EntityMention, Quote
from sitegen.render.context import RenderContext
from sitegen.render.markdown import escape, front_matter, link, plain_title, relative
from sitegen.render.timeline_page import timeline_for_entity
from sitegen.slugs import SECTION_OF_KIND

KIND_LABEL = {"person": "Person", "organization": "Organization", "place": "Place"}
ENTITY_SEARCH_BOOST = 3
RELATED_LIMIT = 25
SHARED_SENTENCES_SHOWN = 3


def render_entity_page(entity: Entity, context: RenderContext) -> tuple[str, str]:
    """(path, Markdown) of an entity's page."""
    page = entity.page
    parts = [
        front_matter({"title": plain_title(entity.name), "search": {"boost": ENTITY_SEARCH_BOOST}}),
        f"# {escape(entity.name)}\n",
        _summary(entity, context),
        _aliases(entity),
        _roles(entity),
        _affiliations(entity, context, page),
        _said(entity, context, page),
        _related(entity, context, page),
        timeline_for_entity(entity, context, page),
        _mentions(entity, context, page),
    ]
    return page, "\n".join(part for part in parts if part)


def _summary(entity: Entity, context: RenderContext) -> str:
    articles = {mention.article for mention in entity.mentions}
    section = SECTION_OF_KIND[entity.kind]
    kind = link(KIND_LABEL[entity.kind], relative(f"{section}/index.md", entity.page))
    times = "time" if len(entity.mentions) == 1 else "times"
    count = "article" if len(articles) == 1 else "articles"
    return f"{kind} · mentioned {len(entity.mentions)} {times} in {len(articles)} {count}\n"


def _aliases(entity: Entity) -> str:
    if not entity.aliases:
        return ""
    return "**Also known as:** " + " · ".join(escape(alias) for alias in entity.aliases) + "\n"


def _roles(entity: Entity) -> str:
    if not entity.roles:
        return ""
    lines = ["## Roles\n"] + [f"- {escape(role)}" for role in entity.roles]
    return "\n".join(lines) + "\n"


def _affiliations(entity: Entity, context: RenderContext, page: str) -> str:
    orgs = [context.entities[org_id] for org_id in entity.affiliations]
    members = [other for other in context.kb.entities if entity.id in other.affiliations]
    if not orgs and not members:
        return ""
    lines = ["## Affiliations\n"]
    lines += [f"- {link(org.name, relative(org.page, page))}" for org in orgs]
    lines += [
        f"- {link(member.name, relative(member.page, page))} ({KIND_LABEL[member.kind].lower()})"
        for member in members
    ]
    return "\n".join(lines) + "\n"


def _said(entity: Entity, context: RenderContext, page: str) -> str:
    """ "What X said": the person's direct quotations, each linked to its paragraph."""
    quotes = quotes_by_speaker(context.kb.quotes).get(entity.id, [])
    if entity.kind != "person" or not quotes:
        return ""
    lines = [f"## What {escape(entity.name)} said\n"]
    for quote in quotes:
        article = context.articles[quote.article]
        anchor = context.paragraph_anchor(quote.article, quote.sentence)
        target = _paragraph_link(context, quote.article, quote.sentence, page)
        source = link(f"{article.title}, ¶{anchor[1:]}", target)
        lines.append(f"- “{escape(' '.join(quote.text.split()))}” ({source})")
    return "\n".join(lines) + "\n"


_QUOTE_INDEX: dict[int, tuple[tuple[Quote, ...], dict[str, list[Quote]]]] = {}


def quotes_by_speaker(quotes: tuple[Quote, ...]) -> dict[str, list[Quote]]:
    """Quotations grouped by speaker id, computed once per knowledge base."""
    cached = _QUOTE_INDEX.get(id(quotes))
    if cached is not None and cached[0] is quotes:
        return cached[1]
    index: dict[str, list[Quote]] = {}
    for quote in quotes:
        index.setdefault(quote.speaker, []).append(quote)
    _QUOTE_INDEX.clear()
    _QUOTE_INDEX[id(quotes)] = (quotes, index)
    return index


def _related(entity: Entity, context: RenderContext, page: str) -> str:
    counts = context.together.get(entity.id)
    if not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], context.entities[item[0]].name))
    lines = [
        "## Related\n",
        "Named in the same sentences, most often first.\n",
        "| Name | Kind | Shared sentences |",
        "| --- | --- | --- |",
    ]
    for other_id, count in ranked[:RELATED_LIMIT]:
        other = context.entities[other_id]
        shared = context.shared_sentences(entity.id, other_id)[:SHARED_SENTENCES_SHOWN]
        refs = " ".join(
            link(f"¶{context.paragraph_anchor(a, s)[1:]}", _paragraph_link(context, a, s, page))
            for a, s in shared
        )
        name = link(other.name, relative(other.page, page))
        lines.append(f"| {name} | {KIND_LABEL[other.kind]} | {count}: {refs} |")
    if len(ranked) > RELATED_LIMIT:
        lines.append(f"\n…and {len(ranked) - RELATED_LIMIT} more.")
    return "\n".join(lines) + "\n"


def _mentions(entity: Entity, context: RenderContext, page: str) -> str:
    lines = ["## Mentions\n"]
    for article_id, mentions in groupby(entity.mentions, key=lambda m: m.article):
        article = context.articles[article_id]
        target = relative(f"articles/{article.id}.md", page)
        lines.append(f"### {link(article.title, target)}\n")
        seen: set[int] = set()
        for mention in mentions:
            if mention.sentence in seen:
                continue
            seen.add(mention.sentence)
            lines.append(f"- {quote_sentence(context, mention, page)}")
        lines.append("")
    return "\n".join(lines)


def quote_sentence(context: RenderContext, mention: EntityMention, page: str) -> str:
    """The mention's sentence, the mention in bold, linked to its paragraph."""
    sentence = context.sentence(mention.article, mention.sentence)
    text = context.articles[mention.article].text
    before = text[sentence.start : mention.start]
    after = text[mention.end : sentence.end]
    quoted = f"{escape(before)}**{escape(mention.text)}**{escape(after)}".strip()
    anchor = context.paragraph_anchor(mention.article, mention.sentence)
    target = _paragraph_link(context, mention.article, mention.sentence, page)
    return f"{quoted} [¶{anchor[1:]}]({target})"


def _paragraph_link(context: RenderContext, article_id: str, sentence: int, page: str) -> str:
    anchor = context.paragraph_anchor(article_id, sentence)
    return relative(f"articles/{article_id}.md#{anchor}", page)
