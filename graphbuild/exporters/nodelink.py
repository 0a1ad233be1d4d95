"""graph.json: NetworkX node-link data (the scorer's contract)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.atomic import atomic_write_text
from graphbuild.graph import sorted_copy


def to_node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The node-link dict of ``graph``, nodes and edges in sorted order."""
    data: dict[str, Any] = nx.node_link_data(sorted_copy(graph), edges="edges")
    return data


def from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """Rebuild the graph from :func:`to_node_link` output."""
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    assert isinstance(g, nx.MultiDiGraph)
    return g


def write_json(graph: nx.MultiDiGraph, path: Path, **_: Any) -> None:
    """Write graph.json (UTF-8, stable key order, one trailing newline)."""
    text = json.dumps(to_node_link(graph), ensure_ascii=False, indent=1, sort_keys=True)
    atomic_write_text(path, text + "\n")


def read_json(path: Path) -> nx.MultiDiGraph:
    """Read a graph.json written by :func:`write_json`."""
    return from_node_link(json.loads(Path(path).read_text(encoding="utf-8")))
