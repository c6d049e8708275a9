"""Helpers shared by the test modules: import them from here, never from another test module
or conftest.py (`make lint` checks it with import-linter). Fixtures live in conftest.py."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import markdown
import pytest
import spacy
from bs4 import BeautifulSoup
from spacy.language import Language

from sitegen.ingest import read_articles
from sitegen.model import (
    Analysis,
    Article,
    Block,
    Entity,
    EntityMention,
    KnowledgeBase,
    Mention,
    Sentence,
)
from sitegen.nlp.analyze import analyze
from sitegen.nlp.cues import context_cue
from sitegen.nlp.pipeline import load_pipeline
from sitegen.resolve import resolve_entities
from sitegen.rules import running

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
FIXTURES = REPO / "tests" / "fixtures"
HAND_WRITTEN = "# Notes\n\nThis page is written by hand; sitegen never touches it.\n"
"""A hand-written page the seed site of the ``built_site`` fixture keeps (``notes.md``)."""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_sitegen(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitegen.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def run_mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in ``root`` (MkDocs 2's notice silenced)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


# Pipelines: blank ones with an entity ruler (no model, fast), the real model with rules.


def ruler_pipeline(patterns: list[dict]) -> Language:
    """A blank English pipeline with a sentencizer and an entity ruler: no model needed."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return pipeline


def parsed_pipeline(patterns: list[dict]) -> Language:
    """The real model, its entities overridden by ``patterns`` where they match."""
    pipeline = load_pipeline()
    ruler = pipeline.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return pipeline


# One made-up article, analyzed and resolved.


def _one_article(tmp_path: Path, body: str) -> list[Article]:
    write(tmp_path / "x.txt", body)
    write(tmp_path / "x.yml", "published: 2026-01-13\n")
    return read_articles([tmp_path])


def mentions(tmp_path: Path, nlp: Language, body: str) -> list[Mention]:
    """The mentions the pipeline ``nlp`` finds in one article ``body``."""
    articles = _one_article(tmp_path, body)
    return list(analyze(articles, nlp)[articles[0].id].mentions)


def entities_of(tmp_path: Path, body: str, patterns: list[dict]) -> list[Entity]:
    """The entities of one article ``body`` tagged by ``patterns``."""
    articles = _one_article(tmp_path, body)
    return list(resolve_entities(articles, analyze(articles, ruler_pipeline(patterns))))


def kinds_of(tmp_path: Path, body: str, patterns: list[dict]) -> dict[str, str]:
    """The kinds of the entities of one article ``body`` tagged by ``patterns``, by name."""
    return {entity.name: entity.kind for entity in entities_of(tmp_path, body, patterns)}


def parsed_kinds(tmp_path: Path, body: str, patterns: list[dict]) -> dict[str, str]:
    """Like ``kinds_of``, with the real model's parse and ``patterns`` overriding its entities."""
    articles = _one_article(tmp_path, body)
    analyses = analyze(articles, parsed_pipeline(patterns))
    return {entity.name: entity.kind for entity in resolve_entities(articles, analyses)}


def cue(nlp: Language, text: str, name: str, label: str = "ORG") -> str:
    """The cue of the first occurrence of ``name`` in ``text``, parsed by the real model, the
    name taken as tagged ``label``."""
    doc = nlp(text)
    span = doc.char_span(text.index(name), text.index(name) + len(name))
    assert span is not None
    return context_cue(doc, span.start, span.end, label)


# Rendering: a tiny knowledge base, and Markdown read back as HTML or text.

EXTENSIONS = ["attr_list", "admonition", "tables", "toc"]
PAGE_EXTENSIONS = ["attr_list", "admonition", "pymdownx.details", "tables", "toc"]


def visible_text(md: str) -> str:
    html = markdown.markdown(md, extensions=EXTENSIONS)
    return BeautifulSoup(html, "html.parser").get_text()


def html_of(page: str) -> BeautifulSoup:
    """A generated page (front matter first) as HTML, with the site's block extensions."""
    body = page.split("---\n", 2)[2]
    return BeautifulSoup(markdown.markdown(body, extensions=PAGE_EXTENSIONS), "html.parser")


def tiny_kb(name: str = "Jane Doe", sentence: str = "Jane Doe spoke in Sylvania.") -> KnowledgeBase:
    text = sentence + "\n"
    article = Article(
        id="a",
        path="a.txt",
        text=text,
        blocks=(Block("paragraph", 0, len(sentence), 1),),
        title="A <title> & more",
        published=dt.date(2026, 1, 13),
        source="Wire",
    )
    analysis = Analysis(article="a", sentences=(Sentence(0, len(sentence), 0),), mentions=())
    start = sentence.find(name) if name in sentence else 0
    end = start + len(name) if name in sentence else len(sentence)
    person = Entity(
        id="person:jane-doe",
        kind="person",
        name=name,
        page="people/jane-doe.md",
        aliases=("Doe", "Ms. Doe"),
        roles=("deputy director at the Institute",),
        mentions=(EntityMention("a", start, end, text[start:end], 0),),
    )
    place_start = sentence.find("Sylvania")
    entities: tuple[Entity, ...] = (person,)
    if place_start >= 0:
        entities += (
            Entity(
                id="place:sylvania",
                kind="place",
                name="Sylvania",
                page="places/sylvania.md",
                mentions=(EntityMention("a", place_start, place_start + 8, "Sylvania", 0),),
            ),
        )
    return KnowledgeBase(articles=(article,), analyses={"a": analysis}, entities=entities)


T = TypeVar("T")


def on_and_off(rule_id: str, run: Callable[[], T]) -> tuple[T, T]:
    """``run()`` with every rule on, then with ``rule_id`` switched off: what a rule's example
    gives with and without it."""
    with running():
        on = run()
    with running(disabled=[rule_id]):
        off = run()
    return on, off


def stat_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the paths ``Path.stat`` is asked about from now on (a spy on the file
    system calls a fast path must not make)."""
    looked_at: list[str] = []
    real = Path.stat

    def counted(self: Path, **kwargs: Any) -> os.stat_result:
        looked_at.append(self.name)
        return real(self, **kwargs)

    monkeypatch.setattr(Path, "stat", counted)
    return looked_at
