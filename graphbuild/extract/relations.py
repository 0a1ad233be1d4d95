"""Relations between entities of one document, by named rules over tokens and the parse.

Every rule is a function ``rule(ctx) -> Iterator[Relation]`` registered in
:data:`RULES` under a versioned name; each relation carries the sentence it
came from, the surfaces of both ends, the rule and a confidence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from graphbuild.extract import dep_paths
from graphbuild.extract.common import EntityIndex, Hit, evidence, sentence_of, token_table
from graphbuild.extract.lexicon import (
    COUNTRY_NAMES,
    IMPLIED_COUNTRY,
    PERSON_NOUNS,
    TITLES,
    US_STATE_ABBREVIATIONS,
    US_STATE_NAMES,
    WEAK_TITLES,
)
from graphbuild.model import DocEntity, Document, Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MAX_TITLE_WORDS = max(len(t.split()) for t in TITLES)
_GEO = ("Place", "Country")
_POSS = ("'s", "’s", "'", "’")
_PLACE_MODIFIERS = frozenset(
    {"the", "eastern", "western", "northern", "southern", "central", "north", "south", "east", "west",
     "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
     "southwest", "neighbouring", "neighboring", "nearby", "occupied", "rural", "coastal", "border",
     "capital", "city", "town", "village", "province", "region", "state", "of", "in",
     "northeastern", "northwestern", "southeastern", "southwestern", "part", "area", "outskirts", "suburbs"}
)
#: Lower-case nouns after a place name that say what part or kind of place is meant ("the Sahara desert in Africa").
_KIND_NOUNS = frozenset({"desert", "campus", "area", "region", "mountains", "coast", "plant", "site", "complex",
                         "facility", "field", "basin", "peninsula", "delta", "archipelago"})
#: Compass words between a place and the larger place after its comma: "Mohammadia , south-east Algeria".
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "-",
     "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest",
     "northeastern", "northwestern", "southeastern", "southwestern"}
)
#: Nouns of an apposition that say what kind of place a place is, and may take "of" for the larger place
#: ("Leninakan , a city of Armenia"); any noun may take "in" ("Madagascar , an island nation in the Indian Ocean").
_PLACE_NOUNS = frozenset(
    {"city", "town", "village", "suburb", "county", "province", "state", "region", "district", "port", "island",
     "republic", "community", "municipality", "borough", "hamlet", "resort", "capital", "part", "area"}
)


#: Last words of organisation-typed names that stand for a facility, i.e. a place (located_in, not based_in).
_FACILITY_HEADS = frozenset(
    {"hospital", "prison", "penitentiary", "jail", "motel", "hotel", "theater", "theatre", "museum", "airport",
     "park", "seashore", "farm", "cave", "hill", "depot", "base", "station", "cathedral", "stadium", "arena",
     "bridge", "square", "capitol", "tower", "palace", "manse", "ranch", "zoo", "plaza", "mall",
     "forest", "range", "lake", "river", "canyon", "valley", "desert", "channel", "reservoir", "dam", "plant",
     "mountain", "mountains", "beach", "island", "islands", "monument", "memorial", "cemetery", "courthouse"}
)


def _tokens(doc: Doc, indices: list[int]) -> Iterator[Token]:
    """The tokens at ``indices`` (rules pick candidates from the token table, then make only those Tokens)."""
    for i in indices:
        yield doc[i]


def _norm_word(text: str) -> str:
    return text.lower().replace(".", "").replace(" ", "").rstrip(",")


def _is_geo(hit: Hit) -> bool:
    """A Place or Country mention, or a US state abbreviation typed otherwise by NER."""
    return hit.entity.type in _GEO or _norm_word(hit.mention.text) in US_STATE_ABBREVIATIONS


def _is_facility(hit: Hit) -> bool:
    """An Organization/Place mention whose head word names a facility ("Shands Hospital")."""
    words = hit.mention.text.split()
    return hit.entity.type in ("Organization", "Place") and bool(words) and words[-1].lower() in _FACILITY_HEADS


def _is_org(hit: Hit) -> bool:
    return hit.entity.type == "Organization" and not _is_facility(hit)


@dataclass
class Context:
    """What every rule sees: the Doc, its entity index and the document record."""

    doc: Doc
    index: EntityIndex
    document: Document

    @cached_property
    def sent_of(self) -> list[Span]:
        """The sentence of every token, by token index (see :func:`graphbuild.extract.common.sentence_of`)."""
        return sentence_of(self.doc)

    def rel(
        self,
        subj: Hit,
        relation: str,
        obj: Hit | DocEntity,
        sent: Span,
        rule: str,
        confidence: float,
        title: str | None = None,
        object_text: str | None = None,
    ) -> Relation:
        """A Relation with its evidence from ``sent``."""
        obj_ent = obj.entity if isinstance(obj, Hit) else obj
        otext = object_text if object_text is not None else (obj.mention.text if isinstance(obj, Hit) else obj.label)
        return Relation(
            subject=subj.entity.key,
            relation=relation,
            object=obj_ent.key,
            evidence=evidence(self.document.id, sent, subj.mention.text, otext, rule, confidence),
            title=title,
        )


def _title_before(doc: Doc, end: int) -> tuple[int, str] | None:
    """The longest title ending at token ``end`` (exclusive): (start token, title text)."""
    best: tuple[int, str] | None = None
    for n in range(1, _MAX_TITLE_WORDS + 3):
        start = end - n
        if start < 0:
            break
        words = [t.lower_ for t in doc[start:end]]
        text = " ".join(words).replace(" - ", "-")
        if text in TITLES:
            best = (start, doc[start:end].text)
    return best


def _title_after(doc: Doc, start: int, stop: int) -> tuple[int, str] | None:
    """The longest title starting at token ``start`` and ending before ``stop``: (end token, text)."""
    best: tuple[int, str] | None = None
    for n in range(1, _MAX_TITLE_WORDS + 3):
        end = start + n
        if end > stop:
            break
        text = " ".join(t.lower_ for t in doc[start:end]).replace(" - ", "-")
        if text in TITLES:
            best = (end, doc[start:end].text)
    return best


def _org_before(ctx: Context, i: int) -> Hit | None:
    """An Organization/Country mention ending right before token ``i`` (allowing a possessive)."""
    doc = ctx.doc
    j = i
    if j > 0 and doc[j - 1].text in _POSS:
        j -= 1
    if j > 0 and doc[j - 1].lower_ in ("the",):
        return None
    hit = ctx.index.end_at.get(j)
    if hit is None:
        return None
    h = hit[2]
    if h.entity.type in ("Organization", "Country"):
        return h
    return None


def _post_relations(
    ctx: Context, person: Hit, title: str, org: Hit | None, sent: Span, rule: str
) -> Iterator[Relation]:
    weak = title.lower() in WEAK_TITLES
    if org is not None:
        yield ctx.rel(person, "holds_position", org, sent, rule, 0.85, title=_clean_title(title))
        yield ctx.rel(person, "affiliated_with", org, sent, rule, 0.8)
        return
    if weak:
        return
    implied = IMPLIED_COUNTRY.get(title.lower())
    if implied is not None and title[:1].isupper():
        names = COUNTRY_NAMES.get(implied, frozenset({implied.lower()}))
        country = next((e for e in ctx.index.entities if e.type == "Country"
                        and (e.label == implied or e.label.lower() in names)), None)
        if country is not None:
            yield ctx.rel(person, "holds_position", country, sent, "title.implied_country", 0.6,
                          title=_clean_title(title), object_text=title)
            yield ctx.rel(person, "affiliated_with", country, sent, "title.implied_country", 0.6, object_text=title)
            return
    yield ctx.rel(person, "holds_position", person, sent, rule, 0.8, title=_clean_title(title),
                  object_text=person.mention.text)


def _clean_title(title: str) -> str:
    words = title.split()
    if title.isupper():
        return " ".join(w if w.lower() in ("of", "the", "and", "for") else w.capitalize() for w in words)
    return title


#: Military and police ranks written before a name, lower case without the dot ("Lt.", "Capt.").
_RANKS = frozenset({"lt", "capt", "sgt", "cpl", "pvt", "maj", "col", "cmdr", "cdr", "adm", "gen", "brig", "det",
                    "insp", "supt", "cmdt"})


def _after_party_tag(doc: Doc, e: int, stop: int) -> int:
    """The comma closing a party-and-state tag after a name ("Riegle , D-Mich. , chairman"), else ``e``."""
    if e + 4 < stop and doc[e].text == "," and doc[e + 1].text in ("D", "R", "I") and doc[e + 2].text == "-":
        k = e + 3
        while k < min(stop, e + 7) and doc[k].text != ",":
            k += 1
        if k < stop and doc[k].text == "," and k > e + 3:
            return k
    return e


def rule_title_prefix(ctx: Context) -> Iterator[Relation]:
    """``[ORG|Country ('s)] TITLE PERSON``: "Kremlin spokesman Dmitry Peskov", "US President Joe Biden"."""
    doc = ctx.doc
    for s, _e, hit in ctx.index.spans:
        if hit.entity.type != "Person" or hit.mention.text.lower().rstrip(".") in _RANKS:
            continue
        t = s  # "Coast Guard spokesman Lt. Pat Philbin": a rank between the title and the name
        while t > 0 and (doc[t - 1].lower_.rstrip(".") in _RANKS or (doc[t - 1].text == "." and t > 1
                                                                      and doc[t - 2].lower_ in _RANKS)):
            t -= 1
        found = _title_before(doc, t)
        if found is None:
            continue
        tstart, title = found
        org = _org_before(ctx, tstart)
        k = tstart  # "CNEN Radioprotection Director Laercio Vinhas": a department between the body and the title
        while org is None and k > max(ctx.sent_of[s].start, tstart - 2) and doc[k - 1].is_title and doc[k - 1].is_alpha \
                and ctx.index.at(doc[k - 1]) is None:
            k -= 1
            org = _org_before(ctx, k)
        # "Secretary of State" style titles may hide an organisation mention inside them
        yield from _post_relations(ctx, hit, title, org, ctx.sent_of[s], "title.prefix")


def rule_title_appos(ctx: Context) -> Iterator[Relation]:
    """``PERSON, (the|a) [ORG|Country ('s)] TITLE (of|at|for ORG)``: "Dmitry Peskov, the Kremlin spokesman"."""
    doc = ctx.doc
    for _s, e, hit in ctx.index.spans:
        if hit.entity.type != "Person" or e >= len(doc) or doc[e].text != ",":
            continue
        sent = ctx.sent_of[e]
        e = _after_party_tag(doc, e, sent.end)
        i = e + 1
        while i < sent.end and doc[i].lower_ in ("the", "a", "an", "now", "then", "former", "current", "new"):
            i += 1
        org: Hit | None = None
        nxt = ctx.index.start_at.get(i)
        if nxt is not None and nxt[2].entity.type in ("Organization", "Country"):
            org = nxt[2]
            i = nxt[1]
            if i < sent.end and doc[i].text in _POSS:
                i += 1
        while i < sent.end and doc[i].lower_ in ("deputy", "senior", "chief", "former", "acting", "interim"):
            i += 1
        found = _title_after(doc, i, min(sent.end, i + _MAX_TITLE_WORDS + 2))
        if found is None:
            continue
        tend, title = found
        if org is None and tend + 1 < sent.end and doc[tend].lower_ in ("of", "at", "for", "with"):
            nxt = ctx.index.start_at.get(tend + 1) or ctx.index.start_at.get(tend + 2)
            if nxt is not None and nxt[2].entity.type in ("Organization", "Country"):
                org = nxt[2]
        yield from _post_relations(ctx, hit, title, org, sent, "title.appos")


def rule_title_copula(ctx: Context) -> Iterator[Relation]:
    """``PERSON is (the) TITLE of ORG|Country``: "Fernandez de Cevallos would be the next president of Mexico"."""
    index = ctx.index
    for tok in _tokens(ctx.doc, [i for i, lem in enumerate(token_table(ctx.doc).lemma) if lem == "be"]):
        if tok.lemma_ != "be":
            continue
        person = _person(index, next((c for c in tok.children if c.dep_ == "nsubj"), None))
        if person is None:
            continue
        for attr in tok.children:
            if attr.dep_ != "attr" or attr.pos_ != "NOUN":
                continue
            words = [c for c in attr.children if c.dep_ == "compound" and c.i < attr.i] + [attr]
            title = " ".join(t.text for t in words)
            if title.lower() not in TITLES or title.lower() in WEAK_TITLES:
                continue
            orgs = [h for _, h in _pobj_hits(attr, index, ("of",)) if h.entity.type in ("Organization", "Country")]
            for org in orgs[:1]:
                yield from _post_relations(ctx, person, title, org, tok.sent, "title.copula")


def rule_title_of_org(ctx: Context) -> Iterator[Relation]:
    """``TITLE of ORG, PERSON`` / ``TITLE of ORG PERSON``: "chief executive of Vodafone, Arun Sarin"."""
    doc = ctx.doc
    for s, e, hit in ctx.index.spans:
        if hit.entity.type not in ("Organization", "Country") or s < 2:
            continue
        # "the chairman of the United Djibouti Opposition Front , X" (an organisation after "of the")
        of = s - 2 if doc[s - 1].lower_ == "the" and hit.entity.type == "Organization" else s - 1
        if of < 1 or doc[of].lower_ != "of":
            continue
        found = _title_before(doc, of)
        if found is None:
            continue
        tstart, title = found
        if " ".join(t.lower_ for t in doc[tstart:e]) in TITLES:  # "Secretary of State" is one title
            continue
        j = e
        if j < len(doc) and doc[j].text == ",":
            j += 1
        nxt = ctx.index.start_at.get(j)
        if nxt is None or nxt[2].entity.type != "Person":
            continue
        yield from _post_relations(ctx, nxt[2], title, hit, ctx.sent_of[s], "title.of_org")


def _geo_after(ctx: Context, i: int, stop: int, max_gap: int = 3) -> Hit | None:
    """A Place/Country mention starting within ``max_gap`` modifier words after token ``i``."""
    doc = ctx.doc
    gap = 0
    while i < stop and gap <= max_gap:
        nxt = ctx.index.start_at.get(i)
        if nxt is not None:  # a nationality word after "in" is a language: "Teleonce Television in Spanish"
            return nxt[2] if _place_like(nxt[2]) and nxt[2].mention.rule != "demonym" else None
        if doc[i].lower_ not in _PLACE_MODIFIERS:
            return None
        i += 1
        gap += 1
    return None


def _comma_chain(ctx: Context, end: int, stop: int) -> list[Hit]:
    """Geo mentions chained after token ``end`` as ``, Y , Z`` (each closed by punctuation or the end).

    "Livingston , Texas ,": the chain after Livingston is [Texas].  Only names, so "Paris, the capital"
    stops the chain.
    """
    doc = ctx.doc
    out: list[Hit] = []
    i = end
    while i + 1 < stop and doc[i].text == "," and len(out) < 3:
        nxt = ctx.index.start_at.get(i + 1)
        if nxt is None or not _is_geo(nxt[2]) or nxt[2].mention.rule == "demonym":  # "Lake Constance , Swiss police"
            break
        after = nxt[1]
        # a state or country may end a dateline or a weather line without punctuation: "Portland , Maine 11 fair",
        # "Cedar City , Utah Monday afternoon"
        closed = after >= stop or doc[after].is_punct or doc[after].lower_ in ("and", "or")
        if not closed and not (_is_state_or_country(nxt[2]) and (doc[after].like_num or doc[after].is_lower
                                                                 or doc[after].lower_.rstrip(".") in _WEEKDAYS)):
            break
        out.append(nxt[2])
        i = after
    return out


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _is_state_or_country(hit: Hit) -> bool:
    """A country, a US state abbreviation, or a US state the gazetteer knows by name."""
    if hit.entity.type == "Country" or _norm_word(hit.mention.text) in US_STATE_ABBREVIATIONS:
        return True
    return hit.entity.type == "Place" and hit.entity.label in US_STATE_NAMES


def _in_list(ctx: Context, s: int, e: int, sent: Span) -> bool:
    """Whether the mention at tokens [s, e) is an item of an enumeration "A , B , C and D"."""
    doc = ctx.doc
    if s >= 2 and doc[s - 1].text == "," and (p := ctx.index.end_at.get(s - 1)) is not None and _is_geo(p[2]):
        return True
    i = e
    n = 0
    while i + 1 < sent.end and doc[i].text == "," and (nxt := ctx.index.start_at.get(i + 1)) is not None:
        i = nxt[1]
        n += 1
    if n and i < sent.end and doc[i].lower_ in ("and", "or"):
        return True
    return n >= 1 and i + 1 < sent.end and doc[i].text == "," and doc[i + 1].lower_ in ("and", "or")


def _place_like(hit: Hit) -> bool:
    return _is_geo(hit) or _is_facility(hit)


def rule_located_in(ctx: Context) -> Iterator[Relation]:
    """Place (in|of|,) [the eastern] Place|Country; Country's Place; Place (Country); "A , B , C" chains."""
    doc = ctx.doc
    for s, e, hit in ctx.index.spans:
        sent = ctx.sent_of[s]
        # a dateline "ROYAL OAK , Mich ." is often typed ORG by NER: accept an all-caps first mention
        dateline = s == sent.start and hit.mention.text.isupper() and len(hit.mention.text) > 2
        if not (_place_like(hit) or dateline) or e >= sent.end:
            continue
        # "the Savannah River plant in South Carolina", "the Sahara desert in Africa": read over the kind of place
        k = e
        while k < min(sent.end - 1, e + 3) and doc[k].is_lower and doc[k].pos_ == "NOUN":
            k += 1
        if k > e and doc[k].lower_ == "in" and doc[k - 1].lemma_ in _FACILITY_HEADS | _KIND_NOUNS:
            e = k
        tok = doc[e]
        # "Pokrovsk in the eastern Donetsk region"; "the Savannah River Plant , in Aiken , S.C." (comma_in)
        comma_in = tok.text == "," and e + 2 < sent.end and doc[e + 1].lower_ == "in"
        if (tok.lower_ in ("in", "of") and (tok.lower_ == "in" or hit.entity.type == "Place")) or comma_in:
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
        elif tok.text == "," and e + 2 < sent.end and doc[e + 1].lower_ in _COMPASS and _is_geo(hit):
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
            if nxt is not None and (nxt[2].entity.type == "Place" or _is_facility(nxt[2])):
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
        elif tok.dep_ == "appos" and (place := index.at(tok.head)) is not None and _place_like(place) \
                and index.at(tok) is None:
            preps = ("in", "of") if tok.lemma_ in _PLACE_NOUNS else ("in",)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    for big in _geo_objects(ctx, c):
                        if big.entity.key != place.entity.key:
                            yield ctx.rel(place, "located_in", big, tok.sent, "located_in.appos", 0.7)


def rule_based_in(ctx: Context) -> Iterator[Relation]:
    """Organization (in|of|, based in) Place|Country; Place-based Organization; Place's Organization."""
    doc = ctx.doc
    for s, e, hit in ctx.index.spans:
        sent = ctx.sent_of[s]
        if _is_org(hit):
            i = e
            if i < sent.end and doc[i].text == ",":
                i += 1
            words: list[str] = []
            while i < sent.end and len(words) < 3 and doc[i].lower_ in (
                    "based", "headquartered", "located", "in", "of", "at", "-"):
                words.append(doc[i].lower_)
                i += 1
            if words and words[-1] in ("in", "of", "at"):
                other = _geo_after(ctx, i, sent.end, max_gap=1)
                if other is not None:
                    conf = 0.8 if "based" in words or "headquartered" in words else 0.6
                    rule = "based_in." + "_".join(words)
                    yield ctx.rel(hit, "based_in", other, sent, rule, conf)
                    for more in _comma_chain(ctx, ctx.index.span_of(other)[1], sent.end):
                        yield ctx.rel(hit, "based_in", more, sent, rule + "_chain", conf - 0.05)
            elif s == sent.start and e < sent.end and doc[e].text == ",":
                # directory lines: "U.S. Coast Guard Training Center , Petaluma , Calif. ;"
                for more in _comma_chain(ctx, e, sent.end):
                    yield ctx.rel(hit, "based_in", more, sent, "based_in.listing", 0.6)
        if _is_geo(hit) and e + 2 <= len(doc) and doc[e].text == "-" and doc[e + 1].lower_ == "based":
            nxt = ctx.index.start_at.get(e + 2)
            if nxt is not None and nxt[2].entity.type == "Organization":
                yield ctx.rel(nxt[2], "based_in", hit, sent, "based_in.hyphen", 0.85)
        if _is_geo(hit) and e < sent.end and doc[e].text in _POSS:
            nxt = ctx.index.start_at.get(e + 1)
            if nxt is not None and _is_org(nxt[2]):
                yield ctx.rel(nxt[2], "based_in", hit, sent, "based_in.poss", 0.6)
    # "Church 's is headquartered in San Antonio", "the company, which is based in Ohio"
    table = token_table(doc)
    for tok in _tokens(doc, [i for i, lem in enumerate(table.lemma) if lem in ("base", "headquarter")]):
        if tok.lemma_ not in ("base", "headquarter"):
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        org = ctx.index.resolve(subj) if subj is not None else None
        if org is None and tok.dep_ in ("acl", "relcl", "amod"):
            org = ctx.index.at(tok.head)
        if org is None or not _is_org(org):
            continue
        for _, other in _pobj_hits(tok, ctx.index, ("in", "at")):
            if _is_geo(other):
                yield ctx.rel(org, "based_in", other, tok.sent, "based_in.verb", 0.8)
    # "NRC headquarters in nearby Rockville , Md.", "the headquarters of Acme in Ohio", "Acme , with headquarters in X"
    for tok in _tokens(doc, [i for i, low in enumerate(table.lower) if low in ("headquarters", "hq")]):
        if tok.lower_ not in ("headquarters", "hq") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        orgs = [h for c in tok.children if c.dep_ in ("compound", "poss", "nmod")
                and (h := ctx.index.at(c)) is not None and _is_org(h)]
        orgs += [h for _, h in _pobj_hits(tok, ctx.index, ("of",)) if _is_org(h)]
        if not orgs and tok.dep_ == "pobj" and tok.head.lower_ == "with" and (h := ctx.index.at(tok.head.head)) \
                is not None and _is_org(h):
            orgs.append(h)
        geos = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for g in _geo_objects(ctx, c)]
        # the parser often hangs "in Y" on the phrase around "headquarters": read the words
        if not geos and tok.i + 2 < tok.sent.end and doc[tok.i + 1].lower_ in ("in", "at") \
                and (first := _geo_after(ctx, tok.i + 2, tok.sent.end, max_gap=2)) is not None:
            geos = [first, *_comma_chain(ctx, ctx.index.span_of(first)[1], tok.sent.end)]
        for geo in geos:
            for org in orgs:
                yield ctx.rel(org, "based_in", geo, tok.sent, "based_in.headquarters", 0.8)


_LIVE_VERBS = frozenset({"live", "reside", "grow", "settle", "dwell", "raise"})
_KILL_VERBS = frozenset({"kill", "murder", "assassinate", "shoot", "slay", "stab", "strangle", "gun"})
_KILL_NOUNS = frozenset({"assassination", "murder", "killing", "slaying", "shooting", "death"})
_KILLER_NOUNS = frozenset({"assassin", "killer", "murderer", "gunman", "slayer"})
#: Lowercased lemmas a token needs for :func:`rule_killed` / :func:`rule_lives_in` to look at it.
_KILL_WORDS = _KILL_VERBS | _KILL_NOUNS | _KILLER_NOUNS
_LIVE_VERBS_LOWER = frozenset(v.lower() for v in _LIVE_VERBS)
#: Verbs whose object (active) or subject (passive) is the accused of a killing they govern.
_ACCUSE_VERBS = frozenset({"convict", "accuse", "charge", "indict", "sentence", "acquit", "try", "arrest",
                           "suspect", "jail", "imprison", "execute", "hang", "blame", "find"})
_WORK_VERBS = frozenset({"work", "serve", "join", "lead", "head", "run", "found", "represent", "chair", "operate",
                         "manage", "direct", "teach"})


def _subject(verb: Token, index: EntityIndex) -> Hit | None:
    for child in verb.children:
        if child.dep_ in ("nsubj",):
            return index.resolve(child)
    if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
        return index.at(verb.head)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subject(verb.head, index)
    return None


def _pobj_hits(verb: Token, index: EntityIndex, preps: tuple[str, ...]) -> Iterator[tuple[str, Hit]]:
    for child in verb.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    hit = index.at(pobj)
                    if hit is not None:
                        yield child.lower_, hit


def rule_verbs(ctx: Context) -> Iterator[Relation]:
    """Dependency rules: X lives in Y; X killed Y / Y was killed by X; X works for Y."""
    index = ctx.index
    for tok in _tokens(ctx.doc, [i for i, pos in enumerate(token_table(ctx.doc).pos) if pos in ("VERB", "AUX")]):
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        sent = ctx.sent_of[tok.i]
        if lemma in _WORK_VERBS:
            subj = _subject(tok, index)
            if subj is None or subj.entity.type != "Person":
                continue
            targets: list[Hit] = [h for _, h in _pobj_hits(tok, index, ("for", "at", "with", "in"))]
            if lemma in ("join", "lead", "head", "run", "found", "represent", "chair", "operate", "manage", "direct"):
                targets += [h for c in tok.children if c.dep_ == "dobj" and (h := index.at(c)) is not None]
            for hit in targets:
                if hit.entity.type == "Organization":
                    yield ctx.rel(subj, "affiliated_with", hit, sent, f"affiliated_with.{lemma}", 0.7)


def _person(index: EntityIndex, tok: Token | None) -> Hit | None:
    """The Person a token stands for: its mention, a pronoun's antecedent, or a named apposition.

    "the 30th president of the United States , Calvin Coolidge , was born": the subject "president"
    stands for Calvin Coolidge.
    """
    if tok is None:
        return None
    hit = index.resolve(tok)
    if hit is None and tok.pos_ == "NOUN":
        hit = next((h for c in tok.children if c.dep_ == "appos" and (h := index.at(c)) is not None), None)
    return hit if hit is not None and hit.entity.type == "Person" else None


def _killer_of(tok: Token, index: EntityIndex) -> Hit | None:
    """Who did the killing expressed at ``tok``: its subject, or up the tree through the clauses that govern it.

    "Oswald killed", "Oswald was the gunman who killed", "convicted Millikan of killing",
    "Ray was sentenced for the slaying of", "Booth thought he could save the South by killing".
    """
    cur = tok
    for _ in range(6):
        for c in cur.children:
            if c.dep_ == "nsubj" and (h := _person(index, c)) is not None:
                return h
            if cur.i != tok.i and c.dep_ == "nsubjpass" and (h := _person(index, c)) is not None:
                return h
            if cur.i != tok.i and cur.lemma_ in _ACCUSE_VERBS and c.dep_ == "dobj":
                h = _person(index, c)
                if h is None:  # "convicted sniper Kenneth Millikan": the name is an apposition of the object
                    h = next((x for a in c.children if a.dep_ == "appos" and (x := _person(index, a))), None)
                if h is not None:
                    return h
        if cur.dep_ == "relcl":
            noun = cur.head
            if (h := _person(index, noun)) is not None:
                return h
            if noun.dep_ == "attr":  # "X was the lone gunman who killed Y"
                return next((h for c in noun.head.children if c.dep_ == "nsubj"
                             and (h := _person(index, c)) is not None), None)
            if noun.dep_ == "appos":
                return _person(index, noun.head)
            if noun.dep_ == "dobj":  # "X fired the shots that killed Y"
                return next((h for c in noun.head.children if c.dep_ == "nsubj"
                             and (h := _person(index, c)) is not None), None)
            return None
        if cur.i != tok.i and cur.dep_ == "appos":  # "X, the man convicted of killing Y"
            return _person(index, cur.head)
        if cur.i != tok.i and cur.lemma_ in _ACCUSE_VERBS and cur.tag_ == "VBN" and cur.i > 1 \
                and cur.doc[cur.i - 1].text == "," and (prev := index.end_at.get(cur.i - 1)) is not None \
                and prev[2].entity.type == "Person":
            return prev[2]  # "the death sentence of John Adamson , convicted of murdering Y" (killed.accused)
        if cur.dep_ == "acl" and cur.head.pos_ == "NOUN" and index.at(cur.head) is None \
                and cur.head.dep_ not in ("appos", "attr"):
            return None  # "wed the man convicted of killing Y": the killer is that man, unnamed
        if cur.dep_ in ("pcomp", "pobj", "prep", "xcomp", "advcl", "acl", "conj", "ccomp", "dobj", "acomp") \
                and cur.head.i != cur.i:
            cur = cur.head
            if (h := _person(index, cur)) is not None:  # "X, convicted of murdering Y"
                return h
            continue
        break
    return None


def _agents(tok: Token, index: EntityIndex) -> list[Hit]:
    """Persons named by a "by" phrase anywhere in the clause of ``tok`` (not inside a clause of its own):
    "Lennon was shot to death ... in the courtyard of his apartment building by Mark David Chapman"."""
    out: list[Hit] = []
    for t in tok.subtree:
        if t.lower_ != "by" or t.dep_ not in ("prep", "agent"):
            continue
        cur = t.head
        while cur.i != tok.i and cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
            cur = cur.head
        if cur.i == tok.i:
            out += [h for c in t.children if c.dep_ == "pobj" and (h := _person(index, c)) is not None]
    return out


def _victim_at(index: EntityIndex, tok: Token) -> Hit | None:
    """Who a killing verb's object or passive subject names: a person, or a name the entity layer typed as a
    place or organisation ("Booth shot Lincoln", Lincoln typed Organization), never a country or a nationality."""
    hit = _person(index, tok)
    if hit is None and (h := index.at(tok)) is not None and h.entity.type in ("Place", "Organization") \
            and h.mention.rule != "demonym":
        hit = h
    return hit


def _victim(index: EntityIndex, tok: Token) -> Hit | None:
    """The victim a killing noun names with "of": a person, or a mention the entity layer typed as a place or
    organisation ("the assassination of Lincoln") but no country."""
    return next((h for p, h in _pobj_hits(tok, index, ("of",)) if h.entity.type != "Country"), None)


def rule_killed(ctx: Context) -> Iterator[Relation]:
    """X killed/shot/murdered Y, Y was killed by X, X's assassination of Y, Y's assassin X, X, the killer of Y."""
    index = ctx.index
    doc = ctx.doc
    for tok in _tokens(doc, [i for i, lem in enumerate(token_table(doc).lemma) if lem in _KILL_WORDS]):
        lemma = tok.lemma_.lower()
        sent = ctx.sent_of[tok.i]
        pairs: list[tuple[Hit | None, Hit | None, str]] = []
        if tok.pos_ == "VERB" and lemma in _KILL_VERBS:
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
            by = [h for p, h in _pobj_hits(tok, index, ("by",))]
            for c in tok.children:  # "shot to death in X by Y": the agent may hang off a later phrase
                if c.dep_ in ("prep", "advcl", "xcomp"):
                    by += [h for p, h in _pobj_hits(c, index, ("by",))]
            if not by:
                by = _agents(tok, index)
            if passive:
                victim = next((_victim_at(index, c) for c in tok.children if c.dep_ == "nsubjpass"), None)
                if victim is None and tok.dep_ in ("acl", "relcl"):
                    victim = _person(index, tok.head)
                pairs.append((by[0] if by else None, victim, "killed.passive"))
            else:
                victims = [_victim_at(index, c) for c in tok.children if c.dep_ == "dobj"]
                victims += [_person(index, cc) for c in tok.children if c.dep_ == "dobj"
                            for cc in c.children if cc.dep_ in ("conj", "appos")]
                killer = _killer_of(tok, index)
                if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "Kennedy, shot by Oswald"
                    pairs.append((by[0] if by else None, _person(index, tok.head), "killed.passive"))
                for v in victims:
                    pairs.append((killer, v, "killed.verb"))
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in _KILL_NOUNS:
            victim = _victim(index, tok) if lemma != "death" else next(
                (h for p, h in _pobj_hits(tok, index, ("of",)) if h.entity.type == "Person"), None)
            if victim is None:  # "the Kennedy slaying"
                victim = next((_person(index, c) for c in tok.children if c.dep_ == "compound"), None)
            killer = next((_person(index, c) for c in tok.children if c.dep_ == "poss"), None)
            # "the assassination of Archduke Franz Ferdinand by Gavrilo Princip" (killed.noun_by)
            agent = next((h for p, h in _pobj_hits(tok, index, ("by",)) if h.entity.type == "Person"), None)
            if agent is not None and victim is not None and lemma != "death":
                pairs.append((agent, victim, "killed.noun_by"))
                killer = None
            elif killer is None and victim is not None and lemma != "death":
                killer = _killer_of(tok, index)
            pairs.append((killer, victim, "killed.noun"))
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in _KILLER_NOUNS:
            victim = _victim(index, tok)
            if victim is None:  # "Kennedy's assassin", "Kennedy assassin Sirhan"
                prev = index.end_at.get(tok.i - 1) or index.end_at.get(tok.i - 2)
                if prev is not None and prev[2].entity.type == "Person" and (
                        prev[1] == tok.i or doc[tok.i - 1].text in _POSS):
                    victim = prev[2]
            killer = None
            nxt = index.start_at.get(tok.i + 1) or (index.start_at.get(tok.i + 2)
                                                     if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "," else None)
            if nxt is not None and nxt[2].entity.type == "Person":
                killer = nxt[2]
            elif tok.dep_ == "appos":
                killer = _person(index, tok.head)
            elif tok.dep_ == "attr":
                killer = next((h for c in tok.head.children if c.dep_ == "nsubj"
                               and (h := _person(index, c)) is not None), None)
            if killer is None:
                killer = next((_person(index, c) for c in tok.children if c.dep_ == "appos"), None)
            pairs.append((killer, victim, "killed.agent_noun"))
        for killer, victim, rule in pairs:
            if killer is not None and victim is not None and killer.entity.key != victim.entity.key:
                yield ctx.rel(killer, "killed", victim, sent, rule, 0.8 if rule.startswith("killed.verb") else 0.7)


def _geo_objects(ctx: Context, prep: Token, depth: int = 2) -> list[Hit]:
    """Geo mentions a preposition governs, with the places chained after them ("in Staunton , Va .", "from
    Yatsushiro in Kumamoto Prefecture")."""
    out: list[Hit] = []
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        hit = ctx.index.at(pobj)
        if hit is None:  # "in a log cabin in Larue County": look one phrase deeper
            if depth > 0:
                for sub in pobj.children:
                    if sub.dep_ == "prep" and sub.lower_ in ("in", "of", "near"):
                        out += _geo_objects(ctx, sub, depth - 1)
            continue
        if not _is_geo(hit):
            continue
        out.append(hit)
        out += _comma_chain(ctx, ctx.index.span_of(hit)[1], pobj.sent.end)
        if depth > 0:
            out += [g for sub in pobj.children if sub.dep_ == "prep" and sub.lower_ == "in"
                    for g in _geo_objects(ctx, sub, depth - 1)]
    return out


def _person_before_comma(ctx: Context, i: int) -> Hit | None:
    """The Person mention ending right before a comma at token ``i - 1``, over an age: "X , 76 , born"."""
    doc = ctx.doc
    j = i - 1
    if j < 1 or doc[j].text != ",":
        return None
    if j >= 3 and doc[j - 1].like_num and doc[j - 2].text == ",":
        j -= 2
    prev = ctx.index.end_at.get(j)
    return prev[2] if prev is not None and prev[2].entity.type == "Person" else None


def _clause_person(ctx: Context, tok: Token) -> Hit | None:
    """The person a predicate is about: its subject, the noun it modifies, or the subject of its clause."""
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass") and (h := _person(ctx.index, c)) is not None:
                return h
        if cur.dep_ in ("acl", "relcl", "appos") and (h := _person(ctx.index, cur.head)) is not None:
            return h
        if cur.dep_ in ("appos",) and cur.head.dep_ in ("nsubj",):
            return None
        if cur.dep_ in ("advcl", "conj", "xcomp", "acl", "appos", "attr") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None


#: Abbreviated titles before a name ("Gov. James Thompson").
_ABBREV_TITLES = frozenset({"gov.", "sen.", "rep.", "gen.", "lt.", "col.", "sgt.", "adm.", "gov", "sen", "rep"})
_FIRM_NOUNS = frozenset({"firm", "company", "bank", "group", "corporation", "maker", "manufacturer", "chain",
                         "newspaper", "daily", "agency", "station", "network", "carrier", "airline", "retailer",
                         "insurer", "broadcaster", "university", "college", "institute", "party", "union"})
_RESIDENT_NOUNS = frozenset({"native", "resident", "citizen", "inhabitant", "son", "daughter"})


_HOME_NOUNS = frozenset({"hometown", "birthplace", "home-town"})


def _hometown(ctx: Context, tok: Token) -> Iterator[Relation]:
    """``lives_in.hometown``: "Richardson 's hometown" beside a place, "her hometown of Belen", "Jackson 's home
    state" said of a place."""
    index = ctx.index
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    person = _person(index, owner)
    if person is None:
        return
    geos = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in _geo_objects(ctx, c)]
    geos += [h for c in tok.children if c.dep_ == "appos" and (h := index.at(c)) is not None and _is_geo(h)]
    if tok.dep_ == "appos" and (h := index.at(tok.head)) is not None and _is_geo(h):
        geos.append(h)  # "Beaumont , Texas , Richardson 's hometown"
    if tok.dep_ == "attr":  # "Chicago is Smith 's hometown"
        geos += [h for c in tok.head.children if c.dep_ == "nsubj" and (h := index.at(c)) is not None and _is_geo(h)]
    for geo in geos:
        yield ctx.rel(person, "lives_in", geo, tok.sent, "lives_in.hometown", 0.75)


