"""Verb frames: "X lives in Y", "X works for Y" and the verb lists other families share."""

from __future__ import annotations

from collections.abc import Iterator

from graphbuild.extract.common import Hit, token_table
from graphbuild.extract.relation_rules.base import _WORK_VERBS, Context, _pobj_hits, _subject, _tokens
from graphbuild.model import Relation


def rule_verbs(ctx: Context) -> Iterator[Relation]:
    """Dependency rules: X lives in Y; X killed Y / Y was killed by X; X works for Y."""
    index = ctx.index
    for tok in _tokens(ctx.doc, [i for i, pos in enumerate(token_table(ctx.doc).pos) if pos in ("VERB", "AUX")]):
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        sent = ctx.sent_of[tok.i]
        if lemma in _WORK_VERBS:
            subj = _subject(tok, index)
            if subj is None or subj.entity.type != "Person":
                continue
            targets: list[Hit] = [h for _, h in _pobj_hits(tok, index, ("for", "at", "with", "in"))]
            if lemma in ("join", "lead", "head", "run", "found", "represent", "chair", "operate", "manage", "direct"):
                targets += [h for c in tok.children if c.dep_ == "dobj" and (h := index.at(c)) is not None]
            for hit in targets:
                if hit.entity.type == "Organization":
                    yield ctx.rel(subj, "affiliated_with", hit, sent, f"affiliated_with.{lemma}", 0.7)
        elif lemma in _TEAM_VERBS:
            # "X played for Leeds United", "a midfielder who signed for Dinamo": a team is an affiliation
            subj = _subject(tok, index)
            if subj is None or subj.entity.type != "Person":
                continue
            hits = [h for _, h in _pobj_hits(tok, index, ("for",))]
            hits += [h for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"  # "played as a midfielder for Y"
                     for p in c.children if p.dep_ == "pobj" for _, h in _pobj_hits(p, index, ("for",))]
            for hit in hits:
                if hit.entity.type == "Organization":
                    yield ctx.rel(subj, "affiliated_with", hit, sent, f"affiliated_with.{lemma}", 0.7)


#: Verbs whose "for" names the team a player is with.
_TEAM_VERBS = frozenset({"play", "sign", "score", "appear", "captain", "debut"})
