"""A personal honorific opens a person's name whatever spaCy labelled the span; a bare weekday is no name.

Parsed with the real pipeline; where the model's guess is the point, the entity spans are set by hand.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Span

from graphbuild.extract.entities import extract_entities
from graphbuild.model import Document


def _ents(doc: Any, text: str) -> dict[str, str]:
    return {e.label: e.type for e in extract_entities(doc, Document(id="t", text=text))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tuesday's donations to the party were criticised by Ms Rivera, the treasurer.", "Rivera"),
        ("Speaking on Sunday, Mr Okafor said no arbitrary figure could reflect the country's needs.", "Okafor"),
    ],
)
def test_honorific_name_is_a_person(nlp: Any, text: str, name: str) -> None:
    assert _ents(nlp(text), text).get(name) == "Person"


def _forced(nlp: Any, text: str, spans: list[tuple[int, int, str]]) -> Any:
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    return doc


def test_honorific_span_typed_org_gives_the_person_and_the_body(nlp: Any) -> None:
    """"Mr Brown 's International Finance Facility" labelled ORG as a whole: Brown is a person, the facility is
    a body, and neither is a person named "International Finance Facility"."""
    text = "Mr Brown's International Finance Facility would double aid."
    doc = _forced(nlp, text, [(0, 6, "ORG")])
    assert [t.text for t in doc[0:6]] == ["Mr", "Brown", "'s", "International", "Finance", "Facility"]
    ents = _ents(doc, text)
    assert ents.get("Brown") == "Person"
    assert "International Finance Facility" not in ents or ents["International Finance Facility"] == "Organization"


def test_a_company_named_without_honorific_stays_an_organisation(nlp: Any) -> None:
    text = "Shares in Brown Holdings rose, Ms Lee said."
    doc = _forced(nlp, text, [(2, 4, "ORG"), (6, 8, "PERSON")])
    ents = _ents(doc, text)
    assert ents.get("Brown Holdings") == "Organization"
    assert ents.get("Lee") == "Person"


def test_a_weekday_taken_for_a_name_is_no_entity(nlp: Any) -> None:
    text = "Wednesday promised lower taxes, the Sunday Times reported."
    doc = _forced(nlp, text, [(0, 1, "PERSON"), (5, 8, "ORG")])
    assert [t.text for t in doc[5:8]] == ["the", "Sunday", "Times"]
    ents = _ents(doc, text)
    assert "Wednesday" not in ents
    assert ents.get("Sunday Times") == "Organization"
