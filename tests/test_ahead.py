"""Serve's resolution ahead of the first edit (``sitegen.ahead``): run in a thread after the
build that planned it, waited for by the next rebuild, quiet, and harmless when it fails."""

from __future__ import annotations

import logging
import threading

import pytest

from sitegen.ahead import THREAD_NAME, ResolveAhead


def test_planned_work_runs_in_its_own_thread_once_and_is_waited_for() -> None:
    ahead = ResolveAhead()
    ahead.start()  # nothing planned: nothing runs
    assert not ahead.running
    release, seen = threading.Event(), []

    def work() -> None:
        release.wait(10)
        seen.append(threading.current_thread().name)

    ahead.plan(work)
    ahead.start()
    assert ahead.running and not seen  # the caller goes on while it resolves
    release.set()
    ahead.wait()
    assert seen == [THREAD_NAME] and not ahead.running
    ahead.start()  # planned once, run once
    ahead.wait()
    assert seen == [THREAD_NAME]


def test_a_plan_dropped_before_the_start_does_not_run() -> None:
    ahead, seen = ResolveAhead(), []
    ahead.plan(lambda: seen.append(1))
    ahead.plan(None)  # a failed build drops it
    ahead.start()
    ahead.wait()
    assert not seen


def test_its_logging_is_quiet_below_errors_and_a_failure_is_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The same inputs as the start, which logged their warnings: not again. A failure leaves
    the first edit to resolve what it needs, and says so."""
    ahead = ResolveAhead()

    def work() -> None:
        logging.getLogger("sitegen.build").warning("a warning the start logged")
        logging.getLogger("sitegen.build").error("an error")
        raise ValueError("no such article")

    with caplog.at_level(logging.INFO):
        ahead.plan(work)
        ahead.start()
        ahead.wait()
    messages = [record.getMessage() for record in caplog.records]
    assert "a warning the start logged" not in messages and "an error" in messages
    assert any("ahead of the first edit failed: no such article" in m for m in messages)
    assert logging.getLogger("sitegen").level == logging.NOTSET  # put back
