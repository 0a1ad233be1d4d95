"""When an event happens, as its sentence says: the time expression on its head word ("on Monday", "last
month") and whether the trigger is in the future tense, so that the time resolves forward."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["is_future", "time_of"]


def _date_text(tok: Token) -> str | None:
    """The DATE/TIME entity at ``tok`` when it reads as a time ("Wednesday", "last month", "4 May 2005")."""
    if tok.ent_type_ not in ("DATE", "TIME"):
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1  # the entity around tok (not a scan of doc.ents: linear on long documents)
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    text = doc[start:end].text.strip()
    if not re.search(r"[A-Za-z]", text) and not re.fullmatch(r"(1[89]|20)\d\d|\d{4}-\d{2}-\d{2}", text):
        return None  # "93" in "died aged 93" is an age, not a time
    if re.match(r"(?i)(aged?|\d+[- ]year[- ]old)", text):
        return None
    return text


def time_of(head: Token) -> str | None:
    """The time expression attached to an event's head word, if any."""
    for child in head.children:
        if child.ent_type_ in ("DATE", "TIME") and child.dep_ in ("npadvmod", "tmod", "obl", "advmod", "nmod"):
            found = _date_text(child)
            if found is not None:
                return found
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "during", "since", "until"):
            for pobj in child.children:
                if pobj.ent_type_ in ("DATE", "TIME"):
                    found = _date_text(pobj)
                    if found is not None:
                        return found
    return None


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_PLAN_LEMMAS = frozenset({"plan", "expect", "schedule", "due", "set", "intend", "prepare", "aim"})


def is_future(tok: Token) -> bool:
    """Whether an event's trigger is in the future tense ("will meet", "plans to travel", "will hold talks"),
    so that its time expression resolves forward (see :func:`graphbuild.extract.dates.resolve_time`)."""
    cur = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") else tok
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in cur.children):
            return True
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in _PLAN_LEMMAS:
            return True
        if cur.dep_ not in ("xcomp", "conj") or cur.head is cur:
            return False
        cur = cur.head
    return False
