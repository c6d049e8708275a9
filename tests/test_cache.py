"""The extraction cache and incremental builds: no spaCy calls when nothing changed."""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import pickle
import shutil
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from spacy.language import Language

import sitegen.build
import sitegen.cache
import sitegen.nlp.provider
from sitegen.build import BuildStats, Options, build_knowledge, generate
from sitegen.cache import FORMAT, AnalysisCache, analysis_from_json, analysis_to_json
from sitegen.cli import cli
from sitegen.ingest import read_articles
from sitegen.nlp import analyze as analyze_module
from sitegen.nlp.analyze import analyze
from sitegen.nlp.provider import given_pipeline_id
from sitegen.overrides import parse_overrides
from tests.helpers import REPO, SEEDS, ruler_pipeline, write

PATTERNS = [
    {"label": "PERSON", "pattern": "Jane Doe"},
    {"label": "ORG", "pattern": "Acme"},
    {"label": "GPE", "pattern": "Freedonia"},
]
BODIES = {
    "a": "Jane Doe founded Acme.\nShe lives in Freedonia.\n",
    "b": "Acme opened an office in Freedonia on Monday.\n",
    "c": "Jane Doe spoke on Tuesday.\n",
}


def corpus(folder: Path) -> Path:
    for name, body in BODIES.items():
        write(folder / f"{name}.txt", body)
        write(folder / f"{name}.yml", "published: 2026-01-13\n")
    return folder


def counted(nlp: Language) -> list[str]:
    """Record every text sitegen asks the pipeline to process (wraps ``nlp.pipe``).

    spaCy's ``pipe(as_tuples=True)`` calls ``self.pipe`` again for the texts alone; only the
    outer calls, sitegen's, are recorded.
    """
    seen: list[str] = []
    original = nlp.pipe

    def pipe(stream: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        def spy() -> Iterator[Any]:
            for item in stream:
                seen.append(item[0])
                yield item

        return original(spy() if kwargs.get("as_tuples") else stream, **kwargs)

    nlp.pipe = pipe  # type: ignore[method-assign]
    return seen


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path, Options]:
    return corpus(tmp_path / "in"), tmp_path / "docs", Options(cache_dir=tmp_path / "cache")


def test_rebuild_makes_no_spacy_calls_and_rewrites_nothing(
    project: tuple[Path, Path, Options],
) -> None:
    source, docs, options = project
    nlp = ruler_pipeline(PATTERNS)
    texts = counted(nlp)
    generate([source], docs, options, nlp)
    assert len(texts) == 4
    before = {path: path.stat().st_mtime_ns for path in docs.rglob("*") if path.is_file()}
    texts.clear()
    stats = BuildStats()
    _, report = generate([source], docs, options, nlp, stats)
    assert texts == []
    assert (stats.analyzed, stats.cached) == (0, 3)
    assert report.written == [] and report.unchanged
    after = {path: path.stat().st_mtime_ns for path in docs.rglob("*") if path.is_file()}
    assert after == before


