"""Grouping mentions into one entity per document: surnames, titles, initials, acronyms."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Final

from graphbuild.extract.entity_steps.base import (
    COMPANY_SUFFIXES,
    _acronym,
    _Cand,
    _display,
    _name_text,
    _surface,
    spelling_variant,
)
from graphbuild.extract.entity_steps.sexes import FEMALE_TITLES, MALE_TITLES, sex_of
from graphbuild.gazetteer import fold, gazetteer
from graphbuild.generic_names import ministry_form

if TYPE_CHECKING:
    from spacy.tokens import Doc


log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Group:
    type: str
    cands: list[_Cand]
    label: str
    code: str | None = None
    wikidata: str | None = None
    alias_rules: dict[str, tuple[str, str]] = field(default_factory=dict)  # surface -> (rule, evidence)
    parts: tuple[str, str] = ("", "")  # people: first and last name token


def _key(text: str) -> str:
    """Case-, apostrophe- and accent-insensitive key ("Nicolás" and "Nicolas" are one name)."""
    text = unicodedata.normalize("NFKD", fold(text))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


#: A Russian-style patronymic ("Nikolayevich", "Sergeyevna").
_PATRONYMIC: Final = re.compile(r"(?:ovich|evich|yevich|ovna|evna|yevna|ichna)$")


def _spelt_alike(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """(first, last) names that are one name spelt two ways: one part the same, the other a spelling variant."""
    (fa, la), (fb, lb) = (tuple(_key(x) for x in a), tuple(_key(x) for x in b))
    return (la == lb and spelling_variant(fa, fb)) or (fa == fb and spelling_variant(la, lb))


def _initial_ok(a: str, b: str) -> bool:
    """First names compatible: equal, or one an initial of the other ("J." / "John")."""
    a, b = a.rstrip("."), b.rstrip(".")
    if _key(a) == _key(b):
        return True
    if len(a) == 1 and b[:1].upper() == a.upper():
        return True
    return len(b) == 1 and a[:1].upper() == b.upper()


#: Honorifics that say a man, a woman, or a knight/peer (who is never written "Mr"/"Mrs").
_MALE_HON: Final = frozenset({"Mr"})


_FEMALE_HON: Final = frozenset({"Mrs", "Ms", "Miss"})


_PEER_HON: Final = frozenset({"Sir", "Lord", "Lady", "Dame", "Baroness", "Baron"})


#: Titles written before a given name ("Prince Charles", "Queen Elizabeth"), never before a surname.
_ROYAL_TITLES: Final = frozenset({"King", "Queen", "Prince", "Princess", "Duke", "Duchess"})


def _honorific(doc: Doc, c: _Cand) -> str:
    """The honorific right before a mention ("Mr" for "Mr Blair"), else ""."""
    if c.start == 0:
        return ""
    word = doc[c.start - 1].text.rstrip(".")
    return word if word in _MALE_HON | _FEMALE_HON | _PEER_HON | MALE_TITLES | FEMALE_TITLES else ""


def _group_honorifics(doc: Doc, g: _Group) -> set[str]:
    """The honorifics a full-name person is written with, plus "Mr"/"Mrs" when the given name says a sex."""
    hons = {_honorific(doc, x) for x in g.cands}
    sex = sex_of(g.parts[0]) if g.parts[0] else ""
    return hons | ({"Mr"} if sex == "m" else {"Mrs"} if sex == "f" else set())


def _sexes_agree(bare: set[str], full: set[str]) -> bool:
    """Whether no honorific says the other sex: "Mrs Howard" is not Michael Howard; "Mr Brown" is not Lady Brown."""
    bare_sex, full_sex = {sex_of(h) for h in bare} - {""}, {sex_of(h) for h in full} - {""}
    return not (bare_sex and full_sex and not bare_sex & full_sex)


def _honorifics_agree(bare: set[str], full: set[str]) -> bool:
    """Whether a bare surname written with ``bare`` honorifics can be a person written with ``full`` ones."""
    bare, full = bare - {""}, full - {""}
    if not bare or not full:
        return True
    if not _sexes_agree(bare, full):
        return False
    if bare <= _MALE_HON:
        return not full & (_FEMALE_HON | _PEER_HON)
    if bare <= _FEMALE_HON:
        return not full & (_MALE_HON | {"Sir", "Lord", "Baron"})
    return True


def _group(doc: Doc, cands: list[_Cand], caps: set[int], doc_id: str) -> list[_Group]:
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], _Group] = {}

    def add(key: tuple[str, str], c: _Cand, label: str, rule: str | None, evidence: str) -> None:
        g = by_key.get(key)
        surface = _surface(doc, c)
        if g is None:
            g = _Group(c.type, [c], label, c.code, c.wikidata)
            by_key[key] = g
            groups.append(g)
        else:
            g.cands.append(c)
        if rule is not None and surface != g.label and surface not in g.alias_rules:
            g.alias_rules[surface] = (rule, evidence)

    persons = [c for c in cands if c.type == "Person"]
    # an acronym given in brackets after a name ("( KDP )") is that organisation wherever it occurs
    bracketed = {fold(_surface(doc, c)): c.label for c in cands if c.rule == "acronym.bracket" and c.label}
    others = [
        replace(c, label=bracketed[fold(_surface(doc, c))])
        if c.type == "Organization" and not c.label and fold(_surface(doc, c)) in bracketed
        else c
        for c in cands
        if c.type != "Person"
    ]
    # countries, places and organisations: by canonical label
    for c in others:
        disp = _display(doc, c, caps)
        label = c.label or disp
        if c.type == "Country":
            rule = "demonym" if c.demonym else "country-alias"
            add(("Country", label), c, label, rule, f"gazetteer: {_surface(doc, c)!r} is {label!r}")
        else:
            surface = _surface(doc, c)
            if fold(surface) in bracketed and bracketed[fold(surface)] == label:
                rule, ev = "acronym.bracket", f"{surface!r} is given in brackets after {label!r}"
            elif fold(surface) == fold(label):
                rule, ev = "case-variant", f"{surface!r} is {label!r} written in another case"
            else:
                rule, ev = "gazetteer", f"gazetteer: {surface!r} is {label!r}"
            add((c.type, fold(label)), c, label, rule, ev)
    # region suffix: bare "Donetsk" joins "Donetsk region"
    regions = {
        fold(c.notes[0]): by_key[("Place", fold(c.label or ""))] for c in others if c.rule == "region" and c.notes
    }
    for (typ, key), g in list(by_key.items()):
        if typ in {"Place", "Organization"} and key in regions and regions[key] is not g and g.type == "Place":
            target = regions[key]
            for c in g.cands:
                target.cands.append(c)
                target.alias_rules.setdefault(
                    _surface(doc, c), ("region-suffix", f"{_surface(doc, c)!r} is the name of {target.label!r}")
                )
            groups.remove(g)
            del by_key[(typ, key)]
    # acronyms: "EU" joins the only organisation whose initials it spells
    orgs = [g for g in groups if g.type == "Organization"]
    for g in list(orgs):
        lab = g.label
        if not (2 <= len(lab) <= 6 and lab.isupper() and lab.isalpha()):
            continue
        matches = [h for h in orgs if h is not g and len(h.label.split()) > 1 and _acronym(h.label.split()) == lab]
        if len(matches) == 1 and g in groups:
            target = matches[0]
            for c in g.cands:
                target.cands.append(c)
            target.alias_rules.setdefault(lab, ("acronym", f"{lab!r} spells the initials of {target.label!r}"))
            for s, r in g.alias_rules.items():
                target.alias_rules.setdefault(s, r)
            groups.remove(g)
    _join_short_orgs(groups)
    # people
    full: list[_Group] = []
    singles: list[_Cand] = []
    for c in sorted(persons, key=lambda c: (-(c.end - c.start), c.start)):
        name = _name_text(doc, c, caps)
        toks = name.split()
        if len(toks) == 1 and c.family:  # "Tamerlan" of "Tamerlan and Dzhokhar Tsarnaev"
            toks = [name, c.family]
            name = " ".join(toks)
        if len(toks) == 1:
            singles.append(c)
            continue
        compat = [g for g in full if _key(g.parts[1]) == _key(toks[-1]) and _initial_ok(g.parts[0], toks[0])]
        variant = False
        if not compat:  # "Dzokhar Tsarnaev" / "Dzhokhar Tsarnaev": one name spelt two ways
            compat = [g for g in full if _spelt_alike(g.parts, (toks[0], toks[-1]))]
            variant = True
        if len(compat) == 1:
            g = compat[0]
            g.cands.append(c)
            if c.family:
                g.alias_rules.setdefault(_surface(doc, c), (
                    "shared-surname", f"{_surface(doc, c)!r} is named with the family name {c.family!r}"))
            elif variant:  # either spelling may end up the label: both carry the record
                spelt = ("spelling-variant", f"{name!r} and {g.label!r} are one name spelt two ways (one letter)")
                g.alias_rules.setdefault(_surface(doc, c), spelt)
                g.alias_rules.setdefault(g.label, spelt)
            elif name != g.label:
                rule = "initials" if len(toks[0].rstrip(".")) == 1 else "name-variant"
                g.alias_rules.setdefault(_surface(doc, c), (rule, f"{name!r}: same first and last name as {g.label!r}"))
        else:
            if len(compat) > 1:
                log.debug("%s: %r fits several people, kept apart", doc_id, name)
            g = _Group("Person", [c], name, parts=(toks[0], toks[-1]))
            full.append(g)
            groups.append(g)
    # "Boris Nikolayevich": a first name and patronymic is the only person with that first name (``patronymic``)
    for g in [g for g in full if _PATRONYMIC.search(g.parts[1]) and len(g.label.split()) == 2]:
        fits = [h for h in full if h is not g and _key(h.parts[0]) == _key(g.parts[0]) and not _PATRONYMIC.search(h.parts[1])]
        if len(fits) == 1:
            target = fits[0]
            target.cands.extend(g.cands)
            target.alias_rules.setdefault(g.label, ("patronymic", f"{g.label!r}: first name and patronymic of {target.label!r}"))
            full.remove(g)
            groups.remove(g)
    single_groups: dict[str, _Group] = {}
    first_seen: dict[str, int] = {}
    honorifics: dict[str, set[str]] = defaultdict(set)
    for c in sorted(singles, key=lambda c: c.start):
        first_seen.setdefault(fold(_name_text(doc, c, caps)), c.start)
        honorifics[fold(_name_text(doc, c, caps))].add(_honorific(doc, c))
    for c in sorted(singles, key=lambda c: c.start):
        word = _name_text(doc, c, caps)
        key = fold(word)
        compat = [g for g in full if _key(g.parts[1]) == _key(word)]
        if not compat and c.rule == "person.spelling":  # "Tzarnaev" beside "Dzhokhar Tsarnaev"
            compat = [g for g in full if spelling_variant(_key(g.parts[1]), _key(word))]
        # the only person of that surname: only a sex the honorifics contradict keeps them apart
        # ("Mr Heath" may be Sir Edward Heath before his knighthood; "Mrs Howard" is never Michael Howard)
        if len(compat) == 1 and _sexes_agree(honorifics[key], _group_honorifics(doc, compat[0])):
            g = compat[0]
            g.cands.append(c)
            evidence = f"{word!r} is the surname of {g.label!r}, the only person of that name in the document"
            rule = "title-surname" if c.rule == "title" else "surname"
            g.alias_rules.setdefault(word, (rule, evidence))
            continue
        # "Mr Blair" is neither "Sir Ian Blair" nor "Cherie Blair" written "Mrs Blair"
        fitting = [g for g in compat if _honorifics_agree(honorifics[key], _group_honorifics(doc, g))]
        if len(compat) > 1 and len(fitting) == 1:
            g = fitting[0]
            g.cands.append(c)
            evidence = f"{word!r} is written with {sorted(honorifics[key])}, which fits only {g.label!r}"
            g.alias_rules.setdefault(word, ("surname.honorific", evidence))
            continue
        # "Mr Howard" first written when only Michael Howard had been introduced (John Howard comes later)
        introduced = [g for g in fitting if min(x.start for x in g.cands) < first_seen[key]]
        if len(compat) > 1 and len(introduced) == 1:
            g = introduced[0]
            g.cands.append(c)
            rivals = ", ".join(sorted(h.label for h in fitting if h is not g))
            evidence = f"{word!r} first occurs when {g.label!r} had been named and {rivals} had not"
            g.alias_rules.setdefault(word, ("surname.introduced", evidence))
            continue
        if len(compat) > 1:
            log.debug("%s: surname %r fits %d people, left unresolved", doc_id, word, len(compat))
        # "Saddam" after "Saddam Hussein": the first name of the only person so named, and nobody's surname
        firsts = [g for g in full if len(key) > 2 and (_key(g.parts[0]) == _key(word) or _key(word) in {
            _key(_name_text(doc, x, caps).split()[0]) for x in g.cands if x.end - x.start > 1})]
        # "Prince Charles" is not Charles Kennedy: a royal/noble title with a given name is its own person
        if not compat and len(firsts) == 1 and not honorifics[key] & _ROYAL_TITLES:
            g = firsts[0]
            g.cands.append(c)
            evidence = f"{word!r} is the first name of {g.label!r}, the only person of that name in the document"
            g.alias_rules.setdefault(word, ("first-name", evidence))
            continue
        sg = single_groups.get(key)
        if sg is None:
            sg = _Group("Person", [c], _display(doc, c, caps))
            single_groups[key] = sg
            groups.append(sg)
        else:
            sg.cands.append(c)
            if word != sg.label:
                sg.alias_rules.setdefault(word, ("case-variant", f"same name {sg.label!r}"))
    return groups


def _org_words(label: str) -> list[str]:
    """Folded words of an organisation's name; "Ministry of Finance" reads as "Finance Ministry", "Ministry of
    Internal Affairs" as "Interior Ministry" (:func:`graphbuild.generic_names.ministry_form`)."""
    label = ministry_form(label)
    words = [fold(w) for w in label.replace("organisation", "organization").replace("Organisation", "Organization").split()]
    if len(words) > 2 and words[0] in {"ministry", "department"} and words[1] == "of":
        rest = words[3:] if words[2] == "the" else words[2:]
        words = [*rest, words[0]]
    return words


