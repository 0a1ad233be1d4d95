"""Membership and employment (affiliated_with): work verbs, "X of Y", demonyms, possessives, parties."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from graphbuild.extract.common import Hit, token_table
from graphbuild.extract.dep_paths import doc_parse
from graphbuild.extract.event_figures import domain
from graphbuild.extract.lexicon import (
    PERSON_NOUNS,
    POST_HEADS,
    SPORT_ROLES,
    TITLES,
)
from graphbuild.extract.relation_rules.base import (
    _ABBREV_TITLES,
    _FACILITY_HEADS,
    _FIRM_NOUNS,
    _GEO_NOUNS,
    _KILLER_NOUNS,
    _POSS,
    _RANKS,
    Context,
    _comma_chain,
    _is_geo,
    _is_org,
    _not_owner,
    _of_topic,
    _person,
    _place_like,
    _pobj_hits,
    _tokens,
    counterfactual,
    is_party,
    quoted,
)
from graphbuild.extract.relation_rules.geography import _ORG_HEADS
from graphbuild.extract.relation_rules.residence import of_not_home, poss_appos_not_home, premodifier_not_home
from graphbuild.extract.relation_rules.titles import portfolio
from graphbuild.gazetteer import gazetteer
from graphbuild.model import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _orgs_under(ctx: Context, tok: Token, depth: int = 3) -> list[Hit]:
    """Organization mentions a noun phrase attaches with of/for/at/with, as possessor, or as compound."""
    out: list[Hit] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with"):
            for pobj in c.children:
                if pobj.dep_ != "pobj":
                    continue
                hit = ctx.index.at(pobj)
                if hit is not None and _is_org(hit):
                    out.append(hit)
                    out += [h for cc in pobj.children if cc.dep_ == "conj"
                            and (h := ctx.index.at(cc)) is not None and _is_org(h)]
                elif hit is None and depth > 1:
                    out += _orgs_under(ctx, pobj, depth - 1)
        elif c.dep_ in ("poss", "compound", "nmod") and (hit := ctx.index.at(c)) is not None and _is_org(hit):
            out.append(hit)
        elif c.dep_ == "conj" and c.pos_ == "NOUN" and depth > 1:
            out += _orgs_under(ctx, c, depth - 1)
    return out


def _geo_before_noun(ctx: Context, s: int, sent: Span) -> Hit | None:
    """The place ending just before the occupation words in front of token ``s``: "Atlanta businessman ",
    "Illinois Gov. ", "Philippines first lady ", "Soviet pianist " (lower-case nouns/adjectives ending in a
    noun, or an abbreviated title)."""
    doc = ctx.doc
    j = s
    while j > sent.start and j > s - 4 and doc[j - 1].is_lower and doc[j - 1].pos_ in ("NOUN", "ADJ"):
        j -= 1
    if j < s and doc[s - 1].pos_ != "NOUN":
        return None
    if j > sent.start and doc[j - 1].lower_ in _ABBREV_TITLES:
        j -= 1
    if j == s:
        return None
    prev = ctx.index.end_at.get(j)
    if prev is None or not _is_geo(prev[2]):
        return None
    k = prev[0] - 1
    if k >= sent.start and doc[k].pos_ in ("PROPN", "ADJ", "NOUN") and doc[k].text[:1].isupper() \
            and not doc[k].is_sent_start:
        return None  # the place is the end of a longer name: "Little Britain star X", "BBC Scotland reporter X"
    if k > sent.start and doc[k].lower_ == "of" and doc[k - 1].text[:1].isupper():
        return None  # "Royal Bank of Scotland chief executive X"
    return prev[2]


#: Players (:data:`SPORT_ROLES`) and team staff ("Scotland doctor X", "Wales record cap holder X").
_TEAM_STAFF = frozenset({"doctor", "physio", "physiotherapist", "medic", "selector", "trainer", "boss", "holder",
                         "legend", "great", "veteran", "debutant", "favourite", "favorite", "champion"}) | SPORT_ROLES


def _team_country(ctx: Context, geo: Hit, noun: Token) -> bool:
    """Whether ``geo`` is a country named by its name (not its demonym) before a player's or team staff's noun in a
    sports report: "Scotland doctor X", "former Wales midfielders X and Y" name the team X plays or works for, not
    where X lives ("US tycoon X" still says where he is from)."""
    return geo.entity.type == "Country" and geo.mention.kind != "demonym" \
        and noun.lemma_.lower() in _TEAM_STAFF and domain(ctx.doc)[0]


def _known_place(geo: Hit) -> bool:
    """Whether ``geo`` is a country or a place the place table knows: before "singer", "actor" or "frontman" a
    name the table does not know is mostly a band, a show or a club typed as a place ("Nirvana frontman X")."""
    if geo.entity.type == "Country":
        return True
    gz = gazetteer()
    return gz.lookup(geo.entity.label) is not None or gz.place_country(geo.entity.label) is not None


def _post_or_team_before(doc: Doc, s: int) -> bool:
    """Whether the word before token ``s`` (past a rank) ends a post or a team position ("president", "centre")."""
    k = s - 1
    while k > 0 and (doc[k].lower_.rstrip(".") in _RANKS or doc[k].text == "."):
        k -= 1
    word = doc[k].lower_
    return k >= 0 and (word in _POST_WORDS or word in SPORT_ROLES or word in _ABBREV_TITLES)


#: Nouns for someone who acts for a country or government: the country before them is an affiliation.
_AGENT_NOUNS = frozenset({"counterpart", "official", "diplomat", "envoy", "negotiator", "delegate", "emissary",
                          "representative", "agent", "spy", "soldier", "officer", "peacekeeper", "attache",
                          "spokesperson", "mediator", "lawmaker", "legislator", "policeman", "commander"})


#: Posts, not occupations: "Boston lawyer X" and "a Leeds pensioner" still say where X lives.
_POST_WORDS = (TITLES | POST_HEADS) - PERSON_NOUNS


def rule_work_for(ctx: Context) -> Iterator[Relation]:
    """X, a spokesman for Y; X, an ecologist at Y; Y attorney X; X at Y; X, who works for Y."""
    doc = ctx.doc
    index = ctx.index
    seen: set[tuple[str, str]] = set()
    for s, e, hit in index.spans:
        root = next((t for t in doc[s:e] if t.head.i < s or t.head.i >= e or t.head.i == t.i), doc[e - 1])
        if (hit.entity.type != "Person" and not _person_by_apposition(hit, root)) \
                or hit.mention.text.lower().rstrip(".") in _RANKS:
            continue
        sent = ctx.sent_of[s]
        found: list[tuple[Hit, str]] = []
        for c in root.children:
            if c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_ not in _KILLER_NOUNS | PRIZE_NOUNS | FICTION_NOUNS:
                found += [(h, "affiliated_with.appos") for h in _orgs_under(ctx, c)]
                # "X , the New York attorney representing Church 's"
                found += [(h, "affiliated_with.represent") for a in c.children if a.dep_ == "acl"
                          and a.lemma_ in ("represent", "advise", "defend") for d in a.children
                          if d.dep_ == "dobj" and (h := index.at(d)) is not None and _is_org(h)]
            elif c.dep_ == "prep" and c.lower_ in ("at", "with", "for") and (
                    root.head.lemma_ in _SPEAKING_VERBS or (e < len(doc) and doc[e].text == ",")):
                # only for a speaker or a name set off by a comma ("said analyst X at Y", "X , columnist for Y"):
                # elsewhere a venue, a work or company ("joined by X at Welling School", "X for Eternal Sunshine")
                found += [(h, "affiliated_with.prep") for p in c.children if p.dep_ == "pobj"
                          and (h := index.at(p)) is not None and _is_org(h)]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_ not in FICTION_NOUNS:
            # "the manager of Y , X" (but "the Marvel hero X" is a character)
            found += [(h, "affiliated_with.appos") for h in _orgs_under(ctx, root.head)]
        # "KAL attorney George Tompkins", "DIMA 's technical manager , engineer Jose Tulio Gomez"
        j = s
        while j > sent.start and j > s - 4 and doc[j - 1].pos_ == "NOUN" and doc[j - 1].is_lower:
            j -= 1
        # but a title won is no membership: "Wimbledon champion X", "Booker winner X"
        prize = j < s and doc[s - 1].lemma_.lower() in PRIZE_NOUNS
        # nor a role, a work or a use: "the Marvel hero X", "Friends actor X", "Wheelchair user X"
        no_staff = j < s and doc[s - 1].lemma_.lower() in FICTION_NOUNS | _NOT_STAFF_NOUNS
        if j < s and (prev := index.end_at.get(j)) is not None and _is_org(prev[2]) and not prize \
                and not no_staff and not portfolio(prev[2]):  # "Health spokesman X": a portfolio, no body
            found.append((prev[2], "affiliated_with.org_noun"))
        # "Atlanta businessman Neil Estes", "Illinois Gov. James Thompson", "Soviet pianist X"
        # but a post or a team position is not a home: "US president X", "England centre X" (title.premod)
        if (geo := _geo_before_noun(ctx, s, sent)) is not None and not _post_or_team_before(doc, s) \
                and not (prize and geo.entity.type != "Country"):  # "Olympic champion X", "Wimbledon winner X"
            # "his German counterpart X", "Iranian diplomat X": someone acting for the country, not living there
            if doc[s - 1].lemma_ in _AGENT_NOUNS or _team_country(ctx, geo, doc[s - 1]):
                yield ctx.rel(hit, "affiliated_with", geo, sent, "affiliated_with.geo_noun", 0.6)
            elif _known_place(geo) and not premodifier_not_home(doc, geo, ctx.index.span_of(geo)[1], s, PRIZE_NOUNS):
                yield ctx.rel(hit, "lives_in", geo, sent, "lives_in.geo_noun", 0.6)
        for org, rule in found:
            if (org.mention.text, hit.mention.text) in seen:
                continue
            seen.add((org.mention.text, hit.mention.text))
            yield ctx.rel(hit, "affiliated_with", org, sent, rule, 0.65)
    table = token_table(doc)
    deps = doc_parse(doc).dep  # only an "oprd" noun or an "acl" verb of leading can give a relation below
    picked = [i for i, (pos, lem, dep) in enumerate(zip(table.pos, table.lemma, deps, strict=True))
              if (pos == "NOUN" and dep == "oprd") or (lem in _LEAD_VERBS and dep == "acl")]
    for tok in _tokens(doc, picked):
        # "named Larry Jinks publisher of the San Jose Mercury News"
        if tok.dep_ == "oprd" and tok.pos_ == "NOUN" and tok.head.lemma_ in _NAMING_VERBS:
            named = _person(index, next((c for c in tok.head.children if c.dep_ == "dobj"), None))
            if named is not None:
                for org in _orgs_under(ctx, tok):
                    yield ctx.rel(named, "affiliated_with", org, tok.sent, "affiliated_with.named", 0.7)
        # "the Mediterranean Foundation headed by Juan Novara"
        elif tok.lemma_ in _LEAD_VERBS and tok.dep_ == "acl" and tok.tag_ == "VBN" \
                and (body := index.at(tok.head)) is not None and _is_org(body):
            for _, leader in _pobj_hits(tok, index, ("by",)):
                if leader.entity.type == "Person":
                    yield ctx.rel(leader, "affiliated_with", body, tok.sent, "affiliated_with.headed_by", 0.7)
    # "Barrett is a member of the Illinois Commerce Commission", "X , 58 , was acting comptroller at Y"
    for tok in _tokens(doc, [i for i, lem in enumerate(token_table(doc).lemma) if lem == "be"]):
        if tok.lemma_ != "be":
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        person = _person(index, subj)
        if person is None or counterfactual(tok) or (subj is not None and subj.pos_ == "PRON" and quoted(tok)):
            continue
        for attr in tok.children:
            if attr.dep_ != "attr" or attr.pos_ != "NOUN" or attr.lemma_ in _KILLER_NOUNS | _NOT_MEMBER_NOUNS:
                continue
            orgs = _orgs_under(ctx, attr, depth=1)
            # "X , 58 , was acting comptroller at the American University of Beirut": "at" hangs on the verb
            orgs += [h for _, h in _pobj_hits(tok, index, ("at", "for", "with")) if _is_org(h)]
            for org in orgs:
                yield ctx.rel(person, "affiliated_with", org, tok.sent, "affiliated_with.copula", 0.65)


#: Nouns for someone who won a contest or a prize: the contest or prize before them ("Wimbledon champion X",
#: "Oscar winner X", "Olympic gold medallist X") is no employer and no home.
PRIZE_NOUNS = frozenset({"champion", "winner", "finalist", "semi-finalist", "runner-up", "medallist", "medalist",
                         "nominee", "laureate", "titleholder", "title-holder", "victor", "champ"})


#: Nouns for a fictional figure: the publisher or show before them ("the Marvel hero X", "his Office character Y")
#: is no employer.
FICTION_NOUNS = frozenset({"hero", "superhero", "heroine", "villain", "supervillain", "character", "sidekick",
                           "creation", "mascot", "puppet", "alter-ego"})


#: Verbs of a speaker whose "at/for/with Y" after the name is the speaker's body (``affiliated_with.prep``).
_SPEAKING_VERBS = frozenset({"say", "tell", "add", "write", "predict", "warn", "explain", "comment", "argue", "note",
                             "believe", "think", "estimate", "suggest", "agree", "insist", "point", "claim", "reckon",
                             "caution", "expect", "forecast", "observe", "state", "remark", "stress", "according"})


#: Nouns after a name that say no membership of it: a work an actor plays in ("Friends actor X"), a thing used or
#: followed ("Wheelchair user X", "Chelsea fan Y"), a crime's place ("Soham murderer Z").
_NOT_STAFF_NOUNS = _KILLER_NOUNS | frozenset({"actor", "actress", "creator", "user", "fan", "supporter", "customer",
                                              "client", "viewer", "reader", "listener", "sweetheart", "victim",
                                              "lookalike", "impersonator", "devotee", "admirer"})


#: Nouns whose "of Y" is no membership: "Kennedy was the victim of an FBI conspiracy".
_NOT_MEMBER_NOUNS = frozenset({"victim", "target", "enemy", "critic", "opponent", "subject", "focus", "guest",
                               "customer", "client", "rival", "foe", "prisoner", "hostage"})


_NAMING_VERBS = frozenset({"name", "appoint", "elect", "make", "nominate", "choose", "select", "install"})


_LEAD_VERBS = frozenset({"head", "lead", "run", "found", "chair", "direct", "own", "manage"})


def _person_by_apposition(hit: Hit, root: Token) -> bool:
    """A name the entity layer typed otherwise that an apposition shows to be a person: "Harrington , a
    professor of political science at Queens College" (typed Organization)."""
    return hit.entity.type in ("Organization", "Place") and any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and (c.lower_ in TITLES or c.lemma_ in PERSON_NOUNS)
        and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == "," for c in root.children)


