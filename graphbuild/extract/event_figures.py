"""Figurative and domain senses of trigger words, judged by the document's domain and the trigger's arguments.

- A document about sport (its words name matches, goals, leagues, sets...) uses "attack", "strike",
  "battle", "blast" and "siege" for play: an Attack there needs a word of real violence (a bomb, the
  police, an arrest, a hooligan); a "meeting" there is a fixture unless it is a board or general meeting;
  a player's or owner's "arrival" with no place named is his joining the club, no trip.
- A document about film or television "shoots" films: a shooting there needs a person shot or a word
  of violence.
- Nouns of growth and contest: an "explosion in podcasting" or "of portable media", a "gadget
  explosion", an economic "advance", a "charm offensive", a "format war" or "bidding war", a "war on
  living rooms", a "heart attack", a "legal attack on websites", an "attack on the plans" name no attack;
  a strike by workers ("on strike", "a national strike over pensions") is a Protest.
- "fight hunger", "battle alcoholism", "fighting for her job": an abstract foe is no attack; a natural
  disaster ("the hurricane struck", "ravaged by the tsunami") is no attack either.
- A trigger inside a title or name ("Live And Let Die", "Star Wars", "Christian Aid") names no event.
- What "arrives" must be someone or a vehicle: the "arrival of spring" or "of new devices", "arrived at
  a conclusion", "arrived in power", "returning to profit" are no Travel.
- "agreed to introduce a ban": one party's decision is no Agreement; an agreement has two parties (a
  conjoined or plural subject, a "with" party), a deal ("agreed a deal", "agreed to buy", "to merge",
  "to pay ... to settle") or a counterparty.
- "a service called X", "he calls it a HomeHub", "called up a player": naming and selecting, no Statement.
- "replace the funds", "nothing could replace his love": Personnel replaces people.
- "its own stadium's funding", "financed its purchase": a party financing its own project supports no one.
- "players that support the format", "a framework provided by the ministry": compatibility and
  description, no Support.
- A Death whose only victim is an organisation, with no word of violence ("a casualty of the union's
  reorganisation"), is a figure of speech.
- "angry debate", "a matter for debate", "sparked a debate": public discussion, no meeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from graphbuild.extract.common import token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from graphbuild.extract.events import Candidate

#: Words only sport uses: a document where they are dense is about play.
_SPORT_CORE: Final = frozenset(
    {"match", "goal", "striker", "midfielder", "defender", "goalkeeper", "keeper", "league", "penalty", "referee",
     "championship", "tournament", "squad", "fixture", "premiership", "rugby", "football", "tennis", "cricket",
     "wicket", "innings", "batsman", "bowler", "scrum", "fly-half", "winger", "tie-break", "semi-final",
     "quarter-final", "trophy", "medal", "athlete", "athletics", "sprinter", "relegation", "kick-off",
     "half-time", "olympic", "olympics", "forehand", "backhand", "stadium", "coach", "cup", "champion", "seed",
     "serve", "ace", "lap", "try", "season", "player", "manager", "club", "side", "score", "win", "final",
     "title", "international", "cap", "debut", "game", "team"}
)
#: The sport words that are rarely used outside sport: a sport document names several of them.
_SPORT_ONLY: Final = frozenset(
    {"striker", "midfielder", "defender", "goalkeeper", "league", "penalty", "referee", "championship",
     "tournament", "squad", "fixture", "premiership", "rugby", "football", "tennis", "cricket", "wicket",
     "innings", "batsman", "bowler", "scrum", "fly-half", "winger", "tie-break", "semi-final", "quarter-final",
     "trophy", "medal", "athlete", "athletics", "sprinter", "relegation", "kick-off", "half-time", "olympic",
     "olympics", "forehand", "backhand", "stadium", "coach", "cup", "champion", "match", "goal"}
)
#: Words of film and television: a document dense with them "shoots" films.
_FILM_WORDS: Final = frozenset(
    {"film", "movie", "director", "actor", "actress", "studio", "cinema", "hollywood", "bollywood", "oscar",
     "premiere", "screenplay", "sequel", "box-office", "documentary", "filming", "filmmaker", "film-maker",
     "starring", "co-star", "cast", "screen", "shoot", "shooting", "scene", "drama", "sitcom", "episode"}
)
#: Words of real violence in a sports document: fans fighting, the police, an arrest.
_SPORT_VIOLENCE: Final = frozenset(
    {"kill", "dead", "death", "bomb", "bombing", "gun", "gunman", "explosion", "explode", "terrorist", "police",
     "riot", "hooligan", "fan", "supporter", "arrest", "unprovoked", "brawl", "nightclub", "thug", "violence",
     "violent", "stab", "knife", "war", "soldier", "troop", "military", "army", "militant", "hostage", "victim"}
)
_DOMAIN: list[tuple[Doc, tuple[bool, bool]]] = []


def domain(doc: Doc) -> tuple[bool, bool]:
    """(about sport, about film) for the whole document, computed once per document."""
    if _DOMAIN and _DOMAIN[0][0] is doc:
        return _DOMAIN[0][1]
    table = token_table(doc)
    words = [lem for lem, w in zip(table.lemma, table.text, strict=True) if w.isalpha() or "-" in w]
    n = max(len(words), 1)
    sport_words = [w for w in words if w in _SPORT_CORE]
    film_words = [w for w in words if w in _FILM_WORDS]
    # dense, not incidental: a war report may name a "coach" or a "cup", a match report names them on every line
    sport = len(set(sport_words) & _SPORT_ONLY) >= 2 and len(sport_words) >= max(6, n // 40)
    film = len({"film", "movie"} & set(film_words)) > 0 and len(set(film_words)) >= 3 and len(film_words) >= max(
        4, n // 60)
    _DOMAIN[:] = [(doc, (sport, film))]
    return sport, film


def _lemmas(sent: Span, besides: int) -> set[str]:
    lemma = token_table(sent.doc).lemma
    return {lemma[i] for i in range(sent.start, sent.end) if i != besides}


#: Modifiers of "war", "battle", "fight" that make it a contest of firms, bids or ideas.
_CONTEST_WARS: Final = frozenset(
    {"format", "bidding", "bid", "price", "trade", "turf", "culture", "phoney", "phony", "tariff", "console",
     "browser", "talent", "word", "ratings", "rating", "standards", "standard", "patent", "legal", "fare",
     "takeover", "court", "boardroom", "budget", "tax", "propaganda", "media", "pr", "class", "courtroom",
     "custody", "election", "electoral", "political", "marketing", "advertising", "sales", "currency", "chart",
     "award", "awards", "leadership", "succession", "subsidy", "copyright", "download", "piracy", "cola"}
)
#: What a real "war on ..." is waged on besides a named country or group.
_WAR_FOES: Final = frozenset({"terror", "terrorism", "terrorist", "militant", "insurgent", "rebel", "drug"})
#: What explodes when an explosion is one: "a bomb blast", "a gas explosion".
_BLASTS: Final = frozenset({"bomb", "car", "gas", "suicide", "truck", "lorry", "roadside", "mine", "grenade", "boiler",
                            "pipeline", "rocket", "shell", "mortar", "nail", "parcel", "letter", "bus", "bicycle"})
#: Wars that are wars whatever they are waged on: "a civil war on peasants", "nuclear war on three occasions".
_REAL_WARS: Final = frozenset({"civil", "nuclear", "thermonuclear", "world", "guerrilla", "holy", "cold", "full-scale",
                               "all-out", "total", "bloody", "brutal", "genocidal", "air", "ground", "proxy"})
_WAR_TIMES: Final = frozenset({"occasion", "front", "day", "time", "side", "ground", "border", "soil", "count"})
#: Modifiers of "attack" that make it words, law or medicine.
_NOT_VIOLENT_ATTACK: Final = frozenset(
    {"legal", "verbal", "scathing", "stinging", "personal", "political", "politically-motivated", "blistering",
     "withering", "rhetorical", "heart", "panic", "asthma", "anxiety", "cardiac", "charm", "diplomatic",
     "marketing", "publicity", "media", "advertising", "pr", "sales", "price", "economic", "commercial"}
)
#: What an "attack on" is when it is criticism or competition.
_ATTACKED_THINGS: Final = frozenset(
    {"plan", "policy", "decision", "proposal", "idea", "record", "patent", "law", "bill", "budget", "scheme",
     "strategy", "reform", "report", "government", "market", "freedom", "liberty", "standard",
     "privacy", "tax", "spending", "claim", "character", "integrity", "credibility", "reputation", "asset",
     "finance", "stance", "leadership", "manifesto", "campaign", "system", "profit", "share"}
)
#: Who attacks with words: "attacked by critics", "slammed by reviewers".
_CRITICS: Final = frozenset(
    {"critic", "reviewer", "commentator", "campaigner", "opponent", "politician", "mp", "newspaper", "tabloid",
     "press", "media", "columnist", "pundit", "activist", "group", "union", "church", "bishop", "parent",
     "teacher", "viewer", "listener", "reader", "fan", "rival", "opposition", "minister", "leader", "expert"}
)
#: Documents that "provide for" what they allow: "the bill would provide for a rail link".
_TEXTS: Final = frozenset(
    {"bill", "law", "act", "treaty", "plan", "scheme", "rule", "agreement", "budget", "contract", "directive",
     "legislation", "constitution", "clause", "proposal", "measure", "regulation", "deal", "code", "charter"}
)
#: Foes that make "fight", "combat", "battle" or "tackle" an attack.
_COMBATANTS: Final = frozenset(
    {"troop", "army", "force", "soldier", "rebel", "insurgent", "militant", "terrorist", "enemy", "militia",
     "invader", "occupier", "guerrilla", "fighter", "regime", "police", "jihadist", "extremist", "gunman",
     "terrorism", "insurgency", "militancy", "extremism", "faction", "group", "government", "coalition", "state"}
)
_FIGHT_VERBS: Final = frozenset({"fight", "combat", "battle", "tackle", "wage"})
#: Forces of nature: what they strike or ravage is hit by a disaster, not attacked.
_NATURE: Final = frozenset(
    {"tsunami", "hurricane", "earthquake", "quake", "typhoon", "storm", "flood", "cyclone", "disaster",
     "drought", "tornado", "avalanche", "landslide", "monsoon", "weather", "virus", "disease", "epidemic"}
)
#: Modifiers that make a strike industrial action.
_WORK_STRIKES: Final = frozenset(
    {"national", "general", "one-day", "two-day", "24-hour", "48-hour", "hunger", "rail", "tube", "postal",
     "industrial", "union", "staff", "worker", "teacher", "nurse", "doctor", "miner", "pilot", "driver",
     "firefighter", "dock", "transport", "public", "sector", "wildcat", "pension", "pay"}
)
_WORKERS: Final = frozenset(
    {"union", "worker", "staff", "employee", "pay", "pension", "walkout", "picket", "ballot", "wage", "servant",
     "teacher", "nurse", "driver", "pilot", "miner", "firefighter", "tube", "underground"}
)
#: Who or what travels: the "arrival of" one of these is a trip.
_TRAVELLERS: Final = frozenset(
    {"he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "his", "their", "our", "my", "your",
     "delegation", "team", "squad", "troop", "soldier", "force", "ship", "plane", "aircraft", "flight", "train",
     "refugee", "migrant", "asylum", "seeker", "visitor", "tourist", "fan", "leader", "president", "minister",
     "king", "queen", "prince", "princess", "pope", "envoy", "ambassador", "official", "people", "family",
     "child", "immigrant", "convoy", "fleet", "vessel", "aid", "supply", "shipment", "party", "guest", "star",
     "crowd", "man", "woman", "boy", "girl", "worker", "player", "manager", "coach", "team-mate", "teammate"}
)
#: What one "arrives at" when one reaches it in thought or figures.
_REACHED: Final = frozenset(
    {"conclusion", "decision", "interpretation", "figure", "total", "agreement", "solution", "compromise",
     "verdict", "view", "consensus", "estimate", "number", "price", "result", "understanding", "assumption",
     "judgement", "judgment", "answer", "settlement", "position", "point", "stage", "crossroads", "power",
     "office", "maturity", "prominence"}
)
#: What "arrives" that is a time or a chance, not a traveller.
_TIMES: Final = frozenset(
    {"moment", "time", "day", "chance", "opportunity", "season", "spring", "summer", "winter", "autumn",
     "year", "era", "age", "future", "technology", "change", "millennium", "news", "result", "baby", "it"}
)
#: What one returns to that is a state, not a place.
_STATES: Final = frozenset(
    {"profit", "profitability", "form", "action", "power", "work", "growth", "office", "normal", "normality",
     "fitness", "health", "winning", "training", "competition", "court", "the", "black", "red", "surplus",
     "deficit", "politics", "business", "basic", "theme", "subject", "issue", "question", "topic", "studio"}
)
#: Verbs an agreement "to" needs when one party is named: a deal with someone.
_DEAL_VERBS: Final = frozenset(
    {"buy", "sell", "acquire", "purchase", "pay", "merge", "settle", "form", "cooperate", "co-operate",
     "collaborate", "partner", "share", "supply", "lend", "loan", "exchange", "swap", "trade", "transfer",
     "license", "sign", "lease", "rent", "invest", "take", "join", "work", "combine", "team", "link",
     "sponsor", "distribute", "broadcast", "stock", "carry", "release", "free", "meet", "talk", "negotiate",
     "end", "lift", "resume", "ceasefire", "hold", "establish", "set", "hand", "give", "grant",
     "accept", "allow", "provide", "deliver", "build", "develop", "produce", "make", "create", "cut", "lower",
     "reduce", "raise", "increase", "extend", "renew", "restructure", "recognise", "recognize", "open"}
)
#: Things a party finances for itself.
_OWN_PROJECTS: Final = frozenset(
    {"stadium", "arena", "ground", "purchase", "takeover", "bid", "expansion", "project", "plan", "acquisition",
     "development", "move", "deal", "operation", "headquarters", "building", "scheme", "redevelopment",
     "offer", "buyout", "venture", "launch", "proposal", "debt", "campaign", "research", "spending"}
)
#: Verbs of arranging one's financing: "finalising funding for", "secured financing for".
_ARRANGING: Final = frozenset({"finalise", "finalize", "arrange", "secure", "raise", "complete", "organise", "organize",
                               "put", "seek", "find", "obtain", "line"})
#: Things that "support" a format or a feature: compatibility, no backing.
_DEVICES: Final = frozenset(
    {"player", "device", "phone", "handset", "software", "system", "format", "browser", "computer", "console",
     "chip", "version", "machine", "service", "network", "site", "website", "program", "programme", "camera",
     "printer", "card", "drive", "tv", "television", "screen", "gadget", "product", "model", "platform"}
)
#: What a player meets in play: "met the cross", "meet the ball".
_BALLS: Final = frozenset({"cross", "ball", "pass", "corner", "shot", "header", "free-kick", "centre", "delivery",
                           "kick", "clearance", "serve", "return", "lob", "chip"})
#: Modifiers that make a meeting in a sports document a meeting, not a fixture.
_REAL_MEETINGS: Final = frozenset(
    {"board", "general", "annual", "council", "committee", "emergency", "crisis", "shareholder", "secret",
     "clandestine", "private", "management", "extraordinary", "agm", "egm", "executive", "members", "press",
     "disciplinary"}
)
#: Words that make "debate" public discussion: "angry debate", "sparked a debate", "a matter for debate".
_DISCOURSE: Final = frozenset(
    {"public", "national", "angry", "heated", "fierce", "wider", "ongoing", "growing", "intense", "lively",
     "huge", "great", "much", "considerable", "continuing", "spark", "ignite", "fuel", "trigger", "provoke",
     "inspire", "prompt", "stir", "open", "reopen", "follow", "generate", "cause", "matter", "subject", "topic",
     "intensify", "rage", "enter", "join", "shape", "dominate", "widen", "broaden", "revive"}
)


def _title_word(tok: Token) -> bool:
    """A capitalised trigger inside a title or name ("Live And Let Die", "Star Wars", "Christian Aid"),
    not a sentence's first word, nor in a headline written in title case, nor a named war ("the Iraq War")."""
    if not tok.text[:1].isupper() or tok.text.isupper() or tok.i == tok.sent.start:
        return False
    prev = tok.doc[tok.i - 1]
    if prev.text in ('"', "'", "“", "‘", ":", "(", "-", "—"):
        return False
    sent = tok.sent
    text = sent.text
    at = tok.idx - sent.start_char
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    if sum(1 for w in line.split() if w[:1].isupper()) > 0.6 * max(len(line.split()), 1):
        return False  # a headline in title case: "Doctors Want Emergency Declared"
    words = [t for t in sent if t.is_alpha]
    caps = sum(1 for t in words if t.text[:1].isupper())
    if words and caps / len(words) > 0.6:
        return False  # a headline in title case
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    near = (prev.is_alpha and prev.text[:1].isupper()) or (
        nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() and nxt.i < sent.end
    )
    if not near:
        return False
    return not (prev.ent_type_ in ("GPE", "NORP", "LOC", "EVENT", "ORDINAL")
                or prev.lower_ in ("world", "cold", "civil", "gulf", "great", "first", "second", "holy", "boer"))


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobjs(tok: Token, *preps: str) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]


