"""Untrusted text on rendered pages: literal text, whatever Markdown it looks like."""

from __future__ import annotations

import html
import re
import time

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.render import render_site
from sitegen.render.markdown import MARKDOWN_SPECIALS, escape, plain_title
from tests.helpers import EXTENSIONS, tiny_kb, visible_text

MARKDOWN_LOOKALIKES = [
    "1986. A great year",
    "#hashtag",
    "<Unknown> Corp",
    "AT&T | x",
    "[Reuters] *_",
    "Note: x",
    "- not a list",
    "> not a quote",
    "    four spaces",
    "!!! note",
    "---",
    "***",
    "`code`",
    "<!-- comment -->",
    "&amp; stays &amp;",
    "x{: #id .cls onclick=alert(1) }",
    "[x](javascript:alert(1))",
    "<http://example.com>",
    "\x02wzxhzdk:0\x03",
]
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda s: s.strip())


def page_body(page: str) -> str:
    return page.split("---\n", 2)[2]


def article_paragraph(sentence: str) -> str:
    page = render_site(tiny_kb(name="Jane Doe", sentence=sentence))["articles/a.md"]
    soup = BeautifulSoup(markdown.markdown(page_body(page), extensions=EXTENSIONS), "html.parser")
    paragraph = soup.find("p", id="p1")
    assert paragraph is not None, page
    return paragraph.get_text()


def test_markdown_lookalikes_stay_literal_in_an_article_paragraph() -> None:
    for text in MARKDOWN_LOOKALIKES:
        if text.startswith("\x02"):
            assert article_paragraph(text) == "\ufffdwzxhzdk:0\ufffd"
        else:
            assert article_paragraph(text).strip() == text.strip(), text


def test_markdown_lookalikes_make_no_markup() -> None:
    for text in MARKDOWN_LOOKALIKES:
        rendered = markdown.markdown(escape(text), extensions=EXTENSIONS)
        soup = BeautifulSoup(rendered, "html.parser")
        assert [tag.name for tag in soup.find_all(True)] == ["p"], (text, rendered)
        assert not soup.p or not soup.p.attrs, (text, rendered)


def test_table_cell_with_pipe_and_ampersand_stays_in_its_cell() -> None:
    row = f"| {escape('AT&T | x')} | {escape('<b>')} |"
    rendered = markdown.markdown(f"| A | B |\n| --- | --- |\n{row}\n", extensions=EXTENSIONS)
    cells = [td.get_text() for td in BeautifulSoup(rendered, "html.parser").find_all("td")]
    assert cells == ["AT&T | x", "<b>"]


def test_first_line_note_is_not_front_matter() -> None:
    pages = render_site(tiny_kb(name="Jane Doe", sentence="Note: Jane Doe spoke."))
    page = pages["articles/a.md"]
    assert page.startswith("---\ntitle: ")
    assert "Note: " in page_body(page)


def test_plain_title_is_escaped_once_and_reads_back() -> None:
    title = "\"><script>alert(1)</script> AT&T's 'x'"
    escaped = plain_title(title)
    assert not set(escaped) & set("<>\"'")
    assert html.unescape(escaped) == title
    assert plain_title("a\x00b") == "a\ufffdb"


@settings(max_examples=100, deadline=None)
@given(name=TEXT, before=TEXT, after=TEXT)
def test_rendered_article_page_shows_the_input_text(name: str, before: str, after: str) -> None:
    sentence = f"{before} {name} {after}"
    expected = " ".join(sentence.split())
    shown = " ".join(article_paragraph(sentence).split())
    assert shown == expected


@settings(max_examples=100, deadline=None)
@given(name=TEXT, before=TEXT)
def test_rendered_entity_page_shows_the_name_and_sentence(name: str, before: str) -> None:
    sentence = f"{before} {name} spoke."
    kb = tiny_kb(name=name, sentence=sentence)
    page = render_site(kb)[kb.entities[0].page]
    text = " ".join(visible_text(page_body(page)).split())
    assert text.startswith(" ".join(name.split()))
    assert " ".join(sentence.split()) in text
    title = page.split("\n", 2)[1]
    assert html.unescape(title.removeprefix("title: ").strip("'\"")) != ""


def test_pathological_brackets_and_backticks_render_in_bounded_time() -> None:
    for text in ("[" * 5000 + "x" + "]" * 5000 + "(" * 5000, "`" * 10000, "*_" * 5000, "<" * 5000):
        escaped = escape(text)
        assert not re.search(r"(?<!\\)" + MARKDOWN_SPECIALS.pattern, re.sub(r"\\.", "", escaped))
        started = time.perf_counter()
        rendered = markdown.markdown(escaped, extensions=EXTENSIONS)
        assert time.perf_counter() - started < 20
        assert BeautifulSoup(rendered, "html.parser").get_text() == text
