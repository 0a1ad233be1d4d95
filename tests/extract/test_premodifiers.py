"""Posts, parties, teams and homes written before a name; past posts; each rule with a positive and a negative."""

from __future__ import annotations

import pytest

from graphbuild.extract.common import EntityIndex
from graphbuild.extract.entities import extract_entities
from graphbuild.extract.relations import RULES, Context, extract_relations
from graphbuild.model import Document, Relation

Fact = tuple[str, str, str, str | None, bool]  # subject label, relation, object label (or "self"), title, former


def _facts(nlp, text: str, rule: str | None = None) -> set[Fact]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    document = Document(id="t", text=text)
    ents = extract_entities(doc, document)
    index = EntityIndex(doc, ents)
    rels: tuple[Relation, ...] = extract_relations(doc, document, ents, index) if rule is None else tuple(
        RULES[rule](Context(doc, index, document)))
    label = {e.key: e.label for e in ents}
    out = set()
    for r in rels:
        obj = "self" if r.object == r.subject else label[r.object]
        out.add((label[r.subject], r.relation, obj, r.title, r.former))
    return out


def _pairs(facts: set[Fact]) -> set[tuple[str, str, str]]:
    return {(s, r, o) for s, r, o, _, _ in facts}


# (rule, text, expected fact, a fact the same rule must not give for a near miss)
CASES: list[tuple[str, str, Fact]] = [
    ("graphbuild.title_premod.v1", "Green Party leader Ann Riley said the plan was wrong.",
     ("Ann Riley", "holds_position", "Green Party", "leader", False)),
    ("graphbuild.title_premod.v1", "Green Party leader Ann Riley said the plan was wrong.",
     ("Ann Riley", "affiliated_with", "Green Party", None, False)),
    ("graphbuild.title_premod.v1", "Oxfam senior policy adviser Tom Hale criticised the deal.",
     ("Tom Hale", "holds_position", "Oxfam", "senior policy adviser", False)),
    ("graphbuild.title_premod.v1", "Former Wales skipper Gareth Thomas was injured.",
     ("Gareth Thomas", "affiliated_with", "Wales", None, True)),
    ("graphbuild.title_premod.v1", "England centre Manu Tuilagi scored twice.",
     ("Manu Tuilagi", "affiliated_with", "England", None, False)),
    ("graphbuild.title_prefix.v1", "Labour MP Jane Doe voted against the bill.",
     ("Jane Doe", "affiliated_with", "Labour", None, False)),
    ("graphbuild.title_prefix.v1", "Labour MP Jane Doe voted against the bill.",
     ("Jane Doe", "holds_position", "self", "MP", False)),
    ("graphbuild.title_prefix.v1", "Tory MP David Davis quit.", ("David Davis", "affiliated_with", "Conservative Party",
                                                                  None, False)),
    ("graphbuild.title_prefix.v1", "Acme chief executive Jo Bell resigned on Monday.",
     ("Jo Bell", "holds_position", "Acme", "chief executive", False)),
    ("graphbuild.title_of_org.v1", "The former chief executive of BP, John Browne, spoke.",
     ("John Browne", "holds_position", "BP", "chief executive", True)),
    ("graphbuild.title_appos.v1", "Jo Bell, the chief executive of Acme Corp, said profits fell.",
     ("Jo Bell", "holds_position", "Acme Corp", "chief executive", False)),
    ("graphbuild.title_prefix.v1", "Vodafone's chief executive, Arun Sarin, resigned.",
     ("Arun Sarin", "holds_position", "Vodafone", "chief executive", False)),
    ("graphbuild.title_appos.v1", "Michael Howard, the Conservative leader, spoke in Folkestone.",
     ("Michael Howard", "holds_position", "Conservative Party", "leader", False)),
    ("graphbuild.party_tag.v1", "Jane Doe (Lab, Leeds) asked a question. Labour said no.",
     ("Jane Doe", "affiliated_with", "Labour", None, False)),
    ("graphbuild.org_home.v1", "Swedish furniture maker Ikea opened a store in Leeds.",
     ("Ikea", "based_in", "Sweden", None, False)),
    ("graphbuild.org_home.v1", "Troops of the British Army left Britain.",
     ("British Army", "based_in", "United Kingdom", None, False)),
    ("graphbuild.kind_of_place.v1", "The Greek port of Patras was closed.", ("Patras", "located_in", "Greece", None, False)),
    ("graphbuild.place_copula.v1", "Amagasaki is a city located in Hyogo Prefecture, Japan.",
     ("Amagasaki", "located_in", "Japan", None, False)),
    ("graphbuild.lives_in.v1", "Tom Hart, a teacher in Dublin, said he was happy.",
     ("Tom Hart", "lives_in", "Dublin", None, False)),
    ("graphbuild.located_in.v1", "He lives in Bingley, West Yorkshire.",
     ("Bingley", "located_in", "West Yorkshire", None, False)),
]


