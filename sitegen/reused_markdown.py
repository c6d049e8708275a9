"""One Markdown converter for every page of a build, not one per page.

MkDocs' ``Page.render`` makes a new ``markdown.Markdown`` for each page, with the build's
extensions: loading and registering them, and building the parser, cost about 0.5 ms a page,
as much as 8 s of CPU for each page process of a 38,000-page build. Python-Markdown supports
reusing a converter (``Markdown.reset`` between documents: its stash, references and every
extension's own state), and the processors MkDocs registers for each page replace, by their
names, the ones it registered for the page before.

``install`` (called by the sitegen plugin before MkDocs builds its pages) gives MkDocs' page
module a stand-in for the ``markdown`` module whose ``Markdown`` hands out, reset, the
converter last made for the very same extensions and settings (the same objects: a new
configuration, as ``mkdocs serve`` loads at each rebuild, gets a new converter). Everything
else is the ``markdown`` module's own. The HTML is the same (tests build pages both ways).
"""

from __future__ import annotations

import copy
import types
from typing import Any

import markdown
import mkdocs.structure.pages


class _Reused(types.ModuleType):
    """The ``markdown`` module, its ``Markdown`` made once per configuration."""

    def __init__(self) -> None:
        super().__init__(markdown.__name__, markdown.__doc__)
        self.made: tuple[_Settings, markdown.Markdown] | None = None

    def __getattr__(self, name: str) -> Any:  # all but ``Markdown`` and ``made``
        return getattr(markdown, name)

    def Markdown(self, **kwargs: Any) -> markdown.Markdown:  # noqa: N802 - the module's name
        made = self.made
        if made is not None and made[0].same(kwargs):
            made[1].reset()
            return made[1]
        converter = markdown.Markdown(**kwargs)
        settings = _Settings.of(kwargs)
        self.made = None if settings is None else (settings, converter)
        return converter


class _Settings:
    """What a converter was made with: MkDocs' list of extensions (the very object, and its
    items as they were) and their settings (a copy, compared by value: MkDocs passes a new
    empty dict each time when there are none)."""

    def __init__(self, extensions: list[Any], items: tuple[Any, ...], configs: object) -> None:
        self.extensions, self.items, self.configs = extensions, items, configs

    @classmethod
    def of(cls, kwargs: dict[str, Any]) -> _Settings | None:
        """None for a call with other arguments, or settings that cannot be copied."""
        extensions = kwargs.get("extensions")
        if kwargs.keys() - {"extensions", "extension_configs"} or not isinstance(extensions, list):
            return None
        try:
            configs = copy.deepcopy(kwargs.get("extension_configs"))
        except Exception:  # noqa: BLE001 - any object a plugin put there
            return None
        return cls(extensions, tuple(extensions), configs)

    def same(self, kwargs: dict[str, Any]) -> bool:
        extensions = kwargs.get("extensions")
        return (
            extensions is self.extensions
            and kwargs.keys() <= {"extensions", "extension_configs"}
            and len(self.items) == len(extensions)
            and all(map(_same_item, self.items, extensions))
            and kwargs.get("extension_configs") == self.configs
        )


def _same_item(kept: object, given: object) -> bool:
    """An extension named alike, or the very same extension object."""
    return kept is given or (isinstance(kept, str) and kept == given)


REUSED = _Reused()


def install() -> None:
    """MkDocs' pages converted by ``REUSED``'s converters from now on."""
    mkdocs.structure.pages.markdown = REUSED


def uninstall() -> None:
    """MkDocs' pages converted by a new converter each again; the kept one let go."""
    mkdocs.structure.pages.markdown = markdown
    REUSED.made = None
