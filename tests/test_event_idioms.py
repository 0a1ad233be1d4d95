"""Light and idiomatic uses of trigger words name no event; the event sense of the same words stays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
    "schedule": ("The film festival faces a clash with the Golden Globes ceremony in Los Angeles.", "Attack", False),
}


@pytest.fixture(scope="module")
def types(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    from graphbuild.pipeline import BuildOptions, build

    tmp = tmp_path_factory.mktemp("idioms")
    src = tmp / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": k, "text": v[0]}) + "\n" for k, v in CASES.items()), encoding="utf-8")
    build([src], BuildOptions(outdir=tmp / "out", use_cache=False, formats=(), html=False, processes=1))
    graph = json.loads(Path(tmp / "out" / "graph.json").read_text(encoding="utf-8"))
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
