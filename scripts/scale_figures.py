"""Figures for the million-article plan (docs/scale-plan.md): the resolve step's time and
memory per mention, and the extraction cache's size per article, on the real archive.

For each N (default 1,000, 2,000, 4,000 and all of ``../shared/archive/wikinews.jsonl``), a
child process reads the first N articles, loads their analyses from a warm extraction cache
(``--cache``: a copy of one, e.g. ``/work/archive-run/.sitegen-cache``; articles missing from
it are analyzed, which is slow), then runs the build's resolve step (entities, topics, events,
quotes, references; no per-article caches) and reports seconds, mentions and peak memory.
Prints JSON, one object per N, then the cache's size per article.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = REPO.parent / "shared" / "archive" / "wikinews.jsonl"


def rss_mb() -> float:
    """This process's resident memory now, in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 1e6


def measure(size: int, archive: Path, cache: Path) -> dict[str, Any]:
    """One N's figures (runs in its own process, so the peak is this N's)."""
    from sitegen import build
    from sitegen.build import BuildStats, Options, PipelineProvider, analyze_cached
    from sitegen.ingest import read_articles

    started = time.perf_counter()
    articles = read_articles([archive])[:size]
    read_s = time.perf_counter() - started
    provider = PipelineProvider()
    stats = BuildStats()
    started = time.perf_counter()
    analyses = analyze_cached(articles, provider, Options(cache_dir=cache), stats)
    load_s = time.perf_counter() - started
    before = rss_mb()
    mentions = sum(len(a.mentions) for a in analyses.values())
    references = sum(len(a.references) for a in analyses.values())
    build.analyze_cached = lambda *args: analyses  # type: ignore[assignment]
    kb = build._knowledge(articles, provider, Options(cache_dir=None), stats)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    resolve_s, resolve_cpu = stats.seconds["resolve"], stats.cpu_seconds["resolve"]
    return {
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
        "mentions": mentions,
        "references": references,
        "entities": len(kb.entities),
        "topics": len(kb.topics),
        "events": len(kb.events),
        "read_s": round(read_s, 1),
        "load_analyses_s": round(load_s, 1),
        "analyzed_now": stats.analyzed,
        "resolve_s": round(resolve_s, 1),
        "resolve_cpu_s": round(resolve_cpu, 1),
        "resolve_us_per_mention": round(1e6 * resolve_cpu / mentions, 1),
        "rss_with_analyses_mb": round(before, 1),
        "peak_rss_mb": round(peak, 1),
        "resolve_peak_over_analyses_mb": round(peak - before, 1),
        "resolve_bytes_per_mention": round(1e6 * (peak - before) / mentions),
    }


def cache_size(cache: Path) -> dict[str, Any]:
    entries = list(cache.glob("??/*.json"))
    total = sum(path.stat().st_size for path in entries)
    pickles = {p.name: p.stat().st_size for p in cache.glob("*.pickle")}
    return {
        "entries": len(entries),
        "entry_bytes": total,
        "bytes_per_entry": round(total / max(1, len(entries))),
        "per_article_pickles_bytes": pickles,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 10**9])
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.archive, args.cache)))
        return
    for size in args.sizes:
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(size),
                "--archive",
                str(args.archive),
                "--cache",
                str(args.cache),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        print(child.stdout.strip(), flush=True)
    print(json.dumps(cache_size(args.cache)))


if __name__ == "__main__":
    main()
