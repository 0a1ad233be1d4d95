"""The build: documents → extraction (streamed, cached, parallel) → resolution → graph → files.

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
import hashlib
import itertools
import logging
import os
import pickle
import struct
import sys
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from graphbuild.errors import GraphbuildError, InputError
from graphbuild.model import DocResult, Document

if TYPE_CHECKING:
    import networkx as nx
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


#: Documents per ``nlp.pipe`` batch.  spaCy's speed is nearly flat from 8 to 64
#: news articles per batch, but a worker's memory peaks with the batch (on BBC
#: articles about 370 MB at 12, 420 MB at 16, 600 MB at 64), so the default is small.
DEFAULT_BATCH_SIZE = 12


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


def doc_fingerprint(doc: Document, extractor_version: str) -> str:
    """Cache key of a document: its content and metadata plus the extractor version."""
    h = hashlib.sha256()
    for part in (extractor_version, doc.id, doc.text, doc.title or "", doc.date or "", doc.url or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


_SEGMENT_MAGIC = b"GBCACHE1\n"
_RECORD = struct.Struct("<HII")  # key length, payload length, CRC-32 of key + payload
_MAX_SEGMENTS = 8


class ResultCache:
    """Per-document extraction results on disk, keyed by :func:`doc_fingerprint`.

    Results live in append-only segment files (``*.seg``).  A build appends its
    new results to one temporary segment without a sync per entry; :meth:`commit`
    syncs it and renames it into place.  Every record carries a CRC, so the
    complete records of a segment left behind by a crashed build are still read
    (a torn or damaged record is only a cache miss).  :meth:`prune` rewrites the
    cache as one segment holding just the entries this build used, so removed
    or changed documents drop out and the number of segments stays small.
    Use one build per cache directory at a time.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.used: set[str] = set()
        self._index: dict[str, tuple[Path, int, int]] | None = None  # key -> (file, payload offset, length)
        self._files: dict[Path, BinaryIO] = {}
        self._writer: BinaryIO | None = None
        self._writer_path: Path | None = None
        self._pending = 0

    # reading

    def _scan_file(self, path: Path, index: dict[str, tuple[Path, int, int]]) -> None:
        try:
            fh = path.open("rb")
        except OSError:
            return
        size = os.fstat(fh.fileno()).st_size
        if fh.read(len(_SEGMENT_MAGIC)) != _SEGMENT_MAGIC:
            fh.close()
            log.warning("ignoring %s: not a graphbuild cache segment", path)
            return
        self._files[path] = fh
        pos = len(_SEGMENT_MAGIC)
        while pos + _RECORD.size <= size:
            klen, plen, _ = _RECORD.unpack(fh.read(_RECORD.size))
            start = pos + _RECORD.size
            if start + klen + plen > size:
                break  # a record torn by a crash: the rest of the file is lost
            key = fh.read(klen).decode("ascii", "replace")
            index.setdefault(key, (path, start, klen + plen))
            pos = start + klen + plen
            fh.seek(pos)

    def _load_index(self) -> dict[str, tuple[Path, int, int]]:
        if self._index is None:
            self._index = {}
            if self.directory.is_dir():
                for path in self._segments(include_crashed=True):
                    self._scan_file(path, self._index)
        return self._index

    def _segments(self, include_crashed: bool = False) -> list[Path]:
        paths = sorted(self.directory.glob("*.seg"))
        if include_crashed:
            paths += sorted(p for p in self.directory.glob("*.seg.tmp") if p != self._writer_path)
        return paths

    def _read_record(self, key: str) -> bytes | None:
        """The pickled result stored under ``key`` (checked against its CRC), or None."""
        entry = self._load_index().get(key)
        if entry is None:
            return None
        path, start, length = entry
        fh = self._files[path]
        fh.seek(start - _RECORD.size)
        klen, _, crc = _RECORD.unpack(fh.read(_RECORD.size))
        body = fh.read(length)
        if len(body) != length or zlib.crc32(body) != crc:
            log.warning("ignoring damaged cache entry %s in %s", key, path)
            return None
        return body[klen:]

    def __contains__(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (it may still fail its CRC when read)."""
        return key in self._load_index()

    def has_entries(self) -> bool:
        """Whether the cache holds any entry (an incremental build is likely)."""
        return bool(self._load_index())

    def get(self, key: str) -> DocResult | None:
        """The cached result, or None."""
        payload = self._read_record(key)
        if payload is None:
            return None
        try:
            result = pickle.loads(payload)
        except Exception:  # a damaged cache entry is re-extracted
            log.warning("ignoring undecodable cache entry %s", key)
            return None
        if not isinstance(result, DocResult):
            return None
        self.used.add(key)
        return result

    # writing

    def _open_writer(self) -> BinaryIO:
        if self._writer is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._writer_path = self.directory / f"{time.time_ns():020d}-{os.getpid()}.seg.tmp"
            self._writer = self._writer_path.open("xb")
            self._writer.write(_SEGMENT_MAGIC)
        return self._writer

    def _append(self, key: str, payload: bytes) -> None:
        writer = self._open_writer()
        kb = key.encode("ascii")
        writer.write(_RECORD.pack(len(kb), len(payload), zlib.crc32(kb + payload)))
        writer.write(kb)
        writer.write(payload)
        self._pending += 1
        if self._pending >= 256:  # bound what a crash can lose, without a sync per entry
            writer.flush()
            self._pending = 0

    def put(self, key: str, result: DocResult) -> None:
        """Store a result (durable after :meth:`commit`)."""
        self.put_raw(key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def put_raw(self, key: str, payload: bytes) -> None:
        """Store an already pickled :class:`DocResult`."""
        self._append(key, payload)
        self.used.add(key)

    def _finish_writer(self) -> Path | None:
        """Sync and close the segment being written, rename it into place; its final path."""
        if self._writer is None or self._writer_path is None:
            return None
        self._writer.flush()
        os.fsync(self._writer.fileno())
        self._writer.close()
        final = self._writer_path.with_suffix("")  # drop ".tmp"
        os.replace(self._writer_path, final)
        _fsync_dir(self.directory)
        self._writer = None
        self._writer_path = None
        self._pending = 0
        return final

    def commit(self) -> None:
        """Make the results written by this build durable (one sync and one rename per build)."""
        final = self._finish_writer()
        if final is not None and self._index is not None:
            self._scan_file(final, self._index)

    def prune(self) -> int:
        """Drop entries this build did not use (removed or changed documents); returns how many.

        The cache is rewritten as one segment when anything is stale or when
        more than a few segments have piled up from incremental builds.
        """
        self.commit()
        if not self.directory.is_dir():
            return 0
        index = self._load_index()
        stale = [k for k in index if k not in self.used]
        segments = self._segments(include_crashed=True)
        legacy = list(self.directory.glob("??/*.pkl"))  # the per-file cache of graphbuild 0.1
        crashed = [p for p in segments if p.suffix == ".tmp"]
        if not stale and not legacy and not crashed and len(segments) <= _MAX_SEGMENTS:
            return 0
        self._open_writer()
        for key in sorted(self.used & index.keys()):
            payload = self._read_record(key)
            if payload is not None:
                self._append(key, payload)
        keep = self._finish_writer()
        self.close()
        for path in [*segments, *legacy]:
            if path != keep:
                path.unlink(missing_ok=True)
        for sub in self.directory.glob("??"):
            with contextlib.suppress(OSError):
                sub.rmdir()
        return len(stale) + len(legacy)

    def close(self) -> None:
        """Close all files; a segment still being written stays as ``.seg.tmp`` (read by the next build)."""
        if self._writer is not None:
            self._writer.flush()
            os.fsync(self._writer.fileno())
            self._writer.close()
            self._writer = None
            self._writer_path = None
        for fh in self._files.values():
            fh.close()
        self._files.clear()
        self._index = None


def _fsync_dir(directory: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- extraction workers -------------------------------------------------------------------------

_WORKER_MODEL: str | None = None

#: Documents per task sent to a worker process: small enough to keep the
#: workers evenly busy up to the end, large enough that nlp.pipe batches well.
TASK_DOCS = 32

#: Documents per task of the local pool: a task holds one or more ``nlp.pipe``
#: batches; 16 keeps the two workers evenly busy up to the last task.
POOL_TASK_DOCS = 16


def _reason(exc: BaseException) -> str:
    """An exception as a short reason for a one-line error."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def _parse_short(nlp: Any, docs: Sequence[Document], batch_size: int) -> Iterator[tuple[Doc | str, Document]]:
    done = 0
    try:
        for sdoc, d in nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=batch_size):
            done += 1
            yield sdoc, d
    except Exception:
        for d in docs[done:]:  # find the document that broke the batch
            try:
                sdoc = nlp(d.text)
            except Exception as exc:
                log.debug("spaCy failed on %s: %s", d.id, exc)
                yield _reason(exc), d
            else:
                yield sdoc, d


