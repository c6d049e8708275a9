"""The page of one person, organization or place."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from sitegen.model import Entity, EntityMention
from sitegen.render.context import RenderContext
from sitegen.render.graph_svg import graph_for_entity
from sitegen.render.markdown import escape, heading, link, relative
from sitegen.render.passages import (
    KIND_LABEL,
    article_label,
    entity_link,
    more_articles,
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
"""Related entities named on a page (the rest are counted)."""
RELATED_SENTENCES_SHOWN = 15
"""Sentences quoted in the boxes of the most related; the next related are links."""
SHARED_SENTENCES_SHOWN = 3
"""Sentences quoted in one box."""
MENTIONS_SHOWN = 20
"""Sentences quoted under "Mentioned in" (whole articles at a time); the further articles are
listed with their counts, linked to the first paragraph naming the entity (an article page
links the entity in each paragraph naming it)."""


def render_entity_page(entity: Entity, context: RenderContext) -> tuple[str, str]:
    """(path, Markdown) of an entity's page."""
    page = entity.page
    parts = [
        named_page_front_matter(
            entity.name, entity.aliases, ENTITY_SEARCH_BOOST, len(entity.mentions)
        ),
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
    lines += [f"- {entity_link(org, page)}" for org in orgs]
    lines += [
        f"- {entity_link(member, page)} ({KIND_LABEL[member.kind].lower()})" for member in members
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
    """Each entity named in the same sentences, most often first: in boxes that open on the
    sentences they share while ``RELATED_SENTENCES_SHOWN`` are quoted, then as links with their
    counts."""
    counts = context.together.get(entity.id)
    if not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], context.entities[item[0]].name))
    lines = [
        "## Related\n",
        "Named in the same sentences, most often first; open one to read the sentences.\n",
    ]
    quoted = boxes = 0
    for other_id, count in ranked[:RELATED_LIMIT]:
        quoted += min(count, SHARED_SENTENCES_SHOWN)
        if quoted > RELATED_SENTENCES_SHOWN:
            break
        lines += _related_box(entity, context.entities[other_id], count, context, page)
        boxes += 1
    listed = ranked[boxes:RELATED_LIMIT]
    if listed:
        links = " · ".join(
            f"{entity_link(context.entities[other_id], page)} ({count})"
            for other_id, count in listed
        )
        lines.append(f"Also in the same sentences (how many): {links}\n")
    if len(ranked) > RELATED_LIMIT:
        lines.append(f"…and {len(ranked) - RELATED_LIMIT} more.")
    return "\n".join(lines) + "\n"


def _related_box(
    entity: Entity, other: Entity, count: int, context: RenderContext, page: str
) -> list[str]:
    """A collapsed box titled with the other entity, quoting the first shared sentences."""
    shared = context.shared_sentences(entity.id, other.id)
    sentences = "shared sentence" if count == 1 else "shared sentences"
    title = f"{entity_link(other, page)} · {KIND_LABEL[other.kind]} · "
    lines = [f'??? note "{title.replace(chr(34), "&quot;")}{count} {sentences}"\n']
    for article_id, index in shared[:SHARED_SENTENCES_SHOWN]:
        mention = next(
            item.mention
            for item in context.by_sentence[(article_id, index)]
            if item.entity.id == other.id
        )
        lines.append(f"    - {quote_sentence(context, mention, page)}")
    if len(shared) > SHARED_SENTENCES_SHOWN:
        lines.append(f"    - …and {len(shared) - SHARED_SENTENCES_SHOWN} more.")
    lines.append("")
    return lines


def _mentions(entity: Entity, context: RenderContext, page: str) -> str:
    """Every sentence naming the entity, by article: whole articles are quoted until
    ``MENTIONS_SHOWN`` sentences are, then the further articles are listed with their counts,
    each linked to its first paragraph naming the entity."""
    lines = ["## Mentioned in\n"]
    shown = more = 0
    rest: list[tuple[str, str, int]] = []
    for article_id, grouped in groupby(entity.mentions, key=lambda m: m.article):
        article = context.articles[article_id]
        first_in_sentence: dict[int, EntityMention] = {}
        for mention in grouped:
            first_in_sentence.setdefault(mention.sentence, mention)
        mentions = list(first_in_sentence.values())
        if shown >= MENTIONS_SHOWN:
            first = paragraph_link(context, article_id, mentions[0].sentence, page)
            rest.append((article.title, first, len(mentions)))
            more += len(mentions)
            continue
        lines.append(article_label(article, page))
        lines += [f"- {quote_sentence(context, mention, page)}" for mention in mentions]
        lines.append("")
        shown += len(mentions)
    if rest:
        sentences = "sentence names" if more == 1 else "sentences name"
        summary = (
            f"{more} more {sentences} {escape(entity.name)}, in these articles (sentences per "
            "article; each link opens the first paragraph naming it):"
        )
        lines += more_articles(rest, summary)
    return "\n".join(lines)
