"""Fast, deterministic node positions for large graphs in the HTML page.

networkx's ``spring_layout`` needs SciPy above 500 nodes and costs seconds
at 5,000, so large graphs are laid out in three cheap steps:

1. the ``core`` (the most connected nodes) with ``spring_layout`` (dense,
   seeded), joined also through the nodes they share, so entities that meet
   only through an event still sit close;
2. every other node reachable from the core, breadth first, on a sunflower
   spiral around its best-connected placed neighbour (or near the centroid of
   its placed neighbours), so leaves fan out around their hub without overlap;
3. the components the core does not reach, each laid out alone (small ones
   fanned out around their hub, larger ones spring-laid) and packed in rows
   below the main picture.

The result depends only on the graph (node ids, edges), never on dict order
or a clock.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable

import networkx as nx

#: Golden angle (radians): consecutive spiral points never line up.
GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))

Pos = dict[str, tuple[float, float]]


def _spiral(k: int, step: float) -> tuple[float, float]:
    """The ``k``-th point of a sunflower spiral with roughly ``step`` between points."""
    r = step * math.sqrt(k + 1.0)
    a = k * GOLDEN_ANGLE
    return r * math.cos(a), r * math.sin(a)


def _spring(g: nx.Graph, seed: int, scale: float) -> Pos:
    """Seeded spring layout (dense solver: only call with fewer than 500 nodes)."""
    if len(g) == 1:
        return {str(next(iter(g))): (0.0, 0.0)}
    raw = nx.spring_layout(g, seed=seed, iterations=60, scale=scale, weight="weight")
    return {str(n): (float(p[0]), float(p[1])) for n, p in raw.items()}


def _sorted_nodes(nodes: Iterable[Hashable]) -> list[str]:
    return sorted(str(n) for n in nodes)


#: Components up to this size are fanned out around their hub instead of spring-laid (thousands of
#: two- and three-node pieces, an event and its arguments, cost seconds of spring layouts otherwise).
SMALL_COMPONENT = 12


def _fan_out(u: nx.Graph, pos: Pos, frontier: list[str], deg: dict[str, int], spacing: float) -> None:
    """Place every node reachable from ``frontier`` (already placed), breadth first, on spirals
    around its best-connected placed neighbour, or near the centroid of its placed neighbours."""
    children: dict[str, int] = {}
    while frontier:
        nxt: set[str] = set()
        for n in frontier:
            nxt.update(m for m in u.adj[n] if m not in pos)
        ring = sorted(nxt, key=lambda n: (-deg[n], n))
        for n in ring:
            anchors = sorted((m for m in u.adj[n] if m in pos), key=lambda m: (-deg[m], m))
            primary = anchors[0]
            k = children.get(primary, 0)
            children[primary] = k + 1
            if len(anchors) == 1:
                cx, cy = pos[primary]
                dx, dy = _spiral(k, spacing * 0.55)
            else:
                cx = sum(pos[m][0] for m in anchors) / len(anchors)
                cy = sum(pos[m][1] for m in anchors) / len(anchors)
                dx, dy = _spiral(k, spacing * 0.3)
            pos[n] = (cx + dx, cy + dy)
        frontier = ring


def large_layout(graph: nx.Graph, seed: int = 7, core_size: int = 300, spacing: float = 40.0) -> Pos:
    """Positions (pixels, centred on 0) for every node of ``graph`` (directions and multi-edges ignored)."""
    u = nx.Graph()
    u.add_nodes_from(_sorted_nodes(graph.nodes))
    u.add_edges_from(sorted({tuple(sorted((str(a), str(b)))) for a, b in graph.edges() if a != b}))
    if len(u) == 0:
        return {}
    deg = dict(u.degree())
    order = sorted(u.nodes, key=lambda n: (-deg[n], n))
    core = set(order[: min(core_size, len(order))])

    # 1. the core, joined directly and through shared non-core neighbours
    cg = nx.Graph()
    cg.add_nodes_from(sorted(core))
    for a, b in u.edges:
        if a in core and b in core:
            cg.add_edge(a, b, weight=1.0)
    for n in order:
        if n in core:
            continue
        hubs = sorted((m for m in u.adj[n] if m in core), key=lambda m: (-deg[m], m))[:12]
        for i, a in enumerate(hubs):
            for b in hubs[i + 1 :]:
                w = cg.edges[a, b]["weight"] + 0.3 if cg.has_edge(a, b) else 0.3
                cg.add_edge(a, b, weight=w)
    radius = spacing * math.sqrt(len(u)) / 2.0
    pos: Pos = _spring(cg, seed, radius)

    # 2. breadth first from the core: spirals around the best placed neighbour
    _fan_out(u, pos, sorted(core), deg, spacing)

    # 3. whatever the core does not reach: each component alone, packed in rows
    rest = [c for c in nx.connected_components(u.subgraph([n for n in u.nodes if n not in pos]))]
    if rest:
        comps = sorted((sorted(c) for c in rest), key=lambda c: (-len(c), c[0]))
        xs = [p[0] for p in pos.values()] or [0.0]
        ys = [p[1] for p in pos.values()] or [0.0]
        left, right = min(xs), max(xs)
        width = max(right - left, spacing * 20)
        x, y, row_h = left, max(ys) + spacing * 3, 0.0
        for comp in comps:
            sub = u.subgraph(comp)
            if len(comp) > SMALL_COMPONENT:
                local = _spring(sub, seed, spacing * 0.5 * math.sqrt(len(comp)))
            else:  # an event and its few arguments: its hub in the middle, the rest fanned out around it
                hub = min(comp, key=lambda n: (-deg[n], n))
                local = {hub: (0.0, 0.0)}
                _fan_out(u, local, [hub], deg, spacing)
            lx = [p[0] for p in local.values()]
            ly = [p[1] for p in local.values()]
            w = max(lx) - min(lx) + spacing
            h = max(ly) - min(ly) + spacing
            if x + w > left + width and x > left:
                x, y, row_h = left, y + row_h, 0.0
            for n, (px, py) in local.items():
                pos[n] = (x + px - min(lx) + spacing / 2, y + py - min(ly) + spacing / 2)
            x += w
            row_h = max(row_h, h)
    return {n: (round(p[0], 1), round(p[1], 1)) for n, p in sorted(pos.items())}
