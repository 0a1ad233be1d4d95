"""People in lists: "X (Country)" brackets and comma-separated name lists."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from graphbuild.extract.entity_steps.base import (
    _NOT_TEAMS,
    _SCORE,
    HONORIFICS,
    NAME_PARTICLES,
    PERSON_PREFIXES,
    STOP_NAMES,
    _Cand,
    _gaz_lookup,
    _name_start,
    _name_token,
    _plain_name,
    _span_text,
    _title_at,
    _words,
    name_tokens,
    spelling_variant,
)
from graphbuild.extract.entity_steps.grouping import _key
from graphbuild.extract.entity_steps.posts import is_post_title

if TYPE_CHECKING:
    from spacy.tokens import Doc


def country_bracket_people(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``person.country-bracket``: "Sandrine Testud ( France ) beat Ines Gorrochategui ( Argentina )".

    In results lists a name followed by its country in brackets is a Person.  A
    single word needs spaCy's PERSON, and one followed by a score is a club
    ("Dinamo ( Russia ) 81"), so it is left alone.

    A scorer with the minute or a captain ("Cosmin Contra ( 31st )", "Wasim Akram ( captain )") is a Person too.

    Rule ``sports.club-country``: one word with its country and a score is a club
    ("Benetton ( Italy ) 92 Dinamo ( Russia ) 81").

    Rule ``sports.rider-team``: a name right after the bracket and before a time, a
    comma or the line end is the rider's or driver's team ("( Germany ) Telekom 4 hours").
    """
    caps = caps or set()
    out: list[_Cand] = []
    words = _words(doc)
    n = len(words)
    for i, word in enumerate(words):
        if word != "(" or i == 0 or i in caps:
            continue
        j = next((k for k in range(i + 2, min(i + 5, n)) if words[k] == ")"), None)
        if j is None and not (i + 1 < n and _MINUTE.fullmatch(words[i + 1])):
            continue
        j = j if j is not None else i + 2
        inner = words[i + 1]
        if _MINUTE.fullmatch(inner) or inner in {"captain", "capt", "pen", "penalty"}:
            # a scorer and the minute, or the captain: "Cosmin Contra ( 31st )", "Aunger ( 41st min , pen )"
            s = _name_start(doc, i)
            if s < i and _plain_name(doc, s, i):
                out.append(_Cand(s, i, "Person", "person.country-bracket", authority=1))
            continue
        country = _gaz_lookup(_span_text(doc, i + 1, j), True)
        if country is None or country.type != "Country" or country.demonym:
            continue
        s = _name_start(doc, i)
        if s == i or not _plain_name(doc, s, i):
            continue
        single = sum(1 for k in range(s, i) if words[k] != "-" and words[k] not in NAME_PARTICLES) == 1
        scored = j + 1 < n and _SCORE.fullmatch(words[j + 1]) is not None and (j + 2 >= n or words[j + 2] != "-")
        if scored and single:
            # a club and its score: "Benetton ( Italy ) 92 Dinamo ( Russia ) 81" (not a tennis set "6-4")
            out.append(_Cand(s, i, "Organization", "sports.club-country", authority=2))
            continue
        if single and doc[s].ent_type_ != "PERSON":
            continue
        out.append(_Cand(s, i, "Person", "person.country-bracket", authority=2))
        # the rider's or driver's team after the country: "Olaf Ludwig ( Germany ) Telekom 4 hours",
        # "Alex Zanardi ( Italy ) , Reynard Honda , 53.980"
        t = j + 1 + (j + 1 < n and words[j + 1] == ",")
        e = t
        while e < n and e - t < 4 and _name_token(doc, e) and e not in caps:
            e += 1
        after = words[e] if e < n else "\n"
        if e > t and (after[:1].isdigit() or after in {",", "same", "all", "s.t.", "\n"}) and _plain_name(doc, t, e):
            out.append(_Cand(t, e, "Organization", "sports.rider-team", authority=2))
    return out


#: The minute of a goal ("31st", "88th").
_MINUTE: Final = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


#: Tokens that separate the items of a list of names.
_LIST_SEPARATORS: Final = frozenset({",", ";", ":", "(", ")", "and", "&", "\n"})


