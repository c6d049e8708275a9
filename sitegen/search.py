"""Site search that scales: Pagefind's chunked index behind Material's search box.

Material's own search downloads one ``search_index.json`` holding every page's text and builds
a Lunr index in the browser before it answers: 52.8 MB and 19 s for the first result on 2,452
articles. Pagefind (``pagefind[bin]``, MIT) indexes the built HTML into small chunks that the
browser fetches as a query needs them, so a query costs about the same on any size of site.

The sitegen plugin, with ``search: pagefind`` (the default):

- adds ``sitegen/theme`` to the theme's folders: its ``main.html`` points Material's search
  box at ``assets/sitegen/search-worker.js``, a worker that answers Material's search protocol
  from Pagefind, and gives named pages (people, organizations, places, topics) a hidden line
  of their name and aliases that Pagefind weighs most;
- keeps every page out of Material's own index (its search plugin would parse each page for
  an index nobody reads; it still writes the small ``search/search_index.json`` of its
  settings, which Material's script loads before it asks the worker);
- runs Pagefind over the built site after MkDocs wrote it (``index_site``), in parts on a
  large site (``PAGES_PER_INDEX``), which the worker merges.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from sitegen.errors import SitegenError

log = logging.getLogger(__name__)

THEME_DIR = Path(__file__).resolve().parent / "theme"
ROOT_SELECTOR = "article.md-content__inner"
"""What Pagefind indexes of a page: Material's article (not the navigation or the footer)."""
EXCLUDED = (".sg-graph", ".sg-quote", ".headerlink", ".md-source-file", "[data-search-exclude]")
"""Parts of an article that are no text to search: graphs, sentences quoted from articles
(their article's page holds them), permalinks, page dates."""


PAGES_PER_INDEX = 10_000
"""The most pages one run of Pagefind indexes. Its indexer holds every page it reads in memory
(4.2 GB for the 38,445 pages of 10,000 articles, about 110 KB a page; Pagefind issue #842),
so a larger site is indexed in parts of at most this many pages (about 1.1 GB), each its own
bundle, which the search worker merges (Pagefind's ``mergeIndex``): memory is bounded by the
part, not the site. Each part costs a query its own index chunks, so parts are no smaller
than they must be."""
PARTS_DIR = "pagefind-parts"
"""Where the parts after the first go (``pagefind-parts/1/`` ...); the first is ``pagefind/``."""
PARTS_FILE = "sitegen-parts.json"
"""In ``pagefind/``: the other parts' bundles, relative to it (an empty list for one part)."""


class IndexStopped(SitegenError):
    """An index run ended by ``BackgroundIndex.stop`` before it was written."""


def index_site(
    site_dir: Path,
    *,
    behind: bool = False,
    pages_per_index: int = PAGES_PER_INDEX,
    stop: threading.Event | None = None,
) -> float:
    """Run Pagefind over the built site (writing ``pagefind/`` into it, and for a site of more
    than ``pages_per_index`` pages the other parts into ``pagefind-parts/``); returns the
    seconds. ``behind``: at a lower CPU priority (``nice``), so that a preview's next rebuild,
    which a reader waits for, comes first.

    The pages are dealt to the parts in turn (the first page to the first part, the second to
    the second...), so every part holds a like share of articles, people, places and topics:
    each part's word statistics, and so its scores, which the browser compares across parts,
    stay those of the whole site.

    Raises SitegenError with Pagefind's own message when it fails, and IndexStopped (its
    Pagefind process ended) once ``stop`` is set.
    """
    started = time.perf_counter()
    pages = _html_pages(site_dir)
    count = max(1, math.ceil(len(pages) / max(1, pages_per_index)))
    if count == 1:
        _pagefind(site_dir, site_dir / "pagefind", behind, stop)
    else:
        _index_parts(site_dir, [pages[part::count] for part in range(count)], behind, stop)
    if count == 1:  # a last index's parts (sitegen's own) go
        shutil.rmtree(site_dir / PARTS_DIR, ignore_errors=True)
    for stale in (site_dir / PARTS_DIR).glob("*"):
        if not (stale.name.isdigit() and 0 < int(stale.name) < count):
            shutil.rmtree(stale, ignore_errors=True)
    others = [f"../{PARTS_DIR}/{part}/" for part in range(1, count)]
    (site_dir / "pagefind" / PARTS_FILE).write_text(json.dumps(others), encoding="utf-8")
    seconds = time.perf_counter() - started
    log.info("sitegen: search index by Pagefind in %.1f s (%d part(s))", seconds, count)
    return seconds


