"""Page identity: every generated page's path is decided here, stably and uniquely."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from slugify import slugify

from sitegen.model import EntityKind

SECTION_OF_KIND: dict[EntityKind, str] = {
    "person": "people",
    "organization": "organizations",
    "place": "places",
}
RESERVED = frozenset(
    {"index", "tags", "search", "assets", "con", "nul", "prn", "aux", "com1", "lpt1", "readme"}
)
SLUG_MAX_LENGTH = 60


def base_slug(name: str) -> str:
    """ASCII slug of a name; a hash when the name has no ASCII letters or digits."""
    slug = slugify(name, max_length=SLUG_MAX_LENGTH, word_boundary=True)
    if not slug:
        return "name-" + short_hash(name)
    if slug in RESERVED:
        return f"{slug}-{short_hash(name)}"
    return slug


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def assign_slugs(names: Iterable[str]) -> dict[str, str]:
    """Unique slugs for distinct names within one folder, independent of input order.

    Names sharing a slug ("Apple"/"APPLE") are told apart by a hash of the exact name,
    for all but the first in sorted order.
    """
    by_slug: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_slug.setdefault(base_slug(name), []).append(name)
    slugs: dict[str, str] = {}
    for slug, claimants in by_slug.items():
        slugs[claimants[0]] = slug
        for name in claimants[1:]:
            slugs[name] = f"{slug}-{short_hash(name)}"
    return slugs
