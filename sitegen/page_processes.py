"""MkDocs' pages built on every CPU: ``mkdocs build`` of a large site in more than one process.

MkDocs converts and templates a site's pages one after another in one process: about 10 ms a
page at N = 1,000 archive articles, four fifths of a build whose generation is cached, while
the machine's other CPUs wait. With ``page_processes`` (default: automatic), the plugin forks,
once MkDocs knows the site's files and navigation (``on_nav``), one process per further CPU.
Each builds a share of the generated pages the navigation does not list (entity, article,
topic and timeline pages: the bulk of a large site), exactly as MkDocs would, with MkDocs' own
functions, in MkDocs' order: reads, converts (every plugin's page events included) and
templates them, and writes their HTML where MkDocs would. The navigation's pages, which every
template draws, are converted there too. This process meanwhile builds the rest; it reads a
page built elsewhere as an empty page with an empty template (``on_page_read_source``) and
writes a placeholder for it to the null device (the page's destination here: the other
process writes the page itself), so it never waits for another process in the middle of the
build. After MkDocs' last page, before its anchor check, it waits for the other processes
and takes each process's result back: what each page holds and links to as anchors, and
every message logged there, logged again here in order, so ``--strict`` counts warnings as it
would. The site is the same, byte for byte (a test builds it both ways).

Only for ``mkdocs build`` (a preview rebuilds few pages), on platforms with ``os.fork``, and
only with plugins known to keep no per-page state that the build needs afterwards (MkDocs' and
Material's search, with every generated page kept out of its index by Pagefind, and sitegen);
with any other plugin the build stays in one process.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from sitegen.forked import Forked, ForkedError, trim_heap, usable_cpus

log = logging.getLogger("mkdocs.plugins.sitegen")

SAFE_PLUGINS = frozenset({"search", "material/search", "sitegen"})
"""Plugins whose page events may run in another process: they keep nothing per page that the
build reads afterwards (search: only for pages in its index, and with Pagefind none is)."""
AUTOMATIC_FROM = 1000
"""Generated pages from which ``page_processes: 0`` forks: below, a fork costs more than it
saves."""
BUILT_ELSEWHERE_TEMPLATE = "sitegen-built-elsewhere.html"
"""The empty template (in sitegen's theme folder) of a page another process built."""
STAGING_PREFIX = ".sitegen-pages-"
"""The hidden folders in which the other processes of sitegen's earlier versions wrote their
pages (MkDocs' cleaning leaves hidden folders alone: a build removes any an interrupted build
of those versions left)."""
PLACEHOLDER = "<!-- sitegen: built by another process -->\n"
"""What this process writes for a page another builds: to the null device, the page's
destination in this process once another process builds it."""


def process_count(setting: int, pages: int) -> int:
    """Processes to build ``pages`` generated pages with: ``setting`` when given, else one per
    usable CPU for a site large enough."""
    if setting > 0:
        return setting
    return usable_cpus() if pages >= AUTOMATIC_FROM else 1


def other_plugins(config: MkDocsConfig) -> list[str]:
    """The configured plugins whose page events must stay in this process."""
    return [name for name in config.plugins if name not in SAFE_PLUGINS]


ELSEWHERE_COST = 0.02
"""What a page another process builds costs this one, as a share of an average page: MkDocs
still reads it, gives it its (empty) template and writes its placeholder (to the null device)
here. At N = 10,000 (38,559 pages, about 120 s of building on two CPUs) a charge of 0.045
left this process ending 6 s before the other (it had been right while this process also
wrote each placeholder to disk and moved the other's pages into place)."""


def shares(
    sizes: Mapping[str, int], kept: int, count: int, elsewhere: float = ELSEWHERE_COST
) -> list[frozenset[str]]:
    """Split the pages ``sizes`` lists (path -> Markdown length) among ``count`` - 1 other
    processes and this one, which also converts pages of ``kept`` characters that cannot go
    and pays ``elsewhere`` of an average page for each page that goes: the largest page first
    to the least loaded process. The other processes' shares."""
    loads = [float(kept)] + [0.0] * (count - 1)
    charge = elsewhere * sum(sizes.values()) / len(sizes) if sizes else 0.0
    assigned: list[list[str]] = [[] for _ in range(count)]
    for path in sorted(sizes, key=lambda p: (-sizes[p], p)):
        least = min(range(count), key=loads.__getitem__)
        loads[least] += sizes[path]
        if least:
            loads[0] += charge
        assigned[least].append(path)
    return [frozenset(paths) for paths in assigned[1:] if paths]


@dataclass
class PageProcesses:
    """The other processes of one build and what they built."""

    children: list[Forked] = field(default_factory=list)
    elsewhere: dict[str, Forked] = field(default_factory=dict)
    """The pages other processes build (this process reads them as empty), and which."""
    in_child: bool = False
    _processes: int = 0
    _anchors: dict[str, tuple[set[str] | None, dict[str, dict[str, str]] | None]] = field(
        default_factory=dict
    )
    """What the other processes' pages hold and link to as anchors, by path."""

    def start(
        self,
        parts: list[frozenset[str]],
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
    ) -> None:
        """Fork a process for each part (generated pages the navigation does not list)."""
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        for stale in Path(config.site_dir).glob(f"{STAGING_PREFIX}*"):  # an earlier version's
            shutil.rmtree(stale, ignore_errors=True)
        trim_heap()  # less of the heap to share
        for paths in parts:
            ordered = [file for file in doc_files if file.src_uri in paths]
            work = partial(self._child_work, [file.src_uri for file in ordered], config, files, nav)
            try:
                child = Forked(work)
            except ForkedError as exc:  # this process builds the share itself
                log.warning("sitegen: pages built in fewer processes: %s", exc)
                break
            self.children.append(child)
            for file in ordered:  # written by the child; this process's placeholder goes nowhere
                file.abs_dest_path = os.devnull
                self.elsewhere[file.src_uri] = child
            self._processes += 1

    def _child_work(
        self, paths: list[str], config: MkDocsConfig, files: Files, nav: Navigation
    ) -> dict[str, tuple[set[str] | None, dict[str, dict[str, str]] | None]]:
        """In the child: build the share (an error, and what was logged, come back through
        ``Forked``)."""
        self.in_child = True
        return build_share(paths, config, files, nav)

    def finish(self, files: Files) -> None:
        """Wait for the other processes; give their pages' anchors to MkDocs' anchor check and
        log what they logged. A process that failed fails the build, naming its error."""
        self._collect()
        log.info(
            "sitegen: %d pages built by %d other processes", len(self._anchors), self._processes
        )
        for path, (present, links) in self._anchors.items():
            page = files.get_file_from_path(path).page  # type: ignore[union-attr]
            assert page is not None
            page.present_anchor_ids = present
            page.links_to_anchors = (
                None
                if links is None
                else {files.get_file_from_path(to): anchors for to, anchors in links.items()}
            )

    def _collect(self) -> None:
        """Wait for every other process still running, log what it logged, keep its pages'
        anchors, and raise if one failed."""
        children, self.children = self.children, []
        failures = []
        for child in children:
            try:
                self._anchors.update(child.result())
            except ForkedError as exc:
                failures.append(f"{exc} in a page-building process")
        if failures:
            raise PluginError("sitegen: " + "; ".join(failures))

    def cancel(self) -> None:
        """Stop the other processes of a build that failed here."""
        for child in self.children:
            child.cancel()
        self.children = []
        self.elsewhere = {}


def build_share(
    paths: list[str],
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
) -> dict[str, tuple[set[str] | None, dict[str, dict[str, str]] | None]]:
    """Build the pages ``paths`` (in MkDocs' order) as MkDocs' build would, the navigation's
    pages converted too (their titles are in every template); each page's anchors and links
    to anchors, by path."""
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    share = set(paths)
    listed = {page.file.src_uri for page in nav.pages}
    for file in doc_files:
        if file.src_uri in share or file.src_uri in listed:
            assert file.page is not None
            with _naming(file.src_uri, "reading"):
                _populate_page(file.page, config, files)
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    anchors = {}
    for path in paths:
        page = files.get_file_from_path(path).page  # type: ignore[union-attr]
        assert page is not None
        with _naming(path, "building"):
            _build_page(page, config, doc_files, nav, env)
        links = page.links_to_anchors
        anchors[path] = (
            page.present_anchor_ids,
            None if links is None else {to.src_uri: dict(a) for to, a in links.items()},
        )
    return anchors


class PageFailed(Exception):
    """A page could not be built in another process (the message names it)."""


@contextmanager
def _naming(path: str, doing: str) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        raise PageFailed(f"error {doing} '{path}': {exc!r}") from exc
