"""Event arguments read from the parse: who did what to whom, where, and who "she said" is."""

from __future__ import annotations

import pytest

from tests.event_graphs import build_docs

pytestmark = pytest.mark.model

DOCS = {
    "nationality": "A roadside bomb killed 23 Afghan soldiers in Kandahar on Friday.",
    "nato": "A suicide bomber killed six NATO soldiers near Bagram on Monday.",
    "nested": "Government jets carried out air strikes on two hospitals in Aleppo on Sunday.",
    "nested_bombing": "Captain Omar Said was killed in a car bombing in Baghdad in 2004.",
    "appos": "The alleged gunman, Karim Haddad, attacked a police patrol in Tripoli on Tuesday.",
    "appos_place": "Gunmen attacked a military base in Helmand Province, Afghanistan, on Friday.",
    "speaker": ("Elena Markova, a former adviser to Viktor Petrov, said the reforms had failed. "
                "\"We will see more protests in the spring,\" she said."),
    "no_prior_speaker": ("Mrs Theresa May met Mr Jeremy Corbyn in London on Monday. "
                         "She said the talks had been useful."),
    "context_place": "Officials from Interpol said that a bomb exploded outside a cafe in Marseille.",
    "group_subject": "Taliban gunmen attacked a checkpoint in Kunduz on Saturday.",
    "fled": "Thousands of families fled Mosul in June, the United Nations said.",
    "which": "Aleppo is key to the strategy of Russia, which will not stop bombing the city.",
    "which_place": "A bomb exploded at a cafe in Madrid, Spain, which killed 13 people.",
    "soil": "Officials fear that militants will launch attacks on British soil.",
    "officials": "Russian officials said the talks in Geneva had failed.",
    "targets": "Ukraine launched drone strikes on Russian targets overnight.",
    "new_subject": ("Donald Trump said the deal was dead. Mrs Hillary Clinton disagreed. "
                    "\"It is alive,\" she said."),
    "condemned": "President Emmanuel Macron condemned the bombing in Nice on Friday.",
    "survived": "Governor Ali Rahimi survived a bomb attack in Herat on Monday.",
    "series": "Hezbollah launched a series of rocket attacks that the UN condemned, wounding three soldiers.",
    "passive_by": "The Hilton Hotel in Nairobi was destroyed by an explosion on Monday.",
    "reporter_org": "\"The situation is grave,\" a Red Cross spokesman said. Heavy fighting broke out overnight.",
    "actor_group": "Taliban gunmen surrounded the town on Monday. Heavy fighting broke out overnight.",
    "titled_person": "NATO envoy Jens Lundgren arrived in Kabul. It is part of a regional tour.",
    "conj_pronoun": "It welcomed the report on Turkey's policies but called for new measures.",
    "conj_named": "Sweden welcomed the report on Turkey's policies and called for new measures.",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    return build_docs(tmp_path_factory.mktemp("args"), DOCS)


def _events(graph: dict, doc: str, etype: str) -> list[dict[str, set[str]]]:  # type: ignore[type-arg]
    nodes = {n["id"]: n for n in graph["nodes"]}
    out = []
    for n in graph["nodes"]:
        if n.get("type") == "Event" and n["doc"] == doc and n["event_type"] == etype:
            roles: dict[str, set[str]] = {}
            for e in graph["edges"]:
                if e["source"] == n["id"]:
                    roles.setdefault(e["relation"], set()).add(nodes[e["target"]]["label"])
            out.append(roles)
    return out


def _all(events: list[dict[str, set[str]]], role: str) -> set[str]:
    return {name for roles in events for name in roles.get(role, set())}


def test_a_nationality_is_not_the_victim_or_the_place(graph: dict) -> None:  # type: ignore[type-arg]
    """"killed 23 Afghan soldiers in Kandahar": the place is Kandahar; Afghanistan was not killed."""
    deaths = _events(graph, "nationality", "Death")
    assert deaths and "Kandahar" in _all(deaths, "place")
    assert "Afghanistan" not in _all(deaths, "target") | _all(deaths, "place")


def test_an_organisation_naming_the_victims_is_not_the_victim(graph: dict) -> None:  # type: ignore[type-arg]
    """"killed six NATO soldiers": the soldiers died, not NATO."""
    deaths = _events(graph, "nato", "Death")
    assert deaths and "NATO" not in _all(deaths, "target")


def test_a_place_inside_the_target_phrase_is_where_it_happened(graph: dict) -> None:  # type: ignore[type-arg]
    """"air strikes on two hospitals in Aleppo", "killed in a car bombing in Baghdad"."""
    assert "Aleppo" in _all(_events(graph, "nested", "Attack"), "place")
    # the killing is the bombing's outcome in one clause: one Attack, whose target is who died
    bombing = _events(graph, "nested_bombing", "Attack")
    assert "Baghdad" in _all(bombing, "place")
    assert "Omar Said" in _all(bombing, "target")
    assert not _events(graph, "nested_bombing", "Death")


def test_a_name_in_apposition_is_the_actor(graph: dict) -> None:  # type: ignore[type-arg]
    """"The alleged gunman, Karim Haddad, attacked ...": the attacker is Haddad; a place renamed by its
    country names both."""
    attacks = _events(graph, "appos", "Attack")
    assert "Karim Haddad" in _all(attacks, "agent")
    assert "Tripoli" in _all(attacks, "place")
    places = _all(_events(graph, "appos_place", "Attack"), "place")
    assert {"Helmand Province", "Afghanistan"} <= places


def test_she_said_goes_to_the_last_speaker(graph: dict) -> None:  # type: ignore[type-arg]
    """"X, a former adviser to Y, said ... 'quote,' she said": the quote is X's, not Y's (the nearer name)."""
    statements = _events(graph, "speaker", "Statement")
    speakers = _all(statements, "agent")
    assert "Elena Markova" in speakers
    assert "Viktor Petrov" not in speakers


def test_she_said_after_someone_new_took_the_stage_is_hers(graph: dict) -> None:  # type: ignore[type-arg]
    """"Trump said ... Mrs Clinton disagreed. 'It is alive,' she said": Clinton's, not the last speaker's."""
    speakers = {a for roles in _events(graph, "new_subject", "Statement") for a in roles.get("agent", set())}
    assert "Hillary Clinton" in speakers


def test_she_said_without_an_earlier_speaker_keeps_the_pronoun_reading(graph: dict) -> None:  # type: ignore[type-arg]
    """With no Statement before it, "She said" is still read from the honorifics: Mrs May, not Mr Corbyn."""
    speakers = _all(_events(graph, "no_prior_speaker", "Statement"), "agent")
    assert "Theresa May" in speakers and "Jeremy Corbyn" not in speakers


def test_context_place_is_a_place_in_a_phrase_of_place(graph: dict) -> None:  # type: ignore[type-arg]
    """A bomb that "exploded outside a cafe in Marseille": Marseille is its place, and the organisation whose
    officials told of it is not the attacker."""
    attacks = _events(graph, "context_place", "Attack")
    assert attacks and "Marseille" in _all(attacks, "place")
    assert "Interpol" not in _all(attacks, "agent")


def test_the_group_named_on_the_attackers_is_the_attacker(graph: dict) -> None:  # type: ignore[type-arg]
    """"Taliban gunmen attacked a checkpoint in Kunduz": the Taliban attack."""
    attacks = _events(graph, "group_subject", "Attack")
    assert "Taliban" in _all(attacks, "agent")
    assert "Kunduz" in _all(attacks, "place")


def test_what_one_flees_is_the_origin(graph: dict) -> None:  # type: ignore[type-arg]
    travels = _events(graph, "fled", "Travel")
    assert "Mosul" in _all(travels, "origin")
    assert "Mosul" not in _all(travels, "destination")


def test_which_names_who_acts_unless_it_follows_a_place(graph: dict) -> None:  # type: ignore[type-arg]
    """"Russia, which will not stop bombing": Russia bombs; "a cafe in Madrid, Spain, which killed 13": Spain
    killed no one."""
    assert "Russia" in _all(_events(graph, "which", "Attack"), "agent")
    deaths = _events(graph, "which_place", "Death")
    assert "Spain" not in _all(deaths, "agent")


def test_attacks_on_british_soil_are_in_britain(graph: dict) -> None:  # type: ignore[type-arg]
    attacks = _events(graph, "soil", "Attack")
    assert attacks and "United Kingdom" in _all(attacks, "place")
    assert "United Kingdom" not in _all(attacks, "target")


def test_unnamed_officials_are_no_speaker(graph: dict) -> None:  # type: ignore[type-arg]
    """"Russian officials said": no one is named as speaking, so Russia is no Statement's speaker."""
    statements = _events(graph, "officials", "Statement")
    assert "Russia" not in _all(statements, "agent")


def test_strikes_on_a_countrys_targets_aim_at_the_country(graph: dict) -> None:  # type: ignore[type-arg]
    """Unlike a victim or a place, what is attacked may be named by its nationality: "strikes on Russian
    targets" are aimed at Russia."""
    attacks = _events(graph, "targets", "Attack")
    assert "Russia" in _all(attacks, "target")
    assert "Ukraine" in _all(attacks, "agent")


def test_a_series_of_attacks_has_the_attacker_who_launched_it(graph: dict) -> None:  # type: ignore[type-arg]
    """"Hezbollah launched a series of attacks": the series is what was launched, the attacks are Hezbollah's
    (not the UN's, who condemned them)."""
    attacks = _events(graph, "series", "Attack")
    assert "Hezbollah" in _all(attacks, "agent")
    assert "United Nations" not in _all(attacks, "agent")


def test_what_an_explosion_destroyed_is_its_target(graph: dict) -> None:  # type: ignore[type-arg]
    """"The Hilton Hotel in Nairobi was destroyed by an explosion": the hotel is hit, in Nairobi."""
    attacks = _events(graph, "passive_by", "Attack")
    assert "Hilton Hotel" in _all(attacks, "target")
    assert "Nairobi" in _all(attacks, "place")


def test_who_condemns_an_attack_did_not_attack_and_who_survives_it_was_hit(graph: dict) -> None:  # type: ignore[type-arg]
    attacks = _events(graph, "condemned", "Attack")
    assert attacks and "Nice" in _all(attacks, "place")
    assert "Emmanuel Macron" not in _all(attacks, "agent")
    survived = _events(graph, "survived", "Attack")
    assert "Ali Rahimi" in _all(survived, "target")
    assert "Ali Rahimi" not in _all(survived, "agent")


def test_the_organisation_of_who_reports_takes_no_part(graph: dict) -> None:  # type: ignore[type-arg]
    """"... a Red Cross spokesman said. Heavy fighting broke out": the Red Cross told of it, it did not fight;
    "Taliban gunmen surrounded the town. Heavy fighting broke out": the Taliban fought."""
    assert "Red Cross" not in _all(_events(graph, "reporter_org", "Attack"), "agent")
    assert "Taliban" in _all(_events(graph, "actor_group", "Attack"), "agent")


def test_a_name_on_a_named_person_is_not_who_acts(graph: dict) -> None:  # type: ignore[type-arg]
    """"NATO envoy Jens Lundgren arrived in Kabul. It is part of a regional tour": Lundgren travels, and the
    tour is not NATO's."""
    trips = _events(graph, "titled_person", "Travel")
    assert "Jens Lundgren" in _all(trips, "agent")
    assert "NATO" not in _all(trips, "agent")


def test_a_conjoined_verb_keeps_the_subject_it_shares(graph: dict) -> None:  # type: ignore[type-arg]
    """"It welcomed the report on Turkey's policies but called for new measures": "it" calls, not Turkey;
    "Sweden welcomed ... and called for new measures": Sweden calls."""
    assert "Turkey" not in _all(_events(graph, "conj_pronoun", "Request"), "agent")
    assert "Sweden" in _all(_events(graph, "conj_named", "Request"), "agent")
