"""World-knowledge relations (a town's country from the place table, containment chains, a country's post from
its title alone) are kept by default, marked ``inferred`` in graph.json and ``gb:inferred`` in the RDF, and leave
a build with ``world_knowledge=False`` (``--stated-only``)."""

from __future__ import annotations

from typing import Any

import pytest

import graphbuild
from graphbuild.graph import WORLD_KNOWLEDGE_RULES, stated_only
from graphbuild.model import DocResult, Document, Evidence, Relation
from graphbuild.pipeline import BuildOptions

pytestmark = pytest.mark.model

TEXT = ("Thousands of fans gathered in Lyon on Saturday for the final. The government of France said the match "
        "would go ahead. Home Secretary Jane Morrow said Britain would send extra police.")


def _edges(kg: graphbuild.KnowledgeGraph) -> list[tuple[str, str, str, dict[str, Any]]]:
    g = kg.graph
    return [(g.nodes[s]["label"], a["relation"], g.nodes[o]["label"], a) for s, o, a in g.edges(data=True)
            if g.nodes[s].get("type") != "Event"]


def test_stated_only_build_keeps_only_stated_facts() -> None:
    kg = graphbuild.build_graph([TEXT], BuildOptions(processes=1, world_knowledge=False))
    edges = _edges(kg)
    assert not any(s == "Lyon" and r == "located_in" for s, r, _, _ in edges)
    assert not any(ev["rule"] in WORLD_KNOWLEDGE_RULES for *_, a in edges for ev in a["evidence"])
    assert not any(a.get("inferred") for *_, a in edges)
    # the post stays on the person, without the country only the title implies
    person = next(a for _, a in kg.graph.nodes(data=True) if a.get("label") == "Jane Morrow")
    assert [p["title"] for p in person.get("positions", [])] == ["home secretary"]


def test_default_build_marks_inferred_edges() -> None:
    kg = graphbuild.build_graph([TEXT], BuildOptions(processes=1))
    lyon = [(o, a) for s, r, o, a in _edges(kg) if s == "Lyon" and r == "located_in"]
    assert [o for o, _ in lyon] == ["France"]
    assert lyon[0][1]["inferred"] is True
    assert {ev["rule"] for ev in lyon[0][1]["evidence"]} == {"located_in.gazetteer"}
    post = [(o, a) for s, r, o, a in _edges(kg) if s == "Jane Morrow" and r == "holds_position"]
    assert [o for o, _ in post] == ["United Kingdom"] and post[0][1]["inferred"] is True


def _rel(subject: str, obj: str, rule: str, relation: str = "located_in", title: str | None = None) -> Relation:
    ev = Evidence("d", 0, 10, subject, obj, rule, 0.6)
    return Relation(subject, relation, obj, ev, title=title)


def test_stated_only_keeps_stated_relations_and_posts() -> None:
    doc = Document(id="d", text="x")
    stated = _rel("e1", "e2", "located_in.comma")
    res = DocResult(doc, (), (stated, _rel("e3", "e2", "located_in.gazetteer"), _rel("e4", "e2", "based_in.closure"),
                               _rel("e5", "e2", "title.implied_country", "holds_position", "Foreign Minister"),
                               _rel("e5", "e2", "title.implied_country", "affiliated_with")), ())
    out = stated_only([res])[0].relations
    assert [(r.subject, r.relation, r.object, r.title) for r in out] == [
        ("e1", "located_in", "e2", None), ("e5", "holds_position", "e5", "Foreign Minister")]
    untouched = DocResult(doc, (), (stated,), ())
    assert stated_only([untouched])[0] is untouched


def test_rdf_marks_inferred_statements_for_sparql() -> None:
    """A SPARQL user can tell the gazetteer's geography from the stated facts, and filter it out."""
    kg = graphbuild.build_graph([TEXT], BuildOptions(processes=1))
    q = """PREFIX gb: <https://graphbuild.example.org/ns#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT ?rule ?inf WHERE { ?st a rdf:Statement ; gb:rule ?rule . OPTIONAL { ?st gb:inferred ?inf } }"""
    rows = {(str(r["rule"].value), None if r["inf"] is None else str(r["inf"].value)) for r in kg.to_store().query(
        q, use_default_graph_as_union=True)}
    assert ("located_in.gazetteer", "true") in rows
    assert not any(inf for rule, inf in rows if rule not in WORLD_KNOWLEDGE_RULES)
    assert any(inf is None for rule, inf in rows if rule not in WORLD_KNOWLEDGE_RULES)
