"""Sense checks: a trigger counts only in its event sense, judged by its arguments and context.

- A travel verb with another sense ("return a verdict", "heads the party") needs a place.
- An attack verb with another sense ("advances to the final", "strikes gold") needs a place or country;
  "strike a deal" is retyped by CAMEO's phrase patterns (:mod:`event_lexicon`) before this runs.
- A person's or party's "attack" on a person, party or policy is words (a Statement), unless the sentence
  shows violence (killed, bomb, troops, police...): real bombings stay Attacks.
- Giving verbs are Support or Transfer only when what is given is material ("provide answers" is not).
- A travel destination that is an organisation is a participant instead.
- An event noun that modifies another noun ("a suicide bomber", "the election cycle") or is generic ("any
  deal") names no happening.
- An attack in a sentence about play (a match, a goal, a serve) with no word of violence sport does not
  use ("killed", "bomb", "troops", "police") is play: "France attacked down the left".
- Buying and selling on a market (by investors or traders, or of shares, currencies or oil with no named
  buyer or seller) is no Transfer: "Investors sold shares in BP", "heavy buying of Japanese stocks"; nor
  is buying an argument ("has not bought that argument"). Demand on a market ("rising demand for oil",
  "consumer demand") is no Request. Replacing an organisation ("should not replace Islamic State") is no
  Personnel event. Broadcasting a programme, a match or a film is no Statement.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Final

from graphbuild.extract.event_figures import figurative
from graphbuild.extract.event_idioms import idiomatic
from graphbuild.extract.event_settings import out_of_setting
from graphbuild.extract.lexicon import POST_HEADS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from graphbuild.extract.common import Hit
    from graphbuild.extract.events import Candidate

#: Travel verbs that also mean something else ("return a verdict", "heads the party"): they need a place.
_TRAVEL_NEEDS_PLACE = frozenset({"return", "head", "fly", "tour"})
#: Attack verbs that also mean something else ("advances to the final"): they need a place or country.
_ATTACK_NEEDS_GEO = frozenset({"advance", "strike", "shoot", "raid", "occupy"})


#: Attack words that are also words of criticism ("Howard attacked Labour's plans").
_VERBAL_ATTACKS = frozenset({"attack", "assail", "hit", "blast", "savage", "slam", "assault", "target", "strike"})
#: Words that show an attack is physical: a sentence with one of them keeps its Attack.
_VIOLENCE = frozenset(
    {"kill", "dead", "death", "wound", "injure", "bomb", "bombing", "gun", "gunman", "shoot", "shot", "explosion",
     "explode", "blast", "suicide", "militant", "soldier", "troop", "weapon", "knife", "stab", "missile", "rocket",
     "police", "victim", "casualty", "terrorist", "fire", "injury", "hospital", "body", "bullet", "grenade",
     "drone", "army", "military", "fighter", "insurgent", "rebel", "force"}
)


def _violent(sent: Span, besides: int = -1) -> bool:
    """Whether a word of ``sent`` (other than the token at ``besides``) shows physical violence."""
    return any(t.lemma_.lower() in _VIOLENCE for t in sent if t.i != besides)


#: Verbs of giving that are Support or Transfer only when what is given is material help.
_GIVING = frozenset({"provide", "supply", "deliver", "give", "grant", "offer", "contribute", "back", "help", "support"})
#: Objects of giving that are not material help ("provide answers", "gave details", "supplied evidence").
_NOT_MATERIAL = frozenset(
    {"answer", "information", "detail", "evidence", "clarity", "update", "explanation", "insight", "comfort",
     "opportunity", "service", "example", "reason", "view", "account", "idea", "advice", "impetus", "boost",
     "glimpse", "chance", "assurance", "guidance", "platform", "context", "feedback", "indication", "sense",
     "picture", "figure", "data", "statement", "interview", "speech", "talk", "way", "lead", "goal"}
)


#: Objects that make an attack verb mean something else ("struck gold", "hit a record", "struck a chord").
_NOT_TARGETS = frozenset(
    {"gold", "silver", "bronze", "medal", "deal", "chord", "note", "balance", "record", "high", "low", "headline",
     "jackpot", "pose", "agreement", "bargain", "compromise", "tone", "goal", "century", "wicket", "form", "ground",
     "button", "road", "shelf", "shelves", "market", "screen", "mark", "target", "peak", "milestone", "wall"}
)


#: Objects that make a Personnel verb mean something else ("dismissed the claims", "replace the law").
_NOT_PEOPLE = frozenset(
    {"rumour", "rumor", "claim", "idea", "suggestion", "report", "allegation", "criticism", "concern", "notion",
     "speculation", "possibility", "fear", "charge", "case", "appeal", "request", "proposal", "call", "warning",
     "threat", "law", "system", "scheme", "policy", "rule", "plan", "bill", "tax", "question", "doubt",
     "evidence", "argument", "accusation", "talk", "story", "comment", "remark", "complaint", "offer"}
)


#: Who is dismissed from a post when no name is given: "dismissed the manager", "dismissed him".
_PEOPLE: Final = frozenset(
    {"he", "him", "she", "her", "they", "them", "who", "whom", "manager", "coach", "minister", "official",
     "officer", "chief", "executive", "director", "head", "chairman", "president", "staff", "worker", "employee",
     "general", "commander", "judge", "governor", "secretary", "aide", "adviser", "advisor", "boss", "player",
     "editor", "teacher", "member", "envoy", "ambassador", "prosecutor", "inspector", "captain", "people",
     "soldier", "guard", "cabinet", "government", "board", "team", "person", "man", "woman", "leader", "deputy"}
)
#: What is criticised when an attack is words: "attacked the plans", "attacked the book".
_CRITICISED: Final = frozenset(
    {"plan", "policy", "decision", "proposal", "idea", "comment", "remark", "statement", "speech", "claim",
     "book", "film", "novel", "trilogy", "show", "programme", "law", "bill", "budget", "scheme", "move", "record",
     "strategy", "approach", "reform", "view", "stance", "position", "handling", "report", "suggestion",
     "tax", "spending", "campaign", "manifesto", "pledge", "government", "rule", "ruling", "verdict", "deal"}
)


#: Support words that are opinion more often than aid: they need a backed party.
_BACKING = frozenset({"help", "support", "back", "defend", "endorse", "assist", "fund", "finance", "bankroll",
                      "sponsor", "underwrite"})


#: Request verbs that also ask questions or plead in court: a request says what is asked for.
_ASKING = frozenset({"ask", "plead", "beg"})


def _asks_for_something(tok: Token) -> bool:
    """"asked X to leave", "asked for help", "asked that X" (not "asked whether", "when asked", "pleaded guilty")."""
    for c in tok.children:
        if c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("for", "with")):
            return True
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return True
    return False


#: Determiners that make an event noun generic: "any deal", "every election" names no happening.
_GENERIC_DET: Final = frozenset({"any", "every", "each", "either", "neither"})


#: Nouns whose event-word modifier still names a happening ("the bombing campaign", "the coup leader",
#: "the death toll", "attack victims").
_HAPPENING_HEADS: Final = frozenset(
    {"campaign", "operation", "leader", "plotter", "suspect", "victim", "survivor", "attempt", "anniversary",
     "aftermath", "toll", "site", "scene", "investigation", "probe", "trial", "force", "wave", "spree"}
)


def _background_noun(tok: Token) -> bool:
    """An event noun that names no happening of its own: a modifier of another noun ("a suicide bomber",
    "this election cycle", "attack helicopters"), or a generic mention ("any deal should preserve ...")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if (
        tok.dep_ == "compound"
        and tok.head.i != tok.i
        and tok.head.pos_ in ("NOUN", "PROPN")
        and tok.head.lemma_.lower() not in _HAPPENING_HEADS
    ):
        return True
    return any(c.dep_ == "det" and c.lower_ in _GENERIC_DET for c in tok.children)


