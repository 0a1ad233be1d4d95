"""Light and idiomatic uses of trigger words that name no happening of the trigger's type.

Judged by the trigger's form, its object or subject class, and the sentence around it:

- An adjectival participle ("imported cars", "a planned building") describes a thing; it names no event
  of its own (a "murdered journalist" or a "bombed village" still tells of a death or an attack).
- Sales as a tally or a market figure ("home sales", "sales rose", "the album sold a million copies") are
  no Transfer between parties; a sale to someone ("sold 20 jets to Peru") is.
- Giving is Support only when aid is given ("provide aid", "gave troops"), not "provides meat for the
  market" or "providing a tough obstacle"; so is a pledge ("pledged $50m", not "an election pledge to
  focus on education"); "a phone equipped with a port" is a description.
- Meeting a target, a rule or a demand, or meeting with criticism, is no Meet; nor is a fixture ("the sides
  meet at the stadium on Sunday").
- A visit that is won, lost or drawn is an away match, no Travel.
- Market demand ("demand is huge", "demand will hold", "a massive demand for energy") is no Request, nor
  is appealing to an audience ("will appeal to gamers") or ordering goods ("ordered 30 planes").
- Hosting anything but a gathering or a visitor ("will host a quiz show", "sites host files") is no Meet.
- Executing a warrant or a plan is no Death; a market or a comeback "rally" is no Protest.
- Shooting among words of film or photography ("location shooting", "shot the film in Prague") is
  filming, no Attack; a sports "meeting" or "meet" ("an indoor meeting", "the grand prix meeting") is a
  contest, no Meet.
- A defeat, a clash (plural "clashes" are fighting), a battle or fight with no word of violence in its
  sentence is play, politics or law, no Attack ("defeated Gambill 6-3", "a scheduling clash", "his legal
  battles").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from graphbuild.extract.events import Candidate

#: Event types an adjectival participle still tells of: "the murdered journalist", "a bombed village",
#: "the ousted president", "the retiring senator".
_PARTICIPLE_EVENTS: Final = frozenset({"Death", "Attack", "Personnel"})

#: What is given as aid: giving one of these is Support.
_AID: Final = frozenset(
    {"aid", "help", "assistance", "funding", "fund", "loan", "weapon", "arm", "troop", "support", "backing",
     "money", "cash", "finance", "financing", "grant", "subsidy", "equipment", "food", "shelter", "relief",
     "protection", "security", "ammunition", "medicine", "care", "training", "soldier", "force", "donation",
     "credit", "guarantee", "asylum", "refuge", "sanctuary", "supply", "tank", "jet", "missile", "vaccine",
     "water", "tent", "blanket", "medical", "military", "humanitarian", "reinforcement", "bailout", "rescue"}
)
_GIVING_AID: Final = frozenset({"provide", "supply", "give", "offer", "deliver", "contribute", "grant"})

_SELLING: Final = frozenset({"sell", "buy", "purchase", "ship"})

#: Things one meets that are not people: "met the target", "meet the deadline", "meet the golden rule".
_OBLIGATIONS: Final = frozenset(
    {"target", "goal", "rule", "demand", "deadline", "need", "requirement", "cost", "criterion", "criteria",
     "standard", "expectation", "obligation", "condition", "challenge", "bill", "payment", "commitment",
     "threshold", "test", "benchmark", "quota", "shortfall", "fee", "price", "budget", "objective", "aim",
     "definition", "specification", "limit", "pledge", "promise", "request", "timetable", "end", "forecast",
     "estimate", "term", "debt", "liability", "expense", "shortage", "approval", "fate", "death", "match",
     "mark", "level", "figure", "ambition", "aspiration", "wish", "hope", "mandate", "duty", "legislation",
     "regulation", "law", "directive", "guideline", "one"}
)
#: What one "meets with" when it is a reaction, no meeting: "met with criticism".
_REACTIONS: Final = frozenset(
    {"criticism", "resistance", "opposition", "approval", "scepticism", "skepticism", "success", "response",
     "anger", "disapproval", "silence", "dismay", "derision", "hostility", "applause", "acclaim", "outrage",
     "disbelief", "reaction", "protest", "failure", "indifference", "enthusiasm", "praise", "condemnation"}
)
#: Verbs whose object "visit" is a match: "won two of their last three visits".
_RESULTS: Final = frozenset({"win", "lose", "draw"})

#: Words that make singular "demand" the market's when it rises, falls or holds.
_MARKET_MOVES: Final = frozenset(
    {"rise", "fall", "grow", "soar", "slow", "hold", "outstrip", "exceed", "outpace", "increase", "decrease",
     "drop", "surge", "boom", "pick", "weaken", "strengthen", "remain", "slump", "decline", "recover", "rebound",
     "collapse", "dry", "ease", "stay", "continue", "keep", "push", "drive", "fuel", "boost", "outweigh", "be"}
)
_SIZE: Final = frozenset(
    {"huge", "massive", "big", "enormous", "great", "greater", "increased", "increasing", "buoyant", "healthy",
     "insatiable", "pent-up", "underlying", "overall", "total", "extra", "additional", "heavy", "solid",
     "brisk", "lacklustre", "weaker", "stronger", "higher", "lower", "booming"}
)

#: What is executed when no one is put to death: "execute warrants", "executed the plan".
_EXECUTED_THINGS: Final = frozenset(
    {"warrant", "order", "plan", "strategy", "trade", "search", "deal", "contract", "program", "programme",
     "task", "transaction", "policy", "will", "move", "project", "decision", "instruction", "command", "code",
     "script", "operation", "manoeuvre", "maneuver", "turn", "pass", "kick", "routine", "jump", "shot", "idea",
     "vision", "agreement", "transfer", "merger", "takeover", "swap", "sale", "purchase", "mandate"}
)
#: Words of a market: a "rally" among them is prices rising.
_MARKETS: Final = frozenset(
    {"share", "stock", "price", "index", "market", "dollar", "euro", "yen", "pound", "sterling", "bond", "ftse",
     "dow", "nasdaq", "nikkei", "currency", "oil", "trading", "trader", "investor", "equity", "commodity", "gold",
     "rate", "yield", "point", "cent", "%", "percent"}
)
#: Words of a street protest: a "rally" among them is a protest or a gathering.
_CROWDS: Final = frozenset(
    {"protester", "protestor", "demonstrator", "crowd", "supporter", "march", "police", "thousand", "hundred",
     "activist", "banner", "placard", "chant", "square", "street", "campaigner", "opposition", "voter"}
)
#: Attack words whose other senses (play, politics, law, schedules) are the common ones in news.
_CONTESTS: Final = frozenset({"defeat", "clash", "beat"})
#: Attack words whose other senses are common but which a place makes a war: "the battle for Falluja".
_CONTESTS_UNLESS_PLACE: Final = frozenset({"battle", "fight"})
#: Words of film, television and photography: "shooting" among them is filming.
_FILMING: Final = frozenset(
    {"film", "movie", "photo", "photograph", "photographer", "video", "footage", "camera", "director",
     "documentary", "episode", "studio", "actor", "actress", "sequel", "drama", "sitcom", "producer", "filming",
     "photoshoot", "screenplay", "script"}
)
_FILM_KEEPS: Final = frozenset(
    {"kill", "dead", "death", "wound", "injure", "gunman", "victim", "police", "bullet", "gun", "murder",
     "hospital", "injury", "armed", "gunfire", "gunmen", "attacker", "fire", "militant", "soldier"}
)
#: What a sports "meeting" is: "an indoor meeting", "the Grand Prix meeting", "a race meeting".
_CONTEST_MEETINGS: Final = frozenset(
    {"athletics", "athletic", "indoor", "outdoor", "track", "race", "racing", "grand", "prix", "gala", "swimming",
     "golden", "diamond", "sprint"}
)
_ATHLETICS: Final = frozenset(
    {"sprint", "sprinter", "hurdle", "hurdles", "hurdler", "relay", "metre", "metres",
     "runner", "vault", "javelin", "discus", "marathon", "high-jump", "long-jump", "triple-jump", "heptathlon"}
)
_SCORE: Final = re.compile(r"^\d{1,2}-\d{1,2}$")


def _objects(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]


def _quantity(tok: Token) -> bool:
    """"a million copies", "more than 100", "5,000 units": a count, not a thing handed over ("one of the
    banks" and a name with a number, "Channel 4", are things)."""
    if tok.ent_type_ not in ("", "CARDINAL", "QUANTITY") or any(c.dep_ == "prep" and c.lower_ == "of"
                                                                for c in tok.children):
        return False
    return tok.pos_ == "NUM" or any(c.dep_ in ("nummod", "quantmod") for c in tok.children) or tok.lemma_.lower() in (
        "copy", "unit", "million", "billion", "thousand")


def _money(tok: Token) -> bool:
    """"$50m", "£2bn", "5m euros": an amount of money."""
    return any(w.ent_type_ == "MONEY" or w.tag_ == "$" for w in tok.subtree)


#: What is sold as property, not as a figure of trade: "state asset sales", "arms sales".
_PROPERTY: Final = frozenset(
    {"asset", "arm", "weapon", "stake", "land", "property", "company", "firm", "business", "unit", "subsidiary",
     "licence", "license", "spectrum", "right", "share", "holding", "bank", "plant", "factory", "jet", "missile"}
)


def _to_someone(tok: Token, cand: Candidate) -> bool:
    return bool(cand.args.get("destination")) or any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to")
                                                     for c in tok.children)


