"""Rules org-cue and generic-word: names the text calls a company, band or club; lone generic words; cut names."""

from __future__ import annotations

import pytest

from graphbuild.extract.entities import extract_entities
from graphbuild.extract.entity_steps.base import _Cand
from graphbuild.extract.entity_steps.orgcues import given_name_people
from graphbuild.model import Document
from graphbuild.resolve import resolve

from ..test_resolve import doc


def _entities(nlp, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {e.label: e.type for e in extract_entities(nlp(text), Document(id="t", text=text))}


# (text, name, type it must have)
TYPED: list[tuple[str, str, str]] = [
    # premodifying head noun
    ("Italian wine maker Francesca Rinaldi was bought by Globe Drinks for $1bn.", "Francesca Rinaldi", "Organization"),
    ("The award went to film maker Tomas Brandt on Friday.", "Tomas Brandt", "Person"),
    ("The band's singer Lena Park said the tour would go ahead.", "Lena Park", "Person"),
    ("He joined the company Richard Branson founded in 1970.", "Richard Branson", "Person"),
    ("The album was made by record producer Mark Ronson in London.", "Mark Ronson", "Person"),
    # ownership words
    ("The singer Laura Finch shares her view of the tour in a new book.", "Laura Finch", "Person"),
    ("Shares in Kellerman Vance rose 4% after the results. Kellerman Vance said profits would grow.",
     "Kellerman Vance", "Organization"),
    ("Yaroslav Petrov's board met on Monday to approve the merger.", "Yaroslav Petrov", "Organization"),
    ("Yaroslav Petrov's daughter met the mayor on Monday.", "Yaroslav Petrov", "Person"),
    # appositive head noun
    ("The Golden Foxes, a London band, released a new album on Monday.", "Golden Foxes", "Organization"),
    ("Marta Sala, a Madrid lawyer, said the firm would appeal.", "Marta Sala", "Person"),
    # a town's name that leads a company's name, with a cue: the company
    ("Shares in Brazil's Santos rose. Santos Iron and Steel Co said profits rose. "
     "Santos, the country's biggest steel producer, will expand.", "Santos Iron and Steel Co", "Organization"),
    ("The ship docked in Santos on Monday. Santos is a port in Brazil.", "Santos", "Place"),
    # a reinsurer is its demonym or city plus "Re"
    ("Swiss Re said claims rose sharply this year.", "Swiss Re", "Organization"),
    # leading demonyms stay when the rest is only generic words
    ("The pipeline will be built by the Dutch-registered Albanian Macedonian Bulgarian Oil Corporation (AMBO).",
     "Albanian Macedonian Bulgarian Oil Corporation", "Organization"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "typ"), TYPED)
def test_org_cues(nlp, text: str, name: str, typ: str) -> None:  # type: ignore[no-untyped-def]
    """Rule org-cue: a cue word makes a name an Organization everywhere; without one the type stays."""
    found = _entities(nlp, text)
    assert found.get(name) == typ, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Swiss Re said claims rose sharply this year.", "Re"),
        ("The pipeline will be built by the Dutch-registered Albanian Macedonian Bulgarian Oil Corporation (AMBO).",
         "Oil Corporation"),
        ("A former Royal chef told the court about the party.", "Royal"),
    ],
)
def test_lone_generic_word_is_no_entity(nlp, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    """Rule generic-word: a legal suffix or generic head alone is no entity, nor a cut name's label."""
    assert absent not in _entities(nlp, text)


def test_generic_word_is_no_join_key_across_documents() -> None:
    """Resolution: a one-word "Re" never joins "Munich Re" as a surname, nor another document's "Re"."""
    _, of = resolve([doc("a", ("Munich Re", "Person")), doc("b", ("Re", "Person")), doc("c", ("Re", "Person"))])
    assert of[("b", "e0")] != of[("a", "e0")]
    assert of[("b", "e0")] != of[("c", "e0")]
    # an ordinary surname still joins
    _, of2 = resolve([doc("a", ("Anna Holm", "Person")), doc("b", ("Holm", "Person"))])
    assert of2[("b", "e0")] == of2[("a", "e0")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The game borrows from novels such as Peter Hamilton's Pandora and the film Aliens.", "Pandora",
         "Peter Hamilton"),
        ("It borrows from books like Mary Shelley's Frankenstein, the designer said.", "Frankenstein", "Mary Shelley"),
    ],
)
def test_work_in_a_list_of_works(nlp, text: str, absent: str, present: str) -> None:  # type: ignore[no-untyped-def]
    """Rule works: "novels such as X's Y": Y is a work, X its author stays a person."""
    found = _entities(nlp, text)
    assert absent not in found and found.get(present) == "Person", found


@pytest.mark.model
def test_list_of_non_works_keeps_names(nlp) -> None:  # type: ignore[no-untyped-def]
    """Without a work noun before "such as" the possessed name stays."""
    found = _entities(nlp, "Analysts such as Peter Hamilton's Fidelity team were upbeat.")
    assert found.get("Fidelity") == "Organization", found


@pytest.mark.model
def test_hyphenated_surname_is_the_person_everywhere(nlp) -> None:  # type: ignore[no-untyped-def]
    """Rule doc-consistency: "Dalby-Smythe" alone is the surname of "Robert Dalby-Smythe", not an organisation."""
    text = "Robert Dalby-Smythe quit the party on Monday. Dalby-Smythe said he was leaving. Mr Dalby-Smythe left."
    ents = extract_entities(nlp(text), Document(id="t", text=text))
    assert [(e.label, e.type) for e in ents] == [("Robert Dalby-Smythe", "Person")]


# (text, two-word name, its type after the rule), spaCy's ORG guess given for every occurrence of the name
GIVEN_NAMES: list[tuple[str, str, str]] = [
    ("Anna Lindqvist opened a bakery in Uppsala last spring.", "Anna Lindqvist", "Person"),
    ("Rival bakers say Peter Okonjo sells bread below cost.", "Peter Okonjo", "Person"),
    # an organisation cue anywhere in the text keeps the organisation
    ("Shares in Peter Okonjo fell 5%. Peter Okonjo said sales were weak.", "Peter Okonjo", "Organization"),
    # an organisation word as the second word
    ("Students at Clare Academy sat the exam on Monday.", "Clare Academy", "Organization"),
    ("The deal was agreed with Robert Holdings on Friday.", "Robert Holdings", "Organization"),
    # a first word that is no common given name
    ("Kestrel Dunmore opened a bakery in Uppsala last spring.", "Kestrel Dunmore", "Organization"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "typ"), GIVEN_NAMES)
def test_given_name_people(nlp, text: str, name: str, typ: str) -> None:  # type: ignore[no-untyped-def]
    """Rule person.given-name: "Given Surname" that spaCy alone typed ORG is a Person unless the text or name says
    organisation."""
    doc = nlp(text)
    words = [t.text for t in doc]
    first = name.split()
    cands = [_Cand(i, i + 2, "Organization", "ner") for i in range(len(words) - 1) if words[i:i + 2] == first]
    assert cands
    out = given_name_people(doc, cands)
    assert {c.type for c in out} == {typ}, out