def _agrees_on_something(tok: Token) -> bool:
    """"agreed to meet", "agreed a deal", "agreed on a ceasefire", "signed the treaty" (not "agreed that it
    was of concern", "agree with the critics", "signed up for the scheme")."""
    lemma = tok.lemma_.lower()
    if any(c.dep_ == "prt" for c in tok.children):
        return False  # "signed up", "signed off"
    if lemma != "agree":
        return True
    return any(c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("on", "to", "upon"))
               for c in tok.children)


#: Nominating puts someone up for a post; a nomination for anything else (an award, a prize, a category) is
#: no Personnel event.
_NOMINATING: Final = frozenset({"nominate", "nomination", "shortlist"})
_POSTS: Final = frozenset(w for t in TITLES | POST_HEADS for w in t.split()) | frozenset(
    {"post", "job", "seat", "position", "office", "candidate", "presidency", "leadership", "chairmanship",
     "board", "court", "cabinet", "bench", "ticket"}
)


def _nominated_for_no_post(tok: Token) -> bool:
    """"nominated for an Oscar", "nominated in six categories", "five nominations", "the Oscar-nominated film":
    the nomination names no post. One naming a post ("nominated X as ambassador", "for mayor", "his
    nomination as ambassador") or a verb with no "for"/"in" ("Bush nominated X") stands."""
    if tok.dep_ == "amod" and tok.head.lemma_.lower() not in _POSTS:
        return True
    if tok.pos_ == "NOUN":
        return not any(w.lemma_.lower() in _POSTS for w in tok.subtree if w.i != tok.i and w.pos_ in ("NOUN", "PROPN"))
    objects = [w.lemma_.lower() for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in ("for", "in")
               for obj in prep.children if obj.dep_ == "pobj" for w in obj.subtree if w.pos_ in ("NOUN", "PROPN")]
    return bool(objects) and not set(objects) & _POSTS


