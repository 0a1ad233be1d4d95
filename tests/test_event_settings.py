"""Where a trigger stands decides its sense: time anchors, sports fixtures, plot summaries, a firm's trade,
metaphorical wars, market demand, lifeless killings (invented sentences; each class with a kept case)."""

from __future__ import annotations

import pytest

from tests.event_graphs import build_docs, statuses_of

pytestmark = pytest.mark.model

#: A sports report around a sentence: enough words of play for the document to read as one.
_MATCH_REPORT = (
    "The striker scored twice as the club won the league match at the stadium. The coach praised the squad, "
    "and the goalkeeper saved a penalty late in the season. {} The team now lead the league."
)

#: (document, event type, whether an event of that type is expected)
CASES = {
    "election_anchor": ("Crime in Kent will be a key issue before the next election, Labour said.",
                        "Personnel", False),
    "election_runup": ("Crime rose in Bristol in the run-up to the general election.", "Personnel", False),
    "election_campaign": ("Ms Varga will lead the Green Party's election campaign in Wales.", "Personnel", False),
    "election_contested": ("The Green Party will contest every seat in Kent at the next election, Ann Fry said.",
                           "Personnel", True),
    "election_held": ("Voters in Moldova elected Ion Rusu as president on Sunday.", "Personnel", True),
    "fixture_meet": (_MATCH_REPORT.format("Leeds United meet Norwich City at Elland Road on Sunday."), "Meet", False),
    "fixture_player": (_MATCH_REPORT.format("Petrova will now meet Anna Kovac in the semi-final in Paris."),
                       "Meet", False),
    "fixture_visit": (_MATCH_REPORT.format("With Wales visiting Murrayfield next week, the coach is calm."),
                      "Travel", False),
    "substitute": (_MATCH_REPORT.format("Dean Hollis came off the bench to replace Tom Akers in the second half."),
                   "Personnel", False),
    "new_manager": (_MATCH_REPORT.format("Sam Ruddock replaces Ian Mole as manager of Barnsley."), "Personnel", True),
    "club_meeting": (_MATCH_REPORT.format("The chairman met with the Dutch FA in Amsterdam on Monday."), "Meet", True),
    "plot_film": ("The new film tells the story of a nurse who flees Vienna and travels to Lisbon.", "Travel", False),
    "plot_novel": ("Her second novel follows two brothers who murder a banker in Naples.", "Death", False),
    "plot_role": ("Ken Marlow will play Ben Hale, a detective who investigates the killing of a senator.",
                  "Death", False),
    "plot_which": ("Snowline is based on a book which tells the story of a girl's journey to meet Father Frost.",
                   "Meet", False),
    "host_crowd": ("If Ibrox could have hosted 40,000 fans it would have been ideal, Smith said.", "Meet", False),
    "meet_legislation": ("The bank changed its rules in order to meet legislation in Chicago.", "Meet", False),
    "reelection_campaign": ("During his 2008 re-election campaign, Governor Alan Pike promised cheaper buses.",
                            "Personnel", False),
    "goods_supplied": ("Vaccines supplied to Kenya cost far less than those sold in Norway, Oxfam said.", "Transfer",
                       False),
    "league_summit": ("Porto's win at Braga kept them at the league summit after the match.", "Meet", False),
    "true_story": ("The film tells the true story of a nurse who fled Vienna in 1938.", "Travel", True),
    "trade_relcl": ("Orbis, which sells cheap flights across Europe, reported a loss in Madrid.", "Transfer",
                    False),
    "trade_sold": ("Orbis sold its Spanish unit to Globalia in March.", "Transfer", True),
    "war_on_abstraction": ("The minister said the war on drugs in Peru had failed.", "Attack", False),
    "price_war": ("A price war between supermarkets in France hit profits at Carrefour.", "Attack", False),
    "war_on_country": ("Ethiopia declared war on Eritrea in 1998.", "Attack", True),
    "advances": ("Chile has made real advances in improving its schools, the OECD said.", "Attack", False),
    "kill_demand": ("Higher prices could kill off demand for copper in China, Codelco warned.", "Death", False),
    "kill_people": ("Gunmen killed six villagers near Kano on Friday.", "Death", True),
    "replace_thing": ("Nothing can replace Dunne's experience of the Premiership, the manager of Hull said.",
                      "Personnel", False),
    "replace_person": ("Ms Okafor will replace Tom Reyes as chief executive of Unilever.", "Personnel", True),
    "market_demand_goods": ("A weaker yen could reduce the demand for German cars in Japan.", "Request", False),
    "demand_for_goods": ("Exporters in Brazil expect strong demand for soya beans in China.", "Request", False),
    "union_demand": ("The union's demand for a shorter week was rejected by Renault.", "Request", True),
    "lucky_escape": ("The driver had a lucky escape after his car crashed near Lyon.", "Travel", False),
    "prison_escape": ("Three prisoners escaped from a jail in Lagos on Tuesday.", "Travel", True),
    "retire_hurt": (_MATCH_REPORT.format("Novak Petrov retired from the match with a knee injury in Rome."),
                    "Personnel", False),
    "retire_post": ("Sir Alan Ford will retire as chairman of Barclays in May.", "Personnel", True),
    "provide_share": ("Vodafone provided about 30% of the new mobile customers in Germany.", "Support", False),
    "news_story": ("A report broke the story that Ann Hale's appointment to the Bank of England followed a donation.",
                   "Personnel", True),
    "killed_general": ("A Syrian general was killed by a roadside bomb near Homs.", "Death", True),
    "known_debate": ("The debate between Ruiz and Soto in Madrid will shape the campaign.", "Meet", True),
    "public_debate": ("Mr Okoro said the debate about tuition fees in Scotland had turned sour.", "Meet", False),
    "commons_debate": ("Gordon Brown faced Michael Howard in a Commons debate on Tuesday.", "Meet", True),
    "trade_present": ("Brauhaus sells more beer in Germany than any rival brewer.", "Transfer", False),
    "sales_forecast": ("Sega said it expected to sell about three million of the consoles in Europe by June.",
                       "Transfer", False),
    "copies": ("Dale Mercer sold 2.5 million copies of his new album in America.", "Transfer", False),
    "price": ("The Sega console sells in Europe for 150 euros, Sega said.", "Transfer", False),
    "legal_battle": ("Spamco was fighting several legal battles against Yahoo in California.", "Attack", False),
    "real_fighting": ("Rebels were fighting government troops near Goma on Sunday.", "Attack", True),
    "sells_stake": ("Brauhaus sells its stake in Zenith Breweries, the Munich brewer.", "Transfer", True),
}


