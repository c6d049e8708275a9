"""Readers: input files -> Article.

One article per file: ``.txt`` (+ sidecar ``.yml``), ``.md`` with front matter, a saved web
page (``.html``, ``.htm``: ``pages``). Many per file: JSON Lines and JSON arrays of records
(``records``), RSS/Atom feeds (``feeds``), WARC web archives (``warc``). Every reader yields
each article or the :class:`InputError` of the one it could not read, so the others still read
(``--keep-going``); copies (same canonical URL or same text) are dropped (``duplicates``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from sitegen.errors import InputError
from sitegen.ingest.duplicates import drop_duplicates
from sitegen.ingest.feeds import FEED_SUFFIXES, read_feed
from sitegen.ingest.metadata import Metadata, metadata_from_mapping, parse_yaml
from sitegen.ingest.pages import PAGE_SUFFIXES, read_page
from sitegen.ingest.records import DEFAULT_FIELDS, RECORD_SUFFIXES, RecordFields, read_records
from sitegen.ingest.structure import split_body
from sitegen.ingest.warc import WARC_SUFFIXES, read_warc
from sitegen.model import Article
from sitegen.slugs import base_slug, unique_suffixed

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
"""Text files holding one article each."""
INPUT_SUFFIXES = (
    ARTICLE_SUFFIXES + PAGE_SUFFIXES + RECORD_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES
)
"""Every file name ending sitegen reads."""
SIDECAR_SUFFIXES = (".yml", ".yaml")
ARTICLE_ID_MAX_LENGTH = 80
FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M
)
Reader = Callable[[Path, RecordFields], Iterator["Article | InputError"]]


def input_suffix(path: Path) -> str | None:
    """The reader's name ending ``path`` has (``.warc.gz`` too), or None."""
    name = path.name.lower()
    return next((suffix for suffix in INPUT_SUFFIXES if name.endswith(suffix)), None)


def find_articles(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into the sorted list of input files they hold."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                child
                for child in sorted(path.iterdir())
                if input_suffix(child)
                and child.is_file()
                and not child.is_symlink()
                and not child.name.startswith(".")
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


def read_file(path: Path, fields: RecordFields = DEFAULT_FIELDS) -> Iterator[Article | InputError]:
    """The articles of one input file, each as read or as the error that stopped it: one for an
    article file or page, one per record, entry or response of an archive (whose others still
    read after a bad one). ``fields`` names a JSON record's fields."""
    try:
        yield from READERS.get(input_suffix(path) or "", _one_article)(path, fields)
    except InputError as exc:
        yield exc


def _one_article(path: Path, fields: RecordFields) -> Iterator[Article]:
    yield read_article(path)


def _page(path: Path, fields: RecordFields) -> Iterator[Article]:
    yield read_page(path)


READERS: dict[str, Reader] = {
    **{suffix: read_records for suffix in RECORD_SUFFIXES},
    **{suffix: _page for suffix in PAGE_SUFFIXES},
    **{suffix: lambda path, fields: read_feed(path) for suffix in FEED_SUFFIXES},
    **{suffix: lambda path, fields: read_warc(path) for suffix in WARC_SUFFIXES},
}
"""The reader of each name ending that holds something else than one text article."""


def read_articles(
    paths: Iterable[str | Path], keep_going: bool = False, fields: RecordFields = DEFAULT_FIELDS
) -> list[Article]:
    """Read every article named by ``paths`` (files or folders), in a stable order.

    Empty articles are skipped with a warning. With ``keep_going``, an article (or an archive's
    record) that cannot be read is skipped with a warning naming it and the problem; without,
    the first one is an error. Copies of an article are dropped, the fullest kept (logged).
    """
    articles = []
    for path in find_articles(paths):
        for item in read_file(path, fields):
            if isinstance(item, InputError):
                if not keep_going:
                    raise item
                log.warning("%s; skipped (--keep-going)", item)
            elif item.blocks:
                articles.append(item)
    return unique_article_ids(drop_duplicates(articles))


def unique_article_ids(articles: list[Article]) -> list[Article]:
    """The articles with unique ids: those whose base ids are alike get a hash suffix.

    The first claimant in path order keeps the plain id; the others get a hash of their file
    name (or of the whole path when the file names are equal), so ids are stable.
    """
    ids = assign_article_ids([(article.id, article.path) for article in articles])
    return [
        article if article.id == ids[article.path] else replace(article, id=ids[article.path])
        for article in articles
    ]


def assign_article_ids(claims: list[tuple[str, str]]) -> dict[str, str]:
    """A unique id per ``(base id, path)`` claim, keyed by path (see ``unique_article_ids``)."""
    by_slug: dict[str, list[str]] = {}
    for slug, path in sorted(set(claims), key=lambda claim: claim[1]):
        by_slug.setdefault(slug, []).append(path)
    ids = {claimants[0]: slug for slug, claimants in by_slug.items()}
    taken = set(ids.values())
    for slug, claimants in sorted(by_slug.items()):
        names = [Path(path).name for path in claimants]
        for path in claimants[1:]:
            name = Path(path).name
            ids[path] = unique_suffixed(slug, name if names.count(name) == 1 else path, taken)
            taken.add(ids[path])
    return ids


def read_article(path: str | Path) -> Article:
    """Read one article file; errors name the file (and line where there is one)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise InputError(f"{path}: not an article (expected one of {', '.join(INPUT_SUFFIXES)})")
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
        if sidecar.is_symlink():
            log.warning("%s: a symbolic link; not followed, the article has no sidecar", sidecar)
            continue
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
        log.warning("%s: the article is empty; no page is made for it", path)
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
    """The article's base id: an ASCII slug of the file name (without suffix), never reserved."""
    return base_slug(path.stem, max_length=ARTICLE_ID_MAX_LENGTH, fallback="article")


def record_id(name: object, title: str | None, path: Path, number: int) -> str:
    """The base id of an archive's record: the slug of its own id, else of its title, else
    of the archive's name and the record's line number."""
    for candidate in (name, title):
        if isinstance(candidate, (str, int)) and str(candidate).strip():
            return base_slug(str(candidate), max_length=ARTICLE_ID_MAX_LENGTH, fallback="article")
    return base_slug(f"{path.stem}-{number}", max_length=ARTICLE_ID_MAX_LENGTH)


def _first_heading(text: str, blocks: tuple) -> str | None:
    for block in blocks[:1]:
        if block.kind in ("heading", "headline"):
            return str(text[block.start : block.end])
    return None
