"""Under ``mkdocs serve``: resolving ahead of the first edit after a start from the site cache.

A serve started where a build of the same inputs ran before takes its first pages from the
site cache and resolves nothing: it starts fast, but what serve keeps from one build to the
next, article by article (each article's names and clusters, the merge's evidence, the
references; ``sitegen/across_builds.py``), is then empty, and the first edit resolved
everything. ``ResolveAhead`` runs that resolution in a thread once the first build is served,
with serve's own renderer, so that the first edit finds what it keeps; a rebuild that starts
meanwhile waits for it first.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

log = logging.getLogger("mkdocs.plugins.sitegen")

THREAD_NAME = "sitegen-resolve-ahead"


class ResolveAhead:
    """One piece of work planned during a build and run in a thread after it (``start``).

    Followed by an event, not ``Thread.join`` (see ``sitegen.search.BackgroundIndex``)."""

    def __init__(self) -> None:
        self._planned: Callable[[], object] | None = None
        self._done = threading.Event()
        self._done.set()

    def plan(self, work: Callable[[], object] | None) -> None:
        """Run ``work`` at the next ``start`` (None: nothing)."""
        self._planned = work

    def start(self) -> None:
        """Run the planned work, if any, in a thread of its own."""
        work, self._planned = self._planned, None
        if work is None:
            return
        self._done.wait()
        self._done.clear()
        thread = threading.Thread(target=self._run, args=(work,), name=THREAD_NAME, daemon=True)
        try:
            thread.start()
        except BaseException:
            self._done.set()
            raise

    def wait(self) -> None:
        """Until the work started has ended (at once when none has)."""
        self._done.wait()

    @property
    def running(self) -> bool:
        return not self._done.is_set()

    def _run(self, work: Callable[[], object]) -> None:
        started = time.perf_counter()
        try:
            with _quiet("sitegen"):  # the same inputs: the start logged their warnings
                work()
        except Exception as exc:  # the first edit resolves what it needs itself
            log.warning("sitegen: resolving ahead of the first edit failed: %s", exc)
        else:
            seconds = time.perf_counter() - started
            log.info("sitegen: resolved ahead of the first edit in %.1f s", seconds)
        finally:
            self._done.set()


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Only errors from the logger ``name`` and those below it inside the block."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
