"""Inline patterns tried only on text that holds the character each one starts with.

Python-Markdown converts a text node by trying each of its inline patterns in turn (code,
escapes, links, images, autolinks, line breaks, raw HTML, entities, emphasis), and again on
the text each match leaves. A pattern that cannot match still costs a Python call and a
regular-expression scan: on sitegen's pages, whose paragraphs hold dozens of links each, that
was about half of Python-Markdown's time, most of it spent on patterns whose first character
(a backtick, ``<``, ``&``, ``!``, ``*``) the text does not contain.

``SkipAbsentPatterns`` (added by the sitegen plugin to MkDocs' Markdown extensions) gives
Markdown an inline processor that skips a pattern when the text holds none of the characters
every match of it contains. It knows those characters only for Python-Markdown's own patterns,
recognised by their exact regular expression, and for its emphasis processor (its delimiter
tokens); any other pattern is tried as before. A skipped pattern is one whose search would
have found nothing, so the HTML is the same (a test converts every page of the seed site and
random Markdown both ways).
"""

from __future__ import annotations

from markdown import Markdown, inlinepatterns, util
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

# Python-Markdown's own patterns (by their expression) and the characters one of which every
# match of each contains: the expression's first consumed character.
NEEDED_BY_EXPRESSION: dict[str, str] = {
    inlinepatterns.BACKTICK_RE: "`",
    inlinepatterns.ESCAPE_RE: "\\",
    inlinepatterns.LINK_RE: "[",
    inlinepatterns.IMAGE_LINK_RE: "!",
    inlinepatterns.AUTOLINK_RE: "<",
    inlinepatterns.AUTOMAIL_RE: "<",
    inlinepatterns.HTML_RE: "<",
    inlinepatterns.ENTITY_RE: "&",
    inlinepatterns.LINE_BREAK_RE: "\n",
}


def needed_characters(pattern: object) -> str | None:
    """The characters one of which any match of ``pattern`` contains; None when not known
    (the pattern is then always tried)."""
    if isinstance(pattern, inlinepatterns.DelimiterProcessor):
        return "".join(token[:1] for token in pattern.tokens) or None
    if not isinstance(pattern, inlinepatterns.InlineProcessor):
        return None  # an old-style pattern wraps its expression in another
    if type(pattern).getCompiledRegExp is not inlinepatterns.Pattern.getCompiledRegExp:
        return None  # the processor chooses its expression itself
    return NEEDED_BY_EXPRESSION.get(str(getattr(pattern.compiled_re, "pattern", "")))


def could_match(needed: str | None, text: str) -> bool:
    """Whether a pattern needing one of ``needed`` might match in ``text``."""
    if needed is None:
        return True
    if len(needed) == 1:
        return needed in text
    return any(character in text for character in needed)


class QuickInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor, skipping the patterns a text cannot match."""

    _plan: list[tuple[object, str | None]] | None = None

    def run(self, tree, ancestors=None):  # noqa: ANN001, ANN201 - Markdown's API
        self._plan = [(pattern, needed_characters(pattern)) for pattern in self.inlinePatterns]
        try:
            return super().run(tree, ancestors)
        finally:
            self._plan = None

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803 - Markdown's own method, by its mangled name
        """Markdown's ``__handleInline``, not trying a pattern that ``data`` cannot match."""
        if isinstance(data, util.AtomicString):
            return data
        plan = self._plan
        if plan is None:
            plan = [(pattern, needed_characters(pattern)) for pattern in self.inlinePatterns]
        apply_pattern = self._InlineProcessor__applyPattern
        start = 0
        count = len(plan)
        while patternIndex < count:
            pattern, needed = plan[patternIndex]
            if needed is not None and (
                needed not in data if len(needed) == 1 else not could_match(needed, data)
            ):
                patternIndex += 1
                start = 0
                continue
            data, matched, start = apply_pattern(pattern, data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


class SkipAbsentPatterns(Extension):
    """Replace Markdown's inline processor by ``QuickInlineProcessor`` (left alone when another
    extension has already replaced it)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        if type(md.treeprocessors["inline"]) is InlineProcessor:
            md.treeprocessors.register(QuickInlineProcessor(md), "inline", 20)
