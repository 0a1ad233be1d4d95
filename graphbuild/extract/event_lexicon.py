"""Event triggers from the CAMEO verb dictionary (``data/cameo_triggers.tsv``) plus event nouns.

The table is derived from PETRARCH2's CAMEO.2.0.txt (MIT, see the file's header and
``scripts/derive_cameo_triggers.py``).  CAMEO codes a verb only between two political actors, so many of
its verbs have a commoner sense in general news ("see", "match", "add", "score"); this module keeps, per
graphbuild type, the verbs whose first sense is the event (an allow-list for the types whose CAMEO blocks
are mostly generic verbs, a deny-list for the others).  The hand lexicon (:mod:`lexicon`) wins over the
table.  Phrase rows ("strike" + "deal" → Agreement, "attack" + "plans" → Statement, "fight" +
"corruption" → not an event) retype or discard a verb by its object or prepositional phrase.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Types whose CAMEO block is mostly generic verbs: only these verbs are taken from the table.
_ALLOW: Final[dict[str, frozenset[str]]] = {
    "Statement": _words("acknowledge affirm allege assert assure blame castigate censure condemn decry denounce deplore disclose "
        "emphasise emphasize hail lambaste proclaim reiterate rebuke reassure threaten welcome apologise "
        "apologize swear vow pledge promise announce declare reaffirm restate broadcast confirm"),
    "Support": _words("aid airlift assist bankroll contribute donate equip finance fund sponsor underwrite arm"),
    "Meet": _words("confer consult converse discuss huddle meet negotiate host"),
    "Travel": frozenset({"visit"}),
}
#: Verbs of the other types' blocks whose commoner sense is not the event.
_DENY: Final[dict[str, frozenset[str]]] = {
    "Attack": _words("best break circle corrupt crack damage dominate engage hit inhabit infest master match overcome "
        "overshadow overtake reside ring rip ruin spoil surmount tarnish tear vitiate struggle fire blow beat "
        "crush harm hurt impair mar shatter smash target die kill murder assassinate overwhelm pound contaminate "
        "surround encircle abuse ram whip lash thump pelt stone repel repulse disarm abduct kidnap hang cane "
        "flog slap kick bruise wrestle scuffle bust altercate pit quarrel duel grapple hammer clobber dishonor "
        "dishonour terrorize overthrow desolate despoil ravish reave injure wound rape destroy conflict"),
    "Request": _words("desire hint hope need necessitate press push apply bid campaign propose"),
    "Protest": _words("agitate agonise agonize annoy arouse badger bother discomfit disconcert disquiet disturb enkindle "
        "harass harry hassle irk irritate pester plague provoke rag torment upset vex loot"),
    "Sanction": _words("fine tax sentence censor criminalise criminalize illegalise illegalize bar"),
    "Agreement": frozenset(),
}

#: Event nouns beyond the hand lexicon (nominal triggers of news events).
EXTRA_NOUNS: Final[dict[str, str]] = {
    # Attack
    "war": "Attack", "battle": "Attack", "skirmish": "Attack", "clash": "Attack", "explosion": "Attack",
    "blast": "Attack", "shooting": "Attack", "gunfire": "Attack", "stabbing": "Attack", "ambush": "Attack",
    "bombardment": "Attack", "coup": "Attack", "siege": "Attack", "fighting": "Attack", "hostilities": "Attack",
    "detonation": "Attack", "airstrikes": "Attack", "massacre": "Attack",
    "slaughter": "Attack", "rampage": "Attack", "arson": "Attack", "insurgency": "Attack",
    # Death
    "homicide": "Death", "genocide": "Death", "fatality": "Death", "execution": "Death", "suicide": "Death",
    "beheading": "Death", "casualty": "Death",
    # Personnel
    "firing": "Personnel", "dismissal": "Personnel", "sacking": "Personnel", "ouster": "Personnel",
    "layoff": "Personnel", "retirement": "Personnel", "inauguration": "Personnel", "re-election": "Personnel",
    "reelection": "Personnel", "hiring": "Personnel",
    # Transfer
    "auction": "Transfer", "sell-off": "Transfer", "shipment": "Transfer",
    # Support
    "donation": "Support", "funding": "Support", "grant": "Support", "airlift": "Support",
    # Travel
    "evacuation": "Travel", "exodus": "Travel", "escape": "Travel", "pilgrimage": "Travel", "deportation": "Travel",
    # Meet
    "debate": "Meet", "dialogue": "Meet", "consultation": "Meet", "rendezvous": "Meet",
    # Statement
    "vow": "Statement", "promise": "Statement", "oath": "Statement", "declaration": "Statement",
    "broadcast": "Statement", "briefing": "Statement",
    "testimony": "Statement",
    # Request
    "call": "Request", "recommendation": "Request", "petition": "Request",
    "ultimatum": "Request",
    # Protest
    "march": "Protest", "riot": "Protest", "sit-in": "Protest", "walkout": "Protest", "vigil": "Protest",
    # Sanction
    "blockade": "Sanction", "injunction": "Sanction",
}

#: Verbs beyond the hand lexicon and CAMEO's political blocks (moves, deaths, firings the CAMEO
#: dictionary does not code).
EXTRA_VERBS: Final[dict[str, str]] = {
    "flee": "Travel", "evacuate": "Travel", "escape": "Travel", "migrate": "Travel", "relocate": "Travel",
    "transport": "Travel", "deport": "Travel", "convene": "Meet", "perish": "Death", "slay": "Death",
    "exterminate": "Death", "drown": "Death", "behead": "Death", "decapitate": "Death", "massacre": "Death",
    "oust": "Personnel", "dismiss": "Personnel", "recruit": "Personnel", "employ": "Personnel",
    "retire": "Personnel", "inaugurate": "Personnel", "swear": "Statement", "auction": "Transfer",
    "obtain": "Transfer", "procure": "Transfer", "smuggle": "Transfer", "ship": "Transfer",
    "detonate": "Attack", "explode": "Attack", "bombard": "Attack", "ambush": "Attack", "stab": "Attack",
    "rob": "Attack", "hijack": "Attack", "torch": "Attack", "riot": "Protest",
}


def _rows() -> list[list[str]]:
    text = resources.files("graphbuild").joinpath("data/cameo_triggers.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _trusted(verb: str, etype: str) -> bool:
    if etype in _ALLOW:
        return verb in _ALLOW[etype]
    return verb not in _DENY.get(etype, frozenset())


@lru_cache(maxsize=1)
def cameo_verbs() -> dict[str, tuple[str, str]]:
    """Verb lemma → (graphbuild type, CAMEO code) for the trusted verbs of the table."""
    out: dict[str, tuple[str, str]] = {}
    for verb, obj, code, etype in _rows():
        if obj == "*" and etype != "-" and _trusted(verb, etype):
            out.setdefault(verb, (etype, code))
    return out


#: CAMEO's cooperation blocks (05x-07x, mapped to Support) code some phrases whose graphbuild type is another:
#: a signed contract or an announced deal is an Agreement, an appointment a Personnel event, hosting a
#: conference a meeting, a protest in support a Protest; selling products, winning a seat or using a passport
#: is no event between two parties.
_SUPPORT_PHRASE_TYPES: Final = {
    "sell": "Transfer", "buy": "Transfer", "appoint": "Personnel", "pick": "Personnel", "host": "Meet",
    "protest": "Protest", "demonstrate": "Protest", "storm": "Protest", "denounce": "Statement",
    "criticize": "Statement", "warn": "Statement", "highlight": "Statement", "call": "Request", "win": "-",
    "use": "-", "believe": "-", "remain": "-", "meet": "-", "mock": "-", "approve": "-", "continue": "-",
    "fulfill": "-", "involve": "-", "engage": "-", "share": "-", "launch": "-", "inaugurate": "-",
}
_DEAL_OBJECTS: Final = frozenset({"deal", "contract", "agreement", "pact", "accord"})
_NOT_EVENT_OBJECTS: Final = frozenset({"products"})


def _phrase_type(verb: str, obj: str, etype: str) -> str:
    if etype != "Support":
        return etype
    if obj in _NOT_EVENT_OBJECTS:
        return "-"
    if obj in _DEAL_OBJECTS:
        return "Agreement"
    return _SUPPORT_PHRASE_TYPES.get(verb, etype)


@lru_cache(maxsize=1)
def cameo_phrases() -> dict[tuple[str, str], tuple[str, str]]:
    """(verb lemma, object word or "prep:word") → (graphbuild type or "-", CAMEO code)."""
    return {(verb, obj): (_phrase_type(verb, obj, etype), code) for verb, obj, code, etype in _rows() if obj != "*"}