def _html_pages(site_dir: Path) -> list[Path]:
    """The site's HTML files (relative, sorted), without Pagefind's own folders."""
    relative = (path.relative_to(site_dir) for path in site_dir.rglob("*.html"))
    return sorted(
        path
        for path in relative
        if path.parts[0] not in ("pagefind", PARTS_DIR) and not path.parts[0].startswith(".")
    )


def _index_parts(
    site_dir: Path, parts: list[list[Path]], behind: bool, stop: threading.Event | None
) -> None:
    """Pagefind over each part's pages, staged in a folder of their own (``_stage``); the next
    part is staged, and the last one's folder removed, while Pagefind indexes (linking 9,600
    pages took about 2 s a part at N = 10,000, when both CPUs waited)."""
    staged: list[Future[Path]] = []
    removed = 0  # the parts whose folder the helper was asked to remove
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitegen-stage") as helper:
        try:
            staged.append(helper.submit(_stage, site_dir, parts[0]))
            for part in range(len(parts)):
                if part + 1 < len(parts):
                    staged.append(helper.submit(_stage, site_dir, parts[part + 1]))
                output = site_dir / "pagefind" if part == 0 else site_dir / PARTS_DIR / str(part)
                _pagefind(staged[part].result(), output, behind, stop)
                helper.submit(shutil.rmtree, staged[part].result(), ignore_errors=True)
                removed = part + 1
        finally:  # every other staged folder goes too, whatever happened
            for future in staged[removed:]:
                if future.exception() is None:
                    helper.submit(shutil.rmtree, future.result(), ignore_errors=True)


def _stage(site_dir: Path, pages: list[Path]) -> Path:
    """A folder beside the pages (in the site folder, hidden) holding ``pages`` at their own
    paths, hard-linked (copied where links are refused): Pagefind indexes it as the site, so
    the URLs it records are the site's. A page gone meanwhile (a preview rebuilt under
    ``mkdocs serve`` while its index is written) is left out, as Pagefind would have."""
    staged = Path(tempfile.mkdtemp(prefix=".pagefind-part-", dir=site_dir))
    for page in pages:
        target = staged / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site_dir / page, target)
        except FileNotFoundError:
            continue
        except OSError:
            shutil.copyfile(site_dir / page, target)
    return staged


STOP_POLL = 0.2
"""Seconds between looks at a stop request while Pagefind runs."""


class BackgroundIndex:
    """Pagefind indexing a preview in a thread (``mkdocs serve``), one run at a time.

    ``stop`` ends a run at once, its Pagefind process terminated: a preview shutting down has
    no use for its index, and waiting for it held a stopped serve for a minute at N = 10,000.
    Runs are followed by events, not ``Thread.join``: a join interrupted by Ctrl-C or SIGTERM
    marks a running thread as ended (CPython's bpo-45274), and the preview folder was then
    removed under a Pagefind still writing into it.
    """

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._done = threading.Event()
        self._done.set()

    def start(self, site_dir: Path) -> None:
        """Index ``site_dir`` in the background, after the run before it has ended."""
        self._done.wait()
        self._stop.clear()
        self._done.clear()
        thread = threading.Thread(target=self._run, args=(site_dir,), name="sitegen-pagefind")
        thread.daemon = True
        try:
            thread.start()
        except BaseException:
            self._done.set()
            raise

    def _run(self, site_dir: Path) -> None:
        try:
            index_site(site_dir, behind=True, stop=self._stop)
        except IndexStopped:
            log.debug("sitegen: search index of %s stopped", site_dir)
        except SitegenError as exc:
            log.error("%s", exc)
        finally:
            self._done.set()

    def stop(self) -> None:
        """End the run in progress, if any, and wait until it has."""
        self._stop.set()
        self._done.wait()


def _pagefind(site: Path, output: Path, behind: bool, stop: threading.Event | None = None) -> None:
    """One run of Pagefind over ``site`` into the bundle folder ``output``; ended (raising
    IndexStopped) once ``stop`` is set."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"]
    command += ["--output-path", str(output)]
    nice = shutil.which("nice") if behind else None
    if nice:
        command = [nice, "-n", "10", *command]
    command += ["--root-selector", ROOT_SELECTOR]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    except OSError as exc:
        raise SitegenError(f"cannot run Pagefind ({exc}); is 'pagefind[bin]' installed?") from exc
    while True:
        try:
            stdout, stderr = process.communicate(timeout=None if stop is None else STOP_POLL)
            break
        except subprocess.TimeoutExpired:
            if stop is not None and stop.is_set():
                process.terminate()
                process.communicate()
                raise IndexStopped(f"Pagefind stopped indexing {site}") from None
    if process.returncode != 0:
        detail = (stderr or stdout).strip().splitlines()
        raise SitegenError(
            f"Pagefind could not index {site} (exit {process.returncode}): "
            + (detail[-1] if detail else "no message")
        )
