"""GraphML, GEXF and property-graph CSV: read back by networkx and Kùzu with the graph's counts and answers."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import graphbuild
from graphbuild.cli import main
from graphbuild.exporters import EXPORTERS, default_filename
from graphbuild.exporters.flat import clean, flat_attrs

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seed_kg() -> graphbuild.KnowledgeGraph:
    return graphbuild.build_graph([SEEDS])


def test_flat_attrs_are_scalars_with_fixed_types() -> None:
    """Lists and records flatten to text, numbers keep one type per name, None is left out."""
    flat = flat_attrs(
        {
            "label": "A\x0bB",
            "aliases": ["X", "Y"],
            "mention_count": 2,
            "confidence": 1,
            "former": True,
            "start": 3,
            "end": 9,
            "wikidata": None,
            "positions": [{"title": "mayor", "evidence": []}],
            "evidence": [
                {"doc": "d2", "confidence": 0.5, "sentence": "one"},
                {"doc": "d1", "confidence": 0.9, "sentence": "two\nlines"},
            ],
        }
    )
    assert flat["label"] == "A B" and flat["aliases"] == "X; Y"
    assert flat["confidence"] == 1.0 and isinstance(flat["confidence"], float)
    assert flat["former"] is True and flat["trigger_start"] == 3 and flat["trigger_end"] == 9
    assert "wikidata" not in flat and "start" not in flat
    assert flat["position_titles"] == "mayor" and json.loads(flat["positions"])[0]["title"] == "mayor"
    assert flat["evidence_count"] == 2 and flat["documents"] == "d1; d2" and flat["sentence"] == "two lines"
    assert clean("ok\x00") == "ok "


def test_formats_are_registered() -> None:
    """graphml, gexf and csv are export formats with their own file names."""
    assert default_filename("graphml") == "graph.graphml" and default_filename("gexf") == "graph.gexf"
    assert default_filename("csv") == "graph-csv" and {"graphml", "gexf", "csv"} <= set(EXPORTERS)


def _roundtrip(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    kg = graphbuild.KnowledgeGraph(graph)
    gml = nx.read_graphml(kg.write(tmp_path / "g.graphml"))
    gexf = nx.read_gexf(kg.write(tmp_path / "g.gexf"))
    for back in (gml, gexf):
        assert back.number_of_nodes() == graph.number_of_nodes()
        assert back.number_of_edges() == graph.number_of_edges()
        assert set(back.nodes) == set(graph.nodes)
    # typed attributes come back typed, edges keep their graph.json keys in GraphML
    node = next(n for n, a in graph.nodes(data=True) if a.get("type") == "Person")
    assert gml.nodes[node]["mention_count"] == graph.nodes[node]["mention_count"]
    assert gml.nodes[node]["label"] == gexf.nodes[node]["label"] == clean(graph.nodes[node]["label"])
    assert {(s, o, k) for s, o, k in gml.edges(keys=True)} == {(s, o, k) for s, o, k in graph.edges(keys=True)}
    viz = gexf.nodes[node]["viz"]  # Gephi draws the page's colours: persons blue
    assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == (0x4E, 0x79, 0xA7) and viz["size"] >= 10
    for s, o, k, a in gml.edges(keys=True, data=True):
        assert isinstance(a["confidence"], float) and a["evidence_count"] == len(graph.edges[s, o, k]["evidence"])


@pytest.mark.model
def test_graphml_gexf_roundtrip_seed(seed_kg: graphbuild.KnowledgeGraph, tmp_path: Path) -> None:
    """The seed's GraphML and GEXF read back in networkx with the same nodes and edges."""
    _roundtrip(seed_kg.graph, tmp_path)


@pytest.mark.model
@pytest.mark.data
@pytest.mark.slow
def test_formats_on_150_bbc_articles(bbc150: Any, tmp_path: Path) -> None:
    """GraphML and GEXF of 150 BBC articles round-trip; the CSV posts in Kùzu equal the SPARQL posts."""
    _roundtrip(bbc150.graph, tmp_path)
    assert _kuzu_posts(bbc150, tmp_path) == _sparql_posts(bbc150)