def test_rebuild_with_nothing_changed_does_not_load_the_model(
    project: tuple[Path, Path, Options], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, docs, _ = project
    saved = tmp_path / "pipeline"
    ruler_pipeline(PATTERNS).to_disk(saved)
    options = Options(model=str(saved), cache_dir=tmp_path / "cache")
    loads: list[str] = []
    real_load = sitegen.nlp.provider.load_pipeline

    def load(name: str | None = None) -> Language:
        loads.append(str(name))
        return real_load(name)

    monkeypatch.setattr(sitegen.nlp.provider, "load_pipeline", load)
    first, second = BuildStats(), BuildStats()
    kb1, _ = generate([source], docs, options, stats=first)
    kb2, _ = generate([source], docs, options, stats=second)
    assert loads == [str(saved)]
    assert first.model_loaded and not second.model_loaded
    assert kb1.analyses == kb2.analyses and kb1.entities == kb2.entities


def test_only_the_changed_article_is_processed_again(
    project: tuple[Path, Path, Options],
) -> None:
    source, docs, options = project
    nlp = ruler_pipeline(PATTERNS)
    texts = counted(nlp)
    generate([source], docs, options, nlp)
    write(source / "b.txt", "Acme closed its office in Freedonia.\n")
    texts.clear()
    stats = BuildStats()
    kb, report = generate([source], docs, options, nlp, stats)
    assert texts == ["Acme closed its office in Freedonia."]
    assert (stats.analyzed, stats.cached) == (1, 2)
    assert "articles/b.md" in report.written and "articles/a.md" in report.unchanged
    assert kb.analyses["b"].mentions[0].text == "Acme"


def test_an_interrupted_analysis_keeps_the_chunks_it_finished(
    project: tuple[Path, Path, Options], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache stores each chunk's analyses once it is done: a run of thousands of articles
    stopped (Ctrl-C, a crash) does not lose what spaCy did before."""
    source, _, options = project
    monkeypatch.setattr(analyze_module, "ZONE_TEXTS", 1)  # a chunk per article
    nlp = ruler_pipeline(PATTERNS)
    original = nlp.pipe

    def stopping(stream: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        for item in original(stream, **kwargs):  # spaCy calls it again for the texts alone
            if kwargs.get("as_tuples") and "Tuesday" in item[0].text:  # article c, read last
                raise KeyboardInterrupt
            yield item

    nlp.pipe = stopping  # type: ignore[method-assign]
    with pytest.raises(KeyboardInterrupt):
        build_knowledge([source], options, nlp)
    nlp.pipe = original  # type: ignore[method-assign]
    texts = counted(nlp)
    stats = BuildStats()
    build_knowledge([source], options, nlp, stats=stats)
    assert texts == ["Jane Doe spoke on Tuesday."]
    assert (stats.analyzed, stats.cached) == (1, 2)


def test_a_new_pipeline_id_misses_the_cache(project: tuple[Path, Path, Options]) -> None:
    source, _, options = project
    nlp = ruler_pipeline(PATTERNS)
    texts = counted(nlp)
    build_knowledge([source], options, nlp)
    texts.clear()
    nlp.meta["version"] = "9.9.9"
    build_knowledge([source], options, nlp)
    assert len(texts) == 4
    other = ruler_pipeline(PATTERNS[:1])
    assert given_pipeline_id(other) != given_pipeline_id(ruler_pipeline(PATTERNS))


def test_a_corrupt_entry_is_ignored_with_a_warning(
    project: tuple[Path, Path, Options], caplog: pytest.LogCaptureFixture
) -> None:
    source, _, options = project
    nlp = ruler_pipeline(PATTERNS)
    expected = build_knowledge([source], options, nlp).analyses
    assert options.cache_dir is not None
    article = read_articles([source / "a.txt"])[0]
    entry = AnalysisCache(options.cache_dir, given_pipeline_id(nlp)).path(article)
    entry.write_text('{"format": 1, "analysis": {"article": "a", "sent', encoding="utf-8")
    texts = counted(nlp)
    with caplog.at_level(logging.WARNING):
        analyses = build_knowledge([source], options, nlp).analyses
    assert analyses == expected
    assert texts == ["Jane Doe founded Acme.", "She lives in Freedonia."]
    assert any("unreadable cache entry" in record.message for record in caplog.records)
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == FORMAT


def test_no_cache_dir_means_no_cache(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in")
    nlp = ruler_pipeline(PATTERNS)
    texts = counted(nlp)
    build_knowledge([source], Options(cache_dir=None), nlp)
    build_knowledge([source], Options(cache_dir=None), nlp)
    assert len(texts) == 8
    assert not (tmp_path / ".sitegen-cache").exists()


def test_analysis_survives_json(nlp: Language, tmp_path: Path) -> None:
    articles = read_articles([SEEDS])
    analyses = analyze(articles, nlp)
    cache = AnalysisCache(tmp_path, "pipeline")
    for article in articles:
        analysis = analyses[article.id]
        assert analysis.references and analysis.quotes and analysis.noun_chunks
        data = json.loads(json.dumps(analysis_to_json(analysis)))
        assert data == json.loads(json.dumps(asdict(analysis)))  # the same JSON, faster
        assert analysis_from_json(data) == analysis
        cache.put(article, analysis)
        streamed = io.StringIO()  # what the entries were written with before: the same bytes
        entry = {"format": FORMAT, "analysis": asdict(analysis)}
        json.dump(entry, streamed, ensure_ascii=False, separators=(",", ":"))
        assert cache.path(article).read_text(encoding="utf-8") == streamed.getvalue()
    assert any(not cache.path(a).read_text(encoding="utf-8").isascii() for a in articles)


def test_memory_zones_and_worker_processes_give_the_same_analyses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = read_articles([corpus(tmp_path)])
    expected = analyze(articles, ruler_pipeline(PATTERNS))
    assert analyze(articles, ruler_pipeline(PATTERNS), zone_texts=1) == expected
    monkeypatch.setattr(analyze_module, "MIN_TEXTS_PER_PROCESS", 1)
    assert analyze(articles, ruler_pipeline(PATTERNS), batch_size=1, n_process=2) == expected


@pytest.mark.parametrize("command", ["generate", "build"])
def test_command_line_rebuild_with_nothing_changed_loads_no_model(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`sitegen build` (and `generate`) load the pipeline only for articles missing from the
    cache: the second run loads nothing and sends no text through spaCy."""
    saved = tmp_path / "pipeline"
    ruler_pipeline(PATTERNS).to_disk(saved)
    project = tmp_path / "project"
    corpus(project / "seeds")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "site_src").mkdir()
    monkeypatch.chdir(project)
    loads: list[str] = []
    real_load = sitegen.nlp.provider.load_pipeline
    seen: list[list[str]] = []

    def load_and_record(name: str | None = None) -> Language:
        nlp = real_load(name)
        loads.append(str(name))
        seen.append(counted(nlp))
        return nlp

    monkeypatch.setattr(sitegen.nlp.provider, "load_pipeline", load_and_record)
    runner = CliRunner()
    args = ["-q", command, "--model", str(saved)]
    first = runner.invoke(cli, args, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    processed = len(seen[0])
    assert loads == [str(saved)] and processed >= len(BODIES)
    second = runner.invoke(cli, args, catch_exceptions=False)
    assert second.exit_code == 0, second.output
    assert loads == [str(saved)], "the second run loaded the pipeline"
    assert len(seen) == 1 and len(seen[0]) == processed, "the second run called spaCy"
    assert (project / "site_src" / "people" / "jane-doe.md").is_file()


def test_unchanged_rebuild_takes_the_pages_from_the_site_cache(
    project: tuple[Path, Path, Options], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing changed: no resolving or rendering, the same knowledge base and pages; an
    article edit or different overrides build again."""
    source, docs, options = project
    first_kb, _ = generate([source], docs, options, ruler_pipeline(PATTERNS))
    first_pages = {p.relative_to(docs): p.read_text() for p in docs.rglob("*.md")}
    resolved: list[int] = []
    real_resolve = sitegen.build.resolve_entities

    def resolve(*args: Any) -> Any:
        resolved.append(1)
        return real_resolve(*args)

    monkeypatch.setattr(sitegen.build, "resolve_entities", resolve)
    kb, report = generate([source], docs, options, ruler_pipeline(PATTERNS))
    assert not resolved and not report.written
    assert kb == first_kb
    assert {p.relative_to(docs): p.read_text() for p in docs.rglob("*.md")} == first_pages
    write(source / "c.txt", "Jane Doe spoke in Freedonia on Tuesday.\n")
    generate([source], docs, options, ruler_pipeline(PATTERNS))
    assert len(resolved) == 1
    rename = parse_overrides("rename:\n  - entity: Acme\n    to: Acme Co\n")
    curated = replace(options, overrides=rename)
    kb, _ = generate([source], docs, curated, ruler_pipeline(PATTERNS))
    assert len(resolved) == 2 and any(e.name == "Acme Co" for e in kb.entities)
    assert len(list((options.cache_dir / "site").glob("*.pickle"))) == 1


def test_a_site_entry_is_pickled_in_chunks_and_read_back_whole(
    project: tuple[Path, Path, Options], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entry is a run of small pickles (each forgets what it wrote, so writing it does not
    hold a memo of the whole knowledge base); read back, it is the same knowledge base and
    the same pages."""
    source, docs, options = project
    monkeypatch.setattr(sitegen.cache, "ENTRY_CHUNK", 2)
    first_kb, _ = generate([source], docs, options, ruler_pipeline(PATTERNS))
    [entry] = (options.cache_dir / "site").glob("*.pickle")
    pickles = 0
    with entry.open("rb") as handle:
        while handle.peek(1):
            pickle.load(handle)
            pickles += 1
    chunked = len(first_kb.entities) // 2 + len(first_kb.analyses) // 2
    assert pickles > len(dataclasses.fields(first_kb)) + chunked
    monkeypatch.setattr(sitegen.build, "resolve_entities", None)  # a hit resolves nothing
    kb, report = generate([source], docs, options, ruler_pipeline(PATTERNS))
    assert kb == first_kb and not report.written


def test_a_build_that_keeps_no_site_writes_no_site_cache_entry(
    project: tuple[Path, Path, Options],
) -> None:
    """``keep_site=False`` (a rebuild under ``mkdocs serve``): the same pages, no entry kept
    for a later build, whose own run then resolves again and keeps one."""
    source, docs, options = project
    generate([source], docs, replace(options, keep_site=False), ruler_pipeline(PATTERNS))
    assert not list((options.cache_dir / "site").glob("*.pickle"))
    pages = {p.relative_to(docs): p.read_text() for p in docs.rglob("*.md")}
    _, report = generate([source], docs, options, ruler_pipeline(PATTERNS))
    assert not report.written
    assert {p.relative_to(docs): p.read_text() for p in docs.rglob("*.md")} == pages
    assert len(list((options.cache_dir / "site").glob("*.pickle"))) == 1


def test_unchanged_rebuild_repeats_the_override_warnings(
    project: tuple[Path, Path, Options], caplog: pytest.LogCaptureFixture
) -> None:
    source, docs, options = project
    options = replace(options, overrides=parse_overrides("reject:\n  - entity: Nobody\n"))
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            generate([source], docs, options, ruler_pipeline(PATTERNS))
        assert any("Nobody" in message for message in caplog.messages), caplog.messages


def test_a_changed_article_is_the_only_one_grouped_again(
    project: tuple[Path, Path, Options], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-article clusters of unchanged articles come from the cluster cache, and the
    result is what a build without any cache gives."""
    source, docs, options = project
    generate([source], docs, options, ruler_pipeline(PATTERNS))
    grouped: list[str] = []
    real = sitegen.cache.article_clusters

    def article_clusters(article: Any, analysis: Any, *labels: Any) -> Any:
        grouped.append(article.id)
        return real(article, analysis, *labels)

    monkeypatch.setattr(sitegen.cache, "article_clusters", article_clusters)
    # c changes, but every name the articles share keeps its corpus-wide label counts.
    write(source / "c.txt", "Jane Doe spoke again on Tuesday.\n")
    kb, _ = generate([source], docs, options, ruler_pipeline(PATTERNS))
    assert grouped == ["c"]
    fresh = build_knowledge([source], replace(options, cache_dir=None), ruler_pipeline(PATTERNS))
    assert kb.entities == fresh.entities and kb == fresh
    # Now c names Freedonia too: the label counts of a's and b's names change, so they are
    # grouped again (the corpus's labels vote on kinds), and the result is still a fresh one's.
    grouped.clear()
    write(source / "c.txt", "Jane Doe spoke in Freedonia on Tuesday.\n")
    kb, _ = generate([source], docs, options, ruler_pipeline(PATTERNS))
    assert sorted(grouped) == ["a", "b", "c"]
    fresh = build_knowledge([source], replace(options, cache_dir=None), ruler_pipeline(PATTERNS))
    assert kb == fresh


def test_stages_record_wall_and_cpu_seconds() -> None:
    stats = BuildStats()
    with stats.stage("busy"):
        sum(range(2_000_000))
    with stats.stage("idle"):
        time.sleep(0.2)
    assert stats.cpu_seconds["busy"] > 0 and stats.seconds["idle"] >= 0.2
    assert stats.cpu_seconds["idle"] < 0.1 < stats.seconds["idle"]


def test_a_per_article_caches_context_digest_is_kept_for_the_very_same_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Across builds an article's context digest is worked out again only for another
    context object (``KeptLabelViews`` hands on an unchanged view itself); equal contexts give
    equal keys either way, and a mutable context is never remembered."""
    from sitegen.across_builds import ACROSS_BUILDS
    from tests.helpers import tiny_kb

    article = tiny_kb().articles[0]
    cache = sitegen.cache.PerArticleCache(tmp_path, "p", "t", lambda *a: None)
    monkeypatch.setattr(sitegen.cache, "_CONTEXT_DIGESTS", {})
    monkeypatch.setattr(ACROSS_BUILDS, "on", True)
    view = (("paris", (("place", 2),)),)
    first = cache._key(article, (view,))
    digests = sitegen.cache._CONTEXT_DIGESTS
    assert digests[(cache.path, article.id)][0][0] is view
    hashed: list[bytes] = []
    sha256 = sitegen.cache.hashlib.sha256

    def counted(data: bytes) -> Any:
        hashed.append(data)
        return sha256(data)

    def digests_of_view() -> int:
        return hashed.count(repr((view,)).encode("utf-8"))

    monkeypatch.setattr(sitegen.cache.hashlib, "sha256", counted)
    assert cache._key(article, (view,)) == first and digests_of_view() == 0  # the same view
    equal = tuple(list(view))  # equal, not the same object
    assert cache._key(article, (equal,)) == first and digests_of_view() == 1
    assert cache._key(article, ([1],)) != first
    assert digests[(cache.path, article.id)][0] == (equal,)  # the list was not remembered
    monkeypatch.setattr(ACROSS_BUILDS, "on", False)
    assert cache._key(article, (equal,)) == first and digests_of_view() == 2


def _forking_fill(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Per-article caches fill their missing entries with a forked process from one entry
    on, whatever the machine's CPUs; the names of the caches that forked."""
    forked: list[str] = []
    real = sitegen.cache.PerArticleCache.fill

    def fill(self: sitegen.cache.PerArticleCache[Any], calls: Any) -> None:
        before = len(self.filled)
        real(self, calls)
        if len(self.filled) > before:
            forked.append(self.path.stem)

    monkeypatch.setattr(sitegen.cache, "FILL_FORK_FROM", 1)
    monkeypatch.setattr(sitegen.cache, "worth_forking", lambda: True)
    monkeypatch.setattr(sitegen.cache.PerArticleCache, "fill", fill)
    return forked


def test_entries_worked_out_in_another_process_are_used_as_made_here(
    project: tuple[Path, Path, Options], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build missing every per-article entry works out every second one in a forked
    process: the knowledge base and the rules' counts are those of a build without the
    caches, this process works out only its own half, and the next build finds them all."""
    source, _, options = project
    nlp = ruler_pipeline(PATTERNS)
    plain = build_knowledge([source], replace(options, cache_dir=None), nlp)
    forked = _forking_fill(monkeypatch)
    here: list[str] = []
    real = sitegen.cache.article_clusters

    def clusters(article: Any, *args: Any) -> Any:
        here.append(article.id)
        return real(article, *args)

    monkeypatch.setattr(sitegen.cache, "article_clusters", clusters)
    kb = build_knowledge([source], options, nlp)
    assert forked == ["clusters", "phrases"]
    assert sorted(here) == ["a", "c"]  # "b", the second, came from the other process
    assert (kb.entities, kb.topics, kb.rule_counts) == (
        plain.entities,
        plain.topics,
        plain.rule_counts,
    )
    here.clear()
    again = build_knowledge([source], options, nlp)
    assert here == [] and forked == ["clusters", "phrases"]  # all stored, none missing
    assert (again.entities, again.rule_counts) == (plain.entities, plain.rule_counts)


def test_an_entry_failing_in_the_fill_is_reported_once_by_its_article(
    project: tuple[Path, Path, Options],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    source, _, options = project
    _forking_fill(monkeypatch)
    real = sitegen.cache.article_clusters

    def clusters(article: Any, *args: Any) -> Any:
        if article.id == "b":
            raise ValueError("a bug of one article")
        return real(article, *args)

    monkeypatch.setattr(sitegen.cache, "article_clusters", clusters)
    with caplog.at_level(logging.ERROR):
        kb = build_knowledge([source], options, ruler_pipeline(PATTERNS))
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "b.txt" in errors[0] and "a bug of one article" in errors[0]
    assert {entity.name for entity in kb.entities} >= {"Jane Doe", "Freedonia"}