def rule_lives_in(ctx: Context) -> Iterator[Relation]:
    """X was born in Y; X, a native of Y; a Y native; X (is) from Y; a resident of Y; Place's X."""
    doc = ctx.doc
    index = ctx.index
    table = token_table(doc)
    picked = [i for i, (low, lem, pos) in enumerate(zip(table.lower, table.lemma, table.pos, strict=True))
              if pos == "NOUN" or low in ("born", "native", "from") or lem in _LIVE_VERBS_LOWER]
    for tok in _tokens(doc, picked):
        sent = ctx.sent_of[tok.i]
        low = tok.lower_
        if low == "born" or (tok.lemma_ in _LIVE_VERBS and tok.pos_ == "VERB"):
            person = _clause_person(ctx, tok)
            if person is None and low == "born":
                # "Gordon Parks , 76 , born in Fort Scott"; "Norton Winfred Simon was born" (a name typed
                # Organization: only persons are born)
                person = _person_before_comma(ctx, tok.i) or next(
                    (h for c in tok.children if c.dep_ == "nsubjpass" and (h := index.at(c)) is not None
                     and h.entity.type == "Organization"), None)
            if person is None:
                continue
            rule = "lives_in.born" if low == "born" else "lives_in.verb"
            geos = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near")
                    for g in _geo_objects(ctx, c)]
            if not geos and low == "born":  # "born on Feb. 5 , 1907 , in Portland": the date takes the "in"
                j = tok.i + 1
                while j < sent.end - 1 and (doc[j].lower_ in ("on", ",") or doc[j].like_num
                                            or doc[j].lower_.rstrip(".") in _MONTHS):
                    j += 1
                if j > tok.i + 1 and doc[j].lower_ in ("in", "at") \
                        and (first := _geo_after(ctx, j + 1, sent.end, max_gap=2)) is not None:
                    geos = [first, *_comma_chain(ctx, index.span_of(first)[1], sent.end)]
            for geo in geos:
                yield ctx.rel(person, "lives_in", geo, sent, rule, 0.8)
            # "Rolling Fork , where Muddy Waters was born"
            if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children) \
                    and (where := index.at(tok.head)) is not None and _is_geo(where):
                yield ctx.rel(person, "lives_in", where, sent, "lives_in.where", 0.75)
        elif tok.pos_ == "NOUN" and (tok.lemma_ in _HOME_NOUNS or (tok.lemma_ == "state" and any(
                c.lower_ == "home" for c in tok.children))):
            yield from _hometown(ctx, tok)
        elif tok.pos_ == "NOUN" and tok.lemma_ in ("home", "residence", "house", "apartment", "farm"):
            # "died at his home in suburban Larchmont", "Sohn 's New Jersey home"
            owner = _person(index, next((c for c in tok.children if c.dep_ == "poss"), None))
            if owner is None:
                continue
            homes = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "near")
                     for g in _geo_objects(ctx, c)]
            homes += [h for c in tok.children if c.dep_ == "compound" and (h := index.at(c)) is not None
                      and _is_geo(h)]
            for home in homes:
                yield ctx.rel(owner, "lives_in", home, sent, "lives_in.home", 0.7)
        elif tok.lower_ == "native" and tok.dep_ == "amod" and (land := index.at(tok.head)) is not None \
                and _is_geo(land):
            # "in his native South Carolina"
            poss = next((c for c in tok.head.children if c.dep_ == "poss"), None)
            if (native := _person(index, poss)) is not None:
                yield ctx.rel(native, "lives_in", land, sent, "lives_in.native_adj", 0.7)
        elif tok.pos_ == "NOUN" and tok.lemma_ in _RESIDENT_NOUNS:
            person = None
            if tok.dep_ == "appos":
                person = _person(index, tok.head)
            elif tok.dep_ == "attr":
                person = next((h for c in tok.head.children if c.dep_ == "nsubj"
                               and (h := _person(index, c)) is not None), None)
            nxt = index.start_at.get(tok.i + 1)
            if person is None and nxt is not None and nxt[2].entity.type == "Person":
                person = nxt[2]  # "Modesto native George Lucas"
            if person is None:
                continue
            geos = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in _geo_objects(ctx, c)]
            if tok.lemma_ == "native":
                prev = index.end_at.get(tok.i)
                if prev is not None and _is_geo(prev[2]):
                    geos.append(prev[2])
                elif prev is not None and prev[2].entity.type == "Organization" and prev[0] == tok.i - 1:
                    geos.append(prev[2])  # "a Fargo native": a single-word name NER typed ORG
            for geo in geos:
                yield ctx.rel(person, "lives_in", geo, sent, f"lives_in.{tok.lemma_}", 0.75)
        elif low == "from" and tok.dep_ == "prep":
            head = tok.head
            person = _person(index, head)
            if person is None and head.dep_ == "appos" and head.pos_ == "NOUN":
                person = _person(index, head.head)  # "X, a technician from Y"
            if person is None and head.lemma_ == "be":
                person = next((h for c in head.children if c.dep_ == "nsubj"
                               and (h := _person(index, c)) is not None), None)
            if person is None:
                continue
            for geo in _geo_objects(ctx, tok):
                yield ctx.rel(person, "lives_in", geo, sent, "lives_in.from", 0.65)
    for s, e, hit in index.spans:
        if hit.entity.type == "Place" and e < len(doc) and doc[e].text in _POSS:
            nxt = index.start_at.get(e + 1)
            if nxt is not None and nxt[2].entity.type == "Person":
                yield ctx.rel(nxt[2], "lives_in", hit, ctx.sent_of[s], "lives_in.poss", 0.6)
        if hit.entity.type == "Person":
            # "Yisrael Tal , one of the top military strategists in Israel", "X , a lawyer in Boston"
            root = dep_paths.mention_head(doc, s, e)
            for c in root.children:
                if c.dep_ != "appos" or index.at(c) is not None:
                    continue
                nouns = [c] if c.pos_ == "NOUN" else [p for pr in c.children if pr.dep_ == "prep" and pr.lower_ == "of"
                                                      for p in pr.children if p.dep_ == "pobj"] if c.lower_ == "one" else []
                for noun in nouns:
                    for pr in noun.children:
                        if pr.dep_ == "prep" and pr.lower_ == "in":
                            for geo in _geo_objects(ctx, pr):
                                yield ctx.rel(hit, "lives_in", geo, ctx.sent_of[s], "lives_in.appos_in", 0.6)


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
    return prev[2] if prev is not None and _is_geo(prev[2]) else None


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
            if c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_ not in _KILLER_NOUNS:
                found += [(h, "affiliated_with.appos") for h in _orgs_under(ctx, c)]
                # "X , the New York attorney representing Church 's"
                found += [(h, "affiliated_with.represent") for a in c.children if a.dep_ == "acl"
                          and a.lemma_ in ("represent", "advise", "defend") for d in a.children
                          if d.dep_ == "dobj" and (h := index.at(d)) is not None and _is_org(h)]
            elif c.dep_ == "prep" and c.lower_ in ("at", "with", "for"):
                found += [(h, "affiliated_with.prep") for p in c.children if p.dep_ == "pobj"
                          and (h := index.at(p)) is not None and _is_org(h)]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":  # "the manager of Y , X"
            found += [(h, "affiliated_with.appos") for h in _orgs_under(ctx, root.head)]
        # "KAL attorney George Tompkins", "DIMA 's technical manager , engineer Jose Tulio Gomez"
        j = s
        while j > sent.start and j > s - 4 and doc[j - 1].pos_ == "NOUN" and doc[j - 1].is_lower:
            j -= 1
        if j < s and (prev := index.end_at.get(j)) is not None and _is_org(prev[2]):
            found.append((prev[2], "affiliated_with.org_noun"))
        # "Atlanta businessman Neil Estes", "Illinois Gov. James Thompson", "Soviet pianist X"
        if (geo := _geo_before_noun(ctx, s, sent)) is not None:
            yield ctx.rel(hit, "lives_in", geo, sent, "lives_in.geo_noun", 0.6)
        for org, rule in found:
            if (org.mention.text, hit.mention.text) in seen:
                continue
            seen.add((org.mention.text, hit.mention.text))
            yield ctx.rel(hit, "affiliated_with", org, sent, rule, 0.65)
    table = token_table(doc)
    picked = [i for i, (pos, lem) in enumerate(zip(table.pos, table.lemma, strict=True))
              if pos == "NOUN" or lem in _LEAD_VERBS]
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
        if person is None:
            continue
        for attr in tok.children:
            if attr.dep_ != "attr" or attr.pos_ != "NOUN" or attr.lemma_ in _KILLER_NOUNS | _NOT_MEMBER_NOUNS:
                continue
            orgs = _orgs_under(ctx, attr, depth=1)
            # "X , 58 , was acting comptroller at the American University of Beirut": "at" hangs on the verb
            orgs += [h for _, h in _pobj_hits(tok, index, ("at", "for", "with")) if _is_org(h)]
            for org in orgs:
                yield ctx.rel(person, "affiliated_with", org, tok.sent, "affiliated_with.copula", 0.65)


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
        # "Brian Mulroney 's Progressive Conservative Party"
        if hit.entity.type == "Person" and e + 1 < sent.end and doc[e].text in _POSS \
                and (nxt := ctx.index.start_at.get(e + 1)) is not None and _is_org(nxt[2]):
            yield ctx.rel(hit, "affiliated_with", nxt[2], sent, "affiliated_with.person_poss", 0.6)
        if hit.entity.type == "Person" and e + 1 < sent.end and doc[e].lower_ == "of":
            nxt = ctx.index.start_at.get(e + 1) or ctx.index.start_at.get(e + 2)
            if nxt is not None:
                other = nxt[2]
                if other.entity.type == "Organization":
                    yield ctx.rel(hit, "affiliated_with", other, sent, "affiliated_with.of", 0.65)
                elif _is_geo(other):
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
        if nxt is not None and nxt[2].entity.type == "Person" and hit.mention.text[:1].isupper():
            yield ctx.rel(nxt[2], "affiliated_with", hit, ctx.sent_of[s], "affiliated_with.demonym", 0.6)


_MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                     "january", "february", "march", "april", "june", "july", "august", "september", "october",
                     "november", "december"})
_FILE_ID = re.compile(r"^[A-Z]{2}\d{6,}$")  # wire-service file ids such as "PA2904034294"


def _dateline_places(ctx: Context, start: int, stop: int) -> list[Hit] | None:
    """The places of a dateline occupying tokens [start, stop), or None when anything else stands there.

    Dateline words are place mentions (typed Place/Country, or Organization when written in capitals, as
    "DAYTON"), capitalised words the entity layer missed ("BANGKOK"), commas, numbers, month names and the
    "( Text )" marker.
    """
    doc, index = ctx.doc, ctx.index
    places: list[Hit] = []
    i = start
    while i < stop:
        m = index.start_at.get(i)
        if m is not None and m[1] <= stop:
            if not (_is_geo(m[2]) or m[2].mention.text.isupper()):
                return None
            places.append(m[2])
            i = m[1]
            continue
        tok = doc[i]
        if not (tok.is_punct or tok.like_num or tok.lower_.rstrip(".") in _MONTHS or tok.text == "Text"
                or (tok.is_upper and tok.is_alpha and len(tok) > 2)):
            return None
        i += 1
    return places


def rule_frames(ctx: Context) -> Iterator[Relation]:
    """Fixed news frames: datelines naming an agency, appositions with a place and an occupation or a firm
    noun, place-modified organisations, and "VICTIM assassin KILLER"."""
    doc, index = ctx.doc, ctx.index
    starts = [s for s, _, _ in index.spans]  # sorted: each sentence looks at its own spans only (linear overall)
    for sent in doc.sents:
        # "BANGKOK , Thailand ( AP )", "Sofia , February 15 ( BTA ) --", "PA2904034294 Guatemala City Teleonce
        # Television in Spanish 0400 GMT": the agency is based in the places of its dateline
        first = sent.start
        for t in doc[sent.start:min(sent.end, sent.start + 12)]:
            if _FILE_ID.match(t.text):
                first = t.i + 1
        stop = min(sent.end, first + 16)
        for s, e, hit in index.spans[bisect.bisect_left(starts, first):bisect.bisect_left(starts, stop)]:
            if hit.entity.type != "Organization":
                continue
            paren = s > first and doc[s - 1].text == "(" and e < sent.end and doc[e].text == ")"
            dash = e < sent.end and doc[e].text in ("--", "—")
            fbis = e + 1 < sent.end and doc[e].lower_ == "in" and any(t.text == "GMT" for t in doc[e:sent.end])
            alone = s > first and all(t.is_punct for t in doc[e:sent.end])  # a source line "Moscow INTERFAX"
            if not (paren or dash or fbis or alone):
                continue
            places = _dateline_places(ctx, first, s - 1 if paren else s)
            if places is None:
                continue
            for place in places:
                yield ctx.rel(hit, "based_in", place, sent, "based_in.dateline", 0.8)
            break
    for s, e, hit in index.spans:
        sent = ctx.sent_of[s]
        # "X , the New York attorney", "X , a West Palm Beach , Fla. , lawyer", "Y , a Hong Kong construction firm"
        if e + 2 < sent.end and doc[e].text == "," and doc[e + 1].lower_ in ("a", "an", "the") \
                and (geo := index.start_at.get(e + 2)) is not None and _is_geo(geo[2]):
            places = [geo[2], *_comma_chain(ctx, geo[1], sent.end)]
            k = index.span_of(places[-1])[1]
            if len(places) > 1 and k < sent.end and doc[k].text == ",":
                k += 1
            nouns = 0
            while k < sent.end and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
                nouns, k = nouns + 1, k + 1
            if nouns and doc[k - 1].pos_ == "NOUN":
                if hit.entity.type == "Person":
                    for place in places:
                        yield ctx.rel(hit, "lives_in", place, sent, "lives_in.geo_appos", 0.6)
                elif _is_org(hit) and doc[k - 1].lemma_ in _FIRM_NOUNS:
                    for place in places:
                        yield ctx.rel(hit, "based_in", place, sent, "based_in.geo_appos", 0.7)
        # "the U.S. Congress", "the Haitian Parliament": a place modifying the head of an organisation
        if _is_geo(hit) and (org := index.start_at.get(e)) is not None and _is_org(org[2]):
            head = dep_paths.mention_head(doc, s, e)
            if head.head.i in range(org[0], org[1]) and head.dep_ in ("compound", "amod", "nmod"):
                yield ctx.rel(org[2], "based_in", hit, sent, "based_in.geo_modifier", 0.6)
        # "King assassin James Earl Ray", "Kennedy killer X"
        if e + 1 < sent.end and doc[e].lower_ in _KILLER_NOUNS and (killer := index.start_at.get(e + 1)) \
                is not None and killer[2].entity.type == "Person" and hit.entity.key != killer[2].entity.key:
            yield ctx.rel(killer[2], "killed", hit, sent, "killed.compound", 0.75)


