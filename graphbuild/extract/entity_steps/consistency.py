"""Choosing among candidates: overlaps, "said" cues, document consistency and headlines."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from graphbuild.extract.entity_steps.base import (
    COMPANY_SUFFIXES,
    HONORIFICS,
    NAME_PARTICLES,
    SAID_WORDS,
    STOP_NAMES,
    WEEKDAYS,
    _Cand,
    _is_cap,
    _span_text,
    _strip_person_prefix,
    _words,
)
from graphbuild.gazetteer import fold, gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc


def said_candidates(doc: Doc, known: Iterable[_Cand] = ()) -> list[_Cand]:
    """Rule ``said``: an untyped or place-typed capitalised name right before "said"/"told"."""
    words = _words(doc)
    taken = {k: c for c in known for k in range(c.start, c.end)}
    out: list[_Cand] = []
    for k, word in enumerate(_words(doc)):
        if word not in SAID_WORDS or k == 0:
            continue
        tok = doc[k]
        end = tok.i
        start = end
        while start > 0 and end - start < 3 and _is_cap(words[start - 1]) and words[start - 1].isalpha():
            start -= 1
        if start == end:
            continue
        start = _strip_person_prefix(doc, start, end)
        text = _span_text(doc, start, end)
        if gazetteer().lookup(text) is not None or text in STOP_NAMES or text.capitalize() in WEEKDAYS:
            continue
        if any(t.pos_ not in {"PROPN", ""} for t in doc[start:end]):
            continue
        cands = {id(taken[k]): taken[k] for k in range(start, end) if k in taken}
        if any(c.type in {"Person", "Organization", "Country"} or c.authority >= 2 for c in cands.values()):
            continue
        if any(c.start < start or c.end > end for c in cands.values()):
            continue
        out.append(_Cand(start, end, "Person", "said", authority=1))
    return out


def _select(cands: Sequence[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: datelines first, then longer spans, then stronger rules.

    For one span typed alike by spaCy and by a cue, spaCy's ``ner`` is kept
    (the cue only confirms it); a dateline keeps its own rule, so later rules
    know it is the dateline ("NEW YORK 1996-08-30" is never a team).
    """

    def key(c: _Cand) -> tuple[int, int, int, int, int]:
        return (0 if c.rule == "dateline" else 1, -(c.end - c.start), 0 if c.type else 1, -c.authority, c.start)

    same_ner = {(c.start, c.end, c.type): c for c in cands if c.rule == "ner"}
    chosen: list[_Cand] = []
    used: set[int] = set()
    for c in sorted(cands, key=key):
        if any(k in used for k in range(c.start, c.end)):
            continue
        ner = same_ner.get((c.start, c.end, c.type)) if c.rule != "dateline" else None
        chosen.append(c if ner is None else replace(ner, authority=max(ner.authority, c.authority)))
        used.update(range(c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _surname_key(tokens: Sequence[str]) -> str:
    """The folded surname: the last word, or the last hyphenated chain ("Dalby-Smythe", three tokens)."""
    i = len(tokens) - 1
    while i >= 2 and tokens[i - 1] == "-" and tokens[i - 2][:1].isupper():
        i -= 2
    return fold("".join(tokens[i:]))


#: Words that make a capitalised name an organisation or a place, never a person's name.
_NOT_PERSON_WORDS: Final = COMPANY_SUFFIXES | frozenset(
    {"Party", "Front", "Movement", "Association", "Council", "Committee", "Union", "Institute", "University",
     "College", "School", "Hospital", "Agency", "Board", "Commission", "Federation", "League", "Club", "United",
     "City", "Force", "Forces", "Army", "Brigade", "News", "Times", "Post", "Radio", "Television", "Network",
     "Court", "Centre", "Center", "Foundation", "Fund", "Ministry", "Department", "Office", "Church", "Street",
     "Road", "Square", "Park", "River", "Lake", "Mount", "Island", "Islands", "Airport", "Station", "Stadium",
     "Hall", "House", "Palace", "Bridge", "Port", "Valley", "District", "County", "State", "Republic"}
)


def _surname_of_bare(doc: Doc, c: _Cand, bare: set[str], caps: set[int]) -> bool:
    """"Maria Eugenia Landaeta" guessed ORG while "Landaeta" alone is a Person: a plain two- to four-word name
    whose last word is a person's bare name in the same document is that person's full name."""
    if c.type not in {"Organization", "Place"} or c.authority > 0 or not 2 <= c.end - c.start <= 4 or c.start in caps:
        return False
    toks = [doc[k].text for k in range(c.start, c.end)]
    if fold(toks[-1]) not in bare or any(t in _NOT_PERSON_WORDS for t in toks):
        return False
    if not all(t.isalpha() and t[0].isupper() and not t.isupper() for t in toks) or toks[0] in HONORIFICS:
        return False  # "Mr Brown" guessed ORG: the honorific is no part of a name
    if any(doc[k].pos_ != "PROPN" for k in range(c.start, c.end)):
        return False  # "Analysing Mr Brown"

    return gazetteer().lookup(toks[0]) is None and gazetteer().lookup(" ".join(toks)) is None


def consistency(doc: Doc, cands: list[_Cand], caps: set[int]) -> list[_Cand]:
    """Rule ``doc-consistency``: one type per name in a document, surnames of people included.

    A multi-word Person makes its last word a Person everywhere; a name with a
    table/dateline type keeps it; other names take the majority of their
    spaCy types.  Uncovered occurrences of any typed name are added.
    """
    words = _words(doc)
    persons_full: dict[str, str] = {}
    surnames: set[str] = set()
    firsts: set[str] = set()
    # a name a table or a strong cue types otherwise is never made a Person by spaCy's guess elsewhere
    blocked = {fold(_span_text(doc, c.start, c.end)) for c in cands if c.authority >= 2 and c.type not in {"", "Person"}}
    for c in cands:
        if c.type == "Person" and c.end - c.start > 1 and c.start not in caps:
            toks = [w for w in words[c.start : c.end] if w not in HONORIFICS]
            if fold(" ".join(toks)) in blocked:
                continue
            persons_full[fold(" ".join(toks))] = " ".join(toks)
            if toks and not re.fullmatch(r"[A-Z]\.?|Jr\.?|Sr\.?|II|III", toks[-1]):
                surnames.update({_surname_key(toks), fold(toks[-1])})
            if len(toks) == 2:
                firsts.add(fold(toks[0]))
    # people first: a name typed Person once is a Person everywhere
    bare = {fold(words[c.start]) for c in cands if c.type == "Person" and c.end - c.start == 1 and c.start not in caps}
    retyped: list[_Cand] = []
    for c in cands:
        key = fold(_span_text(doc, c.start, c.end))
        named_person = key in persons_full or key in surnames or _surname_of_bare(doc, c, bare, caps)
        # "Wang" after "Wang Donghai" (family name first) that spaCy guessed ORG or GPE
        named_person = named_person or (
            key in firsts and c.end - c.start == 1 and c.authority == 0 and c.type in {"Organization", "Place"}
        )
        # "Jordan" after "Eddie Jordan": the surname of a person named in full wins over the country table
        surname_country = c.type == "Country" and c.end - c.start == 1 and key in surnames and not c.demonym
        if (
            named_person
            and (c.type not in {"Person", "Country"} or surname_country)
            and not (c.authority >= 2 and c.end - c.start > 1)
        ):
            c = replace(c, type="Person", rule="doc-consistency", label=None, code=None, wikidata=None, authority=1)
        retyped.append(c)
    # then one type per remaining name: table types win, else the majority of spaCy's votes
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    best: dict[str, _Cand] = {}
    for c in retyped:
        if not c.type:
            continue
        key = fold(_span_text(doc, c.start, c.end))
        votes[key][c.type] += 1 + 10 * c.authority
        if key not in best or c.authority > best[key].authority:
            best[key] = c
    out: list[_Cand] = []
    for c in retyped:
        key = fold(_span_text(doc, c.start, c.end))
        if c.authority < 2 and key in votes:
            typ = votes[key].most_common(1)[0][0]
            b = best[key]
            if typ != c.type:
                out.append(
                    replace(c, type=typ, rule="doc-consistency", label=b.label, code=b.code, wikidata=b.wikidata)
                )
                continue
        if not c.type:
            continue
        out.append(c)
    # uncovered occurrences of known names
    known: dict[tuple[str, ...], _Cand] = {}
    for c in out:
        if c.start in caps:
            continue
        known.setdefault(tuple(map(fold, words[c.start : c.end])), c)
    for key in surnames:
        known.setdefault((key,), _Cand(0, 0, "Person", "doc-consistency"))
    covered = {k for c in out for k in range(c.start, c.end)}
    added: list[_Cand] = []
    lengths = sorted({len(k) for k in known}, reverse=True)
    i = 0
    n_words = len(words)
    while i < n_words:
        if i in covered or not _is_cap(words[i]):
            i += 1
            continue
        step = 1
        for n in lengths:
            if i + n > n_words:
                continue  # a slice past the end is shorter than n: it would match a shorter name with a wrong end
            src = known.get(tuple(map(fold, words[i : i + n])))
            if src is None or any(k in covered for k in range(i, i + n)):
                continue
            if i not in caps and not all(
                _is_cap(w) or w in NAME_PARTICLES for w in words[i : i + n] if w.isalpha()
            ):
                continue
            # do not cut a longer capitalised name ("Blinken" inside "Blinken Street")
            e = i + n
            if i not in caps and e < n_words and _is_cap(words[e]) and words[e].isalpha():
                continue
            if (
                i not in caps
                and i > 0
                and _is_cap(words[i - 1])
                and words[i - 1].isalpha()
                and not doc[i].is_sent_start
                and words[i - 1] not in HONORIFICS
            ):
                continue
            rule = "headline" if i in caps else "doc-consistency"
            added.append(replace(src, start=i, end=e, rule=rule, authority=src.authority, notes=[]))
            step = n
            break
        i += step
    return sorted(out + added, key=lambda c: c.start)


def headline_filter(doc: Doc, cands: list[_Cand], caps: set[int]) -> list[_Cand]:
    """Rule ``headline``: in all-caps lines keep only names a table or the body text confirms.

    A confirmed name takes the type the body gives it ("BENETTON" is the club the body
    calls Benetton, whatever spaCy guessed in the headline).
    """
    if not caps:
        return cands
    body: dict[str, _Cand] = {}
    for c in cands:
        if c.start not in caps and c.type:
            key = fold(_span_text(doc, c.start, c.end))
            if key not in body or c.authority > body[key].authority:
                body[key] = c
    out = []
    for c in cands:
        if c.start not in caps or c.authority >= 2:
            out.append(c)
            continue
        b = body.get(fold(_span_text(doc, c.start, c.end)))
        if b is not None:
            out.append(replace(c, type=b.type, rule="headline", label=b.label, code=b.code, wikidata=b.wikidata))
    return out
