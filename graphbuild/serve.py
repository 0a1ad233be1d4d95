"""A small read-only SPARQL endpoint over a build file or a store directory.

Standard library ``http.server`` plus pyoxigraph.  It speaks the query part
of the SPARQL 1.1 Protocol: ``GET ?query=...``, ``POST`` with
``application/sparql-query`` or a form with ``query=``.  Results are SPARQL
JSON by default, CSV/TSV/XML by ``Accept``; graphs (CONSTRUCT/DESCRIBE) are
N-Triples or Turtle.  Updates are refused (403) and other methods get 405.
The default graph is the union of all named graphs.  It binds to 127.0.0.1
unless told otherwise; it is meant for local use, not for the open internet.

Hardening: ``SERVICE`` clauses are refused (the server never sends a request
a client names); each query runs in a forked child process that is killed at
the time limit (default 30 s), so an abandoned cross-product stops using the
CPU; at most ``max_queries`` run at once; request bodies are read up to
1 MiB whatever the headers say; connections are accepted by one thread and
handled by a bounded pool of reused threads (:mod:`graphbuild.httploop`), and
a connection whose request has not arrived ``idle_timeout`` seconds after it
was accepted, or after a handler took it, is dropped.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import pickle
import queue
import re
import select
import signal
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Final, cast

import pyoxigraph as ox

from graphbuild.errors import QueryError
from graphbuild.httploop import DeadlineReader, PooledHTTPServer
from graphbuild.lifecycle import watch_parent
from graphbuild.query import open_data

log = logging.getLogger(__name__)

MAX_BODY: Final = 1 << 20
#: Seconds a query may run before its process is killed.
DEFAULT_QUERY_TIMEOUT: Final = 30.0
#: Seconds a connection may stay silent (before or inside a request) before it is dropped.
DEFAULT_IDLE_TIMEOUT: Final = 10.0
_RESULT_TYPES: Final = (
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/json", ox.QueryResultsFormat.JSON),
    ("text/csv", ox.QueryResultsFormat.CSV),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
)
_GRAPH_TYPES: Final = (
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
)
_USAGE: Final = (
    "graphbuild read-only SPARQL endpoint.\n"
    "GET /query?query=... or POST /query (application/sparql-query or form query=...).\n"
)


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (q-values respected, ties keep order)."""
    items: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            items.append((-q, i, fields[0].lower()))
    return [m for _, _, m in sorted(items)]


def _negotiate(accept: str, table: tuple[tuple[str, ox.QueryResultsFormat], ...] | tuple[tuple[str, ox.RdfFormat], ...]
               ) -> tuple[str, ox.QueryResultsFormat | ox.RdfFormat] | None:
    wanted = _accepted(accept or "*/*")
    for media in wanted:
        for name, fmt in table:
            if media == name or media in ("*/*", name.split("/")[0] + "/*"):
                return name, fmt
    return None


_COMMENT_STRING_IRI: Final = re.compile(
    r"""#[^\n\r]*|'{3}.*?'{3}|"{3}.*?"{3}|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*"|<[^<>"{}|^`\\\s]*>""",
    re.DOTALL,
)
_SERVICE: Final = re.compile(r"(?<![\w?$:\-])SERVICE(?![\w\-:])", re.IGNORECASE)
_ESCAPE: Final = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def uses_service(query: str) -> bool:
    """Whether ``query`` has a ``SERVICE`` clause (federation: the server would send requests).

    ``\\uXXXX`` escapes are decoded first (SPARQL decodes them before parsing);
    comments, strings and IRIs are skipped, so a variable, prefixed name,
    literal or IRI that reads "service" is not taken for the keyword.
    """
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if int(m.group(1) or m.group(2), 16) < 0x110000
                       else m.group(0), query)
    return bool(_SERVICE.search(_COMMENT_STRING_IRI.sub(" ", text)))


