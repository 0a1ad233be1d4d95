"""Killings: "X killed Y", "Y's killer X", "the assassination of Y by X" (killed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graphbuild.extract.common import EntityIndex, Hit, token_table
from graphbuild.extract.relation_rules.base import (
    _ACCUSE_VERBS,
    _KILL_NOUNS,
    _KILL_VERBS,
    _KILL_WORDS,
    _KILLER_NOUNS,
    _POSS,
    Context,
    _person,
    _pobj_hits,
    _tokens,
)
from graphbuild.model import Relation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _killer_of(tok: Token, index: EntityIndex) -> Hit | None:
    """Who did the killing expressed at ``tok``: its subject, or up the tree through the clauses that govern it.

    "Oswald killed", "Oswald was the gunman who killed", "convicted Millikan of killing",
    "Ray was sentenced for the slaying of", "Booth thought he could save the South by killing".
    """
    cur = tok
    for _ in range(6):
        for c in cur.children:
            if c.dep_ == "nsubj" and (h := _person(index, c)) is not None:
                return h
            if cur.i != tok.i and c.dep_ == "nsubjpass" and (h := _person(index, c)) is not None:
                return h
            if cur.i != tok.i and cur.lemma_ in _ACCUSE_VERBS and c.dep_ == "dobj":
                h = _person(index, c)
                if h is None:  # "convicted sniper Kenneth Millikan": the name is an apposition of the object
                    h = next((x for a in c.children if a.dep_ == "appos" and (x := _person(index, a))), None)
                if h is not None:
                    return h
        if cur.dep_ == "relcl":
            noun = cur.head
            if (h := _person(index, noun)) is not None:
                return h
            if noun.dep_ == "attr":  # "X was the lone gunman who killed Y"
                return next((h for c in noun.head.children if c.dep_ == "nsubj"
                             and (h := _person(index, c)) is not None), None)
            if noun.dep_ == "appos":
                return _person(index, noun.head)
            if noun.dep_ == "dobj":  # "X fired the shots that killed Y"
                return next((h for c in noun.head.children if c.dep_ == "nsubj"
                             and (h := _person(index, c)) is not None), None)
            return None
        if cur.i != tok.i and cur.dep_ == "appos":  # "X, the man convicted of killing Y"
            return _person(index, cur.head)
        if cur.i != tok.i and cur.lemma_ in _ACCUSE_VERBS and cur.tag_ == "VBN" and cur.i > 1 \
                and cur.doc[cur.i - 1].text == "," and (prev := index.end_at.get(cur.i - 1)) is not None \
                and prev[2].entity.type == "Person":
            return prev[2]  # "the death sentence of John Adamson , convicted of murdering Y" (killed.accused)
        if cur.dep_ == "acl" and cur.head.pos_ == "NOUN" and index.at(cur.head) is None \
                and cur.head.dep_ not in ("appos", "attr"):
            return None  # "wed the man convicted of killing Y": the killer is that man, unnamed
        if cur.dep_ in ("pcomp", "pobj", "prep", "xcomp", "advcl", "acl", "conj", "ccomp", "dobj", "acomp") \
                and cur.head.i != cur.i:
            cur = cur.head
            if (h := _person(index, cur)) is not None:  # "X, convicted of murdering Y"
                return h
            continue
        break
    return None


def _agents(tok: Token, index: EntityIndex) -> list[Hit]:
    """Persons named by a "by" phrase anywhere in the clause of ``tok`` (not inside a clause of its own):
    "Lennon was shot to death ... in the courtyard of his apartment building by Mark David Chapman"."""
    out: list[Hit] = []
    for t in tok.subtree:
        if t.lower_ != "by" or t.dep_ not in ("prep", "agent"):
            continue
        cur = t.head
        while cur.i != tok.i and cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
            cur = cur.head
        if cur.i == tok.i:
            out += [h for c in t.children if c.dep_ == "pobj" and (h := _person(index, c)) is not None]
    return out


def _victim_at(index: EntityIndex, tok: Token) -> Hit | None:
    """Who a killing verb's object or passive subject names: a person, or a name the entity layer typed as a
    place or organisation ("Booth shot Lincoln", Lincoln typed Organization), never a country or a nationality."""
    hit = _person(index, tok)
    if hit is None and (h := index.at(tok)) is not None and h.entity.type in ("Place", "Organization") \
            and h.mention.rule != "demonym":
        hit = h
    return hit


def _victim(index: EntityIndex, tok: Token) -> Hit | None:
    """The victim a killing noun names with "of": a person, or a mention the entity layer typed as a place or
    organisation ("the assassination of Lincoln") but no country."""
    return next((h for p, h in _pobj_hits(tok, index, ("of",)) if h.entity.type != "Country"), None)


def rule_killed(ctx: Context) -> Iterator[Relation]:
    """X killed/shot/murdered Y, Y was killed by X, X's assassination of Y, Y's assassin X, X, the killer of Y."""
    index = ctx.index
    doc = ctx.doc
    for tok in _tokens(doc, [i for i, lem in enumerate(token_table(doc).lemma) if lem in _KILL_WORDS]):
        lemma = tok.lemma_.lower()
        sent = ctx.sent_of[tok.i]
        pairs: list[tuple[Hit | None, Hit | None, str]] = []
        if tok.pos_ == "VERB" and lemma in _KILL_VERBS:
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
            by = [h for p, h in _pobj_hits(tok, index, ("by",))]
            for c in tok.children:  # "shot to death in X by Y": the agent may hang off a later phrase
                if c.dep_ in ("prep", "advcl", "xcomp"):
                    by += [h for p, h in _pobj_hits(c, index, ("by",))]
            if not by:
                by = _agents(tok, index)
            if passive:
                victim = next((_victim_at(index, c) for c in tok.children if c.dep_ == "nsubjpass"), None)
                if victim is None and tok.dep_ in ("acl", "relcl"):
                    victim = _person(index, tok.head)
                pairs.append((by[0] if by else None, victim, "killed.passive"))
            else:
                victims = [_victim_at(index, c) for c in tok.children if c.dep_ == "dobj"]
                victims += [_person(index, cc) for c in tok.children if c.dep_ == "dobj"
                            for cc in c.children if cc.dep_ in ("conj", "appos")]
                killer = _killer_of(tok, index)
                if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "Kennedy, shot by Oswald"
                    pairs.append((by[0] if by else None, _person(index, tok.head), "killed.passive"))
                for v in victims:
                    pairs.append((killer, v, "killed.verb"))
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in _KILL_NOUNS:
            victim = _victim(index, tok) if lemma != "death" else next(
                (h for p, h in _pobj_hits(tok, index, ("of",)) if h.entity.type == "Person"), None)
            if victim is None:  # "the Kennedy slaying"
                victim = next((_person(index, c) for c in tok.children if c.dep_ == "compound"), None)
            killer = next((_person(index, c) for c in tok.children if c.dep_ == "poss"), None)
            # "the assassination of Archduke Franz Ferdinand by Gavrilo Princip" (killed.noun_by)
            agent = next((h for p, h in _pobj_hits(tok, index, ("by",)) if h.entity.type == "Person"), None)
            if agent is not None and victim is not None and lemma != "death":
                pairs.append((agent, victim, "killed.noun_by"))
                killer = None
            elif killer is None and victim is not None and lemma != "death":
                killer = _killer_of(tok, index)
            pairs.append((killer, victim, "killed.noun"))
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in _KILLER_NOUNS:
            victim = _victim(index, tok)
            if victim is None:  # "Kennedy's assassin", "Kennedy assassin Sirhan"
                prev = index.end_at.get(tok.i - 1) or index.end_at.get(tok.i - 2)
                if prev is not None and prev[2].entity.type == "Person" and (
                        prev[1] == tok.i or doc[tok.i - 1].text in _POSS):
                    victim = prev[2]
            killer = None
            nxt = index.start_at.get(tok.i + 1) or (index.start_at.get(tok.i + 2)
                                                     if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "," else None)
            if nxt is not None and nxt[2].entity.type == "Person":
                killer = nxt[2]
            elif tok.dep_ == "appos":
                killer = _person(index, tok.head)
            elif tok.dep_ == "attr":
                killer = next((h for c in tok.head.children if c.dep_ == "nsubj"
                               and (h := _person(index, c)) is not None), None)
            if killer is None:
                killer = next((_person(index, c) for c in tok.children if c.dep_ == "appos"), None)
            pairs.append((killer, victim, "killed.agent_noun"))
        for killer, victim, rule in pairs:
            if killer is not None and victim is not None and killer.entity.key != victim.entity.key:
                yield ctx.rel(killer, "killed", victim, sent, rule, 0.8 if rule.startswith("killed.verb") else 0.7)


#: Words of a learnt ``killed`` path that speak of a killing ("<nsubj shoot >dobj", ">appos assassin >prep of").
_PATH_KILL_WORDS = frozenset(w.lower() for w in _KILL_WORDS) | {"shot", "sniper", "fire", "execute", "execution",
                                                                 "behead", "massacre"}


def kill_path(path: str) -> bool:
    """Whether a learnt ``killed`` path passes through a word of killing: a path without one ("<nsubjpass set
    <conj be >nsubj", learnt from a single sentence) joins any two names of a sentence, such as two players of a
    team sheet."""
    return any(w.lower() in _PATH_KILL_WORDS for w in path.split() if w[:1] not in "<>" and w.isalpha())


def killing_said(sent: Span) -> bool:
    """Whether a sentence speaks of a killing anywhere ("opened fire", "the assassination of", "was shot")."""
    return any(t.lemma_.lower() in _PATH_KILL_WORDS or t.lower_ in _PATH_KILL_WORDS for t in sent)
