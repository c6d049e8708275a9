"""The structure of an article body: paragraphs, headings, dateline, syndication footer, bio.

Works on offsets into the file's text so that every later stage can point back into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dateutil import parser as date_parser

from sitegen.model import Block, BlockKind

FOOTER = re.compile(r"^The post (?P<title>.+?) appeared first on (?P<source>.+?)\.?\s*$")
BIO = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s+(?:is|was)\s+(?:a|an|the)\s+"
    r".{3,200}\b(?:for|at|with|of)\b.{2,120}\.$"
)
END_PUNCTUATION = tuple(".!?:;,\"'”’)]…")
HEADING_MAX_WORDS = 10
DATELINE_MAX_CHARS = 40
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+")


@dataclass(frozen=True)
class Line:
    """A non-empty line of the body, with its offsets in the file text (stripped)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class BodyParts:
    """What the structure pass found in an article body."""

    blocks: tuple[Block, ...]
    footer_title: str | None = None
    footer_source: str | None = None
    bio_author: str | None = None


def body_lines(text: str, start: int) -> Iterator[Line]:
    """Yield the non-blank lines of ``text[start:]``, stripped, with file offsets."""
    offset = start
    for raw in text[start:].splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            lead = len(content) - len(content.lstrip())
            yield Line(offset + lead, offset + lead + len(stripped), stripped)
        offset += len(raw)


def split_body(text: str, start: int, title: str | None, markdown: bool) -> BodyParts:
    """Split the body (``text[start:]``) into blocks and pick out footer and bio."""
    lines = list(body_lines(text, start))
    footer = FOOTER.match(lines[-1].text) if lines else None
    if footer:
        lines.pop()
    bio = BIO.match(lines[-1].text) if lines else None
    headline = title or (footer.group("title") if footer else None)
    blocks = [
        Block(_classify(line, index, lines, headline, markdown), line.start, line.end, index + 1)
        for index, line in enumerate(lines)
    ]
    blocks = [_strip_markdown_heading(text, block) for block in blocks]
    return BodyParts(
        blocks=tuple(blocks),
        footer_title=footer.group("title").strip() if footer else None,
        footer_source=footer.group("source").strip() if footer else None,
        bio_author=bio.group("name") if bio else None,
    )


def _classify(
    line: Line, index: int, lines: list[Line], headline: str | None, markdown: bool
) -> BlockKind:
    if index == 0 and len(lines) > 1:
        if headline and _same_words(line.text, headline):
            return "headline"
        if not headline and looks_like_heading(line.text):
            return "headline"
    if index <= 2 and is_dateline(line.text):
        return "dateline"
    if markdown and MARKDOWN_HEADING.match(line.text):
        return "heading"
    is_last = index == len(lines) - 1
    if not is_last and index > 0 and looks_like_heading(line.text):
        return "heading"
    return "paragraph"


def looks_like_heading(text: str) -> bool:
    """A short line without end punctuation whose words are mostly capitalized or few."""
    words = text.split()
    if not words or len(words) > HEADING_MAX_WORDS or text.endswith(END_PUNCTUATION):
        return False
    return text[0].isupper() or text[0].isdigit()


def is_dateline(text: str) -> bool:
    """A line that is nothing but a date ("March 27, 2008", "Tuesday, September 1, 2015")."""
    if len(text) > DATELINE_MAX_CHARS or not re.search(r"\d{4}", text):
        return False
    try:
        date_parser.parse(text, fuzzy=False)
    except (ValueError, OverflowError):
        return False
    return True


def _same_words(a: str, b: str) -> bool:
    def words(s: str) -> list[str]:
        return re.findall(r"\w+", s.lower())

    return words(a) == words(b) or (len(words(a)) > 3 and words(a)[:-1] == words(b)[:-1])


def _strip_markdown_heading(text: str, block: Block) -> Block:
    if block.kind != "heading":
        return block
    match = MARKDOWN_HEADING.match(text[block.start : block.end])
    if not match:
        return block
    return Block(block.kind, block.start + match.end(), block.end, block.number)
