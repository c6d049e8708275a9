"""Link text found by a forward scan: Python-Markdown's links, linear in a paragraph's length.

Python-Markdown (3.8 and later) finds the bracket closing a link's text by computing, for every
position of the paragraph at once, the bracket that closes there, and computes it again after
each link it replaces, because the paragraph's text has changed. A paragraph of n characters
with k links costs n x k steps: on 1,000 archive articles this one scan was 45 s of the 180 s
a build spent outside spaCy (an article page is a few long paragraphs, each with dozens of
links to people, places and topics).

``ForwardLinks`` (added by the sitegen plugin to MkDocs' Markdown extensions) gives every link
processor a ``getText`` that scans forward from the bracket to the one closing it, which costs
the link text's length. It finds the same bracket and answers as Markdown's own does when the
bracket never closes (a test compares the two on random text).
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import LinkInlineProcessor


def forward_text(data: str, index: int) -> tuple[str, int] | None:
    """The text from ``index`` to the ``]`` closing the ``[`` just before it, and the index past
    that bracket; None when it never closes."""
    depth = 1
    position = index
    while True:
        close = data.find("]", position)
        if close < 0:
            return None
        depth += data.count("[", position, close) - 1
        if depth == 0:
            return data[index:close], close + 1
        position = close + 1


def get_text(data: str, index: int) -> tuple[str, int, bool]:
    """``LinkInlineProcessor.getText`` by a forward scan: (text, index past it, closed)."""
    found = forward_text(data, index)
    if found is None:
        return data[index:], len(data), False
    return found[0], found[1], True


class ForwardLinks(Extension):
    """Every link and image processor of Python-Markdown's own finds its text by a forward
    scan (processors of another extension that override ``getText`` are left alone)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        for processor in md.inlinePatterns:
            if (
                isinstance(processor, LinkInlineProcessor)
                and type(processor).getText is LinkInlineProcessor.getText
            ):
                processor.getText = get_text
