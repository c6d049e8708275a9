"""The page of one person, organization or place."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from sitegen.model import Entity
from sitegen.render.context import RenderContext
from sitegen.render.graph_svg import graph_for_entity
from sitegen.render.markdown import escape, heading, link, relative
from sitegen.render.passages import (
    KIND_LABEL,
    named_page_front_matter,
    paragraph_link,
    quote_sentence,
)
from sitegen.render.timeline_page import timeline_for_entity
from sitegen.render.topic_page import topics_for_entity
from sitegen.slugs import SECTION_OF_KIND

REFERENCE_FORMS = 3
"""How many of the pronouns and nouns that refer to an entity its summary line shows."""

ENTITY_SEARCH_BOOST = 3
RELATED_LIMIT = 25
SHARED_SENTENCES_SHOWN = 5


def render_entity_page(entity: Entity, context: RenderContext) -> tuple[str, str]:
    """(path, Markdown) of an entity's page."""
    page = entity.page
    parts = [
        named_page_front_matter(entity.name, entity.aliases, ENTITY_SEARCH_BOOST),
        heading(1, entity.name) + "\n",
        _summary(entity, context),
        _aliases(entity),
        _roles(entity, context, page),
        _affiliations(entity, context, page),
        graph_for_entity(entity, context, page),
        _said(entity, context, page),
        _related(entity, context, page),
        timeline_for_entity(entity, context, page),
        topics_for_entity(entity, context, page),
        _mentions(entity, context, page),
    ]
    return page, "\n".join(part for part in parts if part)


def _summary(entity: Entity, context: RenderContext) -> str:
    articles = {mention.article for mention in entity.mentions}
    section = SECTION_OF_KIND[entity.kind]
    kind = link(KIND_LABEL[entity.kind], relative(f"{section}/index.md", entity.page))
    times = "time" if len(entity.mentions) == 1 else "times"
    count = "article" if len(articles) == 1 else "articles"
    line = f"{kind} · mentioned {len(entity.mentions)} {times} in {len(articles)} {count}"
    return line + _referred(entity) + "\n"


def _referred(entity: Entity) -> str:
    """ " · referred to 7 more times as “he”, “his”": the resolved pronouns and nouns."""
    if not entity.references:
        return ""
    forms = Counter(" ".join(r.text.lower().split()) for r in entity.references)
    shown = ", ".join(f"“{escape(form)}”" for form, _ in forms.most_common(REFERENCE_FORMS))
    times = "time" if len(entity.references) == 1 else "times"
    return f" · referred to {len(entity.references)} more {times} as {shown}"


def _aliases(entity: Entity) -> str:
    if not entity.aliases:
        return ""
    return "**Also known as:** " + " · ".join(escape(alias) for alias in entity.aliases) + "\n"


def _roles(entity: Entity, context: RenderContext, page: str) -> str:
    if not entity.roles:
        return ""
    linker = context.name_linker
    lines = ["## Roles\n"] + [f"- {linker.link(role, page, entity)}" for role in entity.roles]
    return "\n".join(lines) + "\n"


def _affiliations(entity: Entity, context: RenderContext, page: str) -> str:
    orgs = [context.entities[org_id] for org_id in entity.affiliations]
    members = context.members.get(entity.id, [])
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
    quotes = context.quotes_by_speaker.get(entity.id, [])
    if entity.kind != "person" or not quotes:
        return ""
    lines = [f"## What {escape(entity.name)} said\n"]
    for quote in quotes:
        article = context.articles[quote.article]
        anchor = context.paragraph_anchor(quote.article, quote.sentence)
        target = paragraph_link(context, quote.article, quote.sentence, page)
        source = link(f"{article.title}, ¶{anchor[1:]}", target)
        lines.append(f"- “{escape(' '.join(quote.text.split()))}” ({source})")
    return "\n".join(lines) + "\n"


def _related(entity: Entity, context: RenderContext, page: str) -> str:
    """Each entity named in the same sentences: kind, how often, and the sentences on demand."""
    counts = context.together.get(entity.id)
    if not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], context.entities[item[0]].name))
    lines = [
        "## Related\n",
        "Named in the same sentences, most often first; open one to read the sentences.\n",
    ]
    for other_id, count in ranked[:RELATED_LIMIT]:
        other = context.entities[other_id]
        shared = context.shared_sentences(entity.id, other_id)
        sentences = "shared sentence" if count == 1 else "shared sentences"
        title = f"{link(other.name, relative(other.page, page))} · {KIND_LABEL[other.kind]} · "
        lines.append(f'??? note "{title.replace(chr(34), "&quot;")}{count} {sentences}"\n')
        for article_id, index in shared[:SHARED_SENTENCES_SHOWN]:
            mention = next(
                item.mention
                for item in context.by_sentence[(article_id, index)]
                if item.entity.id == other_id
            )
            lines.append(f"    - {quote_sentence(context, mention, page)}")
        if len(shared) > SHARED_SENTENCES_SHOWN:
            lines.append(f"    - …and {len(shared) - SHARED_SENTENCES_SHOWN} more.")
        lines.append("")
    if len(ranked) > RELATED_LIMIT:
        lines.append(f"…and {len(ranked) - RELATED_LIMIT} more.")
    return "\n".join(lines) + "\n"


def _mentions(entity: Entity, context: RenderContext, page: str) -> str:
    lines = ["## Mentioned in\n"]
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
