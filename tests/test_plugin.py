"""The MkDocs plugin: `mkdocs build --strict` from a clean project, same Markdown as the CLI,
and `mkdocs serve` regenerating an edited article."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import REPO, run_mkdocs_build, stat_calls, write

ARTICLE = "000_d42f63b547b7a051.txt"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean clone's files: mkdocs.yml (with the plugin), seeds/, an empty site_src/."""
    root = tmp_path_factory.mktemp("plugin")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "site_src").mkdir()
    build_strict(root)
    return root


def build_strict(root: Path) -> None:
    """``mkdocs build --strict`` in ``root``, which must succeed."""
    result = run_mkdocs_build(root)
    assert result.returncode == 0, result.stderr


def markdown_tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*.md"))}


def test_mkdocs_build_strict_generates_and_builds_the_site(project: Path) -> None:
    assert (project / "site" / "people" / "mark-carney" / "index.html").is_file()
    assert (project / "site" / "about" / "index.html").is_file()
    assert (project / "site_src" / ".sitegen-manifest.json").is_file()


def test_the_plugin_converts_links_by_a_forward_scan_once(project: Path) -> None:
    """The plugin adds ForwardLinks and SkipAbsentPatterns to MkDocs' Markdown extensions once
    per configuration."""
    from mkdocs.config import load_config

    from sitegen.fastinline import SkipAbsentPatterns
    from sitegen.fastlinks import ForwardLinks

    config = load_config(str(project / "mkdocs.yml"))
    for _ in range(2):
        config = config.plugins.on_config(config)
    assert sum(isinstance(ext, ForwardLinks) for ext in config.markdown_extensions) == 1
    assert sum(isinstance(ext, SkipAbsentPatterns) for ext in config.markdown_extensions) == 1


def test_command_line_and_plugin_generate_the_same_markdown(project: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "sitegen.cli", "-q", "generate", "seeds", "--docs-dir", "cli"],
        cwd=project,
        env=ENV,
        check=True,
    )
    plugin_pages = markdown_tree(project / "site_src")
    assert len(plugin_pages) > 30
    assert markdown_tree(project / "cli") == plugin_pages


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


@pytest.mark.parametrize("dirty", [False, True])
def test_mkdocs_serve_regenerates_an_edited_article_once(
    project: Path, tmp_path: Path, dirty: bool
) -> None:
    """An edit reaches the browser with one rebuild: the pages go to a preview folder, not into
    the watched docs folder (which started a second full rebuild), and with ``--dirty`` only
    the pages whose Markdown changed are converted again. Started after a build, serve takes
    its first pages from the site cache and resolves for the first edit in the background."""
    served = tmp_path / "served"
    shutil.copytree(project, served, ignore=shutil.ignore_patterns("site", "cli", "site_src"))
    (served / "site_src").mkdir()
    if dirty:  # as `sitegen serve` after a build: the first pages from the site cache
        build_strict(served)
    docs = {path: path.stat().st_mtime_ns for path in (served / "site_src").rglob("*")}
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
        + (["--dirty", "--no-strict"] if dirty else []),  # MkDocs warns of every dirty build
        cwd=served,
        env=ENV,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/articles/000-d42f63b547b7a051/"
    try:
        assert wait_for(url, "Mark Carney", 120), (tmp_path / "serve.log").read_text()
        article = served / "seeds" / ARTICLE
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("critical three-day", "Zanzibar-flavoured"), "utf-8")
        assert wait_for(url, "Zanzibar", 120), (tmp_path / "serve.log").read_text()
        time.sleep(5)  # a second rebuild would have started by now
        output = (tmp_path / "serve.log").read_text()
        assert output.count("Building documentation") == 2, output
        now = {path: path.stat().st_mtime_ns for path in (served / "site_src").rglob("*")}
        assert now == docs  # serve did not write into the docs folder
        # started from the site cache, resolved for the first edit in the background
        assert output.count("resolved ahead of the first edit") == int(dirty), output
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