#: Words that set a sentence on a pitch, court or track: an "attack" or "strike" there is play.
_SPORT: Final = frozenset(
    {"match", "striker", "midfielder", "defender", "goalkeeper", "league", "cup", "semi-final", "quarter-final",
     "penalty", "score", "scorer", "equaliser", "equalizer", "championship", "tournament", "wicket", "innings",
     "batsman", "bowler", "fixture", "derby", "referee", "half-time", "lap", "header", "free-kick", "touchline",
     "trophy", "champion", "squad", "replay", "relegation", "premiership", "rugby", "football", "tennis",
     "cricket", "seed", "semi-finalist", "finalist", "stadium", "kick-off", "playoff", "play-off"}
)
#: Words of violence that sport does not use figuratively ("shot", "fire", "attack", "strike" it does).
_HARD_VIOLENCE: Final = frozenset(
    {"kill", "dead", "death", "die", "bomb", "bombing", "bomber", "gun", "gunman", "gunfire", "explosion",
     "explode", "suicide", "militant", "soldier", "troop", "weapon", "knife", "stab", "missile", "rocket", "police",
     "terrorist", "grenade", "army", "military", "insurgent", "rebel", "hostage", "airstrike", "war", "riot"}
)


def _sport(sent: Span) -> bool:
    """A sentence about play (a match, a goal, a serve) that shows no violence sport does not speak of:
    "France attacked down the left in the second half of the match", "Liverpool's attack was blunted"."""
    lemmas = {t.lemma_.lower() for t in sent}
    return bool(lemmas & _SPORT) and not lemmas & _HARD_VIOLENCE


#: Buying and selling on a market: what is traded, and who trades.
_MARKET_GOODS: Final = frozenset(
    {"share", "stock", "bond", "equity", "security", "currency", "dollar", "euro", "yen", "pound", "sterling",
     "franc", "yuan", "rouble", "ruble", "oil", "crude", "commodity", "future", "option", "gilt", "treasury",
     "asset"}
)
_MARKET_ACTORS: Final = frozenset(
    {"investor", "trader", "dealer", "speculator", "buyer", "seller", "market", "fund", "punter", "shareholder",
     "bargain-hunter", "profit-taker"}
)
_TRADING: Final = frozenset({"buy", "sell", "purchase", "buying", "selling", "sale", "sell-off", "purchasing"})


def _market_trading(cand: Candidate) -> bool:
    """Trading on a market, no transfer between named parties: "Investors sold shares in BP", "heavy buying
    of Japanese stocks", "BP shares were sold" (no named buyer or seller). A named party buying or selling
    ("BP sold its stake in Rosneft to Gazprom", "Microsoft bought Activision") stays a Transfer."""
    tok = cand.trigger
    if tok.lemma_.lower() not in _TRADING and tok.lower_ not in _TRADING:
        return False
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lemma_.lower() in _MARKET_ACTORS for c in subjects if c.dep_ == "nsubj"):
        return True
    traded = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    traded += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if tok.pos_ == "NOUN" and tok.dep_ == "compound":
        traded.append(tok.head)
    goods = any(t.lemma_.lower() in _MARKET_GOODS for t in traded)
    return goods and not cand.args.get("agent") and not cand.args.get("destination")


