"""One event per happening: a deal and the takeover it is, a post asked of someone and the appointment, are one;
a later mention naming only another place ("deaths in Glasgow" after "died in Leeds") is another."""

from __future__ import annotations

import pytest

from tests.event_graphs import build_docs

pytestmark = pytest.mark.model

DOCS = {
    "deal_to_buy": ("Acme Corp agreed a deal to buy Widget Ltd for $2bn on Tuesday. "
                    "The deal still needs approval from regulators."),
    "bought_then_deal": "Harbor Foods has bought the rival grocer Maple Stores. The deal values Maple Stores at $400m.",
    "asked_then_appointed": "Mayor Ann Cole asked Raj Patel to become police chief. Cole appointed Raj Patel on Friday.",
    "other_deal": ("Acme Corp agreed a trade deal with Brazil last year. "
                   "Acme Corp bought a small software firm, Quill Ltd, in March."),
    "other_person": "Mayor Ann Cole asked Raj Patel to review the budget. Cole appointed Mira Chen as police chief.",
    "failed_deal": "Acme Corp failed to agree a deal with Widget Ltd last year. Acme Corp bought Widget Ltd in March.",
    "other_place": "Three people died in a fire in Leeds on Monday. Officials said deaths in Glasgow had also risen.",
    "same_place": "Gunmen attacked a bank in London on Monday, police said. Witnesses said the attack at London Bridge lasted an hour.",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    return build_docs(tmp_path_factory.mktemp("across"), DOCS)


def _types(graph: dict, doc: str) -> list[str]:  # type: ignore[type-arg]
    return sorted(n["event_type"] for n in graph["nodes"] if n.get("type") == "Event" and n.get("doc") == doc)


def _event(graph: dict, doc: str, etype: str) -> dict:  # type: ignore[type-arg]
    return next(n for n in graph["nodes"] if n.get("type") == "Event" and n.get("doc") == doc
                and n["event_type"] == etype)


def test_deal_and_purchase_of_one_takeover_are_one_transfer(graph: dict) -> None:  # type: ignore[type-arg]
    for doc in ("deal_to_buy", "bought_then_deal"):
        assert _types(graph, doc) == ["Transfer"], doc
        node = _event(graph, doc, "Transfer")
        # the folded mention is kept on the node, with its sentence as evidence
        assert any(m["text"] in ("deal", "agreed", "agree") for m in node["trigger_mentions"]), doc
    node = _event(graph, "bought_then_deal", "Transfer")
    assert len({e["sentence_start"] for e in node["evidence"]}) == 2


def test_post_asked_of_the_person_appointed_is_one_personnel_event(graph: dict) -> None:  # type: ignore[type-arg]
    assert _types(graph, "asked_then_appointed") == ["Personnel"]


def test_other_deals_and_other_people_stay_apart(graph: dict) -> None:  # type: ignore[type-arg]
    assert _types(graph, "other_deal") == ["Agreement", "Transfer"]
    assert _types(graph, "other_person") == ["Personnel", "Request"]
    # a deal that was not agreed is not the purchase that followed
    assert _types(graph, "failed_deal") == ["Agreement", "Transfer"]


def test_a_mention_naming_only_another_place_is_another_happening(graph: dict) -> None:  # type: ignore[type-arg]
    assert _types(graph, "other_place") == ["Death", "Death"]
    # a place named in the other's place ("London" in "London Bridge") is not another place
    assert _types(graph, "same_place") == ["Attack"]
