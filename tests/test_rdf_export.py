"""RDF exporter: the model, the writers, and independent parsers agreeing on the output."""

from __future__ import annotations

import subprocess
from importlib import resources
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from graphbuild.errors import ExportError
from graphbuild.exporters import export
from graphbuild.exporters.rdf import (
    GB,
    SCHEMA,
    clean_text,
    graph_to_quads,
    graph_to_triples,
    is_xsd_date,
    read_rdf,
    write_jsonld,
    write_nquads,
    write_ntriples,
    write_trig,
    write_turtle,
)
from tests.conftest_rdf import DOC, require_program, seed_graph

# rdflib's own parsers use its deprecated ConjunctiveGraph internally
pytestmark = pytest.mark.filterwarnings("ignore:.*is deprecated.*:DeprecationWarning")

BASE = "https://graphbuild.example.org/id/"
RDFLIB_FORMATS = {"graph.ttl": "turtle", "graph.nt": "nt", "graph.nq": "nquads", "graph.trig": "trig"}
RAPPER_FORMATS = {"graph.ttl": "turtle", "graph.nt": "ntriples", "graph.nq": "nquads", "graph.trig": "trig"}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed-like graph written in every RDF format."""
    out = tmp_path_factory.mktemp("rdf")
    g = seed_graph()
    write_turtle(g, out / "graph.ttl")
    write_ntriples(g, out / "graph.nt")
    write_nquads(g, out / "graph.nq")
    write_trig(g, out / "graph.trig")
    write_jsonld(g, out / "graph.jsonld")
    return out


def _shapes() -> rdflib.Graph:
    text = (resources.files("graphbuild") / "vocab" / "shapes.ttl").read_text(encoding="utf-8")
    return rdflib.Graph().parse(data=text, format="turtle")


def test_quads_are_deterministic() -> None:
    """Two conversions of equal graphs give the same quads in the same order."""
    assert graph_to_quads(seed_graph()) == graph_to_quads(seed_graph())


def test_no_blank_nodes_anywhere() -> None:
    """Every subject, object and graph name is an IRI or a literal."""
    for q in graph_to_quads(seed_graph()):
        assert not isinstance(q.subject, ox.BlankNode)
        assert not isinstance(q.object, ox.BlankNode)
        assert isinstance(q.graph_name, ox.NamedNode)


@pytest.mark.parametrize("name", sorted(RDFLIB_FORMATS))
def test_rdflib_and_pyoxigraph_parse_every_format(written: Path, name: str) -> None:
    """rdflib and pyoxigraph read each written file to the same number of triples."""
    ds = rdflib.Dataset()
    ds.parse(written / name, format=RDFLIB_FORMATS[name])
    store = read_rdf(written / name)
    assert len(store) > 100
    assert len(list(ds.quads((None, None, None, None)))) == len(store)
    assert not any(isinstance(t, rdflib.BNode) for q in ds.quads((None, None, None, None)) for t in q[:3])


@pytest.mark.external
@pytest.mark.parametrize("name", sorted(RAPPER_FORMATS))
def test_rapper_accepts_every_format(written: Path, name: str) -> None:
    """Raptor's rapper parses each file without errors or warnings."""
    rapper = require_program("rapper")
    proc = subprocess.run(
        [rapper, "-i", RAPPER_FORMATS[name], "-c", (written / name).as_uri()],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Error" not in proc.stderr and "Warning" not in proc.stderr, proc.stderr


def test_turtle_and_ntriples_isomorphic(written: Path) -> None:
    """Turtle and N-Triples hold the same graph (rdflib.compare.isomorphic)."""
    a = rdflib.Graph().parse(written / "graph.ttl", format="turtle")
    b = rdflib.Graph().parse(written / "graph.nt", format="nt")
    assert isomorphic(a, b)


def test_jsonld_matches_ntriples(written: Path) -> None:
    """The JSON-LD output is the same graph as the N-Triples output."""
    a = rdflib.Graph().parse(written / "graph.jsonld", format="json-ld")
    b = rdflib.Graph().parse(written / "graph.nt", format="nt")
    assert isomorphic(a, b)


def test_nquads_has_one_graph_per_document(written: Path) -> None:
    """N-Quads has a named graph per document plus the entities and relations graphs, and their union is the
    Turtle graph with no triple twice."""
    store = read_rdf(written / "graph.nq")
    names = sorted(g.value for g in store.named_graphs())
    assert names == [BASE + "graph/doc/kyiv-blinken-lammy", BASE + "graph/doc/london-talks", BASE + "graph/entities",
                     BASE + "graph/relations"]
    union = [q.triple for q in store]
    turtle = {q.triple for q in read_rdf(written / "graph.ttl")}
    assert set(union) == turtle
    assert len(union) == len(turtle)  # every triple in exactly one graph: a union default graph counts each once


def test_entities_graph_holds_only_entity_facts() -> None:
    """The entities graph holds types, labels, aliases and sameAs; document facts live in document graphs."""
    ent = ox.NamedNode(BASE + "graph/entities")
    preds = {q.predicate.value for q in graph_to_quads(seed_graph()) if q.graph_name == ent}
    assert preds <= {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        "http://www.w3.org/2000/01/rdf-schema#label",
        SCHEMA + "alternateName",
        "http://www.w3.org/2002/07/owl#sameAs",
    }


def test_model_core_triples() -> None:
    """Blinken is a schema:Person with a label, sameAs Wikidata, and a Post in the United States."""
    store = ox.Store()
    store.extend(graph_to_quads(seed_graph()))
    ask = """
    PREFIX schema: <http://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX org: <http://www.w3.org/ns/org#>
    PREFIX gb: <https://graphbuild.example.org/ns#> PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
    PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
    ASK {
      <%sperson/antony-blinken> a schema:Person ; rdfs:label "Antony Blinken"@en ;
          owl:sameAs <http://www.wikidata.org/entity/Q7640> ;
          gb:holdsPosition <%scountry/united-states> ; org:holds ?post .
      ?post a org:Post ; rdfs:label "Secretary of State"@en ; org:postIn <%scountry/united-states> .
      ?ev a sem:Event , schema:TravelAction ; sem:eventType gb:Travel ; gb:agent <%sperson/antony-blinken> ;
          gb:date "2024-09-11"^^xsd:date ; sem:hasActor <%sperson/david-lammy> .
    }""" % ((BASE,) * 5)
    assert bool(store.query(ask, use_default_graph_as_union=True))


def test_self_post_has_no_post_in() -> None:
    """A title without an organisation gives an org:Post without org:postIn and no self-loop triple."""
    triples = graph_to_triples(seed_graph())
    lammy = ox.NamedNode(BASE + "person/david-lammy")
    assert ox.Triple(lammy, ox.NamedNode(GB + "holdsPosition"), lammy) not in triples
    post_in = [t for t in triples if t.predicate.value == "http://www.w3.org/ns/org#postIn" and t.object == lammy]
    assert post_in == []


def test_invalid_dates_and_urls_are_plain_literals() -> None:
    """An unparseable date is a plain literal, never an ill-typed xsd:date; a bad URL is a literal."""
    triples = graph_to_triples(seed_graph())
    dates = [t.object for t in triples if t.predicate.value in (SCHEMA + "datePublished", GB + "date")]
    for lit in dates:
        assert isinstance(lit, ox.Literal)
        if lit.datatype.value.endswith("#date"):
            assert is_xsd_date(lit.value)
    urls = {t.object for t in triples if t.predicate.value == SCHEMA + "url"}
    assert ox.NamedNode("https://example.com/news/kyiv") in urls
    assert ox.Literal("not a url") in urls


@pytest.mark.parametrize("value", ["20240911", "2024-W37-3", "2024-02-30", "Wednesday", "", "2024-09-11T10:00"])
def test_is_xsd_date_rejects_non_dates(value: str) -> None:
    """Only YYYY-MM-DD calendar dates count as xsd:date (fromisoformat alone is too lenient)."""
    assert not is_xsd_date(value)


def test_clean_text_replaces_control_characters() -> None:
    """C0 controls other than tab/newline/CR and lone surrogates become U+FFFD; the rest is kept."""
    assert clean_text("a\x00b\x1fc\td\ne\rf\ud800g 😀 שלום") == "a\ufffdb\ufffdc\td\ne\rf\ufffdg 😀 שלום"


def test_unsafe_node_ids_are_encoded_once() -> None:
    """Spaces and brackets in node ids are percent-encoded once; '%' itself is encoded too."""
    g = seed_graph()
    g.add_node("person/a b<c>%41", type="Person", label="A B", aliases=[], mentions=[], wikidata=None)
    g.add_node("", type="Person", label="Empty", aliases=[], mentions=[], wikidata=None)
    subjects = {q.subject.value for q in graph_to_quads(g)}
    assert BASE + "person/a%20b%3Cc%3E%2541" in subjects
    assert any(s.startswith(BASE + "node/") for s in subjects)


def test_base_iri_option_and_invalid_base() -> None:
    """An explicit base IRI is used for every minted IRI; a relative one is refused."""
    quads = graph_to_quads(seed_graph(), "http://example.org/kg")
    for q in quads:
        assert q.graph_name.value.startswith("http://example.org/kg/")
    with pytest.raises(ExportError):
        graph_to_quads(seed_graph(), "relative/base/")


def test_shacl_shapes_validate_output(written: Path) -> None:
    """The Turtle output conforms to graphbuild/vocab/shapes.ttl."""
    import pyshacl

    data = rdflib.Graph().parse(written / "graph.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=_shapes())
    assert conforms, text


def test_shacl_shapes_catch_violations() -> None:
    """A person without a label and a confidence above 1 are reported by the shapes."""
    import pyshacl

    g = seed_graph()
    g.nodes["person/david-lammy"]["label"] = ""
    g.edges["place/kyiv", "country/ukraine", "located_in"]["evidence"][0]["confidence"] = 1.5
    data = rdflib.Graph()
    for t in graph_to_triples(g):
        data.parse(data=str(t) + " .", format="nt")
    conforms, _, text = pyshacl.validate(data, shacl_graph=_shapes())
    assert not conforms
    assert "label" in text and "confidence" in text


def test_vocabulary_declares_every_gb_term() -> None:
    """Every gb: term used in the output is declared in graphbuild/vocab/graphbuild.ttl."""
    text = (resources.files("graphbuild") / "vocab" / "graphbuild.ttl").read_text(encoding="utf-8")
    vocab = {str(s) for s in rdflib.Graph().parse(data=text, format="turtle").subjects()}
    used = set()
    for q in graph_to_quads(seed_graph()):
        for t in (q.predicate, q.object):
            if isinstance(t, ox.NamedNode) and t.value.startswith(GB):
                used.add(t.value)
        if q.predicate.value.endswith("#type") and q.object.value.startswith(GB):
            used.add(q.object.value)
    assert used <= vocab, used - vocab


def test_registry_writes_atomically(tmp_path: Path) -> None:
    """The exporter registry writes Turtle through the RDF module, leaving no temporary files."""
    export(seed_graph(), "turtle", tmp_path / "out" / "graph.ttl")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["graph.ttl"]
    assert (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8").startswith("@prefix")


def test_empty_graph_writes_empty_files(tmp_path: Path) -> None:
    """A graph with no nodes gives valid, empty RDF."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    write_turtle(g, tmp_path / "e.ttl")
    write_nquads(g, tmp_path / "e.nq")
    assert len(read_rdf(tmp_path / "e.ttl")) == 0
    assert len(read_rdf(tmp_path / "e.nq")) == 0


def test_mentions_point_to_sentences_with_offsets() -> None:
    """Each mention is a nif:Phrase in its document with offsets inside its nif:Sentence."""
    store = ox.Store()
    store.extend(graph_to_quads(seed_graph()))
    q = """
    PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
    PREFIX gb: <https://graphbuild.example.org/ns#>
    SELECT ?m ?b ?e ?sb ?se WHERE {
      ?m a nif:Phrase ; gb:denotes ?x ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:sentence ?s .
      ?s a nif:Sentence ; nif:beginIndex ?sb ; nif:endIndex ?se ; nif:referenceContext ?doc .
      ?m nif:referenceContext ?doc .
    }"""
    rows = list(store.query(q, use_default_graph_as_union=True))
    assert len(rows) >= 10
    for r in rows:
        assert int(r["sb"].value) <= int(r["b"].value) <= int(r["e"].value) <= int(r["se"].value)
    doc_iri = BASE + "doc/" + DOC
    assert any(r["m"].value.startswith(doc_iri + "#char=") for r in rows)


def test_full_temporary_disk_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the temporary directory cannot hold the conversion, the error says where and what to do; no file is left."""
    import tempfile

    class Full:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def seek(self, pos: int) -> int:
            return pos

        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", Full)
    with pytest.raises(ExportError) as err:
        export(seed_graph(), "turtle", tmp_path / "out" / "graph.ttl")
    message = str(err.value)
    assert "No space left on device" in message and "TMPDIR" in message and "\n" not in message
    assert not (tmp_path / "out" / "graph.ttl").exists()


#: Statements describing a triple the data does not hold (must be none).
ABSENT_STATEMENTS = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?st WHERE { ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                   FILTER NOT EXISTS { ?s ?p ?o } }"""


def test_position_is_a_post_without_post_in_and_every_statement_is_true() -> None:
    """A person's position is an org:Post held by them with no org:postIn; its statement describes
    'person org:holds post', a triple the data holds; a former post is marked gb:former."""
    g = seed_graph()
    g.nodes["person/david-lammy"]["positions"][0]["former"] = True
    store = ox.Store()
    store.extend(graph_to_quads(g))
    assert list(store.query(ABSENT_STATEMENTS, use_default_graph_as_union=True)) == []
    ask = """
    PREFIX org: <http://www.w3.org/ns/org#> PREFIX gb: <https://graphbuild.example.org/ns#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    ASK { GRAPH <%sgraph/relations> {
            <%sperson/david-lammy> org:holds ?post . ?post a org:Post ; gb:title "Foreign Secretary" ;
            org:heldBy <%sperson/david-lammy> ; gb:former true . FILTER NOT EXISTS { ?post org:postIn ?x } }
          GRAPH <%sgraph/doc/kyiv-blinken-lammy> {
            ?st rdf:subject <%sperson/david-lammy> ; rdf:predicate org:holds ; rdf:object ?post ; gb:former true } }
    """ % ((BASE,) * 5)
    assert bool(store.query(ask))
