"""One Markdown converter for a build's pages (``sitegen/reused_markdown.py``) gives each page
what a converter of its own gives: its HTML, table of contents, title and anchors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import mkdocs.structure.pages
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pytest import MonkeyPatch

from sitegen import reused_markdown
from sitegen.fastinline import SkipAbsentPatterns
from sitegen.fastlinks import ForwardLinks
from tests.helpers import write

REPO = Path(__file__).resolve().parents[1]
GOLDEN_DIR = Path(__file__).parent / "golden"
GOLDEN = sorted(GOLDEN_DIR.rglob("*.md"))  # seed/... and corpus/...: their links resolve

# Documents whose state a converter used before must not reach the next one: a link
# reference defined in one and used in the next, the same headings (ids), raw HTML with ids,
# a table, an admonition and details, attributes.
TRICKY = [
    ("a.md", "# Alpha\n\n[ref]: b.md\n\nSee [b][ref].\n\n## Same\n\n<div id=\"raw\">x</div>\n"),
    ("b.md", "# Beta\n\nAn undefined [b][ref] stays text.\n\n## Same\n\n## Same\n"),
    ("c.md", "No heading.\n\n| a | b |\n| - | - |\n| [x](a.md#same) | 2 |\n"),
    ("d.md", '!!! note "N"\n    body\n\n??? info "I"\n    more\n\nWord {: #w }\n\n[a](a.md#no)\n'),
]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[tuple[MkDocsConfig, Files]]:
    """The repository's Markdown extensions (with the sitegen plugin's two) and the pages;
    MkDocs' own ``markdown`` to start with (a test before may have left a build's stand-in)."""
    reused_markdown.uninstall()
    docs = tmp_path / "docs"
    golden = ((p.relative_to(GOLDEN_DIR).as_posix(), p.read_text("utf-8")) for p in GOLDEN)
    sources = [*TRICKY, *golden]
    for name, text in sources:
        write(docs / name, text)
    settings = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = settings[settings.index("markdown_extensions:") :].split("\n\n")[0]
    config_file = write(tmp_path / "mkdocs.yml", f"site_name: t\n{extensions}\n")
    config = load_config(str(config_file))
    config.markdown_extensions += [ForwardLinks(), SkipAbsentPatterns()]
    files = Files([File(name, str(docs), str(tmp_path / "site"), True) for name, _ in sources])
    yield config, files
    reused_markdown.uninstall()


def rendered(config: MkDocsConfig, files: Files) -> list[tuple[Any, ...]]:
    """Each page rendered by MkDocs, in order: what rendering leaves on the page."""
    results = []
    for file in files:
        page = Page(None, file, config)
        page.read_source(config)
        page.render(config, files)
        results.append(
            (
                page.content,
                str(page.toc),
                page._title_from_render,
                page.present_anchor_ids,
                {f.src_uri: anchors for f, anchors in (page.links_to_anchors or {}).items()},
            )
        )
    return results


def test_pages_converted_by_one_converter_are_as_each_converted_by_its_own(
    project: tuple[MkDocsConfig, Files], monkeypatch: MonkeyPatch
) -> None:
    config, files = project
    assert len(GOLDEN) > 100
    own = rendered(config, files)
    assert mkdocs.structure.pages.markdown is markdown  # each page its own converter
    made = []
    init = markdown.Markdown.__init__

    def counted(self: markdown.Markdown, **kwargs: Any) -> None:
        made.append(self)
        init(self, **kwargs)

    monkeypatch.setattr(markdown.Markdown, "__init__", counted)
    reused_markdown.install()
    assert rendered(config, files) == own
    assert len(made) == 1  # and it was one converter
    assert "<a href=\"b/\">b</a>" not in own[1][0] and "[b][ref]" in own[1][0]
    assert own[2][4] == {"a.md": {"same": "a.md#same"}}


def test_a_converter_is_made_again_for_other_extensions_or_settings(
    project: tuple[MkDocsConfig, Files],
) -> None:
    config, _ = project
    reused_markdown.install()
    new = mkdocs.structure.pages.markdown.Markdown
    extensions = config.markdown_extensions
    first = new(extensions=extensions, extension_configs={"toc": {"permalink": True}})
    assert new(extensions=extensions, extension_configs={"toc": {"permalink": True}}) is first
    assert new(extensions=extensions, extension_configs={"toc": {"permalink": "#"}}) is not first
    second = new(extensions=list(extensions), extension_configs={"toc": {"permalink": "#"}})
    assert second.convert("# T") != first.convert("# T")
    assert new(extensions=list(extensions), extension_configs={}) is not second
    empty = new(extensions=extensions, extension_configs={})
    assert new(extensions=extensions, extension_configs={}) is empty  # a new {} each time
    extensions.append("abbr")
    assert new(extensions=extensions, extension_configs={}) is not empty
    assert new(extensions=extensions, output_format="html") is not new(
        extensions=extensions, output_format="html"
    )
    reused_markdown.uninstall()
    assert mkdocs.structure.pages.markdown is markdown
    assert reused_markdown.REUSED.made is None

