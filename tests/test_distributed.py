"""Extraction on a real Dask cluster: a LocalCluster of two worker processes gives the same
export, byte for byte, as one process; the workers share the extraction cache and receive the
build's rule switches."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from distributed import Client, LocalCluster

from sitegen import rules
from sitegen.build import Options, extract
from sitegen.cache import AnalysisCache, FsspecStore, entry_store
from sitegen.distributed import Cluster, analyze_with_client
from sitegen.errors import SitegenError
from sitegen.ingest import read_articles
from sitegen.nlp.provider import PipelineProvider
from tests.helpers import run_sitegen

SAMPLE = Path(__file__).parent / "fixtures" / "archive" / "wikinews-sample.jsonl"


@pytest.fixture(scope="module")
def slice_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve records of the archive sample (a few seconds of spaCy)."""
    path = tmp_path_factory.mktemp("archive") / "slice.jsonl"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[10:22]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def test_two_local_workers_give_the_single_process_export_byte_for_byte(
    slice_path: Path, tmp_path: Path
) -> None:
    single = extract([slice_path], Options(cache_dir=None, n_process=1))
    cache = tmp_path / "cache"
    cluster = Cluster(workers=2, batch_articles=3)
    spread = extract([slice_path], Options(cache_dir=cache, cluster=cluster))
    assert json.dumps(spread, ensure_ascii=False) == json.dumps(single, ensure_ascii=False)
    assert len(single["articles"]) == 12 and single["entities"]
    entries = list(cache.glob("*/*.json"))
    assert len(entries) == 12  # written by the workers, into this machine's cache folder


def test_workers_skip_what_the_shared_cache_holds(
    slice_path: Path, tmp_path: Path, client: Any
) -> None:
    provider = PipelineProvider()
    articles = read_articles([slice_path])
    shared = str(tmp_path / "shared-cache")
    first = analyze_with_client(client, articles[:5], provider, shared, 64, batch_articles=2)
    assert first.analyzed == 5
    second = analyze_with_client(client, articles, provider, shared, 64, batch_articles=2)
    assert second.analyzed == len(articles) - 5
    assert {k: second.analyses[k] for k in first.analyses} == first.analyses
    cache = AnalysisCache(shared, provider.id)
    assert all(cache.get(article) == second.analyses[article.id] for article in articles)


def test_the_builds_rule_switches_reach_the_workers(slice_path: Path, client: Any) -> None:
    """A rule this process knows and the workers do not: switching it off is refused there,
    which only happens if the switch was sent."""
    probe = rules.rule("kind.test-distributed-probe", "kind", "Known here only.", [{"t": "x"}])
    try:
        articles = read_articles([slice_path])[:2]
        with rules.running(disabled=[probe.id]):
            with pytest.raises(SitegenError, match="kind.test-distributed-probe"):
                analyze_with_client(client, articles, PipelineProvider(), None, 64)
    finally:
        rules._REGISTRY.pop(probe.id)


def test_disabled_rules_are_part_of_the_cache_key(slice_path: Path) -> None:
    probe = rules.rule("kind.test-cache-key-probe", "kind", "For the key.", [{"t": "x"}])
    try:
        [article] = read_articles([slice_path])[:1]
        cache = AnalysisCache(Path("unused"), "pipeline")
        plain = cache.key(article)
        with rules.running():
            assert cache.key(article) == plain  # no switch: the same entry as before
        with rules.running(disabled=[probe.id]):
            assert cache.key(article) != plain
    finally:
        rules._REGISTRY.pop(probe.id)


def test_cache_on_an_fsspec_url(slice_path: Path) -> None:
    from sitegen.cache import analysis_entry, decode_entry
    from sitegen.model import Analysis

    store = entry_store("memory://sitegen-test/cache")
    assert isinstance(store, FsspecStore)
    assert not isinstance(entry_store("file:///tmp/x"), FsspecStore)
    [article] = read_articles([slice_path])[:1]
    cache = AnalysisCache("memory://sitegen-test/cache", "pipeline")
    assert cache.get(article) is None
    analysis = Analysis(article=article.id, sentences=(), mentions=())
    cache.put(article, analysis)
    assert cache.get(article) == analysis
    assert decode_entry(store.read(cache.name(article))) == analysis
    assert store.read(cache.name(article)).decode("utf-8") == analysis_entry(analysis)


def test_an_unreachable_scheduler_is_a_clear_error(slice_path: Path, tmp_path: Path) -> None:
    from sitegen.errors import ConfigError

    cluster = Cluster(scheduler="tcp://127.0.0.1:1")
    with pytest.raises(
        ConfigError, match=r"cannot reach the Dask scheduler at 'tcp://127.0.0.1:1'"
    ):
        extract([slice_path], Options(cache_dir=None, cluster=cluster))


def test_the_options_reach_the_pipeline_from_mkdocs_yml_and_the_command_line(
    tmp_path: Path,
) -> None:
    from sitegen.site import pipeline_options, project_settings

    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - sitegen:\n      seeds: in\n      scheduler: tcp://h:8786\n"
        "      cache: s3://bucket/cache\n",
        encoding="utf-8",
    )
    (tmp_path / "in").mkdir()
    options = pipeline_options(project_settings(config))
    assert options.cluster == Cluster(scheduler="tcp://h:8786")
    assert options.analysis_cache == "s3://bucket/cache"
    local = pipeline_options(project_settings(config, workers=3))
    assert local.cluster == Cluster(workers=3)  # the command line's --workers wins
    assert pipeline_options(project_settings(tmp_path / "none.yml")).cluster == Cluster()
    config.write_text(
        config.read_text(encoding="utf-8").replace("scheduler: tcp://h:8786", "workers: 2"),
        encoding="utf-8",
    )
    remote = pipeline_options(project_settings(config, scheduler="tcp://other:8786"))
    assert remote.cluster == Cluster(scheduler="tcp://other:8786")  # not both
    both = run_sitegen("extract", str(SAMPLE), "--scheduler", "tcp://h:1", "--workers", "2")
    assert both.returncode == 2
    assert "give --scheduler or --workers, not both" in both.stderr