#: What one "buys" or "sells" when one believes or promotes it ("has not bought that argument", "sold the idea").
_BELIEFS: Final = frozenset(
    {"argument", "idea", "story", "line", "claim", "excuse", "explanation", "theory", "notion", "premise",
     "narrative", "pitch", "message", "vision", "concept", "case", "lie", "myth", "dream", "spin"}
)
#: Words that make "demand" the market's ("rising demand for oil", "consumer demand"), not a request.
_MARKET_DEMAND: Final = frozenset(
    {"rise", "rising", "grow", "growing", "strong", "weak", "high", "low", "fall", "falling", "slow", "slowing",
     "global", "domestic", "consumer", "market", "energy", "oil", "gas", "export", "import", "world", "robust",
     "sluggish", "soft", "firm", "seasonal", "peak", "housing", "credit", "customer"}
)
#: What a broadcaster airs: a broadcast of one of these is a programme going out, no one's statement.
_PROGRAMMES: Final = frozenset(
    {"programme", "program", "show", "match", "game", "final", "film", "documentary", "series", "episode",
     "concert", "opera", "coverage", "footage", "ceremony", "race", "drama", "comedy", "soap", "musical",
     "play", "broadcast", "tournament", "event", "fixture", "highlight", "advert", "advertisement", "movie"}
)


def _airs_a_programme(tok: Token) -> bool:
    """"broadcast the final live", "the programme was broadcast", "ITV's broadcast of the opera"."""
    aired = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    aired += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if tok.dep_ == "acl" and tok.head.i != tok.i:
        aired.append(tok.head)  # "a documentary broadcast on Sunday"
    return any(a.lemma_.lower() in _PROGRAMMES for a in aired)


#: Personnel verbs that also replace things: they need a person replaced.
_REPLACING: Final = frozenset({"replace", "succeed", "supplant", "oust"})


