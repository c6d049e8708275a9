"""Rendering: escaping, page content and links, with a tiny in-memory knowledge base."""

from __future__ import annotations

import os
import re
from typing import Any

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen import forked, render
from sitegen.render import render_site
from sitegen.render.context import RenderContext
from sitegen.render.markdown import escape, relative
from tests.helpers import EXTENSIONS, tiny_kb, visible_text


def test_escape_neutralizes_html_and_markdown() -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) *_ { onclick=x } AT&T | #1"
    assert visible_text(escape(hostile)).strip() == hostile
    html = markdown.markdown(escape(hostile), extensions=EXTENSIONS)
    assert "<script" not in html and "href" not in html


def test_numbered_sentence_stays_a_paragraph() -> None:
    html = markdown.markdown(escape("1986. A great year"), extensions=EXTENSIONS)
    assert "<ol>" not in html and "1986. A great year" in html


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_escaped_text_renders_as_itself(text: str) -> None:
    expected = " ".join(text.split())
    assert " ".join(visible_text(escape(text)).split()) == expected


def test_relative_links() -> None:
    assert relative("people/x.md", "places/y.md") == "../people/x.md"
    assert relative("articles/a.md#p3", "people/x.md") == "../articles/a.md#p3"
    assert relative("people/index.md", "index.md") == "people/index.md"


def test_entity_page_quotes_sentence_and_links_back() -> None:
    pages = render_site(tiny_kb())
    page = pages["people/jane-doe.md"]
    assert page.startswith("---\ntitle: Jane Doe\n")
    assert "](../articles/a.md#p1)" in page
    assert "[Sylvania](../places/sylvania.md)" in page
    text = visible_text(page.split("---\n", 2)[2])
    assert "Also known as: Doe · Ms. Doe" in text
    assert "Jane Doe spoke in Sylvania." in text


def test_article_page_links_mentions_and_anchors_paragraphs() -> None:
    pages = render_site(tiny_kb())
    page = pages["articles/a.md"]
    assert "[Jane Doe](../people/jane-doe.md) spoke in [Sylvania](../places/sylvania.md)" in page
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=EXTENSIONS)
    assert re.search(r'<p id="p1">', html)
    assert "A &lt;title&gt; &amp; more" in html


def test_hostile_name_is_literal_on_every_page() -> None:
    name = "<img src=x onerror=alert(1)>"
    kb = tiny_kb(name=name, sentence=f"{name} spoke.")
    for path, page in render_site(kb).items():
        body = page.split("---\n", 2)[2]
        html = markdown.markdown(body, extensions=EXTENSIONS)
        assert "onerror=" not in re.sub(r"&lt;.*?&gt;", "", html), path
        assert "<img" not in html, path


def test_every_page_starts_with_front_matter_and_indexes_exist() -> None:
    pages = render_site(tiny_kb())
    assert {"index.md", "articles/index.md", "people/index.md", "places/index.md"} <= set(pages)
    assert "organizations/index.md" in pages
    assert all(page.startswith("---\n") for page in pages.values())


def test_units_rendered_half_in_a_forked_process_are_the_same_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Above ``FORK_FROM_UNITS`` every second unit's page is rendered in a forked process:
    the same pages, in the same order, as in one process."""
    kb = tiny_kb()
    monkeypatch.setattr(render, "worth_forking", lambda: False)
    alone = render_site(kb)
    forks: list[object] = []

    class Counted(forked.Forked):
        def __init__(self, work: Any) -> None:
            forks.append(work)
            super().__init__(work)

    monkeypatch.setattr(forked, "Forked", Counted)
    monkeypatch.setattr(render, "worth_forking", lambda: True)
    monkeypatch.setattr(render, "FORK_FROM_UNITS", 1)
    units = len(list(render.page_units(RenderContext.build(kb))))
    assert units >= 3 and units % 2 == 1  # an odd count: the last page has no partner
    split = render_site(kb)
    assert len(forks) == 1
    assert list(split) == list(alone)
    assert all(split[path] == alone[path] for path in alone)


def test_units_are_all_rendered_here_when_no_process_can_be_forked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kb = tiny_kb()
    alone = render_site(kb)

    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(render, "worth_forking", lambda: True)
    monkeypatch.setattr(render, "FORK_FROM_UNITS", 1)
    monkeypatch.setattr(os, "fork", refused)
    here = render_site(kb)
    assert list(here) == list(alone)
    assert all(here[path] == alone[path] for path in alone)
