"""Relation rules, each on its own, with (text, expected triples) cases."""

from __future__ import annotations

import pytest

from graphbuild.extract.common import EntityIndex
from graphbuild.extract.entities import extract_entities
from graphbuild.extract.relations import RULES, Context, extract_relations
from graphbuild.model import Document

Triple = tuple[str, str, str]


def _triples(nlp, text: str, rule: str | None = None) -> set[Triple]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    document = Document(id="t", text=text)
    ents = extract_entities(doc, document)
    index = EntityIndex(doc, ents)
    rels = extract_relations(doc, document, ents, index) if rule is None else tuple(
        RULES[rule](Context(doc, index, document)))
    out = set()
    for r in rels:
        ev = r.evidence
        assert text[ev.sentence_start:ev.sentence_end] == ev.sentence
        assert ev.subject_text in ev.sentence
        # inferred geography names the object by its label when no sentence names both ends (docs/relations.md)
        assert ev.object_text in ev.sentence or ev.rule.endswith((".gazetteer", ".closure"))
        out.add((ev.subject_text, r.relation, ev.object_text))
    return out


CASES: list[tuple[str, str, Triple]] = [
    ("graphbuild.party_of.v1", "She met David Lammy, whose two-month-old Labour government has vowed to help.",
     ("David Lammy", "affiliated_with", "Labour")),
    ("graphbuild.party_of.v1", "Tony Blair's Labour government lost the vote.", ("Tony Blair", "affiliated_with", "Labour")),
    ("graphbuild.title_prefix.v1", "Kremlin spokesman Dmitry Peskov said nothing.",
     ("Dmitry Peskov", "affiliated_with", "Kremlin")),
    ("graphbuild.located_in.v1", "He was arrested in Livingston, Texas, on Monday.",
     ("Livingston", "located_in", "Texas")),
    ("graphbuild.located_in.v1", "Rome is in Lazio and Naples is a port.", ("Rome", "located_in", "Lazio")),
    ("graphbuild.based_in.v1", "Pepperell, based in Atlanta, makes towels.", ("Pepperell", "based_in", "Atlanta")),
    ("graphbuild.killed.v1", "John Wilkes Booth killed Abraham Lincoln in 1865.",
     ("John Wilkes Booth", "killed", "Abraham Lincoln")),
    ("graphbuild.killed.v1", "Oswald was the lone gunman who killed John Kennedy.",
     ("Oswald", "killed", "John Kennedy")),
    ("graphbuild.lives_in.v1", "In 1898, composer George Gershwin was born in Brooklyn.",
     ("George Gershwin", "lives_in", "Brooklyn")),
    ("graphbuild.lives_in.v1", "Mary Smith, a native of Boston, spoke.", ("Mary Smith", "lives_in", "Boston")),
    ("graphbuild.work_for.v1", "David Pimentel, an ecologist at Cornell University, said so.",
     ("David Pimentel", "affiliated_with", "Cornell University")),
    ("graphbuild.person_of.v1", "Senator John Smith of Ohio voted no.", ("John Smith", "lives_in", "Ohio")),
    ("graphbuild.work_for.v1", "Boston lawyer Peter Grant filed the suit.", ("Peter Grant", "lives_in", "Boston")),
    ("graphbuild.frames.v1", "CAIRO , Egypt ( AP ) -- Talks resumed.", ("AP", "based_in", "Egypt")),
    ("graphbuild.frames.v1", "( Text ) Warsaw , 3 March ( AFP ) -- The strike ended.", ("AFP", "based_in", "Warsaw")),
    ("graphbuild.frames.v1", "John Miller, the Denver architect who drew the plans, resigned.",
     ("John Miller", "lives_in", "Denver")),
    ("graphbuild.frames.v1", "Marubeni Corp., a Tokyo trading company, bought the plant.",
     ("Marubeni Corp.", "based_in", "Tokyo")),
    ("graphbuild.frames.v1", "The protest outside the Lincoln assassin John Wilkes Booth museum was small.",
     ("John Wilkes Booth", "killed", "Lincoln")),
    # located_in.comma_in / .compass / .capital / .appos / .in over modifiers, facilities typed Organization
    ("graphbuild.located_in.v1", "The opera company performed at the Palace of Fine Arts , in San Francisco , on June 30 .",
     ("Palace of Fine Arts", "located_in", "San Francisco")),
    ("graphbuild.located_in.v1", "The former mayor of Mohammadia , south-east Algeria , was shot.",
     ("Mohammadia", "located_in", "Algeria")),
    ("graphbuild.located_in.v1", "Yerevan , the capital of Armenia , was hit.", ("Yerevan", "located_in", "Armenia")),
    ("graphbuild.located_in.v1", "Bosnia 's capital , Sarajevo , is calm.", ("Sarajevo", "located_in", "Bosnia")),
    ("graphbuild.located_in.v1", "Madagascar , an island nation in the Indian Ocean , is poor.",
     ("Madagascar", "located_in", "Indian Ocean")),
    ("graphbuild.located_in.v1", "The Beatles played in Liverpool , a city in England .",
     ("Liverpool", "located_in", "England")),
    ("graphbuild.located_in.v1", "Rebels hold the town of Bugesera in the southeastern part of Rwanda .",
     ("Bugesera", "located_in", "Rwanda")),
    ("graphbuild.located_in.v1", "The jet flew to Pinecastle Electronic Warfare Range in the Ocala National Forest .",
     ("Pinecastle Electronic Warfare Range", "located_in", "Ocala National Forest")),
    # based_in.headquarters
    ("graphbuild.based_in.v1", "Officials at NRC headquarters in Rockville , Md. , said so.",
     ("NRC", "based_in", "Rockville")),
    # lives_in.native_adj / .where / .hometown
    ("graphbuild.lives_in.v1", "Jesse Jackson won the caucuses in his native South Carolina .",
     ("Jesse Jackson", "lives_in", "South Carolina")),
    ("graphbuild.lives_in.v1", "We drove through Rolling Fork , where Muddy Waters was born .",
     ("Muddy Waters", "lives_in", "Rolling Fork")),
    ("graphbuild.lives_in.v1", "Ms. Calico disappeared near her hometown of Belen , N.M.", ("Calico", "lives_in", "Belen")),
    # affiliated_with.copula / .represent; a person typed Organization shown a person by its apposition
    ("graphbuild.work_for.v1", "Barrett is a member of the Illinois Commerce Commission .",
     ("Barrett", "affiliated_with", "Illinois Commerce Commission")),
    ("graphbuild.work_for.v1", "Harrington , a professor of political science at Queens College , died Monday.",
     ("Harrington", "affiliated_with", "Queens College")),
    ("graphbuild.work_for.v1", "Guy M. Struve , the New York attorney representing Texaco , said he was disappointed.",
     ("Guy M. Struve", "affiliated_with", "Texaco")),
    # title.prefix over a department name; affiliated_with.person_poss / .comma_of; the operate verb
    ("graphbuild.title_prefix.v1", "CNEN Radioprotection Director Laercio Vinhas reported by fax.",
     ("Laercio Vinhas", "affiliated_with", "CNEN")),
    ("graphbuild.person_of.v1", "Prime Minister Brian Mulroney 's Progressive Conservative Party won the election.",
     ("Brian Mulroney", "affiliated_with", "Progressive Conservative Party")),
    ("graphbuild.person_of.v1", "Stephanie Powell , of the DEM 's division of groundwater , said Tuesday.",
     ("Stephanie Powell", "affiliated_with", "DEM")),
    ("graphbuild.verbs.v1", "Gerald Przenislawski , who operates La Valette Underground Military Museum , smiled.",
     ("Gerald Przenislawski", "affiliated_with", "La Valette Underground Military Museum")),
    # killed: an agent far from the verb, the accused after a comma, a victim typed Organization
    ("graphbuild.killed.v1", "Lennon was shot to death Dec. 8 , 1980 , in the courtyard of his New York City apartment "
     "building by Mark David Chapman , a former Beatles ' fan .", ("Mark David Chapman", "killed", "Lennon")),
    ("graphbuild.killed.v1", "The federal appeals court threw out the death sentence of John Harvey Adamson , convicted "
     "of murdering Phoenix newspaper reporter Don Bolles in 1976 .", ("John Harvey Adamson", "killed", "Don Bolles")),
    ("graphbuild.killed.v1", "This is the place where John Wilkes Booth , assassin of Lincoln , was cornered .",
     ("John Wilkes Booth", "killed", "Lincoln")),
    # title.copula; lives_in.appos_in / .home / born after "X , 76 ,"; an age makes a person of a name typed otherwise
    ("graphbuild.title_copula.v1", "If the elections had been held , Fernandez de Cevallos would reportedly be the "
     "next president of Mexico .", ("Fernandez de Cevallos", "affiliated_with", "Mexico")),
    ("graphbuild.lives_in.v1", "Yisrael Tal , one of the top military strategists in Israel , says the Arabs have "
     "reached a balance .", ("Yisrael Tal", "lives_in", "Israel")),
    ("graphbuild.lives_in.v1", "FBI agents arrived at the home of Kim Sohn and at Tom Hart 's New Jersey home .",
     ("Tom Hart", "lives_in", "New Jersey")),
    ("graphbuild.lives_in.v1", "Photographer and composer Gordon Parks , 76 , born in Fort Scott , Kan. , was on the "
     "staff of Life Magazine .", ("Gordon Parks", "lives_in", "Fort Scott")),
    ("graphbuild.person_of.v1", "Marie Magdefrau Ferraro , 50 , of Bethany , Conn. , was shot to death Thursday .",
     ("Marie Magdefrau Ferraro", "lives_in", "Bethany")),
    ("graphbuild.frames.v1", "( Text ) Saint-Gall , Switzerland , Feb 2 ( AFP ) -- The wreck was found .",
     ("AFP", "based_in", "Saint-Gall")),
    # a victim the entity layer typed Organization; "Kennedy" is a person, not the city of the gazetteer
    ("graphbuild.killed.v1", "John Wilkes Booth shot Lincoln at Ford 's Theater in 1865 .",
     ("John Wilkes Booth", "killed", "Lincoln")),
    ("graphbuild.killed.v1", "Sirhan says he was the lone assassin but can not remember shooting Kennedy .",
     ("Sirhan", "killed", "Kennedy")),
    # title.appos over a party tag, title.prefix over a rank, title.of_org with "of the"
    ("graphbuild.title_appos.v1", "Another plan , first advocated by Sen. Donald W. Riegle Jr. , D-Mich. , chairman of "
     "the Senate Banking Committee , failed.", ("Donald W. Riegle Jr.", "affiliated_with", "Senate Banking Committee")),
    ("graphbuild.title_prefix.v1", "It was limited , said Coast Guard spokesman Lt. Pat Philbin.",
     ("Pat Philbin", "affiliated_with", "Coast Guard")),
    ("graphbuild.title_of_org.v1", "It must be pointed out that the chairman of the United Djibouti Opposition Front , "
     "Mohamed Ahmed Issa , was arrested .", ("Mohamed Ahmed Issa", "affiliated_with", "United Djibouti Opposition Front")),
    # affiliated_with.named / .headed_by
    ("graphbuild.work_for.v1", "Knight-Ridder announced that it has named Larry Jinks publisher of the San Jose "
     "Mercury News .", ("Larry Jinks", "affiliated_with", "San Jose Mercury News")),
    ("graphbuild.work_for.v1", "There is a study conducted by the Mediterranean Foundation headed by Juan Novara .",
     ("Juan Novara", "affiliated_with", "Mediterranean Foundation")),
    # the date takes the "in" after "born"; "at" hangs on the copula
    ("graphbuild.lives_in.v1", "Norton Winfred Simon was born on Feb. 5 , 1907 , in Portland , Ore. , and spent his "
     "teen-age years in San Francisco .", ("Norton Winfred Simon", "lives_in", "Portland")),
    ("graphbuild.work_for.v1", "Joseph Cicippio , 58 , was acting comptroller at the American University of Beirut "
     "when he was kidnapped .", ("Joseph Cicippio", "affiliated_with", "American University of Beirut")),
    # lives_in.poss_appos / located_in.poss_appos
    ("graphbuild.poss_appos.v1", "Morihiro Hosokawa , Japan 's prime , recently confirmed it .",
     ("Morihiro Hosokawa", "lives_in", "Japan")),
    ("graphbuild.poss_appos.v1", "Mrs. Rose hired Abebe Worke , one of Ethiopia 's most distinguished lawyers , to "
     "investigate.", ("Abebe Worke", "lives_in", "Ethiopia")),
    ("graphbuild.poss_appos.v1", "One of China 's major agricultural producers , Anhui has about 50 million farmers .",
     ("Anhui", "located_in", "China")),
    # a state closes a comma chain without punctuation; the kind of place after a name; "in" chains
    ("graphbuild.located_in.v1", "A thunderstorm dumped rain in Cedar City , Utah Monday afternoon .",
     ("Cedar City", "located_in", "Utah")),
    ("graphbuild.located_in.v1", "Reactors at the Savannah River plant in South Carolina were shut down .",
     ("Savannah River", "located_in", "South Carolina")),
    ("graphbuild.located_in.v1", "Mrs. Tsuruyama is from Yatsushiro in Kumamoto Prefecture in southern Japan .",
     ("Kumamoto Prefecture", "located_in", "Japan")),
]


