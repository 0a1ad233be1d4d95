"""Organisations: company suffixes, press names, cue nouns, short names and bracketed acronyms."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from graphbuild.extract.entity_steps.base import (
    _ACRONYM,
    _PRESS_AFTER,
    _PRESS_BEFORE,
    COMPANY_SUFFIXES,
    _acronym,
    _Cand,
    _display,
    _gaz_lookup,
    _is_cap,
    _press_name_word,
    _span_text,
    _words,
)
from graphbuild.gazetteer import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc


#: Lowercase or symbol words allowed inside a company name.
_COMPANY_INNER: Final = frozenset({"&", "of", "and", "de"})


def company_candidates(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``company-suffix``: a capitalised run ending in Inc/Corp/Ltd/plc/AG/Bank/Group... is an Organization."""
    caps = caps or set()
    out: list[_Cand] = []
    for k, word in enumerate(_words(doc)):
        if word not in COMPANY_SUFFIXES or k in caps or k == 0:
            continue
        tok = doc[k]
        nxt = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
        if nxt in COMPANY_SUFFIXES or re.fullmatch(r"[A-Z]|[IVX]+", nxt):
            continue  # the run goes on ("Bear Stearns & Co Inc"), or a pool ("Group B", "World Group I")
        i = tok.i
        while i > 0 and tok.i - i < 6:
            prev = doc[i - 1]
            if "\n" in prev.text or prev.is_space or prev.ent_type_ == "PERSON":
                break
            name_word = _is_cap(prev.text) and (prev.text.isalpha() or re.fullmatch(r"[A-Z][A-Za-z.'&]*", prev.text))
            if name_word or (prev.text == "&" and i - 2 >= 0 and _is_cap(doc[i - 2].text)):
                i -= 1
            elif prev.text == "of" and i - 2 >= 0 and _is_cap(doc[i - 2].text) and _gaz_lookup(doc[i].text, False):
                i -= 1  # "Gold Fields of South Africa Ltd", "First of Michigan Corp."
            else:
                break
        # a sentence-initial common word is no part of the name ("Shares of ...", "Company Name ...")
        start = -1  # the first leading demonym
        while i < tok.i:
            if (hit := gazetteer().lookup(doc[i].text)) is not None and hit.demonym and word != "Re":
                start = i if start < 0 else start  # "Swiss Re": a reinsurer's name is its demonym or city
            elif not (
                doc[i].text in _COMPANY_INNER
                or doc[i].text in {"The", "A", "An"}
                or (doc[i].is_sent_start and doc[i].pos_ in {"NOUN", "ADJ", "VERB", "ADV", "DET"})
            ):
                break
            else:
                start = -1
            i += 1
        if start >= 0 and all(doc[k].text in _GENERIC_COMPANY_WORDS | _GENERIC_TRADES for k in range(i, tok.i)):
            # "Albanian Macedonian Bulgarian Oil Corporation": without its demonyms the name is only generic words
            i = start
        if (place := _gaz_lookup(_span_text(doc, max(i, tok.i - 1), tok.i + 1), False)) is not None and place.type == "Place":
            continue  # "West Bank"
        if i == tok.i or all(doc[k].text in COMPANY_SUFFIXES | _COMPANY_INNER for k in range(i, tok.i)):
            continue
        out.append(_Cand(i, tok.i + 1, "Organization", "company-suffix", authority=2))
    return out


