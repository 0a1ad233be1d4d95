"""One event node per happening in a document: a happening said again with another status, a repeat word
("re-election"), a sale told from both sides, and places that lie one in the other; and the cases that stay two."""

from __future__ import annotations

from typing import Any

import pytest

from graphbuild.extract.event_merge import _inside, _times_apart
from graphbuild.model import DocEntity
from tests.event_graphs import build_docs

DOCS = {
    "repeat": "Ms Ortiz's re-election came at a difficult time for the region, Mr Lopez said. Her election was "
              "significant for the world, he added.",
    "auction": "Gazprom had been expected to win the auction for Neftkom. But Neftkom was sold for $9bn to the "
               "state firm Rosneft.",
    "two_attacks": "Rebels attacked a convoy in Gao on Monday. Rebels attacked a police post in Kidal on Friday.",
    "visit_then_and_now": "Carla Neves will visit Paris next month. Neves visited Paris in 2003.",
    "two_visitors": "Levy will visit Bonn next week. Before Levy's arrival, the German minister Volker Ruehe will "
                    "visit Israel.",
    "two_trips": "Wales face a trip to Italy next week. Their last trip to Scotland ended in defeat.",
    "other_deaths": "The court ruled that Omar Haddad's death in custody in Iraq was unlawful. But inquiries into five "
                    "other deaths in Iraq were ruled out.",
    "buy_and_sell": "Fabrikam Telecom will spend $500m on buying out minority shareholders in Contoso Data. Fabrikam "
                    "Telecom said it would fund the deal by selling a stake in Northwind Directories.",
    "trip_and_ground": "Captain Tom Reeve backed his fly-half ahead of this weekend's trip to Ireland. A trip to "
                       "Lansdowne Park is daunting at any time, especially against an Ireland side that is flying high.",
    "trip_elsewhere": "Captain Tom Reeve backed his fly-half ahead of this weekend's trip to Ireland. A trip to Paris is "
                      "daunting at any time.",
    "two_sales": "Pop mogul Simon Hale has sold his Nineteen Media company to a US entrepreneur. The entrepreneur's "
                 "firm Orbit Holdings recently also bought a share in the Tarrant Estate.",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return build_docs(tmp_path_factory.mktemp("dedup"), DOCS)


def _events(graph: dict[str, Any], doc: str, etype: str) -> list[dict[str, Any]]:
    return [n for n in graph["nodes"] if n.get("type") == "Event" and n["doc"] == doc and n["event_type"] == etype]


@pytest.mark.model
def test_a_repeat_and_the_thing_itself_are_one_happening(graph: dict[str, Any]) -> None:
    assert len(_events(graph, "repeat", "Personnel")) == 1


@pytest.mark.model
def test_a_trip_to_a_country_and_to_a_ground_there_is_one_planned_trip(graph: dict[str, Any]) -> None:
    trips = _events(graph, "trip_and_ground", "Travel")
    assert len(trips) == 1
    assert trips[0]["status"] == "planned"  # "this weekend's" wins over the bare noun


@pytest.mark.model
def test_one_sale_expected_then_told_done_is_one_event_that_happened(graph: dict[str, Any]) -> None:
    sales = _events(graph, "auction", "Transfer")
    assert len(sales) == 1
    assert sales[0]["status"] == "reported"  # the clause that tells it was sold wins over "expected to win"


@pytest.mark.model
@pytest.mark.parametrize(("doc", "etype"), [
    ("two_attacks", "Attack"),  # two targets, two places, two days
    ("visit_then_and_now", "Travel"),  # one to come, one done in 2003
    ("two_visitors", "Travel"),  # two people's visits
    ("two_trips", "Travel"),  # two countries
    ("trip_elsewhere", "Travel"),  # a town of another country
    ("other_deaths", "Death"),  # "five other deaths"
    ("buy_and_sell", "Transfer"),  # one party buying one thing and selling another
    ("two_sales", "Transfer"),  # a sale and another purchase by the buyer
])
def test_two_happenings_stay_two(graph: dict[str, Any], doc: str, etype: str) -> None:
    assert len(_events(graph, doc, etype)) == 2


def _place(label: str, typ: str = "Place") -> DocEntity:
    return DocEntity(label.lower(), label, typ, ())


def test_a_town_or_an_unknown_site_lies_in_the_country_named_for_the_same_trip() -> None:
    ireland = [_place("Ireland", "Country")]
    assert _inside([_place("Dublin")], ireland)
    assert _inside([_place("Kestrel Park Stadium")], ireland)  # a ground the place table does not know
    assert not _inside([_place("Paris")], ireland)  # a town of another country
    assert not _inside([_place("France", "Country")], ireland)  # two countries are never nested
    assert not _inside([_place("Dublin")], [_place("Cork")])  # nor two towns


def test_a_time_within_another_is_no_conflict() -> None:
    assert not _times_apart("2001", "August 2001")
    assert not _times_apart("Monday", None)
    assert _times_apart("May", "June")
