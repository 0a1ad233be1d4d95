"""One answer everywhere: every shipped query gives the same rows from graph.ttl (rdflib and pyoxigraph),
graph.nq with a union default graph, a ``--store`` build, ``graphbuild serve`` and a live Oxigraph server
after ``graphbuild push`` — on a build of generated articles that share entities."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from graphbuild.query import inject_values, named_queries, param_term, run_query
from tests.conftest import ROOT
from tests.conftest_rdf import free_port, require_program, stop_process, wait_for_endpoint

pytestmark = pytest.mark.model

DOCS = 24  # generated articles (tests/scale_corpus.py): six people, seven places, shared across articles

#: Sample bindings per shipped query (each query once per binding set); every value occurs in the corpus.
BINDINGS: dict[str, list[dict[str, str]]] = {
    "persons": [{}],
    "posts": [{}],
    "met": [{}],
    "events-at-place": [{"place": "London"}, {"place": "Paris"}],
    "events-of": [{"entity": "David Lammy"}],
    "aliases": [{"entity": "Lammy"}],
    "evidence": [{"subject": "David Lammy"}, {"subject": "Antony Blinken", "relation": "holds_position"}],
}

Row = tuple[tuple[str, str] | None, ...]


def _cell(term: Any) -> tuple[str, str] | None:
    """A result term as (kind, lexical value): datatypes aside (stores keep only primitive XSD types)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.Literal):
        return ("lit@" + (term.language or ""), term.value)
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return ("iri", str(term))
    if isinstance(term, rdflib.Literal):
        return ("lit@" + (term.language or ""), str(term))
    raise AssertionError(f"unexpected term {term!r}")


def _multiset(rows: Any) -> Counter[Row]:
    return Counter(tuple(_cell(t) for t in row) for row in rows)


def _text(name: str, params: Mapping[str, str]) -> str:
    """The shipped query with its parameters as a VALUES block (what any endpoint is sent)."""
    return inject_values(named_queries()[name].text, {k: param_term(v) for k, v in params.items()})


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of the generated articles with graph.json, graph.ttl, graph.nq and a --store."""
    from graphbuild.pipeline import BuildOptions, build

    from .scale_corpus import write_corpus

    tmp = tmp_path_factory.mktemp("one-answer")
    corpus = write_corpus(tmp / "corpus.jsonl", range(DOCS))
    out = tmp / "out"
    report = build([corpus], BuildOptions(outdir=out, formats=("turtle", "nquads"), html=False, processes=1,
                                          use_cache=False, store_dir=out / "store"))
    assert report.documents == DOCS and not report.errors
    return out


@pytest.fixture(scope="module")
def served(built: Path) -> Iterator[str]:
    """``graphbuild serve --data graph.nq`` as a separate process on a free port; its query URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "serve", "--data", str(built / "graph.nq"), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_for_endpoint(url, proc)
        yield url
    finally:
        stop_process(proc)


