"""The pyoxigraph store update and SPARQL queries over files and stores (canned and ad hoc)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from graphbuild.cli import main
from graphbuild.errors import QueryError
from graphbuild.exporters.rdf import GB, graph_to_quads, graph_to_triples, write_nquads, write_turtle
from graphbuild.query import (
    format_csv,
    format_json,
    format_table,
    inject_values,
    main_query,
    named_queries,
    param_term,
    parse_param,
    run_query,
)
from graphbuild.store import update_store
from tests.conftest_rdf import DOC, DOC2, seed_graph

BASE = "https://graphbuild.example.org/id/"
INJECTION = 'x" } ; DROP ALL ; #'


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """graph.ttl and graph.nq of the seed-like graph."""
    out = tmp_path_factory.mktemp("q")
    write_turtle(seed_graph(), out / "graph.ttl")
    write_nquads(seed_graph(), out / "graph.nq")
    return out


def _graph_quads(store_dir: Path, name: str) -> set[ox.Quad]:
    store = ox.Store.read_only(str(store_dir))
    return set(store.quads_for_pattern(None, None, None, ox.NamedNode(name)))


def test_store_update_replaces_only_changed_document(tmp_path: Path) -> None:
    """Changing one document replaces its graph only; the other document's graph is untouched."""
    store_dir = tmp_path / "store"
    first = update_store(store_dir, seed_graph())
    assert len(first.added) == 4  # two documents, the entities graph and the relations graph
    again = update_store(store_dir, seed_graph())
    assert again.replaced == [] and again.added == [] and again.unchanged == 4
    before_other = _graph_quads(store_dir, BASE + "graph/doc/" + DOC)
    g = seed_graph()
    g.graph["documents"][DOC2]["title"] = "Talks in London"
    upd = update_store(store_dir, g)
    assert upd.replaced == [BASE + "graph/doc/" + DOC2]
    assert _graph_quads(store_dir, BASE + "graph/doc/" + DOC) == before_other
    titles = {q.object.value for q in _graph_quads(store_dir, BASE + "graph/doc/" + DOC2)
              if q.predicate.value == "http://schema.org/headline"}
    assert titles == {"Talks in London"}


def test_store_update_drops_removed_documents(tmp_path: Path) -> None:
    """A document gone from the corpus loses its graph; graphs not ours are kept."""
    store_dir = tmp_path / "store"
    update_store(store_dir, seed_graph())
    store = ox.Store(str(store_dir))
    mine = ox.NamedNode("http://example.org/hand-loaded")
    store.add(ox.Quad(mine, mine, ox.Literal("kept"), mine))
    del store
    g = seed_graph()
    for n in [n for n, a in g.nodes(data=True) if a.get("doc") == DOC2]:
        g.remove_node(n)
    for _, attrs in g.nodes(data=True):
        attrs["mentions"] = [m for m in attrs.get("mentions", []) if m["doc"] != DOC2]
    del g.graph["documents"][DOC2]
    upd = update_store(store_dir, g)
    assert upd.removed == [BASE + "graph/doc/" + DOC2]
    names = {n.value for n in ox.Store.read_only(str(store_dir)).named_graphs()}
    assert BASE + "graph/doc/" + DOC2 not in names
    assert "http://example.org/hand-loaded" in names


def test_store_update_drops_facts_only_a_removed_document_supports(tmp_path: Path) -> None:
    """A relation that only a removed document supports leaves the store with it; the union default graph
    then holds exactly the triples of the new build's Turtle (each once)."""
    from tests.conftest_rdf import S3, S3_START, _ev

    store_dir = tmp_path / "store"
    g = seed_graph()
    g.add_edge("person/david-lammy", "place/london", key="lives_in", relation="lives_in",
               evidence=[_ev(DOC2, S3_START, S3, "Lammy", "London", "test", 0.7)], confidence=0.7)
    update_store(store_dir, g)
    lives = ox.Triple(ox.NamedNode(BASE + "person/david-lammy"), ox.NamedNode(GB + "livesIn"),
                      ox.NamedNode(BASE + "place/london"))
    store = ox.Store.read_only(str(store_dir))
    assert [q.graph_name.value for q in store.quads_for_pattern(*lives)] == [BASE + "graph/relations"]
    del store
    for n in [n for n, a in g.nodes(data=True) if a.get("doc") == DOC2]:
        g.remove_node(n)
    for _, attrs in g.nodes(data=True):
        attrs["mentions"] = [m for m in attrs.get("mentions", []) if m["doc"] != DOC2]
    g.remove_edge("person/david-lammy", "place/london", "lives_in")
    del g.graph["documents"][DOC2]
    upd = update_store(store_dir, g)
    assert BASE + "graph/relations" in upd.replaced
    store = ox.Store.read_only(str(store_dir))
    assert list(store.quads_for_pattern(*lives)) == []
    union = [q.triple for q in store]
    assert len(union) == len(set(union)) == len(graph_to_triples(g))


