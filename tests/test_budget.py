"""The page budget: who gets a page of their own, and how the others are shown and exported."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from sitegen.config import load_settings
from sitegen.errors import ConfigError
from sitegen.export import export_knowledge
from sitegen.model import (
    Analysis,
    Article,
    Block,
    Entity,
    EntityMention,
    KnowledgeBase,
    Quote,
    Sentence,
)
from sitegen.render import render_site
from sitegen.resolve.budget import PageBudget, apply_page_budget, pages_kept
from sitegen.site import pipeline_options


def article(article_id: str, text: str) -> tuple[Article, Analysis]:
    blocks = (Block("paragraph", 0, len(text), 1),)
    made = Article(article_id, f"{article_id}.txt", text, blocks, f"Story {article_id}",
                   dt.date(2026, 1, 13))
    return made, Analysis(article_id, (Sentence(0, len(text), 0),), ())


def entity(name: str, kind: str, mentions: list[tuple[str, int, int]], **extra: object) -> Entity:
    section = {"person": "people", "organization": "organizations", "place": "places"}[kind]
    slug = name.lower().replace(" ", "-")
    return Entity(
        id=f"{kind}:{slug}",
        kind=kind,  # type: ignore[arg-type]
        name=name,
        page=f"{section}/{slug}.md",
        mentions=tuple(EntityMention(a, s, e, name, 0) for a, s, e in mentions),
        **extra,  # type: ignore[arg-type]
    )


TEXT_A = "Ann Lee met Bob Roy in Kent. Lee said Acme would grow. Lee left."
TEXT_B = "Ann Lee visited Dover."


def two_articles() -> KnowledgeBase:
    (a, analysis_a), (b, analysis_b) = article("a", TEXT_A), article("b", TEXT_B)
    ann = entity("Ann Lee", "person", [("a", 0, 7), ("b", 0, 7)])  # two articles
    bob = entity("Bob Roy", "person", [("a", 12, 19)])  # once, one article
    kent = entity("Kent", "place", [("a", 23, 27)])
    acme = entity("Acme", "organization", [("a", 38, 42)])
    dover = entity("Dover", "place", [("b", 16, 21)], roles=("a port town",))
    return KnowledgeBase(
        articles=(a, b),
        analyses={"a": analysis_a, "b": analysis_b},
        entities=(ann, bob, kent, acme, dover),
    )


def test_an_entity_in_two_articles_or_with_a_role_keeps_its_page() -> None:
    kept = pages_kept(two_articles(), PageBudget())
    assert kept == {"person:ann-lee", "place:dover"}


def test_several_mentions_a_quote_or_an_affiliation_earn_a_page() -> None:
    kb = two_articles()
    bob, kent, acme = kb.entities[1], kb.entities[2], kb.entities[3]
    thrice = replace(bob, mentions=bob.mentions * 3)
    member = replace(kent, affiliations=(acme.id,))
    quote = Quote(speaker=kent.id, text="grow", article="a", start=0, end=4, sentence=0)
    kb = replace(kb, entities=(kb.entities[0], thrice, member, acme, kb.entities[4]),
                 quotes=(quote,))
    assert pages_kept(kb, PageBudget()) == {e.id for e in kb.entities}


def test_thresholds_are_options_and_one_keeps_every_page() -> None:
    kb = two_articles()
    assert pages_kept(kb, PageBudget(articles=1)) == {e.id for e in kb.entities}
    assert pages_kept(kb, PageBudget(articles=3, mentions=1)) == {e.id for e in kb.entities}
    # Ann Lee is in both articles of this site of two: named in every article counts
    assert pages_kept(kb, PageBudget(articles=5, mentions=5)) == {"person:ann-lee", "place:dover"}


def test_a_site_of_one_article_keeps_every_page() -> None:
    kb = two_articles()
    only_a = replace(kb, articles=kb.articles[:1],
                     entities=tuple(e for e in kb.entities if e.name != "Dover"))
    assert pages_kept(only_a, PageBudget()) == {e.id for e in only_a.entities}


def test_settings_carry_the_budget_and_reject_zero(tmp_path: object) -> None:
    settings = load_settings({"seeds": ".", "page_articles": 3, "page_mentions": 4})
    assert pipeline_options(settings).page_budget == PageBudget(3, 4)
    with pytest.raises(ConfigError, match="option 'page_mentions' must be at least 1"):
        load_settings({"seeds": ".", "page_mentions": 0})


def test_entities_without_a_page_are_named_not_linked_and_exported_without_one() -> None:
    kb = apply_page_budget(two_articles())
    site = render_site(kb)
    assert "people/ann-lee.md" in site and "places/dover.md" in site
    assert not any(path in site for path in ("people/bob-roy.md", "places/kent.md"))
    page = site["articles/a.md"]
    assert "Bob Roy" in page and "bob-roy" not in page  # named in the box, not linked
    assert "[Ann Lee](../people/ann-lee.md)" in page
    assert all("bob-roy" not in text for text in site.values())  # no broken link anywhere
    people = site["people/index.md"]
    assert "1 with a page of their own; 1 more" in people and "Bob Roy" not in people
    exported = {e["name"]: e["page"] for e in export_knowledge(kb)["entities"]}
    assert exported["Bob Roy"] is None and exported["Ann Lee"] == "people/ann-lee.md"
