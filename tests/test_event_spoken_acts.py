"""A speaker's spoken request or backing told in one utterance with their Statement is part of that Statement."""

from __future__ import annotations

import pytest

from graphbuild.model import Event

pytestmark = pytest.mark.model


def _events(nlp, text: str) -> tuple[list[Event], dict[str, str]]:  # type: ignore[no-untyped-def]
    from graphbuild.extract import extract_doc
    from graphbuild.model import Document

    res = extract_doc(nlp(text), Document(id="t", text=text))
    return list(res.events), {e.key: e.label for e in res.entities}


def _types(events: list[Event]) -> list[str]:
    return sorted(e.event_type for e in events)


@pytest.mark.parametrize("text", [
    "Union leader Maria Vance urged Northrail to restore the night trains, saying workers were stranded.",
    "\"The cuts are a disgrace,\" said Tom Reyes, calling for a public inquiry into the budget.",
    "In a speech in Leeds, Senator Ruth Amsel called for an end to the blockade.",
])
def test_a_call_told_with_the_speakers_words_is_one_statement(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events, _ = _events(nlp, text)
    assert _types(events) == ["Statement"], [e.label for e in events]
    assert {m[2] for m in events[0].mentions} & {"urge", "call"}  # the call stays among its mentions


def test_who_was_urged_is_addressed_in_the_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    events, label = _events(nlp, "Union leader Maria Vance urged Northrail to restore the night trains, "
                                 "saying workers were stranded.")
    roles = {(a.role, label[a.entity]) for e in events for a in e.arguments}
    assert ("agent", "Maria Vance") in roles
    assert ("participant", "Northrail") in roles


def test_a_call_and_a_second_thing_said_stay_two(nlp) -> None:  # type: ignore[no-untyped-def]
    """"urged X and said Y": two things said, by coordinated verbs."""
    events, _ = _events(nlp, "Mayor Karl Dorn urged the railway to restore the night trains and said the new "
                             "timetable was a mistake.")
    assert _types(events) == ["Request", "Statement"]


def test_another_speakers_call_stays_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = _events(nlp, "Finance Minister Lena Holt said the budget was fair, while opposition leader "
                             "Jan Bors urged voters to reject it.")
    assert "Request" in _types(events)


def test_a_gift_of_money_is_support_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    """A material act ("donated $5m") is not words: the Support stays beside the Statement."""
    events, _ = _events(nlp, "Senator Paul Kerr donated $5m to the Riverside Clinic, saying it had saved lives.")
    assert _types(events) == ["Statement", "Support"]


def test_a_request_told_of_in_the_reported_words_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    """"said he would not ask ...": a request the speaker tells of, not the words spoken."""
    events, _ = _events(nlp, "Finance Minister Jon Hale said he would not ask parliament for more money.")
    assert _types(events) == ["Request", "Statement"]