def test_store_update_forced_documents(tmp_path: Path) -> None:
    """Documents named in changed_docs are rewritten even when their triples are equal."""
    store_dir = tmp_path / "store"
    update_store(store_dir, seed_graph())
    upd = update_store(store_dir, seed_graph(), changed_docs=[DOC])
    assert upd.replaced == [BASE + "graph/doc/" + DOC]


@pytest.mark.parametrize("name", ["graph.ttl", "graph.nq"])
def test_posts_query_over_files(files: Path, name: str) -> None:
    """The posts query lists 'Antony Blinken — Secretary of State' from Turtle and N-Quads."""
    res = run_query(named_queries()["posts"].text, files / name)
    posts = {r["post"] for r in res.records()}
    assert "Antony Blinken — Secretary of State" in posts
    assert "David Lammy — Foreign Secretary" in posts
    orgs = {r["post"]: r["organisation"] for r in res.records()}
    assert orgs["Antony Blinken — Secretary of State"] == "United States"


def test_query_over_store_directory(tmp_path: Path) -> None:
    """Queries run over a store directory the same as over a file."""
    update_store(tmp_path / "store", seed_graph())
    res = run_query(named_queries()["persons"].text, tmp_path / "store")
    assert [r["label"] for r in res.records()] == ["Antony Blinken", "David Lammy"]


def test_every_canned_query_runs(files: Path) -> None:
    """Each shipped query has a description and answers with rows on the seed graph."""
    values = {"entity": "Antony Blinken", "place": "Ukraine", "subject": "Antony Blinken",
              "relation": "affiliated_with"}
    for name, nq in named_queries().items():
        assert nq.description, name
        params = {p: values[p] for p, _, _ in nq.params}
        res = run_query(nq.text, files / "graph.nq", params)
        assert res.kind == "select" and len(res.rows) >= 1, name


def test_evidence_query_returns_sentence(files: Path) -> None:
    """evidence with subject and relation gives the sentence text and its offsets."""
    res = run_query(named_queries()["evidence"].text, files / "graph.ttl",
                    {"subject": "Antony Blinken", "relation": "holds_position"})
    recs = res.records()
    assert len(recs) == 1
    assert recs[0]["sentence"] is not None and "US Secretary of State Antony Blinken" in recs[0]["sentence"]
    assert recs[0]["title"] == "Secretary of State"
    assert (recs[0]["start"], recs[0]["end"]) == ("252", "500")


def test_met_events_at_place_and_aliases(files: Path) -> None:
    """met pairs Blinken with Lammy; events at Ukraine include the Kyiv trip; aliases finds mentions by alias."""
    met = run_query(named_queries()["met"].text, files / "graph.ttl").records()
    assert {(r["person1"], r["person2"]) for r in met} == {("Antony Blinken", "David Lammy")}
    at = run_query(named_queries()["events-at-place"].text, files / "graph.ttl", {"place": "Ukraine"}).records()
    assert [(r["type"], r["where"]) for r in at] == [("Travel", "Kyiv")]
    al = run_query(named_queries()["aliases"].text, files / "graph.ttl", {"entity": "Blinken"}).records()
    assert {(r["kind"], r["text"]) for r in al} >= {("alias", "Blinken"), ("mention", "Antony Blinken")}


def test_param_by_iri(files: Path) -> None:
    """A parameter given as <IRI> binds an IRI and matches the entity itself."""
    res = run_query(named_queries()["events-of"].text, files / "graph.ttl",
                    {"entity": f"<{BASE}person/david-lammy>"})
    assert {r["role"] for r in res.records()} == {"participant"}