def _mods(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod")} | {
        c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
    }


def _attack_figure(cand: Candidate, sport: bool, lemmas: set[str], geo: bool) -> str | None:
    """"drop" when an Attack trigger is used figuratively, "Protest" when it is a strike by workers."""
    tok = cand.trigger
    lemma = tok.lemma_.lower()
    violent = bool(lemmas & _SPORT_VIOLENCE)
    if sport and not violent:
        return "drop"  # "the Blues' attacking chances", "a fantastic strike", "laid siege to the goal"
    mods = _mods(tok)
    noun = tok.pos_ in ("NOUN", "PROPN")
    if noun and lemma == "strike" and not violent and (
        mods & _WORK_STRIKES or (tok.dep_ == "pobj" and tok.head.lower_ == "on") or _pobjs(tok, "over")
        or lemmas & _WORKERS
    ):
        return "Protest"  # "civil servants were on strike", "a national strike over pensions"
    if noun and mods & _NOT_VIOLENT_ATTACK:
        return "drop"  # "a heart attack", "legal attacks on websites", "a charm offensive"
    if noun and lemma in ("war", "battle", "fight", "fighting") and mods & _CONTEST_WARS:
        return "drop"  # "a format war", "a bidding war", "legal battles"
    if noun and lemma == "war" and not violent and not mods & _REAL_WARS and any(
        not any(w.ent_type_ for w in p.subtree) and p.pos_ != "PRON"
        and p.lemma_.lower() not in _WAR_FOES | _COMBATANTS | _TRAVELLERS | _WAR_TIMES for p in _pobjs(tok, "on")
    ):
        return "drop"  # "the war on living rooms"
    if noun and lemma in ("attack", "assault", "offensive") and not violent and any(
        p.lemma_.lower() in _ATTACKED_THINGS for p in _pobjs(tok, "on", "against")
    ):
        return "drop"  # "an attack on Labour's record", "the assault on Yukos' assets"
    if noun and lemma in ("explosion", "blast") and not violent and (
        any(not p.ent_type_ and not any(c.dep_ in ("det", "poss") for c in p.children) for p in _pobjs(tok, "in"))
        or any(not p.ent_type_ for p in _pobjs(tok, "of"))
        or any(c.dep_ == "compound" and not c.ent_type_ and c.lemma_.lower() not in _BLASTS for c in tok.children)
    ):
        return "drop"  # "an explosion in podcasting", "the gadget explosion", "a blast of sound"
    if noun and lemma in ("advance", "offensive") and not violent and not geo and not lemmas & _COMBATANTS and not any(
        c.ent_type_ in ("NORP", "GPE", "ORG") for c in tok.children if c.dep_ in ("poss", "compound", "amod")
    ):
        return "drop"  # "the advance, the second-fastest in Asia", "advances in technology"
    if tok.pos_ == "VERB" and lemma in _FIGHT_VERBS and not violent:
        foes = _children(tok, "dobj") + _pobjs(tok, "against", "with")
        if foes and not any(f.pos_ == "PRON" or f.lemma_.lower() in _COMBATANTS or any(w.ent_type_ for w in f.subtree)
                            for f in foes):
            return "drop"  # "fight hunger", "battle alcoholism", "fighting opposition to new stores"
        if not foes and _pobjs(tok, "for"):
            return "drop"  # "fighting for her job", "fighting for inclusion"
    agents = _children(tok, "nsubj") + _by(tok) if tok.pos_ == "VERB" else []
    if tok.pos_ == "VERB" and tok.dep_ == "relcl":
        agents.append(tok.head)  # "the tsunami, which ravaged south Asia"
    if any(a.lemma_.lower() in _NATURE for a in agents):
        return "drop"  # "the tsunami struck south Asia", "hit by four hurricanes"
    if tok.pos_ == "VERB" and not violent and any(a.lemma_.lower() in _CRITICS for a in _by(tok)):
        return "drop"  # "the adaptation has been attacked by critics"
    if tok.pos_ == "VERB" and lemma in ("blast", "storm") and not violent and not geo:
        return "drop"  # "blasted away the competition", "stormed to a 6-4 win"
    if tok.pos_ == "VERB" and lemma == "rob" and _pobjs(tok, "of"):
        return "drop"  # "the injury robbed him of his pace"
    return None


