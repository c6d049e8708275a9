"""Whether this process keeps per-article results from one build to the next.

One switch for the memos that pay off only when the same process builds the same site again
and again (``mkdocs serve``): the per-article caches' entries (``sitegen.cache``), each archive
record's article (``sitegen.ingest.records.KEPT_RECORDS``), each article's names
(``sitegen.resolve.entities.KEPT_MENTIONS``), what ``KeptPerArticle`` keeps (body digests, word
bags), and the objects of the per-article caches whose callers share them
(``PerArticleCache.shared``). A one-off build keeps none of them, which would
only hold memory; ``sitegen.cache.keep_per_article_caches`` turns the switch on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from sitegen.rules import add_counts, counted_call, disabled_key

A = TypeVar("A")
T = TypeVar("T")


class _Switch:
    on = False


ACROSS_BUILDS = _Switch()


class KeptPerArticle(Generic[A, T]):
    """``compute(article)`` of each article as last worked out by this process, by the
    article's identity: under ``ACROSS_BUILDS`` a rebuild hands on the very same (frozen)
    article for each record whose line did not change (``KEPT_RECORDS``), so an edit works
    out only the edited article's again. Only the current articles' results are kept; the
    caller must not change them."""

    def __init__(self, compute: Callable[[A], T]) -> None:
        self.compute = compute
        self.kept: dict[int, tuple[A, T]] = {}

    def of(self, articles: Sequence[A]) -> list[T]:
        if not ACROSS_BUILDS.on:
            return [self.compute(article) for article in articles]
        kept: dict[int, tuple[A, T]] = {}
        for article in articles:
            found = self.kept.get(id(article))
            if found is None or found[0] is not article:
                found = (article, self.compute(article))
            kept[id(article)] = found
        self.kept = kept
        return [kept[id(article)][1] for article in articles]


class KeptByIdentity(Generic[T]):
    """Results worked out from objects that no build changes (a per-article cache's shared
    groups, ``PerArticleCache.shared``) and from plain ``facts``, by those objects' identity:
    under ``ACROSS_BUILDS`` the next build finds what this one worked out for the very same
    objects and equal facts, with the rules switched off then, and counts again what the
    rules decided then. Each entry holds its objects, so their ids stay theirs; only the
    entries the last build used are kept (``rotate`` at the start of each build)."""

    def __init__(self) -> None:
        self.kept: dict[tuple[int, ...], _Entry[T]] = {}
        self.used: dict[tuple[int, ...], _Entry[T]] = {}

    def rotate(self) -> None:
        """Start a build: keep what the last one used."""
        if self.used:
            self.kept, self.used = self.used, {}

    def get(self, objects: tuple[object, ...], facts: object, compute: Callable[[], T]) -> T:
        if not ACROSS_BUILDS.on:
            return compute()
        key = tuple(map(id, objects))
        facts = (facts, disabled_key())
        found = self.kept.get(key)
        if found is None or found[1] != facts:
            found = (objects, facts, *counted_call(compute))
        else:
            add_counts(found[3])  # what its rules decided in the last build
        self.used[key] = found
        return found[2]


_Entry = tuple[tuple[object, ...], object, T, dict[str, int]]
"""The objects, the facts (with the rules switched off), the result and the rules' counts."""
