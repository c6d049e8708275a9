"""Index pages that hold at any size: A–Z pages for long sections, a page per year of articles."""

from __future__ import annotations

import datetime as dt
import re

from sitegen.model import Article, Block, Entity, EntityMention, KnowledgeBase, Review
from sitegen.render.about_page import render_review
from sitegen.render.index_pages import render_articles_index, render_section_index
from sitegen.render.paged_index import INDEX_ROWS, LETTER_ROWS, IndexTable, render_index

LINK = re.compile(r"\]\(([^)]+)\)")


def people(names: list[str]) -> KnowledgeBase:
    entities = tuple(
        Entity(f"person:p{i}", "person", name, f"people/p{i}.md",
               mentions=(EntityMention("a", 0, 1, name, 0),))
        for i, name in enumerate(names)
    )
    return KnowledgeBase(articles=(), entities=entities)


def resolve(page: str, target: str) -> str:
    """The docs path a relative link from ``page`` points to."""
    parts = page.split("/")[:-1]
    for piece in target.split("#")[0].split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in (".", ""):
            parts.append(piece)
    return "/".join(parts)


def test_a_short_section_is_one_page() -> None:
    pages = render_section_index("person", people(["Ann", "Bob"]))
    assert [path for path, _ in pages] == ["people/index.md"]


def test_a_long_section_is_split_by_letter_and_every_entity_is_on_one_page() -> None:
    names = [f"{letter}person {i}" for letter in "ABCÉ9" for i in range(80)]
    pages = dict(render_section_index("person", people(names)))
    assert set(pages) == {"people/index.md", "people/index/a.md", "people/index/b.md",
                          "people/index/c.md", "people/index/e.md", "people/index/0-9.md"}
    assert "**By name:**" in pages["people/index.md"] and "## Most mentioned" in pages[
        "people/index.md"]
    listed = [
        resolve(path, target)
        for path, text in pages.items()
        if path != "people/index.md"
        for target in LINK.findall(text)
        if "/index" not in resolve(path, target)
    ]
    assert sorted(listed) == sorted(f"people/p{i}.md" for i in range(len(names)))
    for path, text in pages.items():  # every link lands on a page of the site
        for target in LINK.findall(text):
            landed = resolve(path, target)
            assert landed in pages or landed.startswith("people/p"), (path, target)


def test_a_crowded_letter_is_split_by_two_letters() -> None:
    rows = [(f"S{second}name {i}", lambda page, i=i: f"| {i} |")
            for second in "aeiou" for i in range(LETTER_ROWS // 4)]
    pages = dict(render_index(IndexTable("x/index.md", "Things", "", ("N",), rows)))
    assert {"x/index/sa.md", "x/index/su.md"} <= set(pages) and "x/index/s.md" not in pages
    assert "Things: Sa…" in pages["x/index/sa.md"]


def test_many_articles_get_a_page_per_year() -> None:
    articles = tuple(
        Article(f"a{i}", "a.txt", "x", (Block("paragraph", 0, 1, 1),), f"Story {i}",
                dt.date(2000 + i % 3, 1, 1) if i % 50 else None)
        for i in range(INDEX_ROWS + 1)
    )
    pages = dict(render_articles_index(KnowledgeBase(articles=articles)))
    assert set(pages) == {"articles/index.md", "articles/index/2000.md",
                          "articles/index/2001.md", "articles/index/2002.md",
                          "articles/index/undated.md"}
    assert sum(text.count("../a") for text in pages.values()) == INDEX_ROWS + 1


def _named_once(name: str) -> Entity:
    slug = name.lower().replace(" ", "-")
    mention = EntityMention("a", 0, len(name), name, 0)
    return Entity(f"person:{slug}", "person", name, f"people/{slug}.md", mentions=(mention,))


def test_the_review_lists_each_kind_of_item_on_pages_of_its_own_split_by_letter() -> None:
    """Thousands of review items (11,941 at 2,500 archive articles) are a page per kind of
    item, by letter when long: one more item changes the review page, its kind's page and
    one letter's page, not a megabyte of them all."""
    names = [f"{first} Zed{n}" for first in ("Anna", "Boris", "Clara") for n in range(200)]
    review = Review((*map(_named_once, names),), (), (), (), (), ())
    pages = dict(render_review(review))
    assert "[Named only once](review/named-once.md): 600 items" in pages["review.md"]
    assert "- Kind in doubt: 0 items" in pages["review.md"]  # nothing to list: no page
    assert "review/kind-in-doubt.md" not in pages
    letters = sorted(path for path in pages if path.startswith("review/named-once/"))
    assert letters == ["review/named-once/a.md", "review/named-once/b.md", "review/named-once/c.md"]
    assert "[Boris Zed7](../../people/boris-zed7.md)" in pages["review/named-once/b.md"]
    more = Review((*map(_named_once, [*names, "Boris Zed999"]),), (), (), (), (), ())
    changed = {path for path, text in render_review(more) if pages.get(path) != text}
    assert changed == {"review.md", "review/named-once.md", "review/named-once/b.md"}
