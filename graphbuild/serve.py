"""A small read-only SPARQL endpoint over a build file or a store directory.

Standard library ``http.server`` plus pyoxigraph.  It speaks the query part
of the SPARQL 1.1 Protocol: ``GET ?query=...``, ``POST`` with
``application/sparql-query`` or a form with ``query=``.  Results are SPARQL
JSON by default, CSV/TSV/XML by ``Accept``; graphs (CONSTRUCT/DESCRIBE) are
N-Triples or Turtle.  Updates are refused (403) and other methods get 405.
The default graph is the union of all named graphs.  It binds to 127.0.0.1
unless told otherwise; it is meant for local use, not for the open internet.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Final

import pyoxigraph as ox

from graphbuild.errors import QueryError
from graphbuild.query import open_data

log = logging.getLogger(__name__)

MAX_BODY: Final = 1 << 20
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


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "graphbuild-serve"

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)

    def _send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8") -> None:
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
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self._error(HTTPStatus.BAD_REQUEST, "bad Content-Length")
            return
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"query larger than {MAX_BODY} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
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
        try:
            result = self.server.store.query(query, use_default_graph_as_union=True)
        except SyntaxError as exc:
            message = " ".join(str(exc).split())
            if any(w in query.upper() for w in ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE")):
                self._error(HTTPStatus.FORBIDDEN, f"read-only endpoint; not a query: {message}")
            else:
                self._error(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {message}")
            return
        except (RuntimeError, OSError, ValueError) as exc:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {exc}")
            return
        accept = self.headers.get("Accept") or ""
        if isinstance(result, ox.QueryTriples):
            chosen = _negotiate(accept, _GRAPH_TYPES)
            if chosen is None:
                self._error(HTTPStatus.NOT_ACCEPTABLE, "graph results are N-Triples, Turtle or JSON-LD")
                return
            media, fmt = chosen
            assert isinstance(fmt, ox.RdfFormat)
            data = ox.serialize(list(result), format=fmt) or b""
        else:
            chosen = _negotiate(accept, _RESULT_TYPES)
            if chosen is None:
                self._error(HTTPStatus.NOT_ACCEPTABLE, "results are SPARQL JSON, CSV, TSV or XML")
                return
            media, rfmt = chosen
            assert isinstance(rfmt, ox.QueryResultsFormat)
            data = result.serialize(format=rfmt) or b""
        charset = "" if media.endswith("json") else "; charset=utf-8"
        self._send(HTTPStatus.OK, data, media + charset)


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server holding one read-only pyoxigraph store."""

    daemon_threads = True

    def __init__(self, store: ox.Store, address: tuple[str, int]) -> None:
        self.store = store
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        """The query URL."""
        host, port = self.server_address[:2]
        shown = host if isinstance(host, str) else host.decode()
        if ":" in shown:
            shown = f"[{shown}]"
        return f"http://{shown}:{port}/query"


def make_server(data: str | Path, host: str = "127.0.0.1", port: int = 7879) -> SparqlServer:
    """A server over a file or store directory; call ``serve_forever()`` (e.g. in a thread)."""
    store = open_data(data)
    try:
        return SparqlServer(store, (host, port))
    except OSError as exc:
        raise QueryError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve_in_thread(server: SparqlServer) -> threading.Thread:
    """Run ``server`` in a daemon thread (for tests and notebooks)."""
    thread = threading.Thread(target=server.serve_forever, name="graphbuild-serve", daemon=True)
    thread.start()
    return thread


def main_serve(args: argparse.Namespace) -> int:
    """``graphbuild serve``: serve until interrupted."""
    server = make_server(args.data, args.host, args.port)
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