def test_injection_is_bound_as_literal(files: Path) -> None:
    """A parameter carrying SPARQL syntax is one string literal; the query keeps its shape and finds nothing."""
    name, term = parse_param(f"subject={INJECTION}")
    assert name == "subject" and term == ox.Literal(INJECTION)
    res = run_query(named_queries()["evidence"].text, files / "graph.ttl", {"subject": INJECTION})
    assert res.kind == "select" and res.rows == []
    # the VALUES path (endpoints, unprojected variables) is equally safe
    text = inject_values("SELECT ?x WHERE { ?s ?p ?o } LIMIT 1", {"x": ox.Literal(INJECTION)})
    store = ox.Store()
    store.extend(graph_to_quads(seed_graph()))
    before = len(store)
    out = run_query("ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?x }", store, {"x": INJECTION})
    assert out.boolean is False and len(store) == before
    assert [r["x"] for r in run_query(text, store).records()] == [INJECTION]
    assert len(store) == before


@pytest.mark.parametrize(
    "value", ['\\u0022 } ; DROP ALL ; #', "a\\\"b", "line\nbreak", "tab\there 😀 שלום", "'''\"\"\""]
)
def test_values_injection_round_trips(value: str) -> None:
    """Awkward values bound through VALUES arrive as exactly the same string."""
    query = inject_values("SELECT ?v WHERE { BIND(1 AS ?one) }", {"v": ox.Literal(value)})
    res = run_query(query, ox.Store())
    assert [r["v"] for r in res.records()] == [value]


def test_param_terms() -> None:
    """Values in <...> or starting with http(s):// are IRIs; everything else is a string literal."""
    assert param_term("<urn:x:1>") == ox.NamedNode("urn:x:1")
    assert param_term("https://example.org/a") == ox.NamedNode("https://example.org/a")
    assert param_term("Antony Blinken") == ox.Literal("Antony Blinken")
    assert param_term("http://bad iri") == ox.Literal("http://bad iri")
    with pytest.raises(QueryError):
        param_term("<not an iri>")
    with pytest.raises(QueryError):
        parse_param("bad-name=1")


def test_ask_and_construct(files: Path) -> None:
    """ASK gives a boolean and CONSTRUCT triples, in every output format."""
    ask = run_query("ASK { ?s a <http://schema.org/Person> }", files / "graph.ttl")
    assert ask.boolean is True and format_table(ask) == "true"
    assert json.loads(format_json(ask))["boolean"] is True
    cons = run_query(
        "CONSTRUCT { ?s <http://example.org/name> ?l } WHERE { ?s a <http://schema.org/Person> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?l }",
        files / "graph.ttl",
    )
    assert cons.kind == "graph" and len(cons.triples) == 2
    assert "Antony Blinken" in format_table(cons)
    assert format_csv(cons).startswith("subject,predicate,object")


def test_errors_are_one_line_query_errors(tmp_path: Path, files: Path) -> None:
    """Missing data, syntax errors and unreachable endpoints raise QueryError with a clear message."""
    with pytest.raises(QueryError, match="run graphbuild build first"):
        run_query("ASK {}", tmp_path / "missing.ttl")
    with pytest.raises(QueryError, match="syntax error"):
        run_query("SELEC ?x", files / "graph.ttl")
    with pytest.raises(QueryError, match="unreachable"):
        run_query("ASK {}", "http://127.0.0.1:9/sparql", timeout=2)


def _args(**kw: object) -> argparse.Namespace:
    base: dict[str, object] = {"sparql": None, "file": None, "named": None, "list": False, "param": [],
                               "data": "", "format": "table"}
    base.update(kw)
    return argparse.Namespace(**base)


