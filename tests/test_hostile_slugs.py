"""Hostile names and file names: safe, stable, unique slugs that stay inside their folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.build import render_pages
from sitegen.ingest import assign_article_ids, read_articles, unique_article_ids
from sitegen.model import Article, Block, Entity, KnowledgeBase, Topic
from sitegen.slugs import RESERVED, SECTION_OF_KIND, assign_slugs, base_slug
from sitegen.write import contained, write_site
from tests.helpers import write

HOSTILE_NAMES = [
    "../../etc/passwd",
    "a/b",
    "\\",
    "\x00",
    "..",
    "!!!",
    "😀",
    "",
    "x" * 300,
    "Word " * 60,
    "习近平",
    "習近平",
    "C++",
    "C#",
    "C",
    "Apple",
    "APPLE",
    "AT&T",
    "AT & T",
    "index",
    "Index",
    "tags",
    "con",
    "nul",
    "NUL",
]
SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def test_hostile_names_get_safe_slugs() -> None:
    for name, slug in assign_slugs(HOSTILE_NAMES).items():
        assert SAFE_SLUG.match(slug), (name, slug)
        assert len(slug) <= 60 + 17, (name, slug)


def test_hostile_names_get_unique_slugs() -> None:
    slugs = assign_slugs(HOSTILE_NAMES)
    assert len(set(slugs.values())) == len(set(HOSTILE_NAMES))


def test_hostile_slugs_are_stable_across_runs_and_orders() -> None:
    assert assign_slugs(HOSTILE_NAMES) == assign_slugs(list(reversed(HOSTILE_NAMES)))
    assert base_slug("习近平") == "xi-jin-ping"
    assert base_slug("😀").startswith("name-") and base_slug("") != base_slug("😀")


def test_colliding_names_keep_the_plain_slug_for_the_first_in_order() -> None:
    slugs = assign_slugs(["C++", "C#", "C", "Apple", "APPLE", "AT&T", "AT & T"])
    assert slugs["APPLE"] == "apple" and slugs["Apple"].startswith("apple-")
    assert slugs["AT & T"] == "at-t" and slugs["AT&T"].startswith("at-t-")
    assert {slugs["C"], slugs["C#"], slugs["C++"]} == {"c", slugs["C#"], slugs["C++"]}
    assert len({slugs["C"], slugs["C#"], slugs["C++"]}) == 3


def test_reserved_names_never_take_a_section_page_name() -> None:
    slugs = assign_slugs(["index", "Index", "tags", "con", "nul", "NUL", "README"])
    assert not set(slugs.values()) & RESERVED


def test_hashed_slug_that_is_already_taken_gets_a_longer_hash() -> None:
    clash = base_slug("Apple") + "-" + assign_slugs(["Apple", "APPLE"])["Apple"].split("-")[1]
    slugs = assign_slugs(["Apple", "APPLE", clash])
    assert len(set(slugs.values())) == 3


def test_hostile_slugs_stay_inside_their_folder(tmp_path: Path) -> None:
    slugs = assign_slugs(HOSTILE_NAMES)
    pages = {f"people/{slug}.md": f"{name!r}\n" for name, slug in slugs.items()}
    root = tmp_path.resolve()
    for path in pages:
        assert contained(root, path).parent == root / "people"
    write_site(pages, tmp_path)
    assert len(list((tmp_path / "people").glob("*.md"))) == len(pages)


def test_article_files_whose_names_slug_alike_get_distinct_stable_ids(tmp_path: Path) -> None:
    for name in ("Hello World.txt", "hello-world.txt", "HELLO_WORLD.md", "index.txt", "习近平.txt"):
        write(tmp_path / name, f"Text of {name}.\n")
    ids = [article.id for article in read_articles([tmp_path])]
    assert len(set(ids)) == 5
    assert ids == [article.id for article in read_articles([tmp_path])]
    assert "hello-world" in ids and "index" not in ids
    assert all(SAFE_SLUG.match(article_id) for article_id in ids)


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    first = write(tmp_path / "a" / "story.txt", "One.\n")
    second = write(tmp_path / "b" / "story.txt", "Two.\n")
    ids = assign_article_ids([("story", str(second)), ("story", str(first))])
    assert ids[str(first)] == "story" and ids[str(second)].startswith("story-")


@pytest.mark.parametrize("name", ["index", "tags", "con"])
def test_article_named_like_a_section_page_does_not_replace_it(tmp_path: Path, name: str) -> None:
    write(tmp_path / f"{name}.txt", "Some text.\n")
    (article,) = read_articles([tmp_path])
    assert article.id.startswith(f"{name}-") and article.id != name


CLASHING = ["Index", "index", "Paris", "PARIS", "paris", "C++", "C#", "Review", "Timeline",
            "Graph", "About", "Tags", "People", "Topics", "2005", "😀", "!!!", "a/b", ".."]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(st.sampled_from(CLASHING) | st.text(min_size=1, max_size=12), min_size=1,
                   max_size=8),
    kinds=st.lists(st.sampled_from(["person", "organization", "place"]), min_size=8,
                   max_size=8),
)
def test_colliding_names_across_kinds_get_distinct_pages_and_none_is_dropped(
    names: list[str], kinds: list[str]
) -> None:
    """Entities of every kind, topics and articles named alike ("Paris" a person, a place and a
    topic; "Index", "Review", "Timeline" like the site's own pages) each get a page of their
    own: rendering never finds two claiming one path, and every one is there."""
    text = "Some text.\n"
    articles = unique_article_ids(
        [
            Article(base_slug(name, max_length=80, fallback="article"), f"{n}.txt", text,
                    (Block("paragraph", 0, 10, 1),), name)
            for n, name in enumerate(names)
        ]
    )
    entities = []
    for kind in ("person", "organization", "place"):
        mine = [name for name, its in zip(names, kinds, strict=False) if its == kind]
        slugs = assign_slugs(mine)
        section = SECTION_OF_KIND[kind]  # type: ignore[index]
        entities += [
            Entity(f"{kind}:{slugs[name]}", kind, name, f"{section}/{slugs[name]}.md")  # type: ignore[arg-type]
            for name in dict.fromkeys(mine)
        ]
    topic_slugs = assign_slugs(names)
    topics = tuple(
        Topic(f"topic:{slug}", name, f"topics/{slug}.md") for name, slug in topic_slugs.items()
    )
    kb = KnowledgeBase(tuple(articles), entities=tuple(entities), topics=topics)
    pages = render_pages(kb)
    expected = {e.page for e in entities} | {t.page for t in topics}
    expected |= {f"articles/{a.id}.md" for a in articles}
    assert expected <= set(pages)
    assert len({e.page for e in entities}) == len(entities)