def rule_person_of(ctx: Context) -> Iterator[Relation]:
    """``PERSON of PLACE|ORG`` and ``PLACE|ORG's PERSON``: "Sen. Smith of Ohio", "Microsoft's Bill Gates"."""
    doc = ctx.doc
    for s, e, hit in ctx.index.spans:
        sent = ctx.sent_of[s]
        if hit.entity.type in ("Person", "Organization") and e + 3 < sent.end and doc[e].text == "," \
                and doc[e + 1].like_num and doc[e + 2].text == "," and doc[e + 3].lower_ == "of":
            e += 3  # "Daniel Sullivan , 30 , of Boothbay"
            if hit.entity.type == "Organization":  # an age: "Marie Magdefrau Ferraro , 50 , of" is a person
                hit = Hit(replace(hit.entity, type="Person"), hit.mention)
        if hit.entity.type == "Person" and e + 2 < sent.end and doc[e].text == "," and doc[e + 1].lower_ == "of" \
                and (nxt := ctx.index.start_at.get(e + 2) or ctx.index.start_at.get(e + 3)) is not None \
                and _is_org(nxt[2]):
            # "Stephanie Powell , of the DEM 's division"
            yield ctx.rel(hit, "affiliated_with", nxt[2], sent, "affiliated_with.comma_of", 0.65)
        # "Brian Mulroney 's Progressive Conservative Party"; a person's film, book or song is no body:
        # "Mike Leigh 's Vera Drake" (a name that does not end in a word for a body)
        if hit.entity.type == "Person" and e + 1 < sent.end and doc[e].text in _POSS \
                and (nxt := ctx.index.start_at.get(e + 1)) is not None and _is_org(nxt[2]) and _body(nxt[2]):
            yield ctx.rel(hit, "affiliated_with", nxt[2], sent, "affiliated_with.person_poss", 0.6)
        if hit.entity.type == "Person" and e + 1 < sent.end and doc[e].lower_ == "of" and not _plural_name(doc, s, e):
            nxt = ctx.index.start_at.get(e + 1) or ctx.index.start_at.get(e + 2)
            if nxt is not None and nxt[2].mention.rule != "demonym" and not _of_topic(doc, e, nxt[1]):
                # "X of Bulgarian rock band Y": not Bulgaria; "analyst X of Y 's results": about Y
                other = nxt[2]
                if other.entity.type == "Organization":
                    yield ctx.rel(hit, "affiliated_with", other, sent, "affiliated_with.of", 0.65)
                elif other.entity.type == "Country":
                    # "President Musharraf of Pakistan", "Nicolas Kiefer of Germany" (a player for his country):
                    # the country a person acts or plays for, not a home the text states
                    yield ctx.rel(hit, "affiliated_with", other, sent, "affiliated_with.of_country", 0.6)
                elif _is_geo(other) and not of_not_home(doc, s, other, nxt[1]):
                    yield ctx.rel(hit, "lives_in", other, sent, "lives_in.of", 0.6)
                    for more in _comma_chain(ctx, nxt[1], sent.end):  # "Andrew Hall of Miami , Fla."
                        yield ctx.rel(hit, "lives_in", more, sent, "lives_in.of_chain", 0.6)
        if hit.entity.type in ("Organization", "Country") and e < sent.end and doc[e].text in _POSS:
            nxt = ctx.index.start_at.get(e + 1)
            if nxt is not None and nxt[2].entity.type == "Person":
                yield ctx.rel(nxt[2], "affiliated_with", hit, sent, "affiliated_with.poss", 0.65)


