"""Row counts of every shipped query on every route, and the time of a canned query, on BBC politics articles.

Builds the first ``--limit`` politics articles of the BBC News corpus (or uses ``--build DIR``, a build
with graph.ttl and graph.nq) and runs every shipped query, its parameters bound to values taken from the
build itself (the most mentioned person, the place with most events...), through:

* graph.ttl in rdflib, graph.ttl in pyoxigraph, graph.nq in pyoxigraph with a union default graph,
* the ``--store`` of the build (when it has one: ``DIR/store``), ``graphbuild serve``,
* a live ``oxigraph serve --union-default-graph`` after ``graphbuild push`` (when the binary is found),

and prints the row count per route (they must all be equal; exit status 1 when they are not).  Then it
times ``graphbuild query --named posts DIR`` in a fresh process (wall time including start-up), cold
(loading the build's store once) and warm, beside the time of parsing graph.ttl (rdflib and pyoxigraph) in
the same run.  The warm query must answer in under 0.5 s (issue 12); exit status 1 when it does not.

    python benchmarks/one_answer.py                       # 150 politics articles, built in a temporary dir
    python benchmarks/one_answer.py --build outputs_bbc   # an existing build (e.g. all 2,225 articles)
    python benchmarks/one_answer.py --build outputs_bbc --timing-only   # only the query and parse times

A whole-BBC build to time (about 20 minutes on two cores)::

    python -c "import gzip,sys; sys.stdout.write(gzip.open(sys.argv[1],'rt').read())" \
        ../shared/data/bbc_news/bbc_news_2225.jsonl.gz > bbc.jsonl
    graphbuild build bbc.jsonl -o outputs_bbc --format turtle --format nquads --no-html

Exits 0 with a message when the data is absent.  Nothing here is tuned on BBC text: it only counts rows.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "bbc_news" / "bbc_news_2225.jsonl.gz"

PREFIX = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX gb: <https://graphbuild.example.org/ns#>
"""

_TOP_PERSON = ("SELECT ?l WHERE { ?p a schema:Person ; rdfs:label ?l . ?m gb:denotes ?p } "
               "GROUP BY ?l ORDER BY DESC(COUNT(?m)) ?l LIMIT 1")
#: How each parameter's sample value is taken from the build (the first row's label).
SAMPLES = {
    "entity": _TOP_PERSON,
    "subject": _TOP_PERSON,
    "place": "SELECT ?l WHERE { ?e sem:hasPlace ?p . ?p rdfs:label ?l } GROUP BY ?l ORDER BY DESC(COUNT(?e)) ?l LIMIT 1",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait(url: str, proc: subprocess.Popen[bytes], seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


def _cell(term: Any) -> tuple[str, str] | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.Literal):
        return ("lit@" + (term.language or ""), term.value)
    import rdflib

    if isinstance(term, rdflib.Literal):
        return ("lit@" + (term.language or ""), str(term))
    return ("iri", str(term))


class _Cells(tuple):  # type: ignore[type-arg]
    """A row already converted by :func:`_cell` (rdflib's rows come back from a child process)."""


def _multiset(rows: Any) -> Counter[tuple[Any, ...]]:
    return Counter(tuple(row) if isinstance(row, _Cells) else tuple(_cell(t) for t in row) for row in rows)


def build_politics(limit: int, out: Path) -> None:
    """Build the first ``limit`` politics articles into ``out`` (graph.ttl, graph.nq, a store in out/store)."""
    rows = []
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if obj.get("category") == "politics":
                rows.append({"id": obj["id"], "title": obj.get("title"), "text": obj["text"]})
            if len(rows) >= limit:
                break
    corpus = out.parent / "politics.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "graphbuild", "build", str(corpus), "-o", str(out), "--format", "turtle",
                    "--format", "nquads", "--store", str(out / "store"), "--no-html"], check=True)
    print(f"built {len(rows)} politics articles in {time.perf_counter() - t:.1f} s")


#: The wall time `graphbuild query --named posts DIR` must stay under on a whole-BBC build (issue 12).
QUERY_LIMIT = 0.5


def parse_times(out: Path) -> tuple[float, float]:
    """Seconds to parse ``out/graph.ttl`` into rdflib and into an in-memory pyoxigraph store."""
    import rdflib

    t = time.perf_counter()
    rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    t_rdflib = time.perf_counter() - t
    t = time.perf_counter()
    ox.Store().load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return t_rdflib, time.perf_counter() - t


def time_query(out: Path, runs: int = 5) -> tuple[float, list[float], list[float], int]:
    """``graphbuild query --named posts OUT`` in fresh processes: the cold run (which loads the build's store
    once), the warm runs' wall times (start-up included) and CPU times (user + system), and the rows printed."""
    import resource

    script = Path(sys.executable).parent / "graphbuild"  # the console script a user types
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "graphbuild"]
    shutil.rmtree(out / ".cache" / "query-store", ignore_errors=True)
    times = []
    cpu = []
    rows = 0
    for _ in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        done = subprocess.run([*command, "query", "--named", "posts", "--format", "csv", str(out)], check=True,
                              stdout=subprocess.PIPE)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        rows = len(done.stdout.splitlines()) - 1
    return times[0], times[1:], cpu[1:], rows


