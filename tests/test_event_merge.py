"""Cross-document event merge: one node for a happening several articles report, recorded like entity merges."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from graphbuild.eventmerge import RULE, STATEMENT_RULE, merge_events, merged_event_id
from graphbuild.exporters.nodelink import read_json
from graphbuild.exporters.rdf import doc_graph_iri, to_rdf
from graphbuild.graph import build_graph, event_node_id
from graphbuild.model import Argument, DocEntity, DocResult, Document, Entity, Event, Evidence, Mention

PEOPLE = {"Lammy": "person/david-lammy", "Blinken": "person/antony-blinken", "Macron": "person/emmanuel-macron"}
KYIV = "place/kyiv"


def _doc(
    doc_id: str,
    events: list[tuple[str, str | None, str, tuple[tuple[str, str], ...]]],
) -> DocResult:
    """A document with one sentence per event: ``(type, time, status, ((role, name), ...))``; names are
    ``PEOPLE`` keys or ``"Kyiv"``."""
    text = ""
    ents: dict[str, DocEntity] = {}
    evts = []
    for i, (etype, time, status, args) in enumerate(events):
        start = len(text)
        sentence = " ".join(name for _, name in args) + f" {etype.lower()} event {i}."
        text += sentence + " "
        end = start + len(sentence)
        arguments = []
        pos = start
        for role, name in args:
            if name not in ents:
                typ = "Place" if name == "Kyiv" else "Person"
                ents[name] = DocEntity(f"e{len(ents)}", name, typ, (Mention(pos, pos + len(name), name, start, end),))
            arguments.append(Argument(role, ents[name].key, name))
            pos += len(name) + 1
        trig = text.index(etype.lower(), start)
        ev = Evidence(doc_id, start, end, etype.lower(), "", f"event.{etype.lower()}", 0.7, sentence)
        evts.append(Event(f"v{i}", etype, etype.lower(), trig, trig + len(etype), tuple(arguments), (ev,),
                          time=time, time_text="on Monday" if time else None, status=status, rule="event.verb"))
    return DocResult(Document(doc_id, text.strip(), date="2024-03-04"), tuple(ents.values()), (), tuple(evts))


def _corpus(results: list[DocResult]) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    ids = {**PEOPLE, "Kyiv": KYIV}
    entity_of = {(r.doc.id, e.key): ids[e.label] for r in results for e in r.entities}
    entities = [
        Entity(eid, label, "Place" if label == "Kyiv" else "Person", (),
               tuple((r.doc.id, m) for r in results for e in r.entities if e.label == label for m in e.mentions))
        for label, eid in sorted(ids.items())
        if any(e.label == label for r in results for e in r.entities)
    ]
    return entities, entity_of


def _graph(results: list[DocResult]):  # type: ignore[no-untyped-def]
    entities, entity_of = _corpus(results)
    return build_graph(entities, results, entity_of)


def _events(g) -> dict[str, dict]:  # type: ignore[no-untyped-def,type-arg]
    return {n: a for n, a in g.nodes(data=True) if a.get("type") == "Event"}


MEET = ("Meet", "2024-03-04", "reported", (("agent", "Lammy"), ("participant", "Blinken")))


def test_the_same_meeting_in_three_articles_is_one_node_listing_every_document_and_sentence() -> None:
    results = [_doc("a", [MEET]), _doc("b", [MEET]), _doc("c", [("Meet", "2024-03-04", "reported",
                                                                     (("participant", "Blinken"),))])]
    events = _events(_graph(results))
    assert len(events) == 1
    (nid, node), = events.items()
    assert node["docs"] == ["a", "b", "c"] and node["doc"] == "a"
    assert sorted({e["doc"] for e in node["evidence"]}) == ["a", "b", "c"]
    # the other members' triggers are listed with their documents
    assert [(m["doc"], m["text"]) for m in node["trigger_mentions"]] == [("b", "meet"), ("c", "meet")]
    # every join is recorded: rule, document, the member's own id, the key that joined it
    merges = node["merges"]
    assert [(m["rule"], m["doc"]) for m in merges] == [(RULE, "b"), (RULE, "c")]
    c_event = results[2].events[0]
    assert merges[1]["event"] == event_node_id("c", c_event.start, c_event.end, "Meet")
    assert merges[1]["key"] == "Meet|reported|2024-03-04|person/antony-blinken"
    assert "Blinken as participant" in merges[1]["evidence"] and "a, b" in merges[1]["evidence"]
    # the id is named by the smallest key that joined the cluster, whatever the order of the documents
    assert nid == merged_event_id("Meet|reported|2024-03-04|person/antony-blinken")
    assert set(_events(_graph(list(reversed(results))))) == {nid}


def test_weak_keys_never_merge() -> None:
    """No full date, another day, another status, another type, or only a place in common: separate nodes."""
    kyiv_only = (("place", "Kyiv"),)
    cases = [
        [("Meet", None, "reported", MEET[3])],  # no anchored date
        [("Meet", "2024-03", "reported", MEET[3])],  # a month is not a day
        [("Meet", "2024-03-05", "reported", MEET[3])],  # another day
        [("Meet", "2024-03-04", "planned", MEET[3])],  # planned vs held
        [("Travel", "2024-03-04", "reported", MEET[3])],  # another type
    ]
    for other in cases:
        assert len(_events(_graph([_doc("a", [MEET]), _doc("b", other)]))) == 2, other
    place = [("Attack", "2024-03-04", "reported", kyiv_only)]
    assert len(_events(_graph([_doc("a", place), _doc("b", place)]))) == 2
    # two events of one document sharing a key with nobody else stay two
    assert len(_events(_graph([_doc("a", [MEET, MEET])]))) == 2


def test_events_join_through_any_shared_core_argument() -> None:
    """a and b share Lammy, b and c share Macron: one event over the three documents (no pairwise scan)."""
    day = "2024-03-04"
    results = [
        _doc("a", [("Meet", day, "reported", (("agent", "Lammy"),))]),
        _doc("b", [("Meet", day, "reported", (("agent", "Lammy"), ("participant", "Macron")))]),
        _doc("c", [("Meet", day, "reported", (("participant", "Macron"),))]),
    ]
    entities, entity_of = _corpus(results)
    merges = merge_events(results, entity_of, {e.id: e.label for e in entities})
    assert len(merges.merged) == 1
    group = next(iter(merges.merged.values()))
    assert group.docs == ["a", "b", "c"]
    assert [m.key.rsplit("|", 1)[1] for m in group.merges] == ["person/david-lammy", "person/emmanuel-macron"]
    # the node's role edges gather the arguments of every member, with each member's evidence
    g = build_graph(entities, results, entity_of)
    edges = {(t, k): a for _, t, k, a in g.out_edges(group.id, keys=True, data=True)}
    assert set(edges) == {("person/david-lammy", "agent"), ("person/emmanuel-macron", "participant")}
    assert [e["doc"] for e in edges[("person/emmanuel-macron", "participant")]["evidence"]] == ["b", "c"]


def _quads(rdf) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    return {name: {ln.removesuffix(" .") for ln in rdf.graphs[name].decode().splitlines()} for name in rdf.graphs}


def test_rdf_puts_each_documents_part_in_its_graph_and_records_the_merge(tmp_path: Path) -> None:
    """The event's own triples are in its first document's graph; each document's graph holds its link, its
    sentences and its merge record (gb:EventMerge with rule and key); no triple is in two graphs; graph.json
    read back converts to the same RDF."""
    from graphbuild.exporters.nodelink import write_json

    results = [_doc("a", [MEET]), _doc("b", [MEET])]
    g = _graph(results)
    (nid,) = _events(g)
    rdf = to_rdf(g)
    base = "https://graphbuild.example.org/id/"
    graphs = _quads(rdf)
    ev = f"<{base}{nid}>"
    a, b = (graphs[doc_graph_iri(d, base)] for d in ("a", "b"))
    assert any(ln.startswith(f"{ev} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>") for ln in a)
    assert not any(ln.startswith(f"{ev} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>") for ln in b)
    for d, lines in (("a", a), ("b", b)):
        assert f"{ev} <https://graphbuild.example.org/ns#document> <{base}doc/{d}>" in lines
        assert any(ln.startswith(f"{ev} <http://www.w3.org/ns/prov#wasDerivedFrom> <{base}doc/{d}#char=")
                   for ln in lines)
    assert not any("ns#merge>" in ln for ln in a)
    merge_lines = [ln for ln in b if "ns#mergeKey>" in ln]
    assert merge_lines == [ln for ln in merge_lines if '"Meet|reported|2024-03-04|person/' in ln] and merge_lines
    store = ox.Store()
    store.load(rdf.nquads(), ox.RdfFormat.N_QUADS)
    rows = list(store.query(
        "PREFIX gb: <https://graphbuild.example.org/ns#> SELECT ?rule ?doc WHERE { ?e gb:merge ?m . "
        "?m a gb:EventMerge ; gb:rule ?rule ; gb:memberDocument/gb:docId ?doc }",
        use_default_graph_as_union=True,
    ))
    assert [(r["rule"].value, r["doc"].value) for r in rows] == [(RULE, "b")]
    seen: dict[str, str] = {}
    for name, lines in graphs.items():
        for ln in lines:
            assert seen.setdefault(ln, name) == name, f"{ln} in {seen[ln]} and {name}"
    write_json(g, tmp_path / "graph.json")
    again = read_json(tmp_path / "graph.json")
    assert _quads(to_rdf(again)) == graphs
    node = json.loads((tmp_path / "graph.json").read_text())
    merged = next(n for n in node["nodes"] if n["id"] == nid)
    assert merged["docs"] == ["a", "b"] and merged["merges"][0]["rule"] == RULE


_ARTICLES = [
    {"id": "a-lammy", "date": "2024-03-06",
     "text": "Foreign Secretary David Lammy met Antony Blinken in Kyiv on Monday. The two men discussed air defence."},
    {"id": "b-kyiv", "date": "2024-03-06",
     "text": "US Secretary of State Antony Blinken met British Foreign Secretary David Lammy in Kyiv on Monday."},
    {"id": "c-talks", "date": "2024-03-07",
     "text": "Antony Blinken held talks with David Lammy on Monday in the Ukrainian capital."},
    {"id": "d-macron", "date": "2024-03-07", "text": "Emmanuel Macron visited Berlin on Tuesday."},
]


def _build(tmp: Path, docs: list[dict[str, str]], out: str, formats: tuple[str, ...], cache: bool, store: bool):  # type: ignore[no-untyped-def]
    from graphbuild.pipeline import BuildOptions, build

    corpus = tmp / f"{out}.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    report = build([corpus], BuildOptions(outdir=tmp / out, formats=formats, html=False, processes=1,
                                          use_cache=cache, store_dir=tmp / out / "store" if store else None))
    assert not report.errors
    return report


def _stored(path: Path) -> set[tuple[str, str, str, str]]:
    """The quads of a store directory or an N-Quads file, literals by value (stores keep primitive types)."""
    if path.is_dir():
        store = ox.Store(str(path))
    else:
        store = ox.Store()
        store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    quads = {(str(q.subject), str(q.predicate), q.object.value if isinstance(q.object, ox.Literal) else str(q.object),
              str(q.graph_name)) for q in store.quads_for_pattern(None, None, None, None)}
    del store
    return quads


#: The corpus after each step: all four; c removed; b moved to Tuesday (no longer the same meeting); a and d removed.
_STEPS = [
    _ARTICLES,
    [_ARTICLES[0], _ARTICLES[1], _ARTICLES[3]],
    [_ARTICLES[0], {**_ARTICLES[1], "text": _ARTICLES[1]["text"].replace("Monday", "Tuesday")}, _ARTICLES[3]],
    [_ARTICLES[1], _ARTICLES[2]],
]


@pytest.fixture(scope="module")
def steps(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int | None]]:
    """Each step built three ways: incrementally through the render memo (``memo``), incrementally with a
    ``--store`` (``store``), and clean (``clean<i>``); the directory and the memo builds' rendered counts."""
    tmp = tmp_path_factory.mktemp("event-merge-steps")
    rendered = []
    for i, step in enumerate(_STEPS):
        rendered.append(_build(tmp, step, "memo", ("turtle",), cache=True, store=False).rendered)
        _build(tmp, step, "store", ("turtle", "nquads"), cache=True, store=True)
        _build(tmp, step, f"clean{i}", ("turtle", "nquads"), cache=False, store=False)
        shutil.copytree(tmp / "memo", tmp / f"memo{i}", ignore=shutil.ignore_patterns(".cache"))
        shutil.copytree(tmp / "store" / "store", tmp / f"store{i}")
    return tmp, rendered