def rule_demonym_person(ctx: Context) -> Iterator[Relation]:
    """``Country-demonym PERSON`` without a title: "Russian Vladimir Putin", "the Iranian Ali Khamenei"."""
    doc = ctx.doc
    for s, e, hit in ctx.index.spans:
        if hit.entity.type != "Country" or e >= len(doc):
            continue
        nxt = ctx.index.start_at.get(e)
        # "the average American Joe": a figure of speech, no one's nationality
        if s > 0 and doc[s - 1].lower_ in ("average", "ordinary", "typical", "everyday", "regular"):
            continue
        if nxt is not None and nxt[2].entity.type == "Person" and hit.mention.text[:1].isupper():
            yield ctx.rel(nxt[2], "affiliated_with", hit, ctx.sent_of[s], "affiliated_with.demonym", 0.6)


def _poss_geo(ctx: Context, noun: Token) -> Hit | None:
    """The place owning an apposition noun: "Japan 's prime", "one of Ethiopia 's most distinguished lawyers"."""
    if noun.lower_ == "one":
        noun = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"), noun)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    hit = ctx.index.at(owner) if owner is not None else None
    if hit is None or not _is_geo(hit) or hit.mention.rule == "demonym":
        return None
    s, e = ctx.index.span_of(hit)
    return None if _not_owner(ctx.doc, s, e) else hit  # "St Dunstan 's and Stepney Green ward , Tower Hamlets"


