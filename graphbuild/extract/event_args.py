"""Argument checks for event candidates: which entity a role may take, and who "he said" is.

- A nationality word modifying a noun is no place, destination or origin, nor who died: in "killed 23
  Afghan soldiers" the victims are the soldiers, not Afghanistan. On a noun of land it names where:
  "attacks on British soil" happen in Britain. It may still be an agent ("Russian air strikes" are
  Russia's) or what is aimed at ("strikes on Russian targets").
- The victim of a Death is who died: "killing six NATO soldiers" does not make NATO the victim; the
  speaker of a Statement is named, not a modifier of who spoke ("Russian officials said", "Trump aides said").
- A name in apposition stands for the phrase it renames: "The alleged gunman, Karim Haddad, attacked
  ..."; a place renamed by its country ("Helmand Province, Afghanistan") names both.
- A place inside a phrase the trigger governs is where it happened: "air strikes on two hospitals in
  Aleppo", "killed in a car bombing in Baghdad" (one level down, locative prepositions only).
- The group or country named on a subject that names no one itself acts: "Taliban gunmen attacked ..."
  (organisations and countries only: "Trump supporters" are not Trump).
- "Russia, which will not stop bombing it": the relative names who bombs, unless what it follows is a
  place in a phrase of place ("a cafe in Madrid, Spain, which killed 13": the bombing killed, not Spain).
- An event noun counted by a quantity noun is governed through it: "launched a series of attacks", "a wave
  of bombings hit ...". An attack or sanction that acts in a passive clause hits its subject: "The
  Federal Building was destroyed by an explosion" (target, and the places named in the subject).
- Who governs an attack or a death noun is its agent only through a verb of doing ("launched an attack",
  "carried out the bombing", "claimed the attack"); who survives or suffers it is its target; who condemns,
  investigates or calls it something is neither ("Macron called the explosion an attack").
- What one flees, leaves or escapes is where the trip starts: "fled Ukraine" (origin, not destination).
- Who "..., she said" is: see :mod:`graphbuild.extract.event_speakers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from graphbuild.extract.common import _HONORIFIC_SEX, Hit
from graphbuild.extract.entity_steps.sexes import sex_of
from graphbuild.extract.event_parties import RECEIVING, given_by, named_after_place
from graphbuild.extract.lexicon import LIGHT_VERBS
from graphbuild.model import Mention

if TYPE_CHECKING:

    from spacy.tokens import Doc, Span, Token

    from graphbuild.extract.common import EntityIndex
    from graphbuild.extract.events import Candidate

#: Nouns of land: a nationality on them names where ("on British soil", "into Turkish airspace").
_LAND: Final = frozenset({"soil", "territory", "land", "airspace", "waters", "border", "frontier", "mainland"})
#: Roles a nationality adjective ("Afghan", "Russian") on a noun never fills.
_NOT_FROM_MODIFIER: Final = frozenset({"place", "destination", "origin"})


def _span(doc: Doc, hit: Hit) -> Span | None:
    return doc.char_span(hit.mention.start, hit.mention.end, alignment_mode="expand")


def modifier(root: Token) -> bool:
    """``root`` modifies a noun ("Afghan soldiers", "NATO service members") rather than heading its phrase."""
    return root.dep_ in ("amod", "compound", "nmod") and root.head.i != root.i and root.head.pos_ in ("NOUN", "PROPN")


def nationality_modifier(root: Token) -> bool:
    """``root`` is a nationality or other adjective naming a country on a noun ("Afghan soldiers",
    "the Russian parliament", "Syrian rebel groups"), not a name of the place itself."""
    return modifier(root) and (root.pos_ == "ADJ" or root.ent_type_ == "NORP")


def country_modifier(root: Token, hit: Hit) -> bool:
    """A country's name on a common noun ("the US embassy", "U.S. service members"): like a nationality, it
    says whose, not where ("marched to the US embassy in Caracas" went to Caracas, not to the United States)."""
    return hit.entity.type == "Country" and root.dep_ == "compound" and root.head.i != root.i and root.head.pos_ == "NOUN"


def nationality_blocked(role: str, etype: str) -> bool:
    """Whether a nationality on a noun cannot fill ``role``: never a place; never who died ("killed Afghan
    soldiers"), though "strikes on Russian targets" and "sanctions on Iranian banks" do aim at the country."""
    return role in _NOT_FROM_MODIFIER or (role == "target" and etype == "Death")


#: Nouns of people by their role ("a US banker", "a German investor"); words ending in "-er", "-or", "-ist" or
#: "-ian" count too ("a French economist"), except roles that speak for a state (:data:`_STATE_ROLES`).
_PERSON_NOUNS: Final = frozenset({"executive", "adviser", "advisor", "businessman", "businesswoman", "expert", "analyst",
                                  "candidate", "citizen", "national", "student", "tourist", "consultant", "boss", "star",
                                  "investor", "buyer", "bidder", "firm", "company", "bank", "group", "club"})
_PERSON_SUFFIXES: Final = ("er", "or", "ist", "ian")
#: Roles that speak for their country: "met his Chinese counterpart", "talks with the Iranian foreign minister"
#: are talks with China and Iran.
_STATE_ROLES: Final = frozenset({"minister", "leader", "premier", "governor", "senator", "negotiator", "politician",
                                 "ambassador", "counterpart", "official", "diplomat", "envoy", "president", "chancellor",
                                 "commander", "mediator", "interlocutor", "emissary", "ruler", "monarch", "dictator"})
#: Types whose target or participant is someone asked, met, named or told, never the country on a noun.
_PARTY_TYPES: Final = frozenset({"Request", "Meet", "Personnel", "Statement", "Support", "Agreement", "Transfer"})


def unnamed_party(root: Token, role: str, etype: str) -> bool:
    """A country or nationality on a noun of a person or a firm is no party: "asked a US banker to run ..." asks
    the banker, not the United States ("Israel asked a US banker", "bought a French bank"); a role that speaks
    for its state is not such a noun ("talks with their Ukrainian counterpart" are talks with Ukraine)."""
    if role not in ("target", "participant") or etype not in _PARTY_TYPES:
        return False
    head = root.head.lemma_.lower()
    if head in _STATE_ROLES:
        return False
    return head in _PERSON_NOUNS or (root.head.pos_ == "NOUN" and len(head) > 4 and head.endswith(_PERSON_SUFFIXES))


#: Determiners that make a singular people's word one person ("the Russian", "a Frenchman", "this Tory").
_ONE: Final = frozenset({"the", "a", "an", "this", "that"})


def one_of_a_people(root: Token, hit: Hit) -> bool:
    """A singular word for a people or a party's members with an article names one person ("The Russian bought
    the club", "since the Russian's arrival", "a Tory won"), not the country or party it is linked to; the
    plural ("the Russians attacked") may stand for the state."""
    return (hit.mention.kind == "demonym" and root.tag_ in ("NN", "NNP") and not modifier(root)
            and any(c.dep_ == "det" and c.lower_ in _ONE for c in root.children))


def one_by_role(noun: Token) -> bool:
    """A noun that names one firm or person by what they are or do, whose country's word says where they are
    from: "the US firm", "a German investor", "the French number one" (a rank), "US gamers", not "the Russian
    government", nor a role that speaks for its state ("the Russian envoy"), nor its forces ("Russian soldiers")."""
    lemma = noun.lemma_.lower()
    if lemma in _UNNAMED_ACTORS:
        return True
    if lemma in _STATE_ROLES or lemma in _FORCES or noun.tag_ not in ("NN", "NNS", "CD"):
        return False
    return noun.tag_ == "CD" or (len(lemma) > 4 and lemma.endswith(_PERSON_SUFFIXES))


#: People whose country's word names who sends them: "Russian soldiers attacked", "US marines landed".
_FORCES: Final = frozenset({"soldier", "fighter", "bomber", "trooper", "officer", "commander", "sniper", "gunner",
                            "ranger", "marine", "sailor", "warrior", "paratrooper", "gunmen", "police", "militia"})


def country_on_actor(root: Token, hit: Hit) -> bool:
    """A country or its people's word on a noun of a firm or a person says where they are from, not that the
    country takes part: "The US firm agreed ...", "a German investor bid ..." (see :data:`_UNNAMED_ACTORS`)."""
    return hit.entity.type == "Country" and modifier(root) and one_by_role(root.head)


def place_on_noun(root: Token, hit: Hit, role: str, etype: str) -> bool:
    """A town's name on a common noun says where that one is, not who is asked, met or named: "asking a Boston
    court to ...", "hired a Paris law firm" (the court, the firm)."""
    return (role in ("target", "participant") and etype in _PARTY_TYPES and hit.entity.type == "Place"
            and root.dep_ == "compound" and root.head.i != root.i and root.head.pos_ == "NOUN")


def prune_arguments(cand: Candidate, doc: Doc) -> None:
    """Drop arguments a role cannot take (see the module docstring)."""
    moved: list[Hit] = []
    moved_roles: list[Hit] = []
    for role in list(cand.args):
        kept: list[Hit] = []
        for hit in cand.args[role]:
            span = _span(doc, hit) if hit.mention.rule != "pronoun" else None
            if span is not None:
                if nationality_modifier(span.root) or country_modifier(span.root, hit):
                    if span.root.head.lemma_.lower() in _LAND and role not in ("place", "destination"):
                        moved.append(hit)  # "attacks on British soil" happen in Britain
                        continue
                    if nationality_blocked(role, cand.event_type) or unnamed_party(span.root, role, cand.event_type):
                        continue
                if one_of_a_people(span.root, hit):
                    continue  # "the Russian bought the club": a person, not Russia
                if other_bearer(span, hit):
                    continue  # "Mrs Howard will visit ...": not Michael Howard
                if place_on_noun(span.root, hit, role, cand.event_type):
                    continue  # "asked a Boston court": the court, not Boston
                if named_after_place(span.root, hit):
                    continue  # "the Doha round talks": the round's name, not where they are held
                if role == "target" and given_by(span.root, cand):
                    moved_roles.append(hit)  # "needs the support of the shareholders": they give it
                    continue
                if cand.event_type == "Death" and role == "target" and hit.entity.type != "Person" and modifier(span.root):
                    continue
                if cand.event_type == "Statement" and role == "agent" and modifier(span.root):
                    continue  # "Russian officials said", "Trump aides said": unnamed speakers
            kept.append(hit)
        if kept:
            cand.args[role] = kept
        else:
            del cand.args[role]
    for hit in moved:
        cand.add("destination" if cand.event_type == "Travel" else "place", hit)
    for hit in moved_roles:
        cand.add("agent", hit)
    if passive_conjunct(cand.trigger) and "agent" in cand.args:
        subj = next(c for c in cand.trigger.head.children if c.dep_ in ("nsubjpass", "auxpass"))
        subj = subj if subj.dep_ == "nsubjpass" else subj.head
        lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
        for hit in [h for h in cand.args["agent"] if lo <= h.mention.start < hi]:
            cand.args["agent"].remove(hit)
            cand.add("target", hit)  # "was fined and banned": who was banned; not "and bought by Acme"
        if not cand.args["agent"]:
            del cand.args["agent"]
    if cand.event_type == "Personnel" and "place" in cand.args:
        for hit in [h for h in cand.args["place"] if h.entity.type == "Organization"]:
            cand.args["place"].remove(hit)
            cand.add("participant", hit)  # "succeed him at the head of Acme": the body, not where
        if not cand.args["place"]:
            del cand.args["place"]


def other_bearer(span: Span, hit: Hit) -> bool:
    """A surname after an honorific of the other sex than the person's given name names someone else who bears
    it: in "Mrs Howard will make solo visits" the visits are not Michael Howard's."""
    if hit.entity.type != "Person":
        return False
    doc = span.doc
    words = [doc[span.start].text] + ([doc[span.start - 1].text] if span.start > 0 else [])
    own = next((sex for w in words if (sex := _HONORIFIC_SEX.get(w.rstrip(".").lower())) is not None), None)
    if own is None:
        return False
    given = sex_of(hit.entity.label.split()[0]) if hit.entity.label else ""
    return given in ("m", "f") and given != own


#: Verbs of a trip whose "to" clause says what the traveller went to do: "flew to Paris to meet Macron".
TRIP_VERBS: Final = frozenset({"go", "come", "travel", "fly", "head", "return", "visit", "sail", "drive", "arrive"})


def purpose_of_trip(verb: Token) -> bool:
    """``verb`` is the "to" clause of a trip, done by who travels ("went to Brussels to meet Bush")."""
    return (verb.dep_ == "advcl" and verb.head.i != verb.i and verb.head.lemma_.lower() in TRIP_VERBS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def passive_conjunct(verb: Token) -> bool:
    """A participle joined to a passive verb, with no subject or auxiliary of its own, is passive too: in "Smith
    has been fined and banned" Smith is banned, he does not ban."""
    return (verb.pos_ == "VERB" and verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children))



#: Prepositions that place a phrase's noun ("hospitals in Aleppo", "a market near Kabul").
_NESTED_LOCATIVE: Final = frozenset({"in", "at", "near", "outside", "inside"})
_GEO: Final = frozenset({"Place", "Country"})


def appositive_names(tok: Token, hit: Hit | None, index: EntityIndex) -> list[Hit]:
    """Names in apposition to ``tok`` that stand for it (see the module docstring): any name when ``tok``
    names none itself, and a place's country when it names a place."""
    out: list[Hit] = []
    for c in tok.children:
        if c.dep_ != "appos":
            continue
        found = index.at(c)
        if found is None:
            continue
        if hit is None or (hit.entity.type in _GEO and found.entity.type in _GEO):
            out.append(found)
    return out


def nested_places(cand: Candidate, head: Token, index: EntityIndex) -> None:
    """Places inside the phrases ``head`` governs: "strikes on [hospitals in Aleppo]"."""
    role = "destination" if cand.event_type == "Travel" else "place"
    for child in head.children:
        objs: list[Token] = []
        if child.dep_ in ("prep", "agent"):
            objs = [p for p in child.children if p.dep_ == "pobj"]
        elif child.dep_ in ("dobj", "nsubjpass"):
            objs = [child]
        for obj in objs:
            for prep in obj.children:
                if prep.dep_ != "prep" or prep.lower_ not in _NESTED_LOCATIVE:
                    continue
                for place in prep.children:
                    hit = index.at(place) if place.dep_ == "pobj" else None
                    if hit is not None and hit.entity.type in _GEO:
                        cand.add(role, hit)
                        for extra in appositive_names(place, hit, index):
                            cand.add(role, extra)


#: Travel verbs whose object is where the trip starts.
_LEAVING: Final = frozenset({"flee", "leave", "escape", "evacuate", "depart", "quit", "exit", "abandon"})
_ACTORS: Final = frozenset({"Organization", "Country"})


def object_role(verb: Token, etype: str, default: str) -> str:
    """The role of a trigger verb's object: what a traveller leaves is the origin; the club or body one
    quits or joins takes part in the move, it is not the one moved ("quit the city council")."""
    if etype == "Travel" and verb.lemma_.lower() in _LEAVING:
        return "origin"
    if etype == "Personnel" and verb.lemma_.lower() in _POSTS_LEFT:
        return "participant"
    return default


#: Personnel verbs whose object is the body left or joined, not a person.
_POSTS_LEFT: Final = frozenset({"quit", "leave", "exit", "abandon", "join", "rejoin"})


def subject_modifier_names(subj: Token, index: EntityIndex) -> list[Hit]:
    """Organisations and countries named on a subject that names no one itself ("Taliban gunmen", "Acme's
    directors", "its board"); not a country on a firm ("the US giant") nor a people's word in the name of a
    body ("the Scottish Executive", "the Welsh Assembly": the body acts, not the country), though a minister
    speaks for it ("the Polish Foreign Minister")."""
    out: list[Hit] = []
    for c in subj.children:
        on_noun = c.dep_ in ("compound", "nmod", "amod") or (c.dep_ == "poss" and subj.pos_ == "NOUN")
        if on_noun and (hit := index.at(c)) is not None and hit.entity.type in _ACTORS and not (
                hit.entity.type == "Country" and one_by_role(subj)) and not (
                hit.mention.kind == "demonym" and subj.pos_ == "PROPN" and subj.lemma_.lower() not in _STATE_ROLES):
            out.append(hit)  # not "Vox's Yglesias": a name the index missed still names who acts
        elif c.dep_ == "poss" and subj.pos_ == "NOUN" and (hit := org_antecedent(c, index)) is not None:
            out.append(hit)  # "Its directors backed ...", "the firm's directors backed ..."
    return out


#: Prepositions after which a name is where something is, not who acts ("a cafe in Madrid, which ...").
_PLACE_PREPS: Final = frozenset({"in", "at", "near", "on", "outside", "inside", "across", "from", "to", "into"})


def relative_subject(rel: Token, index: EntityIndex) -> list[Hit]:
    """The name a subject "which" stands for: the one right before it, unless that is a place phrase."""
    j = rel.i - 1
    doc = rel.doc
    while j >= 0 and doc[j].is_punct:
        j -= 1
    if j < 0:
        return []
    hit = index.at(doc[j])
    if hit is None:
        return []
    root = doc[j]
    for _ in range(4):  # up through "Madrid, Spain" and "X and Y" to the phrase's head
        if root.dep_ not in ("conj", "appos", "compound", "npadvmod") or root.head.i == root.i:
            break
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
        return []
    return [hit]


#: Nouns that count or group happenings ("a series of attacks", "a wave of bombings").
_QUANTITY: Final = frozenset({"series", "wave", "spate", "string", "number", "campaign", "round", "flurry",
                              "barrage", "volley", "cycle", "succession"})


def quantity_anchor(tok: Token) -> Token:
    """The quantity noun an event noun hangs from ("series" in "a series of attacks"), else the noun."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i and prep.head.lemma_.lower() in _QUANTITY:
        return prep.head
    return tok


def passive_target(cand: Candidate, verb: Token, index: EntityIndex) -> None:
    """The subject of a passive verb whose agent ("by ...") is the attack: what was hit, and where it is."""
    for c in verb.children:
        if c.dep_ != "nsubjpass":
            continue
        for t in [c, *c.conjuncts]:
            hit = index.at(t)
            if hit is not None:
                cand.add("target", hit)
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ in _NESTED_LOCATIVE:
                    for place in prep.children:
                        found = index.at(place) if place.dep_ == "pobj" else None
                        if found is not None and found.entity.type in _GEO:
                            cand.add("place", found)


#: Verbs whose subject did the attack or killing their object names ("claimed the attack"), beside the
#: light verbs (:data:`graphbuild.extract.lexicon.LIGHT_VERBS`).
_DOING: Final = frozenset({"claim", "commit", "perpetrate", "orchestrate", "plot", "plan", "execute",
                           "organise", "organize", "escalate", "intensify", "unleash", "wage", "cause", "fight"})
#: Verbs whose subject undergoes the attack their object names ("survived an attack").
_UNDERGOING: Final = frozenset({"survive", "suffer", "endure", "withstand", "escape"})


#: Verbs whose subject causes, meets, judges or reports an event its object names, without taking part:
#: "the decision drew protests", "Dagestan sees frequent attacks", "Macron welcomed the talks".
_REACTING: Final = frozenset({"draw", "spark", "trigger", "prompt", "provoke", "fuel", "ignite", "spur", "attract",
                              "face", "see", "witness", "condemn", "criticise", "criticize", "denounce", "welcome",
                              "praise", "oppose", "fear", "ignore", "investigate", "report", "describe", "blame",
                              "cover", "watch", "monitor", "disperse", "quell", "suppress", "prevent", "ban",
                              "question", "dismiss", "mark", "commemorate", "follow", "overshadow",
                              # who stops or fights a deal or a sale does not make it ("sought to halt the auction")
                              "halt", "stop", "block", "resist", "challenge", "contest", "thwart", "scupper",
                              "derail", "obstruct"})


#: Verbs whose subject is punished by the ban, fine or suspension their object names ("served a two-year ban",
#: "received a fine", "faces a ban").
_PUNISHED: Final = frozenset({"serve", "receive", "face", "get", "suffer", "incur", "risk", "earn", "collect", "fight",
                              "escape", "avoid", "appeal", "contest", "challenge", "accept", "begin", "complete"})
#: Verbs whose subject neither imposes nor suffers the sanction it names ("defy a ban", "breach the embargo").
_FLOUTING: Final = frozenset({"defy", "breach", "break", "flout", "violate", "evade", "dodge", "ignore", "oppose",
                              "criticise", "criticize", "condemn", "welcome", "support", "back"})


def governor_role(verb: Token, etype: str) -> str | None:
    """The role of the subject of ``verb`` in the event its object names: agent, except that a verb of
    reacting ("drew protests", "welcomed the talks") makes it none, and for an attack or a death only a verb
    of doing makes it the agent, a verb of undergoing the target, and any other none. Who serves, receives or
    faces a ban is its target; who defies or opposes one takes no part."""
    if etype == "Sanction":
        lemma = verb.lemma_.lower()
        if lemma in _PUNISHED:
            return "target"
        return None if lemma in _FLOUTING or lemma in _REACTING else "agent"
    if etype == "Support" and verb.lemma_.lower() in RECEIVING:
        return "target"  # "the airline is receiving state aid", "he needs the support of ...": who gets it
    if etype not in ("Attack", "Death"):
        return None if verb.lemma_.lower() in _REACTING else "agent"
    lemma = verb.lemma_.lower()
    if lemma in LIGHT_VERBS or lemma in _DOING:
        return "agent"
    if lemma in _UNDERGOING:
        return "target"
    return None


#: Pronouns that may stand for an organisation or a country ("it bought", "its takeover"); "they" and "their"
#: name people as often as a firm ("pensioners ... their retirement").
_ORG_PRONOUNS: Final = frozenset({"it", "its"})
#: Nouns that, after "the", stand for an organisation named before ("the firm", "the company's bid", "the
#: Seattle-based carmaker").
_ORG_NOUNS: Final = frozenset({"firm", "company", "group", "bank", "club", "band", "carrier", "airline", "retailer",
                               "insurer", "broadcaster", "giant", "corporation", "conglomerate", "operator", "team",
                               "government", "party", "maker", "manufacturer", "carmaker", "chain", "producer",
                               "provider", "lender", "brewer", "developer", "supermarket", "charity"})
# not nouns of who reports or oversees ("the newspaper", "the regulator", "the agency"): in "Acme plans ..., the
# newspaper said" the clause's subject is what they report on, not who they are
#: Subjects a country's name on which says where they are from, not that the country acts: "the US giant
#: bought ...", "a German investor bid ..." (but "the US government", "US troops").
_UNNAMED_ACTORS: Final = (_ORG_NOUNS | _PERSON_NOUNS) - {"government", "party"}
#: What such a word may stand for: "it" and "the government" also a country ("Iran said it would ...").
_STATE_WORDS: Final = frozenset({"it", "its", "government"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
#: Words on such a noun that make it another organisation than one named before ("the parent company", "a
#: rival firm", "the new group").
_OTHER_ORG: Final = frozenset({"parent", "rival", "other", "another", "new", "former", "sister", "holding", "joint",
                               "subsidiary", "same", "old", "previous", "next", "first", "second", "last", "local",
                               "private", "public", "state", "own", "shell", "different", "larger", "smaller",
                               "bigger", "biggest", "largest", "smallest", "one", "such"})


def _describes(tok: Token) -> bool:
    """The modifiers of an organisation noun describe the one named before, not another: "the US firm", "the
    Seattle-based company", "the troubled airline"; not "the parent company", "the Microsoft team" (a name on
    it names another), "the company that makes ..." (a clause picks one out)."""
    plain = tok.lemma_.lower() in ("government", "party")  # "the Italian government" is Italy's, named by its modifier
    for c in tok.children:
        if c.dep_ in ("poss", "relcl", "acl", "prep", "nummod", "appos") or (
                plain and c.dep_ in ("amod", "compound", "nmod", "npadvmod")):
            return False
        if c.dep_ in ("amod", "compound", "nmod", "npadvmod") and (
                c.lower_ in _OTHER_ORG or c.ent_type_ in ("ORG", "PERSON") or (c.pos_ == "PROPN" and not c.ent_type_)):
            return False
    return True


def _org_word(tok: Token) -> bool:
    """``tok`` is a pronoun or a definite description that may stand for an organisation named before."""
    if tok.lower_ in _ORG_PRONOUNS:
        kids = list(tok.head.children)
        if tok.lower_ == "it" and tok.head.lemma_.lower() in ("be", "seem", "appear", "remain") and (
                any(c.dep_ in ("acomp", "attr") for c in kids) or not any(c.dep_ == "xcomp" for c in kids)):
            return False  # "It is impossible to say ...": no one; but "it was to buy ..." names who buys
        return tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$")
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _ORG_NOUNS and tok.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and _describes(tok)


def _subject_of(verb: Token, before: int) -> Token | None:
    """The subject of ``verb`` when it comes before token ``before`` ("which", "that" and "there" stand for
    nothing of their own here)."""
    for c in verb.children:
        if c.dep_ in _SUBJECTS and c.i < before and c.lower_ not in ("which", "that", "who", "there", "what", "this"):
            return c
    return None


def _prior_subject(tok: Token) -> Token | None:
    """The subject of the clause before ``tok``: of a clause that governs it ("Acme said it would ..."), else
    the last subject before it in its sentence ("After Acme sold X, it bought Y"), else the subject of the
    previous sentence's main verb ("Acme grew. It bought Y")."""
    head = tok
    for _ in range(8):
        if head.head.i == head.i:
            break
        head = head.head
        subj = _subject_of(head, tok.i)
        if subj is not None and tok.i not in {t.i for t in subj.subtree}:
            return subj
    sent = tok.sent
    root = sent.root
    for j in range(tok.i - 1, sent.start - 1, -1):
        t = tok.doc[j]  # a clause of the sentence's own, not one nested deeper ("... [Israel] receives ...")
        if t.dep_ in _SUBJECTS and t.lower_ not in ("which", "that", "who", "there", "what", "this") and (
                t.head.i == root.i or t.head.head.i == root.i):
            return t
    if sent.start == 0:
        return None
    root = tok.doc[sent.start - 1].sent.root
    return _subject_of(root, sent.start)