@pytest.fixture(scope="module")
def oxigraph_pushed(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live ``oxigraph serve --union-default-graph`` the build was pushed into; its query URL."""
    from graphbuild.push import push

    exe = require_program("oxigraph")
    port = free_port()
    loc = tmp_path_factory.mktemp("oxstore")
    proc = subprocess.Popen(
        [exe, "serve", "--location", str(loc), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_endpoint(base + "/query", proc)
        push(built, base + "/store", retries=0)
        yield base + "/query"
    finally:
        stop_process(proc)


def _cases() -> list[tuple[str, dict[str, str]]]:
    assert set(BINDINGS) == set(named_queries()), "every shipped query needs sample bindings here"
    return [(name, params) for name in sorted(BINDINGS) for params in BINDINGS[name]]


def _routes(built: Path, served: str, pushed: str | None) -> dict[str, Any]:
    import rdflib

    ttl_rdflib = rdflib.Graph().parse(built / "graph.ttl", format="turtle")
    ttl_ox = ox.Store()
    ttl_ox.bulk_load(path=str(built / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    nq_ox = ox.Store()
    nq_ox.bulk_load(path=str(built / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    routes: dict[str, Any] = {
        "graph.ttl in rdflib": lambda q, p: list(ttl_rdflib.query(_text(q, p))),
        "graph.ttl in pyoxigraph": lambda q, p: list(ttl_ox.query(_text(q, p))),
        "graph.nq in pyoxigraph (union)": lambda q, p: list(nq_ox.query(_text(q, p), use_default_graph_as_union=True)),
        "--store": lambda q, p: run_query(named_queries()[q].text, built / "store", p).rows,
        "graphbuild serve": lambda q, p: run_query(named_queries()[q].text, served, p).rows,
    }
    if pushed is not None:
        routes["oxigraph serve after push"] = lambda q, p: run_query(named_queries()[q].text, pushed, p).rows
    return routes


def test_every_shipped_query_gives_one_answer_on_every_route(
    built: Path, served: str, request: pytest.FixtureRequest
) -> None:
    """Identical row multisets from every route, for every shipped query with sample bindings."""
    pushed: str | None
    try:
        pushed = request.getfixturevalue("oxigraph_pushed")
    except pytest.skip.Exception:
        pushed = None
    routes = _routes(built, served, pushed)
    seen_rows: dict[str, int] = {}
    for name, params in _cases():
        answers = {route: _multiset(run(name, params)) for route, run in routes.items()}
        reference = answers["graph.ttl in rdflib"]
        for route, rows in answers.items():
            assert rows == reference, f"{name} {params}: {route} differs from graph.ttl in rdflib"
        seen_rows[f"{name} {params}"] = sum(reference.values())
    # the bindings hit: every query but met answers something on this corpus
    empty = [case for case, n in seen_rows.items() if n == 0 and not case.startswith("met")]
    assert empty == [], f"queries with no rows (bindings do not hit): {empty}"
    # the posts query lists each (person, title, organisation) once, as the build's records do
    graph = json.loads((built / "graph.json").read_text(encoding="utf-8"))
    expected = sum(1 for e in graph["edges"] if e["relation"] == "holds_position") + sum(
        len(n.get("positions") or []) for n in graph["nodes"]
    )
    assert seen_rows["posts {}"] == expected
    if pushed is None and os.environ.get("GRAPHBUILD_STRICT") == "1":  # pragma: no cover - require_program fails
        pytest.fail("oxigraph server required under GRAPHBUILD_STRICT=1")


CHECKS = {
    "statements describing an absent triple": """
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?st WHERE { ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                           FILTER NOT EXISTS { ?s ?p ?o } }""",
    "two sentence nodes with the same document and begin": """
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?a ?b WHERE { ?a a nif:Sentence ; nif:referenceContext ?d ; nif:beginIndex ?i .
                             ?b a nif:Sentence ; nif:referenceContext ?d ; nif:beginIndex ?i . FILTER (?a != ?b) }""",
    "evidence sentences without their text": """
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?s WHERE { ?st prov:wasDerivedFrom ?s . ?s a nif:Sentence . FILTER NOT EXISTS { ?s nif:anchorOf ?t } }""",
    "articles without nif:isString": """
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?d WHERE { ?d a nif:Context . FILTER NOT EXISTS { ?d nif:isString ?t } }""",
    "triples held by two named graphs": """
        SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } GRAPH ?h { ?s ?p ?o } FILTER (STR(?g) < STR(?h)) }""",
}


def test_the_build_states_nothing_false_and_nothing_twice(built: Path) -> None:
    """No statement about an absent triple, one sentence node per sentence (with its text), a context string per
    article, no triple in two graphs, and no graph.json edge from a node to itself."""
    store = ox.Store()
    store.bulk_load(path=str(built / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    for what, sparql in CHECKS.items():
        assert list(store.query(sparql, use_default_graph_as_union=True)) == [], what
    graph = json.loads((built / "graph.json").read_text(encoding="utf-8"))
    assert [e for e in graph["edges"] if e["source"] == e["target"]] == []


def _doc_commands(text: str) -> list[str]:
    """The shell lines of ``sh`` blocks that send a query to ``graphbuild serve`` (port 7879)."""
    out = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        out += [ln for ln in block.splitlines() if "curl" in ln and "127.0.0.1:7879" in ln]
    return out


@pytest.mark.external
def test_readme_and_docs_curl_examples_run_against_serve(built: Path, served: str) -> None:
    """The curl lines of the README and docs/rdf.md, run as written (only the port differs), answer through
    ``graphbuild serve``: their queries declare every prefix they use."""
    require_program("curl")
    port = urllib.parse.urlsplit(served).port
    lines = _doc_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    lines += _doc_commands((ROOT / "docs" / "rdf.md").read_text(encoding="utf-8"))
    assert len(lines) >= 4
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    for line in lines:
        cmd = line.replace("127.0.0.1:7879", f"127.0.0.1:{port}") + " --fail-with-body"
        done = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, env=env,
                              cwd=built.parent, timeout=120)
        assert done.returncode == 0, f"{line}\n{done.stdout}{done.stderr}"
        rows = done.stdout.strip().splitlines()
        assert len(rows) >= 2, f"{line}: no rows"
