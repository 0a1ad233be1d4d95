"""Relations the two ends or the place table contradict are dropped; the ones they agree with stay. Each check
with a case it drops and one it keeps, on the check itself and through whole sentences."""

from __future__ import annotations

import pytest

from graphbuild.extract.common import EntityIndex
from graphbuild.extract.entities import extract_entities
from graphbuild.extract.relation_rules.consistency import drop_inconsistent
from graphbuild.extract.relations import extract_relations
from graphbuild.gazetteer import gazetteer
from graphbuild.model import DocEntity, Document, Evidence, Relation

Fact = tuple[str, str, str, str]

_TYPES = {"Zambia": "Country", "Malawi": "Country", "Hong Kong": "Country", "China": "Country", "England": "Country",
          "United Kingdom": "Country", "Croatia": "Country", "Yugoslavia": "Country", "Helsinki": "Place",
          "Stockholm": "Place", "Sweden": "Country", "Finland": "Country", "Paris": "Place", "Texas": "Place",
          "Europe": "Place", "Asia": "Place", "Indian Ocean": "Place", "Reid Weingarten": "Person", "Bernard Ebbers": "Person", "WorldCom": "Organization",
          "Tucson": "Place", "Nevada": "Place", "Arizona": "Place", "Lusaka": "Place", "Tokyo": "Place",
          "France": "Country", "Middle East": "Place", "Leeds": "Place", "Yorkshire": "Place",
          "Scotland": "Country", "Northern Ireland": "Country", "Puerto Rico": "Country", "Auckland": "Place",
          "Lisbon": "Place", "Great Britain": "Place", "Caribbean": "Place"}


def _kept(subject: str, relation: str, obj: str) -> bool:
    ents = {label: DocEntity(key=label, label=label, type=t, mentions=()) for label, t in _TYPES.items()}
    ev = Evidence("d", 0, 1, subject, obj, "test", 0.7)
    return bool(drop_inconsistent([Relation(subject, relation, obj, ev)], ents))


@pytest.mark.parametrize(("subject", "relation", "obj"), [
    ("Zambia", "located_in", "Malawi"),  # a country in another country
    ("Helsinki", "located_in", "Stockholm"),  # a known town in a town of another country
    ("Helsinki", "located_in", "Sweden"),  # a known town in another country
    ("Tucson", "located_in", "Nevada"),  # a US town in another state
    ("France", "located_in", "Paris"),  # a country in a town ("France in Paris last season": a side playing there)
    ("France", "located_in", "Texas"),  # nor in a state the table does not know as a town
    ("Scotland", "located_in", "Auckland"),  # a part of the UK in a town: a side playing there
    ("Northern Ireland", "located_in", "Lisbon"),
    ("Puerto Rico", "located_in", "Auckland"),  # a territory in a town
    ("Europe", "located_in", "United Kingdom"),  # a continent in a country
    ("WorldCom", "based_in", "Europe"),  # a continent as a home
    ("Reid Weingarten", "affiliated_with", "Bernard Ebbers"),  # an affiliation's object is never a person
    ("Reid Weingarten", "holds_position", "Bernard Ebbers"),
])
def test_contradicted_relations_are_dropped(subject: str, relation: str, obj: str) -> None:
    assert not _kept(subject, relation, obj)


@pytest.mark.parametrize(("subject", "relation", "obj"), [
    ("Lusaka", "located_in", "Zambia"),
    ("Helsinki", "located_in", "Finland"),
    ("Tucson", "located_in", "Arizona"),
    ("Hong Kong", "located_in", "China"),  # a territory inside its state
    ("England", "located_in", "United Kingdom"),  # a part of the United Kingdom
    ("Croatia", "located_in", "Yugoslavia"),  # a former union
    ("Scotland", "located_in", "Great Britain"),  # a part of the UK in a place the table knows as no town
    ("Puerto Rico", "located_in", "Caribbean"),  # a territory in a world region
    ("Paris", "located_in", "Texas"),  # many towns are called Paris: the text decides
    ("France", "located_in", "Europe"),
    ("France", "located_in", "Asia"),
    ("France", "located_in", "Indian Ocean"),
    ("Leeds", "located_in", "Yorkshire"),  # a region the table does not know as a town
    ("Reid Weingarten", "affiliated_with", "WorldCom"),
    ("Reid Weingarten", "holds_position", "Reid Weingarten"),  # a post without organisation
])
def test_consistent_relations_stay(subject: str, relation: str, obj: str) -> None:
    assert _kept(subject, relation, obj)


