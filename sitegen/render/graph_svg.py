"""Relationship graphs drawn as inline SVG: the site's graph page and entity neighbourhoods.

Each node is a link to its entity's page (a URL computed for the built site, since MkDocs
does not rewrite links in raw HTML), coloured by kind (CSS classes ``sg-person``, ...),
sized by mentions; each edge is as thick as the number of shared sentences.
"""

from __future__ import annotations

import math

from sitegen.model import Entity
from sitegen.render.context import RenderContext
from sitegen.render.graph import (
    Graph,
    Point,
    force_layout,
    neighbourhood,
    radial_layout,
    site_graph,
)
from sitegen.render.markdown import front_matter, link, relative
from sitegen.render.passages import KIND_LABEL
from sitegen.render.svg import num, page_href, text

GRAPH_PAGE = "graph.md"
SITE_SIZE = (800.0, 600.0)
NEIGHBOURHOOD_SIZE = (640.0, 400.0)
STRONGEST_LISTED = 30


def draw_graph(
    graph: Graph, positions: dict[str, Point], page: str, size: Point, label: str
) -> str:
    """A ``<figure>`` with the graph as SVG: edges, then linked nodes with labels."""
    width, height = size
    lines = [
        '<figure class="sg-graph" data-search-exclude>',
        f'<svg viewBox="0 0 {num(width)} {num(height)}" xmlns="http://www.w3.org/2000/svg" '
        f'aria-label="{text(label)}">',
        f"<title>{text(label)}</title>",
        _legend(),
        '<g class="sg-edges">',
    ]
    names = {node.id: node.name for node in graph.nodes}
    for edge in graph.edges:
        (x1, y1), (x2, y2) = positions[edge.first], positions[edge.second]
        shared = "sentence" if edge.weight == 1 else "sentences"
        title = f"{names[edge.first]} and {names[edge.second]}: {edge.weight} shared {shared}"
        side = (
            ' class="sg-side"'
            if graph.center and graph.center not in (edge.first, edge.second)
            else ""
        )
        lines.append(
            f'<line{side} x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
            f'stroke-width="{num(min(1 + math.log2(edge.weight), 6))}">'
            f"<title>{text(title)}</title></line>"
        )
    lines.append("</g>")
    lines.append('<g class="sg-nodes">')
    center = positions.get(graph.center, (width / 2, height / 2))
    lines += [_node(node, positions[node.id], page, graph, center) for node in graph.nodes]
    lines.append("</g>")
    if graph.hidden_nodes:
        lines.append(
            f'<text class="sg-more" x="{num(width - 10)}" y="{num(height - 10)}" '
            f'text-anchor="end">+{graph.hidden_nodes} more</text>'
        )
    lines += ["</svg>", "</figure>"]
    return "\n".join(lines) + "\n"


def _legend() -> str:
    items = []
    for index, (kind, label) in enumerate(KIND_LABEL.items()):
        y = 18 + index * 18
        items.append(
            f'<circle class="sg-{kind}" cx="14" cy="{y}" r="6"/>'
            f'<text x="26" y="{y + 4}">{label}</text>'
        )
    return '<g class="sg-legend">' + "".join(items) + "</g>"


def _node(node: Entity, point: Point, page: str, graph: Graph, center: Point) -> str:
    x, y = point
    radius = min(5 + 2.5 * math.sqrt(len(node.mentions)), 26)
    anchor, dx, dy = "middle", 0.0, radius + 13
    if graph.center and node.id != graph.center:
        if x > center[0] + 20:
            anchor, dx, dy = "start", radius + 4, 4
        elif x < center[0] - 20:
            anchor, dx, dy = "end", -radius - 4, 4
        elif y < center[1]:
            dy = -radius - 6
    mentions = "mention" if len(node.mentions) == 1 else "mentions"
    title = f"{node.name} ({KIND_LABEL[node.kind]}, {len(node.mentions)} {mentions})"
    classes = f"sg-node sg-{node.kind}" + (" sg-center" if node.id == graph.center else "")
    return (
        f'<a href="{page_href(node.page, page)}" class="{classes}">'
        f"<title>{text(title)}</title>"
        f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(radius)}"/>'
        f'<text x="{num(x + dx)}" y="{num(y + dy)}" text-anchor="{anchor}">{text(node.name)}</text>'
        "</a>"
    )


def render_graph_page(context: RenderContext) -> tuple[str, str]:
    """``graph.md``: the whole site's graph and its strongest connections as a table."""
    graph = site_graph(context)
    lines = [
        front_matter({"title": "Graph"}),
        "# Graph\n",
        f"Who is named with whom. The {len(graph.nodes)} most mentioned people, organizations "
        "and places; each circle is sized by mentions and links to its page, each line joins "
        "two names that share sentences and is thicker the more they share.",
    ]
    if graph.hidden_nodes:
        lines[-1] += (
            f" {graph.hidden_nodes} less mentioned entities are left out"
            f" (+{graph.hidden_nodes} more)."
        )
    lines.append("")
    if graph.nodes:
        positions = force_layout(graph, *SITE_SIZE)
        lines.append(draw_graph(graph, positions, GRAPH_PAGE, SITE_SIZE, "Relationship graph"))
    lines.append(_strongest(graph, context))
    return GRAPH_PAGE, "\n".join(lines)


def _strongest(graph: Graph, context: RenderContext) -> str:
    if not graph.edges:
        return ""
    lines = [
        "## Strongest connections\n",
        "| Between | And | Shared sentences |",
        "| --- | --- | --- |",
    ]
    for edge in graph.edges[:STRONGEST_LISTED]:
        first, second = context.entities[edge.first], context.entities[edge.second]
        lines.append(
            f"| {link(first.name, relative(first.page, GRAPH_PAGE))} "
            f"| {link(second.name, relative(second.page, GRAPH_PAGE))} | {edge.weight} |"
        )
    return "\n".join(lines) + "\n"


def graph_for_entity(entity: Entity, context: RenderContext, page: str) -> str:
    """A "## Connections" section with the entity's neighbourhood graph, "" if it has none."""
    graph = neighbourhood(entity, context)
    if len(graph.nodes) < 2:
        return ""
    positions = radial_layout(graph, *NEIGHBOURHOOD_SIZE)
    label = f"{entity.name} and the names most often in the same sentences"
    more = f" (+{graph.hidden_nodes} more in the list below)" if graph.hidden_nodes else ""
    site = link("the whole graph", relative(GRAPH_PAGE, page))
    return (
        "## Connections\n\n"
        + draw_graph(graph, positions, page, NEIGHBOURHOOD_SIZE, label)
        + f"\nThe names most often in the same sentences{more}; see also {site}.\n"
    )
