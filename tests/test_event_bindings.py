"""Who an event's arguments are: passives joined by "and", a possessor near a trigger, the subject of a clause an
event only dates, a body one is appointed at, a rank's nationality, "she said" after a new subject, a surname
borne by two people, a clause with a subject of its own, who a trip's purpose or a readiness belongs to, and who only tells of a happening."""

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
    "unnamed_subject": ("Michael Dunne named his wife as his campaign chief on Monday. Mrs Dunne will make solo "
                        "visits to target seats, Mr Dunne said."),
    "trip": "Ms Anna Berg flew to Brussels to meet Mr Jan Novak on Friday.",
    "ready": "Mr Tom Reyes is ready to meet Mr Jan Novak in Oslo.",
    "reporter": ("Prosecutor Remi Laval described a video that showed the suspect near the station. The man was seen "
                 "arriving on foot."),
    "conj_by": "The refinery was seized last year and later bought by Norcom for $2bn.",
    "said_sub": ("Mr Tom Reyes said that when Mr Paul Kent left, he got the clear impression the firm was failing. "
                 "He added his committee would act."),
    "predict": "The Consumer Technology Council has predicted that shipments of tablets will reach $12bn in 2006.",
    "gamers": "US gamers will be able to buy the new Nomad console from 24 March.",
    "soldiers": "Russian soldiers attacked a checkpoint near Kharkiv on Monday.",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return build_docs(tmp_path_factory.mktemp("bindings"), DOCS)


def test_a_participle_joined_to_a_passive_is_passive(graph: dict[str, Any]) -> None:
    """"has been fined and banned": Meyer is banned, he does not ban."""
    roles = roles_of(graph, "conj_passive", "Sanction")
    assert "Dan Meyer" in roles.get("target", set())
    assert "Dan Meyer" not in roles.get("agent", set())
    assert "Norcom" in roles_of(graph, "conj_by", "Transfer").get("agent", set())  # "and bought by Norcom"


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


def test_the_country_of_people_by_what_they_do_is_no_party_but_of_its_forces_is(graph: dict[str, Any]) -> None:
    """"US gamers will be able to buy ...": gamers, not the United States; "Russian soldiers attacked": Russia."""
    assert "United States" not in roles_of(graph, "gamers", "Transfer").get("agent", set())
    assert "Russia" in roles_of(graph, "soldiers", "Attack").get("agent", set())


def test_she_said_after_a_new_subject_is_that_subject(graph: dict[str, Any]) -> None:
    """A woman who became the subject after the last speaker is whom "she said" names; the same speaker again
    keeps the words."""
    said = roles_of(graph, "she_since", "Statement").get("agent", set())
    assert "Olga Petrenko" in said
    assert roles_of(graph, "she_same", "Statement").get("agent", set()) == {"Amanda Reyes"}
    assert "Paul Kent" not in roles_of(graph, "said_sub", "Statement").get("agent", set())  # a subject in his words


def test_a_clause_with_its_own_subject_takes_no_agent_from_the_context(graph: dict[str, Any]) -> None:
    """"Mrs Dunne will make solo visits", though the name before is Michael Dunne: not his visits."""
    assert "Michael Dunne" not in roles_of(graph, "unnamed_subject", "Travel").get("agent", set())


def test_a_surname_after_an_honorific_of_the_other_sex_is_someone_else() -> None:
    """A mention "Mrs Dunne" linked to Michael Dunne names another bearer of the name; "Mr Dunne" is his."""
    import spacy

    from graphbuild.extract.common import Hit
    from graphbuild.extract.event_args import other_bearer
    from graphbuild.model import DocEntity, Mention

    doc = spacy.blank("en")("Mrs Dunne and Mr Dunne will visit Leeds.")
    ent = DocEntity("e0", "Michael Dunne", "Person", ())
    her = Hit(ent, Mention(4, 9, "Dunne", 0, 40))
    his = Hit(ent, Mention(17, 22, "Dunne", 0, 40))
    assert other_bearer(doc[1:2], her)
    assert not other_bearer(doc[4:5], his)


def test_who_travels_to_meet_someone_meets_them(graph: dict[str, Any]) -> None:
    meet = roles_of(graph, "trip", "Meet")
    assert "Anna Berg" in meet.get("agent", set()) | meet.get("participant", set())
    ready = roles_of(graph, "ready", "Meet")
    assert "Tom Reyes" in ready.get("agent", set()) | ready.get("participant", set())


def test_who_describes_a_happening_took_no_part(graph: dict[str, Any]) -> None:
    travel = roles_of(graph, "reporter", "Travel")
    assert "Remi Laval" not in {n for names in travel.values() for n in names}
    shipped = roles_of(graph, "predict", "Transfer")  # who forecasts shipments does not ship
    assert "Consumer Technology Council" not in {n for names in shipped.values() for n in names}
