"""The page budget: which people, organizations and places get a page of their own.

On an archive most entities are named once, in one article (on 2,452 wire articles, 56% of
10,373 entity pages had a single mention and 76% one article). Their pages cost build time,
site size and search index, and bury the pages readers open. An entity keeps its page when a
reader needs one:

- it is named in ``PageBudget.articles`` articles or more (or in every article of a smaller
  site: the one article of a site names everyone it has);
- or it is named ``PageBudget.mentions`` times or more;
- or it has a role, is named in someone's role (an organization people are affiliated with),
  or is quoted.

The others keep their id, kind, aliases and mentions (the JSON export lists them, with
``"page": null``); their page path is "", so the renderers name them as text: their article's
page lists them in its "Named in this article" box, and search finds them there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sitegen.model import Entity, KnowledgeBase

NO_PAGE = ""
"""``Entity.page`` of an entity without a page of its own."""


@dataclass(frozen=True)
class PageBudget:
    """When an entity gets a page of its own (see the module's docstring); 1 and 1 keep all."""

    articles: int = 2
    """Named in at least this many articles (or in every article of a smaller site)."""
    mentions: int = 3
    """Or named at least this many times."""


def has_page(entity: Entity) -> bool:
    """Whether the entity has a page of its own."""
    return entity.page != NO_PAGE


def apply_page_budget(kb: KnowledgeBase, budget: PageBudget = PageBudget()) -> KnowledgeBase:
    """``kb`` with the page path of every entity that does not earn a page set to ``NO_PAGE``."""
    keep = pages_kept(kb, budget)
    entities = tuple(e if e.id in keep else replace(e, page=NO_PAGE) for e in kb.entities)
    return replace(kb, entities=entities)


def pages_kept(kb: KnowledgeBase, budget: PageBudget) -> set[str]:
    """The ids of the entities that earn a page of their own."""
    needed_articles = max(1, min(budget.articles, len(kb.articles)))
    speakers = {quote.speaker for quote in kb.quotes}
    affiliated = {org for entity in kb.entities for org in entity.affiliations}
    kept = set()
    for entity in kb.entities:
        articles = len({mention.article for mention in entity.mentions})
        if (
            articles >= needed_articles
            or len(entity.mentions) >= budget.mentions
            or entity.roles
            or entity.id in affiliated
            or entity.id in speakers
        ):
            kept.add(entity.id)
    return kept
