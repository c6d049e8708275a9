"""Whether this process keeps per-article results from one build to the next.

One switch for the memos that pay off only when the same process builds the same site again
and again (``mkdocs serve``): the per-article caches' entries (``sitegen.cache``), each archive
record's article (``sitegen.ingest.records.KEPT_RECORDS``) and each article's names
(``sitegen.resolve.entities.KEPT_MENTIONS``). A one-off build keeps none of them, which would
only hold memory; ``sitegen.cache.keep_per_article_caches`` turns the switch on.
"""

from __future__ import annotations


class _Switch:
    on = False


ACROSS_BUILDS = _Switch()
