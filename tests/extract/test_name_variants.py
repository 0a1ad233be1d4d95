"""Entity types and name variants: clubs and bodies guessed as people, products, common nouns, short forms."""

from __future__ import annotations

import pytest

from graphbuild.extract.entities import extract_entities
from graphbuild.model import Document


def _entities(nlp, text: str) -> dict[str, tuple[str, set[str]]]:  # type: ignore[no-untyped-def]
    """label -> (type, mention texts)."""
    ents = extract_entities(nlp(text), Document(id="t", text=text))
    return {e.label: (e.type, {m.text for m in e.mentions}) for e in ents}


SPORT = " The striker scored two goals in the league match."


@pytest.mark.parametrize(
    ("text", "label", "typ", "texts"),
    [
        # a staff noun between a name and a person: the name is the club
        ("Norwich have signed Brackley midfielder Graham Stuart until May." + SPORT, "Brackley", "Organization",
         {"Brackley"}),
        # a possessive right before a player's full name, and the club's short form joins its full name
        ("Aston Villa's Mark Delaney is injured." + SPORT + " Villa boss David O'Leary was angry.", "Aston Villa",
         "Organization", {"Aston Villa", "Villa"}),
        # a capitalised word before a person's bare name at a sentence start is the given name
        ("Marcel Dessandre insists there is no chance of defeat. Former Chelsea captain Dessandre says so.",
         "Marcel Dessandre", "Person", {"Marcel Dessandre", "Dessandre"}),
        # "its" of the subject: an organisation in every mention
        ("Tepra made its call for new closure powers. Under Tepra's proposal pubs would shut.", "Tepra",
         "Organization", {"Tepra"}),
        # an organisation head noun before the name, even before "said"
        ("The charity Silver Years said the plan was cowardly.", "Silver Years", "Organization", {"Silver Years"}),
    ],
)
def test_typed_and_joined(nlp, text: str, label: str, typ: str, texts: set[str]) -> None:  # type: ignore[no-untyped-def]
    ents = _entities(nlp, text)
    assert label in ents and ents[label][0] == typ
    assert texts <= ents[label][1]


def test_short_form_needs_one_long_name(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "United" beside one "X United" joins it; "Manchester United" alone keeps a bare "United" of an airline apart
    when the document does not name it."""
    ents = _entities(nlp, "Manchester United rejected the bid. A proposal went to David Gill, United's chief executive.")
    assert "United" not in ents and "United" in ents["Manchester United"][1]


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Such painkillers are sold under brand names such as Celebrex and Zolvan. Zolvan was withdrawn last year.",
         "Zolvan"),
        ("The drug Arcoxa was withdrawn. Arcoxa is sold by Merck.", "Arcoxa"),
        ("Bids at the auction were low. Auction spokesman Erik Salo said the tapes were withdrawn.", "Auction"),
        ("He describes himself as an average American Joe, give or take.", "Joe"),
    ],
)
def test_not_an_entity(nlp, text: str, gone: str) -> None:  # type: ignore[no-untyped-def]
    ents = _entities(nlp, text)
    assert gone not in ents
    assert not any(gone in texts for _, texts in ents.values())


@pytest.mark.parametrize(
    ("text", "label", "typ"),
    [
        # a person's pronouns keep a person; a surname of someone named in full is not retyped by "its"
        ("The council condemned the coup by Pierre Valoya. Valoya on Saturday dismissed its threat.", "Pierre Valoya",
         "Person"),
        ("Tom Brackley, who joined in May, scored twice." + SPORT, "Tom Brackley", "Person"),
        # a brand that is a company stays one; a plain name after "such as" is no product
        ("The sportswear brand Nike said sales rose.", "Nike", "Organization"),
        ("Critics such as Helen Marsh said the drug was unsafe.", "Helen Marsh", "Person"),
        # a name written in lower case elsewhere but typed a proper noun by the parser stays
        ("Shell said profits rose. The shell of the building burned. Shell shares fell.", "Shell", "Organization"),
    ],
)
def test_kept(nlp, text: str, label: str, typ: str) -> None:  # type: ignore[no-untyped-def]
    ents = _entities(nlp, text)
    assert label in ents and ents[label][0] == typ


def test_squad_list_players(nlp) -> None:  # type: ignore[no-untyped-def]
    """The names after a line-up header are players; a table's country keeps its type; the header is nobody."""
    text = ("Dalton beat Harwick 2-0 in the league match. The striker scored two goals.\n"
            "Subs Not Used: Macken, Weaver, Onuoha, Jordan.\nBooked: Fowler, Sibierski.")
    ents = _entities(nlp, text)
    assert ents["Weaver"][0] == ents["Onuoha"][0] == "Person"
    assert ents["Jordan"][0] == "Country" and "Booked" not in ents
    # a colon after an ordinary word starts no line-up
    text = "The towns were these: Weaver, Onuoha and Macken each made a film."
    rules = {m.rule for e in extract_entities(nlp(text), Document(id="t", text=text)) for m in e.mentions}
    assert "person.squad" not in rules


def test_player_after_staff_noun_guessed_org() -> None:
    """A plain two-word name after a staff noun, guessed ORG, is the player; a club name with a table word is not."""
    from ..test_entities import mkdoc, summary

    doc, d = mkdoc("Bellamy was hurt by midfielder Olivier Dacourt . The striker scored goals in the league match .",
                   {"0:1": "PERSON", "5:7": "ORG"})
    assert ("Olivier Dacourt", "Person") in summary(extract_entities(doc, d))
    doc, d = mkdoc("He left for club Real Madrid . The striker scored goals in the league match .", {"4:6": "ORG"})
    assert ("Real Madrid", "Person") not in summary(extract_entities(doc, d))
