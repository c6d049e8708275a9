"""Curation that survives rebuilds: the overrides file (``sitegen.yml``) and its application."""

from sitegen.overrides.apply import OverrideReport, apply_overrides, curate
from sitegen.overrides.parse import (
    OPERATIONS,
    Operation,
    Overrides,
    curated_topics,
    load_overrides,
    parse_overrides,
)

__all__ = [
    "OPERATIONS",
    "Operation",
    "OverrideReport",
    "Overrides",
    "apply_overrides",
    "curate",
    "curated_topics",
    "load_overrides",
    "parse_overrides",
]
