"""SVG building blocks: escaped text, built-site URLs, and a deterministic float format.

Raw SVG in a Markdown page is passed through untouched: MkDocs neither escapes its text nor
rewrites its links. So every piece of text goes through :func:`text` (XML escaping, quotes
included) and every link is computed for the built HTML page by :func:`page_href`.
"""

from __future__ import annotations

import posixpath
from xml.sax.saxutils import escape as xml_escape

XML_QUOTES = {'"': "&quot;", "'": "&#x27;"}


def text(value: str) -> str:
    """Text safe inside an SVG element or attribute value: ``& < > " '`` become entities."""
    return xml_escape(" ".join(value.split()), XML_QUOTES)


def num(value: float) -> str:
    """A coordinate with one decimal, without a trailing ``.0`` (stable across platforms)."""
    rounded = f"{value:.1f}"
    return rounded[:-2] if rounded.endswith(".0") else rounded


def page_url(page: str, directory_urls: bool = True) -> str:
    """The URL, relative to the site root, that MkDocs serves a docs page at.

    ``people/x.md`` -> ``people/x/``; ``people/index.md`` -> ``people/``; ``index.md`` -> ``""``.
    Without directory URLs: ``people/x.html``, ``people/index.html``.
    """
    stem = page.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def page_href(target: str, from_page: str, directory_urls: bool = True) -> str:
    """The relative URL from the built page of ``from_page`` to ``target`` (``path.md#anchor``)."""
    path, _, anchor = target.partition("#")
    source = page_url(from_page, directory_urls)
    base = source if source.endswith("/") else posixpath.dirname(source)
    destination = page_url(path, directory_urls)
    rel = posixpath.relpath(destination or ".", base.rstrip("/") or ".")
    if destination.endswith("/") or not destination:
        rel = "./" if rel == "." else f"{rel}/"
    return f"{rel}#{anchor}" if anchor else rel