def _tally(cand: Candidate) -> bool:
    """Sales as a figure: plural "sales" ("home sales", "sales rose"), "sold a million copies"."""
    tok = cand.trigger
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ == "NOUN" and low == "sales" and not _to_someone(tok, cand):
        sold = [c for c in tok.children if c.dep_ in ("compound", "amod")]
        sold += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        return not any(t.lemma_.lower() in _PROPERTY for t in sold)  # "state asset sales", "arms sales" stay
    if tok.pos_ == "VERB" and lemma in _SELLING and not _to_someone(tok, cand):
        return any(_quantity(o) for o in _objects(tok) if o.dep_ == "dobj")
    return False


def _market_demand(tok: Token) -> bool:
    """"Demand is huge", "demand will hold", "a massive demand for energy", "demand in India has been driven"."""
    if tok.pos_ != "NOUN" or tok.lower_ != "demand":
        return False
    if any(c.dep_ == "amod" and c.lower_ in _SIZE for c in tok.children):
        return True
    if any(c.dep_ in ("poss", "relcl", "acl") for c in tok.children):
        return False  # "the union's demand", "a demand that he resign"
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ in ("relcl", "acl", "infmod") or (g.dep_ == "pobj" and any(h.dep_ in ("relcl", "acl") for h in g.children))
        for g in c.children
    ) for c in tok.children):
        return False  # "a demand for Turkey to recognise Cyprus"
    bare = not any(c.dep_ == "det" for c in tok.children)
    return tok.dep_ in ("nsubj", "nsubjpass") and (bare or tok.head.lemma_.lower() in _MARKET_MOVES)


