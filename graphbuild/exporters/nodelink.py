"""graph.json: NetworkX node-link data (the scorer's contract)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def _records(data: dict[str, Any]) -> Iterator[str]:
    """Node-link JSON with one node or edge per line.

    Readable and diff-friendly like an indented file, but every record goes
    through json's C encoder (``indent`` would switch to the pure-Python one).
    """
    enc = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
    yield "{"
    keys = sorted(data)
    for n, key in enumerate(keys):
        value = data[key]
        comma = "," if n < len(keys) - 1 else ""
        if isinstance(value, _Records):
            yield f" {enc.encode(key)}: ["
            last = len(value) - 1
            for i, item in enumerate(value):
                yield f"  {enc.encode(item)}{',' if i < last else ''}"
            yield f" ]{comma}"
        else:
            yield f" {enc.encode(key)}: {enc.encode(value)}{comma}"
    yield "}"


def _lazy_node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """``nx.node_link_data`` of ``graph`` (``edges="edges"``), nodes and edges sorted, records built one at a time."""
    nodes = graph.nodes
    return {
        "directed": True,
        "multigraph": True,
        "graph": graph.graph,
        "nodes": _Records(sorted(nodes), lambda n: {**nodes[n], "id": n}),
        "edges": _Records(
            sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])),
            lambda e: {**e[3], "source": e[0], "target": e[1], "key": e[2]},
        ),
    }


def write_json(graph: nx.MultiDiGraph, path: Path, **_: Any) -> None:
    """Write graph.json (UTF-8, stable key order, one record per line), streaming record by record."""
    try:
        with atomic_open(path) as fh:
            for line in _records(_lazy_node_link(graph)):
                fh.write(line)
                fh.write("\n")
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc}") from exc


def read_json(path: Path) -> nx.MultiDiGraph:
    """Read a graph.json written by :func:`write_json`."""
    return from_node_link(json.loads(Path(path).read_text(encoding="utf-8")))