def name_lists(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``person.list``: the other names of a list of people are people too.

    "15 - Andre Joubert , 14 - Justin Swart , 13 - Japie Mulder", "Pakistan : Aamir
    Sohail , Saeed Anwar , Inzamam-ul-Haq": an item that is nothing but a name (after
    a shirt number) in a line where at least two other items are people already is
    a Person, unless a table names it or other types outnumber the people.  spaCy's
    guesses on such an item are replaced.
    """
    n = len(doc)
    words = _words(doc)
    name_at = name_tokens(doc)
    # items: maximal name runs bounded by separators, " - " or numbers
    items: list[list[tuple[int, int]]] = [[]]
    k = 0
    while k < n:
        w = words[k]
        if "\n" in w:
            items.append([])
            k += 1
            continue
        if not name_at[k] or w == "-":
            k += 1
            continue
        s = k
        while k < n and name_at[k]:
            k += 1
        e = k
        before = words[s - 1] if s > 0 else "\n"
        after = words[e] if e < n else "\n"
        ok_before = before in _LIST_SEPARATORS or before == "-" or "\n" in before or before[:1].isdigit()
        ok_after = after in _LIST_SEPARATORS or after == "." or "\n" in after or after[:1].isdigit()
        if ok_before and ok_after and e - s <= 5:
            items[-1].append((s, e))
    at: dict[int, _Cand] = {k: c for c in cands for k in range(c.start, c.end)}
    dropped: set[int] = set()  # ids of candidates replaced by a list item
    added: list[_Cand] = []
    for line in items:
        if len(line) < 3:
            continue
        people: set[tuple[int, int]] = set()
        others = 0
        for s, e in line:
            inside = [c for k in range(s, e) if (c := at.get(k)) is not None and c.type and s <= c.start and c.end <= e]
            if any(c.type == "Person" for c in inside):
                people.add((s, e))
            elif any(c.type != "Country" for c in inside):
                others += 1  # countries beside people are their nationalities ("Osmond Ezinwa ( Nigeria )")
        if len(people) < 2 or len(people) <= others:
            continue
        for s, e in line:
            if (s, e) not in people and _plain_name(doc, s, e):
                _take_person(at, s, e, "person.list", dropped, added, over_person=True)
    return _replaced(cands, dropped, added)


def _take_person(at: dict[int, _Cand], s: int, e: int, rule: str, dropped: set[int], added: list[_Cand], *,
                 over_person: bool) -> None:
    """Add tokens ``s``..``e`` as a Person of ``rule`` in place of the candidates inside them, unless one of those
    has authority, reaches outside, or (``over_person`` false) is already a Person."""
    over = {id(c): c for k in range(s, e) if (c := at.get(k)) is not None}
    if any(c.authority >= 2 or c.start < s or c.end > e or (not over_person and c.type == "Person")
           for c in over.values()):
        return
    dropped.update(over)
    added.append(_Cand(s, e, "Person", rule, authority=1))


def _replaced(cands: list[_Cand], dropped: set[int], added: list[_Cand]) -> list[_Cand]:
    """``cands`` without those whose id is in ``dropped``, with ``added``, in text order (unchanged when
    nothing was added)."""
    if not added:
        return cands
    return sorted([c for c in cands if id(c) not in dropped] + added, key=lambda c: c.start)


#: Tokens after the second half of a wrapped name in a list ("Willie\nWood ,", "Jane\nQuigley ( USA )").
_LIST_AFTER: Final = frozenset({",", ";", "(", ".", "\n"})


def wrapped_names(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``person.wrapped``: a person's name broken by a line end in a list is one name.

    Wire copy wraps lines inside names ("Mike Sullivan , Willie\nWood , Loren Roberts",
    "beat Jane\nQuigley ( USA )"): one capitalised word ending a line and one starting the
    next, followed by a comma, bracket or line end, are one Person when either was read as a
    Person and neither is a country or place in the tables.
    """
    words = _words(doc)
    n = len(words)
    by_span = {(c.start, c.end): c for c in cands}
    by_start: dict[int, list[_Cand]] = {}
    for c in cands:
        by_start.setdefault(c.start, []).append(c)
    joined: list[_Cand] = []
    drop: set[tuple[int, int]] = set()
    for i in range(n - 2):
        if words[i + 1] != "\n" or not _plain_word(words[i]) or not _plain_word(words[i + 2]):
            continue
        if i + 3 < n and words[i + 3] not in _LIST_AFTER:
            continue
        first, second = by_span.get((i, i + 1)), by_span.get((i + 2, i + 3))
        if any(c.start < i + 3 and i < c.end and (c.start, c.end) not in {(i, i + 1), (i + 2, i + 3)}
               for k in range(max(0, i - 4), i + 3) for c in by_start.get(k, ())):
            continue  # part of a longer name ("Mike\nSullivan Jr")
        if not any(c is not None and c.type == "Person" for c in (first, second)):
            continue
        if any(_gaz_lookup(words[k], False) is not None and (c is None or c.type != "Person")
               for k, c in ((i, first), (i + 2, second))):
            continue
        joined.append(_Cand(i, i + 3, "Person", "person.wrapped", authority=1, spacy_label="PERSON"))
        drop.update({(i, i + 1), (i + 2, i + 3)})
    if not joined:
        return cands
    return sorted([c for c in cands if (c.start, c.end) not in drop] + joined, key=lambda c: c.start)