def report_times(out: Path, t_rdflib: float, t_ox: float, runs: int) -> bool:
    """Print the query wall times beside the graph.ttl parse times; True when the warm query is fast enough."""
    import os

    cold, warm, cpu, rows = time_query(out, runs)
    best, median = min(warm), sorted(warm)[len(warm) // 2]
    print(f"graphbuild query --named posts DIR ({rows} rows): first {cold:.2f} s (loads the store once), "
          f"then median {median:.2f} s, best {best:.2f} s wall including start-up ({len(warm)} runs; "
          f"CPU median {sorted(cpu)[len(cpu) // 2]:.2f} s; load average {os.getloadavg()[0]:.1f})")
    print(f"parsing graph.ttl in this run: pyoxigraph {t_ox:.2f} s, rdflib {t_rdflib:.2f} s")
    fast = median < QUERY_LIMIT
    print(f"warm query {'under' if fast else 'OVER'} {QUERY_LIMIT} s")
    return fast


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=150, help="politics articles to build (default 150)")
    ap.add_argument("--build", type=Path, default=None, help="use this build directory instead of building")
    ap.add_argument("--rdflib-limit", type=float, default=120.0,
                    help="seconds an rdflib query may take before its row count is reported as a timeout")
    ap.add_argument("--timing-only", action="store_true",
                    help="only time the canned query and the parsing of graph.ttl (no route comparison)")
    ap.add_argument("--runs", type=int, default=5, help="warm query runs to time (default 5)")
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # servers are stopped on the way out
    sys.path.insert(0, str(ROOT))
    from graphbuild.push import push
    from graphbuild.query import inject_values, named_queries, param_term, run_query

    tmp = Path(tempfile.mkdtemp(prefix="one-answer-"))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        if args.build is not None:
            out = args.build
        else:
            if not DATA.is_file():
                print(f"{DATA} is absent; nothing to measure")
                return 0
            out = tmp / "out"
            build_politics(args.limit, out)
        if args.timing_only:
            return 0 if report_times(out, *parse_times(out), args.runs) else 1
        import rdflib

        t = time.perf_counter()
        ttl_rdflib = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
        t_rdflib = time.perf_counter() - t
        t = time.perf_counter()
        ttl_ox = ox.Store()
        ttl_ox.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
        t_ox = time.perf_counter() - t
        nq_ox = ox.Store()
        nq_ox.bulk_load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)

        params_of: dict[str, str] = {}
        for name, q in SAMPLES.items():
            rows = list(ttl_ox.query(PREFIX + q))
            params_of[name] = rows[0][0].value if rows else "nobody"
        queries = named_queries()

        def text(name: str, params: dict[str, str]) -> str:
            return inject_values(queries[name].text, {k: param_term(v) for k, v in params.items()})

        def rdflib_rows(q: str, p: dict[str, str]) -> Any:
            """The rows from rdflib, in a forked child stopped after --rdflib-limit seconds (None then)."""
            ctx = multiprocessing.get_context("fork")
            recv, send = ctx.Pipe(duplex=False)

            def child() -> None:
                send.send([tuple(_cell(t) for t in row) for row in ttl_rdflib.query(text(q, p))])

            proc = ctx.Process(target=child)
            proc.start()
            rows = recv.recv() if recv.poll(args.rdflib_limit) else None
            proc.kill()
            proc.join()
            return None if rows is None else [_Cells(r) for r in rows]

        routes: dict[str, Callable[[str, dict[str, str]], Any]] = {
            "ttl/rdflib": rdflib_rows,
            "ttl/pyoxigraph": lambda q, p: list(ttl_ox.query(text(q, p))),
            "nq/union": lambda q, p: list(nq_ox.query(text(q, p), use_default_graph_as_union=True)),
        }
        if (out / "store").is_dir():
            routes["--store"] = lambda q, p: run_query(queries[q].text, out / "store", p).rows
        port = _free_port()
        procs.append(subprocess.Popen([sys.executable, "-m", "graphbuild", "serve", "--data", str(out / "graph.nq"),
                                       "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        served = f"http://127.0.0.1:{port}/query"
        _wait(served, procs[-1])
        routes["serve"] = lambda q, p: run_query(queries[q].text, served, p).rows
        exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        if Path(exe).is_file():
            oport = _free_port()
            procs.append(subprocess.Popen([exe, "serve", "--location", str(tmp / "oxstore"), "--bind",
                                           f"127.0.0.1:{oport}", "--union-default-graph"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            base = f"http://127.0.0.1:{oport}"
            _wait(base + "/query", procs[-1])
            push(out, base + "/store", retries=0)
            routes["oxigraph+push"] = lambda q, p: run_query(queries[q].text, base + "/query", p).rows
        else:
            print("oxigraph server binary not found: that route is left out")

        ok = True
        print(f"{'query':<38}" + "".join(f"{r:>15}" for r in routes))
        for name in sorted(queries):
            wanted = {p[0] for p in queries[name].params if p[1]}
            params = {k: params_of[k] for k in wanted}
            raw = {r: run(name, params) for r, run in routes.items()}
            answers = {r: _multiset(rows) for r, rows in raw.items() if rows is not None}
            same = all(a == answers["ttl/pyoxigraph"] for a in answers.values())
            ok &= same
            label = f"{name} {params}" if params else name
            cells = [f"{sum(answers[r].values()):>15}" if r in answers else f"{'timeout':>15}" for r in raw]
            print(f"{label[:38]:<38}" + "".join(cells) + ("" if same else "   DIFFER"), flush=True)

        for proc in procs:
            proc.terminate()
            proc.wait(timeout=30)
        procs.clear()
        fast = report_times(out, t_rdflib, t_ox, args.runs)
        print("all routes agree" if ok else "ROUTES DISAGREE")
        return 0 if ok and fast else 1
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
