"""The build: documents → extraction (streamed, cached, parallel) → resolution → graph → files.

The cache lives in :mod:`graphbuild.cache`, the worker processes in
:mod:`graphbuild.workers`; their names are re-exported here.

Documents stream through ``nlp.pipe`` in batches; each worker process loads
the model once and returns small :class:`~graphbuild.model.DocResult`
records, so memory does not grow with spaCy Docs.  Results are cached per
document (content hash + extractor version), so a rebuild only parses new or
changed documents and gives the same outputs as a clean build.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import itertools
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild.cache import ResultCache as ResultCache
from graphbuild.cache import doc_fingerprint as doc_fingerprint
from graphbuild.errors import GraphbuildError, InputError
from graphbuild.longdoc import DEFAULT_MAX_CHARS
from graphbuild.model import GROUP_TYPE, DocResult, Document
from graphbuild.workers import DEFAULT_BATCH_SIZE as DEFAULT_BATCH_SIZE
from graphbuild.workers import POOL_TASK_DOCS as POOL_TASK_DOCS
from graphbuild.workers import TASK_DOCS as TASK_DOCS
from graphbuild.workers import Outcome as Outcome
from graphbuild.workers import Prefetch as Prefetch
from graphbuild.workers import _chunks as _chunks
from graphbuild.workers import _outcomes as _outcomes
from graphbuild.workers import _pool_outcomes as _pool_outcomes
from graphbuild.workers import _worker_batch as _worker_batch
from graphbuild.workers import extract_batch as extract_batch
from graphbuild.workers import extract_batch_pickled as extract_batch_pickled
from graphbuild.workers import extract_outcomes as extract_outcomes

if TYPE_CHECKING:
    import networkx as nx

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
    batch_size: int = DEFAULT_BATCH_SIZE
    cache_dir: Path | None = None  # default: outdir/.cache
    use_cache: bool = True
    store_dir: Path | None = None
    engine: str = "local"
    dask_address: str | None = None
    model: str | None = None
    progress: bool = False
    default_date: str | None = None  # YYYY-MM-DD for documents without a date (``build --date``)
    #: Documents longer than this are parsed in pieces cut at paragraph or sentence breaks (``build --max-chars``).
    max_chars: int = DEFAULT_MAX_CHARS
    #: Keep relations that rest on world knowledge rather than a sentence (a town's country from the place
    #: table, containment chains, a country's post from its title alone), marked ``inferred``; False leaves
    #: them out (``build --stated-only``; :data:`graphbuild.graph.WORLD_KNOWLEDGE_RULES`).
    world_knowledge: bool = True


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
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage ("extract", "assemble", "write:json")
    #: Documents whose output pieces were rendered (the rest came from the render memo); None without a memo.
    rendered: int | None = None
    #: Builds the corpus graph on first use of :attr:`graph` (a build that joins memo pieces needs none).
    graph_factory: Callable[[], Any] | None = field(default=None, repr=False)
    _graph: Any = field(default=None, repr=False)

    @property
    def graph(self) -> Any:
        """The corpus graph (``networkx.MultiDiGraph``), or None when the build produced none."""
        if self._graph is None and self.graph_factory is not None:
            self._graph = self.graph_factory()
            self.graph_factory = None
        return self._graph

    @graph.setter
    def graph(self, value: Any) -> None:
        self._graph = value
        self.graph_factory = None

    def summary(self) -> str:
        """One line: documents, entities, relations, events, seconds."""
        return (
            f"graphbuild: {self.documents} documents ({self.extracted} parsed, {self.cached} cached), "
            f"{self.entities} entities, {self.relations} relations, {self.events} events, "
            f"{len(self.errors)} errors, {self.seconds:.2f} s"
        )


def _dated(docs: Iterable[Document], day: str | None) -> Iterator[Document]:
    """``docs``, those without a date given ``day`` (``build --date``: it anchors their relative dates)."""
    for doc in docs:
        yield doc if day is None or doc.date else dataclasses.replace(doc, date=day)


def extract_stream(
    docs: Iterable[Document],
    processes: int = 1,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[tuple[Document, DocResult | str]]:
    """Extract documents in input order with ``processes`` workers (see :func:`extract_outcomes`)."""
    for d, res, _ in extract_outcomes(docs, processes, model, batch_size):
        yield d, res


# --- the build ----------------------------------------------------------------------------------


def _progress(enabled: bool, total: int | None = None) -> Callable[[int], None]:
    """A tick function; the bar appears on stderr once a second document arrives.

    With ``total`` (the documents counted before the build, see
    :func:`graphbuild.progress.count_documents`) the bar shows it, the
    percentage and the time left.
    """
    if not enabled:
        return lambda n: None
    state: dict[str, Any] = {"count": 0, "bar": None}

    def tick(n: int) -> None:
        state["count"] += n
        if state["bar"] is None and state["count"] > 1:
            from tqdm import tqdm

            state["bar"] = tqdm(unit="doc", file=sys.stderr, desc="graphbuild", leave=False, dynamic_ncols=True,
                                initial=state["count"] - n, total=total if total and total > 1 else None)
        if state["bar"] is not None:
            state["bar"].update(n)

    return tick


def _count(inputs: Sequence[str | Path]) -> int | None:
    from graphbuild.progress import count_documents

    return count_documents(inputs)


def collect_results(
    inputs: Sequence[str | Path],
    opts: BuildOptions,
    report: BuildReport,
    fingerprints: dict[str, str] | None = None,
    idle: Callable[[list[DocResult]], None] | None = None,
) -> list[DocResult]:
    """Read, extract (or take from the cache) every document; problems go to ``report.errors``.

    ``fingerprints``, when given, receives every document's cache key by id.
    ``idle``, when given, is called with the cached results while a
    :class:`Prefetch` process extracts the few new documents of an
    incremental build (work that can start before those are known).
    """
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
    tick = _progress(opts.progress, _count(inputs) if opts.progress else None)

    if fingerprints is None:
        fingerprints = {}

    def note(doc: Document) -> str:
        """The cache key of ``doc``, noting the document in input order the first time."""
        key = fingerprints.get(doc.id)
        if key is None:
            order.append(doc.id)
            key = fingerprints[doc.id] = doc_fingerprint(doc, EXTRACTOR_VERSION, opts.max_chars)
        return key

    def take(doc: Document) -> bool:
        """Whether the cache had ``doc``'s result (now in ``results``)."""
        if cache is None or not _take_hit(cache, note(doc), doc, results):
            return False
        report.cached += 1
        tick(1)
        return True

    def pending(docs: Iterable[Document]) -> Iterator[Document]:
        """The documents of ``docs`` to extract (the cache lacks them)."""
        for doc in docs:
            key = note(doc)
            if take(doc):
                continue
            keys[doc.id] = key
            yield doc

    processes = opts.processes if opts.processes is not None else (os.cpu_count() or 1)
    documents = _dated(iter_documents(inputs, on_error), opts.default_date)
    stream: Iterator[Outcome]
    if cache is not None and opts.engine == "local" and cache.has_entries() and Prefetch.possible():
        stream = _prefetched(
            documents, cache, note, take, pending, keys,
            lambda: [results[d] for d in order if d in results], opts, processes, idle,
        )
    elif opts.engine == "dask":
        from graphbuild.distributed import dask_outcomes

        stream = dask_outcomes(pending(documents), opts.dask_address, opts.model, opts.batch_size, opts.max_chars)
    elif opts.engine == "local":
        stream = extract_outcomes(pending(documents), processes, opts.model, opts.batch_size, opts.max_chars)
    else:
        raise GraphbuildError(f"unknown engine {opts.engine!r}; choose one of: dask, local")
    writable = True

    def cache_failed(exc: OSError) -> None:
        nonlocal writable
        writable = False
        where = cache.directory if cache is not None else "cache"
        report.errors.append(f"{where}: cannot write the extraction cache ({exc.strerror or exc}); "
                             "the build goes on without caching its new results")

    try:
        for doc, res, payload in stream:
            tick(1)
            if isinstance(res, str):
                report.errors.append(res)
                continue
            results[doc.id] = res
            report.extracted += 1
            if cache is not None:
                key = keys.pop(doc.id)
                if not writable:
                    continue
                try:
                    if payload is not None:
                        cache.put_raw(key, payload)
                    else:
                        cache.put(key, res)
                except OSError as exc:  # a full disk costs the cache, not the build
                    cache_failed(exc)
        if cache is not None and writable:
            try:
                cache.commit()
                if not report.errors:  # an input that failed to read may come back: keep its entry
                    cache.prune()
            except OSError as exc:
                cache_failed(exc)
    finally:
        if cache is not None:
            try:
                cache.close()
            except OSError as exc:
                if writable:
                    cache_failed(exc)
    return [results[d] for d in order if d in results]