def sanity(cand: Candidate) -> Candidate | None:
    """Drop or retype readings a trigger word's other senses make likely."""
    lemma = cand.trigger.lemma_.lower()
    if cand.rule == "event.noun" and _background_noun(cand.trigger):
        return None
    geo = {h.entity.type for hits in cand.args.values() for h in hits} & {"Place", "Country"}
    if out_of_setting(cand, _sport(cand.sent), _violent(cand.sent, cand.trigger.i), bool(geo)):
        return None  # "before the next election", "Arsenal meet Chelsea", "the film follows a girl who flees"
    if (
        cand.event_type in ("Support", "Transfer")
        and lemma in _GIVING
        and cand.trigger.pos_ == "VERB"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _NOT_MATERIAL for c in cand.trigger.children)
    ):
        return None  # "provide answers", "gave evidence": not aid
    if (
        cand.event_type == "Request"
        and lemma in _ASKING
        and cand.trigger.pos_ == "VERB"
        and not _asks_for_something(cand.trigger)
    ):
        return None  # "asked whether", "asked about the money", "pleaded not guilty": questions and pleas
    if cand.event_type == "Personnel" and cand.trigger.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _NOT_PEOPLE for c in cand.trigger.children
    ):
        return None  # "dismissed the rumours", "replaced the system": people are appointed and fired
    if cand.event_type == "Personnel" and lemma == "dismiss" and _dismisses_no_one(cand.trigger):
        return None  # "dismissed a permanent move", "dismissed the idea as nonsense": rejected, no firing
    if cand.event_type == "Personnel" and lemma in _NOMINATING and _nominated_for_no_post(cand.trigger):
        return None  # "nominated for an Oscar", "Oscar-nominated": awards, not posts
    if cand.event_type == "Agreement" and cand.trigger.pos_ == "VERB" and not _agrees_on_something(cand.trigger):
        return None  # "agreed it was of concern", "did not agree with politicians", "signed up for": opinions, joining
    if cand.event_type == "Support" and lemma in _BACKING and not cand.args.get("target"):
        return None  # "supports the bill", "helped to win": backing counts when a party is backed
    if cand.event_type == "Protest" and cand.trigger.pos_ == "VERB" and any(
        c.dep_ == "dobj" for c in cand.trigger.children
    ):
        return None  # "demonstrated its strength", "rallied support": protests take no object
    if idiomatic(cand, _sport(cand.sent), _violent(cand.sent, cand.trigger.i), bool(geo)):
        return None  # "imported cars", "home sales", "met the target", "demand is huge", "market rally"
    figure = figurative(cand, bool(geo))
    if figure == "drop":
        return None  # "attacking play", "the arrival of spring", "a service called X", "agreed to introduce a ban"
    if figure is not None:
        cand.event_type = figure  # "civil servants were on strike": a Protest; "signed the striker": Personnel
        cand.rule = f"event.sense.{figure.lower()}"
    if cand.event_type == "Meet" and cand.trigger.pos_ == "VERB" and any(
        c.dep_ == "nsubjpass" for c in cand.trigger.children
    ) and not cand.args.get("target"):
        return None  # "the cost could not be met": people are met, costs and targets are not
    if cand.event_type == "Travel":
        for role in ("destination", "origin"):
            kept = [h for h in cand.args.get(role, []) if h.entity.type != "Organization"]
            moved = [h for h in cand.args.get(role, []) if h.entity.type == "Organization"]
            if moved:
                cand.args[role] = kept
                cand.args.setdefault("participant", []).extend(moved)
                if not kept:
                    del cand.args[role]
        if lemma in _TRAVEL_NEEDS_PLACE and cand.trigger.pos_ == "VERB" and any(
            c.dep_ == "dobj" and not c.ent_type_ and c.pos_ == "NOUN" for c in cand.trigger.children
        ):
            return None  # "returned 28 documents to Russia", "heads the party", "flew the flag": no trip
        where = {h.entity.type for r in ("destination", "origin", "place") for h in cand.args.get(r, [])}
        if cand.rule.startswith("event.verb") and lemma in _TRAVEL_NEEDS_PLACE and not where & {"Place", "Country"}:
            return None  # "Britain is heading in the wrong direction": a traveller is no destination
    if cand.event_type == "Transfer" and lemma in _TRADING and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _BELIEFS for c in cand.trigger.children
    ):
        return None  # "the Kremlin has not bought that argument": believing, no purchase
    if cand.event_type == "Request" and lemma == "demand" and cand.trigger.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and (c.lemma_.lower() in _MARKET_DEMAND or c.lower_ in _MARKET_DEMAND)
        for c in cand.trigger.children
    ):
        return None  # "China's rising demand for lube", "consumer demand": the market's, no request
    if cand.event_type == "Personnel" and lemma in _REPLACING and cand.args.get("target") and not any(
        h.entity.type == "Person" for h in cand.args["target"]
    ):
        return None  # "the militia should not replace Islamic State there": people are replaced in posts
    if cand.event_type == "Statement" and lemma == "broadcast" and _airs_a_programme(cand.trigger):
        return None  # "Channel 4 broadcast the opera": a programme aired, no statement
    if cand.event_type == "Transfer" and _market_trading(cand):
        return None  # "investors sold shares", "heavy buying of stocks": the market, no deal between parties
    if cand.event_type == "Attack":
        if _sport(cand.sent):
            return None  # "France attacked down the left in the second half of the match": play
        if not cand.rule.startswith("event.noun") and lemma in _ATTACK_NEEDS_GEO and not geo:
            return None
        if cand.rule.startswith("event.cameo") and not geo and not _violent(cand.sent):
            return None  # CAMEO's "fight", "battle", "clash" in politics are words, not violence
        if cand.rule == "event.verb.extra" and not geo and not _violent(cand.sent, cand.trigger.i):
            return None  # "stabbing the peace process in the back", "torched his chances": figures of speech
        if cand.rule == "event.noun" and cand.trigger.dep_ == "pobj" and cand.trigger.head.lower_ == "in" and not any(
            c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in cand.trigger.children
        ):
            return None  # "in advance", "in attack": a fixed phrase, no event ("in two explosions" is one)
        if cand.trigger.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _NOT_TARGETS for c in cand.trigger.children
        ):
            return None
        agents = {h.entity.type for h in cand.args.get("agent", [])}
        targets = {h.entity.type for h in cand.args.get("target", [])}
        if (
            lemma in _VERBAL_ATTACKS
            and agents
            and agents <= {"Person", "Organization"}
            and not targets & {"Place", "Country"}
            and not geo - targets
            and not _violent(cand.sent)
            and not (cand.trigger.dep_ == "dobj" and cand.trigger.head.lemma_.lower() in _PERPETRATING)
        ):
            # "Howard attacked Labour's plans": in politics an attack by a person or party is words
            cand.event_type = "Statement"
            cand.rule = "event.verbal_attack"
        elif lemma in _VERBAL_ATTACKS and not _violent(cand.sent, cand.trigger.i) and _criticises(cand.trigger):
            return None  # "the trilogy was attacked by teachers", "attacked her for saying": words, no attack
    return cand


