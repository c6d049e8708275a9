"""Building blocks shared by page renderers: quoted sentences and paragraph links."""

from __future__ import annotations

import re

from sitegen.model import Entity, EntityMention
from sitegen.render.context import RenderContext
from sitegen.render.markdown import escape, link, plain_title, relative

KIND_LABEL = {"person": "Person", "organization": "Organization", "place": "Place"}


def quote_sentence(context: RenderContext, mention: EntityMention, page: str) -> str:
    """The mention's sentence, the mention in bold, linked to its paragraph."""
    sentence = context.sentence(mention.article, mention.sentence)
    text = context.articles[mention.article].text
    start, end = _strip_span(text, mention.start, mention.end)
    before, after = text[sentence.start : start], text[end : sentence.end]
    bold = f"**{escape(text[start:end])}**" if end > start else ""
    quoted = f"{escape(before)}{bold}{escape(after)}".strip()
    anchor = context.paragraph_anchor(mention.article, mention.sentence)
    target = paragraph_link(context, mention.article, mention.sentence, page)
    return f"{quoted} [¶{anchor[1:]}]({target})"


def paragraph_link(context: RenderContext, article_id: str, sentence: int, page: str) -> str:
    """The link from ``page`` to the paragraph holding an article's sentence."""
    anchor = context.paragraph_anchor(article_id, sentence)
    return relative(f"articles/{article_id}.md#{anchor}", page)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without white space at its ends (emphasis must hug its text)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def linked_names(text: str, entities: list[Entity], page: str) -> str:
    """``text`` escaped, with each whole-word occurrence of an entity's name linked to its page."""
    names = {entity.name: entity for entity in entities if len(entity.name) > 2}
    if not names:
        return escape(text)
    ordered = sorted(names, key=lambda name: (-len(name), name))
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in ordered) + r")\b")
    pieces, position = [], 0
    for match in pattern.finditer(text):
        entity = names[match.group(0)]
        pieces += [
            escape(text[position : match.start()]),
            link(match.group(0), relative(entity.page, page)),
        ]
        position = match.end()
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def search_tags(name: str, aliases: tuple[str, ...]) -> list[str]:
    """Material search ``tags`` for a page: its name and every alias (weighted far above text).

    Material indexes a page's ``tags`` front matter with a boost of 10^6, so a search for an
    alias ("Mr. Kovrig", "The Times", "countertariffs") ranks the page named so first, above
    article pages and headings that merely contain the words.
    """
    return [plain_title(alias) for alias in dict.fromkeys((name, *aliases))]