def _poss_geo(ctx: Context, noun: Token) -> Hit | None:
    """The place owning an apposition noun: "Japan 's prime", "one of Ethiopia 's most distinguished lawyers"."""
    if noun.lower_ == "one":
        noun = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"), noun)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    hit = ctx.index.at(owner) if owner is not None else None
    return hit if hit is not None and _is_geo(hit) and hit.mention.rule != "demonym" else None


def rule_poss_appos(ctx: Context) -> Iterator[Relation]:
    """A name in apposition to a noun a place owns: ``lives_in.poss_appos`` "Morihiro Hosokawa , Japan 's prime",
    "France 's deputy representative , M. Pierre Brochand", "Abebe Worke , one of Ethiopia 's most distinguished
    lawyers"; ``located_in.poss_appos`` "One of China 's major agricultural producers , Anhui", "Mount Blanc ,
    Western Europe 's highest peak"."""
    index = ctx.index
    for tok in _tokens(ctx.doc, [i for i, pos in enumerate(token_table(ctx.doc).pos) if pos in ("NOUN", "NUM")]):
        if tok.pos_ not in ("NOUN", "NUM") or index.at(tok) is not None:
            continue
        names = [h for c in tok.children if c.dep_ == "appos" and (h := index.at(c)) is not None]
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
            if name.entity.type == "Person":
                yield ctx.rel(name, "lives_in", geo, tok.sent, "lives_in.poss_appos", 0.65)
            elif _place_like(name) or (name.entity.type == "Organization" and tok.lemma_ in _GEO_NOUNS):
                yield ctx.rel(name, "located_in", geo, tok.sent, "located_in.poss_appos", 0.65)


