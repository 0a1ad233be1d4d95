"""Spans spaCy or the tables type that name no person, place or organisation, and formal names of countries.

Parsed with the real pipeline: the rules read the tagger's parts of speech.
"""

from __future__ import annotations

from typing import Any

import pytest

from graphbuild.extract.entities import extract_entities
from graphbuild.model import Document


def _ents(nlp: Any, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(e.label, e.type) for e in extract_entities(doc, Document(id="t", text=text))}


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # a role or show title before a performer noun is no place, person or country
        ("Sopranos actor Mark Delaney and Goodfellas actress Joan Pike attended.", "Goodfellas", "Joan Pike"),
        ("Little Britain star Jo Penn was nominated for the award.", "United Kingdom", "Jo Penn"),
        # fictional characters
        ("The Marvel superhero Ironclad was created in 1962.", "Ironclad", "Marvel"),
        # a bare noun of geography
        ("He stood on the bridge across the River and looked at the Sea beyond.", "Sea", None),
    ],
)
def test_not_a_name(nlp: Any, text: str, absent: str, present: str | None) -> None:
    labels = {label for label, _ in _ents(nlp, text)}
    assert absent not in labels
    assert present is None or present in labels


def test_possessive_ends_a_person_name(nlp: Any) -> None:
    """"Daniel Kay's Harbour": the author, not a person named "Daniel Kay's Harbour"."""
    ents = _ents(nlp, "Daniel Kay's Harbour of Stars won the prize, ahead of Anne Brill's novel.")
    people = {label for label, typ in ents if typ == "Person"}
    assert "Daniel Kay" in people and not any("'s" in p for p in people)


def test_formal_state_names_are_countries(nlp: Any) -> None:
    """"the Republic of Georgia" is the country even though "Georgia" alone is ambiguous; "Republic of Congo"
    is not the Democratic Republic of the Congo."""
    ents = _ents(nlp, "The ship sank in the Republic of Georgia and the Kingdom of Nepal.")
    assert {("Georgia", "Country"), ("Nepal", "Country")} <= ents
    ents = _ents(nlp, "The team beat the Republic of Congo.")
    assert ("Democratic Republic of the Congo", "Country") not in ents


def test_club_star_and_table_places_stay(nlp: Any) -> None:
    """"Chelsea star X": a club spaCy typed an organisation stays; a country before "star" stays."""
    ents = _ents(nlp, "Chelsea star Tom Bell missed, and Brazil star Rui Costa scored.")
    assert ("Chelsea", "Organization") in ents and ("Brazil", "Country") in ents


def test_appositive_after_an_of_phrase_is_not_the_person(nlp: Any) -> None:
    """"X of the Y Council, a citizen action group": the group is the council; X stays a person."""
    text = ('"Society has to change," said Mark Dunne of the Porto Council, a Madrid-based citizen action group.')
    assert ("Mark Dunne", "Person") in _ents(nlp, text)


def test_one_of_the_firms_appositive(nlp: Any) -> None:
    """"One of the country's largest satellite companies, X": X is a company."""
    text = "One of the country's largest satellite companies, Starvox, launched a recorder."
    assert ("Starvox", "Organization") in _ents(nlp, text)


def test_dash_appositive_and_a_character_word_before_a_comma(nlp: Any) -> None:
    """"X - a mining firm" is an organisation cue; "a larger than life character, Hale" is a person."""
    ents = _ents(nlp, '"We regret it," said Ivan Pavlov, deputy chairman of Copper Ridge - a mining firm based in Perm.')
    assert ("Copper Ridge", "Organization") in ents and ("Ivan Pavlov", "Person") in ents
    ents = _ents(nlp, "A larger than life character, Hale had coached the side to the title in 1985.")
    assert ("Hale", "Person") in ents


def test_music_genres_are_no_entities(nlp: Any) -> None:
    """"R&B singer X", "Hip-Hop star Y": the genre is neither a band nor a person."""
    ents = _ents(nlp, "R&B singer Kayla Moss leads the race, ahead of Hip-Hop star Dee Jones. R&B sells well.")
    labels = {label for label, _ in ents}
    assert "R&B" not in labels and "Hip-Hop" not in labels and "Kayla Moss" in labels


def test_second_appositive_is_not_the_persons(nlp: Any) -> None:
    """"X, founder of the Y Fund, one of the charities ...": the charity is the fund."""
    text = ("Anna Mbeki Rowe, founder of the Hope Fund (HF), one of the organisations through which the money "
            "is paid, said it was welcome.")
    assert ("Anna Mbeki Rowe", "Person") in _ents(nlp, text)
