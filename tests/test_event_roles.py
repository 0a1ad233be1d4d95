"""Event arguments by role, not proximity; trigger senses of play and markets; a killing in its attack's clause."""

from __future__ import annotations

import pytest

from tests.event_graphs import build_docs

pytestmark = pytest.mark.model

DOCS = {
    # a name only near an event word is not its argument
    "near_only": "Witnesses told the BBC that the bombing shook the whole street.",
    "bare_joins": "Russian troops attacked Kharkiv on Monday. Further attacks followed overnight.",
    "bare_alone": "Two bombs went off on Monday. Nobody was hurt in Leeds, the police said.",
    # roles by the parse: whose is not where; a modifier deep in a phrase is no argument; a reacting subject none
    "embassy": "Protesters marched to the US embassy in Caracas.",
    "of_modifier": "Russia, which will not stop bombing Aleppo for the sake of the Vienna process, blamed the rebels.",
    "drew_protests": "The BBC drew protests from Christian groups with its broadcast.",
    "held_talks": "France held talks with Germany in Paris.",
    "genocide": "Historians in Paris have long studied the Armenian genocide.",
    "air_strikes": "Russian air strikes hit Aleppo on Sunday.",
    "accused": "German prosecutors accused Ali Fallahiyan of ordering the killing of Sadegh Sharafkandi in Berlin.",
    # other senses of buying, demand and replacing
    "demand_market": "Oil prices rose on China's rising demand for fuel, Shell said.",
    "demand_request": "Iran rejected the demand by the United Nations for inspections.",
    "bought_argument": "The Kremlin has not bought that argument, Sergei Lavrov said.",
    "replace_group": "The YPG should not replace Islamic State in Raqqa, Ismail Kahraman said.",
    "replace_person": "Gordon Brown replaced Tony Blair as prime minister.",
    "intent_to_meet": "Madeleine Albright will meet Jose Miguel Insulza on Monday for talks.",
    "relations_between": "The two will also discuss issues affecting relations between the United States and Chile.",
    "aired": "Channel Five broadcast the opera on Saturday. The documentary was broadcast by Channel Five in London.",
    "despite": "Channel Five broadcast the opera on Saturday despite protests.",
    "aired_noun": "Channel Five's broadcast of the opera angered Stephen Green.",
    "address": "Tony Blair's broadcast to the nation was heard by millions.",
    # a killing told as the outcome of the attack in its clause is that attack
    "killing_of_attack": "A suicide bomber attacked a police station in Kabul, killing 12 people.",
    "killed_in_explosions": "Seven Taliban militants were killed in two explosions in Kandahar province.",
    "separate_killing": "Russian troops shelled Kharkiv on Monday. Two civilians were killed in Kupiansk.",
    # play is no attack; violence at a match is
    "sport_attack": ("The England striker shot wide before France attacked down the left in the second half "
                     "of the match in Paris."),
    "sport_noun": "Liverpool's attack was blunted by the Barcelona defence in the Champions League final in Istanbul.",
    "sport_verbal": "Chelsea attacked from the start and Didier Drogba scored against Liverpool in the cup.",
    "match_violence": "Gunmen attacked fans outside the stadium in Lagos after the match, police said.",
    # trading on a market is no transfer; a named party's deal is
    "market": "Investors sold shares in BP after the oil price fell in London.",
    "market_stocks": "Heavy buying of Japanese stocks pushed the Nikkei higher in Tokyo.",
    "deal": "Microsoft bought Activision for $69bn.",
    "stake": "BP sold its stake in Rosneft to Gazprom.",
    # one party's two meetings with two others are two meetings; the same meeting told again is one
    "two_meetings": ("Pierre Dumas met Jan Kowalski in Warsaw on Monday. On Tuesday Dumas held talks with "
                     "Maria Rossi about the budget."),
    "one_meeting": ("Pierre Dumas met Jan Kowalski in Warsaw on Monday. Dumas said the meeting with Kowalski "
                    "had been useful."),
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    return build_docs(tmp_path_factory.mktemp("roles"), DOCS)


def _events(graph: dict, doc: str, etype: str | None = None) -> list[tuple[dict, dict[str, set[str]]]]:  # type: ignore[type-arg]
    nodes = {n["id"]: n for n in graph["nodes"]}
    out = []
    for n in graph["nodes"]:
        if n.get("type") == "Event" and n["doc"] == doc and (etype is None or n["event_type"] == etype):
            roles: dict[str, set[str]] = {}
            for e in graph["edges"]:
                if e["source"] == n["id"]:
                    roles.setdefault(e["relation"], set()).add(nodes[e["target"]]["label"])
            out.append((n, roles))
    return out


def test_a_name_only_near_an_event_is_not_its_argument(graph: dict) -> None:  # type: ignore[type-arg]
    """"told the BBC that the bombing ...": the BBC is told, it did not bomb."""
    assert not any("BBC" in r.get("agent", set()) for _, r in _events(graph, "near_only", "Attack"))


def test_an_event_word_naming_no_one_joins_the_event_it_tells_again(graph: dict) -> None:  # type: ignore[type-arg]
    attacks = _events(graph, "bare_joins", "Attack")
    assert len(attacks) == 1
    node, roles = attacks[0]
    assert "Kharkiv" in roles.get("target", set())
    assert "attacks" in {m["text"].lower() for m in node.get("trigger_mentions", [])}  # told again
    # with nothing to join and no one named in a role, "went off" is no event of its own
    assert not _events(graph, "bare_alone", "Attack")


def test_a_killing_in_the_clause_of_its_attack_is_that_attack(graph: dict) -> None:  # type: ignore[type-arg]
    assert not _events(graph, "killing_of_attack", "Death")
    attacks = _events(graph, "killing_of_attack", "Attack")
    assert len(attacks) == 1 and "Kabul" in attacks[0][1].get("place", set())
    assert not _events(graph, "killed_in_explosions", "Death")
    explosions = _events(graph, "killed_in_explosions", "Attack")
    assert len(explosions) == 1 and "Kandahar province" in explosions[0][1].get("place", set())


def test_a_killing_told_apart_from_an_attack_stays_a_death(graph: dict) -> None:  # type: ignore[type-arg]
    assert _events(graph, "separate_killing", "Death")
    assert _events(graph, "separate_killing", "Attack")


def test_play_is_no_attack(graph: dict) -> None:  # type: ignore[type-arg]
    for doc in ("sport_attack", "sport_noun", "sport_verbal"):
        assert not _events(graph, doc, "Attack"), doc
    assert not _events(graph, "sport_verbal", "Statement")  # nor words: Chelsea attacked on the pitch


def test_violence_at_a_match_stays_an_attack(graph: dict) -> None:  # type: ignore[type-arg]
    attacks = _events(graph, "match_violence", "Attack")
    assert attacks and any("Lagos" in r.get("place", set()) for _, r in attacks)


def test_market_trading_is_no_transfer(graph: dict) -> None:  # type: ignore[type-arg]
    assert not _events(graph, "market", "Transfer")
    assert not _events(graph, "market_stocks", "Transfer")


def test_a_named_partys_purchase_stays_a_transfer(graph: dict) -> None:  # type: ignore[type-arg]
    deal = _events(graph, "deal", "Transfer")
    assert deal and "Microsoft" in deal[0][1].get("agent", set())
    stake = _events(graph, "stake", "Transfer")
    assert stake and "Gazprom" in stake[0][1].get("destination", set())


def test_a_country_on_a_noun_says_whose_not_where(graph: dict) -> None:  # type: ignore[type-arg]
    """"marched to the US embassy in Caracas": the march went to Caracas, not to the United States."""
    marches = _events(graph, "embassy", "Protest")
    assert marches
    assert not any("United States" in r.get("destination", set()) | r.get("place", set()) for _, r in marches)
    assert any("Caracas" in r.get("destination", set()) | r.get("place", set()) for _, r in marches)


def test_a_name_deep_in_a_phrase_is_no_argument(graph: dict) -> None:  # type: ignore[type-arg]
    bombing = _events(graph, "of_modifier", "Attack")
    assert bombing and "Aleppo" in bombing[0][1].get("target", set())
    assert not any("Vienna" in names for _, r in bombing for names in r.values())


def test_who_draws_protests_is_not_a_protester_but_who_holds_talks_takes_part(graph: dict) -> None:  # type: ignore[type-arg]
    assert not any("BBC" in r.get("agent", set()) for _, r in _events(graph, "drew_protests", "Protest"))
    talks = _events(graph, "held_talks", "Meet")
    assert talks and "France" in talks[0][1].get("agent", set()) | talks[0][1].get("participant", set())


def test_a_nationality_on_a_killing_is_who_died_not_who_killed(graph: dict) -> None:  # type: ignore[type-arg]
    assert not any("Armenia" in r.get("agent", set()) for _, r in _events(graph, "genocide", "Death"))
    strikes = _events(graph, "air_strikes", "Attack")  # on an attack it is who attacks
    assert strikes and "Russia" in strikes[0][1].get("agent", set())


def test_who_is_accused_of_doing_it_did_it(graph: dict) -> None:  # type: ignore[type-arg]
    """"prosecutors accused Fallahiyan of ordering the killing": Fallahiyan ordered it, not Germany."""
    events = [r for n, r in _events(graph, "accused") if n["event_type"] in ("Death", "Request")]
    assert events and all("Germany" not in r.get("agent", set()) for r in events)
    assert any("Ali Fallahiyan" in r.get("agent", set()) for r in events)


def test_market_demand_and_bought_arguments_are_no_events(graph: dict) -> None:  # type: ignore[type-arg]
    assert not _events(graph, "demand_market", "Request")
    assert _events(graph, "demand_request", "Request")  # a demand by a party stays a request
    assert not _events(graph, "bought_argument", "Transfer")


def test_replacing_a_group_is_no_personnel_event(graph: dict) -> None:  # type: ignore[type-arg]
    assert not _events(graph, "replace_group", "Personnel")
    people = _events(graph, "replace_person", "Personnel")
    assert people and "Tony Blair" in people[0][1].get("target", set())


def test_an_intent_to_meet_is_a_planned_meeting(graph: dict) -> None:  # type: ignore[type-arg]
    """CAMEO codes "meet ... for talks" as a statement of intent (036); it is the meeting, planned."""
    meets = _events(graph, "intent_to_meet", "Meet")
    assert meets and meets[0][0]["status"] == "planned"
    assert not _events(graph, "intent_to_meet", "Statement")


def test_a_party_is_not_guessed_from_a_phrase_about_something_else(graph: dict) -> None:  # type: ignore[type-arg]
    """"discuss issues affecting relations between the United States and Chile": the two who discuss are
    not named, and the countries in the topic's phrase are no parties of the talks."""
    assert not any("United States" in r.get("participant", set()) for _, r in _events(graph, "relations_between"))


def test_airing_a_programme_is_no_statement(graph: dict) -> None:  # type: ignore[type-arg]
    assert not _events(graph, "aired", "Statement")
    assert not _events(graph, "aired_noun", "Statement")
    address = _events(graph, "address", "Statement")  # a leader's broadcast to the nation is his statement
    assert address and "Tony Blair" in address[0][1].get("agent", set())


def test_the_subject_of_a_clause_is_not_the_agent_of_an_event_in_its_adjunct(graph: dict) -> None:  # type: ignore[type-arg]
    """"Channel Five broadcast the opera despite protests": Channel Five did not protest."""
    assert not any("Channel Five" in r.get("agent", set()) for _, r in _events(graph, "despite", "Protest"))



def test_one_partys_meetings_with_different_people_stay_apart(graph: dict) -> None:  # type: ignore[type-arg]
    meets = _events(graph, "two_meetings", "Meet")
    assert len(meets) == 2
    others = sorted(sorted(r.get("agent", set()) | r.get("participant", set())) for _, r in meets)
    assert others == [["Jan Kowalski", "Pierre Dumas"], ["Maria Rossi", "Pierre Dumas"]]
    assert len(_events(graph, "one_meeting", "Meet")) == 1
