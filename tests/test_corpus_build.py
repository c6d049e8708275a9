"""End to end on several real articles: a multi-article site builds with `mkdocs build --strict`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

FIXTURES = REPO / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("corpus")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    seeds = project / "seeds"
    seeds.mkdir()
    for article in FIXTURES.glob("*.md"):
        if article.name != "README.md":
            shutil.copy(article, seeds / article.name)
    shutil.copytree(REPO / "site_src" / "assets", project / "site_src" / "assets")
    result = subprocess.run(
        [sys.executable, "-m", "sitegen.cli", "build", "seeds"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return project


def test_every_article_has_a_page_and_headline_anchor(corpus_site: Path) -> None:
    articles = corpus_site / "site_src" / "articles"
    pages = {p.stem for p in articles.glob("*.md")} - {"index"}
    assert pages == {"meantime-102977", "meantime-60083", "gum-news-korea", "gum-interview-ants"}
    html = (corpus_site / "site" / "articles" / "gum-news-korea" / "index.html").read_text()
    assert 'id="p1"' in html  # the headline's anchor sits on the title


def test_entities_and_topics_span_articles(corpus_site: Path) -> None:
    people = {p.stem for p in (corpus_site / "site_src" / "people").glob("*.md")} - {"index"}
    organizations = {p.stem for p in (corpus_site / "site_src" / "organizations").glob("*.md")} - {
        "index"
    }
    assert len(people) >= 3 and len(organizations) >= 3
    assert not people & organizations
    index = (corpus_site / "site_src" / "articles" / "index.md").read_text()
    assert index.index("2015-") < index.index("2008-")  # newest first
    assert (corpus_site / "site" / "timeline" / "index.html").is_file()
    assert (corpus_site / "site" / "topics" / "index.html").is_file()