@pytest.fixture(scope="module")
def types(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    graph = build_docs(tmp_path_factory.mktemp("settings"), {k: v[0] for k, v in CASES.items()})
    out: dict[str, set[str]] = {k: set() for k in CASES}
    for n in graph["nodes"]:
        if n.get("type") == "Event":
            out[n["doc"]].add(n["event_type"])
    return out


@pytest.mark.parametrize("doc", sorted(CASES))
def test_event_in_its_setting(types: dict[str, set[str]], doc: str) -> None:
    _, etype, expected = CASES[doc]
    assert (etype in types[doc]) is expected, (CASES[doc][0], types[doc])



#: (document, event type, expected status)
STATUS_CASES = {
    "looming": ("Liberal Democrats will fight the looming election in Scotland on tax, Ross Kerr said.", "Personnel",
                "planned"),
    "hopes_to": ("Finance Minister Ana Rios said she hopes to announce a deal with Spain on Friday.", "Agreement",
                 "hypothetical"),
    "called_on": ("A spokesman for the Green Party called on Mr Dorsey to quit the Scottish Parliament.", "Personnel",
                  "hypothetical"),
    "quit_told": ("Mr Dorsey quit the Scottish Parliament in May, the Green Party said.", "Personnel", "reported"),
}


@pytest.fixture(scope="module")
def statuses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    graph = build_docs(tmp_path_factory.mktemp("settings_status"), {k: v[0] for k, v in STATUS_CASES.items()})
    return statuses_of(graph, STATUS_CASES)


@pytest.mark.parametrize("doc", sorted(STATUS_CASES))
def test_status_in_its_setting(statuses: dict[str, dict[str, str]], doc: str) -> None:
    _, etype, status = STATUS_CASES[doc]
    assert statuses[doc].get(etype) == status, (STATUS_CASES[doc][0], statuses[doc])