#: Verbs whose object attack is a deed, never words: "decided to carry out the attacks", "claimed the attack".
_PERPETRATING: Final = frozenset({"carry", "commit", "perpetrate", "stage", "claim", "plot", "mount", "execute"})


def _dismisses_no_one(tok: Token) -> bool:
    """"dismissed the move", "dismissed it as nonsense", "dismissed suggestions that": no one loses a post."""
    if tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "as" and not any(
            p.lemma_.lower() in POST_HEADS or p.lower_ in TITLES for p in c.children if p.dep_ == "pobj")
           for c in tok.children):
        return True  # "dismissed it as nonsense"; "dismissed him as chief executive" is a firing
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objs) and not any(o.ent_type_ in ("PERSON", "NORP") or o.lemma_.lower() in _PEOPLE
                                  or o.lower_ in _PEOPLE for o in objs)


def _criticises(tok: Token) -> bool:
    """An attack on words, plans or works ("attacked the plans", "the book was attacked"), or on someone
    for what they said ("attacked him for saying")."""
    if tok.pos_ != "VERB":
        return False
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _CRITICISED for c in tok.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("for", "over") and any(
        p.dep_ in ("pcomp", "pobj") and (p.tag_ == "VBG" or p.lemma_.lower() in _CRITICISED) for p in c.children
    ) for c in tok.children)


#: News outlets and agencies: their "reported" carries a story, it is no happening of the story
#: (the guidelines make a Statement whose only speaker is an outlet optional).  A state radio or
#: television speaking for a government ("Damascus Radio said") is not among them.
_MEDIA_NAMES: Final = frozenset(
    {"reuters", "ap", "afp", "interfax", "tass", "itar-tass", "ria novosti", "xinhua", "bbc", "cnn", "al jazeera",
     "al-jazeera", "al-monitor", "irna", "ina", "pap", "kyodo", "yonhap", "efe", "ansa", "dpa", "anatolia",
     "fox news", "nbc", "abc", "cbs", "npr", "sky news", "itv", "press association", "associated press",
     "agence france-presse", "der spiegel", "spiegel", "le monde", "the hill", "politico", "bloomberg"}
)
_MEDIA_WORDS: Final = frozenset(
    {"news", "times", "newspaper", "gazette", "journal", "telegraph", "herald", "tribune", "daily", "agency",
     "magazine"}
)


#: Speech verbs whose "in a statement" / "in an interview" names the same Statement.
_SPEECH_VERBS: Final = frozenset(
    {"say", "tell", "announce", "add", "state", "write", "confirm", "explain", "declare", "comment", "claim",
     "insist", "report", "warn", "deny", "admit", "stress", "argue", "speak", "reply", "describe", "accuse"}
)


def is_media(label: str) -> bool:
    """Whether an organisation's label names a news outlet or agency ("Interfax", "Damascus Radio")."""
    low = label.lower()
    return low in _MEDIA_NAMES or bool(set(low.replace("-", " ").split()) & _MEDIA_WORDS)


_QUOTE_MARKS: Final = re.compile(r'[“”"]|\n\n')


