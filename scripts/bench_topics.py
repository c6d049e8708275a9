"""Time the topic stages after spaCy (subjects, threads, the JSON export) at growing corpus
sizes, to show they grow near-linearly.

Usage: python scripts/bench_topics.py ARCHIVE.jsonl [--sizes 1000,2500,5741]

Run it where the analysis cache of the archive is (``.sitegen-cache/`` of the working
directory): spaCy is not what it times. For each size N (the first N records), it resolves
the entities once, then times (CPU seconds of this process) the filing under subjects, the
whole topic stage (candidates, threads, subjects) and the JSON export, and prints each per
1,000 articles: a near-linear stage keeps that figure flat as N grows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.build import BuildStats, Options, analyze_cached  # noqa: E402
from sitegen.export import export_knowledge  # noqa: E402
from sitegen.ingest import read_articles  # noqa: E402
from sitegen.model import KnowledgeBase  # noqa: E402
from sitegen.nlp.provider import PipelineProvider  # noqa: E402
from sitegen.resolve import resolve_entities  # noqa: E402
from sitegen.resolve.events import build_events  # noqa: E402
from sitegen.resolve.subjects import file_articles  # noqa: E402
from sitegen.resolve.topics import find_topics  # noqa: E402


def timed(function, *args):  # type: ignore[no-untyped-def]
    started = time.process_time()
    result = function(*args)
    return result, time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--sizes", default="1000,2500,5741")
    args = parser.parse_args()
    lines = args.archive.read_text(encoding="utf-8").splitlines()
    print(f"{'N':>6} {'subjects':>10} {'topics':>10} {'export':>10}   (CPU s per 1,000 articles)")
    for size in (int(n) for n in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            part = Path(folder) / "part.jsonl"
            part.write_text("\n".join(lines[:size]) + "\n", encoding="utf-8")
            articles = read_articles([part])
        analyses = analyze_cached(articles, PipelineProvider(None), Options(), BuildStats())
        entities = resolve_entities(articles, analyses)
        _, subjects = timed(file_articles, articles)
        (topics, filings), seconds = timed(find_topics, articles, analyses, entities)
        kb = KnowledgeBase(tuple(articles), analyses, entities, topics, filings=filings)
        kb = replace(kb, events=build_events(articles, analyses, entities))
        _, export = timed(export_knowledge, kb)
        per = 1000 / len(articles)
        figures = (subjects * per, seconds * per, export * per)
        print(f"{len(articles):>6} " + " ".join(f"{f:>10.2f}" for f in figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
