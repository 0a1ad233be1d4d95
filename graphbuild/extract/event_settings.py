"""Sense checks from where a trigger stands: a time anchor, a sports report, a plot summary, a firm's trade.

- An election named only as a time anchor ("before the next election", "ahead of the poll", "in the run-up
  to the election") or as the modifier of another noun ("the election campaign", "an election pledge") is no
  event of its own.
- In a sports report (a document full of matches, leagues and goals) teams and players "meet" and "visit"
  one another in fixtures: "Arsenal meet Chelsea at Highbury", "she will now meet Venus Williams", "with
  England visiting Dublin"; a "meeting with the board" or "met club officials" stays a Meet.
- In a sports report a player replacing a player is a substitution or a team selection, no Personnel event,
  unless the sentence names a post ("replaced Wigley as manager", "replaced as captain").
- A happening inside a plot summary is fiction: "the film tells the story of a girl who flees Paris", "the
  novel follows two men who take a road trip", "plays a detective trying to solve a murder" (a "true story"
  stands).
- A firm's trade, told in a relative clause of the present ("BT, which sells lines to other firms", "a
  company that provides software"), is what it does, no happening.
- "War" on an abstraction ("the war on drugs", "War on Want") and a contest called a war ("a price war", "a
  bidding war") are no Attack; an "advance" with no place or violence is progress ("advances in medicine").
- "Kill" needs a living victim ("without killing off demand", "killed the deal" are no deaths); "replace"
  needs a person replaced, not something of theirs ("nothing could replace his love of the club").
- A participle describing goods in general ("drugs supplied to Africa") is trade, no Transfer; a "summit" in a
  sentence about play is the top of a league, no Meet.
- Market demand for goods ("the demand for US goods", "reduce demand", "meet demand") is no Request.
- A lucky or narrow "escape" is survival, and an escape in a match is play: no Travel. Retiring or quitting
  from a match, with an injury, is no Personnel event ("retired hurt", "forced to retire from the match").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from graphbuild.extract.lexicon import POST_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from graphbuild.extract.events import Candidate

#: Nouns of an election: named as a time anchor they are when something else happens.
_ELECTIONS: Final = frozenset({"election", "poll", "by-election", "referendum", "vote", "re-election", "reelection"})
#: Prepositions that make their object a point in time: "before the election", "at the next election".
_TIME_PREPS: Final = frozenset({"before", "after", "ahead", "until", "till", "since", "following", "at", "by",
                                "towards", "toward", "prior", "pending", "during", "up", "run-up", "beyond"})
#: Nouns whose "of"/"to" object is a time: "in the run-up to the election", "in the wake of the poll".
_TIME_NOUNS: Final = frozenset({"run-up", "runup", "eve", "wake", "aftermath", "time", "date", "day", "week",
                                "month", "year", "end", "start", "lead-up", "build-up", "approach", "timing"})


#: Verbs of taking part in an election: "contest seats at the election", "stand at the next election".
_CONTESTING: Final = frozenset({"contest", "run", "fight", "win", "lose", "field", "compete", "vote", "stand"})


def _contests(verb: Token) -> bool:
    """"contest seats", "run", "stand" (not "stand down", "step aside": leaving a post at an election)."""
    return verb.lemma_.lower() in _CONTESTING and not any(c.dep_ == "prt" for c in verb.children)


def _election_anchor(tok: Token) -> bool:
    """"before the next election", "ahead of the poll", "in the run-up to the election", "at the general
    election", "after two elections in December", "the election campaign", "Labour's election pledge"."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
        tok = doc[tok.i + 2]  # "re-election", split by the tokenizer: the word after the hyphen heads it
    if tok.lemma_.lower() not in _ELECTIONS and tok.lower_ not in _ELECTIONS:
        return False
    if tok.dep_ == "compound" or (tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN")):
        return True  # "the election campaign", "election pledges", "election-winning"
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in ("at", "in") and _contests(prep.head):
        return False  # "will contest most seats at the next election", "won a seat in the election": the contest
    if prep.lower_ in _TIME_PREPS:
        return True
    if prep.lower_ == "of" and prep.head.lower_ in ("ahead", "prior", "eve", "wake", "run-up", "aftermath", "timing"):
        return True
    return prep.lower_ in ("to", "of", "in") and prep.head.lemma_.lower() in _TIME_NOUNS


#: Words of a sports report: a document with several of them tells of matches.
_SPORT_WORDS: Final = frozenset(
    {"match", "striker", "midfielder", "defender", "goalkeeper", "league", "cup", "semi-final", "quarter-final",
     "penalty", "scorer", "equaliser", "championship", "tournament", "wicket", "innings", "fixture", "derby",
     "referee", "half-time", "header", "free-kick", "trophy", "squad", "replay", "relegation", "premiership",
     "rugby", "football", "tennis", "cricket", "semi-finalist", "finalist", "stadium", "kick-off", "play-off",
     "goal", "coach", "season", "seed", "final", "tie", "cap", "athletics", "olympic", "olympics", "champion",
     "victory", "defeat", "score", "player", "team", "club", "manager", "race", "medal", "sprint", "lap", "slam"}
)
#: How many of those words make a document a sports report.
_SPORT_REPORT: Final = 6


def _sports_report(doc: Doc) -> bool:
    """Whether ``doc`` is a sports report: at least six words of play (counted once per document)."""
    known = doc.user_data.get("graphbuild.sports_report")
    if isinstance(known, bool):
        return known
    found = sum(1 for t in doc if t.lemma_.lower() in _SPORT_WORDS or t.lower_ in _SPORT_WORDS) >= _SPORT_REPORT
    doc.user_data["graphbuild.sports_report"] = found
    return found


#: Named opponents: a team, a player, a country.
_OPPONENTS: Final = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: What a fixture's "meet" is for: "meet X in the final", "meet X at Twickenham"; a meeting "with" someone or
#: "to discuss" stays.
_FIXTURE_VERBS: Final = frozenset({"meet", "visit", "face", "play"})


def _fixture(cand: Candidate) -> bool:
    """In a sports report, a team or player "meets" or "visits" a named opponent or ground: a fixture."""
    tok = cand.trigger
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in _FIXTURE_VERBS or not _sports_report(tok.doc):
        return False
    if any((c.dep_ in ("xcomp", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX"))
           or (c.dep_ == "prep" and c.lower_ in ("with", "about", "over"))
           for c in tok.children):
        return False  # "met with the board", "meet to discuss the move"
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if cand.event_type == "Travel":
        return lemma == "visit" and (not objs or any(o.pos_ == "PROPN" or o.ent_type_ for o in objs))
    if not objs:
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        return any(s.lemma_.lower() in ("side", "team", "two", "pair", "club") for s in subj)  # "the sides meet"
    return all(o.ent_type_ in _OPPONENTS or o.lemma_.lower() in ("holder", "champion", "side", "team")
               for o in objs)


#: Words of a post in a sports report: a coach, manager or captain replaced is a Personnel event.
_SPORT_POSTS: Final = POST_HEADS | frozenset({"job", "post", "role", "position", "helm", "charge", "captaincy"})


def _substitution(cand: Candidate) -> bool:
    """In a sports report, a player replacing a player ("came off the bench to replace Grayson", "Kay replaces
    Borthwick in the side", "Hewitt replaces Roddick as world number two") is a substitution or a selection,
    no post changing hands; "replaced Wigley as manager", "replaced as captain by Robinson" are."""
    tok = cand.trigger
    if tok.lemma_.lower() not in ("replace", "substitute", "replacement") or not _sports_report(tok.doc):
        return False
    return not any(t.lemma_.lower() in _SPORT_POSTS or t.lower_ in _SPORT_POSTS for t in cand.sent)


#: What tells a plot: "tells the story of", "the film follows", "is about".
_WORKS: Final = frozenset(
    {"film", "movie", "novel", "book", "story", "show", "series", "drama", "play", "musical", "comedy", "sitcom",
     "soap", "sequel", "episode", "plot", "thriller", "opera", "tale", "fable", "script", "screenplay",
     "adaptation", "cartoon", "animation", "fantasy", "storyline", "trilogy", "biopic", "remake", "prequel"}
)
_TELLING: Final = frozenset({"tell", "follow", "centre", "center", "revolve", "chronicle", "depict", "feature"})
_STORIES: Final = frozenset({"story", "tale", "plot", "storyline", "adventure", "adventures"})


def _a_work(subj: Token) -> bool:
    """A film, novel or show, named or not; "which" or "that" stands for the work it follows ("a book which
    tells the story of")."""
    if subj.lower_ in ("which", "that") and subj.head.dep_ == "relcl":
        subj = subj.head.head
    return subj.lemma_.lower() in _WORKS or subj.ent_type_ == "WORK_OF_ART"


def _in_plot(tok: Token) -> bool:
    """Whether ``tok`` stands inside a plot summary: "the film tells the story of a girl who flees", "the novel
    follows three children who are orphaned", "plays a man trying to solve a murder" (not "the true story of",
    nor a news story: what tells it must be a work)."""
    cur = tok
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            return False
        low = head.lemma_.lower()
        if head.pos_ == "VERB" and low in _TELLING and any(
            c.dep_ == "nsubj" and _a_work(c) for c in head.children
        ):
            return not (cur.lemma_.lower() in _STORIES and any(
                c.dep_ == "amod" and c.lower_ in ("true", "real", "real-life") for c in cur.children))
        if head.pos_ == "VERB" and low in ("play", "portray") and cur.dep_ == "dobj" and tok.i != cur.i and any(
            c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in ("he", "she")) for c in head.children
        ):
            return True  # "Hanks will play Robert Langdon, who is trying to solve the murder"
        cur = head
    return False


#: Objects of "war" that are no enemy one fights with arms: "the war on drugs", "war on terror".
_FOES: Final = frozenset({"GPE", "NORP", "ORG"})
#: Nouns that make a "war" a contest: "a price war", "a bidding war", "a war of words".
_CONTEST_WARS: Final = frozenset(
    {"price", "bidding", "bid", "trade", "rating", "ratings", "turf", "format", "console", "tariff", "culture",
     "class", "browser", "fare", "talent", "pay", "tax", "takeover", "media", "propaganda", "word", "words",
     "patent", "sales", "advertising", "poster", "standards", "cola", "chart", "currency"}
)


def _not_a_war(tok: Token) -> bool:
    if tok.lemma_.lower() != "war":
        return False
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in _CONTEST_WARS for c in tok.children):
        return True  # "a price war", "a bidding war"
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "of", "against"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if c.lower_ == "of" and any(p.lemma_.lower() in ("word", "nerve") for p in objs):
                return True  # "a war of words"
            if c.lower_ == "on" and objs and not any(p.ent_type_ in _FOES for p in objs):
                return True  # "the war on terror", "War on Want"
    return False


#: What is "killed" when no one dies: "killing off demand", "killed the deal", "the bill was killed".
_LIFELESS: Final = frozenset(
    {"demand", "deal", "bill", "idea", "plan", "hope", "chance", "ball", "momentum", "growth", "project", "proposal",
     "talk", "scheme", "story", "recovery", "competition", "market", "sale", "industry", "economy", "career",
     "dream", "legislation", "law", "reform", "initiative", "buzz", "mood", "spirit", "ambition", "bid", "prospect",
     "interest", "trade", "business", "programme", "program", "service", "product", "time", "game", "match",
     "debate", "conversation", "rumour", "rumor", "speculation", "pain", "engine", "light", "power", "signal",
     "process", "treaty", "agreement", "merger", "takeover", "offer", "investment", "innovation", "creativity",
     "enthusiasm", "appetite", "confidence", "joke", "atmosphere", "contest", "campaign", "franchise", "brand",
     "format", "show", "series", "character", "role", "feature", "budget", "tax", "measure", "amendment"}
)


def _kills_nothing_alive(tok: Token) -> bool:
    """"without killing off demand", "killed the deal", "the bill was killed": no one died."""
    if tok.lemma_.lower() != "kill" or tok.pos_ != "VERB":
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objs) and all(o.pos_ == "NOUN" and not o.ent_type_ and o.lemma_.lower() in _LIFELESS for o in objs)


