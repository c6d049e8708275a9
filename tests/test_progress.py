"""The analysis reports its progress in articles (not input files, not spaCy texts)."""

from __future__ import annotations

import json
from pathlib import Path

from sitegen.build import Options, build_knowledge
from sitegen.ingest import read_articles
from sitegen.nlp.analyze import analyze
from sitegen.nlp.provider import PipelineProvider
from tests.helpers import ruler_pipeline, write

PATTERNS = [{"label": "PERSON", "pattern": "Jane Doe"}, {"label": "GPE", "pattern": "Freedonia"}]


class Recorded:
    """An ``AnalysisProgress`` that keeps what it is told."""

    def __init__(self) -> None:
        self.started: list[int] = []
        self.advanced: list[int] = []

    def start(self, total: int) -> None:
        self.started.append(total)

    def advance(self, count: int) -> None:
        self.advanced.append(count)


def test_each_article_is_counted_once_as_it_is_done(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Jane Doe spoke.\nShe left.\nShe came back.\n")
    write(tmp_path / "b.txt", "Freedonia voted.\n")
    write(tmp_path / "c.txt", "Jane Doe won.\nFreedonia cheered.\n")
    articles = read_articles([tmp_path])
    advanced: list[int] = []
    analyze(articles, ruler_pipeline(PATTERNS), progress=advanced.append)
    assert advanced == [1, 1, 1]  # six blocks, three articles, one call per article
    advanced.clear()
    analyze(articles, ruler_pipeline(PATTERNS), zone_texts=2, progress=advanced.append)
    assert sum(advanced) == 3 and all(count > 0 for count in advanced)


def test_a_json_lines_archive_counts_its_records_and_the_cache_counts_none(
    tmp_path: Path,
) -> None:
    records = [
        {"id": f"r{number}", "title": f"Report {number}", "text": f"Jane Doe spoke {number}."}
        for number in range(7)
    ]
    archive = write(tmp_path / "archive.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    options = Options(cache_dir=tmp_path / "cache", n_process=1)
    progress = Recorded()
    provider = PipelineProvider(nlp=ruler_pipeline(PATTERNS), progress=progress)
    build_knowledge([archive], options, provider)
    assert progress.started == [7] and sum(progress.advanced) == 7
    again = Recorded()
    provider = PipelineProvider(nlp=ruler_pipeline(PATTERNS), progress=again)
    build_knowledge([archive], options, provider)
    assert again.started == [] and again.advanced == []
