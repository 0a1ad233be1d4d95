"""Exporters: one output format per module, registered by name.

Modules are imported lazily, so choosing a format costs only its own imports.
An unknown name fails with the list of valid ones.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.errors import ExportError

#: format name -> ("module:function", default file name)
EXPORTERS: dict[str, tuple[str, str]] = {
    "json": ("graphbuild.exporters.nodelink:write_json", "graph.json"),
    "html": ("graphbuild.exporters.web:write_html", "graph.html"),
    "turtle": ("graphbuild.exporters.rdf:write_turtle", "graph.ttl"),
    "ntriples": ("graphbuild.exporters.rdf:write_ntriples", "graph.nt"),
    "nquads": ("graphbuild.exporters.rdf:write_nquads", "graph.nq"),
    "trig": ("graphbuild.exporters.rdf:write_trig", "graph.trig"),
    "jsonld": ("graphbuild.exporters.rdf:write_jsonld", "graph.jsonld"),
    "graphml": ("graphbuild.exporters.gephi:write_graphml", "graph.graphml"),
    "gexf": ("graphbuild.exporters.gephi:write_gexf", "graph.gexf"),
    "csv": ("graphbuild.exporters.propertygraph:write_csv", "graph-csv"),
}

Writer = Callable[..., None]


def get_exporter(name: str) -> Writer:
    """The writer function registered as ``name``."""
    try:
        target, _ = EXPORTERS[name]
    except KeyError:
        raise ExportError(f"unknown format {name!r}; choose one of: {', '.join(sorted(EXPORTERS))}") from None
    module, func = target.split(":")
    writer: Writer = getattr(importlib.import_module(module), func)
    return writer


def default_filename(name: str) -> str:
    """The file name a format is written to in an output directory."""
    get_exporter(name)
    return EXPORTERS[name][1]


def export(graph: nx.MultiDiGraph, name: str, path: str | Path, **options: Any) -> Path:
    """Write ``graph`` in format ``name`` to ``path`` (atomically)."""
    writer = get_exporter(name)
    writer(graph, Path(path), **options)
    return Path(path)