def rule_poss_appos(ctx: Context) -> Iterator[Relation]:
    """A name in apposition to a noun a place owns: ``lives_in.poss_appos`` "Morihiro Hosokawa , Japan 's prime",
    "France 's deputy representative , M. Pierre Brochand", "Abebe Worke , one of Ethiopia 's most distinguished
    lawyers"; ``located_in.poss_appos`` "One of China 's major agricultural producers , Anhui", "Mount Blanc ,
    Western Europe 's highest peak"."""
    index = ctx.index
    # only a noun with a name in apposition (either way round) or "one" can give names: the parse says which
    parse, at = doc_parse(ctx.doc), index.by_token
    appos_heads = {parse.head[j] for j, dep in enumerate(parse.dep) if dep == "appos" and j in at}
    picked = [i for i, pos in enumerate(token_table(ctx.doc).pos) if pos in ("NOUN", "NUM") and i not in at and (
        i in appos_heads or (parse.dep[i] == "appos" and parse.head[i] in at) or parse.lower[i] == "one")]
    for tok in _tokens(ctx.doc, picked):
        if tok.pos_ not in ("NOUN", "NUM") or index.at(tok) is not None:
            continue
        names = [h for c in tok.children if c.dep_ == "appos" and (h := index.at(c)) is not None
                 and not _coordinated_after(tok, c)]
        if tok.dep_ == "appos" and (h := index.at(tok.head)) is not None:
            names.append(h)
        if tok.lower_ == "one" and tok.dep_ in ("advcl", "npadvmod", "appos"):  # "One of China 's X , Anhui has"
            names += [h for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and (h := index.at(c))
                      is not None]
        if not names or (geo := _poss_geo(ctx, tok)) is None:
            continue
        for name in names:
            if name.entity.key == geo.entity.key:
                continue
            if name.entity.type == "Person" and _names_post(tok):
                # "Palaniappan Chidambaram , India 's finance minister": a title's country is not a home
                yield ctx.rel(name, "affiliated_with", geo, tok.sent, "affiliated_with.poss_appos", 0.65)
            elif name.entity.type == "Person":
                if not poss_appos_not_home(tok):
                    yield ctx.rel(name, "lives_in", geo, tok.sent, "lives_in.poss_appos", 0.65)
            elif _place_like(name) or (name.entity.type == "Organization" and tok.lemma_ in _GEO_NOUNS):
                if name.mention.rule != "demonym":  # "The UK 's biggest brewer , Scottish and Newcastle"
                    yield ctx.rel(name, "located_in", geo, tok.sent, "located_in.poss_appos", 0.65)
            elif _is_org(name) and tok.lemma_ in _FIRM_NOUNS:
                # "Sumitomo , Japan 's third-largest bank", "Spain 's most powerful bank , Santander"
                yield ctx.rel(name, "based_in", geo, tok.sent, "based_in.poss_appos", 0.65)