def _result_of(tok: Token) -> bool:
    """Whether ``tok`` is what is won, lost or drawn: "won two of their last three visits"."""
    for _ in range(4):
        if tok.dep_ == "dobj":
            return tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in _RESULTS
        if tok.dep_ not in ("pobj", "prep") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


#: Who a thing "appeals to" when it attracts them: "the console will appeal to gamers".
_AUDIENCES: Final = frozenset(
    {"user", "consumer", "customer", "buyer", "fan", "audience", "reader", "viewer", "voter", "people", "public",
     "shopper", "gamer", "listener", "family", "child", "teenager", "youngster", "taste", "market", "investor",
     "player", "traveller", "motorist", "driver", "owner", "woman", "man", "adult", "student", "professional",
     # a mind's parts and leanings are attracted, never asked: "appealed to the national psyche"
     "psyche", "imagination", "instinct", "sense", "vanity", "pride", "ego", "emotion", "heart", "mind", "nature",
     "palate", "ear", "eye", "sensibility", "spirit", "appetite", "curiosity"}
)
#: States one "returns to": "returned to profit", "return to form", "returned to power".
_STATES_RETURNED_TO: Final = frozenset(
    {"profit", "profitability", "growth", "form", "power", "office", "work", "normal", "normality", "action",
     "fitness", "health", "black", "fold", "favour", "winning", "training", "politics", "government", "strength"}
)
#: Who gives a player a card or sends him off: "the referee dismissed Costa" is no firing.
_MATCH_OFFICIALS: Final = frozenset({"referee", "umpire", "official", "linesman", "bowler", "ref"})
#: Particles that make "step" leave a post ("stepped down", "step aside", "stepping back from"); "stepped in",
#: "step up" do not.
_LEAVING: Final = frozenset({"down", "aside", "back"})
#: What is allowed when "sanctioning" is approving: "a resolution sanctioning military action".
_APPROVED: Final = frozenset(
    {"action", "use", "force", "war", "invasion", "attack", "strike", "deal", "plan", "move", "merger", "sale",
     "takeover", "payment", "spending", "release", "change", "project", "operation", "intervention", "policy"}
)
#: Goods ordered as a purchase: "ordered 30 planes", "order SIM cards".
_GOODS: Final = frozenset(
    {"plane", "aircraft", "jet", "airliner", "car", "vehicle", "ship", "vessel", "card", "unit", "copy", "train",
     "locomotive", "tank", "helicopter", "phone", "handset", "computer", "system", "equipment", "part", "ticket",
     "bus", "truck", "lorry", "engine", "turbine", "satellite", "frigate", "submarine", "product", "item", "kit",
     "book", "album", "dvd", "game", "console", "device", "machine", "chip", "food", "meal", "drink", "pizza",
     "upgrade", "model", "fleet", "airbus", "boeing", "network", "software", "licence", "license"}
)
#: What a host holds when hosting is a meeting: a gathering or a visitor.
_GATHERINGS: Final = frozenset(
    {"meeting", "talk", "summit", "conference", "visit", "delegation", "leader", "dinner", "reception", "banquet",
     "guest", "visitor", "counterpart", "minister", "president", "king", "queen", "pope", "chancellor", "premier",
     "negotiation", "gathering", "forum", "round", "session", "envoy", "team", "party", "ceremony", "rally",
     "convention", "congress", "assembly", "council", "discussion", "debate", "hearing", "seminar", "workshop"}
)


