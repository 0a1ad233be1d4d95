"""The build: documents → extraction (streamed, cached, parallel) → resolution → graph → files.

Documents stream through ``nlp.pipe`` in batches; each worker process loads
the model once and returns small :class:`~graphbuild.model.DocResult`
records, so memory does not grow with spaCy Docs.  Results are cached per
document (content hash + extractor version), so a rebuild only parses new or
changed documents and gives the same outputs as a clean build.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild.errors import GraphbuildError, InputError
from graphbuild.model import DocResult, Document

if TYPE_CHECKING:
    import networkx as nx
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildOptions:
    """How to build; the CLI maps its flags onto these fields."""

    outdir: Path = Path("outputs")
    formats: tuple[str, ...] = ("turtle",)
    base_iri: str | None = None
    html: bool = True
    html_max_nodes: int | None = None
    processes: int | None = None
    batch_size: int = 64
    cache_dir: Path | None = None  # default: outdir/.cache
    use_cache: bool = True
    store_dir: Path | None = None
    engine: str = "local"
    dask_address: str | None = None
    model: str | None = None
    progress: bool = False


@dataclass
class BuildReport:
    """What a build did, for the summary line and for callers."""

    documents: int = 0
    extracted: int = 0
    cached: int = 0
    entities: int = 0
    relations: int = 0
    events: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    graph: Any = None

    def summary(self) -> str:
        """One line: documents, entities, relations, events, seconds."""
        return (
            f"graphbuild: {self.documents} documents ({self.extracted} parsed, {self.cached} cached), "
            f"{self.entities} entities, {self.relations} relations, {self.events} events, "
            f"{len(self.errors)} errors, {self.seconds:.2f} s"
        )


def doc_fingerprint(doc: Document, extractor_version: str) -> str:
    """Cache key of a document: its content and metadata plus the extractor version."""
    h = hashlib.sha256()
    for part in (extractor_version, doc.id, doc.text, doc.title or "", doc.date or "", doc.url or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


class ResultCache:
    """Per-document extraction results on disk, keyed by :func:`doc_fingerprint`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.used: set[str] = set()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> DocResult | None:
        """The cached result, or None."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            result = pickle.loads(data)
        except Exception:  # a damaged cache entry is re-extracted
            log.warning("ignoring damaged cache entry %s", path)
            return None
        if not isinstance(result, DocResult):
            return None
        self.used.add(key)
        return result

    def put(self, key: str, result: DocResult) -> None:
        """Store a result (atomically)."""
        from graphbuild.atomic import atomic_write_bytes

        atomic_write_bytes(self._path(key), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        self.used.add(key)

    def prune(self) -> int:
        """Delete entries not used by this build (removed or changed documents)."""
        removed = 0
        if not self.directory.is_dir():
            return 0
        for path in self.directory.glob("*/*.pkl"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


# --- extraction workers -------------------------------------------------------------------------

_WORKER_MODEL: str | None = None


def extract_batch(docs: Sequence[Document], model: str | None = None, batch_size: int = 64) -> list[DocResult | str]:
    """Parse and extract a batch in this process; a failing document gives an error string."""
    from graphbuild.extract import extract_doc
    from graphbuild.nlp import load_pipeline

    nlp = load_pipeline(model)
    out: list[DocResult | str] = []
    pairs: list[tuple[Doc | None, Document]]
    try:
        pairs = list(nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=batch_size))
    except Exception:
        pairs = []
        for d in docs:  # find the document that broke the batch
            try:
                pairs.append((nlp(d.text), d))
            except Exception as exc:
                pairs.append((None, d))
                log.debug("spaCy failed on %s: %s", d.id, exc)
    for sdoc, d in pairs:
        if sdoc is None:
            out.append(f"{d.source}: the language model could not parse document {d.id!r}")
            continue
        try:
            out.append(extract_doc(sdoc, d))
        except Exception as exc:  # one bad document never loses the others
            log.exception("extraction failed on %s", d.id)
            out.append(f"{d.source}: extraction failed on document {d.id!r} ({type(exc).__name__}: {exc})")
    return out


def _init_worker(model: str | None) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model
    from graphbuild.nlp import load_pipeline

    load_pipeline(model)


def _worker_batch(docs: Sequence[Document], batch_size: int) -> list[DocResult | str]:
    return extract_batch(docs, _WORKER_MODEL, batch_size)


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_stream(
    docs: Iterable[Document],
    processes: int = 1,
    model: str | None = None,
    batch_size: int = 64,
) -> Iterator[tuple[Document, DocResult | str]]:
    """Extract documents in input order with ``processes`` workers, holding a bounded window in memory."""
    chunk_size = max(1, batch_size)
    chunks = _chunks(docs, chunk_size)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if processes <= 1 or second is None:
        for chunk in (first, second):
            if chunk:
                yield from zip(chunk, extract_batch(chunk, model, batch_size), strict=True)
        for chunk in chunks:
            yield from zip(chunk, extract_batch(chunk, model, batch_size), strict=True)
        return
    import multiprocessing as mp

    ctx = mp.get_context("forkserver") if sys.platform != "win32" else mp.get_context("spawn")
    window: list[tuple[list[Document], Future[list[DocResult | str]]]] = []
    with ProcessPoolExecutor(max_workers=processes, mp_context=ctx, initializer=_init_worker, initargs=(model,)) as pool:

        def submit(chunk: list[Document]) -> None:
            window.append((chunk, pool.submit(_worker_batch, chunk, batch_size)))

        submit(first)
        submit(second)
        for chunk in chunks:
            submit(chunk)
            while len(window) >= 2 * processes:
                done_chunk, fut = window.pop(0)
                yield from zip(done_chunk, fut.result(), strict=True)
        while window:
            done_chunk, fut = window.pop(0)
            yield from zip(done_chunk, fut.result(), strict=True)


# --- the build ----------------------------------------------------------------------------------


def _progress(enabled: bool) -> Callable[[int], None]:
    """A tick function; the bar appears on stderr once a second document arrives."""
    if not enabled:
        return lambda n: None
    state: dict[str, Any] = {"count": 0, "bar": None}

    def tick(n: int) -> None:
        state["count"] += n
        if state["bar"] is None and state["count"] > 1:
            from tqdm import tqdm

            state["bar"] = tqdm(unit="doc", file=sys.stderr, desc="graphbuild", leave=False, dynamic_ncols=True,
                                initial=state["count"] - n)
        if state["bar"] is not None:
            state["bar"].update(n)

    return tick


def collect_results(
    inputs: Sequence[str | Path],
    opts: BuildOptions,
    report: BuildReport,
) -> list[DocResult]:
    """Read, extract (or take from the cache) every document; problems go to ``report.errors``."""
    from graphbuild.extract import EXTRACTOR_VERSION
    from graphbuild.sources import iter_documents

    def on_error(err: InputError) -> None:
        report.errors.append(str(err))

    cache: ResultCache | None = None
    if opts.use_cache:
        cache = ResultCache(opts.cache_dir or (opts.outdir / ".cache"))
    results: dict[str, DocResult] = {}
    order: list[str] = []
    keys: dict[str, str] = {}
    tick = _progress(opts.progress)

    def pending() -> Iterator[Document]:
        for doc in iter_documents(inputs, on_error):
            order.append(doc.id)
            key = doc_fingerprint(doc, EXTRACTOR_VERSION)
            keys[doc.id] = key
            hit = cache.get(key) if cache is not None else None
            if hit is not None:
                results[doc.id] = hit
                report.cached += 1
                tick(1)
                continue
            yield doc

    processes = opts.processes if opts.processes is not None else (os.cpu_count() or 1)
    if opts.engine == "dask":
        from graphbuild.distributed import extract_dask

        stream = extract_dask(pending(), opts.dask_address, opts.model, opts.batch_size)
    else:
        stream = extract_stream(pending(), processes, opts.model, opts.batch_size)
    for doc, res in stream:
        tick(1)
        if isinstance(res, str):
            report.errors.append(res)
            continue
        results[doc.id] = res
        report.extracted += 1
        if cache is not None:
            cache.put(keys[doc.id], res)
    if cache is not None and not report.errors:
        cache.prune()
    return [results[d] for d in order if d in results]


def assemble(results: Sequence[DocResult], base_iri: str | None = None) -> nx.MultiDiGraph:
    """Resolve entities across documents and build the corpus graph."""
    from graphbuild.graph import DEFAULT_BASE_IRI, build_graph
    from graphbuild.resolve import resolve

    entities, entity_of = resolve(results)
    return build_graph(entities, results, entity_of, base_iri or DEFAULT_BASE_IRI)


def write_outputs(graph: nx.MultiDiGraph, opts: BuildOptions) -> list[Path]:
    """Write graph.json, the RDF formats and graph.html into ``opts.outdir``."""
    from graphbuild.exporters import default_filename, export, get_exporter

    for name in opts.formats:
        get_exporter(name)  # fail on an unknown format before writing anything
    out = opts.outdir
    written = [export(graph, "json", out / "graph.json")]
    for name in opts.formats:
        written.append(export(graph, name, out / default_filename(name), base_iri=opts.base_iri))
    if opts.html:
        written.append(export(graph, "html", out / "graph.html", max_nodes=opts.html_max_nodes))
    return written


def build(inputs: Sequence[str | Path], opts: BuildOptions | None = None) -> BuildReport:
    """Build the graph of ``inputs`` into ``opts.outdir``; see :class:`BuildOptions`."""
    opts = opts or BuildOptions()
    t0 = time.perf_counter()
    report = BuildReport()
    results = collect_results(inputs, opts, report)
    report.documents = len(results)
    if not results:
        report.seconds = time.perf_counter() - t0
        if not report.errors:
            report.errors.append("no documents found in " + ", ".join(str(i) for i in inputs))
        return report
    graph = assemble(results, opts.base_iri)
    report.graph = graph
    report.entities = sum(1 for _, a in graph.nodes(data=True) if a.get("type") != "Event")
    report.events = sum(1 for _, a in graph.nodes(data=True) if a.get("type") == "Event")
    report.relations = sum(
        1 for s, _, _ in graph.edges(keys=True) if graph.nodes[s].get("type") != "Event"
    )
    report.outputs = write_outputs(graph, opts)
    if opts.store_dir is not None:
        from graphbuild.store import update_store

        update_store(opts.store_dir, graph, opts.base_iri)
    report.seconds = time.perf_counter() - t0
    return report


def export_build(outdir: Path, formats: Sequence[str], output: str | None, base_iri: str | None) -> list[Path]:
    """Write an existing build (its graph.json) in other formats."""
    from graphbuild.exporters import default_filename, export, get_exporter
    from graphbuild.exporters.nodelink import read_json

    src = outdir / "graph.json"
    if not src.is_file():
        raise GraphbuildError(f"{src}: no such file; run 'graphbuild build' first")
    for name in formats:
        get_exporter(name)
    graph = read_json(src)
    paths = []
    for name in formats:
        if output and len(formats) == 1 and not Path(output).is_dir():
            target = Path(output)
        else:
            target = Path(output or outdir) / default_filename(name)
        paths.append(export(graph, name, target, base_iri=base_iri))
    return paths
