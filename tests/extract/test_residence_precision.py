"""Residence (lives_in) and killing (killed) guards: sentences each guard must stop and near misses it must keep."""

from __future__ import annotations

import pytest

from graphbuild.extract.relation_rules.killings import kill_path
from tests.extract.test_relation_precision import _facts, _pairs

#: A short sports report: a town before a player names a club.
SPORT = ("The striker and the goalkeeper trained before the league fixture, and the referee gave a penalty after the "
         "goal. Bristol youngster Tom Pryce came off the bench in the second half of the match.")

# a sentence and a (subject, relation, object) it must not give
NEGATIVE = [
    # a place standing for a trade
    ("Hollywood actor Ben Crane arrived at the gala in a vintage car.", ("Ben Crane", "lives_in", "Hollywood")),
    ("Kim Abel of the Hollywood Reporter called the film moving.", ("Kim Abel", "lives_in", "Hollywood")),
    # a place inside a body's name ("Bank of Scotland")
    ("Royal Bank of Scotland chief executive Jim Dorn quit on Friday.", ("Jim Dorn", "lives_in", "Scotland")),
    # a town before a player in a sports report is a club
    (SPORT, ("Tom Pryce", "lives_in", "Bristol")),
    # an office's place is no home
    ('"Sales rose," said Maria Lopez, managing director of Acme in Spain.', ("Maria Lopez", "lives_in", "Spain")),
    ('"Sales rose," said Maria Lopez, the regional police chief in Seville.', ("Maria Lopez", "lives_in", "Seville")),
    # "settle for" a medal is no settling in a place
    ("Jon Kemp had to settle for silver in Athens after a poor start.", ("Jon Kemp", "lives_in", "Athens")),
    # a firm named after a town; a ruler's country
    ("Tucson analyst Joe Barr said sales would fall.", ("Joe Barr", "lives_in", "Tucson")),
    ("Victims of former Peruvian military ruler Juan Ortiz will be paid.", ("Juan Ortiz", "lives_in", "Peru")),
]


@pytest.mark.parametrize(("text", "fact"), NEGATIVE)
def test_residence_guard_stops(nlp, text: str, fact: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert fact not in _pairs(_facts(nlp, text))


POSITIVE = [
    ("Canadian singer Anna Belle opened the festival.", ("Anna Belle", "lives_in", "Canada")),
    ("Leeds pensioner Mary Green won the lottery.", ("Mary Green", "lives_in", "Leeds")),
    ("Kenyan world champion Grace Otieno won the race by five seconds.", ("Grace Otieno", "lives_in", "Kenya")),
    ("Mark Hall of Miami was charged with fraud on Tuesday.", ("Mark Hall", "lives_in", "Miami")),
    ("Tom Reed, a lawyer in Boston, said the case would fail.", ("Tom Reed", "lives_in", "Boston")),
    ("Ed Lutz, 40, from Bristol, was fined for speeding.", ("Ed Lutz", "lives_in", "Bristol")),
    ("Mark Paulsen, a South African financier, bid for the chain.", ("Mark Paulsen", "lives_in", "South Africa")),
    ("Karen Doyle, who settled in Cardiff in 1990, wrote the book.", ("Karen Doyle", "lives_in", "Cardiff")),
]


@pytest.mark.parametrize(("text", "fact"), POSITIVE)
def test_residence_guard_keeps(nlp, text: str, fact: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert fact in _pairs(_facts(nlp, text))


@pytest.mark.parametrize(("path", "ok"), [
    ("<nsubj shoot >dobj", True), (">appos assassin >prep of >pobj", True), ("<pobj by <agent murder >nsubjpass", True),
    ("<nsubj fire >dobj shot >relcl kill >dobj", True),
    ("<nsubjpass set <conj be >nsubj", False), ("<npadvmod call >dobj", False), ("<pobj by <agent cut <relcl", False),
])
def test_learnt_killed_path_needs_a_word_of_killing(path: str, ok: bool) -> None:
    assert kill_path(path) is ok


def test_team_sheet_gives_no_killing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Hooker Dai Morgan is doubtful after a knee injury, but centre Rhys Parry and flanker Owen Tudor are set "
            "to recover in time to be in contention for selection.")
    assert not [f for f in _pairs(_facts(nlp, text)) if f[1] == "killed"]


@pytest.mark.parametrize(("path", "presence"), [
    ("<nsubj leave >dobj", True), ("<nsubj win >prep in >pobj", True), (">prep at >pobj", True),
    ("<nsubjpass bear >prep in >pobj", False), (">appos PROPN >prep from >pobj", False),
])
def test_learnt_residence_path_is_no_presence(path: str, presence: bool) -> None:
    from graphbuild.extract.relation_rules.residence import presence_path

    assert presence_path(path) is presence


def test_place_possessive_gives_no_residence(nlp) -> None:  # type: ignore[no-untyped-def]
    facts = _pairs(_facts(nlp, "Fans queued for hours to see Bristol's Tom Pryce sign copies of his book."))
    assert not [f for f in facts if f[1] == "lives_in"]
