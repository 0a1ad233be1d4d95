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
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
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


def _conflict(a: Candidate, b: Candidate) -> bool:
    for role in (*_CORE.get(a.event_type, ()), _WHERE):
        roles = (role,) if isinstance(role, str) else role
        ka, kb = a.keys(*roles), b.keys(*roles)
        if ka and kb and not ka & kb:
            return True
    return bool(a.time_text and b.time_text and a.time_text.lower() != b.time_text.lower())


def same_happening(a: Candidate, b: Candidate) -> bool:
    """Whether ``b`` (told in a later sentence) names the happening ``a`` of the same type."""
    if a.event_type == "Statement" or _conflict(a, b):
        return False
    if a.keys() & b.keys():
        return True
    agents_a, agents_b = a.keys("agent"), b.keys("agent")
    if agents_a and agents_b:
        return False  # two parties doing the same thing, with nothing shared: two happenings
    return _word(a)[:5] == _word(b)[:5]
