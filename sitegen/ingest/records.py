"""Archives of records: JSON Lines (one article per line) and JSON arrays of articles, as CMS
exports and scrapers write them.

Each record is a JSON object; its fields are read by name (``RecordFields``: ``text``,
``title``, ``published``, ``url``, ``source``, ``authors``, ``id`` by default; the project's
``fields`` option renames them). Both kinds are streamed: JSON Lines line by line, a JSON array
item by item with ijson (its C parser), so an archive of any size is never held in memory as a
whole. A record that is not a JSON object with a text is an :class:`InputError` naming the file
and the line (JSON Lines) or the record's number (``FILE#N``, JSON arrays); the reader reports
it and goes on with the next record. Broken JSON syntax inside an array ends it there (what
follows cannot be told apart), reported the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, BinaryIO

import ijson

from sitegen.across_builds import ACROSS_BUILDS
from sitegen.errors import InputError
from sitegen.ingest.metadata import metadata_from_mapping
from sitegen.model import Article

LINE_SUFFIXES = (".jsonl", ".ndjson")
"""One JSON object per line."""
ARRAY_SUFFIXES = (".json",)
"""One JSON array of objects."""
RECORD_SUFFIXES = LINE_SUFFIXES + ARRAY_SUFFIXES


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


DEFAULT_FIELDS = RecordFields()
FIELD_NAMES = tuple(item.name for item in fields(RecordFields))
"""The keys the ``fields`` option accepts."""


def field_problems(mapping: Mapping[str, Any], source: str) -> list[str]:
    """What is wrong with a ``fields`` option (``{text: body, published: date}``): keys that
    name no field, names that are not text; one message each."""
    problems = [
        f"{source}: option 'fields' has no key '{key}' (one of {', '.join(FIELD_NAMES)})"
        for key in mapping
        if key not in FIELD_NAMES
    ]
    return problems + [
        f"{source}: option 'fields': '{key}' must name a field, not {value!r}"
        for key, value in mapping.items()
        if key in FIELD_NAMES and not (isinstance(value, str) and value.strip())
    ]


def record_fields(mapping: Mapping[str, Any]) -> RecordFields:
    """A valid ``fields`` option (see ``field_problems``) as RecordFields."""
    return RecordFields(**{key: str(value).strip() for key, value in mapping.items()})


def read_records(
    path: Path, fields: RecordFields = DEFAULT_FIELDS
) -> Iterator[Article | InputError]:
    """Every record of a JSON Lines file or a JSON array as an Article, or the error that
    stopped it.

    An article's ``path`` is ``FILE:LINE`` (JSON Lines) or ``FILE#N`` (the N-th record of an
    array); its base id the slug of the record's ``id`` field, else of its title, else
    ``FILE-STEM-N``.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    with handle:
        if path.suffix.lower() in ARRAY_SUFFIXES:
            yield from _array_records(handle, path, fields)
        else:
            yield from _line_records(handle, path, fields)


class KeptRecords:
    """The article of each JSON Lines record as last read by this process (``ACROSS_BUILDS``,
    ``mkdocs serve``): a rebuild after an edit builds again only the records whose line
    changed, and hands on the very same objects for the others (whose analyses' keys and names
    are then known by identity)."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, int, RecordFields], tuple[bytes, Article]] = {}

    def article(
        self, raw: bytes, where: Path, path: Path, number: int, fields: RecordFields
    ) -> Article:
        if not ACROSS_BUILDS.on:
            return record_article(_line_record(raw, where), where, path, number, fields)
        key = (str(path), number, fields)
        kept = self.kept.get(key)
        if kept is not None and kept[0] == raw:
            return kept[1]
        article = record_article(_line_record(raw, where), where, path, number, fields)
        self.kept[key] = (raw, article)
        return article


KEPT_RECORDS = KeptRecords()


def _line_records(
    handle: BinaryIO, path: Path, fields: RecordFields
) -> Iterator[Article | InputError]:
    for number, raw in enumerate(handle, start=1):
        if not raw.strip():
            continue
        where = Path(f"{path}:{number}")
        try:
            yield KEPT_RECORDS.article(raw, where, path, number, fields)
        except InputError as exc:
            yield exc


def _array_records(
    handle: BinaryIO, path: Path, fields: RecordFields
) -> Iterator[Article | InputError]:
    if _first_byte(handle) != b"[":
        raise InputError(
            f"{path}: a .json archive must be one JSON array of records "
            "(for one record per line, name the file .jsonl)"
        )
    number = 0
    items = ijson.items(handle, "item", use_float=True)
    while True:
        where = Path(f"{path}#{number + 1}")
        try:
            record = next(items)
        except StopIteration:
            return
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else "truncated"
            yield InputError(
                f"{where}: not valid JSON ({first_line}); the records after it cannot be read"
            )
            return
        number += 1
        try:
            if not isinstance(record, dict):
                raise InputError(
                    f"{where}: a record must be a JSON object, not {_json_type(record)}"
                )
            yield record_article(record, where, path, number, fields)
        except InputError as exc:
            yield exc


def _first_byte(handle: BinaryIO) -> bytes:
    """The first byte after a BOM and whitespace (the handle is rewound)."""
    head = handle.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()
    handle.seek(0)
    return head[:1]


def record_article(
    record: dict[str, Any], where: Path, path: Path, number: int, fields: RecordFields
) -> Article:
    """The Article of one record (``where`` names it in errors and is its path)."""
    # imported here: the package's __init__ imports this module
    from sitegen.ingest import build_article, record_id

    text = record.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: no text in field '{fields.text}'")
    meta = metadata_from_mapping(_metadata(record, fields), where)
    article = build_article(where, text, 0, meta, markdown=False)
    return replace(
        article,
        id=record_id(record.get(fields.id), meta.title, path, number),
        text_source=f"record:{fields.text}",
    )


def _line_record(raw: bytes, where: Path) -> dict[str, Any]:
    try:
        record = json.loads(raw.decode("utf-8-sig").strip())
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}:{exc.colno}: not valid JSON ({exc.msg})") from exc
    if not isinstance(record, dict):
        raise InputError(f"{where}: a record must be a JSON object, not {_json_type(record)}")
    return record


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), "null" if value is None else type(value).__name__)


def _metadata(record: dict[str, Any], fields: RecordFields) -> dict[str, Any]:
    names = {
        "title": fields.title,
        "published": fields.published,
        "url": fields.url,
        "source": fields.source,
        "authors": fields.authors,
    }
    return {key: record[name] for key, name in names.items() if record.get(name) is not None}
