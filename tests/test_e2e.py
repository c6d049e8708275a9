"""End to end: the seed site built with the real model and `mkdocs build --strict`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO

HAND_WRITTEN = "# Notes\n\nThis page is written by hand; sitegen never touches it.\n"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("project")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - About: about.md\n", "  - About: about.md\n  - Notes: notes.md\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "seeds", project / "seeds")
    (project / "site_src").mkdir()
    (project / "site_src" / "notes.md").write_text(HAND_WRITTEN, encoding="utf-8")
    shutil.copytree(REPO / "site_src" / "assets", project / "site_src" / "assets")
    subprocess.run(
        [sys.executable, "-m", "sitegen.cli", "build", "seeds"],
        cwd=project,
        check=True,
    )
    return project


def entity_pages(project: Path, section: str) -> set[str]:
    return {p.stem for p in (project / "site_src" / section).glob("*.md")} - {"index"}


def test_one_page_per_person_and_no_fragments(built_site: Path) -> None:
    people = entity_pages(built_site, "people")
    for expected in ("mark-carney", "xi-jinping", "michael-kovrig", "lynette-ong", "maya-wang"):
        assert expected in people
    for fragment in ("carney", "xi", "kovrig", "ong", "meng", "michael", "michaels"):
        assert fragment not in people
    places = entity_pages(built_site, "places")
    assert {"canada", "china", "beijing", "united-states"} <= places
    assert "michaels" not in places and "us" not in places
    organizations = entity_pages(built_site, "organizations")
    assert "new-york-times" in organizations and "times" not in organizations
    assert not (people & organizations) and not (people & places)


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    site = built_site / "site"
    html_files = list(site.rglob("*.html"))
    assert len(html_files) > 30
    ids: dict[Path, set[str]] = {}
    checked = 0
    for page in html_files:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for anchor in soup.select("article a[href]"):
            href = str(anchor["href"])
            parts = urlsplit(href)
            if parts.scheme or href.startswith("#") or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page}: broken link {href}"
            if parts.fragment:
                if target not in ids:
                    target_soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                    ids[target] = {str(t["id"]) for t in target_soup.select("[id]")}
                assert parts.fragment in ids[target], f"{page}: missing anchor {href}"
            checked += 1
    assert checked > 200


def test_entity_pages_link_to_article_paragraphs_and_each_other(built_site: Path) -> None:
    page = (built_site / "site_src" / "people" / "michael-kovrig.md").read_text()
    assert "../articles/000-d42f63b547b7a051.md#p" in page
    assert "../organizations/international-crisis-group.md" in page
    article = next((built_site / "site_src" / "articles").glob("000*.md")).read_text()
    assert "[Michael Kovrig](../people/michael-kovrig.md)" in article
    assert "## Tariffs and Countertariffs" in article


def test_pagefind_indexes_the_pages_and_weighs_names_and_aliases(built_site: Path) -> None:
    """Search is Pagefind's chunked index; Material's own index holds no page (its plugin
    would parse every page for nothing); a named page carries its name and aliases, weighed
    most, and an index page keeps out of search."""
    site = built_site / "site"
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] >= 50
    assert list((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert json.loads((site / "search" / "search_index.json").read_text())["docs"] == []
    kovrig = (site / "people" / "michael-kovrig" / "index.html").read_text()
    hidden = kovrig.split('data-pagefind-weight="10"', 1)[1].split("</div>", 1)[0]
    assert 'data-pagefind-meta="named:3"' in hidden and "Mr. Kovrig" in hidden
    assert 'data-pagefind-meta="weight:2"' in hidden  # his mentions: the heavier first
    assert "data-pagefind-body" in kovrig
    assert "data-pagefind-body" not in (site / "people" / "index.html").read_text()
    worker = (site / "assets" / "sitegen" / "search-worker.js").read_text()
    assert "pagefind/pagefind.js" in worker
    assert '"search": ' in kovrig and "assets/sitegen/search-worker.js" in kovrig


def test_hand_written_page_is_kept_and_built(built_site: Path) -> None:
    assert (built_site / "site" / "notes" / "index.html").is_file()
    assert (built_site / "site_src" / "notes.md").read_text() == HAND_WRITTEN


def test_generated_about_page_lists_the_articles(built_site: Path) -> None:
    about = (built_site / "site_src" / "about.md").read_text()
    assert "generated by sitegen" in about
    assert "(articles/000-d42f63b547b7a051.md)" in about
    assert (built_site / "site" / "about" / "index.html").is_file()
    assert (built_site / "site" / "review" / "index.html").is_file()


def test_timeline_page_lists_seed_events_in_order(built_site: Path) -> None:
    timeline = (built_site / "site_src" / "timeline.md").read_text()
    order = [
        "Tuesday, January 13, 2026",
        "Wednesday, January 14, 2026",
        "Thursday, January 15, 2026",
        "Friday, January 16, 2026",
        "Saturday, January 17, 2026",
    ]
    positions = [timeline.index(f"**{day}**") for day in order]
    assert positions == sorted(positions)
    assert (built_site / "site" / "timeline" / "index.html").is_file()
    carney = (built_site / "site_src" / "people" / "mark-carney.md").read_text()
    assert "## Timeline" in carney and "Wednesday, January 14, 2026" in carney


def test_topic_pages_are_built_and_linked(built_site: Path) -> None:
    topics = built_site / "site_src" / "topics"
    pages = {p.stem for p in topics.glob("*.md")} - {"index"}
    assert len(pages) >= 5
    people = {p.stem.replace("-", " ") for p in (built_site / "site_src" / "people").glob("*.md")}
    assert not ({p.replace("-", " ") for p in pages} & people)
    assert (built_site / "site" / "topics" / "index.html").is_file()
    article = next((built_site / "site_src" / "articles").glob("000*.md")).read_text()
    assert "**Topics:**" in article and "../topics/" in article