@pytest.mark.model
@pytest.mark.parametrize(("rule", "text", "expected"), CASES)
def test_rule_reads_phrase(nlp, rule: str, text: str, expected: Fact) -> None:  # type: ignore[no-untyped-def]
    """The rule alone finds the fact, with its title and whether it is past."""
    assert expected in _facts(nlp, text, rule)


NEGATIVE: list[tuple[str, tuple[str, str, str]]] = [
    # a title's country is the post's, not a home; a sport label is a team, not a home
    ("US President Joe Biden visited Kyiv.", ("Joe Biden", "lives_in", "United States")),
    ("England centre Manu Tuilagi scored twice.", ("Manu Tuilagi", "lives_in", "England")),
    ("California attorney general Kamala Harris sued the firm.", ("Kamala Harris", "lives_in", "California")),
    # a date before a post is not part of it, nor its organisation
    ("On Tuesday spokesman John Smith said no.", ("John Smith", "affiliated_with", "Tuesday")),
    # "MP" is not a post of the party, only the membership is stated
    ("Labour MP Jane Doe voted against the bill.", ("Jane Doe", "holds_position", "Labour")),
    # a one-letter tag without "-State" is not a party tag, and a party not named in the document is no edge
    ("Tom Kerr (R) spoke. The Republicans left.", ("Tom Kerr", "affiliated_with", "Republican Party")),
    ("Jane Doe (Lab, Leeds) asked a question.", ("Jane Doe", "lives_in", "Leeds")),
    # a place before an occupation that is not a firm is no organisation home
    ("Swedish fans cheered Ikea.", ("Ikea", "based_in", "Sweden")),
    ("The Greek leader of Patras FC spoke.", ("Patras", "located_in", "Greece")),
    # a post before a comma and a name needs its organisation ("The foreign minister, John Smith, and Tom Hart")
    ("The foreign minister, John Smith, and Tom Hart, spoke.", ("John Smith", "holds_position", "self")),
    # a copula with a kind of firm is not a place inside a place
    ("Acme Corp is a company in London.", ("Acme Corp", "located_in", "London")),
    # where someone won is not where they live (lives_in.appos_in keeps "X, a teacher in Dublin")
    ("Tom Hart, winner in Dublin last week, said he was happy.", ("Tom Hart", "lives_in", "Dublin")),
    # a nationality inside a name links only to a country the document names
    ("Troops of the British Army left.", ("British Army", "based_in", "United Kingdom")),
    ("Russia grew as the Russian Empire expanded.", ("Russian Empire", "located_in", "Russia")),
    # the nationality of a noun after the name, not of the name ("the Swedish U.N. mediator")
    ("Sweden sent the Swedish U.N. mediator, Count Folke Bernadotte.", ("United Nations", "based_in", "Sweden")),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "absent"), NEGATIVE)
def test_no_false_fact(nlp, text: str, absent: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert absent not in _pairs(_facts(nlp, text))


@pytest.mark.model
def test_post_with_organisation_replaces_bare_post(nlp) -> None:  # type: ignore[no-untyped-def]
    """"US Commerce Under-Secretary X": the post in the United States, not also a post without organisation."""
    facts = _facts(nlp, "US Commerce Under-Secretary Bill Kerr arrived in Tokyo.")
    posts = {(o, t) for s, r, o, t, _ in facts if r == "holds_position" and s == "Bill Kerr"}
    assert posts and all(o == "United States" for o, _ in posts)


@pytest.mark.model
def test_current_post_is_not_former(nlp) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(nlp, "Acme chief executive Jo Bell resigned on Monday.")
    assert ("Jo Bell", "holds_position", "Acme", "chief executive", False) in facts
    assert not any(f[4] for f in facts)


@pytest.mark.model
def test_former_between_person_and_body(nlp) -> None:  # type: ignore[no-untyped-def]
    """"X, a former member of Y" is a past affiliation; "X, a member of Y" a current one."""
    past = _facts(nlp, "Alexandra Colen, a former member of the Belgian Federal Parliament, spoke.")
    assert ("Alexandra Colen", "affiliated_with", "Belgian Federal Parliament", None, True) in past
    now = _facts(nlp, "Jo Bell, a member of the Green Party, spoke.")
    assert ("Jo Bell", "affiliated_with", "Green Party", None, False) in now