#: People one replaces: posts, roles and player positions.
_ROLES: Final = frozenset(
    {"predecessor", "successor", "incumbent", "manager", "coach", "boss", "chief", "captain", "player", "striker",
     "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward", "veteran", "chairman", "executive",
     "director", "minister", "secretary", "president", "leader", "head", "editor", "presenter", "host", "judge",
     "member", "deputy", "colleague", "partner", "rival", "star", "actor", "actress", "singer", "man", "woman"}
)


def _replaces_a_thing(tok: Token) -> bool:
    """"nothing could replace his love of the club": what is replaced is someone's thing, not them."""
    if tok.lemma_.lower() not in ("replace", "succeed") or tok.pos_ != "VERB":
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(
        o.pos_ == "NOUN" and not o.ent_type_ and o.lemma_.lower() not in _ROLES
        and any(m.dep_ == "poss" for m in o.children)
        for o in objs
    )


#: What is demanded on a market: goods, services, commodities.
_GOODS_DEMANDED: Final = frozenset(
    {"good", "product", "service", "oil", "gas", "energy", "car", "vehicle", "house", "home", "housing", "loan",
     "credit", "steel", "copper", "metal", "commodity", "export", "import", "food", "electricity", "power",
     "fuel", "chip", "computer", "phone", "handset", "broadband", "ticket", "flight", "seat", "property",
     "share", "stock", "bond", "currency", "dollar", "euro", "yen", "gold", "coal", "grain", "beef", "coffee",
     "game", "console", "dvd", "cd", "album", "book", "music", "advertising", "labour", "worker", "staff",
     "capacity", "bandwidth", "space", "equipment", "machinery", "material", "aircraft", "plane", "jet"}
)
#: Verbs of a market acting on demand: "reduce demand", "meet demand", "kill off demand".
_DEMAND_MOVERS: Final = frozenset(
    {"reduce", "boost", "meet", "satisfy", "kill", "dampen", "curb", "stimulate", "fuel", "increase", "cut", "hit",
     "weaken", "spur", "drive", "outstrip", "exceed", "outpace", "stoke", "choke", "depress", "lift", "revive",
     "fulfil", "fulfill", "cope", "match", "generate", "create", "see", "expect", "forecast", "lower", "raise",
     "sap", "slow", "strengthen", "sustain", "support", "underpin", "affect"}
)