def press_candidates(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``press``: a newspaper or news agency named beside its cue word.

    Before the cue: "Zycie Warszawy daily said", "Interfax news agency".  After it:
    "the daily Trud", "Polish newspaper Rzeczpospolita", "news agency Tanjug".
    A country, place or nationality word is never taken ("the Iraqi news agency").
    """
    caps = caps or set()
    out: list[_Cand] = []
    words = _words(doc)
    n = len(words)
    cue_words = {cue[0] for cue in _PRESS_BEFORE} | _PRESS_AFTER
    for i, word in enumerate(words):
        if i in caps or word not in cue_words:
            continue
        tok = doc[i]
        before = any(tuple(words[i : i + len(cue)]) == cue for cue in _PRESS_BEFORE)
        if before and i > 0 and not (word == "agency" and words[i - 1] == "news"):
            s = i
            while s > 0 and i - s < 4 and _press_name_word(doc, s - 1) and not doc[s].is_sent_start:
                s -= 1
            while s < i and doc[s].is_sent_start and doc[s].pos_ not in {"PROPN", ""}:
                s += 1
            if s < i:
                out.append(_Cand(s, i, "Organization", "press", authority=2))
        if tok.text in _PRESS_AFTER and i + 1 < n:
            prev = doc[i - 1] if i > 0 else None
            if tok.text in {"daily", "weekly"} and (
                prev is None
                or not (prev.text in {"the", "a", "an", "news"} or _is_cap(prev.text) or prev.pos_ == "ADJ")
            ):
                continue
            e = i + 1
            while e < n and e - i <= 4 and _press_name_word(doc, e):
                e += 1
            if e > i + 1:
                out.append(_Cand(i + 1, e, "Organization", "press", authority=2))
    return out


#: Nouns that introduce a company's name ("tyre and cables giant Pirelli", "state engineer Comelf").
COMPANY_NOUNS: Final = frozenset(
    {"company", "firm", "giant", "maker", "makers", "carrier", "insurer", "retailer", "conglomerate", "producer",
     "manufacturer", "airline", "brewer", "operator", "chain", "engineer", "subsidiary", "unit", "distributor",
     "publisher", "broker", "brokerage", "bank", "group", "consortium", "shipyard", "refiner", "supplier"}
)


#: Place nouns before "of" that introduce a place ("the town of Tavildara", "east of Longyear").
PLACE_OF_WORDS: Final = frozenset(
    {"town", "city", "village", "port", "district", "island", "province", "region", "capital", "suburb", "outskirts",
     "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)


#: Words of a company name too generic to stand for it alone.
_GENERIC_COMPANY_WORDS: Final = frozenset(
    {"International", "National", "General", "American", "First", "United", "Industries", "Holdings", "Group",
     "Company", "Communications", "Systems", "Technologies", "Energy", "Resources", "Financial", "Capital", "Trust",
     "Bank", "Corp", "Inc", "Co", "Ltd", "The", "New", "Global", "Investment", "Investments", "Securities"}
)


#: Trade words that make a company name only together with a distinctive word ("Oil Corporation").
_GENERIC_TRADES: Final = frozenset(
    {"Oil", "Gas", "Steel", "Power", "Electric", "Mining", "Motor", "Motors", "Airlines", "Airways", "Insurance",
     "Telecom", "Telecommunications", "Petroleum", "Chemical", "Chemicals", "Shipping", "Pipeline", "Trading"}
)


def cue_candidates(doc: Doc) -> list[_Cand]:
    """Rules ``company-cue`` and ``place-cue``: a name right after "giant", "firm", "group"... is an Organization;
    one after "town of", "east of"... is a Place.  Names spaCy reads as a full PERSON are left alone."""
    out: list[_Cand] = []
    n = len(doc)
    words = _words(doc)
    for i, word in enumerate(words):
        if i + 1 >= n:
            continue
        if word in COMPANY_NOUNS:
            start, typ, rule = i + 1, "Organization", "company-cue"
        elif word == "of" and i > 0 and words[i - 1] in PLACE_OF_WORDS:
            start, typ, rule = i + 1, "Place", "place-cue"
        else:
            continue
        end = start
        while end < n and end - start < 5:
            if _press_name_word(doc, end):
                end += 1
            elif end > start and doc[end].text in {"of", "in", "for"} and end + 1 < n and _is_cap(doc[end + 1].text):
                end += 2  # "Human Rights in China", "Bank of Tokyo"
            else:
                break
        if end == start or len(_span_text(doc, start, end)) < 2:
            continue
        if doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "B" and end - start > 1:
            continue
        if gazetteer().lookup(_span_text(doc, start, end)) is not None:
            continue
        out.append(_Cand(start, end, typ, rule, authority=2))
    return out


#: Lower-case posts a company or an organisation gives before a name ("Acme chief executive Jo Bell").
POST_CUES: Final = frozenset(
    {("chief", "executive"), ("spokesman",), ("spokeswoman",), ("spokesperson",), ("boss",), ("chairman",),
     ("chairwoman",),
     ("chairperson",), ("founder",), ("co-founder",), ("director",), ("managing", "director"), ("chief", "economist"),
     ("economist",), ("analyst",), ("chief", "operating", "officer"), ("chief", "financial", "officer"),
     ("finance", "director"), ("president",), ("head",), ("chief",)}
)


_NOT_NAME_POS: Final = frozenset({"DET", "PRON", "ADV", "ADJ", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "NUM"})
#: Capitalised words before a post that are not an organisation ("Former chief executive X", "Then boss X").
_NOT_OWNER_WORDS: Final = frozenset({"former", "then", "outgoing", "ex", "new", "acting", "interim", "deputy", "senior",
                                     "its", "the", "our", "their", "his", "her", "veteran", "joint", "vice", "assistant",
                                     "chief", "executive", "regional", "global", "group", "company", "club", "party"})


_POST_CUES_BY_FIRST: Final = {w: tuple(p for p in POST_CUES if p[0] == w) for w in {p[0] for p in POST_CUES}}


def post_cue_candidates(doc: Doc) -> list[_Cand]:
    """Rule ``post-cue``: capitalised words right before a company post and a name are the organisation
    ("Acme chief executive Jo Bell", "Oxfam spokeswoman Ann Lee"), when neither spaCy nor the tables say what
    they are."""
    out: list[_Cand] = []
    words = _words(doc)
    n = len(doc)
    for i in range(1, n - 2):
        for phrase in _POST_CUES_BY_FIRST.get(words[i], ()):
            k = len(phrase)
            if i + k + 1 >= n or tuple(words[i:i + k]) != phrase:
                continue
            nxt = i + k
            if not (_is_cap(words[nxt]) and words[nxt].isalpha() and nxt + 1 < n and _is_cap(words[nxt + 1])):
                continue  # a full name after the post
            start = i
            while start > 0 and i - start < 3 and _press_name_word(doc, start - 1) \
                    and doc[start - 1].ent_type_ in ("", "ORG", "PRODUCT") and doc[start - 1].pos_ not in _NOT_NAME_POS \
                    and words[start - 1].lower() not in _NOT_OWNER_WORDS:
                start -= 1
            if start == i:
                continue
            text = _span_text(doc, start, i)
            if gazetteer().lookup(text) is not None or len(text) < 2:
                continue
            out.append(_Cand(start, i, "Organization", "post-cue", authority=2))
    return out


def company_short_names(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``company-suffix``: a company's distinctive word alone ("Cofinec" after "Cofinec S.A.",
    "Magna" after "Magna International Inc") or its name without the suffix ("Johnson Controls"
    after "Johnson Controls Inc") is that Organization, whatever spaCy guessed, and so is a name it
    leads ("Pirelli Cables").  Any Organization ending in a suffix counts, spaCy's own included (and a
    spaCy PERSON ending in one: "Pirelli SpA"); the surname of a person named in full is never taken."""
    short: set[str] = set()
    full: set[str] = set()
    person_words = {doc[c.end - 1].text for c in cands if c.type == "Person" and c.end - c.start > 1}  # surnames
    for c in cands:
        if c.type != "Organization" or c.end - c.start < 2 or doc[c.end - 1].text not in COMPANY_SUFFIXES:
            continue
        words = [t.text for t in doc[c.start : c.end] if t.text not in COMPANY_SUFFIXES and t.text.isalpha()]
        for w in {words[0], words[-1]} if words else set():
            if len(w) >= 3 and w not in _GENERIC_COMPANY_WORDS and w not in person_words and gazetteer().lookup(w) is None:
                short.add(w)
        if len(words) >= 2 and c.end - 1 - c.start == len(words):
            full.add(" ".join(words))
    if not short and not full:
        return cands
    out: list[_Cand] = []
    covered = {k for c in cands for k in range(c.start, c.end)}
    for c in cands:
        one = c.end - c.start == 1 and doc[c.start].text in short
        # "Pirelli Cables" (a spaCy PERSON) after "Pirelli SpA": a company's word leads the name
        led = c.end - c.start > 1 and c.type == "Person" and doc[c.start].text in short
        if (one or led or _span_text(doc, c.start, c.end) in full) and c.type in {"Person", "Place"} and c.authority < 2:
            c = replace(c, type="Organization", rule="company-suffix", label=None, code=None, wikidata=None, authority=1)
        out.append(c)
    for k, word in enumerate(_words(doc)):
        if k not in covered and word in short:
            out.append(_Cand(k, k + 1, "Organization", "company-suffix", authority=1))
    return sorted(out, key=lambda c: c.start)


def bracket_acronyms(doc: Doc, cands: list[_Cand], caps: set[int]) -> list[_Cand]:
    """Rule ``acronym.bracket``: "Kurdistan Democratic Party ( KDP )": the acronym is a mention of that organisation.

    The other way round too, when the letters spell the name: "the FOMC ( Federal Open Market
    Committee )".  Every other occurrence of the acronym in the document is a mention as well.
    """
    n = len(doc)
    words = _words(doc)
    found: dict[int, _Cand] = {}
    names: list[_Cand] = []
    for c in cands:
        if c.type != "Organization" or c.end + 2 >= n:
            continue
        if words[c.end] != "(" or words[c.end + 2] != ")":
            continue
        word = words[c.end + 1]
        if not _ACRONYM.fullmatch(word) or word == _span_text(doc, c.start, c.end):
            continue
        label = c.label or _display(doc, c, caps)
        found[c.end + 1] = _Cand(c.end + 1, c.end + 2, "Organization", "acronym.bracket", label, authority=2)
    for i, word in enumerate(words):
        if word != "(" or i == 0 or i + 2 >= n or not _ACRONYM.fullmatch(words[i - 1]) or i - 1 in found:
            continue
        j = next((k for k in range(i + 2, min(i + 10, n)) if words[k] == ")"), None)
        if j is None or _acronym(words[i + 1 : j]) != words[i - 1] or not all(
            _is_cap(w) or w in {"of", "the", "and", "for", "in", "on", "de"} for w in words[i + 1 : j]
        ):
            continue
        label = _span_text(doc, i + 1, j)
        found[i - 1] = _Cand(i - 1, i, "Organization", "acronym.bracket", label, authority=2)
        names.append(_Cand(i + 1, j, "Organization", "acronym.bracket", label, authority=2))
    if not found:
        return cands
    acronyms = {words[k]: c for k, c in found.items()}
    for k, word in enumerate(words):
        if word in acronyms and k not in found:
            found[k] = replace(acronyms[word], start=k, end=k + 1)
    spans = {k for c in names for k in range(c.start, c.end)}

    def replaced(c: _Cand) -> bool:
        """A weaker candidate over an acronym ("The FOMC" guessed a person) gives way to it."""
        if any(k in spans for k in range(c.start, c.end)):
            return True
        hit = [k for k in range(c.start, c.end) if k in found]
        if not hit:
            return False
        rest = [words[k] for k in range(c.start, c.end) if k not in found]
        return c.authority < 2 and all(w in {"The", "the"} for w in rest)

    kept = [c for c in cands if not replaced(c)]
    covered = {k for c in kept for k in range(c.start, c.end)}
    found = {k: c for k, c in found.items() if k not in covered}
    return sorted(kept + list(found.values()) + names, key=lambda c: c.start)