def test_main_query_table_csv_json(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI prints an aligned table, CSV and SPARQL JSON results."""
    assert main_query(_args(named="posts", data=str(files / "graph.ttl"))) == 0
    out = capsys.readouterr().out
    assert "Antony Blinken — Secretary of State" in out and out.splitlines()[1].startswith("---")
    main_query(_args(named="posts", data=str(files / "graph.ttl"), format="csv"))
    assert capsys.readouterr().out.startswith("post,person,title,organisation\r\n")
    main_query(_args(named="posts", data=str(files / "graph.ttl"), format="json"))
    assert json.loads(capsys.readouterr().out)["head"]["vars"][0] == "post"


def test_cli_list_and_missing_param(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--list names every shipped query; a missing required --param is a one-line error, exit 2."""
    assert main(["query", "--list"]) == 0
    listed = capsys.readouterr().out
    for name in ("persons", "posts", "met", "events-at-place", "events-of", "aliases", "evidence"):
        assert name in listed
    assert main(["query", "--named", "aliases", "--data", str(files / "graph.ttl")]) == 2
    err = capsys.readouterr().err
    assert "--param entity=VALUE" in err and len(err.strip().splitlines()) == 1
    assert main(["query", "--named", "nope", "--data", str(files / "graph.ttl")]) == 2
    assert "persons" in capsys.readouterr().err


def test_cli_query_file_and_param(files: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--file reads a query; --param binds through the CLI."""
    q = tmp_path / "q.rq"
    q.write_text("SELECT ?l ?x WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(STR(?l) = ?x) }")
    rc = main(["query", "--file", str(q), "--param", "x=Kyiv", "--data", str(files / "graph.ttl"), "--format", "csv"])
    assert rc == 0
    assert capsys.readouterr().out.splitlines() == ["l,x", "Kyiv,Kyiv"]


def test_query_a_build_directory_loads_it_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`query --named posts DIR` answers from a store loaded once into DIR/.cache and reused until the build's
    file changes; a rebuilt file is loaded again."""
    from graphbuild.query import QUERY_STORE, open_data

    out = tmp_path / "out"
    out.mkdir()
    write_nquads(seed_graph(), out / "graph.nq")
    assert main(["query", "--named", "posts", str(out), "--format", "csv"]) == 0
    first = capsys.readouterr().out
    assert "Antony Blinken — Secretary of State" in first
    store_dir = out / QUERY_STORE
    assert store_dir.is_dir()
    inode = store_dir.stat().st_ino
    assert main(["query", "--named", "posts", "--data", str(out), "--format", "csv"]) == 0
    assert capsys.readouterr().out == first
    assert store_dir.stat().st_ino == inode  # the same store, not loaded again
    g = seed_graph()
    g.graph["documents"][DOC]["title"] = "A new headline"
    g.nodes["person/antony-blinken"]["label"] = "Tony Blinken"
    write_nquads(g, out / "graph.nq")
    rows = run_query(named_queries()["posts"].text, out).records()
    assert "Tony Blinken — Secretary of State" in {r["post"] for r in rows}
    assert store_dir.stat().st_ino != inode
    assert len(open_data(out)) == len(open_data(out / "graph.nq"))


def test_query_a_directory_without_a_build_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory that is neither a store nor a build is a one-line error."""
    (tmp_path / "empty").mkdir()
    assert main(["query", "--named", "posts", "--data", str(tmp_path / "empty")]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "empty" in err


#: Modules `graphbuild query` must not import once a build's store exists (each costs start-up time).
HEAVY = ("spacy", "networkx", "rdflib", "pyvis", "graphbuild.pipeline", "graphbuild.exporters", "importlib.resources")


def test_query_of_a_loaded_build_imports_nothing_heavy(tmp_path: Path) -> None:
    """A second `graphbuild query --named posts DIR` (the store loaded) answers in a fresh process without
    importing spaCy, networkx, rdflib or the exporters: its start-up is Python, pyoxigraph and the store."""
    import subprocess
    import sys

    out = tmp_path / "out"
    out.mkdir()
    write_nquads(seed_graph(), out / "graph.nq")
    assert main(["query", "--named", "posts", str(out), "--format", "csv"]) == 0  # loads the store once
    probe = (
        "import sys\nfrom graphbuild.cli import main\nrc = main(sys.argv[1:])\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r} or m in {HEAVY!r} "
        "or any(m.startswith(h + '.') for h in " + repr(HEAVY) + ")), rc, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, "query", "--named", "posts", str(out), "--format", "csv"],
                          capture_output=True, text=True, timeout=120)
    assert "Antony Blinken — Secretary of State" in done.stdout
    assert done.stderr.strip() == "[] 0"
