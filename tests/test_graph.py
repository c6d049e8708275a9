"""Graphs and the visual timeline: escaping, built-site links, limits, deterministic layout."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import markdown
import pytest
from bs4 import BeautifulSoup

from sitegen.model import Article, Block, Entity, EntityMention, Event, KnowledgeBase
from sitegen.render import render_site
from sitegen.render.context import RenderContext
from sitegen.render.graph import force_layout, site_graph
from sitegen.render.graph_svg import CHAR_WIDTH, LABEL_HEIGHT, render_graph_page
from sitegen.render.svg import page_href, text
from sitegen.render.timeline_svg import clusters, visual_timeline
from tests.helpers import tiny_kb

EXTENSIONS = ["attr_list", "admonition", "pymdownx.details", "tables", "toc"]
HOSTILE = "<script>alert(1)</script> \"Jo\" & 'Mo'"


def html_of(md: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(md, extensions=EXTENSIONS), "html.parser")


@pytest.mark.parametrize(
    ("target", "source", "expected"),
    [
        ("places/canada.md", "people/x.md", "../../places/canada/"),
        ("people/y.md", "people/x.md", "../y/"),
        ("people/x.md", "people/x.md", "./"),
        ("people/y.md", "graph.md", "../people/y/"),
        ("people/y.md", "index.md", "people/y/"),
        ("index.md", "people/x.md", "../../"),
        ("people/index.md", "places/x.md", "../../people/"),
        ("timeline.md#m2026-01", "timeline.md", "./#m2026-01"),
    ],
)
def test_page_href_targets_the_built_directory_url(target: str, source: str, expected: str) -> None:
    assert page_href(target, source) == expected


def test_page_href_without_directory_urls() -> None:
    assert (
        page_href("places/canada.md", "people/x.md", directory_urls=False)
        == "../places/canada.html"
    )


def test_svg_text_escapes_quotes_and_markup() -> None:
    assert (
        text(HOSTILE) == "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Jo&quot; &amp; &#x27;Mo&#x27;"
    )


def test_hostile_name_stays_text_in_every_svg() -> None:
    kb = tiny_kb(name=HOSTILE, sentence=f"{HOSTILE} spoke in Sylvania.")
    site = render_site(kb)
    for path in ("graph.md", "people/jane-doe.md"):
        soup = html_of(site[path])
        assert soup.find("script") is None, path
        assert soup.select("svg a.sg-node"), path
        labels = [node.get_text() for node in soup.select("svg a.sg-node text")]
        assert " ".join(HOSTILE.split()) in labels, path
        for anchor in soup.select("svg a[href]"):
            assert set(anchor.attrs) == {"href", "class"}, anchor.attrs


def test_graph_nodes_link_to_built_pages() -> None:
    page = render_site(tiny_kb())["people/jane-doe.md"]
    hrefs = {a["href"] for a in html_of(page).select("svg a.sg-node")}
    assert hrefs == {"./", "../../places/sylvania/"}


def crowd(count: int) -> KnowledgeBase:
    """``count`` places, each named with its neighbour, one more mention per place."""
    sentence_text = "x. " * count
    article = Article(
        "a", "a.txt", sentence_text, (Block("paragraph", 0, len(sentence_text), 1),), "A"
    )
    entities = tuple(
        Entity(
            id=f"place:p{i:03d}",
            kind="place",
            name=f"Place {i}",
            page=f"places/p{i:03d}.md",
            mentions=tuple(EntityMention("a", 0, 1, "x", s) for s in range(i, min(i + 2, count))),
        )
        for i in range(count)
    )
    return KnowledgeBase(articles=(article,), entities=entities)


def test_site_graph_keeps_the_top_nodes_and_counts_the_rest() -> None:
    context = RenderContext.build(crowd(200))
    graph = site_graph(context)
    assert len(graph.nodes) == 30 and graph.hidden_nodes == 170
    page = render_graph_page(context)[1]
    assert "+170 more" in page
    assert "## Places" in page  # a view per kind when the whole graph leaves some out


def test_site_graph_leaves_out_entities_without_a_page() -> None:
    kb = crowd(50)
    kb = replace(kb, entities=tuple(replace(e, page="") if e.name.endswith("9") else e
                                    for e in kb.entities))
    graph = site_graph(RenderContext.build(kb))
    assert graph.nodes and all(node.page for node in graph.nodes)
    assert graph.hidden_nodes == 45 - len(graph.nodes)


def label_boxes(svg: BeautifulSoup) -> list[tuple[float, float, float, float]]:
    boxes = []
    for label in svg.select("a.sg-node text"):
        x, y, wide = float(label["x"]), float(label["y"]), CHAR_WIDTH * len(label.get_text())
        left = {"start": x, "end": x - wide}.get(label["text-anchor"], x - wide / 2)
        boxes.append((left, y - LABEL_HEIGHT + 4, left + wide, y + 4))
    return boxes


def test_site_graph_labels_do_not_overlap() -> None:
    kb = crowd(60)
    kb = replace(kb, entities=tuple(replace(e, name=f"A rather long name {e.name}")
                                    for e in kb.entities))
    svg = html_of(render_graph_page(RenderContext.build(kb))[1]).select("svg")[0]
    boxes = label_boxes(svg)
    assert len(boxes) >= 10  # the most mentioned keep their names
    for index, one in enumerate(boxes):
        for two in boxes[index + 1 :]:
            overlap = one[0] < two[2] and two[0] < one[2] and one[1] < two[3] and two[1] < one[3]
            assert not overlap, (one, two)
    assert len(svg.select("a.sg-node")) == 30  # unlabelled nodes are still drawn and linked


def test_force_layout_is_deterministic_and_inside_the_box() -> None:
    graph = site_graph(RenderContext.build(crowd(30)))
    first = force_layout(graph, 800, 600)
    assert first == force_layout(graph, 800, 600)
    assert all(0 <= x <= 800 and 0 <= y <= 600 for x, y in first.values())


def event(date: str, precision: str = "day") -> Event:
    return Event(date, precision, "Something happened.", "a", 0, 0, 5, "then", "")  # type: ignore[arg-type]


def test_dense_events_cluster_and_get_a_close_up() -> None:
    events = [event(f"2026-01-{day:02d}") for day in range(10, 20)] + [event("2001", "year")]
    found = clusters(events, dt.date(2001, 1, 1), dt.date(2026, 1, 19))
    assert [len(c.events) for c in found] == [1, 10]
    svg = visual_timeline(events, "timeline.md")
    assert svg.count("<svg") == 2 and 'data-count="10"' in svg
    assert 'href="./#m2026-01"' in svg and 'href="./#y2001"' in svg


def test_timeline_headings_carry_the_anchors_markers_link_to() -> None:
    kb = KnowledgeBase(
        articles=tiny_kb().articles,
        analyses=tiny_kb().analyses,
        events=(event("2001", "year"), event("2026-01-14")),
    )
    page = render_site(kb)["timeline.md"]
    ids = {tag.get("id") for tag in html_of(page).select("h2, h3")}
    assert {"y2001", "y2026", "m2026-01"} <= ids
