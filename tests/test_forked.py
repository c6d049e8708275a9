"""Work in a forked copy of this process (``sitegen/forked.py``): its value comes back, and so
does its error, or the news that it ended without a result."""

from __future__ import annotations

import logging
import os
import time

import pytest

from sitegen.forked import Forked, ForkedError, alongside


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def test_the_value_comes_back_from_another_process() -> None:
    shared = list(range(1000))  # the child reads this process's memory, not a copy sent over
    forked = Forked(lambda: (os.getpid(), sum(shared)))
    pid, total = forked.result()
    assert pid == forked.pid != os.getpid()
    assert total == sum(range(1000))
    with pytest.raises(ForkedError, match="already taken"):
        forked.result()


def test_an_error_in_the_child_is_raised_here_with_its_traceback() -> None:
    def broken() -> None:
        raise ValueError("no such page")

    forked = Forked(broken)
    with pytest.raises(ForkedError, match="no such page") as raised:
        forked.result()
    assert "ValueError" in raised.value.details and "broken" in raised.value.details


def test_a_child_that_ends_without_a_result_is_reported() -> None:
    forked = Forked(lambda: os._exit(3))
    assert forked.ready(10.0)
    with pytest.raises(ForkedError, match=r"without its result \(exit status 3\)"):
        forked.result()


def test_a_cancelled_child_is_stopped() -> None:
    forked = Forked(lambda: time.sleep(60))
    assert not forked.ready(0.05)
    started = time.monotonic()
    forked.cancel()
    assert time.monotonic() - started < 5
    with pytest.raises(ProcessLookupError):
        os.kill(forked.pid, 0)  # reaped: no such process any more


def test_what_the_child_logs_is_logged_here_once(caplog: pytest.LogCaptureFixture) -> None:
    def noisy() -> int:
        logging.getLogger("mkdocs.plugins.sitegen").warning("page %s is odd", "a.md")
        logging.getLogger("sitegen.render").info("rendered")
        return 1

    with caplog.at_level(logging.INFO):
        forked = Forked(noisy)
        assert not caplog.records  # nothing yet: the child's records come with its result
        assert forked.result() == 1
    logged = [(r.name, r.levelno, r.getMessage()) for r in caplog.records]
    assert logged == [
        ("mkdocs.plugins.sitegen", logging.WARNING, "page a.md is odd"),
        ("sitegen.render", logging.INFO, "rendered"),
    ]


def test_a_fork_refused_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    with pytest.raises(ForkedError, match="cannot start a process"):
        Forked(lambda: 1)


def test_trim_heap_gives_freed_memory_back_before_a_fork() -> None:
    """Freed small objects stay resident until the heap is trimmed; a process forked then
    would start with them (glibc only: elsewhere the trim is a collection)."""
    import ctypes

    from sitegen.forked import trim_heap

    def resident_mb() -> float:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    blocks = [bytearray(1000) for _ in range(200_000)]  # about 200 MB of small blocks
    del blocks
    before = resident_mb()
    trim_heap()
    after = resident_mb()
    if hasattr(ctypes.CDLL(None), "malloc_trim"):  # glibc
        assert after < before - 100


def test_several_works_run_alongside_in_processes_of_their_own() -> None:
    """Each of them in its own child (all at once: three sleeps of 0.5 s take well under
    1.5 s), values in order; this process's own work runs meanwhile."""
    started = time.monotonic()
    found, own = alongside(
        [lambda: (time.sleep(0.5), os.getpid())[1] for _ in range(3)], lambda: os.getpid()
    )
    assert own == os.getpid() and os.getpid() not in found and len(set(found)) == 3
    assert time.monotonic() - started < 1.4


def test_alongside_stops_the_others_when_one_fails_and_runs_here_when_it_cannot_fork(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> int:
        raise ValueError("no such page")

    started = time.monotonic()
    with pytest.raises(ForkedError, match="no such page"):
        alongside([broken, lambda: time.sleep(60)], lambda: 1)
    assert time.monotonic() - started < 30  # the sleeper was stopped, not waited for

    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    assert alongside([os.getpid, lambda: 2], lambda: 3) == ([os.getpid(), 2], 3)
