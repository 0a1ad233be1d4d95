"""Events on the seed article: types, roles, coreference, quotes."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.model


def _events(seed_build) -> list[tuple[dict, dict[str, set[str]]]]:  # type: ignore[no-untyped-def,type-arg]
    out, _ = seed_build
    g = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in g["nodes"]}
    result = []
    for n in g["nodes"]:
        if n.get("type") != "Event":
            continue
        roles: dict[str, set[str]] = {}
        for e in g["edges"]:
            if e["source"] == n["id"]:
                roles.setdefault(e["relation"], set()).add(nodes[e["target"]]["label"])
        result.append((n, roles))
    return result


def test_joint_trip_is_one_travel_event(seed_build) -> None:  # type: ignore[no-untyped-def]
    """The trip: Blinken and Lammy travel from Poland to Kyiv, read as one event with its other mentions."""
    travels = [(n, r) for n, r in _events(seed_build) if n["event_type"] == "Travel" and "Poland" in r.get("origin", set())]
    assert len(travels) == 1
    node, roles = travels[0]
    assert {"Antony Blinken", "David Lammy"} <= roles.get("agent", set())
    assert "Kyiv" in roles.get("destination", set())
    assert len(node["trigger_mentions"]) >= 2  # "trip", "visit" ...


def test_attacks_name_attacker_and_target(seed_build) -> None:  # type: ignore[no-untyped-def]
    """Russia advances on Pokrovsk; Ukraine (Kyiv) strikes into the Kursk region."""
    attacks = [r for n, r in _events(seed_build) if n["event_type"] == "Attack"]
    pairs = {(a, t) for r in attacks for a in r.get("agent", set()) for t in r.get("target", set()) | r.get("destination", set())}
    assert ("Russia", "Pokrovsk") in pairs
    assert ("Ukraine", "Kursk region") in pairs


def test_statements_keep_quotes(seed_build) -> None:  # type: ignore[no-untyped-def]
    """Biden's statement keeps his quoted words and the place he spoke."""
    biden = [(n, r) for n, r in _events(seed_build) if n["event_type"] == "Statement" and "Joe Biden" in r.get("agent", set())]
    assert biden
    node, roles = biden[0]
    assert "working that out right now" in (node["quote"] or "")
    assert "Washington" in roles.get("place", set())


def test_no_event_without_arguments(seed_build) -> None:  # type: ignore[no-untyped-def]
    """Every event node has at least one argument entity."""
    assert all(roles for _, roles in _events(seed_build))


def test_dates_anchor_to_article_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """With the article dated Wednesday 11 September 2024, "Tuesday" and "Wednesday" become xsd:dates."""
    from graphbuild.pipeline import BuildOptions, build

    from .conftest import SEED

    src = tmp_path / "dated.jsonl"
    src.write_text(json.dumps({"id": "dated", "text": SEED.read_text(encoding="utf-8"), "date": "2024-09-11"}) + "\n")
    build([src], BuildOptions(outdir=tmp_path / "out", use_cache=False, formats=(), html=False, processes=1))
    g = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    times = {n["time_text"]: n["time"] for n in g["nodes"] if n.get("type") == "Event" and n.get("time_text")}
    assert times.get("Tuesday") == "2024-09-10"
    assert times.get("Wednesday") == "2024-09-11"


def test_undated_article_invents_no_date(seed_build) -> None:  # type: ignore[no-untyped-def]
    """The seed has no date: time expressions keep their surface form and get no xsd:date."""
    events = [n for n, _ in _events(seed_build) if n.get("time_text")]
    assert events and all(n["time"] is None for n in events)