@pytest.mark.model
@pytest.mark.parametrize(("rule", "text", "expected"), CASES)
def test_rule_finds_triple(nlp, rule: str, text: str, expected: Triple) -> None:  # type: ignore[no-untyped-def]
    """Each rule alone finds its triple, with evidence slicing the sentence that names both ends."""
    assert expected in _triples(nlp, text, rule)


NEGATIVE: list[tuple[str, Triple]] = [
    ("Britain's Labour government, whose leader spoke, lost the vote.", ("Britain", "affiliated_with", "Labour")),
    ("Representatives from Russia, Japan, Poland and France signed it.", ("Japan", "located_in", "Poland")),
    ("Smith said he had not killed anyone.", ("Smith", "killed", "Smith")),
    ("LONDON ( Reuters ) Shares in Vodafone fell.", ("Vodafone", "based_in", "LONDON")),
    ("Anna Berg, a London resident, met Tom Hart.", ("Tom Hart", "lives_in", "London")),
    ("This is the place where John Wilkes Booth , assassin of Lincoln , was cornered .",
     ("John Wilkes Booth", "affiliated_with", "Lincoln")),
    ("Anna Ray , who ten years ago wed the man convicted of killing the Rev. Martin Luther King Jr. , plans to "
     "divorce him .", ("Anna Ray", "killed", "Martin Luther King Jr.")),
    ("It was limited , said Coast Guard spokesman Lt. Pat Philbin.", ("Lt", "affiliated_with", "Coast Guard")),
    ("Jim Garrison said that John Kennedy was the victim of an FBI conspiracy .",
     ("John Kennedy", "affiliated_with", "FBI")),
    ("The wreck was found below the surface of Lake Constance , Swiss police said Tuesday .",
     ("Lake Constance", "located_in", "Swiss")),
    # a title's country or state is not where the holder lives (the guidelines; title.premod reads the post)
    ("Ohio Gov. Richard Celeste vetoed the bill.", ("Richard Celeste", "lives_in", "Ohio")),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "absent"), NEGATIVE)
def test_no_false_relation(nlp, text: str, absent: Triple) -> None:  # type: ignore[no-untyped-def]
    """Enumerations and reflexive readings yield no relation."""
    assert absent not in _triples(nlp, text)


@pytest.mark.model
def test_seed_relations_have_sentence_evidence(nlp) -> None:  # type: ignore[no-untyped-def]
    """Every relation on the seed carries evidence whose offsets slice a sentence naming both ends."""
    from tests.conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    triples = _triples(nlp, text)
    assert ("Dmitry Peskov", "affiliated_with", "Kremlin") in triples
