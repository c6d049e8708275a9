"""The MkDocs plugin: ``plugins: [search, sitegen: {seeds: seeds}]`` in mkdocs.yml.

Before MkDocs collects the docs folder (``on_pre_build``), the plugin generates the pages from
the seeds with the same function as ``sitegen generate``, written into ``docs_dir`` through the
writer (so hand-written pages are never touched). Under ``mkdocs serve`` it watches the seeds
and the overrides file; the instance lives across rebuilds (it has ``on_startup``), keeping the
spaCy pipeline loaded and the knowledge base of unchanged inputs.

Under ``mkdocs serve`` the pages are written through the same writer into a preview folder
outside the watched docs folder and handed to MkDocs as files (``on_files``), as MkDocs asks of
plugins: writing into the docs folder made every regeneration start a second full rebuild. The
writer leaves unchanged pages untouched, so ``mkdocs serve --dirty`` (what ``sitegen serve``
runs) rebuilds only the pages an edit changed; Pagefind indexes the preview in the background.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import signal
import tempfile
import threading
import zlib
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Literal

import jinja2
from jinja2.bccache import Bucket
from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from sitegen import reused_markdown
from sitegen.ahead import ResolveAhead
from sitegen.build import (
    GC_THRESHOLDS,
    BuildStats,
    Options,
    Tally,
    build_pages,
    incremental_renderer,
    latest_published_epoch,
)
from sitegen.cache import keep_per_article_caches
from sitegen.config import SETTINGS, Settings, load_settings
from sitegen.errors import SitegenError
from sitegen.fastinline import SkipAbsentPatterns
from sitegen.fastlinks import ForwardLinks
from sitegen.figures import Figures, converted_length
from sitegen.model import KnowledgeBase
from sitegen.navcache import share_navigation
from sitegen.nlp.provider import PipelineProvider
from sitegen.page_processes import (
    BUILT_ELSEWHERE_TEMPLATE,
    PLACEHOLDER,
    PageProcesses,
    other_plugins,
    process_count,
    shares,
)
from sitegen.search import THEME_DIR, BackgroundIndex, index_site
from sitegen.site import pipeline_options
from sitegen.sitedir import drop_empty_source_date_epoch
from sitegen.write import WriteReport, load_manifest, write_site

log = logging.getLogger("mkdocs.plugins.sitegen")
SIDECAR_SUFFIXES = (".yml", ".yaml")
IDLE_COLLECTION_DELAY = 2.0
"""Seconds after a serve rebuild before the garbage collector's full pass (the browser has
reloaded the page by then)."""


@dataclass(frozen=True)
class CommandLine:
    """What the ``sitegen`` command hands to the plugin instance of the MkDocs configuration it
    builds in-process (``SitegenPlugin.command_line``)."""

    settings: Settings
    """Replaces the plugin's own options (the command line's paths and flags)."""
    nlp: PipelineProvider
    """The command's pipeline provider (loads only on a cache miss; has the progress bar)."""