def test_a_serve_stopped_by_sigterm_removes_its_preview_folder(
    project: Path, tmp_path: Path
) -> None:
    """SIGTERM (a service manager's stop) shuts ``mkdocs serve`` down as Ctrl-C does, so the
    plugin removes its preview folder; killed, serve had left it behind (408 MB at 10,000
    articles)."""
    served = tmp_path / "served"
    shutil.copytree(project, served, ignore=shutil.ignore_patterns("site", "cli", "site_src"))
    (served / "site_src").mkdir()
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a",
         f"127.0.0.1:{port}"],
        cwd=served,
        env={**ENV, "TMPDIR": str(temporary)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/articles/000-d42f63b547b7a051/"
        assert wait_for(url, "Mark Carney", 120), (tmp_path / "serve.log").read_text()
        assert len(list(temporary.glob("sitegen-preview-*"))) == 1
        server.terminate()
        assert server.wait(timeout=60) == 0, (tmp_path / "serve.log").read_text()
        assert not list(temporary.glob("sitegen-preview-*"))
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(timeout=10)
        log.close()


def _project_without_not_in_nav(root: Path, keep_nav: bool) -> Path:
    """A project whose mkdocs.yml has no ``not_in_nav`` (and no ``nav``, unless kept)."""
    lines = (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    kept, skipping = [], False
    for line in lines:
        if line.startswith("not_in_nav:") or (line.startswith("nav:") and not keep_nav):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    root.mkdir()
    (root / "mkdocs.yml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "site_src").mkdir()
    return root


@pytest.mark.parametrize("keep_nav", [True, False])
def test_generated_pages_stay_out_of_the_nav_without_not_in_nav(
    tmp_path: Path, keep_nav: bool
) -> None:
    """With ``omitted_files: warn`` and ``--strict``, a page outside the nav would fail the
    build: the plugin marks the generated pages the nav does not list. An automatic nav
    shows the home, top and section pages, not each entity's."""
    root = _project_without_not_in_nav(tmp_path / "p", keep_nav)
    assert "not_in_nav" not in (root / "mkdocs.yml").read_text(encoding="utf-8")
    build_strict(root)
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "people/mark-carney/" not in home.split('class="md-content"')[0]  # not in the nav
    assert 'href="people/"' in home
    assert (root / "site" / "people" / "mark-carney" / "index.html").is_file()


def test_search_material_keeps_materials_own_index(tmp_path: Path) -> None:
    """``search: material``: no Pagefind, Material's index of every page with the aliases."""
    root = tmp_path / "material"
    root.mkdir()
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("      seeds: seeds\n", "      seeds: seeds\n      search: material\n"),
        encoding="utf-8",
    )
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "site_src").mkdir()
    build_strict(root)
    index = json.loads((root / "site" / "search" / "search_index.json").read_text())
    kovrig = next(doc for doc in index["docs"] if doc["location"] == "people/michael-kovrig/")
    assert "Mr. Kovrig" in kovrig["text"]
    assert not (root / "site" / "pagefind").exists()
    assert "assets/sitegen/search-worker.js" not in (root / "site" / "index.html").read_text()


def test_serve_preview_files_replace_earlier_generated_pages(tmp_path: Path) -> None:
    """Under serve the generated pages come from the preview folder; copies an earlier build
    wrote into the docs folder (in its manifest) give way; a hand-written page of a generated
    name is an error, never shadowed."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files, InclusionLevel

    from sitegen.errors import SitegenError
    from sitegen.plugin import preview_files, refuse_hand_written
    from sitegen.write import write_site

    docs, preview = tmp_path / "docs", tmp_path / "preview"
    write_site({"people/old.md": "# Old\n", "people/jane.md": "# Jane (old)\n"}, docs)
    (docs / "notes.md").write_text("# Notes\n", encoding="utf-8")
    write_site({"people/jane.md": "# Jane\n"}, preview)
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(docs), "site_dir": str(tmp_path / "s")})
    config.validate()
    files = Files([File(p, str(docs), config.site_dir, True)
                   for p in ("people/old.md", "people/jane.md", "notes.md")])
    kept = preview_files(files, {"people/jane.md": "# Jane\n"}, preview, config)
    sources = {file.src_uri: file.abs_src_path for file in kept}
    assert kept.get_file_from_path("people/jane.md").inclusion == InclusionLevel.INCLUDED
    assert sources == {"notes.md": str(docs / "notes.md"),
                       "people/jane.md": str(preview / "people" / "jane.md")}
    jane = kept.get_file_from_path("people/jane.md")
    assert jane is not None and jane.is_modified() and jane.is_modified()  # no HTML yet
    write(Path(config.site_dir) / "people" / "jane" / "index.html", "<p>Jane</p>")
    assert jane.is_modified()  # asked once in a build: the answer holds for the build
    rebuilt = preview_files(Files([]), {"people/jane.md": ""}, preview, config)
    assert not rebuilt.src_uris["people/jane.md"].is_modified()  # the next build asks again
    (Path(config.site_dir) / "people" / "jane" / "index.html").unlink()
    current = preview_files(Files([]), {"people/jane.md": ""}, preview, config, {"people/jane.md"})
    assert not current.src_uris["people/jane.md"].is_modified()  # built as it is: not asked
    again = preview_files(Files([]), {"people/jane.md": ""}, preview, config, set())
    assert again.src_uris["people/jane.md"].is_modified()  # not known: the missing HTML says so
    refuse_hand_written({"people/jane.md": ""}, docs)  # written by sitegen: fine
    with pytest.raises(SitegenError, match="notes.md: sitegen generates a page of that name"):
        refuse_hand_written({"notes.md": ""}, docs)


def test_hand_written_pages_are_found_by_listing_the_docs_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hand-written page in a generated folder is refused; the site's thousands of generated
    pages are not asked about one by one (a tenth of a second per serve rebuild at N = 2,500)."""
    from sitegen.errors import SitegenError
    from sitegen.plugin import refuse_hand_written

    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "jane.md").write_text("# Jane, by hand\n", encoding="utf-8")
    pages = {f"people/p{number}.md": "" for number in range(100)}
    looked_at = stat_calls(monkeypatch)
    refuse_hand_written(pages, tmp_path)
    assert not any(name.startswith("p") for name in looked_at)
    with pytest.raises(SitegenError, match=r"people/jane\.md: sitegen generates a page"):
        refuse_hand_written({**pages, "people/jane.md": ""}, tmp_path)