def _take_hit(cache: ResultCache, key: str, doc: Document, results: dict[str, DocResult]) -> bool:
    """Put the cached result of ``doc`` into ``results``; False on a miss."""
    hit = cache.get(key)
    if hit is None:
        return False
    # the key covers everything but where the document was read from ("file:line")
    results[doc.id] = hit if hit.doc == doc else dataclasses.replace(hit, doc=doc)
    return True


def _prefetched(
    docs: Iterable[Document],
    cache: ResultCache,
    note: Callable[[Document], str],
    take: Callable[[Document], bool],
    pending: Callable[[Iterable[Document]], Iterator[Document]],
    keys: dict[str, str],
    cached: Callable[[], list[DocResult]],
    opts: BuildOptions,
    processes: int,
    idle: Callable[[list[DocResult]], None] | None = None,
) -> Iterator[Outcome]:
    """Outcomes of the documents the cache lacks, the few of an incremental build extracted by a :class:`Prefetch`.

    The prefetch process starts loading at once; the input is scanned for
    misses (cache index only), which go to it; the cached results are read
    while it works (``take``), then ``idle`` gets them (``cached``).  More
    misses than one task holds, or a failed prefetch, fall back to
    :func:`extract_outcomes` (a pool or this process).  ``note``, ``take``,
    ``pending`` and ``keys`` are :func:`collect_results`'s.
    """
    prefetch = Prefetch(opts.model, opts.batch_size, opts.max_chars)
    try:
        scanned: list[Document] = []
        misses: list[Document] = []
        it = iter(docs)
        for doc in it:
            scanned.append(doc)
            if note(doc) not in cache:
                misses.append(doc)
                if len(misses) > TASK_DOCS:
                    break
        if len(misses) > TASK_DOCS:  # not a small update: extract as a full build does
            prefetch.close()
            yield from extract_outcomes(pending(itertools.chain(scanned, it)), processes, opts.model, opts.batch_size,
                                        opts.max_chars)
            return
        todo = list(misses)
        sent = bool(todo) and prefetch.send(todo)  # the process parses these while the cache is read below
        missing = {d.id for d in todo}
        for doc in scanned:
            if doc.id not in missing and not take(doc):
                todo.append(doc)  # listed in the index but unreadable: extract it too
        for doc in todo:
            keys[doc.id] = note(doc)
        if idle is not None and sent:
            idle(cached())
        payloads = (prefetch.receive(len(misses)) if sent else None) if misses else []
        extra = todo[len(misses) :]
        if payloads is not None and extra:
            more = prefetch.extract(extra)
            payloads = None if more is None else [*payloads, *more]
        if payloads is None:
            yield from extract_outcomes(todo, 1, opts.model, opts.batch_size, opts.max_chars)
            return
        yield from _outcomes(todo, payloads)
    finally:
        prefetch.close()