class QuoteMask:
    """Which character offsets of a text stand inside quotation marks.

    Curly marks say which way they face; a straight mark opens after a space or the start and closes
    after a word, so a quote whose opening mark was cut off ("... there," Isik told) does not run on; a
    paragraph break closes any quote.  Built from the marks alone (a few per article), looked up by bisection.
    """

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        inside = False
        for m in _QUOTE_MARKS.finditer(text):
            i, mark = m.start(), m.group()
            if mark == "\n\n":
                opens = False
            elif mark in "“”":
                opens = mark == "“"
            else:
                before = text[i - 1] if i else " "
                opens = (before.isspace() or before in "([—-") and i + 1 < len(text) and not text[i + 1].isspace()
            if opens and not inside:
                self.starts.append(i + 1)
            elif not opens and inside:
                self.ends.append(i)
            inside = opens
        if inside:
            self.ends.append(len(text))

    def __call__(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]


NO_QUOTES: Final = QuoteMask("")


def unsaid(cand: Candidate, quoted: QuoteMask) -> bool:
    """A Statement that is no statement of the story:

    - ``negated``: "declined to comment", "did not say" -- nothing was said;
    - it is the noun of a speech verb's setting ("said in a statement", "in a BBC interview, Brown said"):
      the verb's Statement already;
    - its trigger stands inside quotation marks: the quoted speaker's own words ("Lots of people say"),
      part of that speaker's Statement;
    - its only speakers are news outlets ("Interfax reported").
    """
    if cand.event_type != "Statement":
        return False
    if cand.status == "negated":
        return True
    tok = cand.trigger
    if (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ == "pobj"
        and tok.head.head.lemma_.lower() in _SPEECH_VERBS
        and tok.head.head.i != tok.head.i
    ):
        return True  # "said in a statement", "told in an interview": the verb's Statement
    if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SPEECH_VERBS and not cand.args:
        return True  # "the statement said": the verb's Statement, whose speaker is not named
    if quoted(tok.idx):
        return True
    agents = cand.args.get("agent", [])
    return bool(agents) and all(h.entity.type == "Organization" and is_media(h.entity.label) for h in agents)


#: Verbs whose subject tells of a happening ("X said", "according to X" is read through its pobj).
_REPORTING: Final = frozenset({"say", "tell", "announce", "report", "confirm", "claim", "add", "state", "note",
                               "insist", "warn", "explain", "write", "deny", "estimate"})


def _reporter(doc: Doc, hit: Hit) -> bool:
    """Whether the mention is the subject of a reporting verb, or the name in "according to X"."""
    span = doc.char_span(hit.mention.start, hit.mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("compound", "poss") and root.head.i != root.i:
        root = root.head  # "a Foreign Office spokesman said": the office reports through him
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in _REPORTING:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def guessed_argument_wrong(cand: Candidate, role: str, hit: Hit, quoted: QuoteMask) -> bool:
    """An argument guessed from the sentence around a trigger (see :mod:`event_context`) is wrong when

    - it is the agent of a verb (or the speaker of a speech verb) that names its own noun subject: "the
      ministry said", "officials called for steps against the Israeli government" -- the speaker or agent
      is that noun, named or not ("chief of staff Umit Dundar said" names him inside the subject), or the
      subject it shares with the verb it is conjoined to ("It welcomed ... but called for steps");
    - it is taken from the sentence before and is who reports there ("Dundar said ... . '104 soldiers
      were killed'"), or names who reports ("said a Foreign Office spokesman"): the one who tells of a
      happening takes no part in it;
    - it is a speaker named inside the quotation ("Every president since Eisenhower ...," said Samore).
    """
    statement = cand.event_type == "Statement"
    if not statement and hit.mention.start < cand.sent.start_char and _reporter(cand.trigger.doc, hit):
        return True
    if not statement and not (role == "agent" and cand.trigger.pos_ == "VERB"):
        return False
    subjects = [c for c in cand.trigger.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    head = cand.trigger.head
    if not subjects and not statement and cand.trigger.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        # "It welcomed the criticism of Israel's policies but called for steps": the verb shares its subject
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if subjects and not any(
        c.left_edge.idx <= hit.mention.start < c.right_edge.idx + len(c.right_edge.text) for c in subjects
    ):
        return True
    return statement and quoted(hit.mention.start)
