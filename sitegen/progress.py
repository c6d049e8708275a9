"""A progress bar over articles for long command-line runs, and the closing summary line."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text
from spacy.language import Language

from sitegen.model import KnowledgeBase
from sitegen.nlp.provider import PipelineProvider
from sitegen.write import WriteReport


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} articles/s")


@contextmanager
def article_progress(
    provider: PipelineProvider, total: int, enabled: bool
) -> Iterator[PipelineProvider]:
    """``provider``, whose pipeline, once loaded, advances a bar as each article's text goes
    through ``nlp.pipe``. Nothing is loaded here: a run whose articles are all in the cache
    shows no bar and never loads the pipeline.

    Shown only on a terminal; the pipeline is returned to normal on exit.
    """
    if not enabled or not sys.stderr.isatty():
        yield provider
        return
    progress = Progress(
        TextColumn("analyzing"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = progress.add_task("articles", total=total)
    patched: list[Language] = []

    def attach(nlp: Language) -> None:
        original = nlp.pipe

        def pipe(texts: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
            seen: set[Any] = set()
            for item in original(texts, *args, **kwargs):
                context = item[1] if kwargs.get("as_tuples") else None
                article = context[0] if isinstance(context, tuple) else context
                if article not in seen:
                    seen.add(article)
                    progress.update(task, completed=len(seen))
                yield item

        setattr(nlp, "pipe", pipe)  # noqa: B010
        patched.append(nlp)
        progress.start()

    previous, provider.on_load = provider.on_load, attach
    try:
        yield provider
    finally:
        provider.on_load = previous
        progress.stop()
        for nlp in patched:
            delattr(nlp, "pipe")


def summary(kb: KnowledgeBase, report: WriteReport | None, seconds: float) -> str:
    """The closing line: articles, entities by kind, topics, events, pages, seconds."""
    kinds = Counter(entity.kind for entity in kb.entities)
    line = (
        f"{len(kb.articles)} articles, {kinds['person']} people, "
        f"{kinds['organization']} organizations, {kinds['place']} places, "
        f"{len(kb.topics)} topics, {len(kb.events)} events"
    )
    if report is not None:
        pages = len(report.written) + len(report.unchanged)
        line += (
            f"; {pages} pages ({len(report.written)} written, {len(report.unchanged)} "
            f"unchanged, {len(report.removed)} removed)"
        )
    return f"{line} in {seconds:.1f} s"
