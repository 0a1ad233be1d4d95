"""Mention kinds (name or demonym), spelling variants, cross-article guards for short ambiguous names."""

from __future__ import annotations

from typing import Any

import pytest

from graphbuild.extract.entities import extract_entities
from graphbuild.graph import mention_dict
from graphbuild.model import Mention

from .test_entities import find, mkdoc


@pytest.mark.parametrize(
    ("text", "label", "surface", "kind"),
    [
        ("Russian aggression grew .", "Russia", "Russian", "demonym"),
        ("They killed Ukrainians .", "Ukraine", "Ukrainians", "demonym"),
        ("Russia said no .", "Russia", "Russia", "name"),
        ("A Tory minister resigned .", "Conservative Party", "Tory", "demonym"),
        ("Republicans voted against it .", "Republican Party", "Republicans", "demonym"),
        ("The Conservatives won .", "Conservative Party", "Conservatives", "name"),
        ("The GOP won .", "Republican Party", "GOP", "name"),
    ],
)
def test_mention_kind(text: str, label: str, surface: str, kind: str) -> None:
    """A nationality or party-member word is a demonym mention of its entity, not a name mention."""
    doc, d = mkdoc(text)
    ent = find(extract_entities(doc, d), label)
    assert [(m.text, m.kind) for m in ent.mentions] == [(surface, kind)]


def test_mention_kind_in_graph_json() -> None:
    """graph.json mentions carry their kind."""
    assert mention_dict("d", Mention(0, 7, "Russian", 0, 20, "demonym", "demonym"))["kind"] == "demonym"
    assert mention_dict("d", Mention(0, 6, "Russia", 0, 20))["kind"] == "name"


def test_nickname_teams_in_sports_report() -> None:
    """Rule sports.nickname: "the Brewers" in a sports report is a team, everywhere in the document."""
    text = ("The pitcher homered as the Brewers beat Texas in the league match . "
            "Brewers fans cheered the Blue Jays coach . The Netherlands scored .")
    doc, d = mkdoc(text, {"5:6": "PERSON", "20:22": "GPE"})
    ents = extract_entities(doc, d)
    brewers = find(ents, "Brewers")
    assert brewers.type == "Organization" and len(brewers.mentions) == 2
    assert find(ents, "Blue Jays").type == "Organization"
    assert find(ents, "Netherlands").type == "Country"  # a table name is left alone


def test_nickname_needs_a_sports_report() -> None:
    """Outside sports reports "the Smiths" is no team."""
    doc, d = mkdoc("The Smiths arrived on Monday and the Joneses left .")
    assert all(e.type != "Organization" for e in extract_entities(doc, d))


def test_fixture_venue_after_at_stays_a_place() -> None:
    """"Boston at Oakland" in a fixture list: Oakland is where the game is played."""
    text = "Oakland 5 Seattle 3 \n Boston at Oakland \n baseball league match innings"
    doc, d = mkdoc(text, {"0:1": "GPE", "2:3": "GPE", "5:6": "GPE", "7:8": "GPE"})
    ents = extract_entities(doc, d)
    oak = [e for e in ents if e.label.startswith("Oakland")]
    types = {(m.start, e.type) for e in oak for m in e.mentions}
    assert (0, "Organization") in types
    assert (doc[7].idx, "Place") in types


def test_name_wrapped_at_line_end() -> None:
    """Rule person.wrapped: "Willie\\nWood" in a list of people is one Person."""
    doc, d = mkdoc("Mike Sullivan , Willie \n Wood , Loren Roberts , Steve Stricker .",
                   {"0:2": "PERSON", "3:4": "PERSON", "8:10": "PERSON", "11:13": "PERSON"})
    ent = find(extract_entities(doc, d), "Willie Wood")
    assert ent.type == "Person" and [m.rule for m in ent.mentions] == ["person.wrapped"]


def test_wrapped_words_that_are_places_stay_apart() -> None:
    """A line ending in a name and a next line starting with a town are two names."""
    doc, d = mkdoc("He met Sullivan , Mike \n London , and left .", {"2:3": "PERSON", "4:5": "PERSON", "6:7": "GPE"})
    ents = extract_entities(doc, d)
    assert find(ents, "London").type == "Place"


def test_ministry_forms_are_one_name() -> None:
    """"Ministry of Internal Affairs" and "Interior Ministry" are one ministry; other names stay."""
    from graphbuild.generic_names import ministry_form

    assert ministry_form("Ministry of Internal Affairs") == ministry_form("Interior Ministry") == "Interior Ministry"
    assert ministry_form("Ministry of Foreign Affairs") == "Foreign Ministry"
    assert ministry_form("Ministry of Defence") == "Defence Ministry"
    assert ministry_form("Ministry of Magic") == "Ministry of Magic"
    doc, d = mkdoc("Interior Ministry troops came . The Ministry of Internal Affairs said so .",
                   {"0:2": "ORG", "6:10": "ORG"})
    ents = [e for e in extract_entities(doc, d) if e.type == "Organization"]
    assert len(ents) == 1 and len(ents[0].mentions) == 2