def assemble(results: Sequence[DocResult], base_iri: str | None = None) -> nx.MultiDiGraph:
    """Resolve entities across documents and build the corpus graph."""
    from graphbuild.graph import DEFAULT_BASE_IRI, build_graph
    from graphbuild.resolve import resolve

    entities, entity_of = resolve(results)
    return build_graph(entities, results, entity_of, base_iri or DEFAULT_BASE_IRI)


def write_outputs(graph: nx.MultiDiGraph, opts: BuildOptions, timings: dict[str, float] | None = None) -> list[Path]:
    """Write graph.json, the RDF formats and graph.html into ``opts.outdir``.

    ``timings``, when given, receives the seconds each file took (``"write:<format>"``).
    """
    from graphbuild.exporters import default_filename, export, get_exporter

    for name in opts.formats:
        get_exporter(name)  # fail on an unknown format before writing anything
    if opts.html:
        get_exporter("html")
    out = opts.outdir
    jobs: list[tuple[str, Path, dict[str, Any]]] = [("json", out / "graph.json", {})]
    jobs += [
        (name, out / default_filename(name), {"base_iri": opts.base_iri})
        for name in dict.fromkeys(opts.formats)
        if name != "json"  # graph.json is always written, once
    ]
    if opts.html:
        jobs.append(("html", out / "graph.html", {"max_nodes": opts.html_max_nodes}))
    rdf_names = {"turtle", "ntriples", "nquads", "trig", "jsonld"}
    rdf_data: Any = None
    if opts.store_dir is not None or rdf_names & {name for name, _, _ in jobs}:
        from graphbuild.exporters.rdf import to_rdf

        t = time.perf_counter()
        rdf_data = to_rdf(graph, opts.base_iri)  # converted once for every RDF format and the store
        if timings is not None:
            timings["rdf"] = time.perf_counter() - t
    written = []
    for name, path, options in jobs:
        t = time.perf_counter()
        if name in rdf_names:
            options = {**options, "rdf": rdf_data}
        written.append(export(graph, name, path, **options))
        if timings is not None:
            timings[f"write:{name}"] = time.perf_counter() - t
    if opts.store_dir is not None:
        from graphbuild.store import update_store

        t = time.perf_counter()
        update_store(opts.store_dir, graph, opts.base_iri, rdf=rdf_data)
        if timings is not None:
            timings["store"] = time.perf_counter() - t
    return written


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block.

    Assembling the graph and writing the outputs make millions of small
    objects and almost no reference cycles, while each full collection scans
    every object the build holds (on the BBC corpus, pausing it saves about
    0.8 s of the 4 s spent after extraction).  Collection resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_base_iri(base_iri: str | None) -> None:
    """Refuse a base IRI under which some minted IRI would be invalid, before any parsing.

    Every kind of IRI a build mints is tried: nodes, documents and their named
    graphs, and the ``#char=`` strings of a document (which is why a base
    ending in ``#`` cannot work: those IRIs would hold two fragments).
    """
    if base_iri is None:
        return
    from graphbuild.exporters.rdf import normalise_base, valid_iri

    try:
        base = normalise_base(base_iri)
    except GraphbuildError as exc:
        raise GraphbuildError(f"--base-iri: {exc}") from None
    if "#" in base:
        raise GraphbuildError(
            f"--base-iri {base_iri!r} has a fragment ('#'): document strings are minted as <...doc/ID#char=S,E>, "
            f"which cannot take a second '#'; use a base ending in '/', e.g. {base.split('#')[0].rstrip('/') + '/'!r}"
        )
    for sample in ("person/x", "doc/x#char=0,1", "graph/doc/x", "graph/entities", "node/0123456789abcdef0123"):
        if not valid_iri(base + sample):
            raise GraphbuildError(f"--base-iri {base_iri!r}: the minted IRI {base + sample!r} is not valid")


