"""The string-based RDF conversion gives exactly the quads of the frozen object-based reference."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.errors import ExportError
from graphbuild.exporters import default_filename, export
from graphbuild.exporters import rdf as rdfmod
from graphbuild.exporters.rdf import (
    RDF_WRITERS,
    clean_text,
    graph_to_quads,
    graph_to_triples,
    iter_rdf,
    nt_string,
    quads_to_triples,
    to_rdf,
    write_nquads,
    write_ntriples,
    write_rdf_formats,
    write_turtle,
)
from graphbuild.store import update_store
from tests.conftest_rdf import DOC, seed_graph
from tests.rdf_reference import _quad_key, reference_quads
from tests.test_rdf_hypothesis import AWKWARD, hostile_graph

HOSTILE = [
    'say "hi"', "back\\slash", "line\nbreak", "carriage\rreturn", "tab\there", "del\x7f", "nul\x00x",
    "lone\ud800surrogate", "non\ufffechar", "😀 שלום عربي \u202e\u200d\ufeff", '"""\'\'\'', "\\u0041", "\\n", "",
    "a.", ">", "<x>", "%41 %", "#frag", "\x1b[31m", "\u2028\u0085",
]


def varied_graph() -> nx.MultiDiGraph:
    """The seed graph plus entities, relations, events and documents built from hostile strings."""
    g = seed_graph()
    docs = g.graph["documents"]
    for i, text in enumerate(HOSTILE):
        doc = f"doc {i} {text}"
        docs[doc] = {"title": text or None, "date": ["2024-02-29", "2024-02-30", text][i % 3],
                     "url": ["https://example.org/a b", "https://example.org/ok", text][i % 3], "source": ""}
        sent = f"Sentence {i}: {text} and more {text}."
        etype = ["Person", "Country", "Place", "Organization", "Alien"][i % 5]
        nid = f"{etype.lower()}/{text}"
        g.add_node(nid, type=etype, label=text, aliases=[text, text + "!", ""],
                   wikidata=["Q42", "Q0", text, None][i % 4],
                   mentions=[{"doc": doc, "start": 0, "end": 5, "text": text, "sentence_start": 0,
                              "sentence_end": len(sent), "rule": text or None},
                             {"doc": doc, "start": 9, "end": 3, "text": "bad offsets"},
                             {"doc": doc, "start": True, "end": 4, "text": "bool offsets"}])
        ev = {"doc": doc, "sentence_start": 0, "sentence_end": len(sent), "subject_text": text, "object_text": text,
              "rule": text, "confidence": [0.5, float("nan"), True, 1, "x", 1e-7][i % 6], "sentence": sent}
        g.add_edge(nid, "person/antony-blinken", key=f"rel-{i}", relation=["holds_position", text, "based_in"][i % 3],
                   title=text, evidence=[ev, {**ev, "doc": DOC}], confidence=0.5)
        g.add_edge(nid, nid, key="self", relation="holds_position", title=f"Self {text}", evidence=[ev])
        eid = f"event/{i}/{text}"
        g.add_node(eid, type="Event", event_type=[text, "Travel", "Statement", None][i % 4], label=text,
                   doc=None if i % 7 == 3 else doc, trigger=text, time=["2024-09-11", text, None][i % 3],
                   time_text=text, quote=text, rule=text, confidence=0.25, evidence=[ev],
                   trigger_mentions=[{"start": 1, "end": 2, "text": text}])
        g.add_edge(eid, nid, key="agent", relation=["agent", "destination", text][i % 3], evidence=[ev])
        g.add_edge(eid, "place/kyiv", key="place", relation="place", evidence=[])
    return g


def _same(fast: list[ox.Quad], ref: list[ox.Quad]) -> bool:
    """The same quads, each once (the reference is sorted; the fast path keeps generation order)."""
    return len(fast) == len(set(fast)) and sorted(fast, key=_quad_key) == ref


def test_fast_path_equals_reference_on_seed_graph() -> None:
    """On the seed graph the fast path gives exactly the reference quads."""
    g = seed_graph()
    assert _same(graph_to_quads(g), reference_quads(g))


def test_fast_path_equals_reference_on_varied_hostile_graph() -> None:
    """On a graph full of hostile strings and odd attributes the quads and triples equal the reference's."""
    g = varied_graph()
    ref = reference_quads(g)
    assert len(ref) > 1000
    assert _same(graph_to_quads(g), ref)
    triples = graph_to_triples(g)
    assert len(triples) == len(set(triples)) and set(triples) == set(quads_to_triples(ref))


