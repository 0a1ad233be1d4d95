"""The corpus graph: one edge per fact, with one evidence record per supporting sentence."""

from __future__ import annotations

from graphbuild.graph import build_graph
from graphbuild.model import DocEntity, DocResult, Document, Entity, Evidence, Mention, Relation


def _doc(doc_id: str, text: str, sentences: list[tuple[int, int]]) -> DocResult:
    person = DocEntity("e0", "Antony Blinken", "Person", (Mention(0, 14, "Antony Blinken", 0, 20),))
    country = DocEntity("e1", "United States", "Country", (Mention(15, 17, "US", 0, 20),))
    rels = tuple(
        Relation("e0", "affiliated_with", "e1",
                 Evidence(doc_id, s, e, "Antony Blinken", "US", "title.prefix", 0.8, text[s:e]))
        for s, e in sentences
    )
    return DocResult(Document(doc_id, text), (person, country), rels, ())


def test_same_fact_in_two_sentences_and_documents_is_one_edge() -> None:
    """A fact read from three sentences across two documents is one edge with three evidence records."""
    text = "Antony Blinken US x. Antony Blinken US y."
    results = [_doc("a", text, [(0, 20), (21, 41)]), _doc("b", text, [(0, 20)])]
    ents = [
        Entity("person/antony-blinken", "Antony Blinken", "Person", (), ()),
        Entity("country/united-states", "United States", "Country", (), ()),
    ]
    entity_of = {(d, k): eid for d in ("a", "b") for k, eid in (("e0", ents[0].id), ("e1", ents[1].id))}
    g = build_graph(ents, results, entity_of)
    edges = list(g.edges("person/antony-blinken", keys=True, data=True))
    assert len(edges) == 1
    evidence = edges[0][3]["evidence"]
    assert [(e["doc"], e["sentence_start"]) for e in evidence] == [("a", 0), ("a", 21), ("b", 0)]
    assert edges[0][3]["confidence"] == 0.8
