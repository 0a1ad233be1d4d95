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


def _post_results(former: tuple[bool, ...]) -> tuple[list[Entity], list[DocResult], dict[tuple[str, str], str]]:
    """Documents each saying 'President Volodymyr Zelensky' (a post with no organisation in the text) and,
    in the first, 'Zelensky of Ukraine' (a post in a country); ``former`` per document."""
    text = "President Volodymyr Zelensky spoke. Zelensky of Ukraine."
    results = []
    for i, was in enumerate(former):
        d = f"d{i}"
        person = DocEntity("e0", "Volodymyr Zelensky", "Person", (Mention(10, 28, "Volodymyr Zelensky", 0, 35),))
        country = DocEntity("e1", "Ukraine", "Country", (Mention(48, 55, "Ukraine", 36, 56),))
        rels = [Relation("e0", "holds_position", "e0",
                         Evidence(d, 0, 35, "Volodymyr Zelensky", "President", "title.prefix", 0.8, text[:35]),
                         title="President", former=was)]
        if i == 0:
            rels.append(Relation("e0", "holds_position", "e1",
                                 Evidence(d, 36, 56, "Zelensky", "Ukraine", "title.of", 0.7, text[36:]),
                                 title="President", former=was))
        results.append(DocResult(Document(d, text), (person, country), tuple(rels), ()))
    ents = [
        Entity("person/volodymyr-zelensky", "Volodymyr Zelensky", "Person", (), ()),
        Entity("country/ukraine", "Ukraine", "Country", (), ()),
    ]
    entity_of = {(r.doc.id, k): eid for r in results for k, eid in (("e0", ents[0].id), ("e1", ents[1].id))}
    return ents, results, entity_of


def test_post_without_organisation_is_a_position_not_a_self_loop() -> None:
    """Extraction's person-to-itself post becomes a ``positions`` entry on the person; no edge joins a node to
    itself, and the post in a country stays an edge."""
    g = build_graph(*_post_results((False, False)))
    assert [(s, o) for s, o in g.edges() if s == o] == []
    positions = g.nodes["person/volodymyr-zelensky"]["positions"]
    assert [(p["title"], [e["doc"] for e in p["evidence"]], p["confidence"]) for p in positions] == [
        ("President", ["d0", "d1"], 0.8)
    ]
    assert "former" not in positions[0]
    edge = g.edges["person/volodymyr-zelensky", "country/ukraine", "holds_position|President"]
    assert edge["title"] == "President" and "former" not in edge


def test_former_only_when_every_supporting_sentence_says_so() -> None:
    """``former`` marks a post or edge only when all its evidence gives a past post."""
    g = build_graph(*_post_results((True, True)))
    assert g.nodes["person/volodymyr-zelensky"]["positions"][0]["former"] is True
    assert g.edges["person/volodymyr-zelensky", "country/ukraine", "holds_position|President"]["former"] is True
    g = build_graph(*_post_results((True, False)))
    assert "former" not in g.nodes["person/volodymyr-zelensky"]["positions"][0]


def test_post_in_a_place_is_a_position_and_only_people_hold_posts() -> None:
    """holds_position edges always join a person to an organisation or country: a post 'in' a place is kept as a
    position of the person, and a post held by a non-person is dropped."""
    text = "Mayor Sadiq Khan of London spoke."
    ev = Evidence("d", 0, len(text), "Sadiq Khan", "London", "title.of", 0.7, text)
    person = DocEntity("e0", "Sadiq Khan", "Person", (Mention(6, 16, "Sadiq Khan", 0, len(text)),))
    place = DocEntity("e1", "London", "Place", (Mention(20, 26, "London", 0, len(text)),))
    org = DocEntity("e2", "Labour", "Organization", ())
    rels = (Relation("e0", "holds_position", "e1", ev, title="Mayor"),
            Relation("e2", "holds_position", "e1", ev, title="Mayor"))
    ents = [Entity("person/sadiq-khan", "Sadiq Khan", "Person", (), ()),
            Entity("place/london", "London", "Place", (), ()),
            Entity("organization/labour", "Labour", "Organization", (), ())]
    entity_of = {("d", "e0"): ents[0].id, ("d", "e1"): ents[1].id, ("d", "e2"): ents[2].id}
    g = build_graph(ents, [DocResult(Document("d", text), (person, place, org), rels, ())], entity_of)
    assert list(g.edges()) == []
    assert [p["title"] for p in g.nodes["person/sadiq-khan"]["positions"]] == ["Mayor"]
    assert "positions" not in g.nodes["organization/labour"]
