"""Places inside places (located_in): "Town, County", "the port of X", "X in Y"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graphbuild.extract.common import Hit, token_table
from graphbuild.extract.entity_steps.sexes import is_given_name
from graphbuild.extract.relation_rules.base import (
    _COMPASS,
    _FACILITY_HEADS,
    _GEO,
    _GEO_NOUNS,
    _KIND_NOUNS,
    _PLACE_MODIFIERS,
    _PLACE_NOUNS,
    _POSS,
    Context,
    _comma_chain,
    _geo_after,
    _geo_objects,
    _in_list,
    _is_facility,
    _is_geo,
    _is_org,
    _not_owner,
    _place_like,
    _pobj_hits,
    _tokens,
)
from graphbuild.gazetteer import gazetteer
from graphbuild.model import Relation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def rule_located_in(ctx: Context) -> Iterator[Relation]:
    """Place (in|of|,) [the eastern] Place|Country; Country's Place; Place (Country); "A , B , C" chains."""
    doc = ctx.doc
    for s, e, hit in ctx.index.spans:
        sent = ctx.sent_of[s]
        # a dateline "ROYAL OAK , Mich ." is often typed ORG by NER: accept an all-caps first mention
        dateline = s == sent.start and hit.mention.text.isupper() and len(hit.mention.text) > 2
        if not (_place_like(hit) or dateline) or e >= sent.end:
            continue
        if hit.mention.rule == "demonym" and doc[e].text not in _POSS:
            continue  # "Palestinians in the West Bank": people, not the country, are in the place
        # "the Savannah River plant in South Carolina", "the Sahara desert in Africa": read over the kind of place
        k = e
        while k < min(sent.end - 1, e + 3) and doc[k].is_lower and doc[k].pos_ == "NOUN":
            k += 1
        if k > e and doc[k].lower_ == "in" and doc[k - 1].lemma_ in _FACILITY_HEADS | _KIND_NOUNS:
            e = k
        tok = doc[e]
        # "Pokrovsk in the eastern Donetsk region"; "the Savannah River Plant , in Aiken , S.C." (comma_in)
        comma_in = tok.text == "," and e + 2 < sent.end and doc[e + 1].lower_ == "in"
        # "A Smith (Leeds)", "Ann Smith of Kenya": a person whose surname was typed Place, with a team or country
        if tok.text in ("(", "of") and (_name_tail(ctx, s, sent) or _person_named(hit)):
            pass
        elif (tok.lower_ in ("in", "of") and (tok.lower_ == "in" or hit.entity.type == "Place")) or comma_in:
            name = "comma_in" if comma_in else tok.lower_
            other = _geo_after(ctx, e + (2 if comma_in else 1), sent.end, max_gap=4)
            if other is not None and other.entity.key != hit.entity.key:
                yield ctx.rel(hit, "located_in", other, sent, f"located_in.{name}", 0.75)
                o_end = ctx.index.span_of(other)[1]
                for more in _comma_chain(ctx, o_end, sent.end):
                    yield ctx.rel(hit, "located_in", more, sent, f"located_in.{name}_chain", 0.7)
                    if _is_geo(other):
                        yield ctx.rel(other, "located_in", more, sent, "located_in.comma", 0.8)
                # "Yatsushiro in Kumamoto Prefecture in southern Japan"
                if o_end + 1 < sent.end and doc[o_end].lower_ == "in" and (
                        third := _geo_after(ctx, o_end + 1, sent.end)) is not None \
                        and third.entity.key not in (hit.entity.key, other.entity.key):
                    yield ctx.rel(hit, "located_in", third, sent, f"located_in.{name}_chain", 0.7)
                    yield ctx.rel(other, "located_in", third, sent, "located_in.in", 0.75)
        elif tok.text == "," and e + 2 < sent.end and doc[e + 1].lower_ in _COMPASS and _is_geo(hit) \
                and ctx.index.start_at.get(e + 1) is None:  # "Bingley , West Yorkshire" is a name, not a compass
            # "Mohammadia , south-east Algeria ,"
            j = e + 1
            while j < min(sent.end, e + 5) and doc[j].lower_ in _COMPASS:
                j += 1
            nxt = ctx.index.start_at.get(j)
            if nxt is not None and _is_geo(nxt[2]) and nxt[2].entity.key != hit.entity.key and (
                    nxt[1] >= sent.end or doc[nxt[1]].is_punct or doc[nxt[1]].lower_ in ("and", "or")):
                yield ctx.rel(hit, "located_in", nxt[2], sent, "located_in.compass", 0.7)
        elif tok.text == "(" and e + 1 < sent.end:
            nxt = ctx.index.start_at.get(e + 1)
            if nxt is not None and _is_geo(nxt[2]) and nxt[2].entity.key != hit.entity.key:
                after = nxt[1]
                if after < sent.end and doc[after].text.startswith(")"):  # "KYIV (Ukraine):" tokenises "):"
                    yield ctx.rel(hit, "located_in", nxt[2], sent, "located_in.paren", 0.8)
        elif tok.text == "," and not _in_list(ctx, s, e, sent):
            chain = _comma_chain(ctx, e, sent.end)
            prev = hit
            for n, other in enumerate(chain):
                if other.entity.key == hit.entity.key:
                    break
                rule = "located_in.comma" if n == 0 else "located_in.comma_chain"
                yield ctx.rel(hit, "located_in", other, sent, rule, 0.8 if n == 0 else 0.7)
                if n > 0 and _is_geo(prev):
                    yield ctx.rel(prev, "located_in", other, sent, "located_in.comma", 0.8)
                prev = other
        if hit.entity.type in _GEO and doc[e].text in _POSS:
            nxt = ctx.index.start_at.get(e + 1)
            j = e + 1
            while nxt is None and j < min(sent.end, e + 4) and doc[j].lower_ in _PLACE_MODIFIERS:
                j += 1
                nxt = ctx.index.start_at.get(j)
            if nxt is not None and (nxt[2].entity.type == "Place" or _is_facility(nxt[2])) \
                    and not _not_owner(doc, s, e) and not _larger_owned(ctx, hit, e, nxt[0]) \
                    and not (hit.entity.type == "Country" and (_person_named(nxt[2]) or _bare_unknown(ctx, *nxt))):
                yield ctx.rel(nxt[2], "located_in", hit, sent, "located_in.poss", 0.8)
    yield from _capitals_and_appositions(ctx)
    # "Rome is in Lazio", "The farm is located in Wapato"
    lemmas = token_table(doc).lemma
    for tok in _tokens(doc, [i for i, lem in enumerate(lemmas) if lem in ("be", "locate", "lie", "sit")]):
        if tok.lemma_ not in ("be", "locate", "lie", "sit"):
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        place = ctx.index.at(subj) if subj is not None else None
        if place is None or not _place_like(place):
            continue
        for _, other in _pobj_hits(tok, ctx.index, ("in",)):
            if _is_geo(other) and other.entity.key != place.entity.key:
                yield ctx.rel(place, "located_in", other, tok.sent, "located_in.copula", 0.75)


