"""What every relation rule shares: the :class:`Context` it reads and small tests on entity hits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from graphbuild.extract.common import EntityIndex, Hit, evidence, sentence_of
from graphbuild.extract.lexicon import (
    PARTY_LABELS,
    TITLES,
    US_STATE_ABBREVIATIONS,
    US_STATE_NAMES,
)
from graphbuild.gazetteer import gazetteer
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


def is_party(entity: DocEntity) -> bool:
    """A political party: a gazetteer party label or a name ending in "Party"."""
    return entity.label in PARTY_LABELS or entity.label.lower().endswith(" party")


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
        former: bool = False,
    ) -> Relation:
        """A Relation with its evidence from ``sent``."""
        obj_ent = obj.entity if isinstance(obj, Hit) else obj
        otext = object_text if object_text is not None else (obj.mention.text if isinstance(obj, Hit) else obj.label)
        if not former and relation in _PAST_RELATIONS and isinstance(obj, Hit) and obj_ent.key != subj.entity.key:
            former = self._past_between(subj, obj, sent.start_char)
        return Relation(
            subject=subj.entity.key,
            relation=relation,
            object=obj_ent.key,
            evidence=evidence(self.document.id, sent, subj.mention.text, otext, rule, confidence),
            title=title,
            former=former,
        )


    def _past_between(self, subj: Hit, obj: Hit, floor: int) -> bool:
        """Whether "former", "ex-" or "outgoing" stands between two close mentions or just before the first:
        "X, a former member of Y", "former Wales skipper X"."""
        first, last = sorted((subj.mention, obj.mention), key=lambda m: m.start)
        if last.start - first.end > _PAST_GAP:
            return False
        text = self.document.text[max(floor, first.start - 12):last.start]
        return _PAST_WORDS.search(text) is not None


#: Relations a "former" makes past, the widest gap between their two mentions read for it, and the words.
_PAST_RELATIONS = frozenset({"affiliated_with", "holds_position"})
_PAST_GAP = 60
_PAST_WORDS = re.compile(r"(?i)\b(?:former|outgoing|erstwhile)\b|\bex-")


#: Military and police ranks written before a name, lower case without the dot ("Lt.", "Capt.").
_RANKS = frozenset({"lt", "capt", "sgt", "cpl", "pvt", "maj", "col", "cmdr", "cdr", "adm", "gen", "brig", "det",
                    "insp", "supt", "cmdt"})


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
        if after < stop and doc[after].text in _POSS:  # "the United States , Germany 's Birgit Prinz"
            break
        # a state or country may end a dateline or a weather line without punctuation: "Portland , Maine 11 fair",
        # "Cedar City , Utah Monday afternoon"
        closed = after >= stop or doc[after].is_punct or doc[after].lower_ in ("and", "or")
        # ... but a country before a verb is the subject of a new clause: "a draw in Paris , Ireland face Wales"
        if not closed and not (_is_state_or_country(nxt[2]) and (doc[after].like_num or (
                doc[after].is_lower and doc[after].pos_ != "VERB")
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
    if _name_roll(doc, s, e, sent):
        return True
    i = e
    n = 0
    run: list[Hit] = []
    while i + 1 < sent.end and doc[i].text == "," and (nxt := ctx.index.start_at.get(i + 1)) is not None:
        i = nxt[1]
        n += 1
        run.append(nxt[2])
    if n and i < sent.end and doc[i].lower_ in ("and", "or"):
        return True
    # four names in a row ("Manchester , Liverpool , Leicester , Somerset"), or three and a capitalised word the
    # entity layer missed ("... , Somerset , Basingstoke"), are a list unless they close on a state or country with
    # no country before it: "Huangpi , Wuhan , Hubei , China" is a chain of places
    chain = _is_state_or_country(run[-1]) and not any(h.entity.type == "Country" for h in run[:-1]) if run else False
    if n >= 3 and not chain:
        return True
    if n >= 2 and not chain and i + 1 < sent.end and doc[i].text == "," and doc[i + 1].is_title \
            and doc[i + 1].pos_ == "PROPN":
        return True
    return n >= 1 and i + 1 < sent.end and doc[i].text == "," and doc[i + 1].lower_ in ("and", "or")


def _name_roll(doc: Doc, s: int, e: int, sent: Span) -> bool:
    """Whether tokens [s, e) are in a roll of bare names: a part of the sentence closed by ";" or opened by ":"
    that holds three or more names and commas only (a team line-up "Lewsey , Erinle , Abbott , Voyce ;",
    "Subs not used : Macken , Weaver , Onuoha , Jordan ."), unless it closes on a state or country."""
    start = s
    while start > sent.start and doc[start - 1].text not in (";", ":"):
        start -= 1
    end = e
    while end < sent.end and doc[end].text != ";":
        end += 1
    opened = start > sent.start and doc[start - 1].text == ":"
    if not (opened or (end < sent.end or (start > sent.start and doc[start - 1].text == ";"))):
        return False
    words = [t for t in doc[start:end] if not t.is_punct]
    commas = sum(1 for t in doc[start:end] if t.text == ",")
    if commas < 2 or not all(t.pos_ == "PROPN" or t.is_title for t in words):
        return False
    # a chain closing on a state or country ("Huangpi , Wuhan , Hubei , China", "X Channel , Azusa , Calif. ;")
    last = words[-1].text
    if _norm_word(last) in US_STATE_ABBREVIATIONS or last in US_STATE_NAMES:
        return False
    entry = gazetteer().lookup(last)
    return entry is None or entry.type != "Country"


def _place_like(hit: Hit) -> bool:
    return _is_geo(hit) or _is_facility(hit)


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
                    if sub.dep_ == "prep" and sub.lower_ in ("in", "of", "near", "within"):
                        out += _geo_objects(ctx, sub, depth - 1)
            continue
        if not _is_geo(hit):
            continue
        out.append(hit)
        out += _comma_chain(ctx, ctx.index.span_of(hit)[1], pobj.sent.end)
        if depth > 0:
            out += [g for sub in pobj.children if sub.dep_ == "prep" and sub.lower_ in ("in", "within")
                    for g in _geo_objects(ctx, sub, depth - 1)]
    return out


#: Abbreviated titles before a name ("Gov. James Thompson").
_ABBREV_TITLES = frozenset({"gov.", "sen.", "rep.", "gen.", "lt.", "col.", "sgt.", "adm.", "gov", "sen", "rep"})


_FIRM_NOUNS = frozenset({"firm", "company", "bank", "group", "corporation", "maker", "manufacturer", "chain",
                         "newspaper", "daily", "agency", "station", "network", "carrier", "airline", "retailer",
                         "insurer", "broadcaster", "university", "college", "institute", "party", "union"})


_MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                     "january", "february", "march", "april", "june", "july", "august", "september", "october",
                     "november", "december"})


#: Nouns that make a name in apposition a place whatever its type: "Mount Blanc , Western Europe 's highest peak".
_GEO_NOUNS = frozenset({"peak", "mountain", "river", "lake", "island", "city", "town", "province", "region", "port",
                        "capital", "state", "county", "district", "village", "producer", "area"})


def counterfactual(verb: Token) -> bool:
    """A copula that says what was not: "would have been", "could have been", "might have been"."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return "have" in aux and bool(aux & {"would", "could", "might", "should", "'d"})


