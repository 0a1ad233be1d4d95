"""A plural name after "the" is a band, team or family, never a person; plural honorifics and a stray full stop
are no part of a person's name.  Invented sentences, parsed with the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from graphbuild.extract.entities import extract_entities
from graphbuild.model import Document


def _ents(nlp: Any, text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {e.label: (e.type, e.aliases) for e in extract_entities(nlp(text), Document(id="t", text=text))}


def test_family_plural_is_neither_the_person_nor_an_entity(nlp: Any) -> None:
    text = "Later the Carvilles arrived, and Tom Carville said the Carvilles were tired."
    ents = _ents(nlp, text)
    assert ents["Tom Carville"] == ("Person", ())
    assert "Carvilles" not in ents


@pytest.mark.parametrize(
    "text",
    [
        "The Brackens played in Leeds. The Brackens toured.",
        "We liked the Zombettes and the Crowleys.",
    ],
)
def test_plural_name_after_the_is_no_person(nlp: Any, text: str) -> None:
    ents = _ents(nlp, text)
    assert all(t != "Person" for t, _ in ents.values()), ents


def test_kin_noun_or_a_named_surname_keeps_the_people(nlp: Any) -> None:
    text = "The Danvers sisters won the doubles, and Clara Danvers said the Danvers would play again."
    ents = _ents(nlp, text)
    assert ents["Clara Danvers"][0] == "Person"
    assert all(t != "Organization" for t, _ in ents.values()), ents


def test_plural_honorific_is_no_given_name(nlp: Any) -> None:
    text = "Lord Penrose heard the appeal. Lords Penrose and Whitcombe said the ruling was wrong."
    labels = set(_ents(nlp, text))
    assert "Lords Penrose" not in labels
    assert "Penrose" in labels


def test_stray_full_stop_leaves_the_label(nlp: Any) -> None:
    text = "Orders rose again in March, said Norvald Mass."
    ents = _ents(nlp, text)
    assert "Norvald Mass" in ents, ents
    assert not any(label.endswith(".") for label in ents)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The pack of Tom Lund, Hale and Jim Reed played well, and Mr Hale was the best.", "Hale"),
        ("Coach Ann Bray said Wilde and Jim Reed were fine, and Ed Wilde agreed.", "Ed Wilde"),
    ],
)
def test_a_surname_before_and_is_no_sibling(nlp: Any, text: str, person: str) -> None:
    """"Wilde and Jim Reed" names two people when Wilde is a surname here (a list, an honorific, a full name)."""
    ents = _ents(nlp, text)
    assert ents["Jim Reed"][0] == "Person"
    assert ents[person][0] == "Person"
    assert not any(label.endswith(" Reed") and label != "Jim Reed" for label in ents), ents


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ('"We will appeal," Rodeck spokesman Mike Lane told reporters. Rodeck was fined in May.', "Rodeck"),
        ('"It is good," said Dalvin spokeswoman Jo Hart. Dalvin makes tyres.', "Dalvin"),
    ],
)
def test_the_name_before_spokesman_is_a_body(nlp: Any, text: str, body: str) -> None:
    ents = _ents(nlp, text)
    assert ents[body][0] == "Organization", ents


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ('"We will win," said a Kerrigan spokesman. John Kerrigan has led the polls.', "John Kerrigan"),
        ('"No comment," said Peter Dunmore spokesman Rupert Cole. Peter Dunmore is on tour.', "Peter Dunmore"),
    ],
)
def test_a_persons_spokesman_keeps_the_person(nlp: Any, text: str, person: str) -> None:
    assert _ents(nlp, text)[person][0] == "Person"


def test_a_one_word_side_in_a_match_report_is_a_team(nlp: Any) -> None:
    text = ("Wexham beat Dunmore 2-1 in the league match. The striker scored twice against Dunmore, and coach "
            "Tom Reeve said Dunmore were unlucky.")
    ents = _ents(nlp, text)
    assert ents["Dunmore"][0] == "Organization", ents
    assert ents["Tom Reeve"][0] == "Person"


def test_a_player_named_in_full_stays_a_person_after_beat(nlp: Any) -> None:
    text = "Anton Varga reached the final of the tennis tournament. Varga beat Kessler in the match and the championship."
    text += " Paul Kessler said Varga was seeded well."
    ents = _ents(nlp, text)
    assert ents["Paul Kessler"][0] == "Person", ents
    assert "Kessler" not in ents or ents["Kessler"][0] == "Person"


def test_united_joins_the_club_named_after_a_place(nlp: Any) -> None:
    text = "Leeds United shares rose as Supporters United, the fans group, met. United's board said no."
    ents = _ents(nlp, text)
    assert "United" in ents["Leeds United"][1], ents
    assert "United" not in ents


def test_world_opens_the_agency_name(nlp: Any) -> None:
    text = "The ban was lifted, but World Anti-Doping Agency chief Dick Pound said no. The US Anti-Doping Agency agreed."
    ents = _ents(nlp, text)
    assert ents["World Anti-Doping Agency"][0] == "Organization", ents


def test_a_ground_named_alone_is_a_place(nlp: Any) -> None:
    text = "The sides meet again at Highbury in March, and fans say the striker will soon leave Anfield."
    ents = _ents(nlp, text)
    assert ents["Highbury"][0] == "Place", ents
    assert ents["Anfield"][0] == "Place", ents


def test_two_names_before_a_noun_stay_people(nlp: Any) -> None:
    text = "She sang in the Rogers and Hart revue. Later the Hollins and Bray musical opened in London."
    ents = _ents(nlp, text)
    assert all(t != "Organization" for label, (t, _) in ents.items() if label in {"Rogers", "Hollins"}), ents


def test_a_surname_before_a_noun_stays_a_person(nlp: Any) -> None:
    text = "Critics of the Hastings report said Tom Hale was wrong. The Hastings report was published in May."
    ents = _ents(nlp, text)
    assert ents.get("Hastings", ("Person",))[0] != "Organization", ents


def test_a_rank_abbreviation_is_no_given_name(nlp: Any) -> None:
    text = "Col Brandt said the troops left. Hans Brandt is a colonel."
    ents = _ents(nlp, text)
    assert "Col Brandt" not in ents
    assert "Brandt" in ents["Hans Brandt"][1], ents
