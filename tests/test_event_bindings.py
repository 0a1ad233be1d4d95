"""Who an event's arguments are: passives joined by "and", a possessor near a trigger, the subject of a clause an
event only dates, a body one is appointed at, a rank's nationality, and "she said" after a new subject."""

from __future__ import annotations

from typing import Any

import pytest

from tests.event_graphs import build_docs, roles_of

pytestmark = pytest.mark.model

DOCS = {
    "conj_passive": "Coach Dan Meyer has been fined £500 and banned from the touchline for four weeks.",
    "fight": "Anna Lind and Tom Berg will fight the two-year bans imposed on them by the tribunal.",
    "poss_near": "Students handed out leaflets outside the town hall calling for an end to Victor Ramsey's government.",
    "poss_speaker": ("The board of Norcom met on Monday. But the board rejected Mr Karl Jensen's plans, calling his "
                     "figures \"unrealistic\"."),
    "after_sale": "Peter Walsh handed back his shares after the sale of Norcom's refinery.",
    "after_talks": "Olaf Brandt flew home on Friday after talks with Jan Novak in Prague.",
    "head_of": "Maria Costa is to succeed Paulo Reis at the head of Telcorp next year.",
    "rank": "The French number one escaped a possible ban last year after a hearing.",
    "she_since": ("\"I played well,\" said Amanda Reyes. Mrs Olga Petrenko has lost both her matches so far. "
                  "\"It was hard,\" she said."),
    "she_same": ("Mrs Amanda Reyes won again. \"I played well,\" said Mrs Reyes. She has won both her matches so far. "
                 "\"It was hard,\" she said."),
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return build_docs(tmp_path_factory.mktemp("bindings"), DOCS)


def test_a_participle_joined_to_a_passive_is_passive(graph: dict[str, Any]) -> None:
    """"has been fined and banned": Meyer is banned, he does not ban."""
    roles = roles_of(graph, "conj_passive", "Sanction")
    assert "Dan Meyer" in roles.get("target", set())
    assert "Dan Meyer" not in roles.get("agent", set())


def test_who_fights_a_ban_is_its_target(graph: dict[str, Any]) -> None:
    roles = roles_of(graph, "fight", "Sanction")
    assert {"Anna Lind", "Tom Berg"} <= roles.get("target", set())
    assert not {"Anna Lind", "Tom Berg"} & roles.get("agent", set())


def test_a_possessor_elsewhere_in_the_sentence_is_no_agent(graph: dict[str, Any]) -> None:
    """"leaflets calling for an end to Ramsey's government" were not Ramsey's call; "rejected Jensen's plans,
    calling his figures unrealistic" was not said by Jensen."""
    assert "Victor Ramsey" not in roles_of(graph, "poss_near", "Request").get("agent", set())
    assert "Karl Jensen" not in roles_of(graph, "poss_speaker", "Statement").get("agent", set())


def test_who_acts_after_a_sale_did_not_sell(graph: dict[str, Any]) -> None:
    """"handed back his shares after the sale": Walsh did not sell; after talks, who flew home took part."""
    assert "Peter Walsh" not in roles_of(graph, "after_sale", "Transfer").get("agent", set())
    meet = roles_of(graph, "after_talks", "Meet")
    assert "Olaf Brandt" in meet.get("participant", set()) | meet.get("agent", set())


def test_the_body_of_a_post_is_no_place(graph: dict[str, Any]) -> None:
    roles = roles_of(graph, "head_of", "Personnel")
    assert "Telcorp" in roles.get("participant", set())
    assert "Telcorp" not in roles.get("place", set())


def test_the_nationality_of_a_rank_is_no_party(graph: dict[str, Any]) -> None:
    """"The French number one escaped a ban": a player, not France."""
    for etype in ("Sanction", "Travel"):
        roles = roles_of(graph, "rank", etype)
        assert "France" not in {n for names in roles.values() for n in names}


def test_she_said_after_a_new_subject_is_that_subject(graph: dict[str, Any]) -> None:
    """A woman who became the subject after the last speaker is whom "she said" names; the same speaker again
    keeps the words."""
    said = roles_of(graph, "she_since", "Statement").get("agent", set())
    assert "Olga Petrenko" in said
    assert roles_of(graph, "she_same", "Statement").get("agent", set()) == {"Amanda Reyes"}