#: Last words of a body's name after a person's possessive ("Lakshmi Mittal 's LNM Holdings").
_BODY_WORDS = (_ORG_HEADS - _FACILITY_HEADS) | frozenset(
    {"party", "holdings", "enterprises", "chambers", "label", "administration", "cabinet", "campaign", "firm",
     "coalition", "movement", "partners", "capital", "industries", "systems", "media", "entertainment", "nation",
     "order", "front", "brotherhood", "alliance"})


def _body(hit: Hit) -> bool:
    """Whether an organisation's name says it is a body (a party, a firm, a council), not a work: its head word,
    the last one or the one before "of" ("LNM Holdings", "Nation of Islam"; not "Kingdom of Heaven")."""
    words = hit.entity.label.lower().split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return is_party(hit.entity) or head in _BODY_WORDS


def _plural_name(doc: Doc, s: int, e: int) -> bool:
    """Whether a one-word "person" before "of" is a plural noun, the start of a band's or a group's name ("Kings
    of Leon", "Sons of Kemet"): the place after "of" is part of the name, no one's home."""
    return e - s == 1 and doc[s].tag_ in ("NNS", "NNPS")


def _coordinated_after(noun: Token, name: Token) -> bool:
    """Whether the name in apposition to a singular noun follows a coordinator after it: "India 's oil minister
    A and Russian energy minister B" (B is not India's minister); a plural noun owns all ("Japan 's foreign and
    trade ministers, A and B")."""
    if name.i < noun.i or noun.tag_ in ("NNS", "NNPS"):
        return False
    return any(t.dep_ == "cc" or t.lower_ in ("and", "or") for t in noun.doc[noun.i + 1:name.left_edge.i])