def prepare_outdir(outdir: Path) -> Any:
    """Check that ``outdir`` is (or can be made) a writable directory and lock it; the lock.

    Called before any parsing, so a bad ``-o`` costs nothing; a second build
    into the same directory stops here with one line.  Leftovers of a killed
    build are finished or removed (:func:`graphbuild.atomic.recover`).
    """
    import tempfile

    from graphbuild.atomic import DirectoryLock, recover

    if outdir.exists() and not outdir.is_dir():
        raise GraphbuildError(f"{outdir}: not a directory (the output directory of -o/--outdir)")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".graphbuild-probe.", suffix=".tmp", dir=outdir)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise GraphbuildError(f"{outdir}: the output directory is not writable ({exc.strerror or exc})") from None
    lock = DirectoryLock(outdir)
    lock.acquire()
    try:
        recover(outdir)
    except OSError as exc:
        lock.release()
        raise GraphbuildError(f"{outdir}: cannot clean up after an earlier run ({exc.strerror or exc})") from None
    return lock


def build(inputs: Sequence[str | Path], opts: BuildOptions | None = None) -> BuildReport:
    """Build the graph of ``inputs`` into ``opts.outdir``; see :class:`BuildOptions`.

    The outputs change as one set (:func:`graphbuild.atomic.output_set`): after
    a failure or a kill the directory holds the previous build's files, whole.
    """
    from graphbuild.atomic import DirectoryLock
    from graphbuild.longdoc import check_max_chars

    opts = opts or BuildOptions()
    check_base_iri(opts.base_iri)
    check_max_chars(opts.max_chars)
    locks = [prepare_outdir(opts.outdir)]
    try:
        cache_dir = opts.cache_dir
        if opts.use_cache and cache_dir is not None and opts.outdir.resolve() not in cache_dir.resolve().parents:
            try:  # a cache shared by builds into other directories: one build at a time there too
                cache_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise GraphbuildError(f"{cache_dir}: cannot create the cache directory ({exc.strerror or exc})") from None
            locks.append(DirectoryLock(cache_dir))
            locks[-1].acquire()
        return _build(inputs, opts)
    finally:
        for lock in reversed(locks):
            lock.release()


