"""Readers: input files (``.txt`` + sidecar ``.yml``, ``.md`` with front matter) -> Article."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

from slugify import slugify

from sitegen.errors import InputError
from sitegen.ingest.metadata import Metadata, metadata_from_mapping, parse_yaml
from sitegen.ingest.structure import split_body
from sitegen.model import Article

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
SIDECAR_SUFFIXES = (".yml", ".yaml")
FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$\r?\n?", re.S | re.M
)


def find_articles(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into the sorted list of article files they hold."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                child
                for child in sorted(path.iterdir())
                if child.suffix.lower() in ARTICLE_SUFFIXES
                and child.is_file()
                and not child.is_symlink()
                and not child.name.startswith(".")
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


def read_articles(paths: Iterable[str | Path]) -> list[Article]:
    """Read every article named by ``paths`` (files or folders), in a stable order."""
    articles = [read_article(path) for path in find_articles(paths)]
    seen: dict[str, str] = {}
    for article in articles:
        if article.id in seen:
            raise InputError(
                f"{article.path}: article id '{article.id}' is also the id of {seen[article.id]}; "
                "rename one of the files"
            )
        seen[article.id] = article.path
    return articles


def read_article(path: str | Path) -> Article:
    """Read one article file; errors name the file (and line where there is one)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise InputError(f"{path}: not an article (expected one of {', '.join(ARTICLE_SUFFIXES)})")
    text = decode(path.read_bytes(), path)
    if suffix == ".txt":
        meta, body_start = read_sidecar(path), 0
    else:
        meta, body_start = read_front_matter(text, path)
    return build_article(path, text, body_start, meta, markdown=suffix != ".txt")


def decode(data: bytes, path: Path) -> str:
    """Decode UTF-8 (a BOM is dropped); anything else is an error naming the byte offset."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 at byte {exc.start} ({exc.reason}); save the file as UTF-8"
        ) from exc


def read_sidecar(path: Path) -> Metadata:
    """Metadata from ``NAME.yml`` or ``NAME.yaml`` beside a ``.txt`` article, if any."""
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_suffix(suffix)
        if sidecar.is_file():
            data = parse_yaml(decode(sidecar.read_bytes(), sidecar), sidecar)
            return metadata_from_mapping(data, sidecar)
    return Metadata()


def read_front_matter(text: str, path: Path) -> tuple[Metadata, int]:
    """Metadata from YAML front matter and the offset where the body starts."""
    match = FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            raise InputError(f"{path}:1: front matter starts with '---' but is never closed")
        return Metadata(), 0
    data = parse_yaml(match.group("yaml"), path, first_line=2)
    return metadata_from_mapping(data, path), match.end()


def build_article(
    path: Path, text: str, body_start: int, meta: Metadata, markdown: bool
) -> Article:
    """Split the body into blocks and fill title, source and authors from the text."""
    parts = split_body(text, body_start, meta.title, markdown)
    if not parts.blocks:
        log.warning("%s: the article is empty", path)
    title = meta.title or parts.footer_title or _first_heading(text, parts.blocks) or path.stem
    authors = meta.authors or ((parts.bio_author,) if parts.bio_author else ())
    return Article(
        id=article_id(path),
        path=str(path),
        text=text,
        blocks=parts.blocks,
        title=title,
        published=meta.published,
        source=meta.source or parts.footer_source,
        authors=authors,
        url=meta.url,
    )


def article_id(path: Path) -> str:
    """The article's id: an ASCII slug of the file name (without suffix)."""
    return slugify(path.stem, max_length=80) or "article"


def _first_heading(text: str, blocks: tuple) -> str | None:
    for block in blocks[:1]:
        if block.kind in ("heading", "headline"):
            return str(text[block.start : block.end])
    return None
