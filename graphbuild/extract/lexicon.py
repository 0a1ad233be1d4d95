"""Word lists the relation and event rules read: titles and event triggers.

Data only; the rules live in :mod:`relations` and :mod:`events`.
"""

from __future__ import annotations

from typing import Final

#: Titles of posts, lower-case, as they appear before or after a name.
#: Longer titles are tried first, so "foreign secretary" wins over "secretary".
TITLES: Final[frozenset[str]] = frozenset(
    t.strip()
    for t in """president|vice president|vice-president|prime minister|deputy prime minister|first minister|
    chancellor|chancellor of the exchequer|shadow chancellor|foreign secretary|home secretary|
    defence secretary|defense secretary|health secretary|education secretary|culture secretary|
    transport secretary|trade secretary|work and pensions secretary|environment secretary|
    business secretary|northern ireland secretary|scottish secretary|welsh secretary|
    shadow foreign secretary|shadow home secretary|secretary of state|secretary-general|
    secretary general|general secretary|foreign minister|defence minister|defense minister|
    interior minister|finance minister|minister|deputy minister|junior minister|trade minister|
    health minister|culture minister|europe minister|home office minister|attorney general|
    solicitor general|lord chancellor|speaker|deputy speaker|spokesman|spokeswoman|spokesperson|
    press secretary|chief of staff|leader|party leader|deputy leader|opposition leader|
    chairman|chairwoman|chief executive|chief executive officer|ceo|chief operating officer|
    chief financial officer|managing director|director general|director-general|director|
    executive director|founder|co-founder|governor|mayor|senator|congressman|congresswoman|
    ambassador|envoy|special envoy|commissioner|king|queen|pope|archbishop|
    commander|chief justice|judge|prosecutor|head coach|coach|manager|captain|editor|
    secretary|president-elect|premier|chief|head|boss|owner|adviser|advisor|aide|official|
    lawyer|general|gov.|sen.|rep.|mayor-elect""".replace("\n", "").split("|")
    if t.strip()
)

#: Titles that name the post's country by themselves (capitalised, in news
#: without another country named): used by the ``title.implied_country`` rule.
IMPLIED_COUNTRY: Final[dict[str, str]] = {
    "foreign secretary": "United Kingdom",
    "home secretary": "United Kingdom",
    "chancellor of the exchequer": "United Kingdom",
    "shadow chancellor": "United Kingdom",
    "shadow foreign secretary": "United Kingdom",
    "shadow home secretary": "United Kingdom",
    "northern ireland secretary": "United Kingdom",
    "scottish secretary": "United Kingdom",
    "welsh secretary": "United Kingdom",
    "work and pensions secretary": "United Kingdom",
    "lord chancellor": "United Kingdom",
    "taoiseach": "Ireland",
}

#: Other names of the countries IMPLIED_COUNTRY names (lower case), so the rule finds "Britain" in a
#: document whose entity layer did not canonicalise it to "United Kingdom".
COUNTRY_NAMES: Final[dict[str, frozenset[str]]] = {
    "United Kingdom": frozenset({"united kingdom", "uk", "u.k.", "britain", "great britain", "the uk", "the u.k."}),
    "Ireland": frozenset({"ireland", "republic of ireland"}),
}

#: Titles too generic to stand alone as a post (kept only with an organisation).
WEAK_TITLES: Final[frozenset[str]] = frozenset(
    {"chief", "head", "boss", "owner", "official", "lawyer", "adviser", "advisor", "aide", "general", "secretary",
     "manager", "captain", "editor", "director", "leader", "chairman", "chairwoman", "founder", "co-founder"}
)