@pytest.mark.model
def test_adding_removing_and_replacing_a_document_keeps_outputs_and_store_as_a_clean_build(
    steps: tuple[Path, list[int | None]],
) -> None:
    """Three articles report Monday's Lammy-Blinken meeting: one node over the three.  Removing one article,
    moving another to another day, and adding them back: each incremental build (render memo; --store) gives
    exactly the files and store of a clean build of the same articles."""
    tmp, rendered = steps
    for i in range(len(_STEPS)):
        clean = tmp / f"clean{i}"
        for name in ("graph.json", "graph.ttl"):
            assert (tmp / f"memo{i}" / name).read_bytes() == (clean / name).read_bytes(), (i, name)
        assert _stored(tmp / f"store{i}") == _stored(clean / "graph.nq"), i
        graph = json.loads((clean / "graph.json").read_text(encoding="utf-8"))
        meets = [n for n in graph["nodes"] if n.get("event_type") == "Meet"]
        if i == 0:
            assert [n["docs"] for n in meets] == [["a-lammy", "b-kyiv", "c-talks"]]
        elif i == 2:  # b's meeting is now on Tuesday: two nodes, neither merged
            assert len(meets) == 2 and not any("docs" in n for n in meets)
        else:
            assert len(meets) == 1 and len(meets[0]["docs"]) == 2
    # removing c re-renders a and b (their merged event changed), not d
    assert rendered[:2] == [4, 2]