def _names_post(noun: Token) -> bool:
    """Whether an apposition noun names a post ("India 's finance minister", "Japan 's prime minister", "the
    Ukraine 's new president"), not an occupation ("one of Ethiopia 's most distinguished lawyers")."""
    words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i)]
    if noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].dep_ in ("appos", "compound", "npadvmod"):
        words.append(noun.doc[noun.i + 1])  # "Japan 's prime minister" parsed with "prime" as the head
    return any(w.lower_ in POST_HEADS or w.lemma_ in POST_HEADS or w.lower_ in TITLES for w in words)


#: Nouns for a body a person leads or belongs to, named by an organisation ("Labour government").
_GOVERNING_NOUNS = frozenset({"government", "administration", "party", "cabinet", "coalition"})


def rule_party_of(ctx: Context) -> Iterator[Relation]:
    """A person's governing body that an organisation names: ``affiliated_with.whose`` "David Lammy , whose
    two-month-old Labour government"; ``affiliated_with.poss_party`` "Tony Blair 's Labour government"."""
    doc = ctx.doc
    index = ctx.index
    for tok in _tokens(doc, [i for i, low in enumerate(token_table(doc).lower) if low in _GOVERNING_NOUNS]):
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        orgs = [h for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                and (h := index.at(c)) is not None and _is_org(h)]
        if not orgs:
            continue
        for c in tok.children:
            if c.dep_ != "poss":
                continue
            if c.lower_ == "whose":
                owner, rule = index.antecedent_relative(c), "affiliated_with.whose"
            else:
                owner, rule = index.at(c), "affiliated_with.poss_party"
            if owner is None or owner.entity.type != "Person":
                continue
            for org in orgs:
                yield ctx.rel(owner, "affiliated_with", org, ctx.sent_of[tok.i], rule, 0.75)
