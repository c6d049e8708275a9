"""Names linked inside free text (a person's roles): the expression holds only the names the
text holds, and links exactly as one of every name of the site did."""

from __future__ import annotations

import random

from sitegen.model import Entity
from sitegen.render.linker import MIN_NAME_CHARS, NameLinker, _linked, _pattern, linked_names

NAMES = [
    "Kofi Annan",
    "Annan",
    "Kofi",
    "United Nations",
    "Nations",
    "UN",
    "Ghana",
    "Accra",
    "New York",
    "York",
    "Annan Foundation",
    "Kofi Annan Foundation",
]


def _entities() -> list[Entity]:
    found = []
    for index, name in enumerate(NAMES + ["Annan"]):  # two entities named "Annan"
        slug = f"{name.lower().replace(' ', '-')}-{index}"
        found.append(Entity(id=f"person:{slug}", kind="person", name=name, page=f"p/{slug}.md"))
    return found


def _every_name(text: str, entities: list[Entity], page: str) -> str:
    """The linking before: one expression of every name (the last entity of a name wins)."""
    names = {e.name: e for e in entities if len(e.name) >= MIN_NAME_CHARS}
    return _linked(text, _pattern(names), names, page)


def _texts() -> list[str]:
    rng = random.Random(5)
    words = [*NAMES, "the", "secretary-general of the", "born in", "*bold*", "<b>", "Kofi Annans"]
    return [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(300)]


def test_linked_names_link_as_an_expression_of_every_name() -> None:
    entities = _entities()
    linked = 0
    for text in _texts():
        got = linked_names(text, entities, "people/x.md")
        assert got == _every_name(text, entities, "people/x.md")
        linked += got.count("](")
    assert linked > 300  # the texts hold names


def test_the_site_linker_leaves_out_only_the_page_s_own_entity() -> None:
    entities = _entities()
    linker = NameLinker(entities)
    for text in _texts():
        for entity in entities[:4]:
            others = [other for other in entities if other.id != entity.id]
            assert linker.link(text, "people/x.md", entity) == _every_name(
                text, others, "people/x.md"
            )


def test_the_names_a_text_holds_are_found_through_their_beginnings() -> None:
    linker = NameLinker(_entities())
    text = "Kofi Annan of the Kofi Annan Foundation, at the UN in New York"
    assert linker.names_in(text) == tuple(
        sorted(name for name in linker.by_name if name in text)
    )
    assert "Kofi Annan Foundation" in linker.names_in(text) and "UN" not in linker.by_name
    assert linker.names_in("Ko") == () and linker.names_in("Accra") == ("Accra",)