def _parse(docs: Sequence[Document], model: str | None, batch_size: int) -> Iterator[tuple[Doc | str, Document]]:
    """Parsed documents one at a time (never the whole batch of Docs at once), in order.

    A document over :data:`~graphbuild.longdoc.DEFAULT_MAX_CHARS` is parsed in
    pieces (:func:`~graphbuild.longdoc.parse_long`).  When spaCy fails, the
    reason comes instead of the Doc.
    """
    from graphbuild.longdoc import DEFAULT_MAX_CHARS, parse_long
    from graphbuild.nlp import load_pipeline

    nlp = load_pipeline(model)
    short = _parse_short(nlp, [d for d in docs if len(d.text) <= DEFAULT_MAX_CHARS], batch_size)
    for d in docs:
        if len(d.text) <= DEFAULT_MAX_CHARS:
            yield next(short)
            continue
        try:
            sdoc = parse_long(nlp, d.text, DEFAULT_MAX_CHARS)
        except Exception as exc:
            log.debug("spaCy failed on %s: %s", d.id, exc)
            yield _reason(exc), d
        else:
            yield sdoc, d


def _extract_one(sdoc: Doc | str, d: Document) -> DocResult | str:
    from graphbuild.extract import extract_doc

    if isinstance(sdoc, str):
        return f"{d.source}: the language model could not parse document {d.id!r} ({sdoc})"
    try:
        return extract_doc(sdoc, d)
    except Exception as exc:  # one bad document never loses the others
        log.exception("extraction failed on %s", d.id)
        return f"{d.source}: extraction failed on document {d.id!r} ({type(exc).__name__}: {exc})"


