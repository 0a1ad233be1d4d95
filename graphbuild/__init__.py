"""graphbuild: knowledge graphs from English news, offline and deterministic.

Public API (see docs/api.md)::

    import graphbuild
    kg = graphbuild.build_graph(["Foreign Secretary David Lammy met Antony Blinken in Kyiv."])
    kg.query("posts").records()       # a shipped SPARQL query, or your own
    kg.to_networkx(), kg.to_rdflib(), kg.to_store()
    kg.write("graph.graphml")         # any output format
    graphbuild.show(kg)               # the interactive page in Jupyter

    # files to files, as the CLI does:
    report = graphbuild.build(["seeds/"], graphbuild.BuildOptions(outdir=Path("outputs")))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "BuildOptions",
    "BuildReport",
    "Document",
    "GraphbuildError",
    "HtmlView",
    "KnowledgeGraph",
    "QueryResult",
    "__version__",
    "build",
    "build_graph",
    "graph_from_docs",
    "iter_documents",
    "load",
    "show",
]

if TYPE_CHECKING:
    from graphbuild.api import KnowledgeGraph, build_graph, load
    from graphbuild.errors import GraphbuildError
    from graphbuild.model import Document
    from graphbuild.notebook import HtmlView, show
    from graphbuild.pipeline import BuildOptions, BuildReport, build
    from graphbuild.query import QueryResult
    from graphbuild.sources import iter_documents
    from graphbuild.spacy_component import graph_from_docs

#: public name -> module holding it (imported on first use, so importing graphbuild stays cheap)
_LAZY = {
    "build": "graphbuild.pipeline",
    "BuildOptions": "graphbuild.pipeline",
    "BuildReport": "graphbuild.pipeline",
    "iter_documents": "graphbuild.sources",
    "build_graph": "graphbuild.api",
    "load": "graphbuild.api",
    "KnowledgeGraph": "graphbuild.api",
    "show": "graphbuild.notebook",
    "HtmlView": "graphbuild.notebook",
    "Document": "graphbuild.model",
    "GraphbuildError": "graphbuild.errors",
    "QueryResult": "graphbuild.query",
    "graph_from_docs": "graphbuild.spacy_component",
}


def __getattr__(name: str) -> object:
    """Lazy public API, so importing graphbuild stays cheap."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
