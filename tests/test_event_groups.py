"""Unnamed groups of people as event arguments ("police fired on protesters", "two people died"): Group nodes,
one per document and noun, only as event arguments, never an event of their own."""

from __future__ import annotations

from typing import Any

import pytest

from tests.event_graphs import build_docs, roles_of

pytestmark = pytest.mark.model

DOCS = {
    "killed": "Gunmen killed four villagers near Kandahar on Sunday.",
    "passive": "Three soldiers were killed by rebels in the north of Varnia.",
    "died": "Two people died in the attack on a market in Lagos.",
    "marched": "Protesters marched through Lyon on Friday against the pension law.",
    "also_named": "Morland troops shelled the town of Kerch on Monday.",
    "twice": "Rebels attacked a convoy near Herat on Monday. Police said rebels also attacked a bus in Kandahar.",
    "other_doc": "Rebels attacked a village near Kerch on Tuesday.",
    "named_police": "The Metropolitan Police arrested Tom Webb in London on Monday.",
    "no_event": "Many workers were unhappy with the new pay offer.",
    "told": "Mayor Anna Berg told reporters in Lyon that the bridge would reopen.",
    "blamed": "Mayor Anna Berg blamed protesters for the damage in Lyon, she said on Monday.",
    "officials_said": "Officials in Lyon said the bridge would reopen.",
    "scene": "At the election in Lyon, people will have a clear choice, Anna Berg said.",
    "call_for": "Anna Berg called for the release of the remaining inmates in Lyon.",
    "launched": "Militants launched an attack on Kabul on Monday.",
    "participle": "Three soldiers killed in Kabul on Monday were buried in Herat.",
    "wanted": "Terrorists wanted to attack Britain, Tom Webb said.",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return build_docs(tmp_path_factory.mktemp("groups"), DOCS)


def _groups(graph: dict[str, Any], doc: str | None = None) -> list[dict[str, Any]]:
    return [n for n in graph["nodes"] if n["type"] == "Group"
            and (doc is None or any(m["doc"] == doc for m in n["mentions"]))]


def test_object_and_subject_groups(graph: dict[str, Any]) -> None:
    roles = roles_of(graph, "killed", "Attack") or roles_of(graph, "killed", "Death")
    assert "villagers" in roles.get("target", set())
    assert "gunmen" in roles.get("agent", set())


def test_passive_subject_and_agent(graph: dict[str, Any]) -> None:
    roles = roles_of(graph, "passive", "Death") or roles_of(graph, "passive", "Attack")
    assert "soldiers" in roles.get("target", set())
    assert "rebels" in roles.get("agent", set())
    assert "soldiers" not in roles.get("agent", set())


def test_number_kept_in_mention(graph: dict[str, Any]) -> None:
    (soldiers,) = [g for g in _groups(graph, "passive") if g["label"] == "soldiers"]
    assert [m["text"] for m in soldiers["mentions"]] == ["Three soldiers"]
    assert soldiers["mentions"][0]["kind"] == "group"


def test_who_died_is_no_agent(graph: dict[str, Any]) -> None:
    roles: dict[str, set[str]] = {}
    for etype in ("Death", "Attack"):
        for r, labels in roles_of(graph, "died", etype).items():
            roles.setdefault(r, set()).update(labels)
    assert "people" in roles.get("target", set())
    assert "people" not in roles.get("agent", set())


def test_group_next_to_a_name(graph: dict[str, Any]) -> None:
    roles = roles_of(graph, "also_named", "Attack")
    assert "troops" in roles.get("agent", set())


def test_close_to_the_trigger(graph: dict[str, Any]) -> None:
    assert "militants" in roles_of(graph, "launched", "Attack").get("agent", set())  # X launched an attack
    assert "soldiers" in roles_of(graph, "participle", "Death").get("target", set())  # soldiers killed in
    assert "terrorists" in roles_of(graph, "wanted", "Attack").get("agent", set())  # wanted to attack
    assert not _groups(graph, "scene")  # "at the election, people ...": no party of it
    assert not _groups(graph, "call_for")  # what is asked for is not whom it is asked of


def test_statements(graph: dict[str, Any]) -> None:
    assert "reporters" in roles_of(graph, "told", "Statement").get("participant", set())  # told whom
    blamed = roles_of(graph, "blamed", "Statement")
    assert "protesters" not in {x for labels in blamed.values() for x in labels}  # spoken of, not to
    assert blamed.get("agent") == {"Anna Berg"}
    assert not roles_of(graph, "officials_said", "Statement")  # no speech event from a group alone


def test_one_node_per_document_and_noun(graph: dict[str, Any]) -> None:
    rebels = [g for g in _groups(graph) if g["label"] == "rebels"]
    docs = sorted(m["doc"] for g in rebels for m in g["mentions"])
    assert len(rebels) >= 2  # "twice" and "other_doc" each have their own, never joined
    assert len({g["id"] for g in rebels}) == len(rebels)
    for g in rebels:
        assert len({m["doc"] for m in g["mentions"]}) == 1
        assert g["id"].startswith("group/rebels-")
    assert docs.count("twice") >= 1 and "other_doc" in docs


def test_groups_are_only_event_arguments(graph: dict[str, Any]) -> None:
    types = {n["id"]: n["type"] for n in graph["nodes"]}
    group_ids = {g["id"] for g in _groups(graph)}
    assert group_ids
    for e in graph["edges"]:
        if e["target"] in group_ids:
            assert types[e["source"]] == "Event"
            assert e["relation"] in ("agent", "target", "participant")
        assert e["source"] not in group_ids


def test_no_group_without_event_or_from_a_name(graph: dict[str, Any]) -> None:
    assert not _groups(graph, "no_event")  # an unnamed group alone makes no event and no node
    assert not [n for n in graph["nodes"] if n["type"] == "Event"
                and n["doc"] == "no_event"]
    assert not _groups(graph, "named_police")  # "Police" of a name is no group


def test_groups_add_no_event() -> None:
    """The events read are the same with or without the groups: only arguments are added."""
    from graphbuild.extract.common import EntityIndex
    from graphbuild.extract.entities import extract_entities
    from graphbuild.extract.event_groups import add_group_arguments
    from graphbuild.extract.events import extract_events
    from graphbuild.model import Document
    from graphbuild.nlp import load_pipeline

    nlp = load_pipeline()
    for key, text in DOCS.items():
        document = Document(key, text)
        doc = nlp(text)
        ents = extract_entities(doc, document)
        index = EntityIndex(doc, ents)
        events = extract_events(doc, document, index, None)
        with_groups, groups = add_group_arguments(doc, key, index, events)
        assert [(e.event_type, e.start, e.label) for e in with_groups] == [(e.event_type, e.start, e.label) for e in events]
        for before, after in zip(events, with_groups, strict=True):
            assert after.arguments[: len(before.arguments)] == before.arguments
            extra = after.arguments[len(before.arguments):]
            assert {a.entity for a in extra} <= {g.key for g in groups}
