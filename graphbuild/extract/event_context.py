"""Arguments from context for an event trigger whose own clause names no entity.

News often names the actors of an event in the sentence around the trigger but not on its parse path
("The explosions occurred near the finish line" after a sentence naming Boston), or in the sentence
before ("... Kabul. The blast killed twelve").  :func:`context_argument` takes the nearest named entity
of a compatible type: in the trigger's own sentence first (nearest by token distance), then in the
previous sentence (its subject-like first mention).  The rule on the argument's evidence says which
(``+arg.sentence`` or ``+arg.previous``), so the link stays auditable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from graphbuild.extract.common import EntityIndex, Hit

#: Role of a context argument by event type and entity type (None: not taken).
_ROLES: Final[dict[str, dict[str, str]]] = {
    "Travel": {"Person": "agent", "Organization": "agent", "Country": "destination", "Place": "destination"},
    "Meet": {"Person": "participant", "Organization": "participant", "Country": "participant", "Place": "place"},
    "Statement": {"Person": "agent"},
    "Request": {"Person": "agent", "Organization": "agent", "Country": "agent"},
    "Attack": {"Place": "place", "Country": "place", "Organization": "agent"},
    "Death": {"Person": "target", "Place": "place", "Country": "place"},
    "Personnel": {"Person": "target", "Organization": "participant"},
    "Support": {},  # "help", "support": too often opinion to guess its parties
    "Transfer": {"Organization": "agent", "Person": "agent", "Country": "agent"},
    "Agreement": {"Country": "participant", "Organization": "participant", "Person": "participant"},
    "Sanction": {"Country": "agent", "Organization": "agent"},
    "Protest": {"Place": "place", "Country": "place", "Organization": "agent"},
    "Other": {},
}
#: Tokens either side of the trigger within which a same-sentence entity counts as near.
WINDOW: Final = 12
#: Types whose actors may be named in the sentence before (a happening told over two sentences);
#: a statement's speaker is never guessed across sentences.
_FROM_PREVIOUS: Final = frozenset({"Attack", "Death", "Protest", "Travel"})


#: Verbs whose subject reports a happening rather than taking part in it.
_REPORTING: Final = frozenset({"say", "tell", "announce", "report", "confirm", "claim", "add", "state", "note",
                               "insist", "warn", "explain", "write", "deny", "estimate", "believe", "think"})


def _reports(trigger: Token, start: int, end: int) -> bool:
    """The mention at ``start:end`` is the subject of a reporting verb over ``trigger``: "Yildirim said 200
    people were killed" names who told of the deaths, not who died."""
    root = trigger.doc[start:end].root
    verb = root.head
    return (
        root.dep_ in ("nsubj", "nsubjpass")
        and verb.i != trigger.i
        and verb.lemma_.lower() in _REPORTING
        and trigger.i in {t.i for t in verb.subtree}
    )


def _mentions_in(index: EntityIndex, start: int, end: int) -> list[tuple[int, int, Hit]]:
    return index.within(start, end)


def context_argument(trigger: Token, sent: Span, prev: Span | None, etype: str,
                     index: EntityIndex) -> tuple[str, Hit, Span, str] | None:
    """(role, hit, sentence it is in, rule suffix) of the nearest compatible entity, or None."""
    roles = _ROLES.get(etype, {})
    if not roles:
        return None
    best: tuple[int, str, Hit] | None = None
    for s, e, h in _mentions_in(index, sent.start, sent.end):
        role = roles.get(h.entity.type)
        if role is None or (etype != "Statement" and _reports(trigger, s, e)):
            continue
        dist = trigger.i - e + 1 if e <= trigger.i else s - trigger.i
        if etype == "Statement":
            if s > trigger.i:
                continue  # the speaker comes before the verb when the parse missed it ("X also promised ... and called")
        elif dist > WINDOW:
            continue
        if best is None or dist < best[0]:
            best = (dist, role, h)
    if best is not None:
        return best[1], best[2], sent, "+arg.sentence"
    if prev is None or etype not in _FROM_PREVIOUS:
        return None
    for _s, _e, h in _mentions_in(index, prev.start, prev.end):
        role = roles.get(h.entity.type)
        if role is not None:
            return role, h, prev, "+arg.previous"
    return None
