"""Work in a forked copy of this process (``sitegen/forked.py``): its value comes back, and so
does its error, or the news that it ended without a result."""

from __future__ import annotations

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
