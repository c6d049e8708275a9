"""Markdown building blocks that keep untrusted text literal.

Python-Markdown passes raw HTML through and reads ``\\<`` as two characters, so ``&``, ``<`` and
``>`` become entities and every character Markdown (or an enabled extension) gives a meaning is
backslash-escaped. Control characters (which Python-Markdown uses as placeholders for stashed
HTML) become U+FFFD. Front matter is written with ``yaml.safe_dump``.

Titles are different: MkDocs themes print ``page.meta.title`` into ``<title>``, the header and
the search index without escaping (Jinja autoescape is off), so ``plain_title`` entity-escapes
``& < > " '`` once, and the browser (and Material's search, which reads titles as HTML) shows
the original characters.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Mapping
from typing import Any

import yaml

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
"""Python-Markdown's escapable characters, plus ``|`` (the tables extension is enabled)."""
WHITESPACE = re.compile(r"\s+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
"""Control characters other than white space; Python-Markdown's placeholders use \x02, \x03."""
HTML_SPECIALS = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
TITLE_SPECIALS = {**HTML_SPECIALS, '"': "&quot;", "'": "&#39;"}


def escape(text: str) -> str:
    """Inline text that renders as itself: one line, HTML and Markdown syntax neutralized.

    Runs of white space become one space (kept at the ends, so pieces can be joined).
    """
    text = CONTROL.sub("\ufffd", WHITESPACE.sub(" ", text))
    text = MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return _replace_all(text, HTML_SPECIALS)


def link(text: str, target: str) -> str:
    """A Markdown link whose label is escaped text; ``target`` is a path sitegen made."""
    return f"[{escape(text)}]({target})"


def relative(target: str, from_page: str) -> str:
    """The relative link from one page (path under the docs folder) to another."""
    source_dir = posixpath.dirname(from_page)
    path, _, anchor = target.partition("#")
    folder, name = posixpath.split(path)
    if name in ("", ".", ".."):
        rel = posixpath.relpath(path, source_dir or ".")
    else:  # the folders' relative path, remembered: pages live in a handful of folders
        up = _relative_folder(folder or ".", source_dir or ".")
        rel = name if up == "." else f"{up}/{name}"
    return f"{rel}#{anchor}" if anchor else rel


@functools.lru_cache(maxsize=4096)
def _relative_folder(folder: str, source_dir: str) -> str:
    return posixpath.relpath(folder, source_dir)


def front_matter(meta: Mapping[str, Any]) -> str:
    """YAML front matter block; every generated page starts with one."""
    body = yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{body}---\n"


def plain_title(text: str) -> str:
    """A page title for front matter and ``<title>``: one line, HTML characters as entities."""
    text = CONTROL.sub("\ufffd", " ".join(text.split()))
    return _replace_all(text, TITLE_SPECIALS) or "Untitled"


def _replace_all(text: str, table: Mapping[str, str]) -> str:
    """Each character of ``table`` replaced at once ("&" first, since the others' entities
    start with it): what a per-character join does, without a Python step per character."""
    for char, entity in table.items():  # "&" is the first key of both tables
        text = text.replace(char, entity)
    return text


def attr_anchor(anchor: str) -> str:
    """An attribute list giving the preceding block an id (``{: #p3 }``)."""
    return "{: #" + anchor + " }"


def heading(level: int, text: str, anchor: str | None = None) -> str:
    """A Markdown heading of escaped text, with an id when ``anchor`` is given."""
    suffix = f" {attr_anchor(anchor)}" if anchor else ""
    return f"{'#' * level} {escape(text)}{suffix}"
