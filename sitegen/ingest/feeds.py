"""RSS and Atom feeds (``.rss``, ``.atom``, ``.xml``) -> one Article per entry, with feedparser.

An entry's text is its full content (``content:encoded`` in RSS, ``<content>`` in Atom) where
the feed has it, else its summary (``description``, ``<summary>``); the log says how many
entries had only a summary, and each such article's ``text_source`` is ``feed:summary``
(``feed:content`` otherwise). HTML content becomes text with trafilatura, one block per
paragraph or heading. Title, link, author and date (``published``, else ``updated``) come from
the entry, the source from the feed's title. The feed is parsed from the file's bytes:
feedparser never fetches anything.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from sitegen.errors import InputError
from sitegen.ingest.metadata import metadata_from_mapping
from sitegen.model import Article

log = logging.getLogger(__name__)

FEED_SUFFIXES = (".rss", ".atom", ".xml")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(path: Path) -> Iterator[Article | InputError]:
    """Every entry of a feed as an Article (``path`` ``FILE#N``), or the error that stopped it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    import feedparser  # imported on use, as the other readers' libraries

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception") or "no <rss>, <feed> or <rdf:RDF> root"
        raise InputError(f"{path}: not an RSS or Atom feed ({problem})")
    source = parsed.feed.get("title") or None
    summaries = 0
    for number, entry in enumerate(parsed.entries, start=1):
        where = Path(f"{path}#{number}")
        try:
            article = entry_article(entry, where, path, number, source)
        except InputError as exc:
            yield exc
            continue
        summaries += article.text_source == "feed:summary"
        yield article
    if summaries:
        log.warning(
            "%s: %d of %d entries have only a summary, not the full text; their pages and "
            "analysis cover the summary alone",
            path,
            summaries,
            len(parsed.entries),
        )


def entry_article(
    entry: Any, where: Path, path: Path, number: int, source: str | None
) -> Article:
    """The Article of one feed entry: its full content, else its summary."""
    from sitegen.ingest import build_article, record_id  # the package imports this module

    text, text_source = _entry_text(entry)
    if not text.strip():
        raise InputError(f"{where}: the entry has no content and no summary")
    values = {
        "title": entry.get("title"),
        "published": _entry_date(entry),
        "authors": [a.get("name") for a in entry.get("authors", []) if a.get("name")] or None,
        "url": entry.get("link"),
        "source": source,
    }
    meta = metadata_from_mapping({k: v for k, v in values.items() if v}, where)
    article = build_article(where, text, 0, meta, markdown=False)
    return replace(
        article, id=record_id(None, meta.title, path, number), text_source=text_source
    )


def _entry_text(entry: Any) -> tuple[str, str]:
    contents = [item for item in entry.get("content", []) if item.get("value", "").strip()]
    if contents:
        longest = max(contents, key=lambda item: len(item["value"]))
        return _as_text(longest["value"], longest.get("type", "")), "feed:content"
    summary = entry.get("summary_detail") or {}
    return _as_text(entry.get("summary", ""), summary.get("type", "")), "feed:summary"


def _as_text(value: str, media_type: str) -> str:
    """Plain text of an entry's content: HTML through trafilatura (all of it: the content is
    the article), plain text as it is."""
    if media_type not in HTML_TYPES and "<" not in value:
        return value
    import trafilatura

    text = trafilatura.extract(
        f"<html><body><article>{value}</article></body></html>",
        favor_recall=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
    )
    return text or ""


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None
