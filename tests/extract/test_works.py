"""Works, prizes, ships and bills are not entities; generic bodies take their country; PETRARCH-derived tables."""

from __future__ import annotations

import pytest

from graphbuild.extract.entities import extract_entities
from graphbuild.extract.entity_steps.works import is_generic
from graphbuild.extract.lexicon import PETRARCH_ROLES, TITLES, WEAK_TITLES
from graphbuild.gazetteer import gazetteer
from graphbuild.model import Document


def _entities(nlp, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {e.label: e.type for e in extract_entities(nlp(text), Document(id="t", text=text))}


# (text, a name that must not be an entity, a name in the same text that must stay one)
NOT_ENTITIES: list[tuple[str, str, str]] = [
    ("She starred in the film Gandhi with Ben Kingsley.", "Gandhi", "Ben Kingsley"),
    ("Ian McEwan won the Booker Prize in 1998.", "Booker Prize", "Ian McEwan"),
    ("HMS Belfast sailed from Portsmouth.", "Belfast", "Portsmouth"),
    ("MPs led by Jane Doe debated the Education Bill on Monday.", "Education", "Jane Doe"),
    ("Skyfall, a 2012 film by Sam Mendes, made money.", "Skyfall", "Sam Mendes"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "absent", "present"), NOT_ENTITIES)
def test_works_and_bills_are_not_entities(nlp, text: str, absent: str, present: str) -> None:  # type: ignore[no-untyped-def]
    ents = _entities(nlp, text)
    assert absent not in ents
    assert present in ents


@pytest.mark.model
def test_real_places_after_similar_words_stay(nlp) -> None:  # type: ignore[no-untyped-def]
    """A place after a verb or a preposition is still a place; "Camp X" read as a person is a place."""
    assert _entities(nlp, "Paris is the capital of France.").get("Paris") == "Place"  # "be" with a non-work noun
    ents = _entities(nlp, "Troops left Belfast for Camp Bastion.")
    assert ents.get("Belfast") == "Place"
    assert ents.get("Camp Bastion") in (None, "Place")


@pytest.mark.model
def test_generic_body_takes_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = _entities(nlp, "Britain's Treasury disagreed. The Treasury said so on Monday.")
    assert ents.get("Treasury (United Kingdom)") == "Organization"
    assert "Treasury" not in ents


@pytest.mark.model
def test_generic_body_without_country_keeps_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = _entities(nlp, "The Treasury said the plan would cost money.")
    assert not any(label.startswith("Treasury (") for label in ents)


def test_generic_names() -> None:
    assert is_generic("Treasury") and is_generic("Finance Ministry") and is_generic("Supreme Court")
    assert is_generic("Ministry of Foreign Affairs")
    assert not is_generic("Bank of England") and not is_generic("Barclays Bank") and not is_generic("Home Office")


def test_petrarch_tables_loaded() -> None:
    """The derived tables ship and feed titles and the gazetteer, with occupations kept weak."""
    assert "finance minister" in PETRARCH_ROLES and "finance minister" in TITLES
    assert "government spokesman" in TITLES
    assert "police officer" in WEAK_TITLES and "finance minister" not in WEAK_TITLES
    hit = gazetteer().lookup("Moro National Liberation Front")
    assert hit is not None and hit.type == "Organization"
    # a curated or country entry is never replaced by the derived table
    uk = gazetteer().lookup("United Kingdom")
    assert uk is not None and uk.type == "Country"