def _join_short_orgs(groups: list[_Group]) -> None:
    """Rule ``org-short``: an organisation named by part of a longer name in the same document joins it when the
    rest is a company suffix or a country ("Caltex" / "Caltex Petroleum Corp", "Dow Chemical" / "Dow Chemical
    Co", "Ericsson" / "LM Ericsson AB", "Treasury Department" / "U.S. Treasury Department"), or it is one word
    leading a two- or three-word name ("Sun" / "Sun Microsystems", not a table name); "Organisation" and
    "Organization" spell one name, and "Ministry of Finance" is the "Finance Ministry".  Joined only when exactly one
    longer name fits."""
    orgs = [g for g in groups if g.type == "Organization"]
    if len(orgs) < 2:
        return
    words = {id(g): _org_words(g.label) for g in orgs}
    suffixes = {fold(w) for w in COMPANY_SUFFIXES}
    for g in sorted(orgs, key=lambda g: len(words[id(g)])):
        short = words[id(g)]
        if not short or (len(short) == 1 and (short[0] in suffixes or short[0] in _GENERIC_ORG_WORDS - {"united"})):
            continue
        fits = []
        for h in orgs:
            if h is g or h not in groups:
                continue
            long_ = words[id(h)]
            if long_ == short:
                fits.append(h)
                continue
            n = len(short)
            for i in range(len(long_) - n + 1):
                if long_[i : i + n] != short:
                    continue
                rest_before, rest_after = long_[:i], long_[i + n :]
                company = bool(rest_after) and len(rest_before) <= 1 and h.label.split()[-1] in COMPANY_SUFFIXES
                country = bool(rest_before) and not rest_after and _is_country(" ".join(h.label.split()[:i]))
                # "Sun" / "Sun Microsystems": one distinctive word leading a longer name that no table knows
                lead = (n == 1 and i == 0 and 1 <= len(rest_after) <= 2 and gazetteer().lookup(g.label) is None
                        and not any(w in _GENERIC_ORG_WORDS for w in rest_after))
                # "Villa" / "Aston Villa", "United" / "Manchester United": the distinctive last word of a two-word name
                tail = (n == 1 and i == 1 and len(long_) == 2 and gazetteer().lookup(g.label) is None
                        and short[0] not in _GENERIC_ORG_WORDS - {"united"} and short[0] not in suffixes
                        and not any(c.rule.startswith("press") for c in g.cands))
                if company or country or lead or tail:
                    fits.append(h)
                break
        if len(fits) > 1 and len(short) == 1:
            # "United" beside "Manchester United" and "Shareholders United": the only club named after a place
            placed = [h for h in fits if len(h.label.split()) == 2 and _is_place(h.label.split()[0])]
            fits = placed if len(placed) == 1 else fits
        if len(fits) != 1:
            continue
        target = fits[0]
        target.cands.extend(g.cands)
        how = "is another spelling of" if words[id(target)] == short else "is part of"
        target.alias_rules.setdefault(g.label, ("org-short", f"{g.label!r} {how} {target.label!r}"))
        for surface, rule in g.alias_rules.items():
            target.alias_rules.setdefault(surface, rule)
        groups.remove(g)


