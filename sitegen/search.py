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
- runs Pagefind over the built site after MkDocs wrote it (``index_site``).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import time
from pathlib import Path

from sitegen.errors import SitegenError

log = logging.getLogger(__name__)

THEME_DIR = Path(__file__).resolve().parent / "theme"
ROOT_SELECTOR = "article.md-content__inner"
"""What Pagefind indexes of a page: Material's article (not the navigation or the footer)."""
EXCLUDED = (".sg-graph", ".sg-quote", ".headerlink", ".md-source-file", "[data-search-exclude]")
"""Parts of an article that are no text to search: graphs, sentences quoted from articles
(their article's page holds them), permalinks, page dates."""


def index_site(site_dir: Path, *, behind: bool = False) -> float:
    """Run Pagefind over the built site (writing ``pagefind/`` into it); returns the seconds.
    ``behind``: at a lower CPU priority (``nice``), so that a preview's next rebuild, which a
    reader waits for, comes first.

    Raises SitegenError with Pagefind's own message when it fails.
    """
    started = time.perf_counter()
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"]
    nice = shutil.which("nice") if behind else None
    if nice:
        command = [nice, "-n", "10", *command]
    command += ["--root-selector", ROOT_SELECTOR]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SitegenError(f"cannot run Pagefind ({exc}); is 'pagefind[bin]' installed?") from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise SitegenError(
            f"Pagefind could not index {site_dir} (exit {done.returncode}): "
            + (detail[-1] if detail else "no message")
        )
    seconds = time.perf_counter() - started
    log.info("sitegen: search index by Pagefind in %.1f s", seconds)
    return seconds
