"""sitegen's own figures (the graphs' and the timeline's SVG) kept out of Python-Markdown.

A graph is a raw HTML block of a few hundred lines in a generated page. Python-Markdown finds
raw HTML by running Python's ``html.parser`` over the whole page, and MkDocs runs it over the
whole page again for the ids it may link to: about a tenth of a large site's MkDocs time, spent
on blocks that Markdown hands on untouched. The plugin replaces each figure block sitegen
wrote (a ``<figure class="sg-graph...`` line after a blank line, to its ``</figure>`` line
before a blank line) by a paragraph of one placeholder word before conversion, and puts the
block back in place of that paragraph after it: the same HTML (a test compares whole sites).
"""

from __future__ import annotations

import re
import secrets

FIGURE = re.compile(
    r'(?:(?<=\n\n)|\A)(<figure class="sg-graph[^\n]*\n.*?\n</figure>)(?=\n\n|\n?\Z)', re.S
)
"""A figure block sitegen wrote: its first line opens ``<figure class="sg-graph``, its last
line is ``</figure>``, with blank lines (or the page's ends) around it."""
ANCHOR = re.compile(r'<[^>]*?\s(?:id|name)="([^"]*)"')
"""An id a link may point to (MkDocs' check reads ``id`` attributes and ``<a name>``)."""


class Figures:
    """The figures taken out of pages before conversion, by page, until put back."""

    def __init__(self) -> None:
        self._prefix = f"sitegenfigure{secrets.token_hex(8)}n"  # no article can hold it
        self._taken: dict[str, list[str]] = {}

    def take_out(self, page: str, markdown: str) -> str:
        """``markdown`` with each figure block replaced by a placeholder paragraph."""
        if '<figure class="sg-graph' not in markdown:
            return markdown
        figures: list[str] = []

        def placeholder(match: re.Match[str]) -> str:
            figures.append(match.group(1))
            return f"{self._prefix}{len(figures) - 1}"

        replaced = FIGURE.sub(placeholder, markdown)
        if figures:
            self._taken[page] = figures
        return replaced

    def put_back(self, page: str, html: str) -> tuple[str, set[str]]:
        """``html`` with the page's figures in place of their placeholders' paragraphs, and
        the anchor ids the figures hold. A placeholder not found is an error: the page's
        Markdown put it somewhere else than a paragraph of its own."""
        figures = self._taken.pop(page, [])
        ids: set[str] = set()
        for number, figure in enumerate(figures):
            paragraph = f"<p>{self._prefix}{number}</p>"
            if html.count(paragraph) != 1:
                raise ValueError(f"{page}: figure {number} lost its place in the page")
            html = html.replace(paragraph, figure + "\n")  # as Markdown puts a raw block
            ids.update(ANCHOR.findall(figure))
        return (html.rstrip() if figures else html), ids  # Markdown strips its output's end


def converted_length(markdown: str) -> int:
    """The characters of ``markdown`` that Python-Markdown converts: its length without its
    figures (from the first figure's opening to the last one's close), a page's cost."""
    start = markdown.find('<figure class="sg-graph')
    if start < 0:
        return len(markdown)
    end = markdown.rfind("</figure>")
    return len(markdown) - max(0, end - start)
