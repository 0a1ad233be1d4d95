"""GraphML and GEXF: the graph for Gephi, yEd, Cytoscape and networkx, with flattened typed attributes.

Every node and edge attribute is a scalar (see :mod:`graphbuild.exporters.flat`);
networkx reads both files back with the same nodes and edges.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, cast

import networkx as nx

from graphbuild.atomic import atomic_open
from graphbuild.errors import ExportError
from graphbuild.exporters.flat import flat_graph


def _write(path: Path, write: Any, graph: nx.MultiDiGraph) -> None:
    flat = flat_graph(graph)
    try:
        with atomic_open(path, "wb") as fh:
            write(flat, cast(IO[bytes], fh))
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc}") from exc


def write_graphml(graph: nx.MultiDiGraph, path: Path, **_: Any) -> None:
    """Write GraphML (typed ``<key>`` declarations; an edge's id is its graph.json key)."""
    _write(Path(path), lambda g, fh: nx.write_graphml_xml(g, fh, encoding="utf-8", named_key_ids=True), graph)


def _rgb(colour: str) -> dict[str, Any]:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16), "a": 1.0}


def node_viz(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """GEXF ``viz`` of a node: the colour the HTML page gives its type (events: their event type), size by mentions."""
    from graphbuild.exporters.web import ENTITY_STYLE, EVENT_COLOURS, OTHER_STYLE

    if attrs.get("type") == "Event":
        colour = EVENT_COLOURS.get(str(attrs.get("event_type")), OTHER_STYLE[1])
        size = 8.0
    else:
        colour = ENTITY_STYLE.get(str(attrs.get("type")), OTHER_STYLE)[1]
        size = round(min(48.0, 10.0 + 6.0 * math.log2(1 + max(0, int(attrs.get("mention_count") or 0)))), 1)
    return {"color": _rgb(colour), "size": size}


def write_gexf(graph: nx.MultiDiGraph, path: Path, **_: Any) -> None:
    """Write GEXF 1.2 (Gephi's format): node labels, colours and sizes, edge labels and weights, typed attributes."""

    def write(g: nx.MultiDiGraph, fh: IO[bytes]) -> None:
        for node in g.nodes:
            g.nodes[node]["viz"] = node_viz(graph.nodes[node])
        for n, (s, o, k) in enumerate(g.edges(keys=True)):
            g.edges[s, o, k]["id"] = f"e{n}"  # unique edge ids, so parallel edges survive a round trip
            g.edges[s, o, k]["key"] = str(k)
        nx.write_gexf(g, fh, encoding="utf-8", version="1.2draft")

    _write(Path(path), write, graph)
