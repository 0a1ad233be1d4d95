"""Labels a reader understands: "Blinken and Lammy travel to Kyiv", "Ann Riley: the budget is a betrayal".

A label names the event's actors and what they did, from its arguments (entity labels) and type; a
Statement is its speaker and the gist of what they said (the quote, else the reported clause).  A status
other than ``reported`` is said after the label ("(planned)", "(denied or called off)", "(possible)").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Token

#: (third-person singular, plural) verb of each type, and the role it takes as object.
_VERBS: Final[dict[str, tuple[str, str, str]]] = {
    "Travel": ("travels to", "travel to", "destination"),
    "Meet": ("meets", "meet", "participant"),
    "Request": ("asks", "ask", "target"),
    "Attack": ("attacks", "attack", "target"),
    "Support": ("supports", "support", "target"),
    "Agreement": ("reaches agreement with", "reach agreement with", "participant"),
    "Sanction": ("sanctions", "sanction", "target"),
    "Transfer": ("acquires", "acquire", "target"),
    "Protest": ("protests against", "protest against", "target"),
    "Death": ("kills", "kill", "target"),
}
_STATUS: Final = {"planned": " (planned)", "negated": " (denied or called off)", "hypothetical": " (possible)"}
GIST_WORDS: Final = 10


def _names(labels: list[str]) -> str:
    """"A", "A and B", "A, B and C" (at most three, then "and others")."""
    if len(labels) > 3:
        labels = [*labels[:3], "others"]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def gist(trigger: Token) -> str | None:
    """The reported clause of a speech verb ("said [the visit sent a strong message]"), shortened."""
    for c in trigger.children:
        if c.dep_ == "ccomp":
            first, last = c.left_edge.i, c.right_edge.i
            doc = trigger.doc
            while first < last and (doc[first].dep_ == "mark" or doc[first].is_punct):
                first += 1
            return shorten(doc[first : last + 1].text.replace("“", "").replace("”", "").replace('"', ""))
    return None


def shorten(text: str) -> str:
    words = text.replace("\n", " ").split()
    out = " ".join(words[:GIST_WORDS])
    return (out + " …" if len(words) > GIST_WORDS else out).strip(" ,.;:")


def _other_label(args: dict[str, list[str]], trigger: str, noun: bool) -> str:
    """"Greenpeace sued Exxon", "Norway's referendum", "Tom Harker: convicted", "Trial in Leeds"."""
    agents, objs, where = args.get("agent", []), args.get("target") or args.get("participant") or [], args.get("place", [])
    if agents and noun:
        return f"{_names(agents)}'s {trigger}"
    if agents:
        return f"{_names(agents)} {trigger} {_names(objs)}" if objs else f"{_names(agents)} {trigger}"
    if objs:
        return f"{_names(objs)}: {trigger}"
    lead = trigger[:1].upper() + trigger[1:]
    return f"{lead} in {_names(where)}" if where else f"Other: {trigger}"


_PREP: Final = {"Attack": "on", "Support": "for", "Sanction": "on", "Request": "to", "Transfer": "of",
                "Protest": "against", "Agreement": "with", "Meet": "with", "Travel": "to"}


def event_label(etype: str, args: dict[str, list[str]], trigger: str, status: str,
                quote: str | None = None, said: str | None = None, noun: bool = False) -> str:
    """A readable label from the event's type, arguments (role → entity labels), trigger and status."""
    agents = args.get("agent", [])
    suffix = _STATUS.get(status, "")
    if etype == "Statement":
        who = _names(agents) if agents else (_names(args["participant"]) if args.get("participant") else "")
        what = said or (shorten(quote) if quote else None)
        if who and what:
            return f"{who}: {what}{suffix}"
        if who:
            return f"{who} {trigger}{suffix}"
        return f"Statement: {trigger}{suffix}"
    if etype == "Other":
        return _other_label(args, trigger, noun) + suffix
    if etype == "Personnel" or (etype == "Death" and not agents):
        people = args.get("target") or agents or args.get("participant") or []
        if people:
            return f"{_names(people)}: {trigger}{suffix}"
    verb = _VERBS.get(etype)
    lead = trigger[:1].upper() + trigger[1:]
    if verb is None or not (agents or (etype == "Meet" and args.get("participant"))):
        objs = args.get(verb[2], []) if verb else []
        if objs:
            return f"{lead} {_PREP.get(etype, 'of')} {_names(objs)}{suffix}"
        where = args.get("place") or args.get("destination") or args.get("target") or args.get("participant") or []
        if where:
            return f"{lead} in {_names(where)}{suffix}" if args.get("place") else f"{lead}: {_names(where)}{suffix}"
        return f"{etype}: {trigger}{suffix}"
    sing, plur, obj_role = verb
    objs = args.get(obj_role, [])
    if noun and not objs and agents:
        return f"{_names(agents)}'s {trigger}{suffix}"  # "Russia's invasion"
    if etype == "Meet" and not agents:
        agents, objs = objs, []
    subj = _names(agents)
    v = sing if len(agents) == 1 else plur
    if not objs:
        v = {"Travel": "travel" if len(agents) > 1 else "travels", "Agreement": "agree" if len(agents) > 1 else "agrees",
             "Protest": "protest" if len(agents) > 1 else "protests"}.get(etype, v)
    text = f"{subj} {v} {_names(objs)}" if objs else f"{subj} {v}"
    place = args.get("place") or (args.get("destination") if etype != "Travel" else None)
    if (place and etype in ("Meet", "Protest", "Agreement")) or (etype == "Travel" and not objs and place):
        text += f" in {_names(place)}"
    return text.strip() + suffix