#: Kinds of place larger than a town: "Frankfurt 's state of Hessen" puts the town in the state, not the other way.
_ABOVE_TOWNS = frozenset({"state", "country", "nation", "province", "canton", "region", "county"})


def _larger_owned(ctx: Context, owner: Hit, poss: int, start: int) -> bool:
    """Whether a town owns a larger kind of place: "Frankfurt 's state of Hessen" (the state holds the town)."""
    if owner.entity.type != "Place" or not any(t.lemma_.lower() in _ABOVE_TOWNS for t in ctx.doc[poss + 1:start]):
        return False
    known = gazetteer().place_country(owner.entity.label)
    return known is None or known[1] is not None or known[0] != "US"  # a US state may own a county


#: Last words of two-word place names ("Regent Street", "Gold Coast", "West End") and first words ("New Town").
_NAME_HEADS = _FACILITY_HEADS | _PLACE_NOUNS | _KIND_NOUNS | frozenset(
    {"road", "street", "end", "coast", "bay", "lane", "avenue", "way", "gate", "heath", "green", "common", "cross",
     "quay", "row", "market", "centre", "center", "gardens", "hall", "wharf", "docks", "point", "head", "cape",
     "strait", "straits", "falls", "springs", "wood", "vale", "moor", "fields", "village", "town", "city"})
