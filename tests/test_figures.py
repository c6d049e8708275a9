"""sitegen's figures kept out of Python-Markdown (``sitegen/figures.py``): the same HTML as
Markdown makes of them, their ids kept, a misplaced placeholder refused."""

from __future__ import annotations

import markdown
import pytest

from sitegen.figures import Figures, converted_length
from sitegen.render import render_site
from tests.helpers import EXTENSIONS, tiny_kb

GRAPH = (
    '<figure class="sg-graph" data-search-exclude>\n'
    '<svg viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg" aria-label="a &amp; b">\n'
    '<g class="sg-nodes"><a href="../x/" class="sg-node" id="node-x"><title>X</title>'
    '<circle cx="1" cy="1" r="1"/></a></g>\n'
    "</svg>\n"
    "</figure>"
)
TIMELINE = GRAPH.replace('class="sg-graph"', 'class="sg-graph sg-timeline-figure"').replace(
    'id="node-x"', 'name="y2004"'
)
PAGE = (
    f"{GRAPH}\n\n# Jane Doe\n\nIntro with a [link](../a.md).\n\n## Connections\n\n{GRAPH}\n\n"
    "The names most often in the same sentences.\n\n- a list\n- of things\n\n"
    f"## Timeline\n\n{TIMELINE}\n"
)


def _html(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def test_figures_put_back_give_the_html_markdown_makes_of_them() -> None:
    figures = Figures()
    taken = figures.take_out("people/jane-doe.md", PAGE)
    assert "<figure" not in taken and "<svg" not in taken
    html, ids = figures.put_back("people/jane-doe.md", _html(taken))
    assert html == _html(PAGE)
    assert ids == {"node-x", "y2004"}


def test_generated_pages_convert_the_same_with_their_figures_kept_out() -> None:
    pages = render_site(tiny_kb())
    figures = Figures()
    for path in pages:
        text = pages[path]
        html, _ = figures.put_back(path, _html(figures.take_out(path, text)))
        assert html == _html(text), path


def test_a_figure_inside_other_markdown_is_left_to_markdown() -> None:
    """Only a block of its own (blank lines around it) is taken out."""
    nested = f"- an item\n\n    {GRAPH.replace(chr(10), chr(10) + '    ')}\n"
    glued = f"Text right before\n{GRAPH}\n"
    figures = Figures()
    for text in (nested, glued):
        assert figures.take_out("p.md", text) == text


def test_a_placeholder_that_lost_its_paragraph_is_an_error() -> None:
    figures = Figures()
    taken = figures.take_out("p.md", f"{GRAPH}\n")
    with pytest.raises(ValueError, match="p.md: figure 0 lost its place"):
        figures.put_back("p.md", _html(taken.replace("sitegen", "Glued to sitegen")))


def test_a_pages_cost_leaves_its_figures_out() -> None:
    assert converted_length(PAGE) == len(PAGE) - (PAGE.rfind("</figure>") - PAGE.find("<figure"))
    assert converted_length("# Plain\n") == len("# Plain\n")