def _market_demand_for_goods(tok: Token) -> bool:
    """"reducing the demand for US goods", "to meet demand", "demand for oil": the market's, no request."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() != "demand":
        return False
    if any(c.dep_ in ("poss", "relcl", "acl", "ccomp") for c in tok.children):
        return False  # "the union's demand", "a demand that he resign"
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in _DEMAND_MOVERS:
        return True
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            for p in c.children:
                if p.dep_ == "pobj" and (p.lemma_.lower() in _GOODS_DEMANDED or p.ent_type_ == "PRODUCT"):
                    return not any(g.dep_ in ("relcl", "acl") for g in p.children)
    return False


#: What makes a "debate" a sitting: "a Commons debate", "a televised debate", "the Lords debate".
_FORUMS: Final = frozenset(
    {"commons", "lords", "parliamentary", "televised", "tv", "television", "live", "radio", "leaders", "leader",
     "pre-election", "house", "chamber", "senate", "congress", "assembly", "council", "public", "final", "late-night",
     "emergency", "second", "third", "first", "presidential", "studio", "panel", "head-to-head", "adjournment"}
)


#: Words that make a "debate" public life: "the national debate", "a big debate out there".
_PUBLIC: Final = frozenset({"public", "national", "wider", "domestic", "big", "great", "artificial", "political",
                            "ongoing", "growing", "heated", "fierce", "international", "long-running", "intellectual"})


def _public_debate(tok: Token) -> bool:
    """"the debate about race", "the debate over the term", "running scared of debate", "the wider debate":
    discussion in public life, no sitting. A "Commons debate", a "televised debate", "a debate between the
    leaders", "a debate in London", "the debate will harden views" (a known one) stay."""
    if tok.lemma_.lower() != "debate" or tok.pos_ != "NOUN":
        return False
    if any(c.dep_ in ("compound", "amod", "nmod", "poss") and (c.lower_ in _FORUMS or c.ent_type_ in ("ORG", "FAC"))
           for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("at", "in") and any(p.ent_type_ or p.pos_ == "PROPN" for p in c.children)
           for c in tok.children):
        return False
    if any(c.ent_type_ in ("DATE", "TIME") for c in tok.subtree if c.i != tok.i):
        return False
    topic = any(c.dep_ == "prep" and c.lower_ in ("about", "over", "on", "around", "surrounding") for c in tok.children)
    public = any(c.dep_ == "amod" and c.lower_ in _PUBLIC for c in tok.children)
    bare = not any(c.dep_ in ("det", "poss") for c in tok.children) and tok.tag_ == "NN"
    return topic or public or bare