#: Words too general to name an organisation alone ("Group" of "Acme Group").
_GENERIC_ORG_WORDS: Final = frozenset(
    {"group", "company", "bank", "international", "national", "general", "american", "first", "united", "holdings",
     "industries", "the", "new", "department", "ministry", "office", "council", "committee", "party", "union"}
)


def _is_place(text: str) -> bool:
    hit = gazetteer().lookup(text)
    return hit is not None and hit.type in {"Place", "Country"}


def _is_country(text: str) -> bool:
    hit = gazetteer().lookup(text)
    return hit is not None and hit.type == "Country"


def _person_label(g: _Group, doc: Doc, caps: set[int]) -> str:
    """A person's label: the longest full name seen (ties: the most often written, then the first in text order)."""
    names: list[tuple[int, int, int, str]] = []
    written = Counter(_name_text(doc, c, caps) for c in g.cands)
    for c in g.cands:
        name = _name_text(doc, c, caps)
        if g.alias_rules.get(_surface(doc, c), ("",))[0] == "post-holder":
            continue  # "Chief Justice" joined to Lord Woolf: a post, never the label
        names.append((-(c.end - c.start), -written[name], c.start, name))
    if not names:
        return g.label
    names.sort()
    longest = names[0][0]
    cands = [n for n in names if n[0] == longest]
    return cands[0][3] if longest < -1 else g.label
