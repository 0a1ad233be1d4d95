"""Main participants of events: organisations named by a description, pronouns read by the previous subject
and by sex, one person of a people, who lodges an appeal and with whom, the other party of a deal."""

from __future__ import annotations

import pytest

from tests.event_graphs import build_docs, roles_of

pytestmark = pytest.mark.model

DOCS = {
    "banned_company": "Kessler Aerospace won a big order in March. The Navy later banned the Denver-based company "
                      "from future missile work.",
    "own_subject": "The Navy praised Kessler Aerospace. The Navy later banned the company from missile work.",
    "two_firms": "Kessler Aerospace and Brill Motors won orders. The Navy banned the company from missile work.",
    "us_giant": "Harlow Foods grew fast last year. The US giant bought the refiner Pelham Energy in May.",
    "parent": "Harlow Foods grew fast last year. The parent company bought the refiner Pelham Energy in May.",
    "was_to_buy": "Harlow Foods reported record sales. Its shares rose the week the company announced it was to buy "
                  "the snack maker Crumbly Ltd.",
    "prev_subject": "Anna Berg met Peter Hall in Rome. She flew to Paris the next day.",
    "chain": "Tamara Voss took ballet lessons as a girl. She met the impresario Sergei Diaghilev in Paris. She was "
             "soon hired by Diaghilev. She joined Diaghilev in Monte Carlo. From here, she toured Europe.",
    "given_name": "Reporters followed Anna Berg and Peter Hall in Rome. She flew to Paris the next day.",
    "the_russian": "The Russian bought the club in 2003.",
    "the_russians": "The Russians attacked the town of Kerch on Monday.",
    "court": "Marla Quint is suing her former partner. She is asking a Boston court to award her half his fortune.",
    "appeal": "Trainer Dan Oakes has lodged an appeal against his ten-year ban with the Court of Arbitration for Sport.",
    "deal_worth": "Harlow Foods agreed a settlement worth $50m with the units of Granite Bank.",
    "served_ban": "The striker Tom Webb is serving a two-year ban after a failed test.",
    "imposed": "The European Union imposed sanctions on Burma in 1996.",
    "executive": "The Scottish Executive imposed a ban on smoking in pubs.",
    "troops": "Russian troops attacked the town of Kerch on Monday.",
    "named_later": "Fiat ended its alliance with General Motors. The US firm agreed to pay $2bn rather than buy "
                   "Fiat outright.",
    "policy_ban": "Rival parties condemned Erdogan's ban on YouTube in Ankara.",
    "in_a_phrase": "Tom Webb was signed from Apex Rovers in 1998. Later Jim Hart bought the club for $100m.",
    "quit_club": "Mark Dunne quit Apex Rovers in May.",
    "receives_aid": "Norlink Air is receiving illegal state aid, rivals said.",
    "needs_support": "Mr Pardo needs the support of Velka's largest shareholder, Ann Roe.",
    "round_talks": "Delegates resumed the Kyoto round talks in Geneva on Monday.",
    "no_plans": "Tom Verlaine has no plans to quit Apex Rovers before the summer.",
    "ambition": "The Budget will test Mr Brown's ambitions to replace Mr Blair as prime minister.",
    "bid_to_buy": "Ann Lee made a bid to buy Apex Rovers in May.",
    "carry_out": "The IRA's decision to carry out the attacks proved a disaster.",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    return build_docs(tmp_path_factory.mktemp("participants"), DOCS)


def test_a_description_as_object_names_the_firm_before(graph: dict) -> None:  # type: ignore[type-arg]
    assert "Kessler Aerospace" in roles_of(graph, "banned_company", "Sanction").get("target", set())
    # never its own clause's subject, and nothing when two firms could be meant
    assert roles_of(graph, "own_subject", "Sanction").get("target") == {"Kessler Aerospace"}
    assert not roles_of(graph, "two_firms", "Sanction").get("target")


def test_a_described_subject_is_the_firm_not_its_country(graph: dict) -> None:  # type: ignore[type-arg]
    assert roles_of(graph, "us_giant", "Transfer").get("agent") == {"Harlow Foods"}
    assert "Harlow Foods" not in roles_of(graph, "parent", "Transfer").get("agent", set())
    assert "United States" not in roles_of(graph, "us_giant", "Transfer").get("agent", set())
    assert roles_of(graph, "was_to_buy", "Transfer").get("agent") == {"Harlow Foods"}


def test_a_subject_pronoun_goes_to_the_previous_subject_of_its_sex(graph: dict) -> None:  # type: ignore[type-arg]
    assert roles_of(graph, "prev_subject", "Travel").get("agent") == {"Anna Berg"}
    assert roles_of(graph, "given_name", "Travel").get("agent") == {"Anna Berg"}
    assert roles_of(graph, "chain", "Travel").get("agent") == {"Tamara Voss"}  # "She ... She ... she" back to her


def test_one_of_a_people_is_a_person_not_the_country(graph: dict) -> None:  # type: ignore[type-arg]
    assert "Russia" not in roles_of(graph, "the_russian", "Transfer").get("agent", set())
    assert "Russia" in roles_of(graph, "the_russians", "Attack").get("agent", set())


def test_roles_of_requests_and_deals(graph: dict) -> None:  # type: ignore[type-arg]
    court = roles_of(graph, "court", "Request")
    assert court.get("agent") == {"Marla Quint"}
    assert "Boston" not in court.get("target", set())
    appeal = roles_of(graph, "appeal", "Request")
    assert appeal.get("agent") == {"Trainer Dan Oakes"}
    assert appeal.get("target") == {"Court of Arbitration for Sport"}
    ban = roles_of(graph, "appeal", "Sanction")
    assert "Trainer Dan Oakes" not in ban.get("agent", set())
    assert "Trainer Dan Oakes" in ban.get("target", set())  # "his ten-year ban" punishes him
    assert "Erdogan" not in roles_of(graph, "policy_ban", "Sanction").get("target", set())  # his ban on YouTube
    assert "Granite Bank" in roles_of(graph, "deal_worth", "Agreement").get("participant", set())


def test_who_serves_a_ban_is_its_target(graph: dict) -> None:  # type: ignore[type-arg]
    served = roles_of(graph, "served_ban", "Sanction")
    assert served.get("target") == {"Tom Webb"}
    assert not served.get("agent")
    assert roles_of(graph, "imposed", "Sanction").get("agent") == {"European Union"}


def test_a_peoples_word_in_a_bodys_name_is_not_the_country(graph: dict) -> None:  # type: ignore[type-arg]
    assert "Scotland" not in roles_of(graph, "executive", "Sanction").get("agent", set())
    assert "Russia" in roles_of(graph, "troops", "Attack").get("agent", set())  # "Russian troops" are Russia's


def test_a_description_is_not_a_firm_named_after_it_or_only_in_passing(graph: dict) -> None:  # type: ignore[type-arg]
    agreed = roles_of(graph, "named_later", "Agreement")
    assert "Fiat" not in agreed.get("agent", set())
    assert "United States" not in agreed.get("agent", set()) | agreed.get("participant", set())
    bought = roles_of(graph, "in_a_phrase", "Transfer")
    assert bought.get("agent") == {"Jim Hart"}
    assert "Apex Rovers" not in bought.get("target", set())


def test_the_body_quit_is_no_person_moved(graph: dict) -> None:  # type: ignore[type-arg]
    quit_ = roles_of(graph, "quit_club", "Personnel")
    assert quit_.get("target") == {"Mark Dunne"}
    assert "Apex Rovers" in quit_.get("participant", set())


def test_who_gets_aid_is_its_target_and_whose_support_is_needed_gives_it(graph: dict) -> None:  # type: ignore[type-arg]
    aid = roles_of(graph, "receives_aid", "Support")
    assert aid.get("target") == {"Norlink Air"}
    assert not aid.get("agent")
    support = roles_of(graph, "needs_support", "Support")
    assert "Pardo" in support.get("target", set())
    assert "Ann Roe" in support.get("agent", set())
    assert "Ann Roe" not in support.get("target", set())


def test_a_place_in_the_name_of_a_round_is_not_where_talks_are(graph: dict) -> None:  # type: ignore[type-arg]
    assert roles_of(graph, "round_talks", "Meet").get("place") == {"Geneva"}


def test_who_holds_a_plan_does_what_it_plans(graph: dict) -> None:  # type: ignore[type-arg]
    assert "Tom Verlaine" in roles_of(graph, "no_plans", "Personnel").get("target", set())
    assert "Brown" in roles_of(graph, "ambition", "Personnel").get("agent", set())
    assert "Ann Lee" in roles_of(graph, "bid_to_buy", "Transfer").get("agent", set())
    assert "IRA" in roles_of(graph, "carry_out", "Attack").get("agent", set())  # a deed, not words
