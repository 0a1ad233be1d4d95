"""Relations from dependency paths induced from training data (:mod:`graphbuild.extract.dep_paths`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from graphbuild.extract import dep_paths
from graphbuild.extract.common import Hit
from graphbuild.extract.lexicon import PERSON_NOUNS, POST_HEADS, TITLES
from graphbuild.extract.relation_rules.base import _RANKS, Context, _of_topic
from graphbuild.extract.relation_rules.killings import kill_path, killing_said
from graphbuild.extract.relation_rules.residence import presence_path
from graphbuild.extract.relation_rules.titles import portfolio
from graphbuild.model import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Relations a learnt path never gives (see :func:`rule_dep_path`).
_CONTAINMENT = frozenset({"located_in", "based_in"})


def rule_dep_path(ctx: Context) -> Iterator[Relation]:
    """Mention pairs of one sentence joined by a dependency path of the induced pattern table.

    See :mod:`graphbuild.extract.dep_paths`; the evidence names the row (``dep_path:p0013``) and the
    confidence is the row's precision on the split it was induced from.
    """
    table = dep_paths.load_table()
    if not table:
        return
    doc = ctx.doc
    by_sent: dict[int, list[tuple[Hit, tuple[int, int]]]] = {}
    for s, e, hit in ctx.index.spans:
        if hit.mention.text.lower().rstrip(".") not in _RANKS:  # "Lt" read as a name
            by_sent.setdefault(ctx.sent_of[s].start, []).append((hit, (s, e)))
    for items in by_sent.values():
        for subj, a in items:
            for obj, b in items:
                if subj.entity.key == obj.entity.key or a[0] == b[0]:
                    continue
                st, ot = subj.entity.type, obj.entity.type
                pat = dep_paths.match(doc, a, b, st, ot, table)
                if pat is None or not dep_paths.permits(pat, st, ot):
                    continue
                relation = pat.relation
                # containment is left to the geography rules: paths learnt for it read fixture lists ("A v B"),
                # lists of nominees and of towns as one name inside another (an audit of a whole-BBC build found
                # every drawn one wrong; dropping them cost 1 % of Re-DocRED dev recall and no news dev gold hit)
                if relation in _CONTAINMENT:
                    continue
                # a surface row with no word between the two names ("S , O", "O S") reads lists and neighbours
                # as membership: "Lewsey , Erinle , Abbott", "Gretchen Wilson , Hoobastank", "New Yorker Dick
                # Morris" (an audit of a whole-BBC build found nearly all wrong; no dev gold or Re-DocRED hit)
                if pat.level == "surface" and not any(w.isalpha() for w in pat.path.split() if w not in ("S", "O")) \
                        and not _post_after(doc, b[1], ctx.sent_of[b[0]].end):  # "Tom Hale , Oxfam policy adviser"
                    continue
                # a person's possessive is mostly a work ("Philip Roth 's The Plot Against America", "Tarkovsky 's
                # Stalker"); the party case is affiliated_with.person_poss ("Brian Mulroney 's Conservative Party")
                if relation == "affiliated_with" and pat.path == "<poss":
                    continue
                # a portfolio before a post is no body: "Health spokesman X", "Home Affairs Commissioner Y"
                if relation in ("affiliated_with", "holds_position") and portfolio(obj):
                    continue
                # another person between the two, or after the body's post, is the one it belongs to: "A of Acme;
                # B of Zentrix", "Acme chairman A , Zentrix chairman B", "Chancellor B and Acme President C"
                if relation == "affiliated_with" and subj.entity.type == "Person" \
                        and _other_person_near(ctx, subj, a, b, ctx.sent_of[b[0]].end):
                    continue
                # a bare noun modifier (">nmod": "Man-of-the-match X", "Liverpool forward X") is left to the
                # premodifier rules (lives_in.geo_noun), which know posts, teams and names of works
                if relation == "lives_in" and (_presence(pat.path) or _post_above(doc, b, a)
                                               or pat.path.split()[0] == ">nmod" or presence_path(pat.path)):
                    continue
                if relation == "killed" and not kill_path(pat.path) and not killing_said(ctx.sent_of[a[0]]):
                    continue
                # "analyst X of Acme 's results" speaks of Acme (see affiliated_with.of)
                if a[1] < b[0] <= a[1] + 2 and doc[a[1]].lower_ == "of" and _of_topic(doc, a[1], b[1]):
                    continue
                # an object that belongs to another person's name is that person's: "Mia Hamm of the United
                # States , Germany 's Birgit Prinz" says nothing of Hamm and Germany
                owner = ctx.index.at(dep_paths.mention_head(doc, b[0], b[1]).head)
                if owner is not None and owner.entity.type == "Person" and owner.entity.key not in (
                        subj.entity.key, obj.entity.key):
                    continue
                yield ctx.rel(subj, relation, obj, ctx.sent_of[a[0]], f"dep_path:{pat.id}", pat.precision)


def _other_person_near(ctx: Context, subj: Hit, a: tuple[int, int], b: tuple[int, int], stop: int) -> bool:
    """Whether a person other than ``subj`` is named between the two mentions, or right after the object and the
    lower-case post words that follow it ("Acme chairman B")."""
    doc = ctx.doc
    lo, hi = min(a[1], b[1]), max(a[0], b[0])
    others = sorted((s, e) for s, e, hit in ctx.index.spans
                    if lo <= s < hi and hit.entity.type == "Person" and hit.entity.key != subj.entity.key)
    # people joined to the subject by "and" or commas share its body: "A and B of the Omega Foundation"
    near = a[1] if a[0] < b[0] else a[0]
    for s, e in (others if a[0] < b[0] else reversed(others)):
        gap = doc[near:s] if a[0] < b[0] else doc[e:near]
        if not all(t.text in (",", "and", "&") for t in gap):
            return True
        near = e if a[0] < b[0] else s
    k = b[1]
    while k < min(stop, b[1] + 4) and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
        k += 1
    nxt = ctx.index.start_at.get(k)
    return k > b[1] and nxt is not None and nxt[2].entity.type == "Person" and nxt[2].entity.key != subj.entity.key


def _post_after(doc: Doc, i: int, stop: int) -> bool:
    """Whether lower-case words from token ``i`` end in a post or an occupation: "Oxfam policy adviser"."""
    k = i
    while k < min(stop, i + 4) and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
        k += 1
    return k > i and (doc[k - 1].lower_ in POST_HEADS or doc[k - 1].lower_ in TITLES
                      or doc[k - 1].lemma_ in PERSON_NOUNS)


#: "X is in Y": where someone is at the moment ("Lebed is now in Chechnya"), not where they live.
_PRESENCE = re.compile(r"<nsubj be >prep \w+ >pobj")


def _presence(path: str) -> bool:
    return _PRESENCE.fullmatch(path) is not None


def _post_above(doc: Doc, obj: tuple[int, int], subj: tuple[int, int]) -> bool:
    """Whether the place hangs by a preposition (within three steps, below the subject) from a post: "Special
    Envoy to Sudan , Donald Booth" names the country of a post, not a home (the guidelines: a title's country is
    not lives_in)."""
    tok = dep_paths.mention_head(doc, obj[0], obj[1])
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "Envoy to Sudan and South Sudan"
        tok = tok.head
    if tok.dep_ != "pobj":  # a place written before a post is left to the premodifier rules ("Rochester union leader")
        return False
    for _ in range(3):
        if tok.head.i == tok.i or subj[0] <= tok.head.i < subj[1]:
            return False
        tok = tok.head
        if tok.lower_ in POST_HEADS or tok.lower_ in TITLES:
            return True
    return False