#: Quotation marks as tokens.
_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def quoted(tok: Token) -> bool:
    """Whether ``tok`` is inside quoted speech in its sentence: a pronoun there speaks of someone the speaker
    names, not of the speaker ("'He would be a good president,' said Mr X")."""
    sent = tok.sent
    marks = sum(1 for t in tok.doc[sent.start:tok.i] if t.text in _QUOTES)
    if marks % 2 == 1:
        return True
    return marks == 0 and any(t.text in _QUOTES for t in tok.doc[tok.i:sent.end]) and any(
        t.lemma_ in ("say", "tell", "add") for t in tok.doc[tok.i:sent.end])


#: Nouns of a body's part after "Y 's": "X of Acme 's legal team" is still a member of Acme.
_UNIT_NOUNS = frozenset({"team", "unit", "division", "department", "office", "board", "staff", "arm", "branch",
                         "bureau", "desk", "wing", "committee", "council", "subsidiary", "group", "section",
                         "service", "faculty", "school", "lab", "laboratory", "centre", "center", "panel"})


def _of_topic(doc: Doc, of: int, end: int) -> bool:
    """Whether "PERSON of Y" (token ``of``, Y ending before ``end``) speaks about Y rather than for it: "of"
    hangs on a verb ("said analyst X of the deal"), or Y owns a noun that is no part of a body ("X of Acme 's
    strong results"). "X of Acme 's legal team" and "X of Sainsbury 's ," (a name in "'s") are members."""
    if doc[of].head.pos_ in ("VERB", "AUX") and doc[of].head.i < of:
        return True
    if end >= len(doc) or doc[end].text not in _POSS:
        return False
    k = end + 1
    while k < len(doc) and doc[k].pos_ in ("ADJ", "ADV", "NUM", "PUNCT") and doc[k].text not in (",", ".", ";"):
        k += 1
    if k >= len(doc) or doc[k].pos_ != "NOUN":
        return False
    while k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN":  # "Acme 's legal affairs team"
        k += 1
    return doc[k].lemma_.lower() not in _UNIT_NOUNS


#: Verbs that name something by comparison: "X has been dubbed Britain 's Silicon Valley" (a metaphor, no place).
_LIKENING = frozenset({"dub", "nickname", "brand", "label", "christen", "style", "liken", "compare", "call",
                       "bill", "hail", "term"})


def _not_owner(doc: Doc, s: int, e: int) -> bool:
    """Whether the possessive after the place ``doc[s:e]`` owns nothing the text places in it: a likening
    ("dubbed Britain 's Guantanamo Bay", "known as Europe 's Detroit"), or a "'s" inside a longer name ("St
    Dunstan 's and Stepney Green ward", "St Mary 's")."""
    if doc[s].lower_.rstrip(".") in ("st", "saint") or (e + 1 < len(doc) and doc[e + 1].lower_ in ("and", "&", "or")):
        return True
    for k in range(max(0, s - 4), s):
        tok = doc[k]
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in _LIKENING:
            return True
        if tok.lower_ == "as" and k > 0 and doc[k - 1].lemma_ in ("know", "describe", "see", "regard", "hail",
                                                                 "bill", "tout", "style"):
            return True
    return False
