"""Extraction on a Dask cluster: spaCy on many machines, the rest of the build on this one.

With a scheduler address (``--scheduler tcp://HOST:8786``, the plugin option ``scheduler:``)
or a number of local workers (``--workers N``: a ``LocalCluster`` of N processes), the articles
that miss the extraction cache are sent to the cluster in batches. Each worker loads the spaCy
pipeline once (:class:`PipelinePlugin`, registered under the pipeline's id, so a long-lived
cluster keeps it across builds) and analyzes a batch at a time, inside a rule run with this
build's switches (:mod:`sitegen.rules`); it sends back each article's cache entry, the very
text the extraction cache stores, and the counts of the rules that fired. Where the workers
reach the cache (a shared folder or fsspec URL, or this machine's folder for a local cluster)
they skip the articles any of them has analyzed and store the new ones themselves. Resolution,
rendering and writing stay on the building machine. At most ``IN_FLIGHT_PER_WORKER`` batches
per worker are out at a time, so neither side holds the whole archive twice.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sitegen import rules
from sitegen.cache import code_version, decode_entry
from sitegen.errors import ConfigError, PipelineError, SitegenError
from sitegen.model import Analysis, Article
from sitegen.nlp.provider import PipelineProvider

log = logging.getLogger(__name__)

BATCH_ARTICLES = 32
"""Articles per task: a few seconds of spaCy, so the scheduler's per-task cost (milliseconds)
stays small, and enough tasks to keep every worker busy to the end."""
IN_FLIGHT_PER_WORKER = 3
"""Batches submitted ahead per worker."""
CONNECT_TIMEOUT = "10s"


@dataclass(frozen=True)
class Cluster:
    """Where spaCy runs: this process (neither set), a Dask scheduler, or a local cluster."""

    scheduler: str | None = None
    """A Dask scheduler's address (``tcp://HOST:8786``)."""
    workers: int = 0
    """Worker processes of a ``LocalCluster`` started for the build (one thread each)."""
    batch_articles: int = BATCH_ARTICLES
    """Articles per task."""

    @property
    def enabled(self) -> bool:
        return bool(self.scheduler) or self.workers > 0

    @property
    def is_local(self) -> bool:
        """The workers run on this machine (and see its folders)."""
        return not self.scheduler and self.workers > 0


@dataclass(frozen=True)
class ClusterResult:
    """The analyses a cluster sent back, by article id, and how many it computed."""

    analyses: dict[str, Analysis]
    analyzed: int
    """Articles the workers analyzed; the others they found in the shared cache."""
    batches: int = 0
    worker_seconds: float = 0.0
    """The workers' own time on the batches, summed."""
    worker_cpu_seconds: float = 0.0
    """The workers' CPU time on the batches, summed."""


@dataclass(frozen=True)
class BatchJob:
    """What every task of a build shares: the pipeline, the code, the rules, the cache."""

    plugin: str
    """The name the pipeline plugin is registered under on the workers."""
    pipeline: str
    """The pipeline's id: the workers' must be the same."""
    code: str
    """``code_version()`` of this machine: the workers' must be the same."""
    disabled: frozenset[str]
    """Rule ids switched off in this build."""
    cache: str | None
    """The extraction cache as the workers reach it, or None."""
    batch_size: int


@dataclass(frozen=True)
class BatchResult:
    """A batch's cache entries (article id, entry text), the rules that fired, and timings."""

    entries: tuple[tuple[str, str], ...]
    counts: dict[str, int]
    analyzed: int
    """Articles the worker analyzed (the others were in the shared cache)."""
    seconds: float
    """Time the worker spent on the batch."""
    cpu_seconds: float
    """CPU time of the worker's process meanwhile (less than ``seconds`` on a busy machine)."""


def analyze_on_cluster(
    articles: Sequence[Article],
    provider: PipelineProvider,
    cluster: Cluster,
    shared_cache: str | None,
    batch_size: int,
) -> ClusterResult:
    """The analyses of ``articles``, computed on ``cluster`` (started and stopped here when it
    is a local one), by article id in their order."""
    if not provider.name:
        raise PipelineError(
            "a pipeline object built in code cannot be sent to Dask workers; name an installed "
            "pipeline (--model) to extract on a cluster"
        )
    with dask_client(cluster) as client:
        return analyze_with_client(
            client, articles, provider, shared_cache, batch_size, cluster.batch_articles
        )


@contextmanager
def dask_client(cluster: Cluster) -> Iterator[Any]:
    """A client of the scheduler ``cluster`` names, or of a local cluster started for it."""
    from distributed import Client, LocalCluster

    if cluster.scheduler:
        try:
            client = Client(cluster.scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at '{cluster.scheduler}' ({exc}); start one "
                "(`dask scheduler`) or leave --scheduler out"
            ) from exc
        with client:
            yield client
        return
    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=cluster.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.WARNING,
        ) as local,
        Client(local) as client,
    ):
        log.info(
            "started a local Dask cluster of %d workers in %.1f s",
            cluster.workers,
            time.perf_counter() - started,
        )
        yield client


def analyze_with_client(
    client: Any,
    articles: Sequence[Article],
    provider: PipelineProvider,
    shared_cache: str | None,
    batch_size: int,
    batch_articles: int = BATCH_ARTICLES,
) -> ClusterResult:
    """Analyze ``articles`` on ``client``'s workers (see the module's docstring)."""
    from distributed import as_completed

    from sitegen.dask_worker import PipelinePlugin

    plugin = f"sitegen-pipeline-{provider.id}"
    client.register_plugin(PipelinePlugin(provider.name, provider.id), name=plugin)
    run = rules.active()
    job = BatchJob(
        plugin=plugin,
        pipeline=provider.id,
        code=code_version(),
        disabled=run.disabled if run is not None else frozenset(),
        cache=shared_cache,
        batch_size=batch_size,
    )
    batches = (
        list(articles[start : start + batch_articles])
        for start in range(0, len(articles), batch_articles)
    )
    workers = max(1, len(client.scheduler_info()["workers"]))
    running = as_completed()
    _submit(client, running, batches, IN_FLIGHT_PER_WORKER * workers, job)
    decoded: dict[str, Analysis] = {}
    analyzed, finished, seconds, cpu_seconds = 0, 0, 0.0, 0.0
    for future in running:
        result: BatchResult = _result(future)
        decoded.update((key, decode_entry(entry)) for key, entry in result.entries)
        analyzed += result.analyzed
        finished += 1
        seconds += result.seconds
        cpu_seconds += result.cpu_seconds
        if run is not None:
            run.counts.update(result.counts)
        _submit(client, running, batches, 1, job)
    log.info(
        "Dask: %d articles in %d batches on %d workers (%d analyzed, %d from the shared cache)",
        len(articles),
        finished,
        workers,
        analyzed,
        len(articles) - analyzed,
    )
    analyses = {article.id: decoded[article.id] for article in articles}
    return ClusterResult(analyses, analyzed, finished, seconds, cpu_seconds)


def _submit(
    client: Any, running: Any, batches: Iterator[list[Article]], count: int, job: BatchJob
) -> None:
    """Submit the next ``count`` batches (fewer at the end) to the cluster."""
    from sitegen.dask_worker import analyze_batch

    for batch in itertools.islice(batches, count):
        running.add(client.submit(analyze_batch, batch, job, pure=False))


def _result(future: Any) -> BatchResult:
    try:
        result = future.result()
    except SitegenError:
        raise
    except Exception as exc:  # noqa: BLE001 - a worker's failure, whatever it was
        raise SitegenError(f"a Dask worker failed to analyze a batch of articles: {exc}") from exc
    future.release()
    return result
