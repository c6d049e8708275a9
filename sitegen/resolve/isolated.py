"""One article's failure is that article's, not the archive's.

Resolution works article by article before it works across them (each article's clusters, its
topic candidates). On an archive of thousands, one article that an unforeseen bug trips over
must not cost the whole build: ``each_article`` runs a step on every article, reports the one
that fails with its file name and the error, and goes on without it (its pages then lack what
that step would have found in it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from sitegen.model import Article

log = logging.getLogger(__name__)
T = TypeVar("T")


def each_article(
    articles: Iterable[Article], step: Callable[[Article], T], what: str
) -> Iterator[tuple[Article, T]]:
    """``(article, step(article))`` for every article ``step`` does not fail on; a failure is
    logged as an error naming the article's file and ``what`` was skipped."""
    for article in articles:
        try:
            yield article, step(article)
        except Exception as exc:  # noqa: BLE001 - any bug of one article's step
            log.error(
                "%s: %s failed on this article (%s: %s); left out of the build",
                article.path,
                what,
                type(exc).__name__,
                exc,
            )
