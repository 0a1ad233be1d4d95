"""The Python API: build a knowledge graph in memory and use it.

:func:`build_graph` reads texts, :class:`~graphbuild.model.Document` records
or paths and returns a :class:`KnowledgeGraph`, which gives the graph as a
``networkx.MultiDiGraph``, an ``rdflib.Graph`` or a pyoxigraph ``Store``,
writes any output format and runs shipped or own SPARQL queries.  Nothing is
written to disk unless asked.  See docs/api.md.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild.errors import ExportError, GraphbuildError, InputError, QueryError
from graphbuild.model import GROUP_TYPE, DocResult, Document
from graphbuild.pipeline import BuildOptions

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph as ox
    import rdflib

    from graphbuild.exporters.rdf import RdfData
    from graphbuild.notebook import HtmlView
    from graphbuild.query import QueryResult

log = logging.getLogger(__name__)

#: What :func:`build_graph` reads: a ``str`` is article text, a ``Path`` a file or
#: directory (``.txt``, ``.jsonl``, ``.csv``), a ``Document`` a ready record.
Source = str | Path | Document

_RDF_FORMATS = frozenset({"turtle", "ntriples", "nquads", "trig", "jsonld"})


def format_for_path(path: str | Path) -> str:
    """The registered output format whose default file name has the suffix of ``path``.

    >>> format_for_path("out/graph.ttl")
    'turtle'
    """
    from graphbuild.exporters import EXPORTERS

    suffix = Path(path).suffix.lower()
    for name, (_, filename) in EXPORTERS.items():
        if suffix and Path(filename).suffix == suffix:
            return name
    raise ExportError(f"{path}: cannot tell the format from the suffix {suffix!r}; pass format=NAME")


class KnowledgeGraph:
    """A built graph: the networkx graph plus the views and writers around it.

    Made by :func:`build_graph` or :func:`load`.  The RDF conversion and the
    pyoxigraph store are made once, on first use.
    """

    def __init__(self, graph: nx.MultiDiGraph, errors: Sequence[str] = (), base_iri: str | None = None) -> None:
        self.graph: nx.MultiDiGraph = graph
        """The corpus graph (the attributes of docs/graph-json.md)."""
        self.errors: list[str] = list(errors)
        """One line per input that could not be read or extracted (it was skipped)."""
        self.base_iri: str | None = base_iri
        self._rdf: RdfData | None = None
        self._store: ox.Store | None = None

    def __repr__(self) -> str:
        c = self.counts()
        return (
            f"<KnowledgeGraph: {c['documents']} documents, {c['entities']} entities, "
            f"{c['relations']} relations, {c['events']} events, {len(self.errors)} errors>"
        )

    def counts(self) -> dict[str, int]:
        """Documents, entities, relations (entity-to-entity edges) and events, as the build summary counts them."""
        nodes = self.graph.nodes
        events = sum(1 for _, a in nodes(data=True) if a.get("type") == "Event")
        groups = sum(1 for _, a in nodes(data=True) if a.get("type") == GROUP_TYPE)  # no entities
        return {
            "documents": len(self.graph.graph.get("documents") or {}),
            "entities": self.graph.number_of_nodes() - events - groups,
            "relations": sum(1 for s, _ in self.graph.edges() if nodes[s].get("type") != "Event"),
            "events": events,
        }

    def to_networkx(self) -> nx.MultiDiGraph:
        """The graph as a ``networkx.MultiDiGraph`` (the object itself, not a copy)."""
        return self.graph

    def rdf(self) -> RdfData:
        """The RDF conversion (one named graph per document plus the entities graph)."""
        if self._rdf is None:
            from graphbuild.exporters.rdf import to_rdf

            self._rdf = to_rdf(self.graph, self.base_iri)
        return self._rdf

    def to_rdflib(self) -> rdflib.Graph:
        """All triples in an ``rdflib.Graph`` (with the output's prefixes bound)."""
        import rdflib

        from graphbuild.query import default_prefixes

        g = rdflib.Graph()
        for prefix, iri in default_prefixes().items():
            g.bind(prefix, iri)
        g.parse(data=self.rdf().ntriples().decode("utf-8"), format="nt")
        return g

    def to_store(self) -> ox.Store:
        """An in-memory pyoxigraph ``Store`` with one named graph per document and the entities graph.

        The same store is returned on every call; :meth:`query` uses it.
        """
        if self._store is None:
            import pyoxigraph as ox

            store = ox.Store()
            store.bulk_load(self.rdf().nquads(), format=ox.RdfFormat.N_QUADS)
            self._store = store
        return self._store

    def query(self, query: str | Path, params: Mapping[str, str] | None = None) -> QueryResult:
        """Run a SPARQL query over the graph: a shipped query's name, a ``.rq`` file (a ``Path``) or the query text.

        ``params`` binds variables as RDF terms (a value in ``<...>`` or
        starting with ``http(s)://`` is an IRI, anything else a string), as
        ``graphbuild query --param`` does.  The default graph is the union of
        all named graphs and the output's prefixes need no declaration.
        """
        from graphbuild.query import named_queries, run_query

        params = dict(params or {})
        if isinstance(query, Path):
            try:
                text = query.read_text(encoding="utf-8")
            except OSError as exc:
                raise QueryError(f"{query}: cannot read query: {exc.strerror or exc}") from None
        else:
            named = named_queries().get(query.strip())
            text = query
            if named is not None:
                missing = [name for name, required, *_ in named.params if required and name not in params]
                if missing:
                    raise QueryError(f"query {named.name!r} needs the parameter(s) {', '.join(missing)}")
                text = named.text
        return run_query(text, self.to_store(), params)

    def write(self, path: str | Path, format: str | None = None, **options: Any) -> Path:
        """Write the graph to ``path`` in ``format`` (by default from the suffix: ``.json``, ``.ttl``, ``.nq``...).

        ``format`` is any name ``graphbuild export --format`` takes.  Extra
        ``options`` go to the writer (``max_nodes`` for ``html``).  The file
        is written atomically.  Returns the path written.
        """
        from graphbuild.exporters import export

        name = format or format_for_path(path)
        if name in _RDF_FORMATS:
            options = {"base_iri": self.base_iri, "rdf": self.rdf(), **options}
        return export(self.graph, name, Path(path), **options)

    def save(
        self, outdir: str | Path, formats: Sequence[str] = ("turtle",), html: bool = True, html_max_nodes: int | None = None
    ) -> list[Path]:
        """Write what ``graphbuild build`` writes into ``outdir``: graph.json, the RDF ``formats``, graph.html."""
        from graphbuild.pipeline import write_outputs

        opts = BuildOptions(
            outdir=Path(outdir), formats=tuple(formats), base_iri=self.base_iri, html=html, html_max_nodes=html_max_nodes
        )
        return write_outputs(self.graph, opts)

    def show(self, max_nodes: int | None = None, height: int = 600) -> HtmlView:
        """The interactive page, for display in Jupyter (see :func:`graphbuild.show`)."""
        from graphbuild.notebook import show

        return show(self, max_nodes=max_nodes, height=height)


def load(path: str | Path, base_iri: str | None = None) -> KnowledgeGraph:
    """A :class:`KnowledgeGraph` from a ``graph.json`` (or a build directory holding one)."""
    from graphbuild.exporters.nodelink import read_json

    src = Path(path)
    if src.is_dir():
        src = src / "graph.json"
    if not src.is_file():
        raise InputError(str(src), "no such file")
    try:
        graph = read_json(src)
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(str(src), f"not a graph.json file ({exc})") from None
    return KnowledgeGraph(graph, base_iri=base_iri)


def _documents(sources: Iterable[Source], errors: list[str]) -> Iterator[Document]:
    """The documents of ``sources`` in order; unreadable ones go to ``errors``, a repeated id keeps the first."""
    from graphbuild.sources import iter_documents, normalise_text

    def on_error(err: InputError) -> None:
        errors.append(str(err))

    if isinstance(sources, str | Path | Document):
        raise TypeError("build_graph takes a list of sources; wrap a single text or path in a list")
    seen: dict[str, str] = {}
    for n, item in enumerate(sources, 1):
        docs: Iterable[Document]
        if isinstance(item, Document):
            docs = [item]
        elif isinstance(item, Path):
            docs = iter_documents([item], on_error)
        elif isinstance(item, str):
            text = normalise_text(item)
            if not text.strip():
                errors.append(f"text {n}: empty document")
                continue
            docs = [Document(id=f"text-{n}", text=text, source=f"text {n}")]
        else:
            raise TypeError(f"source {n}: expected str (text), Path or Document, not {type(item).__name__}")
        for doc in docs:
            if doc.id in seen:
                errors.append(f"{doc.source or doc.id}: duplicate document id {doc.id!r} (first from {seen[doc.id]}); skipped")
                continue
            seen[doc.id] = doc.source or doc.id
            yield doc


def build_graph(sources: Iterable[Source], options: BuildOptions | None = None) -> KnowledgeGraph:
    """Build the knowledge graph of ``sources`` in memory.

    Each source is article text (``str``; its document id is ``text-<n>``,
    counting sources from 1), a file or directory (``pathlib.Path``: ``.txt``,
    ``.jsonl`` and ``.csv`` as ``graphbuild build`` reads them), or a
    :class:`~graphbuild.model.Document`.  ``options`` are the CLI's
    (:class:`~graphbuild.pipeline.BuildOptions`): ``processes``,
    ``batch_size``, ``model``, ``engine``/``dask_address``, ``base_iri``,
    ``max_chars`` (longer documents are parsed in pieces), ``progress``, ``world_knowledge``
    (keep relations the text does not state, marked ``inferred``; False leaves them out);
    the extraction cache is used only when ``cache_dir`` is
    set, and the output fields apply to :meth:`KnowledgeGraph.save`.

    A source that cannot be read or extracted is skipped and described in
    :attr:`KnowledgeGraph.errors`; when nothing could be built a
    :class:`~graphbuild.errors.GraphbuildError` is raised.
    """
    from graphbuild.longdoc import check_max_chars
    from graphbuild.pipeline import assemble

    opts = options or BuildOptions(processes=1)
    check_max_chars(opts.max_chars)
    errors: list[str] = []
    docs = list(_documents(sources, errors))
    results = _extract(docs, opts, errors)
    if not opts.world_knowledge:
        from graphbuild.graph import stated_only

        results = stated_only(results)
    if not results:
        raise GraphbuildError("nothing to build" + (": " + "; ".join(errors) if errors else ": no sources given"))
    return KnowledgeGraph(assemble(results, opts.base_iri), errors, opts.base_iri)


def _extract(docs: list[Document], opts: BuildOptions, errors: list[str]) -> list[DocResult]:
    """Extraction results of ``docs`` in order (from the cache when ``opts.cache_dir`` is set)."""
    from graphbuild.extract import EXTRACTOR_VERSION
    from graphbuild.pipeline import ResultCache, doc_fingerprint, extract_outcomes

    cache = ResultCache(opts.cache_dir) if opts.use_cache and opts.cache_dir is not None else None
    results: dict[str, DocResult] = {}
    keys: dict[str, str] = {}
    todo: list[Document] = []
    bar = _bar(len(docs)) if opts.progress and len(docs) > 1 else None
    try:
        for doc in docs:
            if cache is not None:
                keys[doc.id] = doc_fingerprint(doc, EXTRACTOR_VERSION, opts.max_chars)
                hit = cache.get(keys[doc.id])
                if hit is not None:
                    results[doc.id] = hit if hit.doc == doc else replace(hit, doc=doc)
                    if bar is not None:
                        bar.update(1)
                    continue
            todo.append(doc)
        if opts.engine == "dask" or opts.dask_address:
            from graphbuild.distributed import dask_outcomes

            stream = dask_outcomes(iter(todo), opts.dask_address, opts.model, opts.batch_size, opts.max_chars)
        elif opts.engine == "local":
            processes = opts.processes if opts.processes is not None else (os.cpu_count() or 1)
            stream = extract_outcomes(todo, processes, opts.model, opts.batch_size, opts.max_chars)
        else:
            raise GraphbuildError(f"unknown engine {opts.engine!r}; choose one of: dask, local")
        for doc, res, payload in stream:
            if bar is not None:
                bar.update(1)
            if isinstance(res, str):
                errors.append(res)
                continue
            results[doc.id] = res
            if cache is not None:
                if payload is not None:
                    cache.put_raw(keys[doc.id], payload)
                else:
                    cache.put(keys[doc.id], res)
        if cache is not None:
            cache.commit()
    finally:
        if cache is not None:
            cache.close()
        if bar is not None:
            bar.close()
    return [results[d.id] for d in docs if d.id in results]


def _bar(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, desc="graphbuild", leave=False, dynamic_ncols=True)
