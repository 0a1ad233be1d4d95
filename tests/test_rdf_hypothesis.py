"""Property test: hostile names and texts still give RDF (every format the build writes) that rdflib, pyoxigraph
and rapper accept."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from graphbuild.exporters.rdf import (
    XSD,
    graph_to_quads,
    is_xsd_date,
    write_jsonld,
    write_nquads,
    write_ntriples,
    write_trig,
    write_turtle,
)
from tests.conftest_rdf import require_program

pytestmark = pytest.mark.filterwarnings("ignore:.*is deprecated.*:DeprecationWarning")

AWKWARD = ' <>"{}|^`\\\'"""\'\'\'\n\r\t\x00\x01\x08\x0b\x0c\x1b\x1f\x7f\ud800😀שלוםعربي\u202e\u200d\ufeff\ufffe%#:/?.,;'
text = st.one_of(
    st.text(alphabet=st.sampled_from(list(AWKWARD) + list("abcXYZ019")), max_size=40),
    st.text(max_size=30),
)
#: very long strings (one per graph: the sentence) and a long label
long_text = st.one_of(
    text,
    st.builds(lambda c, n: c * n, st.sampled_from(["x", "é", "😀", '"', "\\", "\n"]), st.integers(5000, 70000)),
)
dates = st.one_of(st.none(), st.sampled_from(["2024-09-11", "2024-02-30", "20240911", "Wednesday", "0001-01-01"]), text)


@st.composite
def hostile_graph(draw: st.DrawFn) -> nx.MultiDiGraph:
    """A schema-shaped graph whose ids, labels, titles and sentences are drawn from awkward text."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    g.graph["base_iri"] = "https://graphbuild.example.org/id/"
    doc = draw(text)
    sent = draw(long_text)
    g.graph["documents"] = {doc: {"title": draw(text), "date": draw(dates), "url": draw(text), "source": ""}}
    ids = []
    for etype in ("Person", "Country", "Place", "Organization"):
        nid = f"{etype.lower()}/{draw(text)}"
        ids.append(nid)
        mention = {"doc": doc, "start": 0, "end": 3, "text": draw(text), "sentence_start": 0,
                   "sentence_end": max(3, len(sent)), "rule": draw(text)}
        g.add_node(nid, type=etype, label=draw(text), aliases=draw(st.lists(text, max_size=3)),
                   mentions=[mention], mention_count=1, merges=[], wikidata=draw(st.sampled_from([None, "Q30", "x"])))
    ev = {"doc": doc, "sentence_start": 0, "sentence_end": len(sent), "subject_text": draw(text),
          "object_text": draw(text), "rule": draw(text), "confidence": draw(st.floats(0, 1)), "sentence": sent}
    g.add_edge(ids[0], ids[1], key="holds_position|t", relation="holds_position", title=draw(long_text),
               evidence=[ev], confidence=ev["confidence"])
    g.add_edge(ids[2], ids[1], key="located_in", relation="located_in", evidence=[ev], confidence=0.5)
    g.add_node("event/" + draw(text), type="Event", event_type="Travel", label=draw(text), doc=doc,
               trigger=draw(text), start=0, end=2, time=draw(dates), time_text=draw(text), quote=draw(text),
               rule="r", confidence=0.5, evidence=[ev], trigger_mentions=[{"start": 0, "end": 1, "text": draw(text)}])
    return g


def _check_typed_literals(quads: list[ox.Quad]) -> None:
    for q in quads:
        o = q.object
        if isinstance(o, ox.Literal) and o.datatype.value == XSD + "date":
            assert is_xsd_date(o.value), o


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_graph())
def test_hostile_text_parses_everywhere(graph: nx.MultiDiGraph) -> None:
    """Turtle, N-Triples, N-Quads, TriG and JSON-LD of hostile text parse in rdflib and pyoxigraph (all but
    JSON-LD also in rapper) to the same triples; no ill-typed dates."""
    quads = graph_to_quads(graph)
    _check_typed_literals(quads)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        write_turtle(graph, out / "g.ttl")
        write_ntriples(graph, out / "g.nt")
        write_nquads(graph, out / "g.nq")
        write_trig(graph, out / "g.trig")
        write_jsonld(graph, out / "g.jsonld")
        expected = len({q.triple for q in quads})
        for name, rdflib_fmt, ox_fmt in (("g.ttl", "turtle", ox.RdfFormat.TURTLE),
                                         ("g.nt", "nt", ox.RdfFormat.N_TRIPLES),
                                         ("g.nq", "nquads", ox.RdfFormat.N_QUADS),
                                         ("g.trig", "trig", ox.RdfFormat.TRIG),
                                         ("g.jsonld", "json-ld", ox.RdfFormat.JSON_LD)):
            parsed = list(ox.parse(path=str(out / name), format=ox_fmt))
            assert len({q.triple for q in parsed}) == expected, name
            ds = rdflib.Dataset()
            ds.parse(out / name, format=rdflib_fmt)
            assert len({q[:3] for q in ds.quads((None, None, None, None))}) == expected, name
        a = rdflib.Graph().parse(out / "g.ttl", format="turtle")
        b = rdflib.Graph().parse(out / "g.nt", format="nt")
        assert isomorphic(a, b)
        if os.environ.get("GRAPHBUILD_NO_RAPPER") != "1":
            _rapper(out)


def _rapper(out: Path) -> None:
    import shutil

    exe = shutil.which("rapper")
    if exe is None:
        return
    for name, fmt in (("g.ttl", "turtle"), ("g.nt", "ntriples"), ("g.nq", "nquads"), ("g.trig", "trig")):
        proc = subprocess.run([exe, "-i", fmt, "-c", (out / name).as_uri()], capture_output=True, text=True,
                              timeout=60, check=False)
        assert proc.returncode == 0 and "Error" not in proc.stderr, proc.stderr[-2000:]


@pytest.mark.external
def test_rapper_present_for_property_test() -> None:
    """rapper is installed, so the property test above also ran it (fails under GRAPHBUILD_STRICT=1 if not)."""
    require_program("rapper")