def _in_subject(tok: Token) -> bool:
    """``tok`` is a clause's subject or the possessor on one ("the firm's directors said")."""
    return tok.dep_ in _SUBJECTS or (tok.dep_ == "poss" and tok.head.dep_ in _SUBJECTS)


def _own_subject(tok: Token) -> Token | None:
    """The subject of the clause ``tok`` is an object or oblique of ("The Navy barred the company")."""
    head = tok
    for _ in range(4):
        if head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return next((c for c in head.children if c.dep_ in _SUBJECTS), None)
    return None


def _single_org(tok: Token, index: EntityIndex, types: set[str], skip: str | None) -> Hit | None:
    """The one organisation (of ``types``) named in the sentence before ``tok`` or in its own before it, other
    than ``skip``; None when there are none or several."""
    doc = tok.doc
    sent = tok.sent
    prev_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    keys: dict[str, Hit] = {}
    salient: set[str] = set()
    for s, e, h in index.within(prev_start, tok.i):
        if h.entity.type in types and h.mention.kind != "demonym" and h.entity.key != skip:
            keys.setdefault(h.entity.key, h)
            if doc[s:e].root.dep_ in _SALIENT:
                salient.add(h.entity.key)
    if len(keys) != 1 or not salient or _named_later(tok, next(iter(keys)), index):
        return None
    return next(iter(keys.values()))


