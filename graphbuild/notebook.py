"""Notebook display: the interactive page inline in Jupyter, with no network.

:func:`show` returns an :class:`HtmlView`; Jupyter calls its
``_repr_html_``, which puts the whole self-contained page (vis-network
included) in an ``<iframe srcdoc>``, so its scripts and styles stay apart
from the notebook's.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild.atomic import atomic_write_text

if TYPE_CHECKING:
    import networkx as nx

    from graphbuild.api import KnowledgeGraph


class HtmlView:
    """The interactive page of a graph, displayed inline by Jupyter (``_repr_html_``)."""

    def __init__(self, page: str, height: int = 600) -> None:
        self.page = page
        """The complete, self-contained HTML page (what ``graph.html`` holds)."""
        self.height = height
        """Height of the inline frame in pixels."""

    def __repr__(self) -> str:
        return f"<HtmlView: {len(self.page)} characters of HTML>"

    def _repr_html_(self) -> str:
        """The page in a sandboxed ``<iframe srcdoc>`` (scripts allowed, no access to the notebook)."""
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
            f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd;" '
            'title="graphbuild graph"></iframe>'
        )

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (atomically); returns the path."""
        atomic_write_text(path, self.page)
        return Path(path)


def show(graph: KnowledgeGraph | nx.MultiDiGraph | Any, max_nodes: int | None = None, height: int = 600) -> HtmlView:
    """The interactive graph page for Jupyter: ``graphbuild.show(kg)`` as the last line of a cell draws it.

    ``graph`` is a :class:`~graphbuild.api.KnowledgeGraph` or the
    ``networkx.MultiDiGraph`` graphbuild builds; ``max_nodes`` keeps the most
    mentioned entities (as ``--html-max-nodes``).  Works offline: everything
    the page needs is inlined.
    """
    import networkx as nx

    from graphbuild.exporters.web import render_html

    g = graph if isinstance(graph, nx.MultiDiGraph) else getattr(graph, "graph", None)
    if not isinstance(g, nx.MultiDiGraph):
        raise TypeError(f"show() takes a KnowledgeGraph or a networkx.MultiDiGraph, not {type(graph).__name__}")
    return HtmlView(render_html(g, max_nodes=max_nodes), height=height)
