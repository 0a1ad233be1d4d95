"""Event triggers from the CAMEO-derived lexicon, read only in their event sense, with context arguments."""

from __future__ import annotations

import pytest

from graphbuild.extract.event_lexicon import cameo_phrases, cameo_verbs
from tests.event_graphs import build_docs

pytestmark = pytest.mark.model

DOCS = {
    "deal": "Britain and Japan struck a trade deal in Tokyo on Monday, officials said.",
    "gold": "Laura Kenny struck gold in Paris.",
    "answers": "Rishi Sunak must provide answers about the contract, Keir Starmer said.",
    "verbal": "Michael Howard attacked Tony Blair over his immigration policy.",
    "bombing": "A suicide bomber attacked a police station in Kabul, killing 12 people, the Taliban said.",
    "assassinated": "Boris Nemtsov was assassinated in Moscow on Friday.",
    "explosion": "Two bombs went off in Boston on Monday. The explosions occurred near the finish line.",
    "speaker": ("Ann Riley, the Green Party leader, said the budget was \"a betrayal\". "
                "The Treasury rejected the claim. Riley added that voters deserved better, she said."),
    "sanctions": "The European Union imposed sanctions on Iran.",
    "met": "The cost of the runway could not be met without cash from Heathrow, Gordon Brown said.",
    "heading": "Britain is heading in the wrong direction, Michael Howard said.",
    "pronoun": ("Mrs Theresa May met Mr Jeremy Corbyn in London on Monday. "
                "She said the talks had been useful."),
    "dateline": ("ISTANBUL 1996-08-31 Iranian troops entered northern Iraq on Saturday, "
                 "the Kurdish Democratic Party said."),
    "city_only": "Leeds said on Friday that the bypass would open in May.",
    "question": "Reporters asked Gordon Brown whether he would resign.",
    "request": "Iraq asked the United Nations to send inspectors to Baghdad.",
    "told_of_deaths": "Binali Yildirim said on Saturday that 161 people were killed in Ankara.",
    "told_of_deaths_only": "Binali Yildirim said on Saturday that 161 people were killed.",
    "same_talks": ("Armenia and Azerbaijan will hold talks in Geneva next week. "
                   "Diplomats expect the negotiations in Geneva to last two days."),
    "no_comment": "Michael Howard declined to comment on the report. Charles Kennedy said the plan was flawed.",
    "quoted_say": ('Sarah Teather told researchers: "Lots of people say Parliament is like an old boys club." '
                   "Teather was elected in 2003."),
    "agency": "The army shelled Grozny on Friday, Interfax reported.",
    "retold": ("Iraqi troops attacked the city of Arbil on Saturday. "
               "Witnesses said the assault on Arbil began at dawn. The attack was the largest in years."),
    "quoted_name": '"Every president since Dwight Eisenhower has pursued this policy," the official said.',
    "apposed_speaker": ("Acting chief of staff of the armed forces Umit Dundar said during a press conference "
                        "that more than 190 people have been killed."),
    "statement_said": ("Four militants were killed in Kandahar when their vehicle hit a mine, the statement said. "
                       "In a BBC interview, Gordon Brown said he would not be distracted."),
    "modifier": "A suicide bomber attacked a concert in Manchester. Reif is not involved in this election cycle in Ohio.",
    "campaign": "The bombing campaign against the Islamic State in Iraq surpassed a milestone.",
    "generic": "Boris Yeltsin has said any deal with Chechnya should preserve Russia's territorial integrity.",
    "returned": "The U.S. Embassy in Moscow returned 28 historical documents to Russia.",
    "dismissed": "Maria Landaeta dismissed the rumours that the disease was ebola.",
    "it_called": "The radio called for practical steps to force the Israeli government to abandon this policy.",
    "reporter": ("According to Prime Minister Binali Yildirim, those arrested included soldiers. "
                 "About 20 plotters were killed overnight."),
    "opinion_agree": ("Sylvia Heal agreed it was of concern. Andy Hayman did not agree with Charles Clarke. "
                      "Some 600 schools have signed up for the Hansard Society scheme. Labour would fund its plans."),
    "real_agree": "Iran and China agreed to increase trade to $600 billion.",
    "figure": "The Israeli government keeps stabbing the peace process in the back, Yasser Arafat said.",
    "stabbing": "A man stabbed two officers in Paris on Friday.",
    "two_attacks": "Rebels attacked Goma on Monday. On Tuesday troops attacked Bukavu.",
    "award": ("The actress Jane Hale was nominated for an Oscar for her role in the film. "
              "Her Oscar-nominated film opened in Leeds. The band Blue Harbour was shortlisted for the Mercury Prize. "
              "The film Red Sky is nominated in six categories. Kane West leads with ten nominations."),
    "post": ("President Bush nominated John Bolton as ambassador. Labour nominated Ann Riley for the post of mayor. "
             "The senate confirmed the nomination of Tom Hale as defence secretary."),
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    return build_docs(tmp_path_factory.mktemp("sense"), DOCS)


def _events(graph: dict, doc: str) -> list[tuple[dict, dict[str, set[str]]]]:  # type: ignore[type-arg]
    nodes = {n["id"]: n for n in graph["nodes"]}
    out = []
    for n in graph["nodes"]:
        if n.get("type") == "Event" and n["doc"] == doc:
            roles: dict[str, set[str]] = {}
            for e in graph["edges"]:
                if e["source"] == n["id"]:
                    roles.setdefault(e["relation"], set()).add(nodes[e["target"]]["label"])
            out.append((n, roles))
    return out


def test_table_is_derived_from_cameo() -> None:
    """The shipped table maps CAMEO verbs to graphbuild types and keeps CAMEO's phrase senses."""
    verbs = cameo_verbs()
    assert verbs["bombard"][0] == "Attack"
    assert verbs["donate"][0] == "Support"
    assert "match" not in verbs  # CAMEO's "match" (fight) is a football match in news
    assert cameo_phrases()[("strike", "deal")][0] == "Agreement"


def test_a_deal_struck_is_an_agreement_not_an_attack(graph: dict) -> None:  # type: ignore[type-arg]
    types = {n["event_type"] for n, _ in _events(graph, "deal")}
    assert "Agreement" in types
    assert "Attack" not in types


def test_gold_struck_and_answers_provided_are_not_events(graph: dict) -> None:  # type: ignore[type-arg]
    assert not [n for n, _ in _events(graph, "gold") if n["event_type"] == "Attack"]
    assert not [n for n, _ in _events(graph, "answers") if n["event_type"] in ("Support", "Transfer")]


def test_words_are_a_statement_but_a_bombing_stays_an_attack(graph: dict) -> None:  # type: ignore[type-arg]
    verbal = _events(graph, "verbal")
    assert verbal and all(n["event_type"] != "Attack" for n, _ in verbal)
    bombing = [(n, r) for n, r in _events(graph, "bombing") if n["event_type"] == "Attack"]
    assert bombing
    assert any("Kabul" in r.get("place", set()) for _, r in bombing)


def test_every_event_records_the_rule_that_fired(graph: dict) -> None:  # type: ignore[type-arg]
    events = [n for doc in DOCS for n, _ in _events(graph, doc)]
    assert events and all(n["rule"].startswith("event.") for n in events)


def test_missed_triggers_now_found(graph: dict) -> None:  # type: ignore[type-arg]
    """'was assassinated', 'the explosions occurred', 'imposed sanctions' are events with their arguments."""
    death = [r for n, r in _events(graph, "assassinated") if n["event_type"] == "Death"]
    assert death and "Boris Nemtsov" in death[0].get("target", set())
    blasts = [(n, r) for n, r in _events(graph, "explosion") if n["event_type"] == "Attack"]
    assert len(blasts) == 1  # the bombs and the explosions are one happening
    assert "Boston" in blasts[0][1].get("place", set())
    sanction = [r for n, r in _events(graph, "sanctions") if n["event_type"] == "Sanction"]
    assert sanction and "European Union" in sanction[0].get("agent", set())


def test_one_speaker_one_statement(graph: dict) -> None:  # type: ignore[type-arg]
    """Ann Riley's words in one article are one Statement, her 'she said' resolved to her."""
    statements = [(n, r) for n, r in _events(graph, "speaker") if n["event_type"] == "Statement"]
    riley = [(n, r) for n, r in statements if "Ann Riley" in r.get("agent", set())]
    assert len(riley) == 1


def test_she_said_is_the_woman_of_the_article(graph: dict) -> None:  # type: ignore[type-arg]
    """"She said" after a meeting of Mrs May and Mr Corbyn is May's statement, not Corbyn's (the nearer)."""
    speakers = {a for n, r in _events(graph, "pronoun") if n["event_type"] == "Statement" for a in r.get("agent", set())}
    assert "Theresa May" in speakers
    assert "Jeremy Corbyn" not in speakers


def test_costs_met_and_countries_heading_somewhere_are_not_events(graph: dict) -> None:  # type: ignore[type-arg]
    assert not [n for n, _ in _events(graph, "met") if n["event_type"] == "Meet"]
    assert not [n for n, _ in _events(graph, "heading") if n["event_type"] == "Travel"]
    assert [n for n, _ in _events(graph, "heading") if n["event_type"] == "Statement"]


def test_a_town_is_never_a_speaker(graph: dict) -> None:  # type: ignore[type-arg]
    """A dateline city or a bare town is no speaker; the party named as saying it is."""
    speakers = {a for n, roles in _events(graph, "dateline") if n["event_type"] == "Statement"
                for a in roles.get("agent", set())}
    assert "Istanbul" not in speakers and "ISTANBUL" not in speakers
    assert not [n for n, roles in _events(graph, "city_only")
                if n["event_type"] == "Statement" and "Leeds" in roles.get("agent", set())]


def test_asking_a_question_is_no_request(graph: dict) -> None:  # type: ignore[type-arg]
    """"asked X whether" is a question; "asked X to send" a Request naming who asks and who is asked."""
    assert not [n for n, _ in _events(graph, "question") if n["event_type"] == "Request"]
    requests = [r for n, r in _events(graph, "request") if n["event_type"] == "Request"]
    assert requests and "Iraq" in requests[0].get("agent", set())


def test_the_talks_named_again_are_the_same_talks(graph: dict) -> None:  # type: ignore[type-arg]
    """A planned meeting and "the negotiations in Geneva" after it are one Meet node, still planned."""
    meets = [n for n, _ in _events(graph, "same_talks") if n["event_type"] == "Meet"]
    assert len(meets) == 1 and meets[0]["status"] == "planned"


def test_who_tells_of_deaths_is_not_a_victim(graph: dict) -> None:  # type: ignore[type-arg]
    """The speaker of "X said 161 people were killed in Ankara" is no target of the Death; Ankara is its place."""
    deaths = [r for n, r in _events(graph, "told_of_deaths") if n["event_type"] == "Death"]
    assert deaths and "Ankara" in deaths[0].get("place", set())
    assert all("Binali Yildirim" not in r.get("target", set()) for r in deaths)
    assert all("Binali Yildirim" not in r.get("target", set())
               for n, r in _events(graph, "told_of_deaths_only") if n["event_type"] == "Death")


def test_no_comment_is_no_statement(graph: dict) -> None:  # type: ignore[type-arg]
    """"Declined to comment": nothing was said; Kennedy's words are a Statement."""
    speakers = {a for n, r in _events(graph, "no_comment") if n["event_type"] == "Statement" for a in r.get("agent", set())}
    assert "Michael Howard" not in speakers
    assert "Charles Kennedy" in speakers


def test_a_say_inside_a_quote_is_the_speakers_own_words(graph: dict) -> None:  # type: ignore[type-arg]
    """"Lots of people say" inside Teather's quote is part of her Statement, not a second one."""
    statements = [n for n, _ in _events(graph, "quoted_say") if n["event_type"] == "Statement"]
    assert len(statements) == 1


def test_an_agency_carrying_the_story_is_no_speaker(graph: dict) -> None:  # type: ignore[type-arg]
    """"Interfax reported": the outlet carries the story; the shelling is the event."""
    events = _events(graph, "agency")
    assert not [n for n, _ in events if n["event_type"] == "Statement"]
    assert [n for n, _ in events if n["event_type"] == "Attack"]


def test_one_attack_told_in_three_sentences_is_one_event(graph: dict) -> None:  # type: ignore[type-arg]
    """The attack on Arbil, "the assault on Arbil" and "the attack" are one happening."""
    attacks = [(n, r) for n, r in _events(graph, "retold") if n["event_type"] == "Attack"]
    assert len(attacks) == 1
    assert {"Arbil", "Erbil"} & {a for roles in attacks[0][1].values() for a in roles}


def test_attacks_on_two_places_on_two_days_stay_two_events(graph: dict) -> None:  # type: ignore[type-arg]
    attacks = [n for n, _ in _events(graph, "two_attacks") if n["event_type"] == "Attack"]
    assert len(attacks) == 2


def test_a_name_inside_the_quote_or_beside_a_named_subject_is_no_speaker(graph: dict) -> None:  # type: ignore[type-arg]
    """"..Eisenhower..," the official said: the official speaks, not Eisenhower; a subject whose name
    the parse did not link ("chief of staff ... Umit Dundar said") still gives the speaker."""
    speakers = {a for n, r in _events(graph, "quoted_name") if n["event_type"] == "Statement" for a in r.get("agent", set())}
    assert "Dwight Eisenhower" not in speakers
    speakers = {a for n, r in _events(graph, "apposed_speaker") if n["event_type"] == "Statement"
                for a in r.get("agent", set())}
    assert "Umit Dundar" in speakers


def test_the_statement_that_said_is_no_statement_of_its_own(graph: dict) -> None:  # type: ignore[type-arg]
    """"the statement said" names no speaker; "In a BBC interview, Brown said" is one Statement, Brown's."""
    statements = [(n, r) for n, r in _events(graph, "statement_said") if n["event_type"] == "Statement"]
    assert len(statements) == 1
    assert "Gordon Brown" in statements[0][1].get("agent", set())


def test_event_nouns_that_modify_a_noun_or_are_generic_name_no_happening(graph: dict) -> None:  # type: ignore[type-arg]
    """"a suicide bomber" is no suicide, "this election cycle" no election, "any deal" no agreement; the attack is."""
    kinds = {n["event_type"] for n, _ in _events(graph, "modifier")}
    assert "Attack" in kinds
    assert "Death" not in kinds and "Personnel" not in kinds
    assert not [n for n, _ in _events(graph, "generic") if n["event_type"] == "Agreement"]
    assert [n for n, _ in _events(graph, "campaign") if n["event_type"] == "Attack"]  # the campaign is bombing


def test_objects_that_are_no_people_or_places_keep_travel_and_personnel_verbs_out(graph: dict) -> None:  # type: ignore[type-arg]
    """"returned documents to Russia" is no trip, "dismissed the rumours" no firing."""
    assert not [n for n, _ in _events(graph, "returned") if n["event_type"] == "Travel"]
    assert not [n for n, _ in _events(graph, "dismissed") if n["event_type"] == "Personnel"]


def test_a_verbs_own_subject_is_not_replaced_by_a_name_nearby(graph: dict) -> None:  # type: ignore[type-arg]
    """"The radio called for steps to force the Israeli government": Israel is not the one calling; who
    reported in the sentence before ("according to Yildirim") is no victim of the killings told after."""
    agents = {a for n, r in _events(graph, "it_called") if n["event_type"] == "Request" for a in r.get("agent", set())}
    assert "Israel" not in agents
    victims = {a for n, r in _events(graph, "reporter") if n["event_type"] == "Death" for a in r.get("target", set())}
    assert "Binali Yildirim" not in victims


def test_agreeing_with_an_opinion_or_signing_up_is_no_agreement(graph: dict) -> None:  # type: ignore[type-arg]
    """"agreed it was of concern", "did not agree with X", "signed up for" are no Agreements and "fund its
    plans" no Support; "agreed to increase trade" is an Agreement."""
    kinds = {n["event_type"] for n, _ in _events(graph, "opinion_agree")}
    assert "Agreement" not in kinds and "Support" not in kinds
    assert [n for n, _ in _events(graph, "real_agree") if n["event_type"] == "Agreement"]


def test_a_violent_verb_as_a_figure_of_speech_is_no_attack(graph: dict) -> None:  # type: ignore[type-arg]
    """"stabbing the peace process in the back" (no place, no violence around it) is no Attack; a stabbing
    in Paris is."""
    assert not [n for n, _ in _events(graph, "figure") if n["event_type"] == "Attack"]
    assert [n for n, _ in _events(graph, "stabbing") if n["event_type"] == "Attack"]


def test_quote_mask_reads_marks_the_way_a_reader_does() -> None:
    """Curly and straight quotes; a cut-off opening mark does not run on; a paragraph break closes."""
    from graphbuild.extract.event_sense import QuoteMask

    text = 'there," Isik told NTV. He said: "We will win." Then \u201cmore\u201d.\n\n"Open para\n\nafter'
    quoted = QuoteMask(text)
    assert not quoted(text.index("Isik"))
    assert quoted(text.index("We will")) and not quoted(text.index("Then"))
    assert quoted(text.index("more"))
    assert quoted(text.index("Open")) and not quoted(text.index("after"))


def test_an_award_nomination_is_no_personnel_event(graph: dict) -> None:  # type: ignore[type-arg]
    """Nominated or shortlisted for an award names no post; nominated as ambassador or for mayor does."""
    assert not [n for n, _ in _events(graph, "award") if n["event_type"] == "Personnel"]
    assert len([n for n, _ in _events(graph, "post") if n["event_type"] == "Personnel"]) >= 2
