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


def dumps_node_link(data: dict[str, Any]) -> str:
    """Node-link JSON with one node or edge per line.

    Readable and diff-friendly like an indented file, but every record goes
    through json's C encoder (``indent`` would switch to the pure-Python one).
    """
    enc = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
    parts = ["{"]
    keys = sorted(data)
    for n, key in enumerate(keys):
        value = data[key]
        comma = "," if n < len(keys) - 1 else ""
        if key in ("nodes", "edges", "links") and isinstance(value, list):
            parts.append(f" {enc.encode(key)}: [")
            parts.extend(f"  {enc.encode(item)}{',' if i < len(value) - 1 else ''}" for i, item in enumerate(value))
            parts.append(f" ]{comma}")
        else:
            parts.append(f" {enc.encode(key)}: {enc.encode(value)}{comma}")
    parts.append("}")
    return "\n".join(parts) + "\n"


def write_json(graph: nx.MultiDiGraph, path: Path, **_: Any) -> None:
    """Write graph.json (UTF-8, stable key order, one record per line)."""
    atomic_write_text(path, dumps_node_link(to_node_link(graph)))


def read_json(path: Path) -> nx.MultiDiGraph:
    """Read a graph.json written by :func:`write_json`."""
    return from_node_link(json.loads(Path(path).read_text(encoding="utf-8")))
