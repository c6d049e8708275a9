"""The generated pages of one build, each kept compressed until it is written.

A build holds every page it generates before the writer compares them with the docs folder:
327 MB of Markdown for the 38,445 pages of 10,000 articles, a fifth of the build's memory.
``Pages`` maps each page's path to its Markdown like a dict, but keeps the text
zlib-compressed (level 1: about a fifth of the size, a few seconds for the whole site) and
gives it back on use. Under ``mkdocs serve`` a page rendered by an earlier build is handed on
compressed, the very same bytes (``stored`` / ``put_stored``), so the writer knows it unchanged by
identity without comparing texts.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Mapping, MutableMapping

LEVEL = 1
"""zlib's fastest level: Markdown with repeated links compresses about 5 to 1 at it."""


class Pages(MutableMapping[str, str]):
    """Path under the docs folder -> Markdown, kept compressed."""

    def __init__(self, pages: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._stored: dict[str, bytes] = {}
        self.update(pages)

    def __getitem__(self, path: str) -> str:
        return zlib.decompress(self._stored[path]).decode("utf-8")

    def __setitem__(self, path: str, text: str) -> None:
        self._stored[path] = zlib.compress(text.encode("utf-8"), LEVEL)

    def __delitem__(self, path: str) -> None:
        del self._stored[path]

    def __contains__(self, path: object) -> bool:
        return path in self._stored

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)

    def __or__(self, other: Mapping[str, str]) -> Pages:
        joined = Pages()
        joined.add(self)
        joined.add(other)
        return joined

    def __repr__(self) -> str:
        return f"Pages({len(self)} pages)"

    def stored(self, path: str) -> bytes:
        """The page's compressed text: the same object for as long as the page is kept."""
        return self._stored[path]

    def put(self, path: str, text: str) -> None:
        """Add a generated page; a second page at ``path`` is an error."""
        self._claim(path)
        self[path] = text

    def put_stored(self, path: str, stored: bytes) -> None:
        """Add a page in another ``Pages``'s ``stored`` form (not compressed again); a second
        page at ``path`` is an error."""
        self._claim(path)
        self._stored[path] = stored

    def _claim(self, path: str) -> None:
        if path in self._stored:
            raise ValueError(f"two generated pages claim {path}")

    def add(self, pages: Mapping[str, str]) -> None:
        """Every page of ``pages`` (compressed ones handed on as they are)."""
        if isinstance(pages, Pages):
            self._stored.update(pages._stored)
        else:
            self.update(pages)


def combined(*parts: Pages) -> Pages:
    """The pages of ``parts``, in order; a path two of them claim is an error."""
    site = Pages()
    for part in parts:
        for path in part:
            site.put_stored(path, part.stored(path))
    return site


def put_all(pairs: Iterable[tuple[str, str]]) -> Pages:
    """Pages of (path, Markdown) pairs; a path claimed twice is an error."""
    site = Pages()
    for path, text in pairs:
        site.put(path, text)
    return site


def same_page(pages: Mapping[str, str], last: Mapping[str, str], path: str) -> bool:
    """Whether ``pages`` holds for ``path`` the very object ``last`` held (a page handed on
    from the last build, not rendered again), without decompressing either."""
    if path not in last:
        return False
    if isinstance(pages, Pages) and isinstance(last, Pages):
        return pages.stored(path) is last.stored(path)
    return pages[path] is last[path]
