"""Pushing a build to a real Oxigraph server, and the read-only endpoint of graphbuild serve."""

from __future__ import annotations

import subprocess
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuild.cli import main
from graphbuild.errors import PushError
from graphbuild.exporters.nodelink import write_json
from graphbuild.exporters.rdf import write_nquads, write_turtle
from graphbuild.push import auth_headers, push
from graphbuild.query import named_queries, run_query
from graphbuild.serve import make_server, serve_in_thread
from tests.conftest_rdf import free_port, require_program, seed_graph, stop_process, wait_for_endpoint

BASE = "https://graphbuild.example.org/id/"


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build directory with graph.json, graph.ttl and graph.nq of the seed-like graph."""
    out = tmp_path_factory.mktemp("build")
    g = seed_graph()
    write_json(g, out / "graph.json")
    write_turtle(g, out / "graph.ttl")
    write_nquads(g, out / "graph.nq")
    return out


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real `oxigraph serve` on a free loopback port with an empty store; killed afterwards."""
    exe = require_program("oxigraph")
    port = free_port()
    proc = subprocess.Popen(
        [exe, "serve", "--location", str(tmp_path / "oxstore"), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_endpoint(url + "/query", proc, seconds=15.0)
        yield url
    finally:
        stop_process(proc)


def _rows(res_records: list[dict[str, str | None]]) -> list[tuple[str | None, ...]]:
    return sorted(tuple(r.values()) for r in res_records)


@pytest.mark.external
def test_push_graphs_then_posts_query_over_http(build_dir: Path, oxigraph_server: str) -> None:
    """Named-graph push to Oxigraph, then the posts query over HTTP equals the local answer."""
    before = sorted(p.name for p in build_dir.iterdir())
    report = push(build_dir, oxigraph_server + "/store", mode="graphs", retries=0)
    assert BASE + "graph/relations" in report.graphs and len(report.graphs) == 4
    posts = named_queries()["posts"].text
    remote = run_query(posts, oxigraph_server + "/query").records()
    local = run_query(posts, build_dir / "graph.ttl").records()
    assert _rows(remote) == _rows(local)
    assert any(r["post"] == "Antony Blinken — Secretary of State" for r in remote)
    # evidence with parameters goes through a VALUES block over HTTP
    ev = run_query(named_queries()["evidence"].text, oxigraph_server + "/query",
                   {"subject": "Antony Blinken", "relation": "holds_position"}).records()
    assert len(ev) == 1 and "Antony Blinken" in (ev[0]["sentence"] or "")
    # pushing again replaces graphs: the triple count is unchanged
    count_q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    n1 = run_query(count_q, oxigraph_server + "/query").records()[0]["n"]
    push(build_dir, oxigraph_server + "/store", retries=0)
    assert run_query(count_q, oxigraph_server + "/query").records()[0]["n"] == n1
    assert sorted(p.name for p in build_dir.iterdir()) == before


@pytest.mark.external
def test_push_after_removing_a_document_leaves_the_store_as_the_new_build(tmp_path: Path, oxigraph_server: str) -> None:
    """Pushing a build without one document DELETEs that document's graph, and the relations graph (PUT again)
    loses the facts only it supported: the union default graph then holds exactly the new graph.ttl."""
    from graphbuild.exporters.rdf import GB
    from tests.conftest_rdf import DOC2, S3, S3_START, _ev

    g = seed_graph()
    g.add_edge("person/david-lammy", "place/london", key="lives_in", relation="lives_in",
               evidence=[_ev(DOC2, S3_START, S3, "Lammy", "London", "test", 0.7)], confidence=0.7)
    out = tmp_path / "out"
    out.mkdir()
    write_json(g, out / "graph.json")
    push(out, oxigraph_server + "/store", retries=0)
    ask = f"ASK {{ <{BASE}person/david-lammy> <{GB}livesIn> <{BASE}place/london> }}"
    assert run_query(ask, oxigraph_server + "/query").boolean is True
    for n in [n for n, a in g.nodes(data=True) if a.get("doc") == DOC2]:
        g.remove_node(n)
    for _, attrs in g.nodes(data=True):
        attrs["mentions"] = [m for m in attrs.get("mentions", []) if m["doc"] != DOC2]
    g.remove_edge("person/david-lammy", "place/london", "lives_in")
    del g.graph["documents"][DOC2]
    write_json(g, out / "graph.json")
    write_turtle(g, out / "graph.ttl")
    report = push(out, oxigraph_server + "/store", retries=0)
    assert report.removed == [BASE + "graph/doc/" + DOC2]
    assert run_query(ask, oxigraph_server + "/query").boolean is False
    all_q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    remote = _rows(run_query(all_q, oxigraph_server + "/query").records())
    local = _rows(run_query(all_q, out / "graph.ttl").records())
    assert remote == local


@pytest.mark.external
def test_push_default_graph(build_dir: Path, oxigraph_server: str) -> None:
    """Default-graph push POSTs every triple; the persons query answers over HTTP."""
    report = push(build_dir, oxigraph_server + "/store", mode="default", retries=0)
    assert report.graphs == [] and report.triples > 100
    persons = run_query(named_queries()["persons"].text, oxigraph_server + "/query").records()
    assert [r["label"] for r in persons] == ["Antony Blinken", "David Lammy"]


@pytest.mark.external
def test_push_refused_is_one_line_error(build_dir: Path, oxigraph_server: str) -> None:
    """A refused upload (wrong path) raises PushError naming the status code."""
    with pytest.raises(PushError, match=r"HTTP 4\d\d") as info:
        push(build_dir, oxigraph_server + "/nowhere", retries=0)
    assert "\n" not in str(info.value)


def test_push_from_nquads_only(tmp_path: Path, build_dir: Path) -> None:
    """Without graph.json the build is read from graph.nq (and a missing build is a PushError)."""
    from graphbuild.push import load_build_quads

    only_nq = tmp_path / "nq"
    only_nq.mkdir()
    (only_nq / "graph.nq").write_bytes((build_dir / "graph.nq").read_bytes())
    assert len(load_build_quads(only_nq)) == len(load_build_quads(build_dir))
    with pytest.raises(PushError, match="run graphbuild build first"):
        load_build_quads(tmp_path / "empty")


def test_push_unreachable_via_cli(build_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Pushing to a closed loopback port fails with a one-line error and a non-zero exit."""
    port = free_port()
    rc = main(["push", str(build_dir), "--endpoint", f"http://127.0.0.1:{port}/store", "--retries", "1",
               "--timeout", "2"])
    err = capsys.readouterr().err
    assert rc != 0
    assert "unreachable" in err and len(err.strip().splitlines()) == 1


def test_auth_headers() -> None:
    """A bearer token wins over basic auth; basic auth encodes user:password."""
    assert auth_headers(token="t0k") == {"Authorization": "Bearer t0k"}
    assert auth_headers(user="u", password="p") == {"Authorization": "Basic dTpw"}
    assert auth_headers() == {}


@pytest.fixture()
def serve_url(build_dir: Path) -> Iterator[str]:
    """graphbuild serve over graph.nq on a free loopback port, in a thread."""
    server = make_server(build_dir / "graph.nq", "127.0.0.1", free_port())
    serve_in_thread(server)
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()


def test_serve_answers_queries(serve_url: str, build_dir: Path) -> None:
    """The endpoint answers the posts query like the file does (POST, JSON results)."""
    posts = named_queries()["posts"].text
    remote = run_query(posts, serve_url).records()
    assert _rows(remote) == _rows(run_query(posts, build_dir / "graph.ttl").records())


def test_serve_get_csv_and_construct(serve_url: str) -> None:
    """GET ?query= with Accept text/csv gives CSV; CONSTRUCT gives N-Triples."""
    q = ("SELECT ?l WHERE { ?s a <http://schema.org/Place> ; "
         "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l")
    req = urllib.request.Request(serve_url + "?query=" + urllib.parse.quote(q), headers={"Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert resp.headers.get_content_type() == "text/csv"
        assert resp.read().decode().splitlines() == ["l", "Kyiv", "London"]
    res = run_query("CONSTRUCT { ?s a ?t } WHERE { ?s a <http://schema.org/Person> ; a ?t }", serve_url)
    assert res.kind == "graph" and len(res.triples) == 2


@pytest.mark.parametrize(
    ("method", "ctype", "body", "status"),
    [
        ("POST", "application/sparql-update", "DROP ALL", 403),
        ("POST", "application/x-www-form-urlencoded", "update=DROP%20ALL", 403),
        ("POST", "application/sparql-query", "DELETE WHERE { ?s ?p ?o }", 403),
        ("PUT", "application/n-triples", "", 405),
        ("DELETE", "text/plain", "", 405),
        ("POST", "application/sparql-query", "SELEC ?x", 400),
    ],
)
def test_serve_refuses_updates(serve_url: str, method: str, ctype: str, body: str, status: int) -> None:
    """Updates are refused with 403, other methods with 405, bad syntax with 400; the data stays."""
    req = urllib.request.Request(serve_url, data=body.encode(), method=method, headers={"Content-Type": ctype})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(req, timeout=5)
    assert info.value.code == status
    assert run_query("ASK { ?s a <http://schema.org/Person> }", serve_url).boolean is True


def test_serve_get_update_refused(serve_url: str) -> None:
    """GET with ?update= is refused with 403."""
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(serve_url + "?update=" + urllib.parse.quote("DROP ALL"), timeout=5)
    assert info.value.code == 403