def extract_batch(
    docs: Sequence[Document], model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[DocResult | str]:
    """Parse and extract a batch in this process; a failing document gives an error string."""
    return [_extract_one(sdoc, d) for sdoc, d in _parse(docs, model, batch_size)]


def extract_batch_pickled(
    docs: Sequence[Document], model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[bytes | str]:
    """Like :func:`extract_batch`, each result pickled (what a worker sends back and the cache stores)."""
    out: list[bytes | str] = []
    for sdoc, d in _parse(docs, model, batch_size):
        res = _extract_one(sdoc, d)
        out.append(res if isinstance(res, str) else pickle.dumps(res, protocol=pickle.HIGHEST_PROTOCOL))
    return out


def _init_worker(model: str | None, build_pid: int | None = None) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model
    if build_pid is not None:
        from graphbuild.lifecycle import watch_process

        watch_process(build_pid)  # the worker ends with the build, even after kill -9 (then the forkserver does)
    from graphbuild.nlp import load_pipeline

    load_pipeline(model)


def _worker_batch(docs: Sequence[Document], batch_size: int) -> list[bytes | str]:
    return extract_batch_pickled(docs, _WORKER_MODEL, batch_size)


class Prefetch:
    """One extraction process, started before the cache is read (incremental builds).

    Loading spaCy and the gazetteers takes about a second; reading thousands
    of cached results takes about as long.  A build over a warm cache starts
    this process first (with ``fork``, while the build has no other threads),
    reads its cache while the process loads, and hands it the few new
    documents.  If anything goes wrong there, :meth:`extract` returns None and
    the build extracts those documents itself (and reports any error then).
    """

    def __init__(self, model: str | None, batch_size: int) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_prefetch_main, args=(child, model, batch_size), daemon=True)
        self._proc.start()
        child.close()
        self._busy = False
        self._closed = False

    @staticmethod
    def possible() -> bool:
        """Whether a process can be forked safely here (POSIX, no other threads yet)."""
        import multiprocessing
        import threading

        return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1

    def send(self, docs: Sequence[Document]) -> bool:
        """Hand ``docs`` to the process (it starts on them once loaded); False when it is gone."""
        try:
            self._conn.send(list(docs))
            self._busy = True
        except (EOFError, OSError) as exc:
            log.debug("prefetch process failed: %s", exc)
            return False
        return True

    def receive(self, count: int) -> list[bytes | str] | None:
        """The pickled results (or error strings) of the ``count`` documents sent last; None on failure."""
        try:
            payloads = self._conn.recv()
        except (EOFError, OSError) as exc:
            log.debug("prefetch process failed: %s", exc)
            return None
        if not isinstance(payloads, list) or len(payloads) != count:
            return None
        return payloads

    def extract(self, docs: Sequence[Document]) -> list[bytes | str] | None:
        """Pickled results (or error strings) of ``docs``, in order; None when the process failed."""
        return self.receive(len(docs)) if self.send(docs) else None

    def close(self) -> None:
        """Stop the process: at once when it was never given work, else once it has finished."""
        if self._closed:
            return
        self._closed = True
        if self._busy:
            with contextlib.suppress(OSError):
                self._conn.send(None)
            self._proc.join(timeout=5)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join()
        self._conn.close()


def _prefetch_main(conn: Any, model: str | None, batch_size: int) -> None:
    """The prefetch process: load everything extraction needs, then extract what the build sends."""
    from graphbuild.lifecycle import end_with_parent

    end_with_parent()  # forked by the build's main thread: it ends with the build
    try:
        from graphbuild.gazetteer import gazetteer
        from graphbuild.nlp import load_pipeline

        load_pipeline(model)
        gazetteer()
    except Exception as exc:  # the build extracts in its own process and reports the problem
        log.debug("prefetch process cannot load the model: %s", exc)
        conn.close()
        return
    while True:
        try:
            docs = conn.recv()
        except (EOFError, OSError):
            return
        if docs is None:
            return
        conn.send(extract_batch_pickled(docs, model, batch_size))


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


#: One extraction outcome: the document, its result (or error message), and the
#: pickled result when a worker sent one (so the cache need not pickle it again).
Outcome = tuple[Document, DocResult | str, bytes | None]


def _outcomes(chunk: list[Document], payloads: list[bytes | str]) -> Iterator[Outcome]:
    for d, p in zip(chunk, payloads, strict=True):
        if isinstance(p, str):
            yield d, p, None
        else:
            yield d, pickle.loads(p), p


def extract_outcomes(
    docs: Iterable[Document],
    processes: int = 1,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Outcome]:
    """Extract documents in input order with ``processes`` workers, holding a bounded window in memory.

    With one process (or a single task's worth of documents) everything runs
    here, without a pool.  Otherwise a pool of ``processes`` workers, each
    loading the model once, receives tasks of :data:`POOL_TASK_DOCS` documents
    (or one batch, if larger); at most two tasks per worker are in flight.
    """
    chunks = _chunks(docs, max(batch_size, POOL_TASK_DOCS))
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if processes <= 1 or second is None:
        for chunk in (first, second):
            if chunk:
                for sdoc, d in _parse(chunk, model, batch_size):
                    yield d, _extract_one(sdoc, d), None
        for chunk in chunks:
            for sdoc, d in _parse(chunk, model, batch_size):
                yield d, _extract_one(sdoc, d), None
        return
    yield from _pool_outcomes(itertools.chain((first, second), chunks), processes, model, batch_size)


#: The task a pool worker runs on a chunk (tests replace it with one that dies).
WorkerTask = Callable[[Sequence[Document], int], list[bytes | str]]


def _pool_outcomes(
    chunks: Iterable[list[Document]],
    processes: int,
    model: str | None,
    batch_size: int,
    task: WorkerTask | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``chunks`` from a pool of ``processes`` workers, in order, two tasks per worker in flight.

    A worker that dies (the OOM killer, a signal) breaks the pool: a new pool
    retries the unfinished chunks one at a time; a chunk that kills a worker
    again is retried a document at a time, and a document that kills one
    alone is reported on one line.  No ``BrokenProcessPool`` reaches the caller.
    """
    import multiprocessing as mp
    from concurrent.futures.process import BrokenProcessPool

    run: WorkerTask = task or _worker_batch
    # forkserver: workers start from a clean, thread-free process (fork after
    # threads, e.g. a progress bar's, can deadlock); each loads the model once.
    ctx = mp.get_context("forkserver") if sys.platform != "win32" else mp.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=processes, mp_context=ctx, initializer=_init_worker,
                                   initargs=(model, os.getpid()))

    pool = new_pool()

    def alone(chunk: list[Document]) -> list[bytes | str] | None:
        """The chunk's payloads from a pool running nothing else; None when a worker died on it."""
        nonlocal pool
        try:
            return pool.submit(run, chunk, batch_size).result()
        except BrokenProcessPool:
            pool.shutdown(wait=True, cancel_futures=True)
            pool = new_pool()
            return None

    def recover(pending: list[list[Document]]) -> Iterator[Outcome]:
        for chunk in pending:
            payloads = alone(chunk)
            if payloads is not None:
                yield from _outcomes(chunk, payloads)
                continue
            for d in chunk:
                single = alone([d]) if len(chunk) > 1 else None
                if single is not None:
                    yield from _outcomes([d], single)
                else:
                    yield d, (f"{d.source}: the extraction process died while parsing document {d.id!r} "
                              "(killed, e.g. out of memory); skipped"), None

    window: deque[tuple[list[Document], Future[list[bytes | str]]]] = deque()
    try:
        it = iter(chunks)
        more = True
        while True:
            while more and len(window) < 2 * processes:
                chunk = next(it, None)
                if chunk is None:
                    more = False
                else:
                    window.append((chunk, pool.submit(run, chunk, batch_size)))
            if not window:
                break
            done_chunk, fut = window.popleft()
            try:
                payloads = fut.result()
            except BrokenProcessPool:
                log.warning("an extraction process died; retrying its documents")
                pending = [done_chunk, *(c for c, _ in window)]
                window.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                yield from recover(pending)
                continue
            yield from _outcomes(done_chunk, payloads)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


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
            key = fingerprints[doc.id] = doc_fingerprint(doc, EXTRACTOR_VERSION)
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

        stream = dask_outcomes(pending(documents), opts.dask_address, opts.model, opts.batch_size)
    elif opts.engine == "local":
        stream = extract_outcomes(pending(documents), processes, opts.model, opts.batch_size)
    else:
        raise GraphbuildError(f"unknown engine {opts.engine!r}; choose one of: dask, local")
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
                if payload is not None:
                    cache.put_raw(key, payload)
                else:
                    cache.put(key, res)
        if cache is not None:
            cache.commit()
            if not report.errors:  # an input that failed to read may come back: keep its entry
                cache.prune()
    finally:
        if cache is not None:
            cache.close()
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
    prefetch = Prefetch(opts.model, opts.batch_size)
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
            yield from extract_outcomes(pending(itertools.chain(scanned, it)), processes, opts.model, opts.batch_size)
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
            yield from extract_outcomes(todo, 1, opts.model, opts.batch_size)
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

    opts = opts or BuildOptions()
    check_base_iri(opts.base_iri)
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
        report.entities = sum(1 for _, a in graph.nodes(data=True) if a.get("type") != "Event")
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
    return Memo(cache_dir / MEMO_NAME, f"{renderer_version()}\x1f{base}\x1f{opts.base_iri or DEFAULT_BASE_IRI}")


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
    memo.save()
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
    paths = []
    with gc_paused():
        graph = read_json(src)
        for name in formats:
            if output and len(formats) == 1 and not Path(output).is_dir():
                target = Path(output)
            else:
                target = Path(output or outdir) / default_filename(name)
            paths.append(export(graph, name, target, base_iri=base_iri))
    return paths
