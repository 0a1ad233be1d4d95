"""Geography rules and inferences: a town's country from the place table, containment chains, "X is a N in Y",
the country a counterpart acts for. Each with a sentence where it fires and one where it must not."""

from __future__ import annotations

import pytest

from graphbuild.extract.common import EntityIndex
from graphbuild.extract.entities import extract_entities
from graphbuild.extract.relations import INFERENCES, extract_relations
from graphbuild.gazetteer import gazetteer
from graphbuild.model import Document

Fact = tuple[str, str, str, str]


def _facts(nlp, text: str) -> set[Fact]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    document = Document(id="t", text=text)
    ents = extract_entities(doc, document)
    out = set()
    for r in extract_relations(doc, document, ents, EntityIndex(doc, ents)):
        ev = r.evidence
        assert text[ev.sentence_start:ev.sentence_end] == ev.sentence
        assert ev.subject_text in ev.sentence
        out.add((ev.subject_text, r.relation, ev.object_text, ev.rule))
    return out


def test_place_table_knows_towns_and_states() -> None:
    gaz = gazetteer()
    assert gaz.place_country("Sacramento") == ("US", "California")
    assert gaz.place_country("Coimbra") == ("PT", None)
    assert gaz.place_country("Ohio") == ("US", None)
    assert gaz.place_country("Xqzville") is None
    assert "Baghdad" in gaz.capitals


def test_inferences_are_registered_in_order() -> None:
    assert list(INFERENCES) == ["graphbuild.place_country.v1", "graphbuild.name_home.v1",
                                "graphbuild.containment.v1"]


POSITIVE: list[tuple[str, Fact]] = [
    # a town the table knows, the country named in another sentence
    ("The festival was held in Sacramento last week. Visitors came from across the United States.",
     ("Sacramento", "located_in", "United States", "located_in.gazetteer")),
    # the country named only by its nationality word
    ("The festival was held in Sacramento last week. American visitors filled the hotels.",
     ("Sacramento", "located_in", "United States", "located_in.gazetteer")),
    # A in B (stated) and B in C (stated) give A in C, with the sentence of A in B as evidence
    ("Acme Corp is based in Springfield. Springfield is a town in Sangamon County.",
     ("Acme Corp", "based_in", "Sangamon County", "based_in.closure")),
    # "X is a N based in Y , Z": an organisation is based in the places of its kind noun
    ("Sappy Records is an independent record label based in Sackville, New Brunswick.",
     ("Sappy Records", "based_in", "New Brunswick", "based_in.copula_kind")),
    # the nationality word on the kind noun
    ("Vestas Wind Systems is a Danish manufacturer of wind turbines.",
     ("Vestas Wind Systems", "based_in", "Danish", "based_in.copula_kind_demonym")),
    # an apposition saying what a facility is and where
    ("The Ferenc Puskas Stadium, a stadium in Budapest, was rebuilt.",
     ("Ferenc Puskas Stadium", "located_in", "Budapest", "located_in.appos")),
    # a body whose name carries a place the document names on its own
    ("She studied at the University of Alberta. Alberta is cold in winter.",
     ("University of Alberta", "based_in", "Alberta", "based_in.name")),
    ("Calgary City Council voted on Monday. Calgary is growing.",
     ("Calgary City Council", "based_in", "Calgary", "based_in.name")),
    # a player's team is an affiliation
    ("Maria Lopez played for Real Madrid for ten years.",
     ("Maria Lopez", "affiliated_with", "Real Madrid", "affiliated_with.play")),
    # a counterpart acts for the country before the noun: an affiliation, not a residence
    ("Ruehe planned to meet his Israeli counterpart Yitzhak Mordechai on Monday.",
     ("Yitzhak Mordechai", "affiliated_with", "Israeli", "affiliated_with.geo_noun")),
]


@pytest.mark.parametrize(("text", "fact"), POSITIVE)
def test_geography_fires(nlp, text: str, fact: Fact) -> None:  # type: ignore[no-untyped-def]
    assert fact in _facts(nlp, text)


NEGATIVE: list[tuple[str, tuple[str, str, str]]] = [
    # a capital standing for its government is not read as a place
    ("Baghdad said on Monday it would not retreat. Iraq has rejected the plan.", ("Baghdad", "located_in", "Iraq")),
    # the text puts the town in Texas: not the French Paris
    ("He grew up in Paris, Texas. He never visited France.", ("Paris", "located_in", "France")),
    # a disputed territory's towns get no country from the table
    ("Fighting went on in Gaza on Monday. Palestinian leaders met in the evening.", ("Gaza", "located_in", "Palestine")),
    # a dateline is not a place the article is about
    ("BONN 1996-08-30\nThe German government urged calm.", ("BONN", "located_in", "Germany")),
    # "a member of" is not a kind of place: no based_in from "of"
    ("The Bank of Sweden is a member of the Nordic Investment Bank.",
     ("Bank of Sweden", "based_in", "Nordic Investment Bank")),
    # people named by their nationality are in the place, not their country
    ("Palestinians in the West Bank observed a strike.", ("Palestinians", "located_in", "West Bank")),
    # "played ... for fun in Leeds": no team after "for"
    ("Maria Lopez played football for fun in Leeds.", ("Maria Lopez", "affiliated_with", "Leeds")),
    # a race is not a body: its place is not its home
    ("The Boston Marathon was held in Boston.", ("Boston Marathon", "based_in", "Boston")),
    # an occupation, not an agent: the country stays a residence
    ("Soviet pianist Sviatoslav Richter played in Moscow.", ("Sviatoslav Richter", "affiliated_with", "Soviet")),
]


@pytest.mark.parametrize(("text", "triple"), NEGATIVE)
def test_geography_stays_quiet(nlp, text: str, triple: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert triple not in {f[:3] for f in _facts(nlp, text)}
