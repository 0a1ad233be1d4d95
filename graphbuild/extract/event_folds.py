"""Words that are part of a speaker's Statement although another trigger told them.

A speaker's Statement is all of their words on one topic in the article (see :mod:`event_statements`), and three
kinds of mention belong to it although their own trigger gave them another type: the press conference or interview
the speaker spoke at (:func:`_fold_settings`), a request or backing the speaker made in the same utterance
(:func:`fold_spoken_acts`), and an organisation's words that its own spokesperson is quoted saying
(:func:`fold_member_quotes`). :func:`fold_speech_settings` runs the three in that order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from graphbuild.extract.event_merge import fold_pairs, told_with

if TYPE_CHECKING:
    from spacy.tokens import Token

    from graphbuild.extract.common import Hit
    from graphbuild.extract.events import Candidate


#: Verbs by which a speaker asks for or backs something in words: such a Request or Support is part of what the
#: speaker said. Material acts ("pledged £5m", "funded the clinic", "ordered troops in") are not in these lists.
_SPOKEN: Final[dict[str, frozenset[str]]] = {
    "Request": frozenset({"urge", "ask", "call", "appeal", "demand", "request", "plead", "implore", "beg",
                          "advocate", "recommend", "advise"}),
    "Support": frozenset({"back", "endorse", "defend", "support", "praise", "welcome", "hail", "applaud"}),
}


def spoken_act(c: Candidate) -> bool:
    """Whether a Request or Support is told by a speech verb ("urged the board to resign", "backed the plan"), not
    by a noun (which may name another's call: "rejected calls for ...") nor a material act. A legal appeal
    ("will appeal against the ruling") and backing with money ("backed the bid with $5m") are acts, not words."""
    tok = c.trigger
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _SPOKEN.get(c.event_type, ()):
        return False
    if any(ch.dep_ == "prep" and ch.lower_ == "against" for ch in tok.children):
        return False
    return not any(t.ent_type_ == "MONEY" for t in tok.subtree)


#: Dependencies by which one clause tells more of another's words: "urged ..., saying", "said ..., calling for",
#: "in a speech, he called for". Not "and" (two things said: "urged X and said Y"), a relative clause ("Iran,
#: which denies it, urged ..."), nor what was said ("said he would not ask ...": a request told of, not made).
_ELABORATES: Final = frozenset({"advcl", "prep", "pobj", "dobj", "parataxis"})


def _one_utterance(a: Token, b: Token) -> bool:
    """Whether speech triggers ``a`` and ``b`` of one sentence are one utterance: every edge on the dependency path
    between them is one by which a clause tells more of the other's words (:data:`_ELABORATES`)."""
    if a.sent.start != b.sent.start or a.i == b.i:
        return False
    up_a = [a, *a.ancestors]
    at = {t.i: n for n, t in enumerate(up_a)}
    up_b = [b, *b.ancestors]
    for n_b, t in enumerate(up_b):
        if t.i in at:
            steps = up_a[: at[t.i]] + up_b[:n_b]
            return all(x.dep_ in _ELABORATES for x in steps)
    return False


#: A spoken act's roles in the Statement it joins: who was asked is who was addressed; what was backed, spoken of.
_AS_SAID: Final = {"Request": {"target": "participant"}, "Support": {}}


def fold_spoken_acts(merged: list[Candidate], secondary: list[tuple[Candidate, Candidate]]) -> None:
    """A speaker's spoken Request or Support (see :func:`spoken_act`) told in one utterance with that speaker's
    Statement is part of the Statement, not a happening of its own: "Lee urged the board to resign, saying ..." and "'...,' he
    said, calling for an inquiry" are one Statement of Lee's, which keeps the verb among its mentions and the
    person asked as a participant. Every speaker of the act must be a speaker of the Statement, and the two verbs
    one utterance (:func:`_one_utterance`): "urged X and said Y" tells two things said."""
    statements = [m for m in merged if m.event_type == "Statement" and m.args.get("agent")]
    if not statements:
        return
    told = told_with(secondary)
    into: dict[int, Candidate] = {}
    for m in merged:
        if m.event_type not in _SPOKEN or not m.keys("agent"):
            continue
        mine = [m, *told.get(id(m), ())]
        if not all(spoken_act(c) for c in mine):
            continue
        found = [s for s in statements if m.keys("agent") <= s.keys("agent") and any(
            _one_utterance(a.trigger, b.trigger) for a in mine for b in (s, *told.get(id(s), ())))]
        if found:
            into[id(m)] = min(found, key=lambda s: abs(s.trigger.i - m.trigger.i))

    def carry(s: Candidate, m: Candidate) -> None:
        roles = _AS_SAID[m.event_type]
        for role, hits in m.args.items():
            for h in hits:
                s.add(roles.get(role, role), h)

    fold_pairs(merged, secondary, [(m, into[id(m)]) for m in merged if id(m) in into], carry)


#: Where a happening took place (a Meet's roles a Statement takes as its place).
_WHERES: Final = ("place", "destination")
#: Nouns for a speaker's own occasion to speak: "at a press conference", "in an interview", "a news briefing".
_OWN_OCCASIONS: Final = frozenset({"briefing", "interview"})
#: Words that make a conference a speaker's own ("a press conference", "his monthly news conference").
_PRESS: Final = frozenset({"press", "news"})


def _own_occasion(tok: Token) -> bool:
    """Whether the Meet's trigger names a speaker's own occasion to speak rather than a meeting of parties."""
    lemma = tok.lemma_.lower()
    if lemma in _OWN_OCCASIONS:
        return True
    return lemma == "conference" and any(c.dep_ in ("compound", "amod") and c.lower_ in _PRESS for c in tok.children)


def fold_speech_settings(merged: list[Candidate], secondary: list[tuple[Candidate, Candidate]]) -> None:
    """A press conference, briefing or interview whose only parties are a speaker and those the speaker
    addressed is the setting of that speaker's Statement, not a meeting of its own: "At a press conference on
    Tuesday, the minister gave details of the plan" joins the minister's Statement (the nearest one), with its
    places and sentence. A conference with a party who is not in the Statement stays a Meet. Then a speaker's
    spoken request or backing told with the Statement joins it (:func:`fold_spoken_acts`)."""
    _fold_settings(merged, secondary)
    fold_spoken_acts(merged, secondary)
    fold_member_quotes(merged, secondary)


def _fold_settings(merged: list[Candidate], secondary: list[tuple[Candidate, Candidate]]) -> None:
    statements = [m for m in merged if m.event_type == "Statement" and m.args.get("agent")]
    if not statements:
        return
    into: dict[int, Candidate] = {}
    for m in merged:
        if m.event_type != "Meet" or not _own_occasion(m.trigger):
            continue
        who = m.keys() - m.keys(*_WHERES)
        found = [s for s in statements if who and who & s.keys("agent") and who <= s.keys()]
        if found:
            into[id(m)] = min(found, key=lambda s: abs(s.trigger.i - m.trigger.i))

    def carry(s: Candidate, m: Candidate) -> None:
        for role in _WHERES:
            for h in m.args.get(role, []):
                s.add("place", h)
        s.time_text = s.time_text or m.time_text

    fold_pairs(merged, secondary, [(m, into[id(m)]) for m in merged if id(m) in into], carry)


def _named_with(c: Candidate, people: list[Hit], orgs: list[Hit]) -> bool:
    """Whether every organisation of ``orgs`` is named inside the phrase of a speaker of ``people`` in the sentence of
    ``c``: "Tory co-chairman Liam Fox", "Tom Hale, president of the Adoption Council"."""
    doc = c.trigger.doc
    lo, hi = c.sent.start_char, c.sent.end_char
    for h in people:
        if not (lo <= h.mention.start and h.mention.end <= hi):
            continue
        span = doc.char_span(h.mention.start, h.mention.end, alignment_mode="expand")
        if span is None:
            continue
        left, right = span.root.left_edge, span.root.right_edge
        start, end = left.idx, right.idx + len(right.text)
        if all(any(start <= m.start and m.end <= end for m in o.entity.mentions) for o in orgs):
            return True
    return False


def fold_member_quotes(merged: list[Candidate], secondary: list[tuple[Candidate, Candidate]]) -> None:
    """An organisation's Statement that quotes words its own spokesperson is quoted saying in the article is that
    person's Statement ("The Tories accused Lee of being 'terrified' of scrutiny ... Tory co-chairman Liam Fox said
    Lee was 'terrified of facing proper scrutiny'"): it folds into the person's Statement, the person its speaker
    and the organisation a participant. The person must be named with the organisation ("Tory co-chairman Liam
    Fox", "Tom Hale, president of the Adoption Council") and every speaker of the organisation's Statement be one
    so named; a joint statement of two parties, or a party's words no member of it is quoted saying, stay apart."""
    statements = [m for m in merged if m.event_type == "Statement" and m.args.get("agent")]
    if len(statements) < 2:
        return
    told = told_with(secondary)
    into: dict[int, Candidate] = {}
    for m in statements:
        orgs = m.args["agent"]
        if any(h.entity.type == "Person" for h in orgs):
            continue
        quotes = {q.strip(" .,").lower() for c in (m, *told.get(id(m), ())) for q in (c.quote or "").split(" … ")}
        quotes = {q for q in quotes if len(q) > 3}
        if not quotes:
            continue
        for s in statements:
            people = s.args["agent"]
            if s is m or not all(h.entity.type == "Person" for h in people):
                continue
            mentions = (s, *told.get(id(s), ()))
            said = " ".join(c.sent.text.lower() for c in mentions)
            if any(q in said for q in quotes) and any(_named_with(c, people, orgs) for c in mentions):
                into[id(m)] = s
                break

    def carry(to: Candidate, m: Candidate) -> None:
        for role, hits in m.args.items():
            for h in hits:
                to.add("participant" if role == "agent" else role, h)

    fold_pairs(merged, secondary, [(m, into[id(m)]) for m in merged if id(m) in into], carry)
