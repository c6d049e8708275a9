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
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import yaml

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
"""Python-Markdown's escapable characters, plus ``|`` (the tables extension is enabled)."""
WHITESPACE = re.compile(r"\s+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
"""Control characters other than white space; Python-Markdown's placeholders use \x02, \x03."""
HTML_SPECIALS = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
TITLE_SPECIALS = {**HTML_SPECIALS, '"': "&quot;", "'": "&#39;"}
_ASCII_AND_C1 = [chr(code) for code in range(0xA0)]
_ESCAPES = str.maketrans(
    {char: "\ufffd" for char in _ASCII_AND_C1 if CONTROL.match(char)}
    | {char: "\\" + char for char in _ASCII_AND_C1 if MARKDOWN_SPECIALS.match(char)}
    | HTML_SPECIALS
)
"""What ``escape`` does to each character once white space is collapsed, as one table: control
characters to U+FFFD, a backslash before Markdown's specials, HTML's as entities. No
pass of the old sequence (these three, in this order) added a character a later pass changes,
so one ``str.translate`` gives the same text."""


def escape(text: str) -> str:
    """Inline text that renders as itself: one line, HTML and Markdown syntax neutralized.

    Runs of white space become one space (kept at the ends, so pieces can be joined).
    """
    return WHITESPACE.sub(" ", text).translate(_ESCAPES)


def link(text: str, target: str) -> str:
    """A Markdown link whose label is escaped text; ``target`` is a path sitegen made."""
    return f"[{escape(text)}]({target})"


def linked_then_named(items: Sequence[tuple[str, str]], linked: int, sep: str = ", ") -> str:
    """ "[A](a), [B](b) and 2 more: C, D": the first ``linked`` of (label, target) ``items``
    as links (a label without a target as text), the others by name only (a link costs MkDocs
    far more than text)."""
    links = sep.join(
        link(label, target) if target else escape(label) for label, target in items[:linked]
    )
    rest = items[linked:]
    if not rest:
        return links
    names = sep.join(escape(label) for label, _ in rest)
    return f"{links} and {len(rest)} more: {names}"


def relative(target: str, from_page: str) -> str:
    """The relative link from one page (path under the docs folder) to another."""
    source_dir = _folder_of(from_page)
    path, _, anchor = target.partition("#")
    folder, name = _split(path)
    if name in ("", ".", ".."):
        rel = posixpath.relpath(path, source_dir)
    else:  # the folders' relative path, remembered: pages live in a handful of folders
        up = _relative_folder(folder, source_dir)
        rel = name if up == "." else f"{up}/{name}"
    return f"{rel}#{anchor}" if anchor else rel


PATHS_REMEMBERED = 1 << 15
"""Page paths whose folder and name ``relative`` keeps (a site links the same pages often)."""


@functools.lru_cache(maxsize=PATHS_REMEMBERED)
def _folder_of(page: str) -> str:
    return posixpath.dirname(page) or "."


@functools.lru_cache(maxsize=PATHS_REMEMBERED)
def _split(path: str) -> tuple[str, str]:
    folder, name = posixpath.split(path)
    return folder or ".", name


@functools.lru_cache(maxsize=4096)
def _relative_folder(folder: str, source_dir: str) -> str:
    return posixpath.relpath(folder, source_dir)


SAFE_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's safe dumper when PyYAML has it: three times faster, and the same YAML for every
one-line text (what ``plain_title`` gives) except characters beyond U+FFFF, which it writes
as escapes, so those go to the pure-Python dumper."""


def front_matter(meta: Mapping[str, Any]) -> str:
    """YAML front matter block; every generated page starts with one."""
    data = dict(meta)
    dumper = SAFE_DUMPER if all(_in_bmp(text) for text in _strings(data)) else yaml.SafeDumper
    body = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{body}---\n"


def _strings(value: Any) -> Iterator[str]:
    """Every string inside ``value`` (mappings' keys and values, lists' items)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _in_bmp(text: str) -> bool:
    return text.isascii() or max(text) <= "\uffff"


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