#: Event types a firm's present-tense trade is no instance of.
_TRADE_TYPES: Final = frozenset({"Transfer", "Support"})


#: Verbs of a firm's trade.
_TRADING: Final = frozenset({"sell", "buy", "supply", "provide", "export", "import", "purchase", "ship", "resell",
                             "re-sell", "distribute"})


#: Nouns of a firm: a relative clause on one of them tells its trade.
_FIRMS: Final = frozenset({"firm", "company", "business", "group", "retailer", "maker", "manufacturer", "supplier",
                           "operator", "provider", "brewer", "carrier", "chain", "store", "shop", "producer"})


def _trade(tok: Token) -> bool:
    """"BT, which sells lines to other firms", "a company that provides software", "Acme sells less beer than
    Zenith": a firm's business, told in the present with no buyer and no time, is no happening."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBZ", "VBP") or tok.lemma_.lower() not in _TRADING:
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg", "dative") or c.ent_type_ in ("DATE", "TIME")
           or (c.dep_ == "prep" and c.lower_ == "to") for c in tok.children):
        return False  # "sells its unit to Beta", "buys Zenith on Monday"
    if tok.dep_ == "relcl":
        firm = tok.head
        return firm.ent_type_ == "ORG" or firm.lemma_.lower() in _FIRMS  # not "the countries it provides protection"
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objs) and tok.dep_ in ("ROOT", "conj") and all(
        o.pos_ == "NOUN" and not any(w.ent_type_ for w in o.subtree)
        and any(c.dep_ == "amod" and c.lower_ in ("more", "less", "fewer", "most") for c in o.children)
        for o in objs
    )  # "sells more beer than its rivals": a comparison of trade; "sells its stake" stays


def _goods_described(tok: Token) -> bool:
    """"drugs supplied to Africa", "products shipped to the US", "cars sold in Europe": a participle describing
    goods in general is trade, no happening ("the oil firm sold to a buyer on Sunday" is one)."""
    head = tok.head
    return (
        tok.pos_ == "VERB" and tok.tag_ == "VBN" and tok.dep_ == "acl"
        and (head.lower_ in ("those", "ones") or (
            head.tag_ == "NNS" and head.pos_ == "NOUN"
            and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)))
        and not any(c.dep_ == "agent" or c.ent_type_ in ("DATE", "TIME") for c in tok.subtree if c.i != tok.i)
    )


#: Counts of goods: "sell five million of the consoles", "ship 2m units".
_COUNTS: Final = frozenset({"million", "billion", "thousand", "hundred", "m", "bn"})
_CURRENCIES: Final = frozenset({"euro", "dollar", "pound", "yen", "yuan", "rouble", "franc", "cent", "penny", "pence"})


def _large(num: Token) -> bool:
    """A count in thousands or more: "1.9 million", "more than 100,000", "5m"."""
    words = [w.lower_ for w in num.subtree]
    if set(words) & _COUNTS:
        return True
    digits = "".join(words).replace(",", "")
    return digits.isdigit() and int(digits) >= 1000


def _units_or_prices(tok: Token) -> bool:
    """"expected to sell five million of the consoles" (a sales figure), "the console sells in Japan for
    $150" (a price): no transfer between parties ("sold 20 jets to Peru" names who bought)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("sell", "ship") or any(
        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in tok.children
    ):
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(o.lower_ in _COUNTS or (o.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children))
           or any(c.dep_ in ("nummod", "quantmod") and _large(c) for c in o.children)
           for o in objs if o.dep_ == "dobj"):
        return True  # "five million of the consoles", "sold 1.9 million copies of his album"
    return not objs and any(c.dep_ == "prep" and c.lower_ == "for" and any(
        w.ent_type_ == "MONEY" or w.tag_ == "$" or w.lemma_.lower() in _CURRENCIES for w in c.subtree)
        for c in tok.children)


