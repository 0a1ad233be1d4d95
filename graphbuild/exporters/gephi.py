"""GraphML and GEXF: the graph for Gephi, yEd, Cytoscape and networkx, with flattened typed attributes.

Every node and edge attribute is a scalar (see :mod:`graphbuild.exporters.flat`);
networkx reads both files back with the same nodes and edges.
"""

from __future__ import annotations

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


def write_gexf(graph: nx.MultiDiGraph, path: Path, **_: Any) -> None:
    """Write GEXF 1.2 (Gephi's format): node labels, edge labels and weights, typed attributes."""

    def write(g: nx.MultiDiGraph, fh: IO[bytes]) -> None:
        for n, (s, o, k) in enumerate(g.edges(keys=True)):
            g.edges[s, o, k]["id"] = f"e{n}"  # unique edge ids, so parallel edges survive a round trip
            g.edges[s, o, k]["key"] = str(k)
        nx.write_gexf(g, fh, encoding="utf-8", version="1.2draft")

    _write(Path(path), write, graph)
