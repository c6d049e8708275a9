"""WARC web archives (``.warc``, ``.warc.gz``) -> one Article per HTML response, with warcio.

warcio streams the archive record by record (gzip members included), so an archive of any size
is never held in memory as a whole; each ``response`` record with HTTP status 200 and an HTML
content type is a page, whose payload (transfer and content encodings undone by warcio) goes
through the same extraction as a saved page (:func:`sitegen.ingest.pages.page_article`), with
the record's target URI as the page's URL when the page names no canonical one. Other records
(requests, metadata, images, redirects, errors) are skipped. An article's ``path`` is
``FILE#N``, N the record's number in the archive; errors name it and the URL.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitegen.errors import InputError
from sitegen.ingest.pages import page_article
from sitegen.model import Article

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path) -> Iterator[Article | InputError]:
    """Every HTML response of a WARC file as an Article, or the error that stopped it; a
    damaged archive ends with an error naming the record where it broke."""
    from warcio.archiveiterator import ArchiveIterator  # imported on use: a third of a second
    from warcio.exceptions import ArchiveLoadFailed

    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    number = 0
    with handle:
        records = iter(ArchiveIterator(handle))
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
                yield InputError(
                    f"{path}#{number + 1}: not a readable WARC record ({exc}); "
                    "the records after it cannot be read"
                )
                break
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            if not _is_html_page(record, path, number, url):
                continue
            try:
                html = record.content_stream().read()
                yield page_article(html, Path(f"{path}#{number}"), url or None, number)
            except InputError as exc:
                yield InputError(f"{exc} [{url}]")
            except (OSError, ValueError, EOFError) as exc:
                yield InputError(f"{path}#{number} [{url}]: payload cannot be read ({exc})")


def _is_html_page(record: Any, path: Path, number: int, url: str) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    media_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0]
    if media_type.strip().lower() not in HTML_TYPES:
        return False
    if status != "200":
        log.debug("%s#%d: %s answered %s; skipped", path, number, url, status)
        return False
    return True