def _by(tok: Token) -> list[Token]:
    """The passive agents: "attacked by critics"."""
    return [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _travel_figure(cand: Candidate, sport: bool) -> bool:
    tok = cand.trigger
    lemma = tok.lemma_.lower()
    where = {h.entity.type for r in ("destination", "origin", "place") for h in cand.args.get(r, [])}
    placed = bool(where & {"Place", "Country"})
    if lemma in ("arrival", "arrive"):
        if tok.pos_ == "NOUN":
            comers = _pobjs(tok, "of") + _children(tok, "poss")
            if comers and not any(c.lemma_.lower() in _TRAVELLERS or c.lower_ in _TRAVELLERS or any(
                w.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") for w in c.subtree) for c in comers):
                return True  # "the arrival of spring", "of new devices", "of the millennium"
        else:
            if any(p.lemma_.lower() in _REACHED for p in _pobjs(tok, "at", "in")):
                return True  # "arrived at their own interpretations", "arrived in power"
            if any(s.lemma_.lower() in _TIMES or s.lower_ in _TIMES for s in _children(tok, "nsubj")):
                return True  # "his big moment almost arrived"
        if not placed and (sport or _since(tok)):
            return True  # "since the Russian's arrival", "arrived at the club with prestige": joining a club
    # "returning to profit", "returning to action"
    return lemma == "return" and tok.pos_ == "VERB" and not placed and any(
        p.lemma_.lower() in _STATES or p.lower_ in _STATES for p in _pobjs(tok, "to")
    )


def _since(tok: Token) -> bool:
    """"since his arrival", "since arriving at the bank": a tenure's start."""
    for t in (tok, tok.head):
        if t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "since":
            return True
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children)


def _single_party_decision(tok: Token) -> bool:
    """"the council agreed unanimously to introduce a ban": one party decides; "the two firms agreed to
    merge", "Acme agreed to buy Zenith", "agreed with the union to ..." stay Agreements."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "agree":
        return False
    acts = _children(tok, "xcomp")
    if not acts or _children(tok, "dobj") or _pobjs(tok, "with", "between"):
        return False
    if any(a.lemma_.lower() in _DEAL_VERBS for a in acts):
        return False
    subjects = _children(tok, "nsubj", "nsubjpass")
    if not subjects and tok.dep_ in ("xcomp", "conj", "advcl", "relcl", "acl", "pcomp"):
        return False  # the subject is elsewhere: leave the reading alone
    for s in subjects:
        if s.tag_ in ("NNS", "NNPS") or _children(s, "conj") or any(c.dep_ == "nummod" for c in s.children):
            return False  # "ministers agreed to", "Britain and France agreed to"
        if s.lower_ in ("we", "they", "both", "all", "sides", "parties"):
            return False
    return True


#: Who is signed when a club or a label takes someone on: "signed the striker", "clubs opt to sign foreigners".
_RECRUITS: Final = frozenset(
    {"player", "striker", "defender", "midfielder", "goalkeeper", "keeper", "winger", "forward", "foreigner",
     "prop", "lock", "flanker", "fly-half", "scrum-half", "centre", "full-back", "band", "act", "singer", "artist",
     "rapper", "coach", "manager", "youngster", "teenager", "international", "star", "him", "her", "them"}
)
#: What is signed that makes no agreement between parties: a form, a petition, a book, a motion.
_SIGNED_PAPERS: Final = frozenset(
    {"certificate", "motion", "petition", "letter", "book", "autograph", "form", "register", "cheque", "check",
     "language", "copy", "card", "pledge", "guestbook", "poster", "shirt", "ball", "photograph", "will"}
)


def _signing(tok: Token) -> str | None:
    """"signed the striker", "signed for Charlton", "was signed to a label": a club or a label takes someone
    on (Personnel); "signed a petition", "sign language": no agreement; "signed a deal with X" stays."""
    if tok.pos_ != "VERB":
        return None
    objects = _children(tok, "dobj")
    if any(o.ent_type_ == "PERSON" or o.lemma_.lower() in _RECRUITS or o.lower_ in _RECRUITS for o in objects):
        return "Personnel"
    if any(o.lemma_.lower() in _SIGNED_PAPERS for o in objects):
        return "drop"
    signed = _children(tok, "nsubjpass")
    if not objects and ((_pobjs(tok, "for") and not signed) or any(
        s.ent_type_ == "PERSON" or s.pos_ == "PRON" or s.lemma_.lower() in _RECRUITS for s in signed
    )):
        return "Personnel"  # "after signing for Charlton", "he was signed for £4.6m", "was signed to a label"
    return None


def _naming(tok: Token) -> bool:
    """"a service called TuneBox", "he calls it a HomeHub", "called up a prop", "called time on": no speech."""
    if tok.lemma_.lower() != "call" or tok.pos_ != "VERB":
        return False
    names = _children(tok, "oprd")
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and names:
        return True  # "a service called TuneBox"
    if any(c.dep_ == "prt" and c.lower_ in ("up", "back", "in", "round") for c in tok.children):
        return True
    if any(c.dep_ == "dobj" and c.lower_ == "time" for c in tok.children):
        return True
    objects = _children(tok, "dobj")
    # "calls the device a HomeHub", "what it calls Office in a Pocket" (not "called Clinton careless")
    return bool(names) and bool(objects) and all(n.pos_ == "PROPN" for n in names) and not any(
        o.ent_type_ == "PERSON" for o in objects)


def _replaces_no_one(cand: Candidate) -> bool:
    """"replace the lost grants", "sites which employ BitTorrent technology": no one takes or leaves a post."""
    from graphbuild.extract.event_sense import _PEOPLE as PEOPLE  # the people a post is held by

    tok = cand.trigger
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("replace", "succeed", "supplant", "employ"):
        return False
    if any(h.entity.type == "Person" for h in cand.args.get("target", [])):
        return False
    replaced = _children(tok, "dobj", "nsubjpass")
    return bool(replaced) and not any(
        r.ent_type_ in ("PERSON", "NORP") or r.lemma_.lower() in PEOPLE or r.lower_ in PEOPLE or r.pos_ == "PROPN"
        for r in replaced
    )


def _own_financing(tok: Token) -> bool:
    """"finalising the funding for its new arena", "was able to finance its purchase of Yugansk"."""
    if tok.lemma_.lower() not in ("fund", "funding", "finance", "financing", "bankroll"):
        return False
    financed = _children(tok, "dobj") + _pobjs(tok, "for", "of")
    return any(f.lemma_.lower() in _OWN_PROJECTS and any(
        (c.dep_ == "poss" and c.lower_ in ("its", "their", "our")) or c.lower_ == "own" for c in f.children
    ) for f in financed)


#: Goods, aid and commodities: what is delivered or supplied when it is handed over.
_COMMODITIES: Final = frozenset(
    {"oil", "gas", "fuel", "coal", "grain", "wheat", "rice", "electricity", "lng", "lpg", "petrol", "diesel",
     "steel", "ore", "iron", "timber", "uranium", "crude", "barrel", "tonne", "ton", "cargo", "goods", "parcel",
     "mail", "letter", "package", "consignment", "order", "kit", "pump", "component", "drug", "medicine",
     "pill", "vaccine", "ammunition", "arm", "petrochemical", "a380", "a300", "airliner"}
)


def _hands_nothing(tok: Token, lemma: str, sport: bool) -> bool:
    """Delivering or supplying that hands no goods over: "has delivered poor profits", "deliver a cross",
    "failure to deliver", "deliver on a promise", "the delivery of music", "supply him better" (in sport)."""
    from graphbuild.extract.event_idioms import _AID, _GOODS  # what is handed over

    given = _children(tok, "dobj", "nsubjpass") + _pobjs(tok, "of", "with")
    if tok.dep_ == "acl" and tok.head.i != tok.i:
        given.append(tok.head)  # "a pump supplied by Bosch"
    recipients = [p for p in _pobjs(tok, "to") if p.ent_type_] + [c for c in tok.children if c.dep_ == "dative"]

    def material(g: Token) -> bool:
        low = g.lemma_.lower()
        return (g.ent_type_ in ("PRODUCT", "MONEY", "QUANTITY") or low in _GOODS or low in _AID
                or low in _COMMODITIES or g.lower_ in _COMMODITIES)

    if lemma == "supply":
        return sport or (bool(given) and not any(material(g) or g.ent_type_ for g in given))
    if not given:
        return not recipients  # "his failure to deliver", "would deliver better"; "delivered to UPS" stays
    return not any(material(g) for g in given)


def figurative(cand: Candidate, geo: bool) -> str | None:
    """"drop" when ``cand`` is a figurative or domain sense that names no event, a new event type when
    another type fits, ``None`` when the reading stands. ``geo``: a place or country is an argument."""
    tok = cand.trigger
    etype = cand.event_type
    prev = tok.doc[tok.i - 1]
    if _title_word(tok) and not _children(tok, "poss") and not (
        etype in ("Attack", "Death") and tok.pos_ in ("NOUN", "PROPN")
        and (prev.pos_ == "ADJ" or prev.ent_type_ == "NORP" or _pobjs(tok, "on", "in", "against", "of"))
    ):
        return "drop"  # "Live And Let Die", "Christian Aid" (not "the Armenian Genocide", "her Re-Invention Tour")
    sport, film = domain(tok.doc)
    lemmas = _lemmas(cand.sent, tok.i)
    lemma = tok.lemma_.lower()
    if etype == "Attack":
        if film and lemma in ("shoot", "shot", "shooting") and not lemmas & _SPORT_VIOLENCE and not any(
            c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ == "PERSON" for c in tok.children
        ):
            return "drop"  # "the series continued to be shot in the UK": filming
        return _attack_figure(cand, sport, lemmas, geo)
    if etype == "Travel":
        return "drop" if _travel_figure(cand, sport) else None
    if etype == "Agreement":
        if lemma == "sign":
            return _signing(tok)
        return "drop" if _single_party_decision(tok) else None
    if etype == "Statement":
        return "drop" if _naming(tok) else None
    if etype == "Personnel":
        return "drop" if _replaces_no_one(cand) else None
    if etype == "Transfer" and lemma in ("deliver", "delivery", "supply") and _hands_nothing(tok, lemma, sport):
        return "drop"  # "delivered poor profits", "deliver a cross", "failure to deliver", "supply him with the ball"
    if etype == "Support":
        if _own_financing(tok) or (
            tok.pos_ == "NOUN" and lemma in ("funding", "financing", "finance")
            and (not cand.args.get("agent") or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ARRANGING))
            and any(f.lemma_.lower() in _OWN_PROJECTS for f in _pobjs(tok, "for"))
        ):
            return "drop"  # "finalising funding for Liverpool's new stadium": no one gives it
        if lemma == "provide" and _pobjs(tok, "for") and not _children(tok, "dobj") and any(
            s.lemma_.lower() in _TEXTS for s in _children(tok, "nsubj", "nsubjpass")
        ):
            return "drop"  # "the bill would provide for a fast rail link": what a law allows
        if lemma == "support" and tok.pos_ == "VERB" and any(
            s.lemma_.lower() in _DEVICES for s in _children(tok, "nsubj") + ([tok.head] if tok.dep_ == "relcl" else [])
        ):
            return "drop"  # "players that support the format"
        return None
    if etype == "Death":
        victims = [h.entity.type for r in ("target", "victim") for h in cand.args.get(r, [])]
        if lemma == "casualty" and victims and all(v == "Organization" for v in victims) and not lemmas & (
            _SPORT_VIOLENCE - {"death", "dead"}
        ):
            return "drop"  # "a casualty of the union's reorganisation"
        return None
    if etype == "Meet" and tok.pos_ == "VERB" and lemma == "meet" and sport and any(
        o.lemma_.lower() in _BALLS for o in _children(tok, "dobj")
    ):
        return "drop"  # "rising to meet Ronaldo's cross"
    if etype == "Request" and lemma == "plea" and any(
        c.lower_ in ("guilty", "innocent", "insanity") for c in tok.subtree
    ):
        return "drop"  # "nine guilty pleas": pleas in court, no request
    if etype == "Meet" and tok.pos_ in ("NOUN", "PROPN"):
        if sport and lemma in ("meeting", "meet") and not _mods(tok) & _REAL_MEETINGS:
            return "drop"  # "two of their three meetings", "a meeting with Martinez": fixtures
        if lemma == "debate" and (
            _mods(tok) & _DISCOURSE
            or (tok.dep_ in ("dobj", "nsubjpass", "pobj") and tok.head.lemma_.lower() in _DISCOURSE)
            or (tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in ("matter", "subject", "topic", "source"))
            or (tok.dep_ == "pobj" and tok.head.lower_ in ("for", "to") and not any(c.dep_ == "det" for c in tok.children))
        ):
            return "drop"  # "ignited angry debate", "a matter for debate", "followed the debate"
    return None
