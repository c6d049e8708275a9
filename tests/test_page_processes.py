"""MkDocs' pages built by more than one process (``sitegen/page_processes.py``): the same site
byte for byte, anchors and warnings carried back, a failure there fails the build."""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import sitegen.page_processes as page_processes
from sitegen.page_processes import AUTOMATIC_FROM, PLACEHOLDER, process_count, shares
from tests.helpers import REPO, run_mkdocs_build


def test_shares_give_the_largest_pages_first_to_the_least_loaded_process() -> None:
    sizes = {"a.md": 50, "b.md": 40, "c.md": 30, "d.md": 20, "e.md": 10}
    (child,) = shares(sizes, kept=0, count=2, elsewhere=0)
    # a -> this process (ties go to it), b -> child, c -> child (40 < 50), d -> this, e -> this
    assert child == {"b.md", "c.md"}
    # pages that must stay here count: with 60 characters kept, the largest goes elsewhere
    (child,) = shares(sizes, kept=60, count=2, elsewhere=0)
    assert child == {"a.md", "b.md", "e.md"}  # 100 characters, against 60 + c, d = 110
    two = shares(sizes, kept=0, count=3)
    assert len(two) == 2
    assert not two[0] & two[1]
    assert shares({}, kept=10, count=2) == []


def test_each_page_built_elsewhere_costs_this_process_a_share_of_a_page() -> None:
    """This process still templates, reads and writes each page another builds: with that
    counted (a tenth of the average page of 30 here), e goes to the other process too."""
    sizes = {"a.md": 50, "b.md": 40, "c.md": 30, "d.md": 20, "e.md": 10}
    # a -> here (50), b -> there (40; here 53), c -> there (70; here 56), d -> here (76),
    # e -> there (70 < 76)
    (child,) = shares(sizes, kept=0, count=2, elsewhere=0.1)
    assert child == {"b.md", "c.md", "e.md"}


def test_process_count_follows_the_setting_else_the_site_size_and_cpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert process_count(3, 10) == 3
    assert process_count(1, 10**6) == 1
    monkeypatch.setattr(page_processes, "usable_cpus", lambda: 4)
    assert process_count(0, AUTOMATIC_FROM - 1) == 1
    assert process_count(0, AUTOMATIC_FROM) == 4
    monkeypatch.setattr(page_processes, "usable_cpus", lambda: 1)
    assert process_count(0, AUTOMATIC_FROM) == 1