def test_given_names_sharing_a_surname() -> None:
    """Rule person.shared-surname: "Tamerlan and Dzhokhar Tsarnaev" names two brothers."""
    doc, d = mkdoc("Police say Tamerlan and Dzhokhar Tsarnaev carried bombs . Later , Tamerlan was killed .",
                   {"2:3": "GPE", "4:6": "PERSON", "11:12": "GPE"})
    ents = extract_entities(doc, d)
    tam = find(ents, "Tamerlan Tsarnaev")
    assert tam.type == "Person" and len(tam.mentions) == 2
    assert find(ents, "Dzhokhar Tsarnaev").type == "Person"


def test_table_word_before_and_is_no_given_name() -> None:
    """"Britain and John Smith": a table name before "and" keeps its type."""
    doc, d = mkdoc("Britain and John Smith agreed .", {"2:4": "PERSON"})
    assert find(extract_entities(doc, d), "United Kingdom").type == "Country"


def test_spelling_variants_are_one_person() -> None:
    """One letter apart, long names: "Dzokhar Tsarnaev", "Dzhokhar Tsarnaev" and "Tzarnaev" are one person,
    labelled by the spelling written most often."""
    from graphbuild.extract.entity_steps.base import spelling_variant

    assert spelling_variant("tsarnaev", "tzarnaev") and spelling_variant("dzokhar", "dzhokhar")
    assert not spelling_variant("smith", "smyth")  # too short to tell
    text = ("Suspect Dzokhar Tsarnaev was named . Friends took Tzarnaev 's bag . "
            "Dzhokhar Tsarnaev hid . Dzhokhar Tsarnaev was found .")
    doc, d = mkdoc(text, {"1:3": "PERSON", "8:9": "ORG", "12:14": "PERSON", "16:18": "PERSON"})
    ents = extract_entities(doc, d)
    person = find(ents, "Dzhokhar Tsarnaev")
    assert len(person.mentions) == 4
    assert {m.rule for m in person.merges} >= {"spelling-variant"}
    assert all(e.type == "Person" for e in ents)



def _org_doc(doc_id: str, label: str, rule: str) -> Any:
    from graphbuild.model import DocEntity, DocResult, Document

    m = Mention(0, len(label), label, 0, len(label), rule)
    return DocResult(Document(id=doc_id, text=label), (DocEntity("e0", label, "Organization", (m,)),), (), ())


def test_one_word_organisations_join_only_in_the_same_role() -> None:
    """"Sun" the newspaper (press cue) and "Sun" the company (company cue) are two nodes; same roles join;
    a table name ("Reuters") joins whatever the role."""
    from graphbuild.resolve import resolve

    ents, _ = resolve([_org_doc("a", "Sun", "press"), _org_doc("b", "Sun", "company-cue"),
                       _org_doc("c", "Sun", "press"), _org_doc("d", "Reuters", "press"),
                       _org_doc("e", "Reuters", "gazetteer")])
    sun = sorted(len({d for d, _ in e.mentions}) for e in ents if e.label == "Sun")
    assert sun == [1, 2]
    assert [len(e.mentions) for e in ents if e.label == "Reuters"] == [2]


def test_one_word_leading_a_longer_name_joins_it() -> None:
    """org-short: "Sun" after "Sun Microsystems" in the same document is the company."""
    doc, d = mkdoc("Sun Microsystems grew . Sun said profits rose .", {"0:2": "ORG", "4:5": "ORG"})
    ents = [e for e in extract_entities(doc, d) if e.type == "Organization"]
    assert [(e.label, len(e.mentions)) for e in ents] == [("Sun Microsystems", 2)]


def test_bare_surname_of_several_people_stays_in_its_article() -> None:
    """"Ball" in two articles, with Zoe Ball and Michael Ball named elsewhere and neither dominant: the two bare
    "Ball"s are not one node; a bare name nobody in the corpus has in full still joins its namesakes."""
    from graphbuild.resolve import resolve

    from .test_resolve import doc

    ents, _ = resolve([doc("a", ("Zoe Ball", "Person")), doc("b", ("Michael Ball", "Person")),
                       doc("c", ("Ball", "Person")), doc("d", ("Ball", "Person")),
                       doc("e", ("Smithers", "Person")), doc("f", ("Smithers", "Person"))])
    assert sorted(len(e.mentions) for e in ents if e.label == "Ball") == [1, 1]
    assert [len(e.mentions) for e in ents if e.label == "Smithers"] == [2]