def _pledges_aid(tok: Token) -> bool:
    """"pledged $50m", "pledged troops", "aid pledges", "pledges of help" (not "his pledge not to raise tax")."""
    given = [c for c in tok.children if c.dep_ in ("dobj", "compound", "amod")]
    given += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in") for p in c.children
              if p.dep_ == "pobj"]
    return any(g.lemma_.lower() in _AID or g.lower_ in _AID or _money(g) for g in given)


def _light_request(tok: Token) -> bool:
    """"will appeal to PC users" (attracts them), "ordered 30 Airbus planes" (bought them)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return False  # "appealed to them to stay", "ordered troops to march"
    if lemma == "appeal":
        return any(c.dep_ == "prep" and c.lower_ == "to" and any(
            p.dep_ == "pobj" and p.lemma_.lower() in _AUDIENCES for p in c.children) for c in tok.children)
    if lemma == "order":
        return any(c.dep_ == "dobj" and (c.ent_type_ == "PRODUCT" or (not c.ent_type_ and (
            c.lemma_.lower() in _GOODS or _quantity(c) or any(m.dep_ == "compound" and m.lemma_.lower() in _GOODS
                                                              for m in c.children)))) for c in tok.children)
    return False


#: Who is shot when a shooting is violence: "a man was shot outside the studios".
_VICTIMS: Final = frozenset(
    {"man", "woman", "boy", "girl", "child", "person", "people", "he", "she", "him", "her", "they", "them",
     "officer", "policeman", "soldier", "guard", "driver", "rapper", "singer", "star", "teenager", "bystander"}
)


def _shoots_someone(tok: Token) -> bool:
    """"A man was shot", "shot a guard", "shot Smith": a person is shot."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in _VICTIMS
                                                    or c.lower_ in _VICTIMS) for c in tok.children)


