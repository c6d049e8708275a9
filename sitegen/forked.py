"""Work done in a forked copy of this process, its result sent back pickled through a pipe.

A fork shares the parent's memory as it is (the knowledge base, MkDocs' files and navigation)
without pickling any of it, so a second CPU can work on the same data at once: a large
build's pages (``page_processes.py``), half of the pages rendered (``render/__init__.py``), a
preview's site-wide pages (``render/incremental.py``). Only the result travels, with what the
child logged, which is logged here when the result is taken (so a build's warnings are
counted and kept as if this process had logged them). The child never returns into the
caller's code: it leaves with ``os._exit`` once it has written its result, or the error it
ended with.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import pickle
import select
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sitegen.errors import SitegenError

T = TypeVar("T")
U = TypeVar("U")


def usable_cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def worth_forking() -> bool:
    """Whether work forked off runs beside this process's own: the platform forks (not
    Windows) and this process may use more than one CPU."""
    return hasattr(os, "fork") and usable_cpus() > 1


def trim_heap() -> None:
    """Collect garbage and give the heap's free pages back to the system (glibc's
    ``malloc_trim``; nothing elsewhere), so that a process forked next does not start with
    them: a forked child's resident memory begins as its parent's."""
    gc.collect()
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library this process runs on
    except (OSError, AttributeError):
        return  # not glibc
    trim.argtypes = [ctypes.c_size_t]
    trim(0)


class ForkedError(SitegenError):
    """The forked work failed, or its process ended without a result; ``details``: the
    child's traceback."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


class Forked:
    """``work()`` run in a forked child from the moment this is made; ``result()`` waits for
    its value (or raises the error it ended with)."""

    def __init__(self, work: Callable[[], Any]) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        reader, writer = os.pipe()
        gc.freeze()  # the child's collector leaves the shared heap's pages alone
        pid = -1
        try:
            pid = os.fork()
        except OSError as exc:
            os.close(reader)
            os.close(writer)
            raise ForkedError(f"cannot start a process ({exc})") from exc
        finally:
            if pid != 0:
                gc.unfreeze()
        if pid == 0:  # pragma: no cover - the child (its coverage is not collected)
            os.close(reader)
            _run(work, writer)
        os.close(writer)
        self.pid = pid
        self._reader = reader
        self._done = False

    def ready(self, timeout: float = 0.0) -> bool:
        """Whether the child has finished (its result is waiting), after up to ``timeout`` s."""
        return self._done or bool(select.select([self._reader], [], [], timeout)[0])

    def result(self) -> Any:
        """The work's value; the child's error (with its traceback) as a ``ForkedError``."""
        if self._done:
            raise ForkedError("the forked work's result was already taken")
        self._done = True
        chunks = []
        while chunk := os.read(self._reader, 1 << 20):
            chunks.append(chunk)
        os.close(self._reader)
        _, status = os.waitpid(self.pid, 0)
        if not chunks:
            raise ForkedError(
                f"a forked process ended without its result "
                f"(exit status {os.waitstatus_to_exitcode(status)})"
            )
        succeeded, value, records = pickle.loads(b"".join(chunks))
        for name, level, message in records:
            logging.getLogger(name).handle(
                logging.makeLogRecord(
                    {
                        "name": name,
                        "levelno": level,
                        "levelname": logging.getLevelName(level),
                        "msg": message,
                    }
                )
            )
        if not succeeded:
            raise ForkedError(*value)
        return value

    def cancel(self) -> None:
        """Stop the child and forget its result."""
        if self._done:
            return
        self._done = True
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self._reader)


def beside(theirs: Callable[[], T], mine: Callable[[], U]) -> tuple[T, U]:
    """``theirs()`` in a forked process while this one runs ``mine()``; both values. Where no
    process can be started, both run here."""
    (found,), own = alongside([theirs], mine)
    return found, own


def alongside(theirs: Sequence[Callable[[], T]], mine: Callable[[], U]) -> tuple[list[T], U]:
    """Each of ``theirs`` in a forked process of its own while this one runs ``mine()``; their
    values in order, and ``mine``'s. Work no process could be started for runs here, after
    ``mine``."""
    started: list[Forked | None] = []
    try:
        for work in theirs:
            try:
                started.append(Forked(work))
            except ForkedError:  # no process to spare
                started.append(None)
        own = mine()
        found = [
            work() if other is None else other.result()
            for work, other in zip(theirs, started, strict=True)
        ]
    except BaseException:
        for other in started:
            if other is not None:
                other.cancel()
        raise
    return found, own


class _Records(logging.Handler):
    """What the child logs, sent with its result to be logged again by the parent."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []
        self._last: logging.LogRecord | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record is not self._last:  # a record MkDocs' logger hands on to the root too
            self.records.append((record.name, record.levelno, record.getMessage()))
            self._last = record


CAPTURED = ("", "mkdocs")
"""The loggers whose handlers a child's records go to instead: the root and MkDocs' (which
does not hand its records on to the root)."""


def _run(work: Callable[[], Any], writer: int) -> None:  # pragma: no cover - in the child
    status = 0
    records = _Records()
    for name in CAPTURED:
        logging.getLogger(name).handlers = [records]
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        data = pickle.dumps((True, work(), records.records), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # anything: the parent must hear of it
        error = (str(exc) or repr(exc), traceback.format_exc())
        data = pickle.dumps((False, error, records.records))
        status = 1
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(writer, view) :]
        os.close(writer)
    finally:
        os._exit(status)
