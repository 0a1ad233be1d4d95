"""One event per happening per document: when two mentions in different sentences are the same event.

News tells a happening over several sentences ("Iraqi troops attacked Arbil ... The assault on Arbil
began at dawn"; "the talks in Germany ... Germany hosted the talks"; "Iran and China agreed ... The two
agreed to ...").  Two mentions of one type in one document are one event when

- they share an entity (in any role) and no core role conflicts: two attacks on different targets, two
  appointments of different people, two happenings in different places, or two different explicit times
  stay apart; or
- they are named by the same word ("the talks" ... "talks", "agreed" ... "agreement") and neither has a
  party the other lacks a match for (no conflicting core role either).

Statements have their own rule (one speaker, one Statement) in :func:`graphbuild.extract.events._mergeable`.

A killing told in the clause of the attack that caused it is that attack (:func:`attack_of_death`): "a suicide
bomber attacked a police station in Kabul, killing 12 people", "the building was shattered by an explosion,
killing 168", "seven militants were killed in two explosions". The Attack keeps the dead as its targets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Protocol, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Token

    from graphbuild.extract.events import Candidate

#: Roles whose fillers tell two happenings of a type apart when both are named and disjoint.
_CORE: Final[dict[str, tuple[str, ...]]] = {
    "Attack": ("target",),
    "Death": ("target",),
    "Personnel": ("target",),
    "Transfer": ("target",),
    "Sanction": ("target",),
    "Support": ("target",),
    "Request": ("target",),
    "Travel": ("destination",),
}
#: Where it happened: two mentions in disjoint places are two happenings.
_WHERE: Final = ("place", "destination")


def _word(c: Candidate) -> str:
    """The trigger's word, noun and verb forms folded ("agreed"/"agreement", "talks"/"talk")."""
    word = c.trigger.lemma_.lower()
    for suffix in ("ment", "ing", "ion"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word


class _Told(Protocol):
    """What the merge rule reads of a mention: a Candidate here, an Event record across a long text's pieces."""

    @property
    def event_type(self) -> str: ...

    @property
    def time_text(self) -> str | None: ...


_T = TypeVar("_T", bound=_Told)


def conflicts(a: _T, b: _T, keys: Callable[..., set[str]]) -> bool:
    """Whether a core role, the place or an explicit time of ``a`` and ``b`` are both named and disjoint;
    ``keys(x, *roles)`` gives the entity keys of ``x`` in those roles (all roles when none)."""
    for role in (*_CORE.get(a.event_type, ()), _WHERE):
        roles = (role,) if isinstance(role, str) else role
        ka, kb = keys(a, *roles), keys(b, *roles)
        if ka and kb and not ka & kb:
            return True
    return bool(a.time_text and b.time_text and a.time_text.lower() != b.time_text.lower())


def same_happening_by(a: _T, b: _T, keys: Callable[..., set[str]], word: Callable[[_T], str]) -> bool:
    """Whether ``b`` (told later) names the happening ``a`` of the same type, reading arguments by ``keys``
    and the trigger's folded word by ``word``."""
    if a.event_type == "Statement" or conflicts(a, b, keys):
        return False
    if keys(a) & keys(b):
        return True
    if keys(a, "agent") and keys(b, "agent"):
        return False  # two parties doing the same thing, with nothing shared: two happenings
    return word(a)[:5] == word(b)[:5]


def _candidate_keys(c: Candidate, *roles: str) -> set[str]:
    return c.keys(*roles)


def same_happening(a: Candidate, b: Candidate) -> bool:
    """Whether ``b`` (told in a later sentence) names the happening ``a`` of the same type."""
    return same_happening_by(a, b, _candidate_keys, _word)


#: Prepositions by which a killing names the attack it happened in ("killed in a car bombing", "died in the
#: attacks", "killed by an explosion").
_CAUSE_PREPS: Final = frozenset({"in", "by", "during"})
#: Nouns that count attacks ("a series of attacks"): the attack under them is the one meant.
_COUNTING: Final = frozenset({"series", "wave", "spate", "string", "number", "round", "barrage", "volley"})


def _attack_at(tok: Token, attacks: dict[int, Candidate]) -> Candidate | None:
    """The Attack whose trigger is ``tok``, or is counted by it ("a series of attacks")."""
    if tok.i in attacks:
        return attacks[tok.i]
    if tok.lemma_.lower() in _COUNTING:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.i in attacks:
                        return attacks[pobj.i]
    return None


def attack_of_death(death: Candidate, attacks: dict[int, Candidate]) -> Candidate | None:
    """The Attack a Death verb is the outcome of in one clause (``attacks``: Attack candidates by trigger
    token), or None: "attacked a police station, killing 12" and "launched a series of attacks, killing 130"
    (the participle on the attack's clause), "was shattered by an explosion, killing 168", "were killed in
    two explosions" (the attack in the killing's own phrase). Two clauses joined by "and" ("attacked the
    town and killed five") stay two events, as do a killing and an attack in different clauses."""
    tok = death.trigger
    if tok.pos_ != "VERB":
        return None
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i != tok.i:
        head = tok.head
        found = _attack_at(head, attacks)
        if found is not None:
            return found
        for c in head.children:
            objs = [c] if c.dep_ in ("dobj", "nsubj", "nsubjpass") else []
            if c.dep_ == "agent":
                objs = [p for p in c.children if p.dep_ == "pobj"]
            for o in objs:
                found = _attack_at(o, attacks)
                if found is not None:
                    return found
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in _CAUSE_PREPS:
            for pobj in prep.children:
                found = _attack_at(pobj, attacks) if pobj.dep_ == "pobj" else None
                if found is not None:
                    return found
    return None


def fold_killings(cands: list[Candidate]) -> list[Candidate]:
    """A killing told as the outcome of an attack in its clause joins that Attack (see :func:`attack_of_death`):
    the dead are its targets, the place its place. The killing's subject is not carried over: in "was
    shattered by an explosion, killing 168" it is what was hit."""
    attacks = {c.trigger.i: c for c in cands if c.event_type == "Attack"}
    if not attacks:
        return cands
    kept: list[Candidate] = []
    for cand in cands:
        attack = attack_of_death(cand, attacks) if cand.event_type == "Death" else None
        if attack is None or attack.status != cand.status:
            kept.append(cand)
            continue
        for role in ("target", "place"):
            for h in cand.args.get(role, []):
                attack.add(role, h)
        attack.mentions.append((cand.start, cand.end, cand.label))
    return kept