#: Words that make a fight or a battle one of law, business or politics: "legal battles", "a court fight".
_CIVIL_FIGHTS: Final = frozenset(
    {"legal", "court", "courtroom", "boardroom", "takeover", "political", "electoral", "bidding", "custody",
     "libel", "copyright", "patent", "tax", "lawsuit", "case", "charge", "appeal", "ruling", "claim", "extradition"}
)


def _civil_fight(tok: Token) -> bool:
    """"was fighting several legal battles against Microsoft", "a court battle", "fought the charges"."""
    if tok.lemma_.lower() not in ("fight", "battle", "fighting"):
        return False
    near = [c for c in tok.children if c.dep_ in ("amod", "compound", "dobj", "nsubjpass")]
    near += [m for c in near if c.dep_ == "dobj" for m in c.children if m.dep_ in ("amod", "compound")]
    return any(w.lemma_.lower() in _CIVIL_FIGHTS or w.lower_ in _CIVIL_FIGHTS for w in near)


#: Words that make an "escape" survival, no trip: "a lucky escape", "escaped with his life".
_NARROW: Final = frozenset({"lucky", "narrow", "miraculous", "great", "close", "remarkable", "fortunate"})


def _no_flight(tok: Token, sport: bool) -> bool:
    if tok.lemma_.lower() != "escape":
        return False
    if sport and _sports_report(tok.doc):
        return True  # "escaped his marker", "escaped with a victory"
    if any(c.dep_ == "amod" and c.lower_ in _NARROW for c in tok.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        p.lemma_.lower() in ("life", "injury", "injuries", "bruise", "fine", "warning", "draw", "victory", "point")
        for p in c.children) for c in tok.children)


