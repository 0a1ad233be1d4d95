"""Event agents named by a pronoun or "the firm"; who a death noun's possessor is; no party from a modifier."""

from __future__ import annotations

import pytest

from tests.event_graphs import build_docs, roles_of

pytestmark = pytest.mark.model

DOCS = {
    "it_next": "Microsoft reported strong profits on Tuesday. In March it bought the software maker Tellam.",
    "said_it": "Harlow Foods said it would buy the rival chain Pemberly Stores.",
    "the_company": "Microsoft is the largest software maker in the world. The company bought Lintel Networks in 2003.",
    "firms_takeover": "Brandt Motors grew quickly last year. The firm's planned takeover of Kessel Auto was approved.",
    "it_thing": "Google launched a new phone on Monday. The device is cheap. It sold a million units in Japan.",
    "two_orgs": "Google and Yahoo reported profits. It bought the start-up Keyhole in 2004.",
    "firm_person": "Mr Tom Hale runs Harrow Shipping. The firm bought three tankers from Greece.",
    "govt": "Iran denied the reports. The government attacked Kurdish rebels in the north.",
    "murder": "Police said Anna Verde's murder in Leeds was unsolved.",
    "killing_of": "The Syrian Army's killing of 40 villagers in Homs drew protests.",
    "pleonastic": "Apex Mining grew fast last year. It is impossible to say how much it earned.",
    "they": "Harlow Foods sued the farmers after they attacked its depot in Leeds.",
    "banker": "Israel has asked a US banker to run its central bank.",
    "asked_country": "Israel asked the United States for more aid.",
    "halt": "Yukon Oil unsuccessfully sought to halt the auction of its main unit.",
    "plans": "Hamas plans to launch an attack on Israel.",
    "weekday": "Jim Hale gave Labour a million pounds last year. The 52-year-old on Tuesday said he was reviewing "
               "his donations. His spokesman said he would not fund the Conservatives.",
    "appointment": "Jim Hale's appointment as Apex chairman was welcomed in Leeds.",
    "quoted_name": 'Mr Hart toured Leeds on Monday. "If I were young today, Peter Cole would hire me." He then flew '
                   'to Paris.',
    "quoted_after_said": 'Anna Berg met Peter Hall in Rome. "Maria Lopez is a friend," she said. She flew to Paris '
                         'the next day.',
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    return build_docs(tmp_path_factory.mktemp("antecedents"), DOCS)


@pytest.mark.parametrize(("doc", "etype", "agent"), [
    ("it_next", "Transfer", "Microsoft"),  # the subject of the sentence before
    ("said_it", "Transfer", "Harlow Foods"),  # the subject of the governing clause
    ("the_company", "Transfer", "Microsoft"),
    ("firms_takeover", "Transfer", "Brandt Motors"),
    ("govt", "Attack", "Iran"),
])
def test_a_pronoun_or_the_firm_names_the_organisation_before(graph: dict, doc: str, etype: str,  # type: ignore[type-arg]
                                                             agent: str) -> None:
    assert agent in roles_of(graph, doc, etype).get("agent", set())


@pytest.mark.parametrize("doc", ["it_thing", "two_orgs", "firm_person"])
def test_an_unclear_pronoun_names_no_agent(graph: dict, doc: str) -> None:  # type: ignore[type-arg]
    # "It" after "The device is cheap", after two companies, "the firm" after a person as subject
    assert not roles_of(graph, doc, "Transfer").get("agent")


def test_whose_murder_names_who_died(graph: dict) -> None:  # type: ignore[type-arg]
    roles = roles_of(graph, "murder", "Death")
    assert "Anna Verde" in roles.get("target", set())
    assert "Anna Verde" not in roles.get("agent", set())


def test_whose_killing_of_others_names_who_killed(graph: dict) -> None:  # type: ignore[type-arg]
    roles = roles_of(graph, "killing_of", "Death")
    assert "Syrian Army" in roles.get("agent", set())


def test_a_country_on_a_person_noun_is_not_who_was_asked(graph: dict) -> None:  # type: ignore[type-arg]
    assert "United States" not in roles_of(graph, "banker", "Request").get("target", set())
    assert "United States" in roles_of(graph, "asked_country", "Request").get("target", set())


def test_who_tries_to_stop_a_sale_is_not_its_agent(graph: dict) -> None:  # type: ignore[type-arg]
    assert "Yukon Oil" not in roles_of(graph, "halt", "Transfer").get("agent", set())
    assert "Hamas" in roles_of(graph, "plans", "Attack").get("agent", set())


def test_an_empty_it_or_they_names_no_one(graph: dict) -> None:  # type: ignore[type-arg]
    # "It is impossible to say": no speaker; "they" names people as often as a firm
    assert not roles_of(graph, "pleonastic", "Statement").get("agent")
    assert "Harlow Foods" not in roles_of(graph, "they", "Attack").get("agent", set())


@pytest.mark.parametrize(("doc", "agent", "not_agent"), [
    ("quoted_name", "Hart", "Peter Cole"),
    ("quoted_after_said", "Anna Berg", "Maria Lopez"),
])
def test_a_name_in_quoted_words_is_no_antecedent_of_the_narrative(graph: dict, doc: str, agent: str,  # type: ignore[type-arg]
                                                                 not_agent: str) -> None:
    agents = roles_of(graph, doc, "Travel").get("agent", set())
    assert agent in agents
    assert not_agent not in agents


def test_a_day_is_no_party(graph: dict) -> None:  # type: ignore[type-arg]
    assert "Tuesday" not in roles_of(graph, "weekday", "Support").get("agent", set())


def test_whose_appointment_names_who_is_appointed(graph: dict) -> None:  # type: ignore[type-arg]
    roles = roles_of(graph, "appointment", "Personnel")
    assert roles.get("target") == {"Jim Hale"}
    assert not roles.get("agent")
