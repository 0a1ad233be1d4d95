"""Upload a build to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

``mode="graphs"`` PUTs one named graph per document plus the two
corpus-level graphs (``?graph=<iri>``), so pushing a rebuild replaces exactly
those graphs; then, unless ``prune=False``, it asks the store's SPARQL
endpoint (``query_endpoint``, by default the Graph Store URL with its last
path segment ``store`` or ``data`` replaced by ``query``) which graphs of the
build's own names (``<base>graph/doc/…``) it holds, and DELETEs those of
documents no longer in the build, so the store answers as the new build;
``mode="default"`` POSTs every triple to ``?default`` (POST adds: triples of
an earlier push that are gone from the build stay in the store).

The build is read from ``OUTDIR/graph.json`` (converted with the RDF exporter)
or, when there is none, from ``OUTDIR/graph.nq``.  Local files are only read.
"""

from __future__ import annotations

import argparse
import base64
import logging
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import pyoxigraph as ox

from graphbuild.errors import PushError

log = logging.getLogger(__name__)

USER_AGENT: Final = "graphbuild-push"
NTRIPLES: Final = "application/n-triples; charset=utf-8"
_LOOPBACK: Final = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclass
class PushReport:
    """What was uploaded."""

    endpoint: str
    mode: str
    graphs: list[str] = field(default_factory=list)
    triples: int = 0
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the CLI."""
        where = f"{len(self.graphs)} named graphs" if self.mode == "graphs" else "the default graph"
        gone = f"; removed {len(self.removed)} graphs of documents no longer in the build" if self.removed else ""
        return f"pushed {self.triples} triples to {where} at {self.endpoint}{gone}"


def load_build_quads(outdir: str | Path, base_iri: str | None = None) -> list[ox.Quad]:
    """The quads of a build directory: from graph.json when present, else graph.nq."""
    out = Path(outdir)
    gj = out / "graph.json"
    nq = out / "graph.nq"
    if gj.is_file():
        from graphbuild.exporters.nodelink import read_json
        from graphbuild.exporters.rdf import graph_to_quads

        try:
            graph = read_json(gj)
        except (OSError, ValueError, KeyError) as exc:
            raise PushError(f"{gj}: cannot read the build: {exc}") from None
        return graph_to_quads(graph, base_iri)
    if nq.is_file():
        try:
            return list(ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS))
        except (OSError, SyntaxError) as exc:
            raise PushError(f"{nq}: cannot read the build: {exc}") from None
    raise PushError(f"{out}: no graph.json or graph.nq; run graphbuild build first")


def _with_query(endpoint: str, query: str) -> str:
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def auth_headers(user: str | None = None, password: str | None = None, token: str | None = None) -> dict[str, str]:
    """The Authorization header for a bearer token or basic auth (token wins)."""
    if token:
        return {"Authorization": f"Bearer {token}"}
    if user is not None:
        raw = f"{user}:{password or ''}".encode()
        return {"Authorization": "Basic " + base64.b64encode(raw).decode("ascii")}
    return {}


def _short(body: bytes, limit: int = 200) -> str:
    text = " ".join(body.decode("utf-8", "replace").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def send(
    method: str,
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 0.5,
) -> int:
    """One HTTP request with retries on connection errors and 5xx answers; the status code.

    Raises :class:`PushError` (one line) for a refused request (4xx, or 5xx
    after the retries) and for an endpoint that cannot be reached.
    """
    attempt = 0
    while True:
        req = urllib.request.Request(url, data=body, method=method, headers={"User-Agent": USER_AGENT, **headers})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                status: int = resp.status
                return status
        except urllib.error.HTTPError as exc:
            detail = _short(exc.read(1000))
            if exc.code < 500 or attempt >= retries:
                raise PushError(f"{method} {url} refused: HTTP {exc.code} {exc.reason}: {detail}") from None
            log.warning("%s %s: HTTP %s; retrying", method, url, exc.code)
        except (urllib.error.URLError, OSError) as exc:
            if attempt >= retries:
                reason = getattr(exc, "reason", exc)
                raise PushError(f"{method} {url}: endpoint unreachable: {reason}") from None
            log.warning("%s %s: %s; retrying", method, url, exc)
        time.sleep(backoff * (2**attempt))
        attempt += 1


def _ntriples(triples: Iterable[ox.Triple]) -> bytes:
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return data or b""


def default_query_endpoint(endpoint: str) -> str | None:
    """The SPARQL query URL beside a Graph Store URL (``…/store`` or ``…/data`` -> ``…/query``); None if unknown."""
    parts = urllib.parse.urlsplit(endpoint)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last not in ("store", "data"):
        return None
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, head + "/query", "", ""))


_GRAPHS_QUERY: Final = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER STRSTARTS(STR(?g), ?prefix) }"


def _stale_graphs(query_url: str, prefix: str, pushed: set[str], headers: Mapping[str, str], timeout: float) -> list[str]:
    """The graphs under ``prefix`` the store holds that are not in ``pushed``."""
    from graphbuild.query import query_endpoint

    auth = {k: v for k, v in headers.items() if k == "Authorization"}
    result = query_endpoint(query_url, _GRAPHS_QUERY, {"prefix": ox.Literal(prefix)}, timeout=timeout, headers=auth)
    names = {str(row[0].value) for row in result.rows if isinstance(row[0], ox.NamedNode)}
    return sorted(names - pushed)


def push(
    outdir: str | Path,
    endpoint: str,
    mode: str = "graphs",
    user: str | None = None,
    password: str | None = None,
    token: str | None = None,
    timeout: float = 30.0,
    retries: int = 3,
    base_iri: str | None = None,
    backoff: float = 0.5,
    prune: bool = True,
    query_endpoint: str | None = None,
) -> PushReport:
    """Upload the build in ``outdir`` to a Graph Store Protocol ``endpoint`` (e.g. ``http://host:7878/store``)."""
    if mode not in ("graphs", "default"):
        raise PushError(f"unknown push mode {mode!r}; choose graphs or default")
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"{endpoint!r} is not an http(s) URL")
    headers = {"Content-Type": NTRIPLES, **auth_headers(user, password, token)}
    if "Authorization" in headers and parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        log.warning("sending credentials over plain http to %s", parts.hostname)
    quads = load_build_quads(outdir, base_iri)
    report = PushReport(endpoint, mode)
    if mode == "default":
        triples = sorted({q.triple for q in quads}, key=str)
        send("POST", _with_query(endpoint, "default"), _ntriples(triples), headers, timeout, retries, backoff)
        report.triples = len(triples)
        return report
    grouped: dict[str, list[ox.Triple]] = {}
    for q in quads:
        graph_name = q.graph_name
        if not isinstance(graph_name, ox.NamedNode):
            raise PushError("the build has triples outside named graphs; use --mode default")
        grouped.setdefault(graph_name.value, []).append(q.triple)
    for name in sorted(grouped):
        url = _with_query(endpoint, "graph=" + urllib.parse.quote(name, safe=""))
        send("PUT", url, _ntriples(grouped[name]), headers, timeout, retries, backoff)
        report.graphs.append(name)
        report.triples += len(grouped[name])
        log.info("PUT %s (%d triples)", name, len(grouped[name]))
    if prune:
        _prune(report, endpoint, query_endpoint, set(grouped), headers, timeout, retries, backoff)
    return report