def test_place_table_knows_which_names_are_one_town() -> None:
    gaz = gazetteer()
    assert gaz.place_unique("Helsinki")
    assert not gaz.place_unique("Paris")  # Paris, France and Paris, Texas
    assert not gaz.place_unique("Xqzville")


def _facts(nlp, text: str) -> set[Fact]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    document = Document(id="t", text=text)
    ents = extract_entities(doc, document)
    return {(r.evidence.subject_text, r.relation, r.evidence.object_text, r.evidence.rule)
            for r in extract_relations(doc, document, ents, EntityIndex(doc, ents))}


def _pairs(facts: set[Fact]) -> set[tuple[str, str, str]]:
    return {f[:3] for f in facts}


def test_sentences_keep_what_the_table_agrees_with(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("Lusaka", "located_in", "Zambia") in _pairs(_facts(nlp, "He spoke at Lusaka, Zambia, on Friday."))
    assert ("Lusaka", "located_in", "Malawi") not in _pairs(_facts(nlp, "He spoke at Lusaka, Malawi, on Friday."))
    facts = _pairs(_facts(nlp, "England lost to France in Paris last season."))
    assert ("France", "located_in", "Paris") not in facts
    assert ("Paris", "located_in", "France") in facts


POSITIVE: list[tuple[str, Fact]] = [
    # "X of <country>": the country a person acts or plays for
    ("Robredo beat Nicolas Kiefer of Germany 6-4 6-4.",
     ("Nicolas Kiefer", "affiliated_with", "Germany", "affiliated_with.of_country")),
    # a town after "of" is still a home
    ("One of Warner's lawyers, Andrew Hall of Miami, confirmed the deal.",
     ("Andrew Hall", "lives_in", "Miami", "lives_in.of")),
    # a post in a country's apposition: the country the person acts for
    ("The Ukraine's new president, Viktor Yushchenko, will also be there.",
     ("Viktor Yushchenko", "affiliated_with", "Ukraine", "affiliated_with.poss_appos")),
    # an occupation keeps the home
    ("Abebe Worke, one of Ethiopia's most distinguished lawyers, was arrested.",
     ("Abebe Worke", "lives_in", "Ethiopia", "lives_in.poss_appos")),
    # a kind of place in apposition
    ("Madagascar, an island nation in the Indian Ocean, was hit by a cyclone.",
     ("Madagascar", "located_in", "Indian Ocean", "located_in.appos")),
    ("Spain's Ferrovial bought the stake.", ("Ferrovial", "based_in", "Spain", "based_in.poss")),
    ("Pepperell, based at West Point, Ga., makes fabrics.", ("Pepperell", "based_in", "West Point", "based_in.based_at")),
    ("The U.S. Post Office at Silverthorne now serves Heeney postal addresses.",
     ("U.S. Post Office", "based_in", "Silverthorne", "based_in.at")),
    # a chain of places closed by a country is no enumeration
    ("The site is located just north of the Yangtze river in Huangpi, Wuhan, Hubei, China.",
     ("Hubei", "located_in", "China", "located_in.comma")),
    ("Sumitomo, Japan's third-largest bank, tabled a higher offer for UFJ.",
     ("Sumitomo", "based_in", "Japan", "based_in.poss_appos")),
    ("Britain's biggest retailer Tesco reported record profits.", ("Tesco", "based_in", "Britain", "based_in.poss_premod")),
    ("France's telecoms regulator Arcep fined the firm.", ("Arcep", "based_in", "France", "based_in.poss_premod")),
    # a relative clause on the noun in apposition to a name
    ("Erica Gasparri, a mother of three who lived in Barking, told local media she had reported him.",
     ("Erica Gasparri", "lives_in", "Barking", "lives_in.verb")),
    ("Lyon, the third-largest French city after Paris and Marseille, is set to host matches.",
     ("Lyon", "located_in", "French", "located_in.appos_demonym")),
]

NEGATIVE: list[tuple[str, tuple[str, str, str]]] = [
    ("Robredo beat Nicolas Kiefer of Germany 6-4 6-4.", ("Nicolas Kiefer", "lives_in", "Germany")),
    ("The Ukraine's new president, Viktor Yushchenko, will also be there.", ("Viktor Yushchenko", "lives_in", "Ukraine")),
    # topics in a list, not a place's apposition
    ("Mr Blair said the two leaders had talked about Afghanistan, the wider war on terror, the situation in the "
     "Middle East and the ongoing dispute over Kashmir.", ("Afghanistan", "located_in", "Middle East")),
    # an enumeration of towns, with a name the entity layer may miss, is no chain of places
    ("Mr Kennedy visits Manchester, Liverpool, Leicester, Somerset, Basingstoke, Shrewsbury and Torbay.",
     ("Manchester", "located_in", "Liverpool")),
    ("Mr Kennedy visits Manchester, Liverpool, Leicester, Somerset, Basingstoke, Shrewsbury and Torbay.",
     ("Liverpool", "located_in", "Leicester")),
    # a body named before a post
    ("The minister spoke as London's Labour mayor Ken Livingstone remained in a row.", ("Labour", "based_in", "London")),
    # "X at Y" is where a team played, not its home
    ("Rovers disposed of Cardiff City at Ewood Park in the third round.", ("Cardiff City", "based_in", "Ewood Park")),
    # a country before a possessive ends no chain: "the United States , Germany 's Birgit Prinz"
    ("The candidates are Mia Hamm of the United States, Germany's Birgit Prinz and Marta.",
     ("Mia Hamm", "lives_in", "Germany")),
    # a nationality word after "of" qualifies the band, not the person
    ("The second version features Anahi and Dulce Maria of the Mexican pop group RBD.",
     ("Dulce Maria", "affiliated_with", "Mexican")),
    # a country's post before a name is no home of a body
    ("Japan's prime minister Junichiro Koizumi spoke.", ("Junichiro Koizumi", "lives_in", "Japan")),
    # being somewhere is not living there; a post's country is not a home; an ambassador is no kind of place
    ("Hollywood star Tom Hanks was in London for the premiere of Polar Express.", ("Tom Hanks", "lives_in", "London")),
    ('"We are prepared to look at an arms embargo," U.S. Special Envoy to Sudan and South Sudan, Donald Booth, told '
     "lawmakers.", ("Donald Booth", "lives_in", "Sudan")),
    ('"We are prepared to look at an arms embargo," U.S. Special Envoy to Sudan and South Sudan, Donald Booth, told '
     "lawmakers.", ("Donald Booth", "lives_in", "South Sudan")),
    ("SANTIAGO 1996-08-31 The U.S. ambassador to the United Nations, Madeleine Albright, arrived in Chile late Friday.",
     ("SANTIAGO", "located_in", "U.S.")),
]


@pytest.mark.parametrize(("text", "fact"), POSITIVE)
def test_rule_fires(nlp, text: str, fact: Fact) -> None:  # type: ignore[no-untyped-def]
    assert fact in _facts(nlp, text)


@pytest.mark.parametrize(("text", "triple"), NEGATIVE)
def test_rule_does_not_fire(nlp, text: str, triple: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    facts = _pairs(_facts(nlp, text))
    assert triple not in facts
