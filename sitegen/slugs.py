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
"""Slugs that would replace a section page, a MkDocs/Material folder or a Windows device name."""
SLUG_MAX_LENGTH = 60


def base_slug(name: str, max_length: int = SLUG_MAX_LENGTH, fallback: str = "name") -> str:
    """ASCII slug of a name; ``fallback-HASH`` when the name has no ASCII letters or digits."""
    slug = slugify(name, max_length=max_length, word_boundary=True)
    if not slug:
        return f"{fallback}-{short_hash(name)}"
    if slug in RESERVED:
        return f"{slug}-{short_hash(name)}"
    return slug


def short_hash(text: str, length: int = 8) -> str:
    """The first ``length`` hex digits of the SHA-1 of ``text`` (lone surrogates allowed)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def assign_slugs(names: Iterable[str], fallback: str = "name") -> dict[str, str]:
    """Unique slugs for distinct names within one folder, independent of input order.

    Names sharing a slug ("Apple"/"APPLE", "C++"/"C#") are told apart by a hash of the exact
    name, for all but the first in sorted order; a hashed slug that is still taken gets a longer
    hash, so the result is always unique.
    """
    by_slug: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_slug.setdefault(base_slug(name, fallback=fallback), []).append(name)
    slugs = {claimants[0]: slug for slug, claimants in by_slug.items()}
    taken = set(slugs.values())
    for slug, claimants in sorted(by_slug.items()):
        for name in claimants[1:]:
            slugs[name] = unique_suffixed(slug, name, taken)
            taken.add(slugs[name])
    return slugs


def unique_suffixed(slug: str, name: str, taken: set[str]) -> str:
    """``slug-HASH`` of ``name``, with a longer hash while the result is already taken."""
    for length in (8, 12, 16, 40):
        candidate = f"{slug}-{short_hash(name, length)}"
        if candidate not in taken:
            return candidate
    raise ValueError(f"cannot find a unique slug for {name!r}")
