"""A progress bar over articles for long command-line runs, and the closing summary line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from sitegen.build import Tally
from sitegen.nlp.provider import PipelineProvider
from sitegen.write import WriteReport


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} articles/s")


class ArticleBar:
    """A progress bar over the articles spaCy analyzes (an ``AnalysisProgress``): it appears
    when the analysis starts, so a run whose articles are all in the cache shows none."""

    def __init__(self, console: Console) -> None:
        self.bar = Progress(
            TextColumn("analyzing"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self.task: TaskID | None = None

    def start(self, total: int) -> None:
        if self.task is None:
            self.task = self.bar.add_task("articles", total=total)
        else:
            self.bar.reset(self.task, total=total)
        self.bar.start()

    def advance(self, count: int) -> None:
        if self.task is not None:
            self.bar.advance(self.task, count)

    def stop(self) -> None:
        self.bar.stop()


@contextmanager
def article_progress(model: str | None, enabled: bool) -> Iterator[PipelineProvider]:
    """A provider of ``model`` (loaded only for articles missing from the cache) that shows a
    bar counting the articles analyzed: articles, not input files, so a JSON Lines archive of
    5,741 records counts to 5,741. Shown only on a terminal, and removed on exit."""
    if not enabled or not sys.stderr.isatty():
        yield PipelineProvider(model)
        return
    bar = ArticleBar(Console(stderr=True))
    try:
        yield PipelineProvider(model, progress=bar)
    finally:
        bar.stop()


def summary(tally: Tally, report: WriteReport | None, seconds: float) -> str:
    """The closing line: articles, entities by kind, topics, events, pages, seconds."""
    line = (
        f"{tally.articles} articles, {tally.people} people, "
        f"{tally.organizations} organizations, {tally.places} places, "
        f"{tally.topics} topics, {tally.events} events"
    )
    if report is not None:
        pages = len(report.written) + len(report.unchanged)
        line += (
            f"; {pages} pages ({len(report.written)} written, {len(report.unchanged)} "
            f"unchanged, {len(report.removed)} removed)"
        )
    return f"{line} in {seconds:.1f} s"
