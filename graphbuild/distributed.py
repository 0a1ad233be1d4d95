"""Extraction on a Dask cluster: the same per-document work as the local pool, spread over machines.

Each task parses and extracts a small partition of documents on a worker and
sends back pickled :class:`~graphbuild.model.DocResult` records; the model is
loaded once per worker process (:func:`graphbuild.nlp.load_pipeline` is
cached).  A bounded number of tasks is in flight, results come back in input
order, and tasks lost with a worker are recomputed elsewhere, so a build
survives losing a worker.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from graphbuild.errors import GraphbuildError
from graphbuild.model import DocResult, Document
from graphbuild.workers import DEFAULT_BATCH_SIZE, TASK_DOCS, Outcome, _chunks, _outcomes, extract_batch_pickled

log = logging.getLogger(__name__)

#: Times a failed task is resubmitted (worker crashes are recovered by the scheduler as well).
RETRIES = 3

#: Tasks in flight per worker thread.
IN_FLIGHT_PER_WORKER = 2

_LOCK = threading.Lock()  # a spaCy pipeline is not shared between threads of one worker


def _task(docs: Sequence[Document], model: str | None, batch_size: int, max_chars: int | None = None
          ) -> list[bytes | str]:
    """Run on a worker: parse and extract ``docs`` (the model loads on the first task only)."""
    with _LOCK:
        return extract_batch_pickled(docs, model, batch_size, max_chars)


def _connect(address: str | None) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise GraphbuildError(
            "the dask engine needs dask[distributed]: pip install 'graphbuild[dask]'"
        ) from None
    if address is None:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), cluster  # type: ignore[no-untyped-call]
    try:
        return Client(address, timeout="30s"), None  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise GraphbuildError(f"cannot reach the Dask scheduler at {address!r} ({exc})") from None


def dask_outcomes(
    docs: Iterable[Document],
    address: str | None = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int | None = None,
) -> Iterator[Outcome]:
    """Like :func:`graphbuild.pipeline.extract_outcomes`, on the Dask cluster at ``address``.

    ``address`` None starts a local cluster (one single-threaded worker process
    per CPU core) for the duration of the build.
    """
    chunks = _chunks(docs, max(1, min(batch_size, TASK_DOCS)))
    first = next(chunks, None)
    if first is None:
        return
    client, cluster = _connect(address)
    try:
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        limit = IN_FLIGHT_PER_WORKER * max(1, threads)
        window: deque[tuple[list[Document], Any]] = deque()

        def take() -> Iterator[Outcome]:
            chunk, fut = window.popleft()
            try:
                payloads = fut.result()
            except Exception as exc:
                raise GraphbuildError(
                    f"a Dask task failed on documents {chunk[0].id!r}..{chunk[-1].id!r} "
                    f"after {RETRIES} retries ({type(exc).__name__}: {exc})"
                ) from exc
            fut.release()
            return _outcomes(chunk, payloads)

        for chunk in _prepend(first, chunks):
            fut = client.submit(_task, chunk, model, batch_size, max_chars, retries=RETRIES, pure=False)
            window.append((chunk, fut))
            while len(window) >= limit:
                yield from take()
        while window:
            yield from take()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _prepend(first: list[Document], rest: Iterator[list[Document]]) -> Iterator[list[Document]]:
    yield first
    yield from rest


def extract_dask(
    docs: Iterable[Document],
    address: str | None = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[tuple[Document, DocResult | str]]:
    """Extract documents on a Dask cluster, in input order (see :func:`dask_outcomes`)."""
    for d, res, _ in dask_outcomes(docs, address, model, batch_size):
        yield d, res
