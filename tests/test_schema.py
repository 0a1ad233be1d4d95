"""graph.json against its JSON Schema: the writer's output validates, the documented fields are all the fields."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from graphbuild.schema import graph_schema, validate_graph_json

from .conftest import ROOT


def _strict(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every listed record closed (no unlisted key), to find fields the docs do not cover."""
    schema = copy.deepcopy(schema)
    defs = schema["$defs"]
    for name in ("evidence", "mention", "merge", "position", "event_merge"):
        defs[name]["additionalProperties"] = False
    node_props = {**defs["node"]["properties"], **defs["entity_node"]["properties"]}
    defs["entity_node"]["properties"] = node_props
    defs["entity_node"]["additionalProperties"] = False
    defs["event_node"]["properties"] = {**defs["node"]["properties"], **defs["event_node"]["properties"]}
    defs["event_node"]["additionalProperties"] = False
    defs["edge"]["additionalProperties"] = False
    return schema


def _check(data: dict[str, Any]) -> None:
    assert validate_graph_json(data) == []
    strict = jsonschema.Draft202012Validator(_strict(graph_schema()))
    problems = [e.message for e in strict.iter_errors(data)]
    assert not problems, problems[:5]


def test_schema_is_valid_and_documented() -> None:
    """The schema is valid 2020-12, and docs/graph-json.md names every property it lists."""
    schema = graph_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = (ROOT / "docs" / "graph-json.md").read_text(encoding="utf-8")
    names: set[str] = set()

    def walk(obj: Any) -> None:
        if isinstance(obj, dict):
            names.update(obj.get("properties", {}))
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(schema)
    missing = sorted(n for n in names if not re.search(rf"`{re.escape(n)}`|\"{re.escape(n)}\"", doc))
    assert missing == []


@pytest.mark.model
def test_seed_graph_json_validates(seed_build: Any) -> None:
    """The seed build's graph.json conforms, with no undocumented key."""
    out, _ = seed_build
    _check(json.loads((out / "graph.json").read_text(encoding="utf-8")))


@pytest.mark.model
@pytest.mark.data
@pytest.mark.slow
def test_bbc150_graph_json_validates(bbc150: Any, tmp_path: Path) -> None:
    """graph.json of 150 BBC articles conforms, with no undocumented key."""
    path = bbc150.write(tmp_path / "graph.json")
    _check(json.loads(path.read_text(encoding="utf-8")))


def _tiny() -> dict[str, Any]:
    ev = {"doc": "d", "sentence_start": 0, "sentence_end": 30, "subject_text": "Jo Quill", "object_text": "Acme",
          "rule": "r", "confidence": 0.8, "sentence": "Jo Quill, former head of Acme."}
    return {
        "directed": True, "multigraph": True,
        "graph": {"base_iri": "https://example.org/", "documents": {"d": {"title": None, "date": "2024-01-02", "url": None}}},
        "nodes": [
            {"id": "person/jo-quill", "type": "Person", "label": "Jo Quill", "aliases": [], "mention_count": 1,
             "mentions": [{"doc": "d", "start": 0, "end": 8, "text": "Jo Quill", "sentence_start": 0, "sentence_end": 30, "rule": "ner"}],
             "merges": [], "wikidata": None, "positions": [{"title": "mayor", "evidence": [ev], "confidence": 0.8, "former": True}]},
            {"id": "organization/acme", "type": "Organization", "label": "Acme", "aliases": [], "mention_count": 0,
             "mentions": [], "merges": [], "wikidata": None},
            {"id": "event/1", "type": "Event", "label": "Meet: met", "event_type": "Meet", "doc": "d", "trigger": "met",
             "start": 1, "end": 4, "time": None, "time_text": None, "quote": None, "rule": "r", "confidence": 0.5,
             "evidence": [ev], "trigger_mentions": [], "status": "planned"},
        ],
        "edges": [
            {"source": "person/jo-quill", "target": "organization/acme", "key": "holds_position|head",
             "relation": "holds_position", "title": "head", "former": True, "evidence": [ev], "confidence": 0.8},
        ],
    }


def test_optional_fields_of_other_changes_are_accepted() -> None:
    """positions on persons, former on edges and status on events are valid (and documented)."""
    _check(_tiny())


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("nodes", 0, "type"), "Thing", "is not one of"),
        (("nodes", 2, "status"), "maybe", "is not one of"),
        (("nodes", 2, "event_type"), "Party", "is not one of"),
        (("edges", 0, "former"), "yes", "is not of type 'boolean'"),
        (("edges", 0, "evidence"), [], "should be non-empty"),
        (("nodes", 0, "positions"), [{"evidence": []}], "'title' is a required property"),
        (("graph", "documents", "d", "date"), "2 Jan 2024", "is not valid under any of the given schemas"),
        (("nodes", 0, "mentions", 0, "start"), -1, "less than the minimum"),
        (("nodes", 2, "time"), "December 2004", "is not valid under any of the given schemas"),
    ],
)
def test_bad_graphs_are_rejected(path: tuple[Any, ...], value: Any, message: str) -> None:
    """A wrong type, status, event type, former flag, empty evidence, untitled position or bad date is named."""
    data = _tiny()
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    problems = validate_graph_json(data)
    assert problems and any(message in p for p in problems), problems


def _merged() -> dict[str, Any]:
    """_tiny() with its event told by two documents (a cross-document event)."""
    data = _tiny()
    data["graph"]["documents"]["e"] = {"title": None, "date": "2024-01-02", "url": None}
    data["nodes"][2].update(
        docs=["d", "e"],
        trigger_mentions=[{"doc": "e", "start": 5, "end": 9, "text": "talks"}],
        merges=[{"rule": "cross-doc.type-arg-date", "doc": "e", "event": "event/2", "trigger": "talks", "start": 5,
                 "end": 9, "key": "Meet|planned|2024-01-02|person/jo-quill",
                 "evidence": "Meet (planned) on 2024-01-02 with Jo Quill as agent, as in d"}],
    )
    return data


def test_cross_document_event_fields_are_accepted_and_checked() -> None:
    """docs, merges and trigger mentions with their document are valid and documented; a merge without its key
    or a one-document docs list is named."""
    _check(_merged())
    data = _merged()
    del data["nodes"][2]["merges"][0]["key"]
    assert any("'key' is a required property" in p for p in validate_graph_json(data))
    data = _merged()
    data["nodes"][2]["docs"] = ["d"]
    assert any("should be non-empty" in p or "is too short" in p for p in validate_graph_json(data))


@pytest.mark.parametrize("time", ["2004", "2004-12", "2004-12-09", None])
def test_event_time_may_be_a_year_a_month_or_a_day(time: str | None) -> None:
    """"in 2003", "in December" and "on 9 December" are all valid event times."""
    data = _tiny()
    data["nodes"][2]["time"] = time
    assert validate_graph_json(data) == []


def test_post_edge_needs_a_title() -> None:
    data = _tiny()
    del data["edges"][0]["title"]
    assert any("'title' is a required property" in p for p in validate_graph_json(data))
