"""Index pages that hold at any size: one table while it is short, else A–Z pages.

An index of more than ``INDEX_ROWS`` rows becomes a page of sections (one link per letter,
with its count, and whatever the caller puts first, such as the most mentioned) and one page
per letter under ``<section>/index/``; a letter of more than ``LETTER_ROWS`` rows is split by
its first two letters. Entity and topic slugs never take the name ``index`` (``slugs.RESERVED``),
so that folder is the index's own. Rows are made for the page they land on (relative links).
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from slugify import slugify

from sitegen.render.markdown import escape, front_matter, link, plain_title, relative

INDEX_ROWS = 300
"""Rows an index page holds before it is split into pages by letter."""
LETTER_ROWS = 600
"""Rows a letter's page holds before the letter is split by its first two letters."""
OTHER = "other"
"""The key of names that do not start with a letter or a digit (after transliteration)."""
DIGITS = "0-9"
"""The key of names that start with a digit."""

Row = Callable[[str], str]
"""A table row (Markdown), given the path of the page it is on."""


@dataclass(frozen=True)
class IndexTable:
    """What an index lists: its page, title, text above the table, header and sorted rows."""

    page: str
    """The index page's path ("people/index.md")."""
    title: str
    intro: str
    """Markdown paragraphs under the title (counts, what the section holds)."""
    header: tuple[str, ...]
    """The table's column names."""
    rows: Sequence[tuple[str, Row]]
    """(name it is filed under, row) in the order listed."""
    lead: Callable[[str], str] | None = None
    """Markdown shown on a split index's first page before the letters (given its path)."""


def render_index(table: IndexTable) -> list[tuple[str, str]]:
    """The index page, and its letters' pages when it has more than ``INDEX_ROWS`` rows."""
    if len(table.rows) <= INDEX_ROWS:
        return [(table.page, _page(table.title, table.intro, table, table.rows, table.page))]
    groups = _groups(table.rows)
    folder = posixpath.splitext(table.page)[0]
    paths = {key: f"{folder}/{key}.md" for key in groups}
    letters = " · ".join(
        f"{link(_label(key), relative(paths[key], table.page))} ({len(rows)})"
        for key, rows in groups.items()
    )
    parts = [index_front_matter(table.title), f"# {escape(table.title)}\n"]
    parts += [table.intro, f"**By name:** {letters}\n"]
    if table.lead is not None:
        parts.append(table.lead(table.page))
    pages = [(table.page, "\n".join(parts))]
    keys = list(groups)
    for number, key in enumerate(keys):
        page = paths[key]
        steps = [link(f"All {table.title.lower()}", relative(table.page, page))]
        if number:
            before = keys[number - 1]
            steps.insert(0, link(f"← {_label(before)}", relative(paths[before], page)))
        if number + 1 < len(keys):
            after = keys[number + 1]
            steps.append(link(f"{_label(after)} →", relative(paths[after], page)))
        intro = " · ".join(steps) + "\n"
        title = f"{table.title}: {_label(key)}"
        pages.append((page, _page(title, intro, table, groups[key], page)))
    return pages


def index_front_matter(title: str) -> str:
    """An index page's front matter: its title, and out of search (its rows are names and
    counts of pages that search finds themselves; on a large site the index pages matched
    every query)."""
    return front_matter({"title": plain_title(title), "search": {"exclude": True}})


def _page(
    title: str, intro: str, table: IndexTable, rows: Sequence[tuple[str, Row]], page: str
) -> str:
    lines = [index_front_matter(title), f"# {escape(title)}\n", intro]
    if rows:
        lines += ["| " + " | ".join(table.header) + " |", "|" + " --- |" * len(table.header)]
        lines += [row(page) for _, row in rows]
    return "\n".join(lines) + "\n"


def _groups(rows: Sequence[tuple[str, Row]]) -> dict[str, list[tuple[str, Row]]]:
    """Rows by first letter, a crowded letter by its first two; digits first, then the
    letters in alphabetical order, names without a letter or digit last."""
    by_letter: dict[str, list[tuple[str, Row]]] = {}
    for item in rows:
        by_letter.setdefault(_key(item[0], 1), []).append(item)
    groups: dict[str, list[tuple[str, Row]]] = {}
    for letter, items in by_letter.items():
        if len(items) <= LETTER_ROWS or letter in (OTHER, DIGITS):
            groups[letter] = items
            continue
        for item in items:
            groups.setdefault(_key(item[0], 2), []).append(item)
    return dict(sorted(groups.items(), key=lambda item: (item[0] == OTHER, item[0])))


@functools.lru_cache(maxsize=1 << 16)
def _key(name: str, length: int) -> str:
    """The first ``length`` letters of the name, transliterated ("É" -> "e"); ``DIGITS`` for
    a name starting with a digit, ``OTHER`` for one with neither (kept: slugify was most of
    an index's time, again on every build of ``mkdocs serve``)."""
    letters = slugify(name).replace("-", "")[:length]
    if letters[:1].isdigit():
        return DIGITS
    return letters if letters else OTHER


def _label(key: str) -> str:
    if key in (OTHER, DIGITS):
        return {OTHER: "Other", DIGITS: "0–9"}[key]
    return key.capitalize() + ("…" if len(key) > 1 else "")
