"""title.lead: a post heading a noun phrase that a name follows after a comma; a positive and a negative each."""

from __future__ import annotations

from graphbuild.extract.common import EntityIndex
from graphbuild.extract.entities import extract_entities
from graphbuild.extract.relations import RULES, Context
from graphbuild.model import Document

RULE = "graphbuild.title_lead.v1"


def _facts(nlp, text: str) -> set[tuple[str, str, str, str | None]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    ents = extract_entities(doc, Document(id="t", text=text))
    label = {e.key: e.label for e in ents}
    return {(label[r.subject], r.relation, "self" if r.object == r.subject else label[r.object], r.title)
            for r in RULES[RULE](Context(doc, EntityIndex(doc, ents), Document(id="t", text=text)))}


def test_post_of_a_unit_at_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(nlp, "The chief executive of the power unit at Siemens, Karl Braun, resigned on Monday.")
    assert ("Karl Braun", "holds_position", "Siemens", "chief executive") in facts
    assert ("Karl Braun", "affiliated_with", "Siemens", None) in facts


def test_a_verb_inside_the_phrase_breaks_it(nlp) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(nlp, "The chief executive who sold the power unit at Siemens, Karl Braun, resigned on Monday.")
    assert not {f for f in facts if f[0] == "Karl Braun"}


def test_country_before_the_post_not_the_one_after_to(nlp) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(nlp, "Nyerere held talks with the U.S. special envoy to Burundi, Howard Wolpe, and others.")
    assert ("Howard Wolpe", "affiliated_with", "United States", None) in facts
    assert not {f for f in facts if f[2] == "Burundi"}


def test_post_without_organisation_gives_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not _facts(nlp, "The finance minister of the new cabinet, Karl Braun, resigned on Monday.")


def test_appos_post_before_another_name_is_that_name_s(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Putin met Interior Minister Viktor Kolokoltsev, head of the Federal Drug Control Service Viktor Ivanov."
    doc = nlp(text)
    ents = extract_entities(doc, Document(id="t", text=text))
    label = {e.key: e.label for e in ents}
    rels = RULES["graphbuild.title_appos.v1"](Context(doc, EntityIndex(doc, ents), Document(id="t", text=text)))
    assert not {r for r in rels if label[r.subject] == "Viktor Kolokoltsev"}
    text = "Putin met Viktor Kolokoltsev, head of the Federal Drug Control Service, on Monday."
    doc = nlp(text)
    ents = extract_entities(doc, Document(id="t", text=text))
    label = {e.key: e.label for e in ents}
    rels = RULES["graphbuild.title_appos.v1"](Context(doc, EntityIndex(doc, ents), Document(id="t", text=text)))
    assert ("Viktor Kolokoltsev", "holds_position") in {(label[r.subject], r.relation) for r in rels}


def test_hyphenated_post_is_the_spaced_one(nlp) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(nlp, "He met the chief-of-staff of the power unit at Siemens, Karl Braun, on Monday.")
    assert ("Karl Braun", "holds_position", "Siemens", "chief-of-staff") in facts
    assert not _facts(nlp, "He met the out-of-work staff of the power unit at Siemens, Karl Braun, on Monday.")