#: Positions that make a name what a sentence is about, so that a description after it may take it up: a
#: subject, an object or a possessor ("Boeing apologised", "Boeing's ethics"), not a name in a phrase ("signed
#: from AC Milan").
_SALIENT: Final = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "ROOT"})


def _named_later(tok: Token, key: str, index: EntityIndex) -> bool:
    """The organisation is named after ``tok`` in its sentence, so the description is another one: "The US firm
    agreed to pay $2bn to exit a deal under which it could have had to buy Fiat" is not Fiat."""
    return any(h.entity.key == key for _s, _e, h in index.within(tok.i + 1, tok.sent.end))


def org_antecedent(tok: Token, index: EntityIndex, depth: int = 0) -> Hit | None:
    """The organisation (or, for "it" and "the government", the country, never its people) a
    pronoun or "the firm" stands for, only when that is clear: the subject of the nearest clause before it, in
    its sentence or the one before ("Microsoft said it would buy ...", "Acme grew fast. The firm's takeover of
    ..."). When that subject is anything else (a person, "the album", a name of another type, two names joined
    by "and") the word is left unresolved; with no subject before it, a single organisation named in the two
    sentences is taken. A description ("the company", "the US firm") says what it stands for, so when the
    subject before it names nothing it too takes the single organisation named in the two sentences; as an
    object it never stands for its own clause's subject ("The Navy barred the company": not the Navy).
    The hit's mention is the word itself, so its evidence stays in the trigger's sentence."""
    if depth > 2 or index.at(tok) is not None or not _org_word(tok):
        return None
    types = {"Organization", "Country"} if tok.lower_ in _STATE_WORDS or tok.lemma_.lower() in _STATE_WORDS else {
        "Organization"}
    doc = tok.doc
    sent = tok.sent
    described = tok.pos_ == "NOUN"
    found: Hit | None = None
    if described and not _in_subject(tok):
        own = _own_subject(tok)
        mine = (index.at(own) or org_antecedent(own, index, depth + 1)) if own is not None else None
        if own is not None and mine is None and own.pos_ in ("PRON", "PROPN"):
            return None  # "It/He barred the company": whom "it" names is unknown, so which company too
        found = _single_org(tok, index, types, mine.entity.key if mine is not None else None)
    else:
        subj = _prior_subject(tok)
        if subj is not None:
            if subj.conjuncts:
                return None  # "Acme and Brill reported profits. It ...": which one
            found = index.at(subj) or org_antecedent(subj, index, depth + 1)  # "The company said it would ..."
            if found is not None and described and _named_later(tok, found.entity.key, index):
                return None
            if found is None and described and subj.pos_ == "NOUN":
                found = _single_org(tok, index, types, None)  # "Its releases came as the company announced ..."
            elif found is None or found.entity.type not in types or found.mention.kind == "demonym":
                return None  # a demonym ("Venezuelans") names the people, not the state
        else:
            found = _single_org(tok, index, types, None)
    if found is None:
        return None
    span = doc[tok.left_edge.i : tok.i + 1] if described else doc[tok.i : tok.i + 1]
    said = Mention(span.start_char, span.end_char, span.text, sent.start_char, sent.end_char, "pronoun")
    return Hit(found.entity, said)
