"""Statements: one per speaker in an article (unless set apart by their places), and who "he said" is."""

from __future__ import annotations

import pytest

from graphbuild.model import Document, Event

pytestmark = pytest.mark.model

#: A lead and body quoting one minister: the body names where she spoke, the lead does not.
LEAD_AND_BODY = (
    "Schools will get more money next year, Education Secretary Anna Berg has said. "
    "The plan was welcomed by teachers' unions. "
    "In a speech in Leeds on Monday, Ms Berg said: \"Every child deserves a good school.\" "
    "Teachers will also get a pay rise, she added."
)
#: One speaker on two days about one plan: one Statement.
TWO_DAYS = (
    "Prime Minister Oskar Lind said on Friday that the peace plan had the backing of parliament. "
    "The plan was drawn up by the foreign ministry. "
    "Lind said on Thursday, after a meeting with generals, that the plan needed more work."
)
#: One speaker in two cities: the article sets them apart by their places.
TWO_PLACES = (
    "Foreign Minister Carla Moreno said in Madrid that the talks would resume. "
    "The talks broke down in March. "
    "Speaking in Lisbon two days later, Moreno said the talks had been cancelled."
)
#: Said at talks, and said a day earlier in another city: two occasions, two Statements.
TALKS_AND_CITY = (
    "At three-way talks with their Polish counterpart, Secretary of State Mark Dale said the visit sent "
    "a strong message. "
    "The talks lasted four hours. "
    "Dale, speaking on Tuesday in Paris, said the alliance would send more aid."
)
#: A conference in London and "in London": one occasion, one Statement.
CONFERENCE_IN_LONDON = (
    "Pensions Minister Hugh Carrow told reporters in London that the retirement age would be scrapped. "
    "The plan has been welcomed by charities. "
    "Speaking at the London conference, Mr Carrow said older workers were an asset."
)
#: The name inside the reported words is not the speaker: "Tony Blair would be ..., he said" is Milburn.
NAME_IN_OWN_WORDS = (
    "Labour's campaign chief Peter Hollis explained the new slogan to journalists on Tuesday. "
    "\"Nobody remembers the old days fondly,\" he declared. "
    "And Prime Minister Richard Vane would lead the campaign from the front line, he said."
)

#: A person named inside an earlier speaker's reported words is not who "he declared" is.
NAME_IN_EARLIER_WORDS = (
    "Campaign chief Peter Hollis explained that voters believe Labour is the future while opposition "
    "leader Tom Hardy would take the country backwards. "
    "\"Nobody wants to go back,\" he declared."
)


def _events(nlp, text: str) -> tuple[Event, ...]:  # type: ignore[no-untyped-def]
    from graphbuild.extract import extract_doc

    return extract_doc(nlp(text), Document(id="t", text=text)).events


def _labels(nlp, text: str) -> tuple[list[list[str]], dict[str, str]]:  # type: ignore[no-untyped-def]
    """The speakers (entity labels) of each Statement, and the label of each entity key."""
    from graphbuild.extract import extract_doc

    res = extract_doc(nlp(text), Document(id="t", text=text))
    label = {e.key: e.label for e in res.entities}
    speakers = [[label[a.entity] for a in ev.arguments if a.role == "agent"]
                for ev in res.events if ev.event_type == "Statement"]
    return speakers, label


def test_a_lead_and_a_speech_with_a_place_are_one_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    """"X has said" in the lead and "In a speech in Leeds, Ms X said" are one Statement carrying both
    sentences and the quote; "she added" joins it too."""
    statements = [e for e in _events(nlp, LEAD_AND_BODY) if e.event_type == "Statement"]
    assert len(statements) == 1, [e.label for e in statements]
    assert len(statements[0].evidence) >= 3
    assert statements[0].quote and "good school" in statements[0].quote


def test_one_speaker_on_two_days_is_one_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    speakers, _ = _labels(nlp, TWO_DAYS)
    assert [s for s in speakers if "Oskar Lind" in s] == [["Oskar Lind"]]


def test_one_speaker_in_two_places_is_two_statements(nlp) -> None:  # type: ignore[no-untyped-def]
    speakers, _ = _labels(nlp, TWO_PLACES)
    assert sum("Carla Moreno" in s for s in speakers) == 2


def test_statements_at_talks_and_in_another_city_are_two(nlp) -> None:  # type: ignore[no-untyped-def]
    speakers, _ = _labels(nlp, TALKS_AND_CITY)
    assert sum("Mark Dale" in s for s in speakers) == 2


