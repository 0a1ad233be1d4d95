"""Hardening: long documents, outputs replaced as one set, locks, workers that die, bad OUTDIR and base IRIs."""

from __future__ import annotations

import pytest

from graphbuild import longdoc
from graphbuild.model import Document
from graphbuild.pipeline import extract_batch

_PARA = (
    "Foreign Secretary David Lammy met US Secretary of State Antony Blinken in London on Tuesday. "
    "Ukrainian President Volodymyr Zelensky visited Kyiv.\n\n"
)


@pytest.mark.model
def test_document_over_the_model_limit_is_parsed_in_pieces(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A text longer than spaCy's max_length is parsed in pieces, not dropped; entity offsets are exact."""
    text = _PARA * 12
    monkeypatch.setattr(nlp, "max_length", 1000)  # spaCy refuses the whole text
    monkeypatch.setattr(longdoc, "DEFAULT_MAX_CHARS", 700)
    doc = Document(id="long", text=text, source="long.txt")
    [res] = extract_batch([doc])
    assert not isinstance(res, str), res
    names = {e.label for e in res.entities}
    assert {"David Lammy", "Antony Blinken"} <= names
    for ent in res.entities:
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text
    lammy = next(e for e in res.entities if e.label == "David Lammy")
    assert len(lammy.mentions) == 12  # one per paragraph, in every piece


@pytest.mark.model
def test_parse_long_keeps_text_and_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    """The joined Doc has the document's exact text, and its sentences never cross a cut."""
    text = _PARA * 4
    doc = longdoc.parse_long(nlp, text, 200)
    assert doc.text == text
    assert sum(1 for t in doc if t.is_sent_start) >= 8
    assert {e.text for e in doc.ents} >= {"David Lammy", "Antony Blinken"}