def _evaluate(store: ox.Store, query: str, accept: str) -> tuple[int, str, bytes]:
    """Run ``query`` and serialise its results for ``accept``: (HTTP status, media type, body)."""
    try:
        result = store.query(query, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryTriples):
            chosen = _negotiate(accept, _GRAPH_TYPES)
            if chosen is None:
                return _plain(HTTPStatus.NOT_ACCEPTABLE, "graph results are N-Triples, Turtle or JSON-LD")
            media, fmt = chosen
            assert isinstance(fmt, ox.RdfFormat)
            data = ox.serialize(list(result), format=fmt) or b""
        else:
            chosen = _negotiate(accept, _RESULT_TYPES)
            if chosen is None:
                return _plain(HTTPStatus.NOT_ACCEPTABLE, "results are SPARQL JSON, CSV, TSV or XML")
            media, rfmt = chosen
            assert isinstance(rfmt, ox.QueryResultsFormat)
            data = result.serialize(format=rfmt) or b""
    except SyntaxError as exc:
        message = " ".join(str(exc).split())
        if any(w in query.upper() for w in ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE")):
            return _plain(HTTPStatus.FORBIDDEN, f"read-only endpoint; not a query: {message}")
        return _plain(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {message}")
    except (RuntimeError, OSError, ValueError) as exc:
        return _plain(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {' '.join(str(exc).split())}")
    charset = "" if media.endswith("json") else "; charset=utf-8"
    return HTTPStatus.OK, media + charset, data


def _plain(status: int, message: str) -> tuple[int, str, bytes]:
    return status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8")


_LEN: Final = struct.Struct("<Q")


def _send_msg(sock: socket.socket, obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    sock.sendall(_LEN.pack(len(data)) + data)


def _recv_exact(sock: socket.socket, size: int, deadline: float | None) -> bytes:
    chunks: list[bytes] = []
    while size:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([sock], [], [], left)[0]:
                raise TimeoutError
        chunk = sock.recv(min(size, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _recv_msg(sock: socket.socket, deadline: float | None = None) -> object:
    (size,) = _LEN.unpack(_recv_exact(sock, _LEN.size, deadline))
    return pickle.loads(_recv_exact(sock, size, deadline))


def _worker_main(store: ox.Store, data_dir: Path | None, sock: socket.socket) -> None:
    """A query process: answer (query, accept) requests one at a time until the server goes."""
    code = 0
    try:
        watch_parent(0.5)  # not PR_SET_PDEATHSIG: that fires when the forking thread (a request's) ends
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the server, which ends us
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if data_dir is not None:  # a store directory: opened afresh, not through the server's handles
            store = ox.Store.read_only(str(data_dir))
        while True:
            try:
                request = cast(tuple[str, str], _recv_msg(sock))
            except (EOFError, OSError):
                break
            _send_msg(sock, _evaluate(store, request[0], request[1]))
    except BaseException:
        code = 1
    finally:
        os._exit(code)


class _Worker:
    def __init__(self, store: ox.Store, data_dir: Path | None) -> None:
        parent, child = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            # keep only stdio and our socket: an inherited listening socket or client connection
            # would stay open in this process after the server closed it
            keep = child.fileno()
            os.closerange(3, keep)
            os.closerange(keep + 1, 1 << 16)
            _worker_main(store, data_dir, child)
        child.close()
        self.pid = pid
        self.sock = parent

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


class QueryPool:
    """Query processes forked from the server (sharing its loaded store), one query each at a time.

    A query that outlives ``timeout`` has its process killed (the work stops
    at once) and a fresh one forked in its place; a request waits for a free
    process, so at most ``size`` queries run at once.
    """

    def __init__(self, store: ox.Store, data_dir: Path | None, size: int, timeout: float) -> None:
        self.store = store
        self.data_dir = data_dir
        self.timeout = timeout
        self._lock = threading.Lock()
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: set[_Worker] = set()
        self._closed = False
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        with self._lock:
            if self._closed:
                return
            worker = _Worker(self.store, self.data_dir)
            self._all.add(worker)
        self._idle.put(worker)

    def _drop(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)
        self._add()

    def run(self, query: str, accept: str, wait: float) -> tuple[int, str, bytes]:
        """The answer to ``query``: (HTTP status, media type, body)."""
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            return _plain(HTTPStatus.SERVICE_UNAVAILABLE, "too many queries at once; try again")
        deadline = time.monotonic() + self.timeout
        try:
            _send_msg(worker.sock, (query, accept))
            answer = _recv_msg(worker.sock, deadline)
        except TimeoutError:
            self._drop(worker)
            return _plain(HTTPStatus.SERVICE_UNAVAILABLE,
                          f"query stopped: it ran longer than the time limit of {self.timeout:g} s")
        except (EOFError, OSError, pickle.UnpicklingError):
            self._drop(worker)
            return _plain(HTTPStatus.INTERNAL_SERVER_ERROR, "query failed: its process ended without an answer")
        self._idle.put(worker)
        return cast(tuple[int, str, bytes], answer)

    def close(self) -> None:
        """Stop every query process."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "graphbuild-serve"

    def setup(self) -> None:
        super().setup()
        # the whole request must arrive within the idle timeout, however it trickles in
        self.rfile = io.BufferedReader(DeadlineReader(self.connection, self.server.idle_timeout))

    def log_message(self, format: str, *args: object) -> None:
        if log.isEnabledFor(logging.INFO):
            log.info("%s %s", self.address_string(), format % args)

    def _send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8") -> None:
        self.connection.settimeout(self.server.idle_timeout)  # a client that stops reading is dropped
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message.rstrip("\n") + "\n").encode("utf-8"))

    def _path_ok(self) -> bool:
        path = urllib.parse.urlsplit(self.path).path.rstrip("/")
        return path in ("", "/query", "/sparql")

    def do_GET(self) -> None:
        """GET ?query=...; ?update=... is refused."""
        if not self._path_ok():
            self._error(HTTPStatus.NOT_FOUND, "not found; use /query")
            return
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            return
        queries = params.get("query")
        if not queries:
            self._send(HTTPStatus.OK, _USAGE.encode("utf-8"))
            return
        self._answer(queries[0])

    do_HEAD = do_GET

    def do_POST(self) -> None:
        """POST application/sparql-query or a form with query=; updates are refused."""
        if not self._path_ok():
            self._error(HTTPStatus.NOT_FOUND, "not found; use /query")
            return
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            return
        raw_length = (self.headers.get("Content-Length") or "0").strip()
        if not raw_length.isdigit() or len(self.headers.get_all("Content-Length") or []) > 1:
            self.close_connection = True
            self._error(HTTPStatus.BAD_REQUEST, "bad Content-Length")
            return
        length = int(raw_length)
        if length > MAX_BODY:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"query larger than {MAX_BODY} bytes")
            return
        data = self.rfile.read(length)
        if len(data) < length:
            self.close_connection = True
            self._error(HTTPStatus.BAD_REQUEST, "body shorter than its Content-Length")
            return
        body = data.decode("utf-8", "replace")
        if ctype == "application/sparql-query":
            self._answer(body)
            return
        if ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body)
            if "update" in form:
                self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
                return
            if "query" in form:
                self._answer(form["query"][0])
                return
            self._error(HTTPStatus.BAD_REQUEST, "form has no query field")
            return
        self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported Content-Type {ctype!r}")

    def _refuse(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD, POST")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_DELETE = do_PATCH = _refuse

    def _answer(self, query: str) -> None:
        if uses_service(query):
            self._error(HTTPStatus.FORBIDDEN, "SERVICE (federated query) is refused: this endpoint sends no requests")
            return
        accept = self.headers.get("Accept") or ""
        pool = self.server.pool
        if pool is None:
            status, media, body = _evaluate(self.server.store, query, accept)
        else:
            status, media, body = pool.run(query, accept, max(self.server.query_timeout, self.server.idle_timeout))
        self._send(status, body, media)


class SparqlServer(PooledHTTPServer):
    """An HTTP server holding one read-only pyoxigraph store (connections handled by a pool of threads).

    ``data_dir`` is the store directory when the data is one (query processes
    open it themselves); ``query_timeout`` the seconds a query may run (0: no
    limit, queries run in the server's threads); ``max_queries`` how many run
    at once; ``idle_timeout`` the socket timeout of a connection.
    """

    def __init__(
        self,
        store: ox.Store,
        address: tuple[str, int],
        *,
        data_dir: Path | None = None,
        query_timeout: float = DEFAULT_QUERY_TIMEOUT,
        max_queries: int | None = None,
        idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
    ) -> None:
        self.store = store
        self.data_dir = data_dir
        self.query_timeout = query_timeout
        self.idle_timeout = idle_timeout
        super().__init__(address, _Handler)
        self.pool: QueryPool | None = None
        if hasattr(os, "fork") and query_timeout > 0:  # forked while the server has no threads yet
            self.pool = QueryPool(store, data_dir, max_queries or max(4, 2 * (os.cpu_count() or 1)), query_timeout)
        self.max_threads = max(32, 4 * (max_queries or 0))  # requests read and answered at once

    def server_close(self) -> None:
        """Close the socket and stop the query processes."""
        super().server_close()
        if self.pool is not None:
            self.pool.close()

    @property
    def url(self) -> str:
        """The query URL."""
        host, port = self.server_address[:2]
        shown = host if isinstance(host, str) else host.decode()
        if ":" in shown:
            shown = f"[{shown}]"
        return f"http://{shown}:{port}/query"


def make_server(
    data: str | Path,
    host: str = "127.0.0.1",
    port: int = 7879,
    *,
    query_timeout: float = DEFAULT_QUERY_TIMEOUT,
    max_queries: int | None = None,
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
) -> SparqlServer:
    """A server over a file or store directory; call ``serve_forever()`` (e.g. in a thread)."""
    store = open_data(data)
    data_dir = Path(data) if Path(data).is_dir() else None
    try:
        return SparqlServer(store, (host, port), data_dir=data_dir, query_timeout=query_timeout,
                            max_queries=max_queries, idle_timeout=idle_timeout)
    except OSError as exc:
        raise QueryError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve_in_thread(server: SparqlServer) -> threading.Thread:
    """Run ``server`` in a daemon thread (for tests and notebooks)."""
    thread = threading.Thread(target=server.serve_forever, name="graphbuild-serve", daemon=True)
    thread.start()
    return thread


def main_serve(args: argparse.Namespace) -> int:
    """``graphbuild serve``: serve until interrupted."""
    server = make_server(args.data, args.host, args.port, query_timeout=getattr(args, "timeout", DEFAULT_QUERY_TIMEOUT),
                         max_queries=getattr(args, "max_queries", None))
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("listening on %s: the endpoint is reachable from other machines", args.host)
    print(f"graphbuild: serving {args.data} read-only at {server.url} (Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