def _project(root: Path, processes: int, page: str | None = None) -> Path:
    root.mkdir()
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "      seeds: seeds\n", f"      seeds: seeds\n      page_processes: {processes}\n"
    )
    if page is not None:
        config = config.replace("not_in_nav: |\n", "not_in_nav: |\n  /links.md\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "site_src").mkdir()
    if page is not None:
        (root / "site_src" / "links.md").write_text(page, encoding="utf-8")
    return root


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def two_ways(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The seed project built in one process and in two; the second build's log."""
    base = tmp_path_factory.mktemp("processes")
    one = _project(base / "one", 1)
    two = _project(base / "two", 2)
    assert run_mkdocs_build(one).returncode == 0
    result = run_mkdocs_build(two)
    assert result.returncode == 0, result.stderr
    return one, two, result.stderr


@pytest.mark.site
def test_a_site_built_in_two_processes_is_the_same_byte_for_byte(
    two_ways: tuple[Path, Path, str],
) -> None:
    one, two, log = two_ways
    built = re.search(r"sitegen: (\d+) pages built by 1 other processes", log)
    assert built is not None and int(built.group(1)) > 10
    first, second = _files(one / "site"), _files(two / "site")
    assert first.keys() == second.keys()  # no staging folder left, no page missing
    assert not any(PLACEHOLDER.encode() in content for content in second.values())
    assert [path for path in first if first[path] != second[path]] == []


def _largest_page_elsewhere(project: Path) -> tuple[str, str]:
    """The largest generated page outside the nav (always given to another process: it is
    the first handed out, and this process already holds the nav's pages) and the id of its
    first section heading."""
    docs = project / "site_src"
    candidates = [
        path
        for folder in ("people", "places", "organizations", "topics", "articles")
        for path in (docs / folder).glob("*.md")
        if path.name != "index.md"
    ]
    largest = max(candidates, key=lambda p: (len(p.read_text(encoding="utf-8")), p.name))
    html = project / "site" / largest.relative_to(docs).with_suffix("") / "index.html"
    anchor = re.search(r'<h2 id="([^"]+)"', html.read_text(encoding="utf-8"))
    assert anchor is not None
    return largest.relative_to(docs).as_posix(), anchor.group(1)


@pytest.mark.site
def test_anchors_of_pages_built_elsewhere_are_checked_here(
    two_ways: tuple[Path, Path, str], tmp_path: Path
) -> None:
    """MkDocs' anchor check runs in this process, over what the other process found: a link
    to a heading of a page built there passes ``--strict``, a link to a missing anchor fails
    it, and the warning is logged once."""
    _, two, _ = two_ways
    target, anchor = _largest_page_elsewhere(two)
    good = _project(tmp_path / "good", 2, f"# Links\n\n[a section]({target}#{anchor})\n")
    result = run_mkdocs_build(good)
    assert result.returncode == 0, result.stderr
    assert "pages built by 1 other processes" in result.stderr
    bad = _project(tmp_path / "bad", 2, f"# Links\n\n[nowhere]({target}#no-such-anchor)\n")
    result = run_mkdocs_build(bad)
    assert result.returncode != 0
    assert result.stderr.count("does not contain an anchor '#no-such-anchor'") == 1


def _in_process(project: Path) -> None:
    previous = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        os.chdir(previous)


@pytest.mark.site
def test_a_site_whose_last_page_is_built_elsewhere_is_the_same(
    two_ways: tuple[Path, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page the other process may build goes to it, MkDocs' last page too (this process
    ends the others as it writes that one): the same site as one process builds. The staging
    folder an interrupted build of an earlier version left (MkDocs leaves hidden folders) goes."""
    one, two, _ = two_ways
    monkeypatch.setattr(page_processes, "shares", lambda sizes, kept, count: [frozenset(sizes)])
    shutil.rmtree(two / "site")
    stale = two / "site" / f"{page_processes.STAGING_PREFIX}x1" / "people" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("half", encoding="utf-8")
    _in_process(two)
    assert not stale.parent.parent.exists()
    first, second = _files(one / "site"), _files(two / "site")
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


@pytest.mark.site
def test_links_to_anchors_from_pages_built_elsewhere_come_back(
    two_ways: tuple[Path, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Article pages link to their dates' anchors on the timeline: MkDocs checks those links
    here, so the other process hands them back."""
    _, two, _ = two_ways
    seen: dict[str, dict[str, dict[str, str]]] = {}
    finish = page_processes.PageProcesses.finish

    def spy(self: page_processes.PageProcesses, files: page_processes.Files) -> None:
        elsewhere = list(self.elsewhere)
        finish(self, files)
        for path in elsewhere:
            page = files.get_file_from_path(path).page  # type: ignore[union-attr]
            assert page is not None
            seen[path] = {to.src_uri: links for to, links in (page.links_to_anchors or {}).items()}

    monkeypatch.setattr(page_processes.PageProcesses, "finish", spy)
    _in_process(two)
    linked = {path: links for path, links in seen.items() if links}
    assert any(
        path.startswith("articles/") and any(to.startswith("timeline") for to in links)
        for path, links in linked.items()
    ), seen


@pytest.mark.site
def test_a_failure_in_another_process_fails_the_build_naming_the_page(
    two_ways: tuple[Path, Path, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _, two, _ = two_ways

    def broken(page: object, *args: object, **kwargs: object) -> None:
        raise RuntimeError("template exploded")

    monkeypatch.setattr(page_processes, "_build_page", broken)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        _in_process(two)
    errors = " ".join(record.getMessage() for record in caplog.records)
    assert "template exploded" in errors
    assert re.search(r"error building '[^']+\.md': RuntimeError", errors), errors
    assert not [path for path in (two / "site").iterdir() if path.name.startswith(".")]
