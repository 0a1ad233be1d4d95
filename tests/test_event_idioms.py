"""Light and idiomatic uses of trigger words name no event; the event sense of the same words stays."""

from __future__ import annotations

import pytest

from tests.event_graphs import build_docs, statuses_of

pytestmark = pytest.mark.model

#: (document, event type, whether an event of that type is expected)
CASES = {
    "participle": ("Imported cars reached record levels in Norway last year.", "Transfer", False),
    "meat": ("The ranch provides beef mainly for the Brazilian market.", "Support", False),
    "obstacle": ("Chelsea were providing a stubborn obstacle for Arsenal at Highbury.", "Support", False),
    "aid": ("Japan provided aid to Indonesia after the earthquake.", "Support", True),
    "weapons": ("Germany will provide weapons to Ukraine.", "Support", True),
    "home_sales": ("Home sales in Canada fell by 4% in March.", "Transfer", False),
    "sales_rose": ("Tesco's sales rose sharply in Britain over Christmas.", "Transfer", False),
    "copies": ("Her first novel sold two million copies in France.", "Transfer", False),
    "jets": ("Boeing sold 20 jets to Qantas in May.", "Transfer", True),
    "sale_of": ("The sale of Rover to Nanjing Automobile was completed in July.", "Transfer", True),
    "away": ("Scotland have lost four of their last five visits to Twickenham.", "Travel", False),
    "pope": ("The Pope's visit to Poland drew huge crowds.", "Travel", True),
    "target": ("Gordon Brown will meet his fiscal rule on borrowing, the Treasury said.", "Meet", False),
    "deadline": ("Britain failed to meet the deadline set by the European Commission.", "Meet", False),
    "criticism": ("The plan met with fierce criticism from unions in Paris.", "Meet", False),
    "merkel": ("Angela Merkel met Jacques Chirac in Berlin on Monday.", "Meet", True),
    "market_demand": ("Demand is enormous and Sony cannot make enough consoles, Ken Kutaragi said.", "Request", False),
    "union_demand": ("The unions' demand for a pay rise was rejected by Ford.", "Request", True),
    "warrants": ("Police executed search warrants at three homes in Leeds.", "Death", False),
    "executed": ("Iran executed two men convicted of spying in Tehran.", "Death", True),
    "shares_rally": ("Shares in Vodafone rallied late in London trading.", "Protest", False),
    "protest_rally": ("Thousands of protesters held a rally in Kiev on Sunday.", "Protest", True),
    "tennis": ("Henman defeated Ferrero 6-3 6-4 in Rotterdam.", "Attack", False),
    "falluja": ("US troops defeated insurgents in Falluja, killing 40 fighters.", "Attack", True),
    "elected": ("Crowds cheered the newly elected mayor, Ann Riley, in Leeds.", "Personnel", True),
    "purchases": ("Poland announced purchases of Patriot missiles from the United States.", "Transfer", True),
    "clashes": ("Clashes broke out between rival tribes in Darfur on Monday.", "Attack", True),
    "appeal_to_gamers": ("The new console will appeal to gamers in Japan, Sony said.", "Request", False),
    "appeal_to_them": ("The Pope appealed to the kidnappers in Iraq to free the hostages.", "Request", True),
    "order_planes": ("Ryanair has ordered 40 Boeing jets for its expansion in Italy.", "Request", False),
    "order_troops": ("Putin ordered troops to withdraw from Chechnya.", "Request", True),
    "host_show": ("Comedian Ben Elton will host a quiz show on BBC Two at Christmas.", "Meet", False),
    "host_summit": ("Jordan hosted a summit of Arab leaders in Amman.", "Meet", True),
    "money": ("Norway will provide $50m to Sudan for refugees in Darfur.", "Support", True),
    "buy_channel": ("Phil Redmond offered to buy Channel 4 from the government.", "Transfer", True),
    "buy_one_of": ("Citigroup said it would buy one of South Korea's main banks.", "Transfer", True),
    "asset_sales": ("Ukraine is to review dozens of state asset sales.", "Transfer", True),
    "election_pledge": ("Labour's election pledge to cut class sizes in England was criticised by Michael Howard.",
                        "Support", False),
    "aid_pledge": ("Japan pledged $500m in aid to Indonesia after the tsunami.", "Support", True),
    "equipped_phone": ("Nokia sells a phone equipped with an infrared port in Finland.", "Support", False),
    "provide_with": ("Britain will provide Ukraine with what it needs to defend itself.", "Support", True),
    "provide_figures": ("The council provided the BBC with figures for next year.", "Support", False),
    "film_shoot": ("Most of the new thriller was shot on location in Malta, the film's director said.", "Attack", False),
    "location_shooting": ("Location shooting for the detective series begins in Oslo in spring.", "Attack", False),
    "gunman_shot": ("A gunman shot two guards outside a bank in Karachi on Tuesday.", "Attack", True),
    "shot_at_studio": ("A man was shot outside the television studios in Lagos while the show was on air.",
                       "Attack", True),
    "shooting_scene": ("The shooting near the mosque in Kabul was initiated by armed men, a reporter at the scene said.",
                       "Attack", True),
    "meeting_relayed": ("Details of the board meeting in Zurich were relayed to the club by fax.", "Meet", True),
    "indoor_meeting": ("Jones won the 60m hurdles at the indoor meeting in Ghent.", "Meet", False),
    "grand_prix_meeting": ("The Grand Prix meeting in Oslo drew a record crowd of 20,000.", "Meet", False),
    "talks_meeting": ("The meeting between Putin and Schroeder in Moscow lasted three hours.", "Meet", True),
    "dismissed_move": ("The striker dismissed a permanent move to Celtic in an interview.", "Personnel", False),
    "dismissed_as": ("The minister dismissed the report as nonsense in Rome.", "Personnel", False),
    "dismissed_coach": ("Real Madrid dismissed the coach after a run of defeats.", "Personnel", True),
    "attacked_book": ("The novel has been attacked by church leaders in Ireland.", "Attack", False),
    "attacked_for_saying": ("Critics attacked the mayor of Lyon for saying the city was safe.", "Attack", False),
    "attacked_convoy": ("Insurgents attacked a convoy near Mosul, killing three soldiers.", "Attack", True),
    "schedule": ("The film festival faces a clash with the Golden Globes ceremony in Los Angeles.", "Attack", False),
    "stepped_in": ("Banks stepped in to rescue Kelmor Steel last month.", "Personnel", False),
    "stepping_back": ("Jim Hale said he was stepping back from his post at the bank in Leeds.", "Personnel", True),
    "stepped_down": ("Kelmor's chairman John Tate stepped down in Ohio last month.", "Personnel", True),
    "referee": ("The referee sent off two players and later dismissed Pedro Costa for a second foul in the match.",
                "Personnel", False),
    "dismissed_as_post": ("The board dismissed Ann Lee as chief executive in Leeds.", "Personnel", True),
    "employs": ("Brixham Foods employs 4,000 people in Wales.", "Personnel", False),
    "bid_succeed": ("For his bid to succeed in Oslo, Mr Pardo needs the votes of the shareholders.", "Personnel", False),
    "succeed_leader": ("Gordon Brown hopes to succeed Tony Blair as prime minister.", "Personnel", True),
    "appeal_psyche": ("The new format appealed to the Canadian psyche and spread quickly.", "Request", False),
    "a_talk_between": ("Officials saw a talk between the coach Jan Berg and the referee in Porto.", "Meet", True),
    "return_to_profit": ("Volvo returned to profit in Latin America last year.", "Travel", False),
    "return_to_city": ("The minister returned to Paris on Monday.", "Travel", True),
    "dismissal_against": ("Tom Webb's dismissal against Apex Rovers in Leeds cost his side the match.",
                          "Personnel", False),
    "the_talk": ("The talk in the market is that Vantor Bank will bid for the insurer.", "Meet", False),
}