class CollectionsWhenIdle:
    """Under ``mkdocs serve``: the cyclic garbage collector's full passes kept out of rebuilds.

    A serve process holds the knowledge base, the per-article caches and the pipeline, millions
    of objects. Rendering raises the collector's thresholds (``fewer_collections``), and the
    first full pass after it walked all of them while the browser waited: 0.8 to 1.3 s of an
    edit at N = 2,500, in the writer or in MkDocs' rebuild. ``hold`` raises the thresholds at
    the start of a rebuild; ``release``, at its end, leaves them raised (putting them back there
    set off a pass over the young objects at once, 0.3 to 0.6 s) until the server has been idle
    for a moment, then puts them back and runs the full pass. A rebuild that starts before then
    keeps them raised and has the pass after it.
    """

    def __init__(self) -> None:
        self._previous: tuple[int, int, int] | None = None
        self._idle: threading.Timer | None = None
        self._lock = threading.Lock()

    def hold(self) -> None:
        with self._lock:
            self._cancel()
            if self._previous is None:
                self._previous = gc.get_threshold()
                gc.set_threshold(*GC_THRESHOLDS)

    def release(self) -> None:
        with self._lock:
            if self._previous is None or self._idle is not None:
                return
            self._idle = threading.Timer(IDLE_COLLECTION_DELAY, self._collect)
            self._idle.daemon = True
            self._idle.start()

    def stop(self) -> None:
        """Put the thresholds back now, without the pass (the server stops)."""
        with self._lock:
            self._cancel()
            self._restore()

    def _collect(self) -> None:
        with self._lock:
            if self._idle is not threading.current_thread():  # a rebuild started meanwhile
                return
            self._idle = None
            self._restore()
        gc.collect()

    def _cancel(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None

    def _restore(self) -> None:
        if self._previous is not None:
            gc.set_threshold(*self._previous)
            self._previous = None


class CompiledTemplates(jinja2.BytecodeCache):
    """Under ``mkdocs serve``: the theme's templates compiled once for the process.

    MkDocs loads the configuration again for each rebuild, and with it a new Jinja environment,
    which compiled Material's templates again (43 of them, about 0.4 s of an edit). Jinja checks
    a template's source against the checksum kept with its code, so an edited template is
    compiled anew; the environments are alike (the same theme and extensions), as Jinja's own
    file system cache assumes too.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class SitegenPlugin(BasePlugin):
    """Generates the knowledge site's pages on ``mkdocs build`` and ``mkdocs serve``."""

    config_scheme = tuple(
        (setting.name, config_options.Optional(config_options.Type(setting.types)))
        for setting in SETTINGS
    )

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self._nlp: dict[str | None, PipelineProvider] = {}
        self._cached: tuple[tuple[Any, ...], KnowledgeBase, Mapping[str, str]] | None = None
        self._epoch_was_set: bool | None = None
        self.command_line: CommandLine | None = None
        """The ``sitegen`` command's settings while it runs a build in-process (``run_by``)."""
        self.generated: tuple[Tally, WriteReport] | None = None
        """The last generation's counts and write report (for the summary line)."""
        self._generated: frozenset[str] | None = None
        """The paths of the pages the last generation wrote."""
        self._preview: Path | None = None
        """Under ``mkdocs serve``: where the pages are written instead of the docs folder."""
        self._indexing = BackgroundIndex()
        """Under ``mkdocs serve``: Pagefind indexing the last build in the background."""
        self._ahead = ResolveAhead()
        """Under ``mkdocs serve``: after a start from the site cache, resolving for the first
        edit in the background (``sitegen/ahead.py``)."""
        self._stash: dict[str, bytes] = {}
        """A generated page's HTML, compressed, from its conversion to its template (see
        ``on_page_content``)."""
        self._written: Mapping[str, str] = {}
        """Under ``mkdocs serve``: the pages last written into the preview folder."""
        self._html_current: set[str] = set()
        """Under ``mkdocs serve``: the generated pages whose HTML was built from their file in
        the preview folder as it is now (``PreviewFile.current``)."""
        self._render = incremental_renderer()
        """Under ``mkdocs serve``: renders again only the pages an edit reaches."""
        self._pagefind = False
        """Search by Pagefind (``search: pagefind`` with the Material theme, whose search box
        it answers)."""
        self._collections = CollectionsWhenIdle()
        """Under ``mkdocs serve``: full garbage collections between rebuilds, not in them."""
        self._templates = CompiledTemplates()
        """Under ``mkdocs serve``: the theme's compiled templates, kept across rebuilds."""
        self._dirty = False
        """``mkdocs build --dirty`` or ``serve --dirty``: only changed pages are built."""
        self._sizes: dict[str, int] = {}
        """A build's generated pages' Markdown lengths (for sharing them among processes)."""
        self._processes = PageProcesses()
        """A build's other page-building processes (``sitegen/page_processes.py``)."""
        self._last_page: str | None = None
        self._files: Files | None = None
        self._figures = Figures()
        """The generated pages' figures, kept out of Markdown (``sitegen/figures.py``)."""

    @contextmanager
    def run_by(self, command_line: CommandLine) -> Iterator[None]:
        """Build with the command line's settings and pipeline inside the ``with`` block.

        MkDocs keeps one instance of a plugin with ``on_startup`` per process and hands it to
        every configuration it loads, so the settings are taken back afterwards: a later build
        of another configuration uses its own options.
        """
        self.command_line = command_line
        try:
            yield
        finally:
            self.command_line = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Keeps this instance (and its loaded pipeline) across rebuilds. Under ``mkdocs serve``
        the pages go to a preview folder outside the watched docs folder (see ``on_files``)."""
        self._dirty = dirty
        if command == "serve" and self._preview is None:
            self._preview = Path(tempfile.mkdtemp(prefix="sitegen-preview-"))
            keep_per_article_caches()
            stop_on_terminate()

    def on_shutdown(self) -> None:
        """Stop a search index still being written, and remove the preview folder; MkDocs'
        pages get a converter of their own again."""
        reused_markdown.uninstall()
        self._collections.stop()
        self._indexing.stop()
        if self._preview is not None:
            shutil.rmtree(self._preview, ignore_errors=True)
            self._preview = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Validate the plugin's options together with sitegen's rules."""
        values = {key: value for key, value in self.config.items() if value is not None}
        base = Path(config.config_file_path or ".").resolve().parent
        source = f"{config.config_file_path}: plugins.sitegen"
        try:
            self.settings = (
                self.command_line.settings
                if self.command_line is not None
                else load_settings(values, base, source)
            )
        except SitegenError as exc:
            raise PluginError(str(exc)) from exc
        if not any(isinstance(ext, ForwardLinks) for ext in config.markdown_extensions):
            config.markdown_extensions.append(ForwardLinks())  # same HTML, linear in links
        if not any(isinstance(ext, SkipAbsentPatterns) for ext in config.markdown_extensions):
            config.markdown_extensions.append(SkipAbsentPatterns())  # same HTML, fewer tries
        reused_markdown.install()  # one converter for the build's pages, not one per page
        self._pagefind = self.settings.search == "pagefind" and config.theme.name == "material"
        if self._pagefind:
            use_pagefind(config)
        elif self.settings.search == "pagefind":
            log.info("sitegen: Pagefind search needs the Material theme; the theme's own is kept")
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Generate the pages into the docs folder before MkDocs collects its files."""
        assert self.settings is not None
        if self._preview is not None:
            self._ahead.wait()  # before holding: its end lets the idle collection run
            self._collections.hold()
        try:
            kb, pages = self._pages(self.settings)
            if self._preview is not None:  # its own folder: pages kept since are as written
                refuse_hand_written(pages, Path(config.docs_dir))
                report = write_site(pages, self._preview, self._written)
                self._written = pages
                self._html_current.difference_update(report.written)
                self._html_current.difference_update(report.removed)
            else:
                report = write_site(pages, Path(config.docs_dir))
        except SitegenError as exc:
            raise PluginError(str(exc)) from exc
        self.generated = (Tally.of(kb), report)
        self._generated = frozenset(pages)
        self._stash = {}
        self._figures = Figures()
        if self._preview is None:  # a build: MkDocs holds every page now; no need to keep them
            self._cached = None
            self._sizes = {path: converted_length(text) for path, text in pages.items()}
        self._date_the_build(kb)
        log.info(
            "sitegen: %d articles, %d entities; %d pages written, %d unchanged, %d removed",
            len(kb.articles),
            len(kb.entities),
            len(report.written),
            len(report.unchanged),
            len(report.removed),
        )

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A page another process builds is read here as an empty page (``on_page_markdown``
        gives it the empty template)."""
        return "" if page.file.src_uri in self._processes.elsewhere else None

    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        """With Pagefind, keep every page out of Material's own index: its search plugin would
        parse each page for an index nobody reads (it still writes the small file of its
        settings, which Material's script loads before asking the worker). A page another
        process builds is empty here; a generated page's figures wait outside Markdown
        (``sitegen/figures.py``)."""
        if self._pagefind:
            search = page.meta.get("search")
            search = search if isinstance(search, dict) else {}
            page.meta["pagefind"] = not search.get("exclude")  # the page's own wish
            page.meta["search"] = {**search, "exclude": True}
        if page.file.src_uri in self._processes.elsewhere:  # built by another process
            page.meta["template"] = BUILT_ELSEWHERE_TEMPLATE
            return ""
        if self._generated is not None and page.file.src_uri in self._generated:
            return self._figures.take_out(page.file.src_uri, markdown)
        return markdown

    @event_priority(-100)  # after every other plugin's
    def on_page_content(self, html: str, *, page: Page, **kwargs: Any) -> str:
        """Put a generated page's figures back (``on_page_markdown`` kept them out of Markdown)
        and keep its HTML compressed until its template is rendered, without its Markdown:
        MkDocs converts every page before it writes the first, so a build held the whole
        site's Markdown and HTML at once (most of its memory on a large archive)."""
        if self._generated is not None and page.file.src_uri in self._generated:
            try:
                html, ids = self._figures.put_back(page.file.src_uri, html)
            except ValueError as exc:
                raise PluginError(f"sitegen: {exc}") from exc
            if ids:
                page.present_anchor_ids = (page.present_anchor_ids or set()) | ids
            self._stash[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
            page.markdown = None
            return ""
        return html

    @event_priority(100)  # before every other plugin's
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Give the page its HTML back for its template (``on_page_content``)."""
        stashed = self._stash.pop(page.file.src_uri, None)
        if stashed is not None:
            page.content = zlib.decompress(stashed).decode("utf-8")
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, **kwargs: Any) -> str:
        """A generated page written needs its HTML no more (under serve, its HTML is now its
        file's). A page another process built is that process's to write: here it is a
        placeholder, written to the null device (``page_processes.py``)."""
        if self._generated is not None and page.file.src_uri in self._generated:
            page.content = None
            if self._preview is not None:
                self._html_current.add(page.file.src_uri)
            if page.file.src_uri in self._processes.elsewhere:
                output = PLACEHOLDER
        if page.file.src_uri == self._last_page and self._files is not None:
            self._processes.finish(self._files)  # MkDocs checks the anchors next
        return output

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Keep the generated pages that the nav does not list out of it, as ``not_in_nav``
        would: a project's own mkdocs.yml need not name the entity folders and the timeline's
        year pages, and an automatic nav lists the home, section and top pages only, not
        thousands of entity pages. Pages the nav lists, or that mkdocs.yml already excludes or
        drafts, are left as they are."""
        if self._generated is None:
            return files
        generated = self._generated
        if self._preview is not None and self._cached is not None:
            files = preview_files(
                files, self._cached[2], self._preview, config, self._html_current
            )
        listed = set(nav_paths(config.nav)) if config.nav is not None else None
        for file in files:
            if file.src_uri not in generated or file.inclusion != InclusionLevel.INCLUDED:
                continue
            if listed is None and _top_page(file.src_uri):
                continue
            if listed is None or file.src_uri not in listed:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        return files

    @event_priority(-100)  # after every other plugin's
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """On ``mkdocs build`` of a large site, fork processes that build shares of the
        generated pages the navigation does not list (``sitegen/page_processes.py``)."""
        assert self.settings is not None
        if self._preview is not None or self._dirty or not self._pagefind or not self._sizes:
            return nav
        listed = {page.file.src_uri for page in nav.pages}
        candidates = {
            file.src_uri: self._sizes[file.src_uri]
            for file in files.documentation_pages(inclusion=InclusionLevel.is_included)
            if file.src_uri in self._sizes and file.src_uri not in listed
        }
        count = process_count(self.settings.page_processes, len(candidates))
        if count < 2 or not hasattr(os, "fork"):
            return nav
        others = other_plugins(config)
        if others:
            log.info("sitegen: pages built in one process (plugin %s)", ", ".join(others))
            return nav
        kept = sum(self._sizes.values()) - sum(candidates.values())
        self._processes.start(shares(candidates, kept, count), config, files, nav)
        return nav

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Note the last page MkDocs will build, after which the other page-building processes'
        results are taken back. Under ``mkdocs serve``, compile the theme's templates once,
        not at every rebuild. Pages outside the navigation share its HTML
        (``sitegen/navcache.py``)."""
        if self._processes.children and not self._processes.in_child:
            pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
            self._last_page = pages[-1].src_uri if pages else None
            self._files = files
        if self._preview is not None and env.bytecode_cache is None:
            env.bytecode_cache = self._templates
        share_navigation(env, config.theme.dirs, str(THEME_DIR))
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Index the built site with Pagefind (``search: pagefind``); restore
        ``SOURCE_DATE_EPOCH`` as it was before this build."""
        reused_markdown.uninstall()
        if self._pagefind:
            if self._preview is not None:  # the browser reloads now; search follows
                self._index_in_background(Path(config.site_dir))
            else:
                try:
                    index_site(Path(config.site_dir))
                except SitegenError as exc:
                    raise PluginError(str(exc)) from exc
        if self._epoch_was_set is False:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        self._epoch_was_set = None
        self._collections.release()
        self._ahead.start()
        self._end_processes()

    def on_build_error(self, *, error: Exception) -> None:
        """A failed rebuild puts the collector's thresholds back too, and stops the other
        page-building processes."""
        reused_markdown.uninstall()
        self._collections.release()
        self._ahead.plan(None)
        self._processes.cancel()
        self._end_processes()
        self._html_current.clear()  # the next build asks the file system about every page

    def _end_processes(self) -> None:
        self._processes = PageProcesses()
        self._sizes = {}
        self._last_page = None
        self._files = None

    def _index_in_background(self, site_dir: Path) -> None:
        """Index the preview with Pagefind in a thread (after the previous run ends), so an edit
        reaches the browser without waiting for the search index, a few seconds behind."""
        self._indexing.start(site_dir)

    def _date_the_build(self, kb: KnowledgeBase) -> None:
        """Date the build (the sitemap) by the newest article, unless SOURCE_DATE_EPOCH is set.

        Two builds of the same articles are then byte-identical.
        """
        drop_empty_source_date_epoch()
        self._epoch_was_set = "SOURCE_DATE_EPOCH" in os.environ
        epoch = latest_published_epoch(kb)
        if not self._epoch_was_set and epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        """Watch the seeds and the overrides file: an edit regenerates and reloads."""
        assert self.settings is not None
        for path in self.settings.seeds:
            server.watch(str(path))
        if self.settings.overrides is not None:
            server.watch(str(self.settings.overrides))
        return server

    def _pages(self, settings: Settings) -> tuple[KnowledgeBase, Mapping[str, str]]:
        """The curated knowledge base and the pages; reused while no input file changed."""
        key = (settings, tuple(input_fingerprint(settings)))
        if self._cached is not None and self._cached[0] == key:
            log.debug("sitegen: inputs unchanged, reusing the knowledge base and pages")
            return self._cached[1], self._cached[2]
        options = pipeline_options(settings)
        render = None
        if self._preview is not None:  # under serve: this process keeps the result itself
            options = replace(options, keep_site=self._cached is None)
            render = self._render
        nlp = self._pipeline(settings.model)
        stats = BuildStats()
        kb, pages = build_pages(settings.seeds, options, nlp, stats, render)
        self._cached = (key, kb, pages)
        if render is not None and stats.from_site_cache:  # nothing resolved: do it after
            again = replace(options, read_site=False, keep_site=False)
            self._ahead.plan(partial(self._resolve_ahead, settings.seeds, again, nlp))
        log.debug(
            "sitegen: %s",
            ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in stats.seconds.items()),
        )
        if render is not None:
            rendered, kept = self._render.rendered, self._render.reused
            log.debug("sitegen: %d pages rendered, %d kept from the last build", rendered, kept)
        return kb, pages

    def _resolve_ahead(
        self, seeds: Sequence[Path], options: Options, nlp: PipelineProvider
    ) -> None:
        """Resolve and render as an edit would, for what serve keeps across builds; the pages
        are those already served (the same inputs), and the next edit's are written from
        what this leaves."""
        self._collections.hold()
        try:
            build_pages(seeds, options, nlp, None, self._render)
        finally:
            self._collections.release()

    def _pipeline(self, model: str | None) -> PipelineProvider:
        """The pipeline of ``model``, loaded on the first cache miss and kept across rebuilds."""
        if self.command_line is not None:
            return self.command_line.nlp
        if model not in self._nlp:
            self._nlp[model] = PipelineProvider(model)
        return self._nlp[model]


def refuse_hand_written(pages: Mapping[str, str], docs_dir: Path) -> None:
    """A page of the docs folder that sitegen did not write and would shadow is an error.

    The docs folder is listed once (as MkDocs walks it) rather than asked about each generated
    page: it holds a few hand-written pages, the site thousands of generated ones."""
    manifest = load_manifest(docs_dir)
    present = set(files_under(docs_dir))
    for path in sorted(present.intersection(pages)):
        if path not in manifest and (docs_dir / path).is_file():
            raise SitegenError(
                f"{docs_dir / path}: sitegen generates a page of that name, and this file was "
                "not written by sitegen; rename or move it"
            )


def files_under(folder: Path) -> Iterator[str]:
    """The '/'-separated paths of the files under ``folder`` (links followed, as MkDocs does)."""
    for parent, _, names in os.walk(folder, followlinks=True):
        relative = Path(parent).relative_to(folder).as_posix()
        prefix = "" if relative == "." else relative + "/"
        for name in names:
            yield prefix + name


class PreviewFile(File):
    """A generated page in the preview folder, which tells a dirty build whether it changed by
    asking the file system once: MkDocs asks twice, before converting the page and before
    writing it, three file system calls each time (9,500 pages at N = 2,500). Nothing writes
    the preview or the page's HTML in between; the files are made anew for each build."""

    _modified: bool | None = None
    current = False
    """Its page's HTML was built by this serve from the file as it is now (``preview_files``):
    a dirty build skips it without asking the file system (38,000 pages at N = 10,000)."""

    def is_modified(self) -> bool:
        if self.current:
            return False
        if self._modified is None:
            self._modified = super().is_modified()
        return self._modified


def preview_files(
    files: Files,
    generated: Mapping[str, str],
    preview: Path,
    config: MkDocsConfig,
    current: Collection[str] = frozenset(),
) -> Files:
    """The docs folder's files with the generated pages taken from the preview folder: copies
    an earlier ``mkdocs build`` left in the docs folder (its manifest lists them) give way.
    ``current``: the pages whose HTML was built from their file as it is now."""
    earlier = set(load_manifest(Path(config.docs_dir)))
    for file in list(files):
        if file.src_uri in generated or file.src_uri in earlier:
            files.remove(file)
    for path in sorted(generated):
        file = PreviewFile(path, str(preview), config.site_dir, config.use_directory_urls)
        file.inclusion = InclusionLevel.INCLUDED  # as if collected: on_files sets the nav's
        file.current = path in current
        files.append(file)
    return files


def stop_on_terminate() -> None:
    """Take SIGTERM (a service manager's stop, a benchmark's ``terminate``) as Ctrl-C, so that
    ``mkdocs serve`` shuts down as it does then and the preview folder is removed: a serve
    killed by SIGTERM left its preview in the temporary folder (408 MB at N = 10,000). Only
    where nothing else handles SIGTERM, and only from the main thread, where signals are set."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def use_pagefind(config: MkDocsConfig) -> None:
    """Put sitegen's theme folder (its ``main.html`` and search worker) before the theme's own,
    after a project's ``custom_dir``: Pagefind answers the search box (``sitegen/search.py``)."""
    dirs = config.theme.dirs
    theme_dir = str(THEME_DIR)
    if theme_dir not in dirs:
        custom = config.theme.custom_dir
        dirs.insert(1 if custom and dirs and dirs[0] == custom else 0, theme_dir)


def nav_paths(nav: Any) -> Iterator[str]:
    """The page paths a ``nav`` setting lists (titles, sections and links skipped)."""
    if isinstance(nav, str):
        if "://" not in nav:
            yield nav.lstrip("/")
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_paths(item)


def _top_page(path: str) -> bool:
    """A generated page an automatic nav shows: the home and top pages ("timeline.md"), and
    the sections' index pages ("people/index.md"); not the review page."""
    if "/" not in path:
        return path != "review.md"
    return path.split("/", 1)[1] == "index.md"


def input_fingerprint(settings: Settings) -> Iterator[tuple[str, int, int]]:
    """(path, mtime, size) of every file a build reads: articles, sidecars, overrides."""
    files: list[Path] = []
    for seed in settings.seeds:
        if seed.is_dir():
            files += sorted(child for child in seed.iterdir() if child.is_file())
        else:
            files += [seed, *(seed.with_suffix(suffix) for suffix in SIDECAR_SUFFIXES)]
    if settings.overrides is not None:
        files.append(settings.overrides)
    for path in files:
        if path.is_file():
            stat = path.stat()
            yield str(path), stat.st_mtime_ns, stat.st_size