#: What one retires or quits from when it is a match: "retired from the match", "retired hurt".
_BOUTS: Final = frozenset({"match", "game", "set", "race", "tie", "bout", "contest", "round", "final", "event"})
_HURT: Final = frozenset({"hurt", "injury", "injured", "heel", "ankle", "knee", "back", "hamstring", "cramp",
                          "illness", "rib", "wrist", "shoulder", "groin", "calf", "elbow", "foot", "thigh"})


def _leaves_a_match(tok: Token) -> bool:
    """"forced to retire from their match", "retired with a bruised heel", "quitting with a rib injury"."""
    if tok.lemma_.lower() not in ("retire", "quit", "withdraw") or tok.pos_ != "VERB":
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "with", "during", "in") and any(
            w.pos_ == "NOUN" and (w.lemma_.lower() in _BOUTS | _HURT) for w in c.subtree if w.i != c.i
        ):
            return True  # "retired from the match", "quitting with a rib injury"
        if c.dep_ in ("acomp", "advmod", "oprd") and c.lower_ in ("hurt", "injured"):
            return True  # "retired hurt"
    return False


def out_of_setting(cand: Candidate, sport: bool, violent: bool, geo: bool) -> bool:
    """Whether ``cand`` names no happening of its type where it stands (see the module docstring);
    ``sport``: its sentence is about play; ``violent``: a word of it besides the trigger shows violence;
    ``geo``: a place or country is among its arguments."""
    tok = cand.trigger
    etype = cand.event_type
    if etype == "Statement":
        return False
    if etype == "Personnel" and (_election_anchor(tok) or _leaves_a_match(tok) or _replaces_a_thing(tok)
                                 or _substitution(cand)):
        return True
    if etype == "Meet" and _public_debate(tok):
        return True
    if etype in ("Meet", "Travel") and _fixture(cand):
        return True
    if etype == "Attack" and (_not_a_war(tok) or (
        tok.lemma_.lower() == "advance" and tok.pos_ == "NOUN" and not violent and not any(
            h.entity.type in ("Place", "Country") for r, hits in cand.args.items() if r != "agent" for h in hits)
    )):
        return True  # "the war on drugs", "a price war", "advances in medicine"
    if etype == "Death" and _kills_nothing_alive(tok):
        return True
    if etype == "Request" and _market_demand_for_goods(tok):
        return True
    if etype in _TRADE_TYPES and _trade(tok):
        return True
    if etype == "Transfer" and (_units_or_prices(tok) or _goods_described(tok)):
        return True
    if etype == "Meet" and sport and tok.lemma_.lower() == "summit":
        return True  # "confirming their position at the Premiership summit": the top of a league
    if etype == "Attack" and _civil_fight(tok):
        return True
    if etype == "Travel" and _no_flight(tok, sport):
        return True
    return _in_plot(tok)
