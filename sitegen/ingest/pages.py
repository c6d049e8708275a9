"""Saved article web pages (``.html``, ``.htm``) -> Article, with trafilatura.

trafilatura finds the page's main text (navigation, headers, footers, comments, share boxes and
other boilerplate never reach the analysis) and its metadata: title, publication date (from
the page's markup, its URL or its text, preferring the original date to a modification date),
authors, canonical URL and site name. The article's ``text`` is that main text, one block per
line (paragraphs, headings), with ``text_source`` ``html:main-text``: every offset of the JSON
export and every paragraph anchor indexes it, and the export carries it. WARC responses go
through the same function (``sitegen.ingest.warc``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from sitegen.errors import InputError
from sitegen.ingest.metadata import metadata_from_mapping
from sitegen.model import Article

PAGE_SUFFIXES = (".html", ".htm")
PAGE_TEXT = "html:main-text"
DATE_PARAMS = {"original_date": True, "extensive_search": True}
"""htmldate's settings: the publication date, not the last change; the page's text is searched
too when its markup has no date."""


def read_page(path: Path) -> Article:
    """The article of one saved page; a page without main text is an error naming it."""
    from sitegen.ingest import article_id  # the package's __init__ imports this module

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    article = page_article(data, path)
    return replace(article, id=article_id(path))


def page_article(
    html: bytes | str, where: Path, url: str | None = None, number: int = 1
) -> Article:
    """The Article of one HTML page (``url``: where it was fetched, when known; the page's
    canonical URL takes precedence). Its id is the slug of its title, else ``STEM-NUMBER``."""
    import trafilatura  # here: importing it takes half a second

    from sitegen.ingest import build_article, record_id

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params=DATE_PARAMS,
    )
    text = getattr(document, "text", None) or ""
    if not text.strip():
        raise InputError(f"{where}: no article text found in the page (only boilerplate)")
    meta = metadata_from_mapping(_metadata(document, url), where)
    article = build_article(where, text, 0, meta, markdown=False)
    return replace(article, id=record_id(None, meta.title, where, number), text_source=PAGE_TEXT)


def _metadata(document: Any, url: str | None) -> dict[str, Any]:
    authors = [name.strip() for name in (document.author or "").split(";") if name.strip()]
    values = {
        "title": document.title,
        "published": document.date,
        "authors": authors or None,
        "url": document.url or url,
        "source": document.sitename,
    }
    return {key: value for key, value in values.items() if value}