@pytest.mark.model
def test_push_after_each_step_leaves_the_server_as_a_clean_build(steps: tuple[Path, list[int | None]]) -> None:
    """``graphbuild push`` of each step's build into one live Oxigraph server: the server then holds exactly
    that build's quads (a document that shared a merged event with a removed one has its graph replaced)."""
    from graphbuild.push import push
    from graphbuild.query import run_query

    from .conftest_rdf import free_port, require_program, stop_process, wait_for_endpoint

    exe = require_program("oxigraph")
    tmp, _ = steps
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp / "oxstore"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_endpoint(base + "/query", proc)
        for i in range(len(_STEPS)):
            clean = tmp / f"clean{i}"
            push(clean, base + "/store", retries=0)
            rows = run_query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", base + "/query").rows
            held = {(str(s), str(p), o.value if isinstance(o, ox.Literal) else str(o), str(g)) for s, p, o, g in rows}
            assert held == _stored(clean / "graph.nq"), i
    finally:
        stop_process(proc)


def test_merged_rdf_conforms_to_the_shapes_and_declares_its_terms() -> None:
    """The RDF of a cross-document event passes graphbuild/vocab/shapes.ttl, and each gb: term it uses is in
    graphbuild/vocab/graphbuild.ttl; a merge record without its key is reported."""
    import pyshacl
    import rdflib

    root = Path(__file__).resolve().parents[1] / "graphbuild" / "vocab"
    shapes = rdflib.Graph().parse(root / "shapes.ttl", format="turtle")
    vocab = {str(s) for s in rdflib.Graph().parse(root / "graphbuild.ttl", format="turtle").subjects()}
    text = to_rdf(_graph([_doc("a", [MEET]), _doc("b", [MEET]), _doc("c", [MEET])])).ntriples().decode()
    data = rdflib.Graph().parse(data=text, format="nt")
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes)
    assert conforms, report
    gb = "https://graphbuild.example.org/ns#"
    used = {str(t) for s, p, o in data for t in (p, o) if str(t).startswith(gb)}
    assert {gb + "EventMerge", gb + "mergeKey"} <= used and used <= vocab, used - vocab
    data.remove((None, rdflib.URIRef(gb + "mergeKey"), None))
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes)
    assert not conforms and "mergeKey" in report


