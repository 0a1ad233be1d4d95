"""Extraction in worker processes: parsing (long documents in pieces), the pool with its retries, prefetch.

Each worker process loads the model once and returns small pickled
:class:`~graphbuild.model.DocResult` records, so memory does not grow with
spaCy Docs.  Workers end with the build, even after ``kill -9``
(:mod:`graphbuild.lifecycle`).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import pickle
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any

from graphbuild.model import DocResult, Document

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from graphbuild.longdoc import Pieces

log = logging.getLogger(__name__)

#: Documents per ``nlp.pipe`` batch.  spaCy's speed is nearly flat from 8 to 64
#: news articles per batch, but a worker's memory peaks with the batch (on BBC
#: articles about 370 MB at 12, 420 MB at 16, 600 MB at 64), so the default is small.
DEFAULT_BATCH_SIZE = 12


_WORKER_MODEL: str | None = None
_WORKER_MAX_CHARS: int | None = None

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


def _parse(
    docs: Sequence[Document], model: str | None, batch_size: int, max_chars: int | None = None
) -> Iterator[tuple[Doc | Pieces | str, Document]]:
    """Parsed documents one at a time (never the whole batch of Docs at once), in order.

    A document over ``max_chars`` (default
    :data:`~graphbuild.longdoc.DEFAULT_MAX_CHARS`) comes as
    :class:`~graphbuild.longdoc.Pieces`, parsed piece by piece as it is
    extracted.  When spaCy fails, the reason comes instead of the Doc.
    """
    from graphbuild import longdoc
    from graphbuild.longdoc import DEFAULT_MAX_CHARS
    from graphbuild.nlp import load_pipeline

    limit = max_chars or DEFAULT_MAX_CHARS
    nlp = load_pipeline(model)
    short = _parse_short(nlp, [d for d in docs if len(d.text) <= limit], batch_size)
    for d in docs:
        if len(d.text) <= limit:
            yield next(short)
            continue
        yield longdoc.Pieces(nlp, d.text, limit), d


def _extract_one(sdoc: Doc | Pieces | str, d: Document) -> DocResult | str:
    from graphbuild.extract import extract_doc
    from graphbuild.extract.pieces import extract_pieces
    from graphbuild.longdoc import PieceParseError, Pieces

    if isinstance(sdoc, str):
        return f"{d.source}: the language model could not parse document {d.id!r} ({sdoc})"
    try:
        if isinstance(sdoc, Pieces):
            return extract_pieces(sdoc.parsed(), d)
        return extract_doc(sdoc, d)
    except PieceParseError as exc:
        log.debug("spaCy failed on %s: %s", d.id, exc.__cause__ or exc)
        return _extract_one(_reason(exc.__cause__ or exc), d)
    except Exception as exc:  # one bad document never loses the others
        log.exception("extraction failed on %s", d.id)
        return f"{d.source}: extraction failed on document {d.id!r} ({type(exc).__name__}: {exc})"


def extract_batch(
    docs: Sequence[Document], model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int | None = None,
) -> list[DocResult | str]:
    """Parse and extract a batch in this process; a failing document gives an error string."""
    return [_extract_one(sdoc, d) for sdoc, d in _parse(docs, model, batch_size, max_chars)]


def extract_batch_pickled(
    docs: Sequence[Document], model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int | None = None,
) -> list[bytes | str]:
    """Like :func:`extract_batch`, each result pickled (what a worker sends back and the cache stores)."""
    out: list[bytes | str] = []
    for sdoc, d in _parse(docs, model, batch_size, max_chars):
        res = _extract_one(sdoc, d)
        out.append(res if isinstance(res, str) else pickle.dumps(res, protocol=pickle.HIGHEST_PROTOCOL))
    return out


def _init_worker(model: str | None, build_pid: int | None = None, max_chars: int | None = None) -> None:
    global _WORKER_MODEL, _WORKER_MAX_CHARS
    _WORKER_MODEL = model
    _WORKER_MAX_CHARS = max_chars
    if build_pid is not None:
        from graphbuild.lifecycle import watch_process

        watch_process(build_pid)  # the worker ends with the build, even after kill -9 (then the forkserver does)
    _load_frozen(model)


def _load_frozen(model: str | None) -> None:
    """Load the model, the gazetteers and the extraction modules, then move them out of the collector's sight.

    They live as long as the process; without ``gc.freeze`` every full collection (extraction makes
    many short-lived objects, so there are many) would scan the model's objects again.
    """
    import gc

    import graphbuild.extract  # noqa: F401  (its tables, built at import)
    from graphbuild.gazetteer import gazetteer
    from graphbuild.nlp import load_pipeline

    load_pipeline(model)
    gazetteer()
    gc.collect()
    gc.freeze()


def _worker_batch(docs: Sequence[Document], batch_size: int) -> list[bytes | str]:
    return extract_batch_pickled(docs, _WORKER_MODEL, batch_size, _WORKER_MAX_CHARS)


class Prefetch:
    """One extraction process, started before the cache is read (incremental builds).

    Loading spaCy and the gazetteers takes about a second; reading thousands
    of cached results takes about as long.  A build over a warm cache starts
    this process first (with ``fork``, while the build has no other threads),
    reads its cache while the process loads, and hands it the few new
    documents.  If anything goes wrong there, :meth:`extract` returns None and
    the build extracts those documents itself (and reports any error then).
    """

    def __init__(self, model: str | None, batch_size: int, max_chars: int | None = None) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_prefetch_main, args=(child, model, batch_size, max_chars),
                                 daemon=True)
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


def _prefetch_main(conn: Any, model: str | None, batch_size: int, max_chars: int | None = None) -> None:
    """The prefetch process: load everything extraction needs, then extract what the build sends."""
    from graphbuild.lifecycle import end_with_parent

    end_with_parent()  # forked by the build's main thread: it ends with the build
    try:
        _load_frozen(model)
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
        conn.send(extract_batch_pickled(docs, model, batch_size, max_chars))


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
    max_chars: int | None = None,
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
                for sdoc, d in _parse(chunk, model, batch_size, max_chars):
                    yield d, _extract_one(sdoc, d), None
        for chunk in chunks:
            for sdoc, d in _parse(chunk, model, batch_size, max_chars):
                yield d, _extract_one(sdoc, d), None
        return
    yield from _pool_outcomes(itertools.chain((first, second), chunks), processes, model, batch_size,
                              max_chars=max_chars)


#: The task a pool worker runs on a chunk (tests replace it with one that dies).
WorkerTask = Callable[[Sequence[Document], int], list[bytes | str]]


def _pool_outcomes(
    chunks: Iterable[list[Document]],
    processes: int,
    model: str | None,
    batch_size: int,
    task: WorkerTask | None = None,
    max_chars: int | None = None,
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
                                   initargs=(model, os.getpid(), max_chars))

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
