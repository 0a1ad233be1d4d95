"""graph.json: NetworkX node-link data (the scorer's contract)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import networkx as nx

from graphbuild.atomic import atomic_open
from graphbuild.errors import ExportError


def from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """Rebuild the graph from node-link data (what graph.json holds)."""
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    assert isinstance(g, nx.MultiDiGraph)
    return g


class _Records:
    """A sized, lazily built sequence of node or edge records (no copy of the graph is made)."""

    def __init__(self, items: list[Any], make: Any) -> None:
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self._make(item) for item in self._items)


#: The one encoder of graph.json: C-accelerated, stable key order, UTF-8 text as it is.
ENCODER: Final = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(", ", ": "))


def node_record(graph: nx.MultiDiGraph, node: Any) -> str:
    """The graph.json record of one node, encoded."""
    return ENCODER.encode({**graph.nodes[node], "id": node})


def edge_record(graph: nx.MultiDiGraph, source: Any, target: Any, key: Any) -> str:
    """The graph.json record of one edge, encoded."""
    return ENCODER.encode({**graph.edges[source, target, key], "source": source, "target": target, "key": key})


def _records(data: dict[str, Any]) -> Iterator[str]:
    """Node-link JSON with one node or edge per line.

    Readable and diff-friendly like an indented file, but every record goes
    through json's C encoder (``indent`` would switch to the pure-Python one).
    ``data["nodes"]`` and ``data["edges"]`` are sized iterables of encoded records.
    """
    enc = ENCODER
    yield "{"
    keys = sorted(data)
    for n, key in enumerate(keys):
        value = data[key]
        comma = "," if n < len(keys) - 1 else ""
        if key in ("nodes", "edges"):
            yield f" {enc.encode(key)}: ["
            last = len(value) - 1
            for i, item in enumerate(value):
                yield f"  {item}{',' if i < last else ''}"
            yield f" ]{comma}"
        else:
            yield f" {enc.encode(key)}: {enc.encode(value)}{comma}"
    yield "}"


def _lazy_node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """``nx.node_link_data`` of ``graph`` (``edges="edges"``), nodes and edges sorted, records encoded one at a time."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": graph.graph,
        "nodes": _Records(sorted(graph.nodes), lambda n: node_record(graph, n)),
        "edges": _Records(
            sorted(graph.edges(keys=True), key=lambda e: (e[0], e[1], e[2])),
            lambda e: edge_record(graph, *e),
        ),
    }


def write_records(path: Path, graph_attrs: Mapping[str, Any], nodes: Sequence[str], edges: Sequence[str]) -> None:
    """Write graph.json from encoded node and edge records (already in id order)."""
    write_node_link(path, {"directed": True, "multigraph": True, "graph": graph_attrs, "nodes": nodes, "edges": edges})


def write_node_link(path: Path, data: Mapping[str, Any]) -> None:
    """Write node-link ``data`` (nodes and edges as encoded records) to ``path`` atomically."""
    try:
        with atomic_open(path) as fh:
            for line in _records(dict(data)):
                fh.write(line)
                fh.write("\n")
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc}") from exc


def write_json(graph: nx.MultiDiGraph, path: Path, **_: Any) -> None:
    """Write graph.json (UTF-8, stable key order, one record per line), streaming record by record."""
    write_node_link(path, _lazy_node_link(graph))


def read_json(path: Path) -> nx.MultiDiGraph:
    """Read a graph.json written by :func:`write_json`."""
    return from_node_link(json.loads(Path(path).read_text(encoding="utf-8")))
