"""Article metadata: YAML sidecars and front matter, validated into plain values."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitegen.errors import InputError

log = logging.getLogger(__name__)

KNOWN_KEYS = ("title", "published", "source", "authors", "url")
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class MetadataLoader(yaml.SafeLoader):
    """A safe YAML loader that keeps dates as text, so an impossible date is our warning."""


MetadataLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Metadata:
    """The metadata keys sitegen understands; all optional."""

    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None


def parse_yaml(text: str, path: Path, first_line: int = 1) -> dict[str, Any]:
    """Parse a YAML mapping, naming ``path:line:column`` in any error."""
    try:
        data = yaml.load(text, Loader=MetadataLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}"
        if mark is not None:
            where = f"{path}:{mark.line + first_line}:{mark.column + 1}"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{where}: metadata is not valid YAML ({problem})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}:{first_line}: metadata must be a YAML mapping of keys to values")
    return data


def metadata_from_mapping(data: dict[str, Any], path: Path) -> Metadata:
    """Validate a metadata mapping; a bad ``published`` is a warning, not an error."""
    unknown = sorted(str(key) for key in data if key not in KNOWN_KEYS and key != "license")
    if unknown:
        log.debug("%s: ignoring metadata keys %s", path, ", ".join(unknown))
    return Metadata(
        title=_optional_text(data.get("title"), "title", path),
        published=_published(data.get("published"), path),
        source=_optional_text(data.get("source"), "source", path),
        authors=_authors(data.get("authors", data.get("author")), path),
        url=_optional_text(data.get("url"), "url", path),
    )


def _optional_text(value: Any, key: str, path: Path) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise InputError(f"{path}: metadata '{key}' must be text, not a {type(value).__name__}")
    text = " ".join(str(value).split())
    return text or None


def _authors(value: Any, path: Path) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    names = (_optional_text(item, "authors", path) for item in items)
    return tuple(name for name in names if name)


def _published(value: Any, path: Path) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.datetime.fromisoformat(str(value).strip()).date()
    except ValueError:
        log.warning(
            "%s: 'published' is %r, not a YYYY-MM-DD date; relative dates stay undated",
            path,
            value,
        )
        return None