def _plays(sent: Span) -> bool:
    """A sentence with a match score ("6-3", "2-1") is about play."""
    return any(_SCORE.match(t.text) for t in sent)


def idiomatic(cand: Candidate, sport: bool, violent: bool, geo: bool) -> bool:
    """Whether ``cand``'s trigger is used in a sense that names no happening of its type.

    ``sport``: the sentence is about play; ``violent``: a word of the sentence besides the trigger shows
    violence; ``geo``: a place or country is among its arguments."""
    tok = cand.trigger
    etype = cand.event_type
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBG") and etype not in _PARTICIPLE_EVENTS:
        return True  # "imported cars", "a planned building", "the best-selling author"
    if etype == "Transfer" and _tally(cand):
        return True
    if etype == "Support" and lemma in _GIVING_AID and tok.pos_ == "VERB":
        given = [c for c in tok.children if c.dep_ == "dobj"]
        if any(g.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for g in given):
            # "providing Ukraine with what it needs", "provided the BBC with figures": the object is who
            # receives; what is given is the "with" object, when it is a noun
            given = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                     if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
        if given and not any(g.lemma_.lower() in _AID or g.lower_ in _AID or _money(g) for g in given):
            return True  # "provides meat for the market", "providing a tough obstacle"
    if etype == "Support" and lemma == "pledge" and not _pledges_aid(tok):
        return True  # "Labour's election pledge to focus on education", "tax pledges": promises, no aid
    if etype == "Support" and lemma == "equip" and tok.tag_ == "VBN" and not any(
        c.dep_ == "auxpass" for c in tok.children
    ):
        return True  # "a phone equipped with an IR port", "it comes equipped with USB": a description
    if etype == "Meet" and tok.pos_ == "VERB" and lemma == "meet":
        if any(c.dep_ == "dobj" and c.lemma_.lower() in _OBLIGATIONS for c in tok.children):
            return True  # "met that target", "meet the golden rule", "meet US requirements"
        if any(c.dep_ == "prep" and c.lower_ == "with" and any(
            p.dep_ == "pobj" and p.lemma_.lower() in _REACTIONS for p in c.children
        ) for c in tok.children):
            return True  # "the plan met with criticism"
        if sport:
            return True  # "the sides meet at the stadium on Sunday": a fixture
    if etype == "Meet" and tok.pos_ in ("NOUN", "PROPN") and lemma in ("meeting", "meet") and (
        any(c.dep_ in ("amod", "compound") and c.lower_ in _CONTEST_MEETINGS for c in tok.children)
        or {t.lemma_.lower() for t in cand.sent if t.pos_ != "VERB"} & _ATHLETICS  # not "details were relayed"
    ):
        return True  # "won the 60m at the indoor meeting in Glasgow": a contest, no talks
    if etype == "Attack" and lemma in ("shoot", "shooting", "shot"):
        lemmas = {t.lemma_.lower() for t in cand.sent if t.i != tok.i}
        filming = bool(lemmas & _FILMING) or any(c.lower_ == "location" for c in tok.children)
        if filming and not lemmas & _FILM_KEEPS and not _shoots_someone(tok):
            return True  # "location shooting in Las Vegas", "shot the film in Prague": filming
    if etype == "Travel" and lemma == "return" and tok.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" and p.lemma_.lower() in _STATES_RETURNED_TO
                                                      for p in c.children) for c in tok.children):
        return True  # "returning to profit in Asia", "returned to power": a state regained, no trip
    if etype == "Travel" and tok.pos_ == "NOUN" and lemma == "visit" and (
        sport or _result_of(tok)
    ):
        return True  # "Wales have won two of their last three visits to the stadium": away matches
    if etype == "Request" and (_market_demand(tok) or _light_request(tok)):
        return True
    if etype == "Meet" and lemma == "host" and tok.pos_ == "VERB" and any(
        c.dep_ == "dobj" and (c.pos_ == "NUM" or (not c.ent_type_ and c.lemma_.lower() not in _GATHERINGS))
        for c in tok.children
    ):
        return True  # "will host a quiz show", "sites host files", "could have hosted 30,000": no meeting
    if etype == "Death" and lemma in ("execute", "execution"):
        things = _objects(tok) + [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for p in c.children if p.dep_ == "pobj"]
        if any(t.lemma_.lower() in _EXECUTED_THINGS for t in things):
            return True  # "execute warrants", "the execution of the plan"
    if etype == "Protest" and lemma == "rally":
        lemmas = {t.lemma_.lower() for t in cand.sent}
        if sport or (lemmas & _MARKETS and not lemmas & _CROWDS):
            return True  # "shares rallied", "a late rally in the dollar", "rallied to win the match"
    if etype == "Attack" and not violent and tok.lower_ != "clashes" and (
        lemma in _CONTESTS or (lemma in _CONTESTS_UNLESS_PLACE and not geo)
    ):
        return True  # "defeated Gambill 6-3", "a scheduling clash", "his legal battles"
    if etype == "Personnel" and _not_a_post(tok):
        return True
    if etype == "Sanction" and lemma == "sanction" and tok.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _APPROVED for c in tok.children
    ):
        return True  # "a resolution sanctioning military action": approving it, no penalty
    if etype == "Meet" and tok.pos_ == "NOUN" and tok.lower_ == "talk" and not _a_conversation(tok):
        return True  # "the talk in the City is that ...", "talk of a boycott": rumour; negotiations are "talks"
    if etype in _NAMED_TYPES and tok.ent_type_ in _NAME_TYPES:
        return True  # "War on Want said", "the Hunger Strike Memorial": the word is part of a name
    return etype == "Attack" and _plays(cand.sent) and not violent


