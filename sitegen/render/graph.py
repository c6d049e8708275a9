"""Relationship graphs: who is named with whom, as data, with deterministic layouts.

Nodes are entities sized by their mentions; an edge joins two entities named in the same
sentence, weighted by how many sentences they share. Large graphs keep the top nodes by
mentions (and the strongest edges) and count the rest, so the picture stays readable.
Drawing is in :mod:`sitegen.render.graph_svg`.
"""

from __future__ import annotations

import functools
import math
import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from sitegen.model import Entity, EntityKind
from sitegen.render.context import RenderContext

SITE_NODES = 30
"""Nodes of the whole site's graph (the most mentioned entities with a page of their own)."""
KIND_NODES = 20
"""Nodes of each per-kind graph on the graph page."""
SITE_EDGES = 120
NEIGHBOURS = 12
LAYOUT_SEED = 20260113
LAYOUT_ROUNDS = 150
GRAVITY = 0.6

Point = tuple[float, float]


@dataclass(frozen=True)
class Edge:
    """Two entities named together, and in how many sentences."""

    first: str
    second: str
    weight: int


@dataclass(frozen=True)
class Graph:
    """The nodes and edges to draw, and how many of each were left out."""

    nodes: tuple[Entity, ...]
    edges: tuple[Edge, ...]
    hidden_nodes: int = 0
    hidden_edges: int = 0
    center: str = ""
    """The id of the entity a neighbourhood graph is drawn around ("" for the site graph)."""


def site_graph(
    context: RenderContext, limit: int = SITE_NODES, kind: EntityKind | None = None
) -> Graph:
    """The whole site's graph: the ``limit`` most mentioned entities with a page of their own
    (of ``kind``, if given) and their strongest ties."""
    ranked = sorted(
        (e for e in context.kb.entities if e.page and kind in (None, e.kind)),
        key=lambda e: (-len(e.mentions), e.name.casefold(), e.id),
    )
    nodes = tuple(ranked[:limit])
    edges = _edges_among({node.id for node in nodes}, context)
    all_edges = _edges_among({entity.id for entity in ranked}, context)
    return Graph(
        nodes=nodes,
        edges=tuple(edges[:SITE_EDGES]),
        hidden_nodes=len(ranked) - len(nodes),
        hidden_edges=len(all_edges) - min(len(edges), SITE_EDGES),
    )


def neighbourhood(entity: Entity, context: RenderContext, limit: int = NEIGHBOURS) -> Graph:
    """The entity and the ``limit`` entities with a page of their own it shares most sentences
    with (every node is a link)."""
    counts: Mapping[str, int] = context.together.get(entity.id, {})
    ranked = sorted(
        (i for i in counts if context.entities[i].page),
        key=lambda i: (-counts[i], context.entities[i].name.casefold(), i),
    )
    chosen = [context.entities[i] for i in ranked[:limit]]
    edges = _edges_among({entity.id, *(other.id for other in chosen)}, context)
    return Graph(
        nodes=(entity, *chosen),
        edges=tuple(edges),
        hidden_nodes=len(ranked) - len(chosen),
        center=entity.id,
    )


def _edges_among(ids: set[str], context: RenderContext) -> list[Edge]:
    """Every co-occurrence edge between two of ``ids``, strongest first (pairs looked up when
    they are few, not every tie of a node named with thousands)."""
    ordered = sorted(ids)
    if len(ordered) ** 2 < sum(len(context.together.get(i, ())) for i in ordered):
        pairs = (
            (first, second, context.together.get(first, Counter()).get(second, 0))
            for index, first in enumerate(ordered)
            for second in ordered[index + 1 :]
        )
    else:
        pairs = (
            (first, second, count)
            for first in ordered
            for second, count in context.together.get(first, {}).items()
            if second in ids and first < second
        )
    edges = [Edge(first, second, count) for first, second, count in pairs if count]
    return sorted(edges, key=lambda e: (-e.weight, e.first, e.second))


def radial_layout(graph: Graph, width: float, height: float) -> dict[str, Point]:
    """The center in the middle, its neighbours on a circle, strongest at the top, clockwise."""
    cx, cy = width / 2, height / 2
    positions = {graph.center: (cx, cy)}
    others = [node for node in graph.nodes if node.id != graph.center]
    radius = min(width, height) / 2 - 70
    for index, node in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(others), 1)
        positions[node.id] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return positions


def force_layout(graph: Graph, width: float, height: float) -> dict[str, Point]:
    """A Fruchterman-Reingold layout from a fixed seed, scaled to fill the box (deterministic:
    a function of the nodes' ids and the edges only, so the graph page's layouts are kept
    from one build of ``mkdocs serve`` to the next while the ties among them stay)."""
    return dict(_layout(tuple(node.id for node in graph.nodes), graph.edges, width, height))


@functools.lru_cache(maxsize=8)
def _layout(
    ids: tuple[str, ...], edges: tuple[Edge, ...], width: float, height: float
) -> dict[str, Point]:
    if len(ids) < 2:
        return {i: (width / 2, height / 2) for i in ids}
    rng = random.Random(LAYOUT_SEED)
    pos = {i: [rng.uniform(0, width), rng.uniform(0, height)] for i in ids}
    k = math.sqrt(width * height / len(ids))
    for round_ in range(LAYOUT_ROUNDS):
        shift = {i: [0.0, 0.0] for i in ids}
        for a_index, a in enumerate(ids):
            for b in ids[a_index + 1 :]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = math.hypot(dx, dy) or 0.01
                push = k * k / dist
                shift[a][0] += dx / dist * push
                shift[a][1] += dy / dist * push
                shift[b][0] -= dx / dist * push
                shift[b][1] -= dy / dist * push
        for edge in edges:
            one, two = pos[edge.first], pos[edge.second]
            dx, dy = one[0] - two[0], one[1] - two[1]
            dist = math.hypot(dx, dy) or 0.01
            pull = dist * dist / k * (1 + math.log(edge.weight))
            for node, sign in ((edge.first, -1), (edge.second, 1)):
                shift[node][0] += sign * dx / dist * pull
                shift[node][1] += sign * dy / dist * pull
        for i in ids:  # gravity: unconnected nodes stay near the middle
            shift[i][0] += (width / 2 - pos[i][0]) * GRAVITY
            shift[i][1] += (height / 2 - pos[i][1]) * GRAVITY
        temperature = width / 10 * (1 - round_ / LAYOUT_ROUNDS)
        for i in ids:
            dx, dy = shift[i]
            length = math.hypot(dx, dy) or 0.01
            step = min(length, temperature)
            pos[i][0] += dx / length * step
            pos[i][1] += dy / length * step
    return _fit({i: (p[0], p[1]) for i, p in pos.items()}, width, height)


def _fit(
    points: dict[str, Point], width: float, height: float, margin: float = 60
) -> dict[str, Point]:
    """Points scaled and moved to fill the box inside ``margin``."""
    xs = [p[0] for p in points.values()]
    ys = [p[1] for p in points.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {
        i: (
            margin + (x - min(xs)) / span_x * (width - 2 * margin),
            margin + (y - min(ys)) / span_y * (height - 2 * margin),
        )
        for i, (x, y) in points.items()
    }
