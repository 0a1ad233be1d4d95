"""Precision of an organisation's home (based_in) and of places in places (located_in): sentences a guard must
stop and near misses it must keep."""

from __future__ import annotations

import pytest

from graphbuild.extract.common import EntityIndex
from graphbuild.extract.entities import extract_entities
from graphbuild.extract.relations import extract_relations
from graphbuild.model import Document

Pair = tuple[str, str, str]


def _pairs(nlp, text: str) -> dict[Pair, str]:  # type: ignore[no-untyped-def]
    """The relations of ``text`` by (subject, relation, object label), with the rule that found each."""
    doc = nlp(text)
    document = Document(id="t", text=text)
    ents = extract_entities(doc, document)
    label = {e.key: e.label for e in ents}
    return {(label[r.subject], r.relation, label[r.object]): r.evidence.rule
            for r in extract_relations(doc, document, ents, EntityIndex(doc, ents))}


NEGATIVE: list[tuple[str, Pair]] = [
    # a gathering or contest happens in a place; it is not based there
    ("Acme showed the phone at the Global Mobile Summit in Barcelona last week.",
     ("Global Mobile Summit", "based_in", "Barcelona")),
    ("She hopes to win the Northern Lights Marathon in Oslo next month.",
     ("Northern Lights Marathon", "based_in", "Oslo")),
    ("Crowds filled Oslo's Frostbite Derby event on Friday.", ("Frostbite Derby", "based_in", "Oslo")),
    ("The Global Mobile Summit (GMS) opened on Monday. More than 9,000 people attended GMS in Barcelona.",
     ("Global Mobile Summit", "based_in", "Barcelona")),
    # a sponsor's name inside a contest's name
    ("Ireland's Vodafone Premiership squad trained in Dublin on Monday.",
     ("Vodafone Premiership", "based_in", "Ireland")),
    # the doer of a passive says where something is done
    ("Barclays said the new engines would be built by Volkswagen in Brazil.", ("Volkswagen", "based_in", "Brazil")),
    ("The firm plans to list Acme Holdings in New York next year.", ("Acme Holdings", "based_in", "New York City")),
    # a list of places is where things are done, not one home
    ("The regulator fined Globex Bank in France, Spain and Italy last year.", ("Globex Bank", "based_in", "France")),
    # a country before a verb opens a new clause
    ("After the draw in Lyon, Portugal face Andorra in Porto on Sunday.", ("Lyon", "located_in", "Portugal")),
    # a post is no organisation with a home
    ("The Anglican Bishop of Lincoln, Rev John Marsh, said the church would help.",
     ("Anglican Bishop", "based_in", "Lincoln")),
    # "Place 's Org" before a post
    ("He was one of Canada's Greenpeace directors until 2001.", ("Greenpeace", "based_in", "Canada")),
    # a country's "place" the place table does not know, with no kind of place after it: a firm typed Place
    ("France's Quantelle, one of Europe's biggest software makers, cut 200 jobs.",
     ("Quantelle", "located_in", "France")),
]


@pytest.mark.parametrize(("text", "pair"), NEGATIVE)
def test_home_guard_stops(nlp, text: str, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    assert pair not in _pairs(nlp, text)


POSITIVE: list[tuple[str, Pair]] = [
    ("She later joined the Fenwick Trust in Geneva.", ("Fenwick Trust", "based_in", "Geneva")),
    # a body's name may end in a word that also ends names of contests
    ("Acme Trading International, of Dayton, Ohio, won the contract.",
     ("Acme Trading International", "based_in", "Dayton")),
    ("The British Red Cross in London sent aid.", ("British Red Cross", "based_in", "London")),
    ('"Growth is slowing," said Jane Holt, an economist at Kessler Partners in Boston.',
     ("Kessler Partners", "based_in", "Boston")),
    ("The appeal was lodged with the Fenwick Foundation in Seattle last year.",
     ("Fenwick Foundation", "based_in", "Seattle")),
    ("Acme Holdings, which is based in Leeds, cut 300 jobs.", ("Acme Holdings", "based_in", "Leeds")),
    ("Germany's Siemens won the contract to build the line.", ("Siemens", "based_in", "Germany")),
    ("Norway's Statoil Hydro group posted record profits.", ("Statoil Hydro", "based_in", "Norway")),
    ("The fire broke out in Ely, Cambridgeshire, on Sunday.", ("Ely", "located_in", "Cambridgeshire")),
    ("The storm hit Kobe in Japan on Friday.", ("Kobe", "located_in", "Japan")),
    ("Thailand's Phuket island was hit by the storm.", ("Phuket", "located_in", "Thailand")),
    ("Cedar City, Utah fair weather expected.", ("Cedar City", "located_in", "Utah")),
]


@pytest.mark.parametrize(("text", "pair"), POSITIVE)
def test_home_guard_keeps(nlp, text: str, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    assert pair in _pairs(nlp, text)
