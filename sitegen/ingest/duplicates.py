"""Duplicate articles: the same canonical URL or the same text are one article.

Archives overlap: a feed's entry and the saved page it links to, a page captured twice in a
WARC, a record exported twice. Two articles are copies when their canonical URLs are equal
(scheme and host in lower case, without a fragment) or their body texts are (the headline
aside, whitespace collapsed); copies of copies are one group. Of each group the fullest copy is
kept (the longest body text: a page beats a feed's summary of it), the first read on a tie,
in the place of the group's first copy; every dropped copy is logged with the one kept.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from sitegen.across_builds import KeptPerArticle
from sitegen.model import Article

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Duplicate:
    """A copy that was dropped, the copy kept in its place, and why they are one article."""

    dropped: Article
    kept: Article
    reason: str
    """``same canonical URL <url>`` or ``same text``."""

    def note(self) -> str:
        return (
            f"{self.dropped.path}: the same article as {self.kept.path} ({self.reason}); "
            f"kept {self.kept.path}"
        )


def canonical_url(url: str | None) -> str | None:
    """``url`` compared as the same page: scheme and host in lower case, no fragment."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def body_digest(article: Article) -> str:
    """A digest of the article's body text (headline blocks aside), whitespace collapsed."""
    digest = hashlib.sha256()
    for block in article.blocks:
        if block.kind != "headline":
            digest.update(" ".join(article.block_text(block).split()).encode("utf-8") + b"\n")
    return digest.hexdigest()


def find_duplicates(articles: list[Article]) -> list[Duplicate]:
    """Every copy that is not kept, in reading order (see the module's docstring)."""
    parent = list(range(len(articles)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    reasons: dict[int, str] = {}
    first_of: dict[tuple[str, str], int] = {}
    digests = KEPT_DIGESTS.of(articles)
    for index, article in enumerate(articles):
        url = canonical_url(article.url)
        keys = [("url", url)] if url else []
        keys.append(("text", digests[index]))
        for key in keys:
            other = first_of.setdefault(key, index)
            if other != index and root(other) != root(index):
                reasons.setdefault(index, "same text" if key[0] == "text" else f"same URL {url}")
                parent[root(index)] = root(other)
    groups: dict[int, list[int]] = {}
    for index in range(len(articles)):
        groups.setdefault(root(index), []).append(index)
    duplicates = []
    for members in groups.values():
        kept = max(members, key=lambda i: (_body_length(articles[i]), -i))
        for index in members:
            if index != kept:
                reason = reasons.get(index) or reasons.get(kept) or "same text"
                duplicates.append(Duplicate(articles[index], articles[kept], reason))
    order = {id(article): index for index, article in enumerate(articles)}
    return sorted(duplicates, key=lambda d: order[id(d.dropped)])


def drop_duplicates(articles: list[Article]) -> list[Article]:
    """The articles without their copies; each dropped copy is logged with the one kept."""
    duplicates = find_duplicates(articles)
    if not duplicates:
        return articles
    for duplicate in duplicates:
        log.info("%s", duplicate.note())
    log.info("%d duplicate articles dropped (same canonical URL or same text)", len(duplicates))
    dropped = {id(duplicate.dropped) for duplicate in duplicates}
    kept_for = {id(d.dropped): d.kept for d in duplicates}
    result: list[Article] = []
    placed: set[int] = set()
    for article in articles:
        chosen = kept_for.get(id(article), article) if id(article) in dropped else article
        if id(chosen) not in placed:
            placed.add(id(chosen))
            result.append(chosen)
    return result


KEPT_DIGESTS = KeptPerArticle(body_digest)
"""Each article's body digest, worked out once while the article is unchanged (serve)."""


def _body_length(article: Article) -> int:
    return sum(b.end - b.start for b in article.blocks if b.kind != "headline")
