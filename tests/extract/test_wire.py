"""Wire-service header lines: datelines without a separator and monitoring-service source lines."""

from __future__ import annotations

import pytest

from graphbuild.extract.entities import extract_entities
from graphbuild.extract.relations import extract_relations
from graphbuild.extract.wire import header_spans
from graphbuild.model import Document


def _mentions(nlp, text: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return {(m.text, e.type) for e in extract_entities(doc, Document(id="t", text=text)) for m in e.mentions}


def _triples(nlp, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    document = Document(id="t", text=text)
    rels = extract_relations(doc, document, extract_entities(doc, document))
    return {(r.evidence.subject_text, r.relation, r.evidence.object_text) for r in rels}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BANGKOK , Thailand ( AP )", {("BANGKOK", "Place"), ("Thailand", "Country"), ("AP", "Organization")}),
        ("DAYTON , Ohio ( AP )", {("DAYTON", "Place")}),
        ("GRAND RAPIDS , Mich .", {("GRAND RAPIDS", "Place"), ("Mich", "Place")}),
        ("( Text ) Saint-Gall , Switzerland , Feb 2 ( AFP ) -- The wreck was found .",
         {("Saint-Gall", "Place"), ("AFP", "Organization")}),
        ("LD2804174994 Moscow INTERFAX in English 1601 GMT 28 Apr 94", {("INTERFAX", "Organization")}),
        ("PA2904034294 Guatemala City Teleonce Television in Spanish 0400 GMT 26 Apr 94",
         {("Guatemala City", "Place"), ("Teleonce Television", "Organization")}),
        ("Tokyo MAINICHI SHIMBUN", {("Tokyo", "Place"), ("MAINICHI SHIMBUN", "Organization")}),
    ],
)
def test_header_mentions(nlp, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    """Rule ``dateline`` (wire headers): the places and the agency of a header line become mentions."""
    assert expected <= _mentions(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .", "Washington DC", "LONDON (Reuters) - Shares fell.",
     "KYIV (Ukraine): Talks resumed.", "Paris Hilton arrived."],
)
def test_no_header_spans(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    """Headlines, places alone, running-text datelines and ordinary sentences are no header lines."""
    assert header_spans(nlp(text)) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BANGKOK , Thailand ( AP )", ("BANGKOK", "located_in", "Thailand")),
        ("BANGKOK , Thailand ( AP )", ("AP", "based_in", "BANGKOK")),
        ("Moscow MOSKOVSKIY KOMSOMOLETS", ("MOSKOVSKIY KOMSOMOLETS", "based_in", "Moscow")),
        ("PA2904034294 Guatemala City Teleonce Television in Spanish 0400 GMT 26 Apr 94",
         ("Teleonce Television", "based_in", "Guatemala City")),
    ],
)
def test_header_relations(nlp, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    """The relation rules read the header mentions: ``located_in.comma`` and ``based_in.dateline``."""
    assert expected in _triples(nlp, text)


@pytest.mark.model
def test_language_is_no_place(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Television in Spanish": a nationality word after "in" is a language, not where the agency is."""
    triples = _triples(nlp, "PA2904034294 Guatemala City Teleonce Television in Spanish 0400 GMT 26 Apr 94")
    assert not any(o == "Spanish" for _, _, o in triples)