def test_a_conference_in_the_city_named_before_is_the_same_occasion(nlp) -> None:  # type: ignore[no-untyped-def]
    speakers, _ = _labels(nlp, CONFERENCE_IN_LONDON)
    assert sum("Hugh Carrow" in s for s in speakers) == 1


def test_a_name_in_the_reported_words_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    speakers, _ = _labels(nlp, NAME_IN_OWN_WORDS)
    flat = {name for s in speakers for name in s}
    assert "Richard Vane" not in flat
    assert "Peter Hollis" in flat


def test_a_name_in_earlier_reported_words_is_not_the_next_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    speakers, _ = _labels(nlp, NAME_IN_EARLIER_WORDS)
    flat = {name for s in speakers for name in s}
    assert "Tom Hardy" not in flat
    assert "Peter Hollis" in flat


#: A spokesman of another organisation speaks between the minister and "He said".
SPOKESMAN_BETWEEN = (
    "Minister Paul Grant said the new law would cut crime. "
    "He said: \"We will not wait any longer.\" "
    "But a spokesman for the Treasury rejected the plan. "
    "He said: \"The costs have not been counted.\""
)
#: "The minister" may be the minister named before: it blocks nothing.
DEFINITE_TITLE_BETWEEN = (
    "Transport Minister Paul Grant said the new road would open in May. "
    "The minister also promised more buses. "
    "He said: \"Nobody will wait for a bus for more than ten minutes.\""
)
#: A spokesman cannot be "she": the minister named before her keeps her words.
OTHER_SEX_BETWEEN = (
    "Health Minister Anna Berg said hospitals would get more nurses. "
    "A spokesman for the Treasury declined to comment. "
    "She said: \"Every ward will have enough staff by June.\""
)


