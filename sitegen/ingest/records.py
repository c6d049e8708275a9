"""JSON Lines archives: one article per line, as CMS exports and scrapers write them.

Each line is a JSON object; its fields are read by name (``RecordFields``: ``text``, ``title``,
``published``, ``url``, ``source``, ``authors``, ``id`` by default). The file is read line by
line, so an archive of any size is never held in memory as a whole. A line that is not a
JSON object with a text is an :class:`InputError` naming the file and the line; the reader
reports it and goes on with the next line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sitegen.errors import InputError
from sitegen.ingest.metadata import metadata_from_mapping
from sitegen.model import Article

RECORD_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class RecordFields:
    """Which field of a record holds what (a CMS may call its text ``body``)."""

    text: str = "text"
    title: str = "title"
    published: str = "published"
    url: str = "url"
    source: str = "source"
    authors: str = "authors"
    id: str = "id"


def read_records(
    path: Path, fields: RecordFields = RecordFields()
) -> Iterator[Article | InputError]:
    """Every record of a JSON Lines file as an Article, or the error that stopped it.

    An article's ``path`` is ``FILE:LINE``; its base id the slug of the record's ``id`` field,
    else of its title, else ``FILE-STEM-LINE``.
    """
    # imported here: the package's __init__ imports this module
    from sitegen.ingest import build_article, record_id

    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = Path(f"{path}:{number}")
            try:
                record = _record(raw, where)
                text = record.get(fields.text)
                if not isinstance(text, str) or not text.strip():
                    raise InputError(f"{where}: no text in field '{fields.text}'")
                meta = metadata_from_mapping(_metadata(record, fields), where)
                article = build_article(where, text, 0, meta, markdown=False)
                name = record.get(fields.id)
                yield replace(article, id=record_id(name, meta.title, path, number))
            except InputError as exc:
                yield exc


def _record(raw: bytes, where: Path) -> dict[str, Any]:
    try:
        record = json.loads(raw.decode("utf-8-sig").strip())
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}:{exc.colno}: not valid JSON ({exc.msg})") from exc
    if not isinstance(record, dict):
        raise InputError(f"{where}: a record must be a JSON object, not {type(record).__name__}")
    return record


def _metadata(record: dict[str, Any], fields: RecordFields) -> dict[str, Any]:
    names = {
        "title": fields.title,
        "published": fields.published,
        "url": fields.url,
        "source": fields.source,
        "authors": fields.authors,
    }
    return {key: record[name] for key, name in names.items() if record.get(name) is not None}
