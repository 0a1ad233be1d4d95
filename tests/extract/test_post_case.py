"""One spelling per post; a portfolio before a post is no organisation; a title word that only qualifies a noun."""

from __future__ import annotations

import pytest

from graphbuild.extract.common import EntityIndex
from graphbuild.extract.entities import extract_entities
from graphbuild.extract.relation_rules.titles import post_case
from graphbuild.extract.relations import extract_relations
from graphbuild.model import Document

Fact = tuple[str, str, str, str | None]  # subject label, relation, object label (or "self"), title


def _facts(nlp, text: str) -> set[Fact]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    document = Document(id="t", text=text)
    ents = extract_entities(doc, document)
    label = {e.key: e.label for e in ents}
    return {(label[r.subject], r.relation, "self" if r.object == r.subject else label[r.object], r.title)
            for r in extract_relations(doc, document, ents, EntityIndex(doc, ents))}


@pytest.mark.parametrize(("written", "canonical"), [
    ("Shadow Foreign Secretary", "shadow foreign secretary"),
    ("President", "president"),
    ("Chief Operating Officer", "chief operating officer"),
    ("Vice-President", "vice-president"),
    ("MP", "MP"),
    ("CEO", "CEO"),
    ("Asia director", "Asia director"),
    ("Welsh Secretary", "Welsh secretary"),
    ("Labour leader", "Labour leader"),
    ("Home Office Minister", "home office minister"),
])
def test_post_case(written: str, canonical: str) -> None:
    assert post_case(written) == canonical


def test_post_case_is_idempotent() -> None:
    for title in ("Deputy Prime Minister", "Europe editor", "US Attorney", "head of Asia sales"):
        assert post_case(post_case(title)) == post_case(title)


def test_one_post_whatever_its_case(nlp) -> None:  # type: ignore[no-untyped-def]
    """The same post written with capitals in one sentence and without in another has one spelling; and the
    spelling does not depend on the sentence, so other documents give the same title."""
    upper = _facts(nlp, "Norland Chief Executive Ruth Penn said profits would rise.")
    lower = _facts(nlp, "Norland chief executive Ruth Penn said profits would rise.")
    assert ("Ruth Penn", "holds_position", "Norland", "chief executive") in upper
    assert {f for f in upper if f[1] == "holds_position"} == {f for f in lower if f[1] == "holds_position"}


