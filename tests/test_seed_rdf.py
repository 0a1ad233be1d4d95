"""The seed build's RDF: every format parses in rdflib, pyoxigraph and rapper, conforms to the shapes, answers queries."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .conftest import require_program

pytestmark = [pytest.mark.model, pytest.mark.filterwarnings("ignore:.*is deprecated.*:DeprecationWarning")]

FORMATS = {"turtle": ("graph.ttl", "turtle", "turtle"), "ntriples": ("graph.nt", "nt", "ntriples"),
           "nquads": ("graph.nq", "nquads", "nquads")}


@pytest.fixture(scope="module")
def seed_rdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed built in Turtle, N-Triples and N-Quads."""
    from graphbuild.pipeline import BuildOptions, build

    from .conftest import SEEDS

    out = tmp_path_factory.mktemp("seed-rdf")
    build([SEEDS], BuildOptions(outdir=out, formats=tuple(FORMATS), html=False, use_cache=False, processes=1))
    return out


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_parses_in_rdflib_and_pyoxigraph_without_blank_nodes(seed_rdf: Path, fmt: str) -> None:
    """rdflib and pyoxigraph read the same triples, and none of them is a blank node."""
    import pyoxigraph as ox
    import rdflib

    name, rdflib_fmt, _ = FORMATS[fmt]
    path = seed_rdf / name
    g = rdflib.Dataset() if fmt == "nquads" else rdflib.Graph()
    g.parse(path, format=rdflib_fmt)
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:])))
    assert len(quads) > 500
    n_rdflib = sum(1 for _ in g.quads((None, None, None, None))) if fmt == "nquads" else len(g)
    assert n_rdflib == len(quads)
    assert not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object))


@pytest.mark.external
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_parses_in_rapper(seed_rdf: Path, fmt: str) -> None:
    """Raptor's rapper counts the file without an error."""
    rapper = require_program("rapper")
    name, _, rapper_fmt = FORMATS[fmt]
    proc = subprocess.run([rapper, "-i", rapper_fmt, "-c", str(seed_rdf / name)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "returned" in proc.stderr and "error" not in proc.stderr.lower()


def test_conforms_to_shipped_shapes(seed_rdf: Path) -> None:
    """The seed graph conforms to graphbuild/vocab/shapes.ttl."""
    import rdflib
    from pyshacl import validate

    from .conftest import ROOT

    data = rdflib.Graph().parse(seed_rdf / "graph.ttl", format="turtle")
    shapes = rdflib.Graph().parse(ROOT / "graphbuild" / "vocab" / "shapes.ttl", format="turtle")
    conforms, _, text = validate(data, shacl_graph=shapes)
    assert conforms, text[:2000]


def test_query_lists_the_six_people(seed_rdf: Path) -> None:
    """A SPARQL query for all persons lists the six people of the seed article."""
    from graphbuild.query import run_query

    q = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"
    rows = [r["name"] for r in run_query(q, seed_rdf / "graph.ttl").records()]
    assert rows == ["Antony Blinken", "David Lammy", "Dmitry Peskov", "Joe Biden", "Vladimir Putin", "Volodymyr Zelensky"]


def test_evidence_query_returns_the_sentence(seed_rdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The evidence query for Blinken's post prints the sentence it was read from."""
    from graphbuild.cli import main

    rc = main(["query", "--data", str(seed_rdf / "graph.ttl"), "--named", "evidence",
               "--param", "subject=Antony Blinken", "--param", "relation=holds_position", "--format", "csv"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "US Secretary of State Antony Blinken took the nine-hour train from Poland to Kyiv" in out
