"""Sentence starts after closing quotes and at paragraph breaks (graphbuild.sentences)."""

from __future__ import annotations

from typing import Any

import pytest

from graphbuild.sentences import FACTORY, mark_starts


def _sents(nlp: Any, text: str) -> list[str]:
    doc = nlp(text)
    assert doc.text == text
    return [s.text.strip() for s in doc.sents]


def test_in_the_pipeline_before_the_parser(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index(FACTORY) < names.index("parser")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # a quotation closing a paragraph, the next paragraph's speaker after it
        ('"We have to keep our heads and win the next game."\n\nOn Monday, Harris insisted that the club was calm.',
         '"We have to keep our heads and win the next game."', "On Monday, Harris insisted that the club was calm."),
        # the closing quote stays with its own sentence
        ('The mayor told reporters: "This city needs a new bridge. "That is the aim of the budget."\n\n'
         "Ms Lane will miss the vote, which was called by councillor Ahmed Khan.",
         '"That is the aim of the budget."', "Ms Lane will miss the vote, which was called by councillor Ahmed Khan."),
        # a full stop, a closing quote and a capitalised word on the same line
        ('"The plan is dead." Morales said the party would vote against it.',
         '"The plan is dead."', "Morales said the party would vote against it."),
    ],
)
def test_a_sentence_starts_after_a_closing_quote(nlp: Any, text: str, first: str, second: str) -> None:
    sents = _sents(nlp, text)
    assert first in sents and second in sents


@pytest.mark.parametrize(
    "text",
    [
        '"Why would we sell now?" Harris asked the board.',  # the attribution of a question
        '"It is far too early to say," Harris said of the vote.',  # a comma before the closing quote
        "The report was\nwritten by the committee over the summer.",  # a line wrapped mid-sentence
    ],
)
def test_no_sentence_start_inside_one_sentence(nlp: Any, text: str) -> None:
    doc = mark_starts(nlp.make_doc(text))
    assert not any(t.is_sent_start for t in doc[1:])
    if "?" not in text:  # the parser itself may split after a question
        assert len(_sents(nlp, text)) == 1
