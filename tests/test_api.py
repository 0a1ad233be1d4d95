"""The Python API: in-memory builds from texts, Documents and paths; views, queries, writers; its docs."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest

import graphbuild
from graphbuild.errors import ExportError, GraphbuildError, QueryError

from .conftest import ROOT, SEED

pytestmark = pytest.mark.model

TEXTS = [
    "Foreign Secretary David Lammy met US Secretary of State Antony Blinken in London on Monday.",
    "Russian President Vladimir Putin said the talks in Moscow had failed.",
]


@pytest.fixture(scope="module")
def kg() -> graphbuild.KnowledgeGraph:
    return graphbuild.build_graph(TEXTS)


def test_public_names_are_exported_typed_and_documented() -> None:
    """Every name in graphbuild.__all__ resolves and carries a docstring."""
    for name in graphbuild.__all__:
        obj = getattr(graphbuild, name)
        if name != "__version__":
            assert obj.__doc__, name
    with pytest.raises(AttributeError):
        graphbuild.nope  # noqa: B018


def test_strings_are_texts_not_paths(kg: graphbuild.KnowledgeGraph) -> None:
    """Strings are built as article texts (ids text-1, text-2), not opened as files."""
    assert kg.errors == []
    assert sorted(kg.graph.graph["documents"]) == ["text-1", "text-2"]
    labels = {a["label"] for _, a in kg.graph.nodes(data=True)}
    assert {"David Lammy", "Antony Blinken", "Vladimir Putin"} <= labels
    assert kg.counts()["documents"] == 2 and kg.counts()["entities"] >= 5


def test_same_graph_as_the_file_build(tmp_path: Path) -> None:
    """A Path source gives the graph.json that `graphbuild build` writes for the same file."""
    kg = graphbuild.build_graph([SEED])
    report = graphbuild.build([SEED], graphbuild.BuildOptions(outdir=tmp_path / "cli", use_cache=False, processes=1, html=False))
    kg.write(tmp_path / "api.json")
    assert json.loads((tmp_path / "api.json").read_text()) == json.loads((tmp_path / "cli" / "graph.json").read_text())
    assert kg.counts()["entities"] == report.entities and kg.counts()["events"] == report.events


def test_documents_paths_and_errors(tmp_path: Path) -> None:
    """Documents keep their ids and dates; unreadable inputs and repeated ids are reported and skipped."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe")
    doc = graphbuild.Document(id="a1", text="Kremlin spokesman Dmitry Peskov spoke on Friday.", date="2024-03-01")
    kg = graphbuild.build_graph([doc, bad, graphbuild.Document(id="a1", text="Something else entirely.")])
    assert list(kg.graph.graph["documents"]) == ["a1"]
    assert kg.graph.graph["documents"]["a1"]["date"] == "2024-03-01"
    assert any("not UTF-8" in e for e in kg.errors) and any("duplicate document id 'a1'" in e for e in kg.errors)
    with pytest.raises(GraphbuildError, match="empty document"):
        graphbuild.build_graph(["  "])
    with pytest.raises(TypeError, match="list of sources"):
        graphbuild.build_graph("just one text")  # type: ignore[arg-type]


def test_views_agree(kg: graphbuild.KnowledgeGraph) -> None:
    """rdflib and pyoxigraph views hold the same triples as the N-Triples conversion."""
    import pyoxigraph as ox

    rg = kg.to_rdflib()
    store = kg.to_store()
    assert kg.to_store() is store
    distinct = {(q.subject, q.predicate, q.object) for q in store}
    assert len(rg) == len(distinct) > 100
    assert any(isinstance(g, ox.NamedNode) and g.value.endswith("graph/doc/text-1") for g in store.named_graphs())


def test_query_named_own_and_file(kg: graphbuild.KnowledgeGraph, tmp_path: Path) -> None:
    """A shipped query by name, SPARQL text, a .rq Path, with parameters; errors are one line."""
    posts = kg.query("posts").records()
    assert {(r["person"], r["title"]) for r in posts} >= {("Antony Blinken", "secretary of state"), ("Vladimir Putin", "president")}
    own = kg.query("SELECT ?n WHERE { ?p a schema:Person ; rdfs:label ?n } ORDER BY ?n")
    assert [r["n"] for r in own.records()] == ["Antony Blinken", "David Lammy", "Vladimir Putin"]
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?p rdfs:label 'Vladimir Putin'@en }")
    assert kg.query(rq).boolean is True
    ev = kg.query("evidence", {"subject": "Vladimir Putin", "relation": "holds_position"}).records()
    assert ev and all("Putin" in (r["sentence"] or "") for r in ev)
    with pytest.raises(QueryError, match="needs the parameter"):
        kg.query("events-at-place")
    with pytest.raises(QueryError, match="syntax"):
        kg.query("SELEKT nothing")


def test_write_formats(kg: graphbuild.KnowledgeGraph, tmp_path: Path) -> None:
    """write() picks the format from the suffix; save() writes what the CLI build writes."""
    import pyoxigraph as ox

    for name in ("g.ttl", "g.nt", "g.nq", "g.trig", "g.jsonld"):
        path = kg.write(tmp_path / name)
        assert path.stat().st_size > 0
    store = ox.Store()
    store.bulk_load(path=str(tmp_path / "g.nq"), format=ox.RdfFormat.N_QUADS)
    assert len(store) == len(kg.to_store())
    assert kg.write(tmp_path / "page.out", format="html").read_text().startswith("<!DOCTYPE html>")
    with pytest.raises(ExportError, match="cannot tell the format"):
        kg.write(tmp_path / "g.xyz")
    paths = kg.save(tmp_path / "build", formats=["nquads"], html=False)
    assert sorted(p.name for p in paths) == ["graph.json", "graph.nq"]
    again = graphbuild.load(tmp_path / "build")
    assert again.counts() == kg.counts()


def test_show_is_offline_html(kg: graphbuild.KnowledgeGraph, tmp_path: Path) -> None:
    """show() gives Jupyter an iframe holding the whole page, with no network address in it."""
    import html

    view = graphbuild.show(kg)
    frame = view._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', frame).group(1))  # type: ignore[union-attr]
    assert page == view.page and "vis.Network" in page
    assert "Antony Blinken" in page
    assert not re.search(r"""(src|href)=["']https?://""", page)
    assert graphbuild.show(kg.graph).page == view.page
    assert view.save(tmp_path / "p.html").read_text(encoding="utf-8") == view.page
    with pytest.raises(TypeError):
        graphbuild.show({"nodes": []})


def test_docs_api_doctests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example in docs/api.md runs and prints what it shows."""
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(
        str(ROOT / "docs" / "api.md"), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert result.attempted > 20 and result.failed == 0