@pytest.mark.parametrize("text", [
    "Health spokesman Tom Reed said the hospitals were full.",
    "Home Affairs spokeswoman Ruth Lane demanded answers.",
    "Monetary Affairs Commissioner Pia Lund said the euro was strong.",
    "Communications director Dan Holt said the league would act.",
    "Ex-Home Secretary Jane Marsh backed the plan.",
])
def test_portfolio_is_no_organisation(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    """A portfolio before a post ("Health spokesman", "Monetary Affairs Commissioner") is part of the post, not
    a body the person works for, even when the entity layer made a name of it."""
    facts = _facts(nlp, text)
    assert not [f for f in facts if f[1] in ("affiliated_with", "holds_position") and f[2] != "self"], facts


def test_portfolio_post_kept_as_a_post(nlp) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(nlp, "Monetary Affairs Commissioner Pia Lund said the euro was strong.")
    assert ("Pia Lund", "holds_position", "self", "monetary affairs commissioner") in facts


def test_body_before_a_post_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    """A department that is a body ("the Treasury") stays the person's organisation."""
    facts = _facts(nlp, "Treasury spokesman Tom Reed said the figures were wrong.")
    assert ("Tom Reed", "affiliated_with", "Treasury", None) in facts


def test_title_word_before_a_noun_is_not_the_post(nlp) -> None:  # type: ignore[no-untyped-def]
    """"chief economist", "general manager": the post is the whole phrase, and a country before an occupation is
    no post of the state."""
    facts = _facts(nlp, "Ann Cole, US chief economist at Barwell Bank, said rates would rise.")
    assert not [f for f in facts if f[1] == "holds_position" and f[2] == "United States"], facts
    facts = _facts(nlp, "Ann Cole, Norland's general manager, said sales were up.")
    assert ("Ann Cole", "holds_position", "Norland", "general manager") in facts


def test_descriptor_before_the_firm(nlp) -> None:  # type: ignore[no-untyped-def]
    """"head of MMS firm Zentrix": the name before "firm" says what the firm does; the firm is the name after it,
    also when only a description stands between the post and the name."""
    facts = _facts(nlp, "Tom Hale, head of SMS firm Zentrix, said the deal was good.")
    assert ("Tom Hale", "holds_position", "Zentrix", "head") in facts
    assert not [f for f in facts if f[2] == "SMS"], facts
    facts = _facts(nlp, "Tom Hale, chief executive of online bank Zentrix, said the deal was good.")
    assert ("Tom Hale", "holds_position", "Zentrix", "chief executive") in facts


def test_fictional_figure_works_for_nobody(nlp) -> None:  # type: ignore[no-untyped-def]
    """"the Marvel hero X": a character of the publisher, not its employee."""
    facts = _facts(nlp, "Fans cheered the Marvel hero Tom Blake in the film.")
    assert not [f for f in facts if f[1] == "affiliated_with"], facts
    assert ("Tom Blake", "affiliated_with", "Acme", None) in _facts(nlp, "Fans cheered the Acme manager, Tom Blake.")


@pytest.mark.parametrize("text", [
    "Friends actress Ann Lowe joined the cast.",
    "Microsoft fan Tom Blake queued all night.",
    "The minister was joined by Tom Blake at Welling School in Kent.",
])
def test_no_membership_from_a_role_a_use_or_a_venue(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(nlp, text)
    assert not [f for f in facts if f[1] == "affiliated_with"], facts


@pytest.mark.parametrize(("text", "fact"), [
    ("Microsoft engineer Tom Blake built it.", ("Tom Blake", "affiliated_with", "Microsoft", None)),
    ('"Costs are rising," said analyst Tom Blake at Merrill Lynch.',
     ("Tom Blake", "affiliated_with", "Merrill Lynch", None)),
])
def test_membership_kept(nlp, text: str, fact: Fact) -> None:  # type: ignore[no-untyped-def]
    assert fact in _facts(nlp, text)


def test_list_of_people_and_bodies_pairs_each_with_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    """In a list of people with their bodies or posts, a body belongs to the name next to it, not to a name
    across another person ("A of X; B of Y", "X chairman A , Y chairman B")."""
    facts = _facts(nlp, "Others include Tom Blake of Zentrix Partners; Ann Lowe of Norland Foods and Bill Hart of "
                        "Acme Corp.")
    assert ("Ann Lowe", "affiliated_with", "Acme Corp.", None) not in facts
    facts = _facts(nlp, "The peak was measured in 2001 by Tom Blake and Ann Lowe of the Omega Foundation.")
    assert ("Tom Blake", "affiliated_with", "Omega Foundation", None) in facts  # "A and B of X": both
    facts = _facts(nlp, "Acme chairman Tom Blake, Zentrix chairman Bill Hart and the minister Ann Lowe signed.")
    assert ("Bill Hart", "holds_position", "Zentrix", "chairman") in facts
    assert not [f for f in facts if f[0] != "Bill Hart" and f[2] == "Zentrix"], facts
    assert not [f for f in facts if f[0] == "Ann Lowe" and f[2] != "self"], facts
    assert ("Tom Blake", "holds_position", "Zentrix", "chairman") in _facts(nlp, "Tom Blake, Zentrix chairman, said so.")


def test_comma_set_name_keeps_its_body(nlp) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(nlp, "Ann Lowe, columnist for the Daily Courier, has reported on politics for years.")
    assert ("Ann Lowe", "affiliated_with", "Daily Courier", None) in facts


def test_country_before_a_post_of_a_body_is_the_branch(nlp) -> None:  # type: ignore[no-untyped-def]
    """"X , Welsh secretary of the BMA": the post is at the body after it; a post of state keeps its country."""
    facts = _facts(nlp, "Dr Ann Lowe, Welsh secretary of the British Medical Association, welcomed the targets.")
    assert ("Ann Lowe", "holds_position", "British Medical Association", "secretary") in facts
    assert not [f for f in facts if f[2] == "Wales" and f[1] in ("holds_position", "affiliated_with")], facts
    facts = _facts(nlp, "Tom Blake, British ambassador to the United Nations, said so.")
    assert ("Tom Blake", "holds_position", "United Kingdom", "ambassador") in facts
