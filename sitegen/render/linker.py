"""Linking entity names inside free text (a person's roles) to the entities' pages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from sitegen.model import Entity
from sitegen.render.markdown import escape, link, relative

MIN_NAME_CHARS = 3


def linked_names(text: str, entities: Iterable[Entity], page: str) -> str:
    """``text`` escaped, with each whole-word occurrence of an entity's name linked to its page.

    Only the names the text holds go into the expression (the others could match nowhere): a
    pattern of every name of a site of 10,000 articles took 70 ms to compile."""
    names = {
        entity.name: entity
        for entity in entities
        if len(entity.name) >= MIN_NAME_CHARS and entity.name in text
    }
    if not names:
        return escape(text)
    return _linked(text, _pattern(names), names, page)


class NameLinker:
    """``linked_names`` over every entity but one.

    ``link(text, page, entity)`` gives exactly ``linked_names(text, others, page)`` where
    ``others`` is every entity except ``entity``: compiling a pattern of all the site's names
    for each call was most of the rendering time. The names a text holds are found through
    their beginnings, and only they go into its expression, as in ``linked_names``: one
    expression of all the site's names took 1.6 s to compile and 1.4 ms to scan a role at
    N = 10,000 (30,000 names; 14 s for 10,000 roles).
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = list(entities)
        self.by_name: dict[str, list[Entity]] = {}
        for entity in self.entities:
            if len(entity.name) >= MIN_NAME_CHARS:
                self.by_name.setdefault(entity.name, []).append(entity)
        self.by_start: dict[str, list[str]] = {}
        """The names by their first ``MIN_NAME_CHARS`` characters."""
        for name in self.by_name:
            self.by_start.setdefault(name[:MIN_NAME_CHARS], []).append(name)

    def names_in(self, text: str) -> tuple[str, ...]:
        """The names ``text`` holds, found through their beginnings (each of the text's
        ``MIN_NAME_CHARS``-character pieces looked up once), in order."""
        width = MIN_NAME_CHARS
        starts = {text[i : i + width] for i in range(len(text) - width + 1)}
        found = [n for start in starts for n in self.by_start.get(start, ()) if n in text]
        return tuple(sorted(found))

    def link(self, text: str, page: str, entity: Entity) -> str:
        """``text`` with the names of entities other than ``entity`` linked."""
        own = self.by_name.get(entity.name, [])
        if own and all(other.id == entity.id for other in own) and entity.name in text:
            # the entity's own name is in the text and no other entity has it: the shared
            # pattern would match it; take the slow, exact path (rare)
            others = [other for other in self.entities if other.id != entity.id]
            return linked_names(text, others, page)
        held = self.names_in(text)
        if not held:
            return escape(text)
        # only the entity's own name can need another entity than the last of that name (a
        # pass over every name of the site here made rendering quadratic)
        same = [other for other in own if other.id != entity.id]
        names = {entity.name: same[-1]} if same else {}
        return _linked(text, _held_pattern(held), _Fallback(names, self.by_name), page)


class _Fallback(dict[str, Entity]):
    """Name -> entity: the overrides first, else the last entity of that name."""

    def __init__(self, overrides: dict[str, Entity], by_name: dict[str, list[Entity]]) -> None:
        super().__init__(overrides)
        self.by_name = by_name

    def __missing__(self, name: str) -> Entity:
        return self.by_name[name][-1]


@lru_cache(maxsize=4096)
def _held_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """``_pattern`` of a text's names, kept for the next text holding the same."""
    return _pattern(names)


def _pattern(names: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(names, key=lambda name: (-len(name), name))
    return re.compile(r"\b(?:" + "|".join(re.escape(name) for name in ordered) + r")\b")


def _linked(text: str, pattern: re.Pattern[str], names: dict[str, Entity], page: str) -> str:
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