def _build(inputs: Sequence[str | Path], opts: BuildOptions) -> BuildReport:
    from graphbuild.atomic import output_set

    t0 = time.perf_counter()
    report = BuildReport()
    # locally the main process only unpickles acyclic records here; a Dask client's threads make cyclic garbage
    fingerprints: dict[str, str] = {}
    early: dict[str, Any] = {}

    def idle(cached: list[DocResult]) -> None:
        """While the new documents are parsed: load the render memo and resolve the cached ones."""
        from graphbuild.resolve import Resolution

        t = time.perf_counter()
        early["memo"] = _open_memo(opts)
        early["resolution"] = Resolution(cached)
        early["resolution"].prepare()
        early["resolved"] = {r.doc.id for r in cached}
        report.timings["early"] = time.perf_counter() - t

    use_memo = _memo_applies(opts)
    with gc_paused() if opts.engine == "local" else contextlib.nullcontext():
        results = collect_results(inputs, opts, report, fingerprints, idle if use_memo else None)
    report.timings["extract"] = time.perf_counter() - t0
    if not opts.world_knowledge:
        from graphbuild.graph import stated_only

        results = stated_only(results)
    report.documents = len(results)
    if not results:
        report.seconds = time.perf_counter() - t0
        if not report.errors:
            report.errors.append("no documents found in " + ", ".join(str(i) for i in inputs))
        return report
    if use_memo:
        with gc_paused(), output_set(opts.outdir):
            _build_from_memo(results, fingerprints, opts, report, early)
        report.seconds = time.perf_counter() - t0
        log.info("timings: %s", ", ".join(f"{k} {v:.2f} s" for k, v in report.timings.items()))
        return report
    with gc_paused():
        t = time.perf_counter()
        graph = assemble(results, opts.base_iri)
        del results  # the graph holds what the outputs need
        report.timings["assemble"] = time.perf_counter() - t
        report.graph = graph
        report.entities = sum(1 for _, a in graph.nodes(data=True) if a.get("type") not in ("Event", GROUP_TYPE))
        report.events = sum(1 for _, a in graph.nodes(data=True) if a.get("type") == "Event")
        report.relations = sum(
            1 for s, _, _ in graph.edges(keys=True) if graph.nodes[s].get("type") != "Event"
        )
        with output_set(opts.outdir):
            report.outputs = write_outputs(graph, opts, report.timings)
    report.seconds = time.perf_counter() - t0
    log.info("timings: %s", ", ".join(f"{k} {v:.2f} s" for k, v in report.timings.items()))
    return report


def _memo_applies(opts: BuildOptions) -> bool:
    """Whether the outputs can be joined from memo pieces (a cached build writing only JSON, Turtle and HTML)."""
    from graphbuild.render import MEMO_FORMATS

    return opts.use_cache and opts.store_dir is None and set(opts.formats) <= MEMO_FORMATS