# ---------------------------------------------------------------- Kùzu

_KUZU_TYPES = {"int": "INT64", "float": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}


def _columns(path: Path) -> list[tuple[str, str, str]]:
    """(column name, Kùzu type, header) for each column of a Neo4j admin-import CSV header."""
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    out = []
    for i, h in enumerate(header):
        name, _, typ = h.partition(":")
        if h in ("id:ID", ":LABEL", ":START_ID", ":END_ID", ":TYPE"):
            name, typ = {"id:ID": "id", ":LABEL": "lbl", ":START_ID": "src", ":END_ID": "dst", ":TYPE": "typ"}[h], ""
        out.append((f"{name or 'c'}_{i}" if not name.isidentifier() else name, _KUZU_TYPES.get(typ, "STRING"), h))
    return out


def _load_kuzu(directory: Path, db_dir: Path) -> Any:
    """A Kùzu connection holding the CSV: one Node table, one Rel table, typed from the headers."""
    import kuzu

    conn = kuzu.Connection(kuzu.Database(str(db_dir / "kuzu")))
    ncols = _columns(directory / "nodes.csv")
    rcols = _columns(directory / "relationships.csv")
    props = [(n, t, h) for n, t, h in ncols if n != "id"]
    conn.execute(
        "CREATE NODE TABLE Node(id STRING PRIMARY KEY, "
        + ", ".join(f"{n} {'STRING[]' if h.endswith('[]') else t}" for n, t, h in props)
        + ")"
    )
    rprops = [(n, t, h) for n, t, h in rcols if n not in ("src", "dst")]
    conn.execute(
        "CREATE REL TABLE Rel(FROM Node TO Node, "
        + ", ".join(f"{n} {'STRING[]' if h.endswith('[]') else t}" for n, t, h in rprops)
        + ")"
    )

    def value(n: str, h: str) -> str:
        return f"CASE WHEN {n} IS NULL THEN NULL ELSE string_split({n}, ';') END" if h.endswith("[]") else n

    headers = ", ".join(f"{n} {t}" for n, t, _ in ncols)
    conn.execute(
        f"LOAD WITH HEADERS ({headers}) FROM '{directory / 'nodes.csv'}' (header=true) "
        "CREATE (:Node {id: id, " + ", ".join(f"{n}: {value(n, h)}" for n, _, h in props) + "})"
    )
    headers = ", ".join(f"{n} {t}" for n, t, _ in rcols)
    conn.execute(
        f"LOAD WITH HEADERS ({headers}) FROM '{directory / 'relationships.csv'}' (header=true) "
        "MATCH (s:Node {id: src}), (o:Node {id: dst}) "
        "CREATE (s)-[:Rel {" + ", ".join(f"{n}: {value(n, h)}" for n, _, h in rprops) + "}]->(o)"
    )
    return conn


#: "Who holds which post" in Cypher: posts in an organisation or country, and posts with none
#: (a person-to-self edge, or the person's positions list).
CYPHER_POSTS = """
MATCH (p:Node)-[r:Rel]->(o:Node) WHERE r.typ = 'HOLDS_POSITION'
RETURN p.label AS person, r.title AS title, CASE WHEN o.id = p.id THEN CAST(NULL AS STRING) ELSE o.label END AS organisation
UNION
MATCH (p:Node) WHERE p.positions IS NOT NULL
UNWIND p.positions AS title
RETURN p.label AS person, title, CAST(NULL AS STRING) AS organisation
"""


def _rows(result: Any) -> list[tuple[Any, ...]]:
    rows = []
    while result.has_next():
        rows.append(tuple(result.get_next()))
    return rows