_NAME_STARTS = _COMPASS | frozenset({"new", "st", "saint", "port", "fort", "mount", "lake", "san", "santa", "los",
                                     "las", "el", "la", "le", "upper", "lower", "great", "little", "old"})


def _name_tail(ctx: Context, s: int, sent: Span) -> bool:
    """Whether the place at token ``s`` ends a person's name: after an initial ("A Smith") or a capitalised word
    that is no name and no place word ("Ann Smith" where only "Smith" was found)."""
    if s <= sent.start or ctx.index.end_at.get(s) is not None:
        return False
    prev = ctx.doc[s - 1]
    word = prev.text.rstrip(".")
    if len(word) == 1 and word.isupper():
        return True
    return prev.pos_ == "PROPN" and word.isalpha() and word.istitle() and is_given_name(word)


def _bare_unknown(ctx: Context, s: int, e: int, hit: Hit) -> bool:
    """Whether a country's "place" is one word the place table does not know, with no kind of place after it: a
    firm or a player typed Place ("France 's Acmesoft , one of Europe 's biggest", "Russia 's Petrova struggled")."""
    if e - s != 1 or hit.entity.type != "Place" or (e < len(ctx.doc) and ctx.doc[e].is_lower
                                                    and ctx.doc[e].pos_ == "NOUN"):
        return False
    gaz = gazetteer()
    return gaz.lookup(hit.mention.text) is None and gaz.place_country(hit.entity.label) is None


def _person_named(hit: Hit) -> bool:
    """Whether a "place" a country owns is written as a person's name ("Japan 's Ai Sugiyama", "Britain 's Tosin
    Oke" typed Place): two capitalised words the place table does not know, neither a word of place names
    ("Gold Coast", "North Yorkshire"), or a common given name first."""
    words = hit.mention.text.split()
    if len(words) != 2 or not all(w.isalpha() and w.istitle() for w in words):
        return False
    gaz = gazetteer()
    if gaz.lookup(hit.mention.text) is not None or gaz.place_country(hit.entity.label) is not None:
        return False
    return is_given_name(words[0]) or (
        words[1].lower() not in _NAME_HEADS and words[0].lower() not in _NAME_STARTS)


def _capitals_and_appositions(ctx: Context) -> Iterator[Relation]:
    """``located_in.capital``: "Yerevan , the capital of Armenia", "Bosnia 's capital , Sarajevo", "the Armenian
    capital , Yerevan", "Yerevan is the capital of Armenia"; ``located_in.appos``: "Madagascar , an island nation
    in the Indian Ocean", "Leninakan , a city of Armenia"."""
    index = ctx.index
    for tok in _tokens(ctx.doc, [i for i, pos in enumerate(token_table(ctx.doc).pos) if pos == "NOUN"]):
        if tok.pos_ != "NOUN":
            continue
        if tok.lemma_ == "capital":
            larger = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in _geo_objects(ctx, c)]
            larger += [h for c in tok.children if c.dep_ in ("poss", "amod", "compound")
                       and (h := index.at(c)) is not None and _is_geo(h)]
            cities = [h for c in tok.children if c.dep_ == "appos" and (h := index.at(c)) is not None and _is_geo(h)]
            if tok.dep_ == "appos" and (h := index.at(tok.head)) is not None and _is_geo(h):
                cities.append(h)
            if tok.dep_ == "attr":
                cities += [h for c in tok.head.children if c.dep_ == "nsubj" and (h := index.at(c)) is not None
                           and _is_geo(h)]
            for city in cities:
                for big in larger:
                    if city.entity.key != big.entity.key:
                        yield ctx.rel(city, "located_in", big, tok.sent, "located_in.capital", 0.8)
        elif tok.dep_ == "appos" and (place := index.at(tok.head)) is not None and index.at(tok) is None \
                and (_is_org(place) or (_place_like(place) and tok.lemma_ in _APPOS_KINDS)):
            # "Madagascar , an island nation in the Indian Ocean", "Ferenc Puskas Stadium , a stadium in Budapest";
            # a place's apposition must say what kind of place it is: in "Afghanistan , the wider war on terror ,
            # the situation in the Middle East" the nouns are a list of topics
            yield from _kind_in(ctx, place, tok, "appos")