#: Nouns that make a name in apposition a place whatever its type: "Mount Blanc , Western Europe 's highest peak".
_GEO_NOUNS = frozenset({"peak", "mountain", "river", "lake", "island", "city", "town", "province", "region", "port",
                        "capital", "state", "county", "district", "village", "producer", "area"})


def _may_be_where(hit: Hit) -> bool:
    """Whether an induced path may take ``hit`` for the place something is located or based in: a place, a
    facility, or a one-word name the entity layer typed Organization ("Millinocket"); never a nationality word
    ("Lake Constance , Swiss police") nor a longer organisation name ("Amnesty International UK")."""
    if hit.mention.rule == "demonym":
        return False
    return _place_like(hit) or len(hit.mention.text.split()) == 1


def rule_dep_path(ctx: Context) -> Iterator[Relation]:
    """Mention pairs of one sentence joined by a dependency path of the induced pattern table.

    See :mod:`graphbuild.extract.dep_paths`; the evidence names the row (``dep_path:p0013``) and the
    confidence is the row's precision on the split it was induced from.
    """
    table = dep_paths.load_table()
    if not table:
        return
    doc = ctx.doc
    by_sent: dict[int, list[tuple[Hit, tuple[int, int]]]] = {}
    for s, e, hit in ctx.index.spans:
        if hit.mention.text.lower().rstrip(".") not in _RANKS:  # "Lt" read as a name
            by_sent.setdefault(ctx.sent_of[s].start, []).append((hit, (s, e)))
    for items in by_sent.values():
        for subj, a in items:
            for obj, b in items:
                if subj.entity.key == obj.entity.key or a[0] == b[0]:
                    continue
                st, ot = subj.entity.type, obj.entity.type
                pat = dep_paths.match(doc, a, b, st, ot, table)
                if pat is None or not dep_paths.permits(pat, st, ot):
                    continue
                relation = pat.relation
                if relation in ("located_in", "based_in") and not _may_be_where(obj):
                    continue
                if pat.path == "S , O" and _in_list(ctx, a[0], a[1], ctx.sent_of[a[0]]):
                    continue  # "The Bahamas , East Timor , Madagascar and Swaziland": an enumeration
                # a path learnt for one kind of subject names the other kind's relation: organisations are
                # based in a place, places (and facilities) are located in one
                if relation == "located_in" and _is_org(subj):
                    relation = "based_in"
                elif relation == "based_in" and _place_like(subj):
                    relation = "located_in"
                yield ctx.rel(subj, relation, obj, ctx.sent_of[a[0]], f"dep_path:{pat.id}", pat.precision)


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


