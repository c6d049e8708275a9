"""Material's navigation rendered once for all the pages outside it that see it alike.

Material renders its navigation (the sidebar's list of the site's sections) into every page:
about a third of the theme's time per page on a generated site, where nearly every page
(each article, person, place and topic) is outside the navigation. For such a page the
navigation's HTML depends on nothing of the page but where it sits: no item is the page or
holds it, so none is marked active, and its links are the navigation's URLs made relative to
the page. sitegen's ``partials/nav.html`` (in the theme folder the plugin adds) therefore
renders Material's own ``partials/nav.html`` once for each set of those relative URLs and gives
the kept HTML to every other page with the same set; a page in the navigation, or a build
with a template of the project's own for the navigation, renders it as before. The HTML is
the same byte for byte (a test builds the seed site both ways).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

ORIGINAL = "sitegen-theme-original"
"""Prefix under which the theme's own templates (those after sitegen's folder) are found, so
that sitegen's ``partials/nav.html`` can include the theme's."""

SHARED = True
"""Whether pages outside the navigation share its HTML (tests build the site both ways)."""


class SharedNav:
    """The navigation's HTML kept per set of relative URLs, for one build's navigation."""

    def __init__(self) -> None:
        self._nav: Navigation | None = None
        self._listed: frozenset[int] = frozenset()
        self._urls: tuple[str, ...] = ()
        self._kept: dict[tuple[str, ...], str] = {}

    def key(self, page: Any, nav: Any, config: Any) -> tuple[str, ...] | None:
        """What the navigation's HTML depends on for ``page``: every URL it may link, made
        relative to the page; None for a page in the navigation (its item is active)."""
        if not SHARED or not isinstance(page, Page) or not isinstance(nav, Navigation):
            return None
        if nav is not self._nav:
            self._start(nav, config)
        if id(page) in self._listed:
            return None
        return tuple(normalize_url(url, page=page) for url in self._urls)

    def kept(self, key: tuple[str, ...]) -> str | None:
        return self._kept.get(key)

    def keep(self, key: tuple[str, ...], html: str) -> str:
        self._kept[key] = html
        return html

    def _start(self, nav: Navigation, config: Any) -> None:
        self._nav = nav
        self._listed = frozenset(id(page) for page in nav.pages)
        urls = {".", *_item_urls(nav.items)}
        if nav.homepage is not None:
            urls.add(nav.homepage.url)
        if isinstance(config, MkDocsConfig):
            for value in (config.extra.get("homepage"), config.theme.get("logo")):
                if isinstance(value, str):
                    urls.add(value)
        self._urls = tuple(sorted(urls))
        self._kept = {}


def _item_urls(items: list[Any]) -> Iterator[str]:
    for item in items:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            yield url
        if isinstance(item, Section):
            yield from _item_urls(item.children)


def share_navigation(env: jinja2.Environment, theme_dirs: list[str], ours: str) -> None:
    """Let sitegen's ``partials/nav.html`` (in ``ours``, one of ``theme_dirs``) include the
    theme's own under ``ORIGINAL``, and give it a fresh ``SharedNav``."""
    if ours not in theme_dirs or env.loader is None:
        return
    after = theme_dirs[theme_dirs.index(ours) + 1 :]
    original = jinja2.PrefixLoader({ORIGINAL: jinja2.FileSystemLoader(after)})
    env.loader = jinja2.ChoiceLoader([env.loader, original])
    shared = SharedNav()
    env.globals["sitegen_nav_key"] = shared.key
    env.globals["sitegen_nav_kept"] = shared.kept
    env.globals["sitegen_nav_keep"] = shared.keep