#: Kinds of place a copula may say a name is ("Bound Brook is a borough in Somerset County").
_KIND_NOUNS_COPULA = _PLACE_NOUNS | frozenset(
    {"commune", "township", "parish", "locality", "settlement", "neighbourhood", "neighborhood", "river", "lake",
     "mountain", "peak", "island", "bay", "valley", "park", "municipality", "prefecture", "canton", "oblast",
     "department", "governorate", "constituency", "ward", "estate", "quarter", "peninsula", "reserve"}
)


def rule_place_copula(ctx: Context) -> Iterator[Relation]:
    """"Bound Brook is a borough in Somerset County , New Jersey", "Amagasaki is a city located in Hyogo
    Prefecture", "Sappy Records is a record label based in Sackville": a place or organisation said to be
    something "in" places is in them (an organisation is based_in them).  "of" counts only after a kind of
    place ("a village of Armenia"), so "X is a member of Y" stays out."""
    doc = ctx.doc
    for tok in _tokens(doc, [i for i, lem in enumerate(token_table(doc).lemma) if lem == "be"]):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        hit = ctx.index.at(subj) if subj is not None else None
        if hit is None or hit.entity.type not in ("Place", "Organization"):
            continue
        for attr in tok.children:
            if attr.dep_ != "attr" or attr.pos_ not in ("NOUN", "PROPN") or ctx.index.at(attr) is not None:
                continue
            yield from _kind_in(ctx, hit, attr, "copula_kind")


def _kind_in(ctx: Context, hit: Hit, noun: Token, name: str) -> Iterator[Relation]:
    """The places "in" a noun that says what ``hit`` is ("a borough in Somerset County , New Jersey", "a
    company based in Leeds"), each with the places chained after it."""
    kind = noun.lemma_ in _KIND_NOUNS_COPULA
    # "in"; "of" after a kind of place; "from" for a body ("a football club from Fyllingsdalen , Bergen")
    preps = [c for c in noun.children if c.dep_ == "prep" and (c.lower_ in ("in", "within") or (kind and c.lower_ == "of")
                                                                or (c.lower_ == "from" and _is_org(hit)))]
    preps += [p for a in noun.children if a.dep_ in ("acl", "relcl") and a.lemma_ in _SITED
              for p in a.children if p.dep_ == "prep" and p.lower_ in ("in", "at")]
    relation, rule = ("based_in", f"based_in.{name}") if _is_org(hit) else ("located_in", f"located_in.{name}")
    # "Cinema Verity was a British production company", "Camp Caves was a US Army training camp"
    for c in noun.children:  # a place's noun must be a kind of place: "SANTIAGO ... The U.S. ambassador" is not
        if c.dep_ in ("amod", "compound") and c.i < noun.i and (geo := ctx.index.at(c)) is not None \
                and geo.entity.type == "Country" and geo.entity.key != hit.entity.key \
                and (relation == "based_in" or noun.lemma_ in _APPOS_KINDS):
            yield ctx.rel(hit, relation, geo, noun.sent, f"{rule}_demonym", 0.7)
    for prep in preps:
        for geo in _geo_objects(ctx, prep):
            if geo.entity.key != hit.entity.key:
                yield ctx.rel(hit, relation, geo, noun.sent, rule, 0.75 if kind else 0.7)


#: Nouns an apposition to a place must have for "in"/"of" after it to say where the place is.
_APPOS_KINDS = _KIND_NOUNS_COPULA | _FACILITY_HEADS | _KIND_NOUNS | frozenset(
    {"nation", "country", "kingdom", "territory", "enclave", "exclave", "archipelago", "emirate", "principality",
     "metropolis", "hub", "venue", "site", "landmark", "neighbourhood", "district", "zone", "square", "street",
     "colony", "dependency", "protectorate", "volcano", "glacier", "summit", "cape", "strait", "sea", "ocean",
     "gulf", "coast", "plateau", "range", "hill", "pass", "waterfall", "falls", "lagoon", "atoll", "islet"}) | _GEO_NOUNS


#: Participles that place a thing ("a company based in Leeds", "a stadium located in Budapest").
_SITED = frozenset({"locate", "situate", "base", "headquarter", "found", "establish", "build", "set", "form",
                    "create", "register", "incorporate", "open"})