def test_the_page_lists_every_document_of_a_merged_event_and_why_it_merged() -> None:
    """The HTML page gives a cross-document event every document (the document filter finds it in each)
    and the merge records; a plain event keeps its one document."""
    from graphbuild.exporters.web import render_html
    from tests.exporters.test_web import page_data

    g = _graph([_doc("a", [MEET]), _doc("b", [MEET, ("Travel", None, "reported", (("agent", "Macron"),))])])
    data = page_data(render_html(g))
    events = {n["etype"]: n for n in data["nodes"] if n["gtype"] == "Event"}
    meet, travel = events["Meet"], events["Travel"]
    assert len(meet["info"]["docs"]) == 2 and sorted(meet["docs"]) == sorted(meet["info"]["docs"])
    assert [(m["rule"], m["trigger"]) for m in meet["info"]["merges"]] == [(RULE, "meet")]
    assert "docs" not in travel["info"] and len(travel["docs"]) == 1


def _statement(doc_id: str, sentence: str) -> DocResult:
    """A document whose one sentence is a Statement by Macron dated 2024-03-04."""
    ent = DocEntity("e0", "Macron", "Person", (Mention(0, 6, "Macron", 0, len(sentence)),))
    ev = Evidence(doc_id, 0, len(sentence), "said", "Macron", "event.verb", 0.7, sentence)
    trig = sentence.index("said")
    evt = Event("v0", "Statement", "said", trig, trig + 4, (Argument("agent", "e0", "Macron"),), (ev,),
                time="2024-03-04", time_text="on Monday", rule="event.verb")
    return DocResult(Document(doc_id, sentence, date="2024-03-05"), (ent,), (), (evt,))