def test_full_collections_wait_until_a_serve_rebuild_is_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Thresholds raised from a rebuild's start until a moment after its end, when the full
    pass runs, unless the next rebuild has started by then."""
    import gc

    from sitegen import plugin
    from sitegen.build import GC_THRESHOLDS

    monkeypatch.setattr(plugin, "IDLE_COLLECTION_DELAY", 0.05)
    full_passes: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["generation"] == 2:
            full_passes.append(1)

    def wait_for_a_pass() -> None:
        deadline = time.monotonic() + 10
        while not full_passes and time.monotonic() < deadline:
            time.sleep(0.02)

    before = gc.get_threshold()
    collections = plugin.CollectionsWhenIdle()
    gc.callbacks.append(seen)
    try:
        collections.hold()
        assert gc.get_threshold() == GC_THRESHOLDS
        collections.release()
        collections.hold()  # the next rebuild, before the pass
        time.sleep(0.3)
        assert full_passes == [] and gc.get_threshold() == GC_THRESHOLDS
        collections.release()
        assert gc.get_threshold() == GC_THRESHOLDS  # until the server is idle
        wait_for_a_pass()
        assert full_passes == [1] and gc.get_threshold() == before
        collections.hold()
        collections.release()
        collections.stop()
        time.sleep(0.3)
        assert full_passes == [1] and gc.get_threshold() == before
    finally:
        gc.callbacks.remove(seen)
        collections.stop()
        gc.set_threshold(*before)


def test_serve_rebuilds_compile_a_theme_template_once_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each rebuild has a new Jinja environment; the compiled templates are kept across them."""
    import jinja2

    from sitegen.plugin import CompiledTemplates

    (tmp_path / "main.html").write_text("<p>{{ title }}</p>", encoding="utf-8")
    compiled: list[str] = []
    real = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str, *args: Any) -> Any:
        compiled.append(name)
        return real(self, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    kept = CompiledTemplates()

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=kept)
        return env.get_template("main.html").render(title="Jane")

    assert render() == render() == "<p>Jane</p>"
    assert compiled == ["main.html"]
    (tmp_path / "main.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    assert render() == "<h1>Jane</h1>" and compiled == ["main.html", "main.html"]
