"""Candidate mentions from spaCy's NER, the gazetteer, datelines, regions, titles and initials."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from graphbuild.extract.common import doc_text
from graphbuild.extract.entity_steps.base import (
    _ABSTRACT,
    _DATELINE,
    _INITIAL,
    COMPANY_SUFFIXES,
    HONORIFICS,
    NAME_PARTICLES,
    NER_TYPES,
    PRESS_WORDS,
    REGION_WORDS,
    RETYPABLE,
    STOP_NAMES,
    WEEKDAYS,
    _Cand,
    _gaz_lookup,
    _is_cap,
    _is_punct,
    _name_run,
    _span_text,
    _strip_person_prefix,
    _title_at,
    _title_before,
    _trim,
    _words,
)
from graphbuild.gazetteer import AMBIGUOUS_COUNTRY_NAMES, GazEntry, gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


_ACRONYM: Final = re.compile(r"[A-Z]{2,5}")

#: Honorifics only ever written before a person's name.
_PERSONAL_HONORIFICS: Final = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr."})


#: Capitalised words that open an organisation's name and that spaCy sometimes leaves out of the ORG span
#: ("World Anti-Doping Agency" as "Anti-Doping Agency"); no country or demonym (those are entities of their own).
_ORG_OPENERS: Final = frozenset({"World", "International", "Global", "National", "Royal", "Federal", "Central",
                                 "Imperial", "Commonwealth", "Universal", "Worldwide"})


#: spaCy labels a span opened by "Mr"/"Ms"/"Dr" may wrongly carry; such a span is a person's name.
_HONORIFIC_RETYPED: Final = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC"})


def _after_personal_honorific(doc: Doc, start: int) -> bool:
    """Whether the token before ``start`` is "Mr"/"Mrs"/"Ms"/"Miss"/"Dr" (then a name there is a person's)."""
    return start > 0 and doc[start - 1].text in _PERSONAL_HONORIFICS


def ner_candidates(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``ner``/``gazetteer``/``demonym``: spaCy's entities, trimmed and typed."""
    caps = caps or set()
    out: list[_Cand] = []
    ent_texts = {e.text for e in doc.ents}
    for ent in doc.ents:
        # "Mr Okafor", "Ms Rivera" guessed GPE or ORG: a personal honorific opens a person's name
        person = ent.label_ == "PERSON" or (
            ent.label_ in _HONORIFIC_RETYPED and len(ent) > 1 and doc[ent.start].text in _PERSONAL_HONORIFICS)
        start, end = _clean_span(doc, ent.start, ent.end, person)
        if start >= end:
            continue
        if person:
            start = _strip_person_prefix(doc, start, end)
        elif ent.label_ == "ORG" and start == ent.start and start > 0 and doc[start - 1].text in _ORG_OPENERS \
                and doc[start - 1].ent_iob_ == "O" and doc[start].text[:1].isupper():
            start -= 1  # "World [Anti-Doping Agency]": the opening word spaCy left out is the name's own
        split = _possessive_split(doc, start, end, ent_texts)
        if split is not None:
            # "Farrakhan 's Nation of Islam", "Syria’s National Defense Forces": the owner is a name of its own
            owner = _strip_person_prefix(doc, start, split)  # "Mr Brown 's Budget Speech": "Brown"
            hit = _gaz_lookup(_span_text(doc, owner, split), start in caps)
            if hit is not None:
                out.append(_Cand(owner, split, hit.type, "ner", hit.label, hit.code, hit.wikidata, hit.demonym, 2))
            elif doc[owner].text not in HONORIFICS:
                out.append(_Cand(owner, split, "", "ner", spacy_label=ent.label_))
            start = split + 1
            person = ent.label_ == "PERSON"  # "Mr Brown 's Finance Facility": only the owner was the honorific's
        elif person:
            end = _before_possessive(doc, start, end)
        text = _span_text(doc, start, end)
        if text in STOP_NAMES or text.capitalize() in WEEKDAYS or _ABSTRACT.fullmatch(text) \
                or _common_noun(doc, start, end, ent.label_):
            continue
        if text[:1].islower() and doc[start].text not in NAME_PARTICLES and text[:3] not in {"al-", "el-"}:
            continue  # "congress", "defence ministry": a common noun, not a name
        folded = start in caps
        hit = _gaz_lookup(text, folded) or _state_of(text, folded)
        label = "PERSON" if person else ent.label_
        if hit is not None:
            if (label == "PERSON" and text in AMBIGUOUS_COUNTRY_NAMES) or _after_personal_honorific(doc, start):
                # "Mr German", "Mrs England": a name after Mr/Mrs/Ms/Dr is a person, never a country or demonym
                out.append(_Cand(start, end, "Person", "ner", spacy_label=label))
                continue
            rule = "demonym" if hit.demonym else ("ner" if NER_TYPES.get(label) == hit.type else "gazetteer")
            out.append(
                _Cand(
                    start,
                    end,
                    hit.type,
                    rule,
                    hit.label,
                    hit.code,
                    hit.wikidata,
                    hit.demonym,
                    authority=2,
                    spacy_label=label,
                )
            )
            continue
        if label in NER_TYPES:
            typ = NER_TYPES[label]
            if label != "ORG" and _club_name(doc, start, end):
                # "Manchester United", "Bristol Rovers", "Norwich City" guessed PERSON or GPE: the club
                out.append(_Cand(start, end, "Organization", "sports.club-name", spacy_label=label, authority=1))
                continue
            if typ == "Person" and end - start == 1 and start not in caps and _ACRONYM.fullmatch(text):
                # "BAA", "BBC" guessed PERSON: a person's name is never an all-capitals acronym
                out.append(_Cand(start, end, "Organization", "acronym.person", spacy_label=label, authority=1))
                continue
            if typ == "Person" and end - start > 1 and doc[end - 1].text in COMPANY_SUFFIXES:
                # "Pirelli SpA", "Acme Holdings" typed PERSON: the suffix says company
                out.append(_Cand(start, end, "Organization", "company-suffix", spacy_label=label, authority=1))
                continue
            out.append(_Cand(start, end, typ, "ner", spacy_label=label))
        elif label in RETYPABLE:
            # kept untyped: a later rule may type it (doc-consistency, said, region)
            out.append(_Cand(start, end, "", "ner", spacy_label=label))
    return out


def _before_possessive(doc: Doc, start: int, end: int) -> int:
    """A person's name holds no possessive: "Ann Kerr 's Harbour" (the author and the first word of a title)
    ends before it."""
    for k in range(start + 1, end - 1):
        if doc[k].text in {"'s", "’s"}:
            return k
    return end


#: "the Republic of Moldova", "the Kingdom of Nepal": a state's formal name around a country's name.
_STATE_OF: Final = re.compile(r"(?:Republic|Kingdom|Principality|Sultanate|Emirate|State) of (?:the )?(.+)")


def _state_of(text: str, folded: bool) -> GazEntry | None:
    """The country a formal name "Republic of X" names, when the table knows X as a country whose own name is not
    a different republic or kingdom ("Republic of Congo" is not the Democratic Republic of the Congo)."""
    m = _STATE_OF.fullmatch(text)
    if m is None:
        return None
    hit = _gaz_lookup(m.group(1), folded)
    if hit is None or hit.type != "Country" or any(w in hit.label.split() for w in ("Republic", "Kingdom")):
        return None
    return hit


#: Last words of a club named after its town ("Manchester United", "Norwich City", "Bristol Rovers").
CLUB_WORDS: Final = frozenset(
    {"United", "City", "Rovers", "Wanderers", "Athletic", "Albion", "Town", "Rangers", "Hotspur", "Villa", "FC",
     "Argyle", "Alexandra", "Academicals", "Thistle", "Harriers"}
)
def _club_name(doc: Doc, start: int, end: int) -> bool:
    """A town and a club word ("Manchester United") that is not itself a place ("Kansas City", "Cape Town")."""
    if end - start < 2 or _words(doc)[end - 1] not in CLUB_WORDS or _gaz_lookup(_span_text(doc, start, end), False):
        return False
    town = _gaz_lookup(_span_text(doc, start, end - 1), False)
    return town is not None and town.type == "Place"


#: Portfolio words spaCy takes for an organisation in "Defence Minister X", "Agriculture Secretary Y".
_PORTFOLIOS: Final = frozenset(
    {"defence", "defense", "interior", "finance", "foreign", "agriculture", "education", "health", "justice",
     "commerce", "trade", "industry", "energy", "environment", "transport", "labour", "labor", "culture",
     "economy", "treasury", "home", "information", "communications", "tourism", "housing"}
)
_POST_WORDS: Final = frozenset({"Minister", "Secretary", "minister", "secretary", "Ministers", "ministers"})


def _common_noun(doc: Doc, start: int, end: int, label: str) -> bool:
    """A one-word "name" that is a common noun: a portfolio before a post ("Defence Minister Volker Ruehe"),
    or a sentence-initial noun the tagger calls common ("Death is ...", "Automakers petitioned ...")."""
    if end - start != 1:
        return False
    tok = doc[start]
    if tok.text.lower() in _PORTFOLIOS and end < len(doc) and doc[end].text in _POST_WORDS:
        return True
    if label not in {"PERSON", "ORG", "GPE", "LOC", "FAC"} or tok.tag_ not in {"NN", "NNS"} or tok.text.isupper():
        return False
    first = tok.is_sent_start or (start > 0 and _is_punct(doc[start - 1].text) and doc[start - 1].is_sent_start)
    return bool(first) and _gaz_lookup(tok.text, False) is None


#: Last words of a firm named after its owner ("Elliott's Body Shop", "Boatmen's Bancshares Inc").
_OWNED_NAME_ENDS: Final = COMPANY_SUFFIXES | frozenset(
    {"Shop", "Shops", "Store", "Stores", "Restaurant", "Cafe", "Café", "Bar", "Pub", "Garage", "Bakery", "Diner",
     "Inn", "Hotel", "Salon", "Motors", "Sons", "Brothers"}
)


def _possessive_split(doc: Doc, start: int, end: int, ent_texts: set[str]) -> int | None:
    """The possessive token inside a span whose owner and owned thing are two names ("Farrakhan 's Nation of
    Islam"): the owned name has at least two capitalised words and the owner is a table name or a name of its own
    elsewhere in the document; a name that is itself possessive ("Elliott 's Body Shop", "Moody 's Investors
    Service") is not split."""
    words = _words(doc)
    for k in range(start + 1, end - 2):
        if words[k] not in {"'s", "’s"}:
            continue
        if not all(_is_cap(w) or w in {"of", "the", "and", "for", "de"} for w in words[k + 1 : end]):
            return None
        if not (_is_cap(words[k + 1]) and doc[end - 1].pos_ == "PROPN") or words[end - 1] in _OWNED_NAME_ENDS:
            return None  # "Magna 's North American car", "Boatmen 's Bancshares Inc.", "Elliott 's Body Shop"
        owner = _span_text(doc, start, k)
        if gazetteer().lookup(owner + "'s") is not None or gazetteer().lookup(_span_text(doc, start, end)) is not None:
            return None
        return k if owner in ent_texts or _gaz_lookup(owner, False) is not None else None
    return None


def _clean_span(doc: Doc, start: int, end: int, person: bool) -> tuple[int, int]:
    """Trim a spaCy span: no line break, bracket or spaced dash inside ("Scott Draper ( Australia"), no numbers
    at the ends ("W. Hegg 54", "64 Bob Estes", "Lithuania 3 - 0").

    A person name also ends before a lowercase word ("Birmingham v Barnsley", "Yorkshire at Headingley")
    and loses lowercase words in front ("stepson Sholto", "rang Lucy").
    """
    words = _words(doc)
    start, end = _trim(doc, start, end)
    for k in range(start, end):
        text = words[k]
        if "\n" in text or (doc[k].is_space and k > start):
            end = k
            break
        if k > start and (text in {"(", ")"} or (text == "-" and doc[k].whitespace_ and doc[k - 1].whitespace_)):
            end = k  # "Scott Draper ( Australia", "Slovakia - Lubomir"
            break
    while start < end and any(ch.isdigit() for ch in words[start]):
        start += 1
    while end - 1 > start and words[end - 1] in PRESS_WORDS:
        end -= 1  # "Interfax news agency" → "Interfax"
    while end > start and (any(ch.isdigit() for ch in words[end - 1]) or _is_punct(words[end - 1])):
        end -= 1  # "Lithuania 3 - 0"
    if person:
        while start < end and words[start][:1].islower() and words[start] not in NAME_PARTICLES:
            start += 1
        while end - 1 > start and words[end - 1] in WEEKDAYS:
            end -= 1  # "Jose Miguel Insulza Monday"
        for k in range(start + 1, end):
            if words[k][:1].islower() and words[k] not in NAME_PARTICLES and "-" not in words[k]:
                end = k
                break
    return _trim(doc, start, end)


def dateline_candidates(doc: Doc) -> list[_Cand]:
    """Rule ``dateline``: "KYIV (Ukraine):", "LONDON (Reuters) -", "WASHINGTON —", "BRUSSELS 1996-08-22",
    "MANCHESTER , England 1996-08-31" (the state or country after the city is a mention too)."""
    out: list[_Cand] = []
    text = doc_text(doc)
    pos = 0
    for line_no, line in enumerate(text.split("\n")[:4]):
        m = _DATELINE.match(line)
        base = pos
        pos += len(line) + 1
        if not m:
            continue
        place = m.group("place").strip()
        place_hit = _gaz_lookup(place, True)
        has_date = m.group("sep")[0].isdigit()
        if not (has_date or m.group("paren") or (place_hit is not None and place_hit.type != "Organization")):
            continue
        if line_no > 0 and not has_date:
            continue
        for grp in ("place", "state", "paren"):
            val = m.group(grp)
            if not val:
                continue
            if grp == "state" and not has_date and _gaz_lookup(val, True) is None:
                continue  # "MILWAUKEE , Wisconsin 1996-08-30" and "ARLINGTON , Texas 1996-08-31" name the state
            s = base + m.start(grp)
            span = doc.char_span(s, s + len(val.rstrip()), alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            hit = _gaz_lookup(span.text, True)
            if grp == "paren" and hit is None:
                continue  # "(Reuters)" is the agency, not a place: left to the other rules
            if hit is not None:
                out.append(
                    _Cand(span.start, span.end, hit.type, "dateline", hit.label, hit.code, hit.wikidata, authority=2)
                )
            elif grp in {"place", "state"}:
                out.append(_Cand(span.start, span.end, "Place", "dateline", span.text.title(), authority=2))
    return out


def gazetteer_candidates(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``gazetteer``/``demonym``: table names spaCy missed (longest match, capitalised)."""
    caps = caps or set()
    g = gazetteer()
    out: list[_Cand] = []
    n_max = min(g.max_tokens, 6)
    words = _words(doc)
    i = 0
    while i < len(doc):
        if not _is_cap(words[i]):
            i += 1
            continue
        folded = i in caps
        found = False
        for n in range(min(n_max, len(doc) - i), 0, -1):
            end = i + n
            if not _is_cap(words[end - 1]) and words[end - 1] not in {".", ")"}:
                continue
            text = _span_text(doc, i, end)
            hit = _gaz_lookup(text, folded)
            if hit is None:
                continue
            # a capitalised word right before or after means a longer name ("New York Times")
            if not folded:
                if (
                    end < len(doc)
                    and _is_cap(words[end])
                    and words[end].isalpha()
                    and not doc[end].is_sent_start
                    and not _title_at(words, end)
                ):
                    break
                if (
                    i > 0
                    and _is_cap(words[i - 1])
                    and words[i - 1].isalpha()
                    and not doc[i].is_sent_start
                    and not doc[i - 1].is_sent_start
                    and words[i - 1] not in HONORIFICS
                    and _title_before(words, i) is None
                ):
                    break
            if _after_personal_honorific(doc, i):
                out.append(_Cand(i, end, "Person", "title"))  # "Mr German": a surname, not Germany
            else:
                rule = "demonym" if hit.demonym else "gazetteer"
                out.append(_Cand(i, end, hit.type, rule, hit.label, hit.code, hit.wikidata, hit.demonym, authority=2))
            i = end
            found = True
            break
        if not found:
            i += 1
    return out


def region_candidates(doc: Doc) -> list[_Cand]:
    """Rule ``region``: "Kursk region", "Donetsk Oblast", "Sichuan province" as one Place."""
    out: list[_Cand] = []
    for k, word in enumerate(_words(doc)):
        if word not in REGION_WORDS or k == 0:
            continue
        tok = doc[k]
        j = tok.i
        i = j
        while i > 0 and _is_cap(doc[i - 1].text) and doc[i - 1].text.isalpha() and j - i < 3:
            i -= 1
        if i == j:
            continue
        name = _span_text(doc, i, j)
        hit = gazetteer().lookup(name)
        if hit is not None and hit.type in {"Country", "Organization"}:
            continue
        label = f"{name} {tok.text.lower()}" if tok.text.lower() != "oblast" else f"{name} Oblast"
        out.append(_Cand(i, j + 1, "Place", "region", label, authority=2, notes=[name]))
    return out


def title_candidates(doc: Doc) -> list[_Cand]:
    """Rule ``title``: the name after "President", "Foreign Secretary", "Mr", "spokesman"..."""
    out: list[_Cand] = []
    ent_of: dict[int, Span] = {}
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            ent_of[k] = ent
    words = _words(doc)
    for i in range(1, len(words)):
        if not _is_cap(words[i]):
            continue
        s = _title_before(words, i)
        if s is None:
            continue
        # "General Motors": the title word itself is inside an organisation/place name
        before = ent_of.get(i - 1)
        if before is not None and before.label_ in {"ORG", "GPE", "FAC", "LOC"}:
            continue
        end = _name_run(doc, i)
        if end <= i:
            continue
        i = _strip_person_prefix(doc, i, end)  # "Deputy Prime Minister Mr Prescott"
        text = _span_text(doc, i, end)
        if gazetteer().lookup(text) is not None or text in STOP_NAMES or text.capitalize() in WEEKDAYS:
            continue
        ent2 = ent_of.get(end - 1)
        if ent2 is not None and ent2.end > end and ent2.label_ != "PERSON":
            continue
        out.append(_Cand(i, end, "Person", "title", authority=1))
    return out


def initials_candidates(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``initials``: "J. Smith", "M. Gatting" (an initial and a capitalised name) is a Person."""
    words = _words(doc)
    caps = caps or set()
    out: list[_Cand] = []
    i = 0
    while i < len(doc):
        if i in caps or not _INITIAL.fullmatch(words[i]):
            i += 1
            continue
        start = i
        while i < len(doc) and _INITIAL.fullmatch(words[i]):
            i += 1
        end = _name_run(doc, i, limit=2)
        if end > i and all(words[k].isalpha() or "-" in words[k] or "'" in words[k] for k in range(i, end)):
            text = _span_text(doc, i, end)
            if gazetteer().lookup(text) is None or gazetteer().lookup(text, folded=True) is None:
                out.append(_Cand(start, end, "Person", "initials", authority=1))
            i = end
    return out


#: Words after a hyphen that make a name an adjective ("Al Capone-like", "Blair-style", "Kremlin-backed").
_HYPHEN_SUFFIXES: Final = frozenset(
    {"like", "style", "era", "based", "led", "backed", "born", "owned", "run", "type", "linked", "inspired",
     "controlled", "allied", "funded", "made", "esque", "ite", "ites", "ism"}
)


def extend_initials(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``initials``: a Person mention takes in the initials right before it ("M." + "Gatting").

    Rule ``person.hyphen``: and the rest of a hyphenated name spaCy cut short ("Ata" + "-ur-Rehman",
    "Chen Chun" + "-yeh").
    """
    out = []
    taken = {k for c in cands for k in range(c.start, c.end)}
    n = len(doc)
    swallowed: set[int] = set()  # starts of candidates inside an extended name ("Rehman")
    for c in cands:
        s = c.start
        while c.type == "Person" and s > 0 and s - 1 not in taken and _INITIAL.fullmatch(doc[s - 1].text):
            s -= 1
        e = c.end
        while (
            c.type == "Person"
            and e + 1 < n
            and doc[e].text == "-"
            and not doc[e - 1].whitespace_
            and not doc[e].whitespace_
            and doc[e + 1].text.isalpha()
            and doc[e + 1].text.lower() not in _HYPHEN_SUFFIXES
            and e not in taken
        ):
            e += 2
        if e != c.end:
            swallowed.update(range(c.end, e))
            c = replace(c, end=e, rule="person.hyphen")
        out.append(replace(c, start=s, rule="initials") if s != c.start else c)
    if swallowed:
        out = [c for c in out if not (c.start in swallowed and c.end - 1 in swallowed)]
    return out
