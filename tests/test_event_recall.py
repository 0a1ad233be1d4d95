"""Events typed Other: court acts, votes, referendums, awards, launches, investments, each in its event sense."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.event_graphs import build_docs, roles_of

DOCS = {
    "convict": "A jury in Leeds convicted Tom Harker of fraud on Tuesday.",
    "friend": "A court in Denver convicted a friend of Omar Castell for lying to investigators.",
    "ruled": "The High Court ruled that the Home Office had acted unlawfully.",
    "ruled-out": "The minister ruled out an early election.",
    "sued": "Greenpeace sued Exxon over the spill in Alaska.",
    "charged-fee": "Telia charged customers more for calls to Sweden.",
    "referendum": "Norway will hold a referendum on its membership of the European Union.",
    "invest": "Acme Motors will invest $2 billion in a new plant in Ohio.",
    "attracting": "Tianjin boasts a modern port, attracting several oil companies to invest.",
    "launch": "Sony launched the PlayStation Portable in Japan.",
    "launch-attack": "The Zarqa Brigade launched a series of attacks across Kirkuk.",
    "award": "The Nobel committee awarded Ellen Vance the peace prize.",
    "penalty": "The referee awarded Chelsea a penalty in the second half against Arsenal.",
    "trial": "The trial of Marta Lindqvist began in Stockholm on Monday.",
    "clinical": "Clinical trials by Pfizer showed that the drug works.",
    "without": "Karl Brenner was held by Britain without trial for three years.",
    "cardiac": "Karl Brenner suffered a cardiac arrest in Munich.",
    "passed": "Ivan Petrov passed away in Moscow on Sunday. The Duma passed the budget.",
    "kinds": "Greenpeace sued Exxon in Texas. Later Exxon launched a new tanker for its fleet.",
    "house": "Karl Brenner was kept under house arrest in Munich.",
    "indictment": "Anna Berg said the report was a damning indictment of the failure of Oxfam.",
    "voters": "People who vote in Leeds rarely read manifestos.",
    "poll": "Young Dutch film fans voted Kaboom best film at the Utrecht awards.",
    "polled": "Kaboom won the Golden Reel, voted for by readers of Filmkrant.",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return build_docs(Path(tmp_path_factory.mktemp("recall")), DOCS)


def _other(graph: dict[str, Any], doc: str) -> dict[str, set[str]]:
    return roles_of(graph, doc, "Other")


def test_court_acts_are_other_events(graph: dict[str, Any]) -> None:
    assert _other(graph, "convict").get("target") == {"Tom Harker"}
    assert _other(graph, "ruled").get("agent") == {"High Court"}
    assert _other(graph, "sued").get("agent") == {"Greenpeace"}
    assert _other(graph, "sued").get("target") == {"Exxon"}
    assert _other(graph, "trial").get("target") == {"Marta Lindqvist"}


def test_who_is_convicted_is_the_object_itself(graph: dict[str, Any]) -> None:
    assert "Omar Castell" not in _other(graph, "friend").get("target", set())


def test_other_senses_are_no_court_act(graph: dict[str, Any]) -> None:
    for doc in ("ruled-out", "charged-fee", "clinical", "without", "cardiac"):
        assert _other(graph, doc) == {}, doc


def test_votes_referendums_awards_launches_investments(graph: dict[str, Any]) -> None:
    assert _other(graph, "referendum").get("agent") == {"Norway"}
    assert _other(graph, "invest").get("agent") == {"Acme Motors"}
    assert _other(graph, "launch").get("agent") == {"Sony"}
    assert _other(graph, "award").get("agent", set()) | _other(graph, "award").get("target", set()) >= {"Ellen Vance"}


def test_senses_and_parties_that_are_no_such_event(graph: dict[str, Any]) -> None:
    assert "Tianjin" not in _other(graph, "attracting").get("agent", set())  # the firms invest, not the city
    assert _other(graph, "launch-attack") == {}  # the attacks are the event
    assert _other(graph, "penalty") == {}  # a referee's call
    assert _other(graph, "voters") == {}  # nobody named votes
    assert _other(graph, "poll") == {} and _other(graph, "polled") == {}  # award polls, not votes


def test_other_events_of_two_kinds_stay_apart(graph: dict[str, Any]) -> None:
    triggers = sorted(n["trigger"] for n in graph["nodes"] if n.get("event_type") == "Other" and n["doc"] == "kinds")
    assert triggers == ["launched", "sued"]


def test_house_arrest_and_a_damning_indictment_are_no_event(graph: dict[str, Any]) -> None:
    assert _other(graph, "house") == {}
    assert _other(graph, "indictment") == {}


def test_passing_away_is_a_death(graph: dict[str, Any]) -> None:
    assert roles_of(graph, "passed", "Death") == {"target": {"Ivan Petrov"}, "place": {"Moscow"}}
    assert _other(graph, "passed") == {}


def test_other_labels_read_as_the_happening(graph: dict[str, Any]) -> None:
    labels = {n["doc"]: n["label"] for n in graph["nodes"] if n.get("event_type") == "Other"}
    assert labels["sued"].startswith("Greenpeace sued")
    assert labels["convict"] == "Tom Harker: convicted"
    assert labels["referendum"] == "Norway's referendum (planned)"