#: Verb lemmas that trigger events.
VERB_TRIGGERS: Final[dict[str, str]] = {
    # Travel
    "visit": "Travel", "travel": "Travel", "arrive": "Travel", "fly": "Travel", "tour": "Travel",
    "return": "Travel", "journey": "Travel", "head": "Travel",
    # Meet
    "meet": "Meet", "discuss": "Meet", "negotiate": "Meet", "host": "Meet", "confer": "Meet",
    # Statement
    "say": "Statement", "tell": "Statement", "announce": "Statement", "promise": "Statement",
    "vow": "Statement", "state": "Statement", "declare": "Statement", "claim": "Statement",
    "warn": "Statement", "insist": "Statement", "add": "Statement", "speak": "Statement",
    "describe": "Statement", "deny": "Statement", "admit": "Statement", "argue": "Statement",
    "pledge": "Statement", "comment": "Statement", "stress": "Statement", "reply": "Statement",
    "accuse": "Statement", "criticise": "Statement", "criticize": "Statement", "praise": "Statement",
    "condemn": "Statement", "call": "Statement", "explain": "Statement", "suggest": "Statement",
    # Request
    "ask": "Request", "demand": "Request", "urge": "Request", "appeal": "Request", "request": "Request",
    "plead": "Request",
    # Attack
    "attack": "Attack", "invade": "Attack", "advance": "Attack", "strike": "Attack", "bomb": "Attack",
    "shell": "Attack", "shoot": "Attack", "assault": "Attack", "raid": "Attack", "occupy": "Attack",
    # Support
    "support": "Support", "back": "Support", "aid": "Support", "help": "Support", "defend": "Support",
    "endorse": "Support",
    # Agreement
    "agree": "Agreement", "sign": "Agreement", "ratify": "Agreement",
    # Sanction
    "sanction": "Sanction", "ban": "Sanction", "embargo": "Sanction", "boycott": "Sanction",
    "impose": "Sanction",
    # Transfer
    "acquire": "Transfer", "buy": "Transfer", "sell": "Transfer", "supply": "Transfer",
    "deliver": "Transfer", "provide": "Support",
    "purchase": "Transfer", "export": "Transfer", "import": "Transfer",
    # Personnel
    "appoint": "Personnel", "elect": "Personnel", "resign": "Personnel", "sack": "Personnel",
    "fire_": "Personnel", "nominate": "Personnel", "hire": "Personnel", "replace": "Personnel",
    "succeed": "Personnel", "quit": "Personnel", "step": "Personnel",
    # Death
    "kill": "Death", "die": "Death", "murder": "Death", "assassinate": "Death", "execute": "Death",
    # Protest
    "protest": "Protest", "demonstrate": "Protest", "march": "Protest", "rally": "Protest", "strike_": "Protest",
}

#: Noun lemmas (nominalisations) that trigger events.
NOUN_TRIGGERS: Final[dict[str, str]] = {
    "visit": "Travel", "trip": "Travel", "journey": "Travel", "tour": "Travel", "arrival": "Travel",
    "voyage": "Travel",
    "talk": "Meet", "meeting": "Meet", "summit": "Meet", "negotiation": "Meet", "conference": "Meet",
    "discussion": "Meet",
    "statement": "Statement", "speech": "Statement", "announcement": "Statement", "remark": "Statement",
    "interview": "Statement",
    "request": "Request", "appeal": "Request", "demand": "Request", "plea": "Request",
    "attack": "Attack", "invasion": "Attack", "offensive": "Attack", "counter-offensive": "Attack",
    "counteroffensive": "Attack", "strike": "Attack", "airstrike": "Attack", "bombing": "Attack",
    "assault": "Attack", "raid": "Attack", "crackdown": "Attack", "aggression": "Attack",
    "incursion": "Attack", "advance": "Attack", "shelling": "Attack",
    "aid": "Support", "support": "Support", "pledge": "Support", "assistance": "Support",
    "agreement": "Agreement", "deal": "Agreement", "treaty": "Agreement", "accord": "Agreement",
    "ceasefire": "Agreement", "pact": "Agreement",
    "sanction": "Sanction", "embargo": "Sanction", "ban": "Sanction", "boycott": "Sanction",
    "acquisition": "Transfer", "purchase": "Transfer", "sale": "Transfer", "delivery": "Transfer",
    "takeover": "Transfer", "merger": "Transfer",
    "appointment": "Personnel", "election": "Personnel", "resignation": "Personnel",
    "nomination": "Personnel",
    "death": "Death", "killing": "Death", "murder": "Death", "assassination": "Death",
    "protest": "Protest", "demonstration": "Protest", "rally": "Protest",
}

