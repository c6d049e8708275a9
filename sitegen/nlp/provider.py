"""A pipeline that is loaded only when some article needs it, with an id known up front."""

from __future__ import annotations

import hashlib
from functools import cached_property
from typing import Protocol, TypeAlias

from spacy.language import Language

from sitegen.nlp.pipeline import find_pipeline, installed_pipeline_id, load_pipeline, pipeline_id


class AnalysisProgress(Protocol):
    """Told how many articles spaCy is about to analyze, then as they are done (the command
    line's progress bar). Articles found in the cache are not counted."""

    def start(self, total: int) -> None:
        """``total`` articles are about to be analyzed."""

    def advance(self, count: int) -> None:
        """``count`` more articles have been analyzed."""


class PipelineProvider:
    """The configured pipeline: its cache id now, the loaded ``Language`` on first ``get()``."""

    def __init__(
        self,
        model: str | None = None,
        nlp: Language | None = None,
        progress: AnalysisProgress | None = None,
    ) -> None:
        self._nlp = nlp
        self._given = nlp is not None
        self._name = "" if nlp is not None else find_pipeline(model)
        self.progress = progress
        """Where the analysis of the articles missing from the cache reports its progress."""

    @cached_property
    def id(self) -> str:
        """The pipeline's cache id (read from meta.json: the pipeline is not loaded for it)."""
        if self._given and self._nlp is not None:
            return given_pipeline_id(self._nlp)
        return installed_pipeline_id(self._name)

    @property
    def name(self) -> str:
        """The name or path the pipeline loads from ("" for a pipeline object given in code)."""
        return self._name

    @property
    def loaded(self) -> bool:
        """Whether the pipeline is in memory (given, or loaded by ``get``)."""
        return self._nlp is not None

    def get(self) -> Language:
        """The pipeline, loading it on the first call."""
        if self._nlp is None:
            self._nlp = load_pipeline(self._name)
        return self._nlp


Pipeline: TypeAlias = Language | PipelineProvider
"""What the build functions take: a loaded pipeline, or a provider that loads one only when
some article misses the cache."""


def provider_of(model: str | None, nlp: Pipeline | None) -> PipelineProvider:
    """``nlp`` as a provider (None: a provider of ``model``, loaded on first use)."""
    return nlp if isinstance(nlp, PipelineProvider) else PipelineProvider(model, nlp)


def given_pipeline_id(nlp: Language) -> str:
    """A pipeline object's id: name and version plus a digest of its components' data.

    Pipelines built in code (``spacy.blank`` plus rules) all share one name and version, so
    the digest of their serialized components (vocabulary excluded: it grows as text is
    processed) tells them apart.
    """
    data = nlp.to_bytes(exclude=["vocab"])
    return f"{pipeline_id(nlp)}+{hashlib.sha256(data).hexdigest()[:16]}"