@pytest.fixture(scope="module")
def types(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    graph = build_docs(tmp_path_factory.mktemp("idioms"), {k: v[0] for k, v in CASES.items()})
    out: dict[str, set[str]] = {k: set() for k in CASES}
    for n in graph["nodes"]:
        if n.get("type") == "Event":
            out[n["doc"]].add(n["event_type"])
    return out


@pytest.mark.parametrize("doc", sorted(CASES))
def test_event_sense_only(types: dict[str, set[str]], doc: str) -> None:
    _, etype, expected = CASES[doc]
    assert (etype in types[doc]) is expected, (CASES[doc][0], types[doc])


def test_cases_hold_both_senses() -> None:
    assert {c[2] for c in CASES.values()} == {True, False}


STATUS_CASES = {
    "without_asking": ("The party could cut crime without asking Britons to pay more tax.", "Request", "negated"),
    "without_knowing": ("She watched Tony Blair on TV without knowing what he was saying.", "Statement",
                        "reported"),
    "asked": ("The party asked Britons to pay more tax in 2004.", "Request", "reported"),
}


@pytest.fixture(scope="module")
def statuses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    graph = build_docs(tmp_path_factory.mktemp("status"), {k: v[0] for k, v in STATUS_CASES.items()})
    return statuses_of(graph, STATUS_CASES)


@pytest.mark.parametrize("doc", sorted(STATUS_CASES))
def test_without_negates(statuses: dict[str, dict[str, str]], doc: str) -> None:
    _, etype, status = STATUS_CASES[doc]
    assert statuses[doc].get(etype) == status, (STATUS_CASES[doc][0], statuses[doc])