#: Entity types a trigger word inside of names no happening ("War on Want", "Amnesty International"); a
#: named event ("the Iraq War", spaCy EVENT) stays.
_NAME_TYPES: Final = frozenset({"ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "PERSON"})
_NAMED_TYPES: Final = frozenset({"Attack", "Meet", "Support", "Protest", "Sanction", "Death", "Travel", "Request"})


def _a_conversation(tok: Token) -> bool:
    """A singular "talk" held between people: "a talk between the coach and the referee", "had a long talk"."""
    if any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in tok.children):
        return True
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("have", "hold")


def _not_a_post(tok: Token) -> bool:
    """Personnel words used of no post: "stepped in to rescue the firm", "the referee dismissed Costa",
    "hopes the plan will succeed", "his dismissal against Arsenal" (a sending-off),
    "the firm employs 4,000 people" (a standing number of staff, not a hiring)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma == "dismissal":  # "his dismissal against Arsenal": sent off in a match
        return any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children)
    if tok.pos_ != "VERB":
        return False
    if lemma == "step":
        return not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in _LEAVING for c in tok.children)
    if lemma in ("dismiss", "send"):
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subj and tok.dep_ == "conj":
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        who = subj + [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if tok.dep_ == "relcl":
            who.append(tok.head)  # "referee Anders Frisk, who later dismissed Costa"
        words = who + [c for w in who for c in w.children if c.dep_ in ("compound", "appos")]
        words += [w.head for w in who if w.dep_ == "appos"]
        return any(w.lemma_.lower() in _MATCH_OFFICIALS for w in words)
    if lemma == "succeed":  # "for his bid to succeed": success; "succeeded Blair", "succeed him as leader" stay
        return not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") or (c.dep_ == "prep" and c.lower_ in ("as", "to"))
                       for c in tok.children)
    if lemma == "employ" and tok.tag_ in ("VBZ", "VBP"):
        return any(c.dep_ == "dobj" and (c.like_num or any(m.like_num or m.dep_ == "nummod" for m in c.subtree))
                   for c in tok.children)
    return False
