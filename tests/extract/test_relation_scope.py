"""Relation rules that must not reach past their phrase: a possessive across a coordination, a place inside a
band's name, a nationality before an occupation, a post in counterfactual or quoted speech."""

from __future__ import annotations

import pytest

from tests.extract.test_relations import Triple, _triples

pytestmark = pytest.mark.model

PRESENT: list[tuple[str, Triple]] = [
    # the possessive still reaches its own name
    ("Talks in Delhi were held between Brazil's trade minister Paulo Andrade and Turkish finance minister "
     "Emre Kaya.", ("Paulo Andrade", "affiliated_with", "Brazil")),
    ("Talks in Delhi were held between Brazil's trade minister Paulo Andrade and Turkish finance minister "
     "Emre Kaya.", ("Emre Kaya", "affiliated_with", "Turkish")),
    # a nationality before an occupation is where the person is from
    ("The award went to Canadian director Emma Clarke for her film about fishermen.",
     ("Emma Clarke", "lives_in", "Canadian")),
    # a post of state after a nationality stays a post
    ("French ambassador Jean Dupont met the president in Nairobi.", ("Jean Dupont", "holds_position", "French")),
    # a one-word surname before "of" is still a person from the place
    ("Senator Hawkins of Ohio voted against the bill.", ("Hawkins", "lives_in", "Ohio")),
    # a copula that states a post
    ("Maria Lopez is the president of Peru.", ("Maria Lopez", "holds_position", "Peru")),
]

ABSENT: list[tuple[str, Triple]] = [
    ("Observers said Japan's foreign minister Kenji Sato and German economy minister Lukas Brandt signed it.",
     ("Lukas Brandt", "affiliated_with", "Japan")),
    ("The award went to Canadian director Emma Clarke for her film about fishermen.",
     ("Emma Clarke", "holds_position", "Canadian")),
    ("US economist Laura Finch warned of a slowdown.", ("Laura Finch", "affiliated_with", "US")),
    ("Wales boss Tom Price named his squad.", ("Tom Price", "lives_in", "Wales")),
    ("Sam Reed, the founder of India's Lotus Films, spoke.", ("Sam Reed", "holds_position", "India")),
    ("Also on the bill are Supergrass, Elbow and Kings of Leeds, the organisers said.",
     ("Kings", "lives_in", "Leeds")),
    ('"She would have been a brilliant president of the United States," said Senator Tom Walker.',
     ("Tom Walker", "holds_position", "the United States")),
    ('"He is the best chairman of Acme Corp we ever had," said analyst Ruth Green.',
     ("Ruth Green", "affiliated_with", "Acme Corp")),
    ("Anna Berg would have been president of Chile had the vote gone her way.",
     ("Anna Berg", "holds_position", "Chile")),
]


@pytest.mark.parametrize(("text", "expected"), PRESENT)
def test_relation_found(nlp, text: str, expected: Triple) -> None:  # type: ignore[no-untyped-def]
    assert expected in _triples(nlp, text)


@pytest.mark.parametrize(("text", "absent"), ABSENT)
def test_relation_not_found(nlp, text: str, absent: Triple) -> None:  # type: ignore[no-untyped-def]
    assert absent not in _triples(nlp, text)


def _posts(nlp, text: str) -> set[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    from graphbuild.extract.common import EntityIndex
    from graphbuild.extract.entities import extract_entities
    from graphbuild.extract.relations import extract_relations
    from graphbuild.model import Document

    doc = nlp(text)
    document = Document(id="t", text=text)
    ents = extract_entities(doc, document)
    return {(r.evidence.object_text, r.title) for r in extract_relations(doc, document, ents, EntityIndex(doc, ents))
            if r.relation == "holds_position"}


def test_posts_differing_in_case_are_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Former US President George Miller spoke at the conference. Later, former US president George Miller "
            "left for Boston.")
    assert {t for _, t in _posts(nlp, text)} == {"president"}


def test_posts_differing_in_words_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "US President George Miller spoke. Later, US Vice President Ann Lee left for Boston."
    assert {t for _, t in _posts(nlp, text)} == {"president", "vice president"}
