"""Keep an on-disk pyoxigraph store in step with the corpus graph.

The store holds the same named graphs as ``graph.nq``: one per document
(``<base>graph/doc/<id>``: its node, sentences, mentions, events and the
statements of its evidence) and the two corpus-level graphs
``<base>graph/entities`` and ``<base>graph/relations`` (relation triples,
posts, days).  Every triple is in exactly one graph, so the union default
graph answers as ``graph.ttl`` does.  An update

* replaces the graph of every document whose triples changed (or that the
  caller names in ``changed_docs``) and leaves the others untouched;
* drops the graphs of documents that are no longer in the corpus;
* replaces a corpus-level graph when it changed: a relation that only a
  removed or rewritten document supported leaves with it.

Graphs outside these names (data loaded by hand) are never touched.  A graph
is replaced by dropping it and adding its new quads in one ``extend`` call;
pyoxigraph holds an exclusive lock on an open store directory, so no other
process reads it meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from graphbuild.errors import ExportError
from graphbuild.exporters.rdf import RdfData, corpus_graph_iris, doc_graph_iri, rdf_of

log = logging.getLogger(__name__)


@dataclass
class StoreUpdate:
    """What :func:`update_store` did, by graph IRI."""

    replaced: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def summary(self) -> str:
        """One line for the build report."""
        return (
            f"store: {len(self.added)} graphs added, {len(self.replaced)} replaced, "
            f"{len(self.removed)} removed, {self.unchanged} unchanged"
        )


def _graph_quads(store: ox.Store, name: ox.NamedNode) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, name))


def _as_stored(rdf: RdfData, name: str) -> list[ox.Quad]:
    """The quads of graph ``name`` of ``rdf`` in the form an Oxigraph store gives them back.

    Oxigraph keeps only primitive XSD datatypes (``xsd:nonNegativeInteger``
    comes back as ``xsd:integer``), so compare in that form.  One graph at a
    time, so memory stays at one document's quads.
    """
    node = ox.NamedNode(name)
    mem = ox.Store()
    mem.load(rdf.graph_ntriples(name), ox.RdfFormat.N_TRIPLES, to_graph=node, lenient=True)
    return list(mem.quads_for_pattern(None, None, None, node))


def _replace(store: ox.Store, name: ox.NamedNode, quads: list[ox.Quad]) -> None:
    if store.contains_named_graph(name):
        store.remove_graph(name)
    store.add_graph(name)
    store.extend(quads)


def update_store(
    store_dir: str | Path,
    graph: nx.MultiDiGraph,
    base_iri: str | None = None,
    changed_docs: Iterable[str] | None = None,
    rdf: RdfData | None = None,
) -> StoreUpdate:
    """Bring the pyoxigraph store in ``store_dir`` up to date with ``graph``.

    ``changed_docs`` lists documents known to have changed; their graphs are
    replaced without comparing.  Every other document's graph is compared
    with the store and replaced only when its triples differ (entity IRIs can
    change when another document is added), so calling it with
    ``changed_docs=None`` is always correct, only slower.  ``rdf`` is the
    graph's conversion when the caller already has it (see
    :func:`graphbuild.exporters.rdf.write_rdf_formats`).
    """
    data = rdf_of(graph, base_iri, rdf)
    base = data.base
    doc_prefix = base + "graph/doc/"
    corpus = set(corpus_graph_iris(base))
    wanted = {name for name in data.graphs if name.startswith(doc_prefix) or name in corpus}
    forced = {doc_graph_iri(d, base) for d in (changed_docs or ())}
    report = StoreUpdate()
    try:
        store = ox.Store(str(store_dir))
    except OSError as exc:
        raise ExportError(f"{store_dir}: cannot open the pyoxigraph store: {exc}") from None
    try:
        existing = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
        for name in sorted(existing):
            if (name.startswith(doc_prefix) or name in corpus) and name not in wanted:
                store.remove_graph(ox.NamedNode(name))
                report.removed.append(name)
        for name in sorted(wanted):
            node = ox.NamedNode(name)
            quads = _as_stored(data, name)
            if name not in existing:
                _replace(store, node, quads)
                report.added.append(name)
            elif name in forced or _graph_quads(store, node) != set(quads):
                _replace(store, node, quads)
                report.replaced.append(name)
            else:
                report.unchanged += 1
        store.flush()
    finally:
        del store
    log.info(report.summary())
    return report
