"""The spaCy component: registered by entry point, honours the pipeline's own NER and rulers."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT

TEXT = (
    "Marta Kowalski, the chief executive of Qortexa Dynamiqs, met Prime Minister Keir Starmer in London on Tuesday. "
    "Kowalski said the talks were useful."
)


def test_factory_is_registered_by_entry_point() -> None:
    """A fresh process adds the component by name without importing graphbuild first."""
    code = (
        "import sys, spacy; nlp = spacy.blank('en'); nlp.add_pipe('graphbuild'); "
        "doc = nlp('Jane Roe visited Paris.'); "
        "print(nlp.pipe_names, 'graphbuild.spacy_component' in sys.modules, sorted(doc._.graph))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "['graphbuild'] True ['doc', 'entities', 'events', 'relations']"


def _small(with_ruler: bool):  # type: ignore[no-untyped-def]
    import spacy

    from graphbuild.nlp import find_model

    nlp = spacy.load(find_model())  # a pipeline of our own: the shared fixture must not change
    if with_ruler:
        ruler = nlp.add_pipe("entity_ruler", before="ner")
        ruler.add_patterns([{"label": "ORG", "pattern": "Qortexa Dynamiqs"}])
    nlp.add_pipe("graphbuild", config={"default_id": "kowalski"})
    return nlp


@pytest.mark.model
def test_small_model_with_and_without_the_users_ruler() -> None:
    """The user's entity_ruler decides the type of its pattern, and the relations follow from it."""
    plain = _small(False)(TEXT)._.graph
    ruled = _small(True)(TEXT)._.graph
    types = {e["label"]: e["type"] for e in ruled["entities"]}
    assert types["Qortexa Dynamiqs"] == "Organization" and types["Marta Kowalski"] == "Person"
    assert {e["label"]: e["type"] for e in plain["entities"]}.get("Qortexa Dynamiqs") != "Organization"
    rels = {(r["subject_label"], r["relation"], r["object_label"]) for r in ruled["relations"]}
    assert ("Marta Kowalski", "affiliated_with", "Qortexa Dynamiqs") in rels
    assert ("Marta Kowalski", "affiliated_with", "Qortexa Dynamiqs") not in {
        (r["subject_label"], r["relation"], r["object_label"]) for r in plain["relations"]
    }
    meet = [e for e in ruled["events"] if e["event_type"] == "Meet"]
    assert meet and {a["label"] for a in meet[0]["arguments"]} >= {"Marta Kowalski", "Keir Starmer"}
    assert ruled["doc"] == "kowalski"
    json.dumps(ruled)  # plain data


@pytest.mark.model
def test_blank_pipeline_with_entity_ruler() -> None:
    """spacy.blank('en') + entity_ruler: no parser, no sentencizer, yet the custom patterns come out typed."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "ORG", "pattern": "Zentrik Labs"}, {"label": "PERSON", "pattern": [{"LOWER": "jo"}, {"LOWER": "quill"}]}]
    )
    nlp.add_pipe("graphbuild")
    doc = nlp("Jo Quill founded Zentrik Labs. Zentrik Labs hired Jo Quill again.")
    ents = {e["label"]: e for e in doc._.graph["entities"]}
    assert ents["Zentrik Labs"]["type"] == "Organization" and ents["Jo Quill"]["type"] == "Person"
    assert [(m["start"], m["end"]) for m in ents["Zentrik Labs"]["mentions"]] == [(17, 29), (31, 43)]
    assert doc._.graph_result.entities  # the record form
    back = doc.__class__(doc.vocab).from_bytes(doc.to_bytes())  # the Doc still serialises
    assert back._.graph == doc._.graph


@pytest.mark.model
def test_graph_from_docs_joins_documents() -> None:
    """Docs processed by the component join into one corpus graph with entities resolved across them."""
    import spacy

    from graphbuild import graph_from_docs
    from graphbuild.errors import GraphbuildError

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Jo Quill"}, {"label": "PERSON", "pattern": "Quill"}])
    nlp.add_pipe("graphbuild")
    docs = []
    for i, text in enumerate(["Jo Quill spoke in Paris.", "Quill later travelled to Berlin."]):
        d = nlp.make_doc(text)
        d.user_data["doc_id"] = f"d{i}"
        docs.append(nlp(d))
    kg = graph_from_docs(docs)
    assert sorted(kg.graph.graph["documents"]) == ["d0", "d1"]
    quill = [n for n, a in kg.graph.nodes(data=True) if a.get("label") == "Jo Quill"]
    assert len(quill) == 1 and {m["doc"] for m in kg.graph.nodes[quill[0]]["mentions"]} == {"d0", "d1"}
    with pytest.raises(GraphbuildError, match="repeats"):
        graph_from_docs([nlp("Jo Quill."), nlp("Jo Quill.")])