def _open_memo(opts: BuildOptions) -> Any:
    """The render memo of the build's cache directory."""
    from graphbuild.exporters.rdf import normalise_base
    from graphbuild.graph import DEFAULT_BASE_IRI
    from graphbuild.render import MEMO_NAME, Memo, renderer_version

    cache_dir = opts.cache_dir or (opts.outdir / ".cache")
    base = normalise_base(opts.base_iri)
    wk = "\x1fworld-knowledge" if opts.world_knowledge else ""
    return Memo(cache_dir / MEMO_NAME, f"{renderer_version()}\x1f{base}\x1f{opts.base_iri or DEFAULT_BASE_IRI}{wk}")


def _build_from_memo(
    results: list[DocResult],
    fingerprints: Mapping[str, str],
    opts: BuildOptions,
    report: BuildReport,
    early: Mapping[str, Any],
) -> None:
    """Resolve, then write graph.json and graph.ttl from the render memo (see :mod:`graphbuild.render`).

    ``early`` holds what :func:`build` prepared while new documents were
    parsed: the memo and a resolution of the cached documents, which then
    takes just the new ones.
    """
    from graphbuild.exporters import get_exporter
    from graphbuild.graph import DEFAULT_BASE_IRI, build_graph
    from graphbuild.render import render_outputs
    from graphbuild.resolve import resolve

    if opts.html:
        get_exporter("html")
    t = time.perf_counter()
    resolution = early.get("resolution")
    done_ids = early.get("resolved", set())
    if resolution is not None and done_ids <= {r.doc.id for r in results}:
        resolution.add([r for r in results if r.doc.id not in done_ids])
        entities, entity_of = resolution.result()
    else:
        entities, entity_of = resolve(results)
    report.timings["resolve"] = time.perf_counter() - t
    t = time.perf_counter()
    memo = early.get("memo") or _open_memo(opts)
    report.timings["memo:load"] = time.perf_counter() - t
    done = render_outputs(
        results, entities, entity_of, fingerprints, opts.outdir, opts.formats, opts.base_iri, memo, report.timings
    )
    report.entities, report.relations, report.events = done.entities, done.relations, done.events
    report.rendered = done.rendered_docs
    report.outputs = done.paths

    def make_graph() -> Any:
        return build_graph(entities, results, entity_of, opts.base_iri or DEFAULT_BASE_IRI)

    report.graph_factory = make_graph
    if opts.html:
        from graphbuild.exporters import export

        t = time.perf_counter()
        report.outputs.append(
            export(report.graph, "html", opts.outdir / "graph.html", max_nodes=opts.html_max_nodes)
        )
        report.timings["write:html"] = time.perf_counter() - t
    t = time.perf_counter()
    try:
        memo.save()
    except OSError as exc:  # the memo only speeds up the next build: a full disk costs it, not the outputs
        report.errors.append(f"{opts.cache_dir or opts.outdir / '.cache'}: cannot write the render memo "
                             f"({exc.strerror or exc}); the next build renders everything again")
    report.timings["memo:save"] = time.perf_counter() - t


def export_build(outdir: Path, formats: Sequence[str], output: str | None, base_iri: str | None) -> list[Path]:
    """Write an existing build (its graph.json) in other formats."""
    from graphbuild.exporters import default_filename, export, get_exporter
    from graphbuild.exporters.nodelink import read_json

    check_base_iri(base_iri)
    src = outdir / "graph.json"
    if not src.is_file():
        raise GraphbuildError(f"{src}: no such file; run 'graphbuild build' first")
    for name in formats:
        get_exporter(name)
    from graphbuild.atomic import DirectoryLock, output_set

    targets = []
    for name in formats:
        if output and len(formats) == 1 and not Path(output).is_dir():
            targets.append((name, Path(output)))
        else:
            targets.append((name, Path(output or outdir) / default_filename(name)))
    paths = []
    where = targets[0][1].parent
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GraphbuildError(f"{where}: cannot create the output directory ({exc.strerror or exc})") from None
    # locked like a build's OUTDIR; the files of one export replace the old ones together
    with DirectoryLock(where), gc_paused(), output_set(where):
        graph = read_json(src)
        for name, target in targets:
            paths.append(export(graph, name, target, base_iri=base_iri))
    return paths
