"""Work in a forked copy of this process (``sitegen/forked.py``): its value comes back, and so
does its error, or the news that it ended without a result."""

from __future__ import annotations

import logging
import os
import time

import pytest

from sitegen.forked import Forked, ForkedError


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
