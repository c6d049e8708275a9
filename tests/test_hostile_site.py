"""Hostile input through a real `sitegen build` (real model, `mkdocs build --strict`).

Text must show as text wherever it lands: page body, `<title>`, header, nav, meta tags and the
search index; no built page may carry an event-handler attribute or a `javascript:` link that
came from the input. Two builds give byte-identical output; a failed build keeps the old site.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitegen.sitedir import staged_folder
from tests.helpers import REPO, run_sitegen, write

TITLE = "\"><script>alert(1)</script> <img src=x onerror=alert(2)> AT&T's 'quoted'"
SOURCE = '"><script>alert(3)</script>'
AUTHOR = "<img src=x onerror=alert(4)>"
BODY = """\
Note: x

Mark Carney met <script>alert(5)</script> officials in Beijing on Tuesday.

1986. A great year for { onclick=alert(6) } and [x](javascript:alert(7)) in Ottawa.

#hashtag <Unknown> Corp said AT&T | x [Reuters] *_ in Canada.

<img src=x onerror=alert(8)> Justin Trudeau spoke in Toronto.
"""
HOSTILE_TEXTS = (
    "Mark Carney met <script>alert(5)</script> officials in Beijing on Tuesday.",
    "1986. A great year for { onclick=alert(6) } and [x](javascript:alert(7)) in Ottawa.",
    "#hashtag <Unknown> Corp said AT&T | x [Reuters] *_ in Canada.",
    "Note: x",
)
# The theme's own share button is the one javascript: link a Material page has.
THEME_JS_LINKS = {"javascript:void(0)"}


def hostile_article() -> str:
    meta = {"title": TITLE, "source": SOURCE, "authors": [AUTHOR], "published": "2026-01-13"}
    lines = [f"{key}: {json.dumps(value)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + BODY


def sitegen(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_sitegen(*args, cwd=project)


def make_project(root: Path) -> Path:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - About: about.md\n", "  - About: about.md\n  - Notes: notes.md\n")
    write(root / "mkdocs.yml", config)
    write(root / "seeds" / "evil.md", hostile_article())
    write(root / "site_src" / "notes.md", "# Notes\n\nHand-written.\n")
    return root


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile"))
    result = sitegen(project, "build", "seeds")
    assert result.returncode == 0, result.stderr
    return project


def built_pages(project: Path) -> list[tuple[Path, BeautifulSoup]]:
    return [
        (page, BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser"))
        for page in sorted((project / "site").rglob("*.html"))
    ]


def test_hostile_no_event_handler_or_javascript_url_in_any_page(hostile_site: Path) -> None:
    for page, soup in built_pages(hostile_site):
        assert not soup.find_all("script", string=lambda s: bool(s and "alert(" in s)), page
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), f"{page}: <{tag.name} {name}>"
                if name in ("href", "src", "action", "formaction"):
                    url = str(value).strip().lower()
                    if url.startswith("javascript:"):
                        assert url in THEME_JS_LINKS, f"{page}: {tag}"
        assert not soup.find_all("img", src="x"), page


def test_hostile_title_shows_literally_in_title_header_and_h1(hostile_site: Path) -> None:
    page = hostile_site / "site" / "articles" / "evil" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.title is not None
    assert soup.title.get_text() == f"{TITLE} - News knowledge base"
    header = soup.select_one(".md-header__topic[data-md-component=header-topic]")
    assert header is not None and header.get_text(" ", strip=True) == TITLE
    h1 = soup.select_one("article h1")
    assert h1 is not None and h1.get_text().rstrip("¶") == TITLE


def test_hostile_byline_and_body_text_show_literally(hostile_site: Path) -> None:
    page = hostile_site / "site" / "articles" / "evil" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None
    text = " ".join(article.get_text(" ").split())
    assert f"Source: {SOURCE}" in text
    assert f"By: {AUTHOR}" in text
    paragraphs = [" ".join(p.get_text().split()) for p in article.find_all("p")]
    for expected in HOSTILE_TEXTS:
        assert expected in paragraphs
    assert not article.find_all(["ol", "table", "h2", "script", "img"])


def test_hostile_meta_tags_and_nav_carry_no_markup(hostile_site: Path) -> None:
    for page, soup in built_pages(hostile_site):
        for meta in soup.find_all("meta"):
            assert "<" not in str(meta.get("content", "")), page
        for label in soup.select("nav .md-ellipsis"):
            assert not label.find_all(["script", "img"]), page


def test_hostile_search_index_titles_are_escaped_once(tmp_path: Path) -> None:
    """Material's own index (``search: material``); Pagefind reads the built HTML, whose
    escaping the other tests check."""
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - sitegen:\n", "  - sitegen:\n      search: material\n"))
    assert "search: material" in config.read_text(encoding="utf-8")
    assert sitegen(project, "build", "seeds").returncode == 0
    index = json.loads((project / "site" / "search" / "search_index.json").read_text())
    docs = [doc for doc in index["docs"] if doc["location"].startswith("articles/evil/")]
    assert docs
    page_doc = next(doc for doc in docs if doc["location"] == "articles/evil/")
    # Material renders search titles and text as HTML: one level of entities shows literally.
    title = BeautifulSoup(page_doc["title"], "html.parser")
    assert title.get_text() == TITLE and not title.find_all(True)
    for doc in docs:
        soup = BeautifulSoup(doc["text"], "html.parser")
        assert not soup.find_all(["script", "img", "a"]), doc["location"]
        assert "&amp;lt;" not in doc["text"] and "&amp;amp;" not in doc["title"]
    text = " ".join(BeautifulSoup(page_doc["text"], "html.parser").get_text(" ").split())
    for expected in HOSTILE_TEXTS:
        assert expected in text


def test_hostile_build_twice_is_byte_identical(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert sitegen(project, "build", "seeds").returncode == 0
    first = tree_digest(project / "site"), tree_digest(project / "site_src")
    shutil.rmtree(project / "site")
    assert sitegen(project, "build", "seeds").returncode == 0
    second = tree_digest(project / "site"), tree_digest(project / "site_src")
    assert first == second
    assert "sitemap.xml.gz" in first[0]
    # The gzip header's time is SOURCE_DATE_EPOCH, else the newest article date (2026-01-13).
    header = (project / "site" / "sitemap.xml.gz").read_bytes()[:8]
    expected = int(os.environ.get("SOURCE_DATE_EPOCH") or 1_768_262_400)
    assert int.from_bytes(header[4:8], "little") == expected


def test_hostile_failed_mkdocs_build_keeps_the_old_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert sitegen(project, "build", "seeds").returncode == 0
    before = tree_digest(project / "site")
    # A hand-written page with a broken link fails `mkdocs build --strict`.
    write(project / "site_src" / "notes.md", "# Notes\n\n[broken](missing.md)\n")
    result = sitegen(project, "build", "seeds")
    assert result.returncode == 1
    assert "the previous site was kept" in result.stderr
    assert tree_digest(project / "site") == before
    left = sorted(p.name for p in project.iterdir() if p.name != ".sitegen-cache")
    assert left == ["mkdocs.yml", "seeds", "site", "site_src"]  # no staging folder left


def test_leftovers_of_a_build_killed_outright_are_removed_by_the_next(tmp_path: Path) -> None:
    """A build killed with SIGKILL leaves its staging folder (``.site-new-PID-*``); the next
    build removes it when that process is gone. A folder of a running build, or any other
    folder, stays."""
    site = tmp_path / "site"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f".site-new-{dead.stdout.strip()}-abc"
    (stale / "people").mkdir(parents=True)
    (stale / "people" / "x.html").write_text("partial", encoding="utf-8")
    running = tmp_path / f".site-new-{os.getpid()}-def"
    running.mkdir()
    mine = tmp_path / ".site-new-notes"
    mine.mkdir()
    with staged_folder(site) as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert not stale.exists() and running.exists() and mine.exists()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"


def test_sigterm_during_a_build_leaves_no_staging_folder(tmp_path: Path) -> None:
    """SIGTERM (what a CI timeout or `kill` sends) ends the command as Ctrl-C does: the
    staging folder is removed and the old site kept."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from sitegen.cli import _terminated\n"
        "from sitegen.sitedir import staged_folder\n"
        "signal.signal(signal.SIGTERM, _terminated)\n"
        f"with staged_folder(Path({str(site)!r})) as staging:\n"
        "    (staging / 'half.html').write_text('half')\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
