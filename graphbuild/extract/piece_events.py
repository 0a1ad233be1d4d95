"""Events of a long document's pieces merged across the cuts, on the records (no spaCy Doc).

Inside a piece, :func:`graphbuild.extract.events.extract_events` merges the
mentions of one happening; in one Doc of the whole text it would also merge
them across a cut, with any event of the type within
:data:`~graphbuild.extract.event_merge.MERGE_SPAN` characters.  This module does
that second part on the pieces' :class:`~graphbuild.model.Event` records, by
the same rules read from their arguments (entity keys already joined): one
speaker's Statements are one (unless set apart by their places); two mentions
of a type are one happening when they share an entity and no core role, place
or time conflicts (:mod:`graphbuild.extract.event_merge`), or are named by
the same word with no parties on both sides; a Travel or Meet with a common
party and a compatible place; an event noun naming only a place or an entity
of an earlier event of its type.
"""

from __future__ import annotations

from dataclasses import replace

from graphbuild.extract.event_groups import is_group_argument
from graphbuild.extract.event_merge import MERGE_SPAN, same_happening_by
from graphbuild.model import Argument, Event

__all__ = ["merge_across"]


def _keys(e: Event, *roles: str) -> set[str]:
    return {a.entity for a in e.arguments if (not roles or a.role in roles) and not is_group_argument(a)}


def _word(e: Event) -> str:
    """The trigger's word, inflections folded roughly ("agreed"/"agreement", "talks"/"talk")."""
    word = e.trigger.lower().split(" ")[-1]
    for suffix in ("ment", "ing", "ion", "ed", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word


def mergeable(a: Event, b: Event) -> bool:
    """Whether ``b``, told in a later piece, names the happening ``a`` (the rules of ``event_merge.mergeable``
    for mentions in different sentences)."""
    if a.event_type != b.event_type:
        return False
    if a.status != b.status and a.event_type != "Statement" and not (b.rule == "event.noun" and b.status == "reported"):
        return False
    a_agents, b_agents = _keys(a, "agent"), _keys(b, "agent")
    if a.event_type == "Statement":
        return bool(a_agents & b_agents) and _keys(a, "place") == _keys(b, "place")
    if same_happening_by(a, b, _keys, _word):
        return True
    b_roles = {x.role for x in b.arguments if not is_group_argument(x)}
    if b.rule == "event.noun" and b_roles and b_roles <= {"place"} and (
        _keys(a, "place", "destination") & _keys(b) or not _keys(a, "place", "destination")
    ):
        return True
    if a.event_type in ("Travel", "Meet"):
        dest_a, dest_b = _keys(a, "destination", "place"), _keys(b, "destination", "place")
        if dest_a and dest_b and not dest_a & dest_b:
            return False
        return bool((a_agents | _keys(a, "participant")) & (b_agents | _keys(b, "participant")))
    if a.event_type == "Attack" and a_agents & b_agents and not _keys(a, "target", "destination", "place") \
            and not _keys(b, "target", "destination", "place"):
        return True
    if b.rule != "event.noun" or b_agents or _keys(b, "participant"):
        return False
    return bool(_keys(a) & _keys(b)) or b_roles <= {"place"}


def _absorb(a: Event, b: Event) -> Event:
    have = {(x.role, x.entity) for x in a.arguments}
    args = list(a.arguments) + [x for x in b.arguments if (x.role, x.entity) not in have]
    evidence = {(e.sentence_start, e.subject_text): e for e in (*a.evidence, *b.evidence)}
    quote = a.quote
    if b.quote and quote and b.quote not in quote and quote.count(" … ") < 2:
        quote = f"{quote} … {b.quote}"
    return replace(
        a,
        arguments=tuple(sorted(args, key=_role_order)),
        evidence=tuple(evidence[k] for k in sorted(evidence)),
        quote=quote or b.quote,
        time=a.time or b.time,
        time_text=a.time_text or b.time_text,
        mentions=tuple(sorted({*a.mentions, (b.start, b.end, b.trigger), *b.mentions})),
    )


def _role_order(a: Argument) -> str:
    return a.role  # stable: arguments of one role keep their order


def merge_across(pieces: list[list[Event]]) -> list[Event]:
    """The events of consecutive pieces (each list in text order) with those naming one happening merged.

    An event of a later piece merges into the first event of an earlier piece, of its type and within
    :data:`MERGE_SPAN` characters, that it describes; events are compared only with those near them, so
    the merge stays linear in the document.
    """
    merged: list[Event] = []
    piece_of: list[int] = []  # the piece each merged event came from
    near: dict[tuple[str, int], list[int]] = {}  # (type, start // MERGE_SPAN) -> places in ``merged``
    for n, events in enumerate(pieces):
        for e in events:
            bucket = e.start // MERGE_SPAN
            found = next((i for i in sorted(i for k in (bucket - 1, bucket) for i in near.get((e.event_type, k), ()))
                          if piece_of[i] < n and abs(merged[i].start - e.start) <= MERGE_SPAN
                          and mergeable(merged[i], e)), None)
            if found is None:
                near.setdefault((e.event_type, bucket), []).append(len(merged))
                merged.append(e)
                piece_of.append(n)
            else:
                merged[found] = _absorb(merged[found], e)
    return merged