def test_fast_path_equals_reference_under_another_base() -> None:
    """An explicit base IRI gives the reference's quads too."""
    g = varied_graph()
    assert set(graph_to_quads(g, "http://example.org/kg")) == set(reference_quads(g, "http://example.org/kg"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_graph())
def test_fast_path_equals_reference_property(graph: nx.MultiDiGraph) -> None:
    """For generated hostile graphs the fast path's quads are exactly the reference's, and its triples distinct."""
    ref = reference_quads(graph)
    assert _same(graph_to_quads(graph), ref)
    triples = graph_to_triples(graph)
    assert len(triples) == len(set(triples)) and set(triples) == set(quads_to_triples(ref))


@given(st.text(alphabet=st.sampled_from(list(AWKWARD) + list("ab\x7f\u2028")), max_size=30) | st.text())
def test_nt_string_is_pyoxigraph_literal(value: str) -> None:
    """The escaper writes exactly what pyoxigraph writes for the cleaned literal."""
    assert nt_string(value) == str(ox.Literal(clean_text(value)))


def test_line_files_hold_the_reference_in_pyoxigraph_form(tmp_path: Path) -> None:
    """N-Triples and N-Quads written as text hold the reference's quads, each line as pyoxigraph would write it."""
    g = varied_graph()
    ref = reference_quads(g)
    write_nquads(g, tmp_path / "g.nq")
    write_ntriples(g, tmp_path / "g.nt")
    for name, fmt, expected in (("g.nq", ox.RdfFormat.N_QUADS, set(ref)),
                                ("g.nt", ox.RdfFormat.N_TRIPLES, {q.triple for q in ref})):
        text = (tmp_path / name).read_bytes()
        parsed = list(ox.parse(text, fmt))
        items = [q if fmt == ox.RdfFormat.N_QUADS else q.triple for q in parsed]
        assert len(items) == len(set(items)) and set(items) == expected, name
        assert ox.serialize(items, None, fmt) == text, name


def test_order_does_not_depend_on_hash_seed() -> None:
    """Two interpreters with different hash seeds write the same N-Quads bytes."""
    code = ("import hashlib, sys; from tests.test_rdf_fastpath import varied_graph; "
            "from graphbuild.exporters.rdf import to_rdf; d = to_rdf(varied_graph()); "
            "sys.stdout.write(hashlib.sha256(d.nquads() + d.ntriples()).hexdigest())")
    root = Path(__file__).resolve().parent.parent
    digests = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(digests) == 1


def test_turtle_holds_the_reference_triples(tmp_path: Path) -> None:
    """The Turtle file parses back to the reference's triples."""
    g = varied_graph()
    write_turtle(g, tmp_path / "g.ttl")
    assert {q.triple for q in iter_rdf(tmp_path / "g.ttl")} == {q.triple for q in reference_quads(g)}


def test_write_rdf_formats_converts_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """write_rdf_formats converts the graph once and writes the same files as the one-format writers."""
    g = seed_graph()
    calls = []
    real = rdfmod.to_rdf

    def counting(graph: nx.MultiDiGraph, base_iri: str | None = None) -> rdfmod.RdfData:
        calls.append(1)
        return real(graph, base_iri)

    monkeypatch.setattr(rdfmod, "to_rdf", counting)
    paths, data = write_rdf_formats(g, tmp_path / "many", list(RDF_WRITERS))
    assert len(calls) == 1
    assert [p.name for p in paths] == [default_filename(n) for n in RDF_WRITERS]
    for name in RDF_WRITERS:
        single = export(g, name, tmp_path / "one" / default_filename(name))
        assert single.read_bytes() == (tmp_path / "many" / default_filename(name)).read_bytes(), name
    assert data.quad_count == len(reference_quads(g))


def test_rdf_data_from_another_base_is_refused(tmp_path: Path) -> None:
    """A conversion made under another base IRI is not silently written for this one."""
    g = seed_graph()
    data = to_rdf(g, "http://example.org/other/")
    with pytest.raises(ExportError):
        write_turtle(g, tmp_path / "g.ttl", rdf=data)
    with pytest.raises(ExportError):
        write_rdf_formats(g, tmp_path, ["turtle", "html"])


def test_unmintable_iri_is_an_export_error() -> None:
    """A base ending in '#' makes sentence IRIs with two fragments: one clear ExportError."""
    with pytest.raises(ExportError):
        to_rdf(seed_graph(), "http://example.org/kg#")


def test_store_update_reuses_the_conversion(tmp_path: Path) -> None:
    """update_store with a ready conversion loads the same quads as without one."""
    g = seed_graph()
    data = to_rdf(g)
    first = update_store(tmp_path / "a", g, rdf=data)
    update_store(tmp_path / "b", g)
    a = set(ox.Store.read_only(str(tmp_path / "a")))
    b = set(ox.Store.read_only(str(tmp_path / "b")))
    assert a == b and len(first.added) == 4
    assert update_store(tmp_path / "a", g, rdf=data).unchanged == 4


def test_block_encoding_equals_one_join() -> None:
    """Encoding lines block by block gives the same bytes as one join, across block edges and wide characters."""
    lines = [f"<http://x/{i}> <http://p/> \"{'é😀' if i % 977 == 0 else 'a'}{i}\"" for i in range(5000)]
    end = " <http://g/> .\n"
    assert rdfmod._encode_lines(lines, end) == "".join(line + end for line in lines).encode("utf-8")
    assert rdfmod._encode_lines([], end) == b""