def _speakers_of(nlp, text: str, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The speakers of the Statements whose quote holds ``words``."""
    from graphbuild.extract import extract_doc

    res = extract_doc(nlp(text), Document(id="t", text=text))
    label = {e.key: e.label for e in res.entities}
    return [label[a.entity] for ev in res.events if ev.event_type == "Statement" and words in (ev.quote or "")
            for a in ev.arguments if a.role == "agent"]


def test_an_unnamed_speaker_in_between_takes_he_said(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _speakers_of(nlp, SPOKESMAN_BETWEEN, "costs have not") == ["Treasury"]
    assert _speakers_of(nlp, SPOKESMAN_BETWEEN, "not wait") == ["Paul Grant"]


def test_a_definite_title_or_another_sex_in_between_blocks_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _speakers_of(nlp, DEFINITE_TITLE_BETWEEN, "Nobody will wait") == ["Paul Grant"]
    assert _speakers_of(nlp, OTHER_SEX_BETWEEN, "Every ward") == ["Anna Berg"]



def test_narration_after_a_stray_closing_quote_is_not_a_quote() -> None:
    from graphbuild.extract.events import _QUOTE

    text = '"\n\nMs Lane will skip the vote called by Ahmed Khan, who backed a "fair" budget.'
    m = _QUOTE.search(text)
    assert m is not None and m.group(1) == "fair"
    m = _QUOTE.search('He said: "We will win the vote." Then he left.')
    assert m is not None and m.group(1) == "We will win the vote."


def test_a_person_named_before_a_conjoined_speech_verb_speaks_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Interpol claimed Mr Varga was one of the group's leaders but his lawyer, Tom Hale, told the Guardian "
            "it was a silly idea and added: \"He lived on benefits.\"")
    from graphbuild.extract import extract_doc

    res = extract_doc(nlp(text), Document(id="t", text=text))
    label = {e.key: e.label for e in res.entities}
    by_verb = {ev.trigger: [label[a.entity] for a in ev.arguments if a.role == "agent"]
               for ev in res.events if ev.event_type == "Statement"}
    assert by_verb.get("told") == ["Tom Hale"] and by_verb.get("claimed") == ["Interpol"]


def test_the_object_of_the_verb_before_does_not_speak(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Prime Minister Oskar Lind praised the general, Tom Hale, said the army had done well and left."
    speakers, _ = _labels(nlp, text)
    assert all("Tom Hale" not in s for s in speakers)


def test_he_added_is_the_person_who_became_the_subject_since(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\"We want the coach to stay,\" said striker Jim Rennie.\n\n"
            "Club captain Tony Baxter echoed Rennie's view. \"All the players are behind him,\" he added.")
    assert [s for s in _speakers_of(nlp, text, "behind him") if "Baxter" in s]
    assert not [s for s in _speakers_of(nlp, text, "behind him") if "Rennie" in s]


def test_a_subject_inside_reported_words_does_not_take_he_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Prime Minister Oskar Lind said finance minister Tom Hale would present the budget on Monday. "
            "\"It will be a fair budget,\" he said.")
    assert _speakers_of(nlp, text, "fair budget") == ["Oskar Lind"]


def test_a_title_inside_reported_words_or_an_object_takes_no_he_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("After talks with Mr Lind, Mr Haddad said the French foreign minister was \"a friend of our people\". "
            "He added: \"We thank him for his help.\"")
    assert _speakers_of(nlp, text, "We thank him") == ["Haddad"]
    text = ("Mr Price told MPs: \"The budget is a fraud.\"\n\n"
            "Peter Hollis, for the Greens, accused Mr Lind of ignoring the poor.\n\n"
            "He said: \"This is a budget for the rich.\"")
    assert _speakers_of(nlp, text, "for the rich") == ["Peter Hollis"]


def test_a_subject_in_a_lesser_clause_takes_no_he_added(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The charge was denied by Mr Hale, who said the rumours that Peter Lind was behind the plot were absurd. "
            "He warned reporters not to repeat them.")
    assert all("Peter Lind" not in s for s in _labels(nlp, text)[0])


def _sentence_counts(nlp, text: str) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """For each evidence sentence (by start), how many event nodes of the document hold it."""
    counts: dict[int, int] = {}
    for ev in _events(nlp, text):
        for start in {e.sentence_start for e in ev.evidence}:
            counts[start] = counts.get(start, 0) + 1
    return counts


def test_a_speech_verb_inside_another_speakers_words_is_no_statement_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Ross said that Lee had promised him a freeze" is Ross's Statement only: Lee's promise is what Ross said."""
    text = "Finance Minister Carl Ross said that union leader Tom Lee had promised him a pay freeze."
    speakers, _ = _labels(nlp, text)
    assert speakers == [["Carl Ross"]]
    assert set(_sentence_counts(nlp, text).values()) == {1}


def test_two_speakers_side_by_side_in_one_sentence_are_two_statements(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Lee denied the report, but Ross said ..." has two speakers: neither is inside the other's words."""
    speakers, _ = _labels(nlp, "Union leader Tom Lee denied the report, but Finance Minister Carl Ross said the "
                               "budget was final.")
    assert sorted(name for s in speakers for name in s) == ["Carl Ross", "Tom Lee"]


def test_the_speakers_own_speech_inside_their_words_joins_their_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    speakers, _ = _labels(nlp, "Finance Minister Carl Ross said he had told the unions that the budget was final.")
    assert speakers == [["Carl Ross"]]


def test_a_name_inside_the_speakers_words_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    """"the minister said Mr Lee was 'misleading the public'": Lee is spoken of, not speaking."""
    text = ("Union leader Tom Lee criticised the budget on Monday.\n\n"
            "But the finance minister said Mr Lee was \"misleading the public\" about the cuts.")
    for ev in _events(nlp, text):
        if ev.event_type == "Statement" and ev.quote and "misleading" in ev.quote:
            raise AssertionError(ev.label)


def test_a_speaker_set_against_the_reported_words_keeps_their_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Labour say ..., while the Tories say ..." and "Siemens claims ...; Nokia says ..." have two speakers:
    a contrasting clause and words before the verb outside quotation marks are not the first speaker's."""
    speakers, _ = _labels(nlp, "Labour say a Green vote could let the Tories in, while the Tories say the Greens "
                               "would mean higher taxes.")
    assert sorted(name for s in speakers for name in s) == ["Conservative Party", "Labour"]
    speakers, _ = _labels(nlp, "Siemens claims that Nokia is legally obliged to buy the plant; Nokia says the "
                               "contract is no longer valid.")
    assert sorted(name for s in speakers for name in s) == ["Nokia", "Siemens"]


def test_a_speech_verb_inside_a_quotation_before_the_speaker_is_the_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    speakers, _ = _labels(nlp, "\"Tom Lee promised me a pay freeze,\" Finance Minister Carl Ross said.")
    assert speakers == [["Carl Ross"]]


def test_he_said_is_not_a_person_named_in_its_own_words(nlp) -> None:  # type: ignore[no-untyped-def]
    """"He said Price had rented a truck" is not Price speaking (he would read "he had rented")."""
    text = ("Car dealer Sam Ortiz testified on Tuesday against Tom Price. He said Price had rented a truck from him. "
            "\"I was looking right at him,\" he told jurors.")
    speakers, _ = _labels(nlp, text)
    assert speakers == [["Sam Ortiz"]]