def _kuzu_posts(kg: graphbuild.KnowledgeGraph, tmp_path: Path) -> list[tuple[Any, ...]]:
    directory = kg.write(tmp_path / "graph-csv", format="csv")
    conn = _load_kuzu(directory, tmp_path)
    nodes = _rows(conn.execute("MATCH (n:Node) RETURN count(*)"))[0][0]
    edges = _rows(conn.execute("MATCH ()-[r:Rel]->() RETURN count(*)"))[0][0]
    assert (nodes, edges) == (kg.graph.number_of_nodes(), kg.graph.number_of_edges())
    return sorted(_rows(conn.execute(CYPHER_POSTS)), key=lambda r: tuple(str(x) for x in r))


def _sparql_posts(kg: graphbuild.KnowledgeGraph) -> list[tuple[Any, ...]]:
    rows = {(r["person"], r["title"], r["organisation"]) for r in kg.query("posts").records()}
    return sorted(rows, key=lambda r: tuple(str(x) for x in r))


@pytest.mark.model
def test_csv_in_kuzu_answers_posts_like_sparql(seed_kg: graphbuild.KnowledgeGraph, tmp_path: Path) -> None:
    """The seed's CSV loads into Kùzu; Cypher's posts are SPARQL's posts, row for row."""
    kuzu_rows = _kuzu_posts(seed_kg, tmp_path)
    assert kuzu_rows == _sparql_posts(seed_kg)
    assert ("Antony Blinken", "secretary of state", "United States") in kuzu_rows


@pytest.mark.model
def test_csv_headers_follow_neo4j_import(seed_kg: graphbuild.KnowledgeGraph, tmp_path: Path) -> None:
    """nodes.csv starts id:ID,:LABEL; relationships.csv :START_ID,:END_ID,:TYPE; every id is a node."""
    d = seed_kg.write(tmp_path / "csv", format="csv")
    with (d / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with (d / "relationships.csv").open(encoding="utf-8", newline="") as fh:
        rels = list(csv.DictReader(fh))
    assert list(nodes[0])[:2] == ["id:ID", ":LABEL"] and list(rels[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    ids = {n["id:ID"] for n in nodes}
    assert len(ids) == len(nodes) == seed_kg.graph.number_of_nodes() and len(rels) == seed_kg.graph.number_of_edges()
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    assert {n[":LABEL"] for n in nodes} <= {"Person", "Country", "Place", "Organization", "Group", "Event"}
    assert {"HOLDS_POSITION", "AGENT"} <= {r[":TYPE"] for r in rels}
    assert all(float(r["confidence:float"]) > 0 for r in rels)


@pytest.mark.model
def test_export_command_writes_new_formats(seed_build: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`graphbuild export --format graphml --format gexf --format csv` writes all three from a build."""
    out, _ = seed_build
    rc = main(["export", str(out), "--format", "graphml", "--format", "gexf", "--format", "csv", "-o", str(tmp_path)])
    assert rc == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(tmp_path / "graph.graphml"), str(tmp_path / "graph.gexf"), str(tmp_path / "graph-csv")]
    assert nx.read_graphml(tmp_path / "graph.graphml").number_of_nodes() > 10
    assert (tmp_path / "graph-csv" / "relationships.csv").is_file()


@pytest.mark.model
def test_csv_with_partial_dates_loads_into_kuzu(seed_kg: graphbuild.KnowledgeGraph, tmp_path: Path) -> None:
    """Events dated only by year or month ("in 2004", "in December") load into Kùzu as they are."""
    graph = seed_kg.graph.copy()
    events = [n for n, a in graph.nodes(data=True) if a.get("type") == "Event"]
    graph.nodes[events[0]]["time"] = "2004"
    graph.nodes[events[1]]["time"] = "2004-12"
    kg = graphbuild.KnowledgeGraph(graph)
    conn = _load_kuzu(kg.write(tmp_path / "csv", format="csv"), tmp_path)
    times = {r[0] for r in _rows(conn.execute("MATCH (n:Node) WHERE n.time IS NOT NULL RETURN n.time"))}
    assert {"2004", "2004-12"} <= times
