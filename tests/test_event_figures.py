"""Figurative and domain senses of trigger words name no event; the event sense of the same words stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.event_graphs import build_docs

pytestmark = pytest.mark.model

_MATCH = ("Rovers beat City 2-1 in the league on Saturday. The striker scored twice and the goalkeeper saved a "
          "penalty before half-time in front of a full stadium. ")

#: (document, event type, whether an event of that type is expected)
CASES = {
    "attacking_play": (_MATCH + "Chelsea's attacking play faded after the break in Leeds.", "Attack", False),
    "siege_goal": (_MATCH + "Rovers laid siege to the City end in the closing minutes.", "Attack", False),
    "fans_attacked": (_MATCH + "Police said Tom Reid, a Rovers fan, was attacked outside the stadium in Leeds after the match.", "Attack", True),
    "owner_arrival": (_MATCH + "Since Roman Petrov's arrival two years ago, Rovers have won three trophies.",
                      "Travel", False),
    "squad_arrival": (_MATCH + "The squad arrived in Madrid on Sunday night for the cup tie.", "Travel", True),
    "fixture_meeting": (_MATCH + "Rovers won both of their meetings with Town last season.", "Meet", False),
    "board_meeting": (_MATCH + "Rovers held a board meeting in London on Monday to approve the sale of the ground.", "Meet", True),
    "film_shot": ("The director's new drama stars two young actors in their first film roles. Most of Red Sky "
                  "was shot in Morocco last summer, Jane Cole said.", "Attack", False),
    "gadget_explosion": ("The explosion in online gaming has lifted profits at Nintendo in Japan.", "Attack", False),
    "bomb_explosion": ("An explosion at a bus station in Quetta killed nine people on Monday.", "Attack", True),
    "bidding_war": ("Analysts expect a bidding war for the Dutch brewer to break out.", "Attack", False),
    "iraq_war": ("The war in Iraq has cost the United States billions of dollars.", "Attack", True),
    "heart_attack": ("The singer suffered a heart attack in Lima last year.", "Attack", False),
    "fight_hunger": ("The concert raised money to fight hunger in Ethiopia.", "Attack", False),
    "work_strike": ("Thousands of teachers went on strike over pay in Ohio on Monday.", "Protest", True),
    "storm_struck": ("The storm struck the coast of Florida on Sunday, cutting power to a million homes.",
                     "Attack", False),
    "title_die": ("The band closed with Live And Let Die at the arena in Leeds.", "Death", False),
    "died": ("The actor Tom Smith died in Leeds on Friday aged 80.", "Death", True),
    "arrival_spring": ("The arrival of spring in Norway usually lifts demand for fuel.", "Travel", False),
    "arrived_conclusion": ("Officials in Brussels arrived at the same conclusion last week.", "Travel", False),
    "arrival_pope": ("The arrival of the Pope in Warsaw drew huge crowds.", "Travel", True),
    "return_profit": ("The airline is returning to profit after three years of losses.", "Travel", False),
    "council_decision": ("Leeds City Council agreed unanimously to introduce a ban on smoking in bars.",
                         "Agreement", False),
    "agreed_merge": ("Alpha Bank and Beta Bank agreed to merge in a deal worth $2bn.", "Agreement", True),
    "agreed_buy": ("Acme has agreed to buy Zenith Foods for $500m.", "Agreement", True),
    "called_service": ("Apple's music service, called TuneBox, opened in Canada.", "Statement", False),
    "calls_device": ("Mr Reddy calls the device a HomeHub.", "Statement", False),
    "called_plans": ("The union leader Ann Cole called the plans dangerous.", "Statement", True),
    "replace_funds": ("Nothing will replace the lost grants, the producer Tom Hale said.", "Personnel", False),
    "replace_coach": ("Juventus will replace coach Carlo Bruni with Paolo Neri.", "Personnel", True),
    "own_funding": ("Liverpool FC is finalising the funding for its new stadium.",
                    "Support", False),
    "device_support": ("Sony players that support Microsoft's new format will go on sale in Japan.", "Support", False),
    "critics": ("Nair's adaptation of the novel has been attacked by critics in the US.", "Attack", False),
    "deliver_on": ("Sega's new game fails to deliver on the promise of its name in Japan.", "Transfer", False),
    "provide_for": ("The Crossrail bill would provide for a fast rail link across London.", "Support", False),
    "aid_for": ("Japan will provide aid for flood victims in Bangladesh.", "Support", True),
    "contract_not_support": ("Turkcell signed a contract with Ericsson for a new network in Turkey.", "Support",
                             False),
    "contract_agreement": ("Turkcell signed a contract with Ericsson for a new network in Turkey.", "Agreement",
                           True),
    "order_model": ("Japan Airlines will order the new Boeing 7E7 model for its routes to Europe.", "Request",
                    False),
    "blamed_attack": ("After the attack in Lyon, some blamed the attack on the far right.", "Attack", True),
    "wave_shooting": ("A wave of shooting by gunmen broke out in west Belfast overnight.", "Attack", True),
    "title_aid": ("The charity Christian Aid said it had sent staff to Sri Lanka.", "Support", False),
    "delivered_profits": ("Over the years Rover has delivered poor profits in Britain.", "Transfer", False),
    "delivered_jets": ("Airbus delivered 40 jets to UPS in Kentucky last year.", "Transfer", True),
    "named_genocide": ("Turkey rejects the term Armenian Genocide for the killings of 1915 in Anatolia.", "Death",
                       True),
    "fighting_him": ("Rebel factions fighting him in Aleppo refused the truce.", "Attack", True),
    "axis_advance": ("In 1942 the Allies stopped the German advance in North Africa.", "Attack", True),
    "arrival_husband": ("The surprise arrival of her husband Vic Reeves in Brisbane delighted the crowd.", "Travel",
                        True),
    "signed_player": ("Rovers have signed the Italian striker Marco Rossi from Lazio.", "Personnel", True),
    "signed_player_no_deal": ("Rovers have signed the Italian striker Marco Rossi from Lazio.", "Agreement", False),
    "signed_deal": ("Shell signed a $6bn deal with Qatar to supply gas to Europe.", "Agreement", True),
    "signed_petition": ("Mr Lloyd signed a Commons motion on the club's future in Manchester.", "Agreement", False),
    "stadium_funding": ("Parry is finalising funding for Everton's new stadium in Liverpool.", "Support", False),
    "ship_consoles": ("Nintendo aims to ship five million consoles in Europe by March.", "Transfer", False),
    "blasted_competition": ("Sega's new shooter has blasted away the competition at the games awards.", "Attack",
                            False),
    "meet_cross": (_MATCH + "Smith rose to meet Jones's cross from eight yards in Leeds.", "Meet", False),
    "guilty_pleas": ("The inquiry by Eliot Spitzer in New York has obtained nine guilty pleas.", "Request", False),
    "employ_technology": ("Police in Texas said the sites employ BitTorrent technology.", "Personnel", False),
    "employ_staff": ("Toyota will employ 2,000 workers at its new plant in Derby.", "Personnel", True),
    "public_debate": ("The plan has sparked angry debate in France about the future of nuclear power.",
                      "Meet", False),
    "tv_debate": ("Bush and Kerry held a televised debate in Miami on Thursday.", "Meet", True),
}


def _build(tmp: Path, docs: dict[str, str]) -> list[dict[str, object]]:
    return [n for n in build_docs(tmp, docs)["nodes"] if n.get("type") == "Event"]


@pytest.fixture(scope="module")
def types(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {k: set() for k in CASES}
    for n in _build(tmp_path_factory.mktemp("figures"), {k: v[0] for k, v in CASES.items()}):
        out[str(n["doc"])].add(str(n["event_type"]))
    return out


@pytest.mark.parametrize("doc", sorted(CASES))
def test_event_sense_only(types: dict[str, set[str]], doc: str) -> None:
    _, etype, expected = CASES[doc]
    assert (etype in types[doc]) is expected, (CASES[doc][0], types[doc])


def test_cases_hold_both_senses() -> None:
    assert {c[2] for c in CASES.values()} == {True, False}


STATUS_CASES = {
    "process": ("Mr Parry said Liverpool FC is in the process of finalising the purchase of the site.", "Transfer",
                "planned"),
    "is_buying": ("Microsoft is buying the Swiss firm Sybari for an undisclosed sum.", "Transfer", "planned"),
    "bought": ("Microsoft bought the Swiss firm Sybari for an undisclosed sum.", "Transfer", "reported"),
}


@pytest.fixture(scope="module")
def statuses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {k: {} for k in STATUS_CASES}
    for n in _build(tmp_path_factory.mktemp("under_way"), {k: v[0] for k, v in STATUS_CASES.items()}):
        out[str(n["doc"])][str(n["event_type"])] = str(n["status"])
    return out


@pytest.mark.parametrize("doc", sorted(STATUS_CASES))
def test_under_way_is_planned(statuses: dict[str, dict[str, str]], doc: str) -> None:
    _, etype, status = STATUS_CASES[doc]
    assert statuses[doc].get(etype) == status, (STATUS_CASES[doc][0], statuses[doc])
