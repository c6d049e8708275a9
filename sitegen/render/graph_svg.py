"""Relationship graphs drawn as inline SVG: the site's graph page and entity neighbourhoods.

Each node is a link to its entity's page (a URL computed for the built site, since MkDocs
does not rewrite links in raw HTML), coloured by kind (CSS classes ``sg-person``, ...),
sized by mentions; each edge is as thick as the number of shared sentences.
"""

from __future__ import annotations

import math

from sitegen.model import ENTITY_KINDS, Entity, EntityKind
from sitegen.render.context import RenderContext
from sitegen.render.graph import (
    KIND_NODES,
    Graph,
    Point,
    force_layout,
    neighbourhood,
    radial_layout,
    site_graph,
)
from sitegen.render.markdown import front_matter, link, relative
from sitegen.render.passages import KIND_LABEL, entity_link
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
    if graph.center:
        labels = {n.id: _centered_label(n, positions[n.id], graph, center) for n in graph.nodes}
    else:
        labels = free_labels(graph, positions, size)
    lines += [
        _node(node, positions[node.id], page, graph, labels.get(node.id)) for node in graph.nodes
    ]
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


Label = tuple[float, float, str]
"""Where a node's name is written: x, y (baseline) and the text anchor."""
CHAR_WIDTH = 7.2
"""Estimated width of a character of a 13px label (system sans-serif), for overlap tests."""
LABEL_HEIGHT = 15.0
Box = tuple[float, float, float, float]


def _radius(node: Entity) -> float:
    return min(5 + 2.5 * math.sqrt(len(node.mentions)), 26)


def _centered_label(node: Entity, point: Point, graph: Graph, center: Point) -> Label:
    """A neighbourhood's label: away from the center, below the center itself."""
    (x, y), radius = point, _radius(node)
    anchor, dx, dy = "middle", 0.0, radius + 13
    if graph.center and node.id != graph.center:
        if x > center[0] + 20:
            anchor, dx, dy = "start", radius + 4, 4
        elif x < center[0] - 20:
            anchor, dx, dy = "end", -radius - 4, 4
        elif y < center[1]:
            dy = -radius - 6
    return x + dx, y + dy, anchor


def free_labels(graph: Graph, positions: dict[str, Point], size: Point) -> dict[str, Label]:
    """Labels that overlap no other label and no other node, inside the picture: the most
    mentioned nodes choose first, below, above, right or left of their circle; a node with no
    free place keeps its circle, its tooltip and its link, unlabelled."""
    width, height = size
    circles = {
        node.id: _box(positions[node.id], _radius(node), _radius(node)) for node in graph.nodes
    }
    taken: list[Box] = []
    labels: dict[str, Label] = {}
    for node in sorted(graph.nodes, key=lambda n: -len(n.mentions)):
        (x, y), radius = positions[node.id], _radius(node)
        wide = CHAR_WIDTH * len(node.name)
        for label in (
            (x, y + radius + 13, "middle"),
            (x, y - radius - 6, "middle"),
            (x + radius + 4, y + 4, "start"),
            (x - radius - 4, y + 4, "end"),
        ):
            box = _label_box(label, wide)
            others = (circle for other, circle in circles.items() if other != node.id)
            if (
                box[0] >= 0
                and box[1] >= 0
                and box[2] <= width
                and box[3] <= height
                and not any(_overlap(box, other) for other in [*taken, *others])
            ):
                labels[node.id] = label
                taken.append(box)
                break
    return labels


def _box(point: Point, half_width: float, half_height: float) -> Box:
    (x, y), dx, dy = point, half_width, half_height
    return x - dx, y - dy, x + dx, y + dy


def _label_box(label: Label, wide: float) -> Box:
    x, y, anchor = label
    left = {"start": x, "end": x - wide}.get(anchor, x - wide / 2)
    return left, y - LABEL_HEIGHT + 4, left + wide, y + 4


def _overlap(one: Box, two: Box) -> bool:
    return one[0] < two[2] and two[0] < one[2] and one[1] < two[3] and two[1] < one[3]


def _node(node: Entity, point: Point, page: str, graph: Graph, label: Label | None) -> str:
    x, y = point
    mentions = "mention" if len(node.mentions) == 1 else "mentions"
    title = f"{node.name} ({KIND_LABEL[node.kind]}, {len(node.mentions)} {mentions})"
    classes = f"sg-node sg-{node.kind}" + (" sg-center" if node.id == graph.center else "")
    name = ""
    if label is not None:
        lx, ly, anchor = label
        name = f'<text x="{num(lx)}" y="{num(ly)}" text-anchor="{anchor}">{text(node.name)}</text>'
    return (
        f'<a href="{page_href(node.page, page)}" class="{classes}">'
        f"<title>{text(title)}</title>"
        f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(_radius(node))}"/>'
        f"{name}</a>"
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
    if graph.hidden_nodes:
        lines += [_kind_view(kind, context) for kind in ENTITY_KINDS]
    lines.append(_strongest(graph, context))
    return GRAPH_PAGE, "\n".join(lines)


KIND_TITLES = {"person": "People", "organization": "Organizations", "place": "Places"}


def _kind_view(kind: EntityKind, context: RenderContext) -> str:
    """A section with the graph of the most mentioned entities of one kind (a larger site's
    whole graph leaves most of each kind out)."""
    graph = site_graph(context, KIND_NODES, kind)
    if len(graph.nodes) < 2:
        return ""
    title = KIND_TITLES[kind]
    positions = force_layout(graph, *SITE_SIZE)
    picture = draw_graph(graph, positions, GRAPH_PAGE, SITE_SIZE, f"{title} named together")
    return (
        f"## {title}\n\n"
        f"The {len(graph.nodes)} most mentioned {title.lower()} and who of them is named "
        "with whom.\n\n" + picture
    )


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
            f"| {entity_link(first, GRAPH_PAGE)} "
            f"| {entity_link(second, GRAPH_PAGE)} | {edge.weight} |"
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
