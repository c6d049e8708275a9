"""Material's navigation rendered once for the pages outside it that see it alike
(``sitegen/navcache.py``): the same site byte for byte, shared only where it may be."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from sitegen.navcache import SharedNav
from tests.helpers import REPO, run_mkdocs_build


def test_pages_outside_the_navigation_share_a_key_where_their_links_are_alike(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    for page in ("index.md", "people/index.md", "people/a.md", "people/b.md", "articles/x.md"):
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text(f"# {page}\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nnav:\n  - Home: index.md\n  - People: people/index.md\n"
        "not_in_nav: |\n  /people/a.md\n  /people/b.md\n  /articles/x.md\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    nav = get_navigation(files, config)
    page = {file.src_uri: file.page for file in files.documentation_pages()}
    shared = SharedNav()
    a, b, x = (
        shared.key(page[uri], nav, config)
        for uri in ("people/a.md", "people/b.md", "articles/x.md")
    )
    assert a is not None and a == b  # one folder: the same relative links
    assert x is not None and x != a  # another folder: "../../people/", not "../"
    assert shared.key(page["people/index.md"], nav, config) is None  # its item is active
    assert shared.key(None, nav, config) is None  # a theme template (404) has no page
    shared.keep(a, "<nav>kept</nav>")
    assert shared.kept(b) == "<nav>kept</nav>"
    assert shared.kept(x) is None
    again = get_navigation(files, config)  # a new build's navigation: nothing kept from the last
    assert shared.key(page["people/b.md"], again, config) == b and shared.kept(b) is None


@pytest.mark.site
def test_the_site_is_the_same_with_and_without_the_shared_navigation(tmp_path: Path) -> None:
    (tmp_path / "site_src").mkdir()
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    shared = run_mkdocs_build(tmp_path)
    assert shared.returncode == 0, shared.stderr
    plain = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sitegen.navcache as n, sys; n.SHARED = False; "
            "from mkdocs.__main__ import cli; sys.argv = ['mkdocs', 'build', '--strict', "
            "'-d', 'site-plain']; cli()",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert plain.returncode == 0, plain.stderr
    built = {
        p.relative_to(tmp_path / "site"): p.read_bytes()
        for p in (tmp_path / "site").rglob("*")
        if p.is_file()
    }
    again = {
        p.relative_to(tmp_path / "site-plain"): p.read_bytes()
        for p in (tmp_path / "site-plain").rglob("*")
        if p.is_file()
    }
    assert built.keys() == again.keys()
    differing = [str(path) for path in built if built[path] != again[path]]
    assert not differing, differing[:5]
    outside = (tmp_path / "site" / "people").rglob("index.html")
    assert sum("md-nav--primary" in p.read_text(encoding="utf-8") for p in outside) >= 3
