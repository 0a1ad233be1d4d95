"""An organisation's words quoted again from its own spokesperson are one Statement, the person's."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _statements(nlp, text: str) -> list[tuple[set[str], set[str]]]:  # type: ignore[no-untyped-def]
    """Each Statement's (agents, participants) by label."""
    from graphbuild.extract import extract_doc
    from graphbuild.model import Document

    res = extract_doc(nlp(text), Document(id="t", text=text))
    label = {e.key: e.label for e in res.entities}
    return [({label[a.entity] for a in e.arguments if a.role == "agent"},
             {label[a.entity] for a in e.arguments if a.role == "participant"})
            for e in res.events if e.event_type == "Statement"]


def test_a_party_and_its_spokeswoman_with_one_quote_are_one_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _statements(nlp, "The Greens have accused the mayor of being \"frightened\" of open debate about the "
                             "new airport. Green Party spokeswoman Mia Holm said the mayor was \"frightened of "
                             "answering hard questions\".")
    assert found == [({"Mia Holm"}, {"Green Party"})]


def test_a_party_and_its_spokeswoman_on_other_words_stay_two(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _statements(nlp, "The Greens said the airport plan was \"reckless\". Green Party spokeswoman Mia Holm "
                             "said the council had ignored local people.")
    assert len(found) == 2


def test_the_same_word_from_another_partys_member_stays_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _statements(nlp, "The Greens said the airport plan was \"reckless\". Labour councillor Dan Price said "
                             "the plan was \"reckless and expensive\".")
    assert len(found) == 2