def _plain_word(w: str) -> bool:
    """A capitalised alphabetic word, not all caps ("Willie", "Panayiotopoulos")."""
    return len(w) > 1 and w[0].isupper() and w.isalpha() and not w.isupper()


def shared_surnames(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rules ``person.shared-surname`` and ``person.spelling``: given names sharing a surname; spelling variants.

    "Tamerlan and Dzhokhar Tsarnaev": a capitalised word, "and", and a two-word person is a
    brother or sister of the same family: the word is a Person wherever spaCy alone typed it
    otherwise ("Days later, Tamerlan was killed"), and takes the family name (its label is
    "Tamerlan Tsarnaev").  Not when a table names the word, or when it ends a longer name.

    A one-word name spaCy alone typed an organisation or place that is a spelling variant of a
    person's surname in the document ("Tzarnaev" beside "Dzhokhar Tsarnaev";
    :func:`spelling_variant`) is that Person's surname.
    """
    words = _words(doc)
    by_span = {(c.start, c.end): c for c in cands}
    full = [c for c in cands if c.type == "Person" and c.end - c.start == 2]
    families: dict[str, str] = {}
    # words that are somebody's surname here: the end of a full name, or after an honorific ("Mr Tindall")
    surnames_here = {words[c.end - 1] for c in cands if c.type == "Person" and c.end - c.start >= 2}
    surnames_here |= {words[k + 1] for k in range(len(words) - 1) if words[k] in HONORIFICS}
    for c in full:
        i = c.start
        if i < 2 or words[i - 1] != "and" or not _given_word(words[i - 2]) or not _given_word(words[i]):
            continue
        if i > 2 and words[i - 3][:1].isupper() and words[i - 3].isalpha():
            continue  # "John Tamerlan and ...": the word ends a longer name
        listed = i > 3 and words[i - 3] in {",", ";"} and words[i - 4][:1].isupper() and words[i - 4].isalpha()
        if listed or words[i - 2] in surnames_here:
            continue  # "Hale, Brook and Sam Cole", "Brook and Sam Cole" beside "Ed Brook": a surname, not a sibling
        first = by_span.get((i - 2, i - 1))
        if first is not None and first.type != "Person" and (first.rule != "ner" or first.authority > 0):
            continue
        if _gaz_lookup(words[i - 2], False) is not None and (first is None or first.type != "Person"):
            continue
        families[words[i - 2]] = words[c.end - 1]
    surnames = {_key(words[c.end - 1]) for c in cands if c.type == "Person" and c.end - c.start >= 2}
    out: list[_Cand] = []
    covered: set[int] = set()
    for c in cands:
        word = words[c.start] if c.end - c.start == 1 else ""
        spacy_only = c.type == "Person" or (c.rule in {"ner", "doc-consistency"} and c.authority == 0)
        if word in families and spacy_only:
            c = replace(c, type="Person", rule="person.shared-surname", label=None, code=None, wikidata=None,
                        family=families[word])
        elif (word and c.type in {"Organization", "Place"} and c.rule == "ner" and c.authority == 0
              and _key(word) not in surnames and _gaz_lookup(word, False) is None
              and any(spelling_variant(_key(word), s) for s in surnames)):
            c = replace(c, type="Person", rule="person.spelling", label=None, code=None, wikidata=None)
        out.append(c)
        covered.update(range(c.start, c.end))
    for k, w in enumerate(words):
        if w in families and k not in covered:
            out.append(_Cand(k, k + 1, "Person", "person.shared-surname", family=families[w]))
    return sorted(out, key=lambda c: c.start)


def _given_word(w: str) -> bool:
    """A capitalised word that may be a given name (letters only, not all caps)."""
    return len(w) > 2 and w[0].isupper() and w.isalpha() and not w.isupper()


def given_before_surname(doc: Doc, cands: list[_Cand], caps: set[int]) -> list[_Cand]:
    """Rule ``person.given-surname``: a capitalised word right before a person's bare name is their given name.

    "Marcel Desailly insists ..." at a sentence start, where spaCy typed only "Desailly" or nothing, while
    "Desailly" alone is a Person in the document and no full name ends in it: "Marcel Desailly" is that Person
    (so the bare name takes it as its label).  Only at a sentence start, not in a headline, and not for a
    word a table knows ("Chelsea", "Monday"), a title, or a word spaCy does not read as a proper noun.
    """
    words = _words(doc)
    bare = {_key(words[c.start]) for c in cands if c.type == "Person" and c.end - c.start == 1}
    if not bare:
        return cands
    bare -= {_key(words[c.end - 1]) for c in cands if c.type == "Person" and c.end - c.start > 1}
    covered = {k for c in cands for k in range(c.start, c.end)}
    # the bare name spaCy typed alone ("Marcel [Desailly]") is extended to the given name
    bare_at = {c.start: c for c in cands if c.type == "Person" and c.end - c.start == 1}
    added: list[_Cand] = []
    extended: set[int] = set()
    for i in range(len(words) - 1):
        w, nxt = words[i], words[i + 1]
        if i in covered or (i + 1 in covered and i + 1 not in bare_at) or i in caps or not _plain_word(w) \
                or _key(nxt) not in bare:
            continue
        if len(w) < 3 or doc[i].pos_ != "PROPN" or w in HONORIFICS or w in PERSON_PREFIXES or w in STOP_NAMES \
                or w in _NOT_TEAMS:
            continue
        if _gaz_lookup(w, False) is not None or _title_at(words, i) or is_post_title(nxt) or is_post_title(w):
            continue
        if i > 0 and not doc[i].is_sent_start and words[i - 1] not in {"\n", '"', "“", "(", ":"}:
            continue  # mid-sentence the parser sees a full name itself; "chanted Vote Blair" is a slogan
        added.append(_Cand(i, i + 2, "Person", "person.given-surname", authority=1))
        extended.add(i + 1)
    if not added:
        return cands
    return sorted([c for c in cands if c.start not in extended] + added, key=lambda c: c.start)


#: Headers of a line-up's lists of players ("Subs Not Used: A, B, C.", "Booked: A, B.").
_SQUAD_HEADERS: Final = (
    ("subs", "not", "used"), ("subs", "used"), ("subs",), ("substitutes",), ("replacements",), ("booked",),
    ("sent", "off"), ("squad",), ("scorers",), ("goals",), ("tries",), ("cons",), ("pens",), ("line-up",),
    ("sin", "bin"), ("dropped", "goals"),
)


def squad_lists(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``person.squad``: the names after a line-up header ("Subs Not Used: Macken, Weaver, Onuoha.") are
    players, whatever spaCy guessed ("Weaver" a place); items a table names ("Jordan") keep their type."""
    words = _words(doc)
    low = [w.lower() for w in words]
    n = len(words)
    name_at = name_tokens(doc)
    at: dict[int, _Cand] = {k: c for c in cands for k in range(c.start, c.end)}
    dropped: set[int] = set()
    added: list[_Cand] = []
    for i in range(n):
        if words[i] != ":":
            continue
        head = next((h for h in _SQUAD_HEADERS if i >= len(h) and tuple(low[i - len(h) : i]) == h and (
            i == len(h) or not name_at[i - len(h) - 1] or "\n" in words[i - len(h) - 1]
            or words[i - len(h) - 1] == ".")), None)
        if head is None:
            continue
        # the header itself ("Booked") is nobody
        dropped.update(id(c) for j in range(i - len(head), i) if (c := at.get(j)) is not None and c.end <= i)
        k = i + 1
        items: list[tuple[int, int]] = []
        while k < n and words[k] not in {".", ";"} and "\n" not in words[k]:
            if not name_at[k]:
                k += 1
                continue
            s = k
            while k < n and name_at[k]:
                k += 1
            if k - s <= 3:
                items.append((s, k))
        if len(items) < 2:
            continue
        for s, e in items:
            if _plain_name(doc, s, e):
                _take_person(at, s, e, "person.squad", dropped, added, over_person=False)
    return _replaced(cands, dropped, added)