Rule = Callable[[Context], Iterator[Relation]]

#: Every relation rule by its versioned name.
RULES: dict[str, Rule] = {
    "graphbuild.title_prefix.v1": rule_title_prefix,
    "graphbuild.title_appos.v1": rule_title_appos,
    "graphbuild.title_of_org.v1": rule_title_of_org,
    "graphbuild.title_copula.v1": rule_title_copula,
    "graphbuild.located_in.v1": rule_located_in,
    "graphbuild.based_in.v1": rule_based_in,
    "graphbuild.verbs.v1": rule_verbs,
    "graphbuild.killed.v1": rule_killed,
    "graphbuild.work_for.v1": rule_work_for,
    "graphbuild.lives_in.v1": rule_lives_in,
    "graphbuild.person_of.v1": rule_person_of,
    "graphbuild.demonym_person.v1": rule_demonym_person,
    "graphbuild.frames.v1": rule_frames,
    "graphbuild.poss_appos.v1": rule_poss_appos,
    "graphbuild.party_of.v1": rule_party_of,
    "graphbuild.dep_path.v1": rule_dep_path,
}


def extract_relations(doc: Doc, document: Document, entities: tuple[DocEntity, ...],
                      index: EntityIndex | None = None) -> tuple[Relation, ...]:
    """All relations of a document, deduplicated per (subject, relation, object, title, sentence)."""
    ctx = Context(doc, index or EntityIndex(doc, entities), document)
    seen: dict[tuple[str, str, str, str | None, int], Relation] = {}
    linked: set[tuple[str, str]] = set()  # pairs a hand-written rule linked: the induced paths only fill gaps
    for rule in RULES.values():
        for rel in rule(ctx):
            if rel.subject == rel.object and rel.relation != "holds_position":
                continue
            pair = (rel.subject, rel.object)
            if not rel.evidence.rule.startswith("dep_path:"):
                linked.add(pair)
            elif pair in linked:
                continue
            key = (rel.subject, rel.relation, rel.object, rel.title, rel.evidence.sentence_start)
            old = seen.get(key)
            if old is None or rel.evidence.confidence > old.evidence.confidence:
                seen[key] = rel
    return tuple(seen[k] for k in sorted(seen, key=lambda k: (k[4], k[0], k[1], k[2], k[3] or "")))