def test_statements_of_one_speaker_and_day_join_only_when_they_say_the_same_thing() -> None:
    """A speaker says many things in a day: two articles quoting Macron's pension plan on Monday are one
    Statement (rule cross-doc.type-arg-date+topic), his remark on football that day stays apart."""
    results = [
        _statement("a", "Macron said on Monday the pension reform would raise the retirement age to 64 in 2030."),
        _statement("b", "The retirement age will rise to 64 under the pension reform, Macron said on Monday."),
        _statement("c", "Macron said on Monday that the football team had played a wonderful final in Qatar."),
    ]
    events = _events(_graph(results))
    assert sorted(len(a.get("docs", [a["doc"]])) for a in events.values()) == [1, 2]
    merged = next(a for a in events.values() if "docs" in a)
    assert merged["docs"] == ["a", "b"]
    assert [(m["rule"], m["doc"]) for m in merged["merges"]] == [(STATEMENT_RULE, "b")]
    assert "words of what is said" in merged["merges"][0]["evidence"]


def test_two_topics_of_one_speaker_and_day_are_two_merged_statements() -> None:
    """Macron on pensions in a and b, on football in c and d: two merged nodes, with distinct ids."""
    pension = "Macron said on Monday the pension reform would raise the retirement age to 64 in 2030."
    football = "Macron said on Monday that the football team had played a wonderful final in Qatar."
    results = [_statement("a", pension), _statement("b", pension), _statement("c", football),
               _statement("d", football)]
    events = _events(_graph(results))
    assert sorted(a["docs"] for a in events.values()) == [["a", "b"], ["c", "d"]]


def _doc_events(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    from graphbuild.extract import extract_doc

    return list(extract_doc(nlp(text), Document(id="t", text=text)).events)


@pytest.mark.model
def test_a_speakers_own_press_conference_is_the_setting_of_their_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    """A press conference whose only party is the speaker is where the Statement was made, not a Meet."""
    text = ("Singer Anna Holt said her house had been burgled. "
            "At a press conference on Tuesday, Anna Holt gave details of the stolen jewellery.")
    events = _doc_events(nlp, text)
    assert [e.event_type for e in events] == ["Statement"]
    assert len({e.sentence_start for e in events[0].evidence}) == 2
    text = "Finance Minister Karl Brandt told his weekly news conference in Berlin that taxes would not rise."
    assert [e.event_type for e in _doc_events(nlp, text)] == ["Statement"]


@pytest.mark.model
def test_a_conference_with_another_party_stays_a_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Karl Brandt met French President Paul Marchand at a press conference in Paris. "
            "Karl Brandt said taxes would not rise.")
    assert sorted(e.event_type for e in _doc_events(nlp, text)) == ["Meet", "Statement"]
