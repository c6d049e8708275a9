"""The worker side of extraction on a Dask cluster (see :mod:`sitegen.distributed`).

Imported only where a cluster is used: on the building machine when it submits, and on the
workers, which unpickle :class:`PipelinePlugin` and :func:`analyze_batch` from here.
"""

from __future__ import annotations

import time
from typing import Any

from distributed import WorkerPlugin, get_worker

from sitegen import rules
from sitegen.cache import AnalysisCache, analysis_entry, code_version
from sitegen.distributed import BatchJob, BatchResult
from sitegen.errors import PipelineError, SitegenError
from sitegen.model import Analysis, Article
from sitegen.nlp.analyze import analyze
from sitegen.nlp.pipeline import installed_pipeline_id, load_pipeline


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin: loads the spaCy pipeline once per worker, at registration (or
    when a worker joins), and checks it is the one the building machine expects. Idempotent:
    registered again under the same name (the next build on a long-lived cluster), it is kept,
    pipeline and all."""

    idempotent = True

    def __init__(self, model: str, pipeline: str) -> None:
        self.model = model
        self.pipeline = pipeline
        self.nlp: Any = None

    def setup(self, worker: Any) -> None:
        found = installed_pipeline_id(self.model)
        if found != self.pipeline:
            raise PipelineError(
                f"Dask worker {worker.address}: pipeline '{self.model}' is {found}, "
                f"the building machine's is {self.pipeline}; install the same on both"
            )
        self.nlp = load_pipeline(self.model)

    def teardown(self, worker: Any) -> None:
        self.nlp = None


def analyze_batch(batch: list[Article], job: BatchJob) -> BatchResult:
    """A task on a worker: the cache entries of ``batch``, analyzed with the worker's pipeline
    under the build's rule switches (articles in the shared cache are read, not analyzed)."""
    started, cpu = time.perf_counter(), time.process_time()
    if code_version() != job.code:
        raise SitegenError(
            f"Dask worker runs sitegen {code_version()}, the building machine {job.code}; "
            "install the same sitegen on both"
        )
    plugin = get_worker().plugins[job.plugin]
    assert isinstance(plugin, PipelinePlugin)
    nlp = plugin.nlp
    with rules.running(job.disabled) as run:
        cache = AnalysisCache(job.cache, job.pipeline) if job.cache else None
        found: dict[str, Analysis | None] = (
            {article.id: cache.get(article) for article in batch} if cache else {}
        )
        todo = [article for article in batch if found.get(article.id) is None]
        fresh = analyze(todo, nlp, batch_size=job.batch_size, n_process=1) if todo else {}
        if cache is not None:
            for article in todo:
                cache.put(article, fresh[article.id])
        analyses = {**{k: v for k, v in found.items() if v is not None}, **fresh}
        entries = tuple((article.id, analysis_entry(analyses[article.id])) for article in batch)
    return BatchResult(
        entries,
        dict(run.counts),
        len(todo),
        time.perf_counter() - started,
        time.process_time() - cpu,
    )