def _prune(
    report: PushReport,
    endpoint: str,
    query_url: str | None,
    pushed: set[str],
    headers: Mapping[str, str],
    timeout: float,
    retries: int,
    backoff: float,
) -> None:
    """DELETE the document graphs of the build's base that the store holds and the build no longer has."""
    corpus = [n for n in pushed if n.endswith("graph/entities")]
    if not corpus:
        return
    prefix = corpus[0][: -len("entities")] + "doc/"
    url = query_url or default_query_endpoint(endpoint)
    if url is None:
        log.warning("no SPARQL endpoint known beside %s (give --query-endpoint): graphs of removed documents "
                    "are left in the store", endpoint)
        return
    from graphbuild.errors import QueryError

    try:
        stale = _stale_graphs(url, prefix, pushed, headers, timeout)
    except QueryError as exc:
        log.warning("cannot list the store's graphs (%s): graphs of removed documents are left in it", exc)
        return
    for name in stale:
        send("DELETE", _with_query(endpoint, "graph=" + urllib.parse.quote(name, safe="")), b"", headers, timeout,
             retries, backoff)
        report.removed.append(name)
        log.info("DELETE %s (its document is no longer in the build)", name)


def main_push(args: argparse.Namespace) -> int:
    """``graphbuild push``: upload and print a one-line summary."""
    token = args.token or os.environ.get("GRAPHBUILD_TOKEN") or None
    password = os.environ.get("GRAPHBUILD_PASSWORD")
    if args.user is not None and password is None:
        log.warning("--user given but GRAPHBUILD_PASSWORD is not set; sending an empty password")
    report = push(
        args.outdir,
        args.endpoint,
        mode=args.mode,
        user=args.user,
        password=password,
        token=token,
        timeout=args.timeout,
        retries=args.retries,
        prune=not args.keep_removed,
        query_endpoint=args.query_endpoint,
    )
    print(report.summary(), file=sys.stderr)
    return 0
