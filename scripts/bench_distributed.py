"""Benchmark extraction on one process against a local Dask cluster (docs/distributed.md).

Composes N articles (default 10,000) from ``../shared/archive/wikinews.jsonl``: record k is
the archive's record ``k mod 5,741`` with the id ``<id>-<k div 5,741>``, so every id is
distinct (a repeated text costs spaCy the same as a new one). Then, in one run, with no cache:
spaCy in this process (``analyze``, one process: what sitegen does on a 2-CPU machine), and on
a ``LocalCluster`` of W worker processes (default 2) through sitegen's own cluster path
(``analyze_on_cluster``'s batches, plugin and entries). Prints JSON: seconds of each, the
cluster's start-up (workers and pipeline loads), the workers' own time per batch, the
scheduler's overhead per article, whether both gave the same analyses, and the machine's load
average sampled during each part (its CPUs are shared with other jobs).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = REPO.parent / "shared" / "archive" / "wikinews.jsonl"


class LoadSampler:
    """The 1-minute load average, sampled every few seconds while a part runs."""

    def __init__(self, every: float = 5.0) -> None:
        self.every = every
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.samples.append(os.getloadavg()[0])

    def __enter__(self) -> LoadSampler:
        self._thread.start()
        return self

    def __exit__(self, *args: object) -> None:
        self._stop.set()
        self._thread.join()

    def summary(self) -> dict[str, float]:
        values = self.samples or [os.getloadavg()[0]]
        return {"mean": round(sum(values) / len(values), 2), "max": round(max(values), 2)}


def compose(size: int, archive: Path) -> list[Any]:
    """``size`` articles with distinct ids from the archive's records, in order, cycling."""
    from dataclasses import replace

    from sitegen.ingest.records import read_records

    originals = [item for item in read_records(archive) if not isinstance(item, Exception)]
    return [
        replace(
            originals[k % len(originals)],
            id=f"{originals[k % len(originals)].id}-{k // len(originals)}",
        )
        for k in range(size)
    ]


def single_process(
    articles: list[Any], batch_articles: int = 0
) -> tuple[dict[str, Any], dict[str, Any]]:
    """spaCy in this process: all articles in one ``analyze`` call, or (``batch_articles``)
    one call per batch of that many, as a cluster's worker makes them."""
    from sitegen.nlp.analyze import analyze
    from sitegen.nlp.pipeline import load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline()
    loaded = time.perf_counter() - started
    size = batch_articles or len(articles)
    with LoadSampler() as load:
        started, cpu = time.perf_counter(), time.process_time()
        analyses: dict[str, Any] = {}
        for start in range(0, len(articles), size):
            analyses |= analyze(articles[start : start + size], nlp, batch_size=64, n_process=1)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu
    return analyses, {
        "load_pipeline_s": round(loaded, 2),
        "extract_s": round(seconds, 1),
        "cpu_s": round(cpu_seconds, 1),
        "cpu_ms_per_article": round(1000 * cpu_seconds / len(articles), 2),
        "ms_per_article": round(1000 * seconds / len(articles), 2),
        "load_average": load.summary(),
    }


def on_cluster(articles: list[Any], workers: int) -> tuple[dict[str, Any], dict[str, Any]]:
    from distributed import Client, LocalCluster

    from sitegen import distributed as dist
    from sitegen.nlp.provider import PipelineProvider

    provider = PipelineProvider()
    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        cluster_up = time.perf_counter() - started
        from sitegen.dask_worker import PipelinePlugin

        client.register_plugin(
            PipelinePlugin(provider.name, provider.id), name=f"sitegen-pipeline-{provider.id}"
        )
        ready = time.perf_counter() - started
        with LoadSampler() as load:
            begun, cpu = time.perf_counter(), time.process_time()
            done = dist.analyze_with_client(client, articles, provider, None, 64)
            seconds = time.perf_counter() - begun
            cpu_seconds = time.process_time() - cpu
    busy = done.worker_seconds
    overhead = seconds - busy / workers
    return done.analyses, {
        "workers": workers,
        "batches": done.batches,
        "batch_articles": dist.BATCH_ARTICLES,
        "cluster_start_s": round(cluster_up, 2),
        "pipeline_loaded_s": round(ready, 2),
        "extract_s": round(seconds, 1),
        "client_cpu_s": round(cpu_seconds, 1),
        "worker_busy_s": round(busy, 1),
        "worker_cpu_s": round(done.worker_cpu_seconds, 1),
        "worker_cpu_ms_per_article": round(1000 * done.worker_cpu_seconds / len(articles), 2),
        "overhead_s": round(overhead, 1),
        "overhead_ms_per_article": round(1000 * overhead / len(articles), 2),
        "ms_per_article": round(1000 * seconds / len(articles), 2),
        "load_average": load.summary(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    parser.add_argument(
        "--batched",
        action="store_true",
        help="Also time one process analyzing the cluster's batches one by one.",
    )
    parser.add_argument("--out", type=Path, default=None, help="Also write the JSON here.")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    articles = compose(args.size, args.archive)
    result: dict[str, Any] = {
        "articles": len(articles),
        "distinct_texts": len({a.text for a in articles}),
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
    }
    single, result["single_process"] = single_process(articles)
    print(json.dumps(result), file=sys.stderr, flush=True)
    if args.batched:
        from sitegen.distributed import BATCH_ARTICLES

        batched, result["single_process_batched"] = single_process(articles, BATCH_ARTICLES)
        result["same_analyses_batched"] = batched == single
        print(json.dumps(result), file=sys.stderr, flush=True)
    distributed, result["cluster"] = on_cluster(articles, args.workers)
    result["same_analyses"] = single == distributed
    result["ratio_extract"] = round(
        result["single_process"]["extract_s"] / result["cluster"]["extract_s"], 3
    )
    result["ratio_with_startup"] = round(
        result["single_process"]["extract_s"]
        / (result["cluster"]["extract_s"] + result["cluster"]["pipeline_loaded_s"]),
        3,
    )
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