#: Light verbs whose subject is the agent of an event noun they govern
#: ("Kyiv launched a counter-offensive", "paid a visit", "took a trip").
LIGHT_VERBS: Final[frozenset[str]] = frozenset(
    {"launch", "pay", "make", "hold", "take", "stage", "mount", "carry", "conduct", "begin", "start",
     "ramp", "step", "continue", "issue", "give", "deliver", "lead", "join", "attend", "have", "announce",
     "sign", "impose", "seal", "strike", "reach", "resume", "open", "host", "order"}
)

#: Nouns of vehicles: "took the train from X to Y" is travel.
VEHICLES: Final[frozenset[str]] = frozenset(
    {"train", "flight", "plane", "bus", "boat", "ship", "helicopter", "car", "jet", "ferry"}
)

#: Prepositions mapped to event roles, by event type ("*" for any type).
PREP_ROLES: Final[dict[str, dict[str, str]]] = {
    "*": {"in": "place", "at": "place", "on": "target", "against": "target", "with": "participant",
          "alongside": "participant", "from": "origin", "to": "destination", "into": "destination",
          "near": "place", "across": "place", "between": "participant", "by": "agent", "of": "target",
          "for": "target", "outside": "place", "inside": "place"},
    "Travel": {"to": "destination", "into": "destination", "from": "origin", "in": "destination",
               "with": "agent", "alongside": "agent", "at": "destination", "of": "destination",
               "around": "destination", "across": "destination", "through": "destination"},
    "Meet": {"with": "participant", "alongside": "participant", "in": "place", "at": "place",
             "between": "participant", "of": "participant"},
    "Statement": {"to": "participant", "with": "participant", "alongside": "participant", "about": "target",
                  "on": "target", "of": "target", "in": "place", "at": "place"},
    "Request": {"to": "target", "from": "target", "for": "target", "of": "target"},
    "Attack": {"on": "target", "against": "target", "into": "target", "in": "place", "at": "place",
               "of": "target", "by": "agent"},
    "Support": {"for": "target", "to": "target", "of": "target"},
    "Transfer": {"of": "target", "from": "origin", "to": "destination", "by": "agent"},
}

#: US state abbreviations as AP style writes them after a city ("Tupelo, Miss."), dots removed, lower case.
US_STATE_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
     "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "nh", "nj", "nm", "ny", "nc", "nd", "okla",
     "ore", "pa", "ri", "sc", "sd", "tenn", "tex", "vt", "va", "wash", "wva", "wis", "wyo", "dc"}
)

#: Occupations and roles that show a name in apposition to them is a person ("Harrington , a professor at
#: Queens College"), beside the titles of :data:`TITLES`.
PERSON_NOUNS: Final[frozenset[str]] = frozenset(
    """professor|lawyer|attorney|economist|analyst|teacher|student|member|officer|worker|engineer|scientist|
    researcher|activist|reporter|correspondent|journalist|writer|author|actor|actress|singer|player|doctor|
    physician|nurse|soldier|agent|employee|executive|historian|architect|banker|broker|consultant|designer|
    diplomat|economist|editor|expert|farmer|lecturer|pilot|politician|priest|psychologist|sociologist|
    specialist|strategist|surgeon|technician|trader|vice|veteran|volunteer|worker|comptroller|treasurer|
    astronaut|biologist|chemist|physicist|geologist|ecologist|administrator|superintendent|inspector|
    detective|sheriff|trooper|colonel|major|sergeant|lieutenant|captain|admiral""".replace("\n", "").replace(" ", "").split("|")
)

#: The fifty US states and the District of Columbia by name.
US_STATE_NAMES: Final[frozenset[str]] = frozenset(
    """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|
    Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|
    Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|
    Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|
    Washington|West Virginia|Wisconsin|Wyoming|District of Columbia""".replace("\n", "").replace("    ", "").split("|")
)
