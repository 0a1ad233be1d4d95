"""Names that are not people, places or organisations, and generic bodies that need their country.

- ``works_filter``: names of works and products (films, albums, books, prizes, software), ships and
  parliamentary bills are left out of the four entity types; a "Camp X" read as a person is a place.
- ``qualify_generic``: a generic body ("Treasury", "Finance Ministry", "Supreme Court") takes the country
  written before it into its label ("Treasury (United Kingdom)"), so that resolution joins it across articles
  only with the same qualifier; its own surface stays an alias.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Final

from graphbuild.extract.entity_steps.base import _Cand, _gaz_lookup, _is_cap, _words
from graphbuild.gazetteer import fold
from graphbuild.generic_names import GENERIC_HEADS, GENERIC_WORDS, is_generic

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from graphbuild.extract.entity_steps.grouping import _Group

__all__ = ["GENERIC_HEADS", "GENERIC_WORDS", "is_generic", "qualify_generic", "works_filter"]

#: Nouns that introduce the title of a work right after them ("the film Gandhi", "her album Adele 21").
WORK_NOUNS: Final = frozenset(
    {"film", "movie", "album", "single", "song", "novel", "book", "biography", "memoir", "play", "musical", "opera",
     "series", "sitcom", "documentary", "drama", "show", "programme", "program", "game", "software", "app",
     "videogame", "title", "track", "ep", "soap", "thriller", "comedy", "blockbuster", "sequel", "franchise"}
)
#: Nouns that introduce a product's name ("the drug Vioxx", "painkillers such as Aspirex", "brand names such as X"):
#: a product named so is no person anywhere in the document.
PRODUCT_NOUNS: Final = frozenset(
    {"drug", "painkiller", "medicine", "medication", "vaccine", "pill", "treatment", "brand", "handset", "console",
     "gadget", "browser", "product"}
)
#: Last words of prize names ("Booker Prize", "Turner Prize", "Brit Awards").
PRIZE_WORDS: Final = frozenset({"Prize", "Prizes", "Award", "Awards", "Trophy", "Medal", "Medals"})
#: Prizes known by one word, which spaCy often reads as a person ("Oscar").
PRIZE_NAMES: Final = frozenset({"Oscar", "Oscars", "Bafta", "Baftas", "Grammy", "Grammys", "Emmy", "Emmys", "Golden Globe",
                                "Golden Globes", "Brit", "Brits", "Tony", "Tonys", "Mercury Prize", "Palme d'Or"})
#: Ship prefixes: "HMS Belfast" is a ship.
SHIP_PREFIXES: Final = frozenset({"HMS", "USS", "MV", "RMS", "SS", "HMAS", "HMCS", "MS", "FV"})
#: Last words of parliamentary bills and acts ("the Education Bill").
BILL_WORDS: Final = frozenset({"Bill", "Act"})
#: Performer nouns after the title of a work or a role ("Batman actor X", "Sopranos actress Y", "Frasier star Z").
_PERFORMER_NOUNS: Final = frozenset({"actor", "actress", "star", "co-star"})
#: Nouns that introduce a fictional character ("the cartoon character X", "the superhero X").
_CHARACTER_NOUNS: Final = frozenset({"character", "superhero", "super-hero"})
#: Capitalised words that make a country's name after them part of another name ("Little Italy", "New England").
_NAME_LEADS: Final = frozenset({"Little", "New"})
#: Common nouns of geography that are no place name on their own ("the River", "beyond the Sea").
_GEO_NOUNS: Final = frozenset(
    {"Sea", "Seas", "Ocean", "River", "Lake", "Mountain", "Mountains", "Island", "Islands", "Valley", "Desert", "Bay",
     "Hill", "Hills", "Forest", "Beach", "Coast", "Street", "Road", "Square", "Park", "Bridge"}
)
#: Music genres spaCy takes for a band, a person or a label ("R&B singer X"); not "Blues", "Jazz", "Opera",
#: "Rock" or "Pop", which are also teams, firms and surnames.
_GENRES: Final = frozenset({"R&B", "Reggae", "Hip-hop", "Hip-Hop", "Hip hop", "Hip Hop", "Britpop", "Grime", "Techno",
                            "Punk"})
_QUOTES: Final = frozenset({"'", '"', "‘", "’", "“", "”", "``", "''"})
_POSSESSIVE: Final = frozenset({"'s", "’s"})


def _is_work(doc: Doc, words: list[str], c: _Cand) -> bool:
    text_words = words[c.start:c.end]
    if not text_words:
        return False
    first, last = text_words[0], text_words[-1]
    text = " ".join(text_words)
    if (first in SHIP_PREFIXES and len(text_words) > 1) or (c.start > 0 and words[c.start - 1] in SHIP_PREFIXES):
        return True
    if c.end < len(words) and words[c.end] in BILL_WORDS and c.type in ("Person", "Organization"):
        return True  # "the Education Bill"
    if c.type == "Person" and last in BILL_WORDS and len(text_words) > 1:
        return True
    if _in_possessive_title(doc, words, c):
        return True  # "the book Brown 's Britain": even a table name inside a title is part of it
    if c.label is not None and c.authority >= 2:
        return False  # a table name ("Nobel Foundation") stays
    if last in PRIZE_WORDS or (text in PRIZE_NAMES and c.type == "Person"):
        return True
    k = c.start - 1
    if k >= 0 and words[k] in _QUOTES:
        k -= 1
    if _work_intro(doc, words, k, lists=not (c.end < len(words) and words[c.end] in _POSSESSIVE)):
        return True
    if _said_to_be_work(doc, c):
        return True
    # a capitalised name in quotation marks is the title of a work, not a person or a place
    return c.type in ("Person", "Place") and c.start > 0 and c.end < len(words) \
        and words[c.start - 1] in _QUOTES and words[c.end] in _QUOTES


def _not_a_name(doc: Doc, words: list[str], c: _Cand) -> bool:
    """Spans that name no person, place or organisation although spaCy or the tables typed them:

    - a title or role before a performer noun and a name: "Batman actor Tom Reed", "Frasier star Ann Bell" (only a
      name no table knows; before "star" not one spaCy called an organisation: "Arsenal star X" is the club);
    - a fictional character: "the cartoon character X", "the superhero X";
    - a country's name inside a longer name: "Little Italy", "New England" ("New Zealand" is a table name);
    - a bare noun of geography spaCy took for a place ("the Sea"), a music genre ("R&B singer X")."""
    n = c.end - c.start
    if c.type == "Country" and n == 1 and c.start > 0 and words[c.start - 1] in _NAME_LEADS:
        return _gaz_lookup(f"{words[c.start - 1]} {words[c.start]}", False) is None
    if doc[c.start:c.end].text in _GENRES:
        return True
    if c.authority > 0 or c.label is not None:
        return False
    if c.type == "Place" and n == 1 and words[c.start] in _GEO_NOUNS:
        return True
    if c.end + 1 < len(words) and words[c.end] in _PERFORMER_NOUNS and doc[c.end].pos_ == "NOUN" \
            and (words[c.end] != "star" or c.type in {"Person", "Place", ""}) \
            and (_is_cap(words[c.end + 1]) or words[c.end + 1] == "the"):
        return True
    # right before the name: "a larger than life character, Doyle" is a person
    return c.type == "Person" and c.start > 0 and words[c.start - 1].lower() in _CHARACTER_NOUNS


def _in_possessive_title(doc: Doc, words: list[str], c: _Cand) -> bool:
    """"his book Brown 's Britain", "'Blair 's Wars'": a name on either side of a possessive inside the title of a
    work (after a work noun, or in quotation marks) is part of the title, neither owner nor owned name."""
    owned = False
    if c.end + 1 < len(words) and words[c.end] in _POSSESSIVE and _is_cap(words[c.end + 1]):
        start, end = c.start, c.end + 2
        while end < len(words) and _is_cap(words[end]) and not doc[end].is_sent_start:
            end += 1
    elif c.start > 1 and words[c.start - 1] in _POSSESSIVE and _is_cap(words[c.start - 2]):
        start, end, owned = c.start - 2, c.end, True
        while start > 0 and _is_cap(words[start - 1]) and not doc[start].is_sent_start:
            start -= 1
    else:
        return False
    if start > 0 and end < len(words) and words[start - 1] in _QUOTES and words[end] in _QUOTES:
        return True
    k = start - 1 - int(start > 0 and words[start - 1] in _QUOTES)
    return _work_intro(doc, words, k, lists=owned)  # "novels such as Banks's Excession": Banks is the author


def _work_intro(doc: Doc, words: list[str], k: int, lists: bool = True) -> bool:
    """Token ``k`` introduces the title of a work: a work noun ("the novel X") or a list of them ("films such as
    X", "novels like X", "books including X", "works such as X")."""
    if k < 0:
        return False
    if words[k].lower() in WORK_NOUNS and doc[k].pos_ == "NOUN":
        return True
    if not lists or words[k] not in {"as", "like", "including"}:
        return False
    j = k - 1 - int(words[k] == "as" and k > 0 and words[k - 1] == "such")
    if words[k] == "as" and j == k - 1:
        return False  # "as" alone: "as X's chairman"
    return j >= 0 and doc[j].pos_ == "NOUN" and words[j].islower() and words[j].endswith("s") \
        and doc[j].lemma_.lower() in WORK_NOUNS | {"work"}


def _said_to_be_work(doc: Doc, c: _Cand) -> bool:
    """"Greatest Hits is A-Teens' last album", "ABBA Live was the first ABBA album", "X , a 2004 film by Y": the
    name is the subject of "be" with a work noun, or has a work noun in apposition."""
    root = doc[c.end - 1]
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        return any(a.dep_ == "attr" and a.lemma_ in WORK_NOUNS for a in root.head.children)
    return any(a.dep_ == "appos" and a.lemma_ in WORK_NOUNS and a.i >= c.end for a in root.children)


#: Product nouns that make even a name spaCy guessed a place or organisation a product ("the drug Arcoxa").
_MEDICINES: Final = frozenset({"drug", "painkiller", "medicine", "medication", "vaccine", "pill"})


def _product_intro(doc: Doc, words: list[str], k: int, nouns: frozenset[str]) -> bool:
    """Token ``k`` introduces a product's name: "the drug X", "painkillers such as X", "brand names such as X"."""
    if k < 0:
        return False
    if words[k].islower() and doc[k].lemma_.lower() in nouns and doc[k].pos_ == "NOUN":
        return True
    if words[k] not in {"as", "like", "including"}:
        return False
    j = k - 1 - int(words[k] == "as" and k > 0 and words[k - 1] == "such")
    if j < 0 or (words[k] == "as" and j == k - 1) or not words[j].islower():
        return False
    return doc[j].lemma_.lower() in nouns or (words[j] == "names" and j > 0 and words[j - 1] == "brand")


def _product(doc: Doc, words: list[str], c: _Cand) -> bool:
    """A one-word name spaCy guessed a person (or, after a medicine noun, a place or organisation) that the text
    introduces as a product, list members too."""
    if c.type not in {"Person", "Place", "Organization"} or c.end - c.start != 1 or c.authority > 0 \
            or c.label is not None:
        return False
    k = c.start - 1
    # "brand names such as Celebrex and X": walk back over the list
    while k >= 1 and words[k] in {"and", "or", ","} and _is_cap(words[k - 1]):
        k -= 2
    return _product_intro(doc, words, k, PRODUCT_NOUNS if c.type == "Person" else _MEDICINES)


def works_filter(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Drop works, prizes, ships and bills; read "Camp X" typed Person as a place; a product introduced as one
    ("the drug X") is dropped in every mention where it is typed Person."""
    words = _words(doc)
    products = {fold(words[c.start]) for c in cands if _product(doc, words, c)}
    out: list[_Cand] = []
    for c in cands:
        if _is_work(doc, words, c) or _not_a_name(doc, words, c):
            continue
        if products and c.type in {"Person", "Place", "Organization"} and c.end - c.start == 1 and c.authority < 2 \
                and c.label is None and fold(words[c.start]) in products:
            continue
        if c.type == "Person" and words[c.start] == "Camp" and c.end - c.start > 1:
            c = replace(c, type="Place", rule="camp")
        out.append(c)
    return out


def qualify_generic(doc: Doc, groups: list[_Group], cands: list[_Cand]) -> None:
    """Give a generic Organization the country written before one of its mentions: "the Russian Finance Ministry",
    "Britain's Treasury" -> "Finance Ministry (Russia)", "Treasury (United Kingdom)"."""
    words = _words(doc)
    country_end: dict[int, _Cand] = {c.end: c for c in cands if c.type == "Country" and c.label}
    for g in groups:
        if g.type != "Organization" or not is_generic(g.label):
            continue
        countries = set()
        for c in g.cands:
            k = c.start
            if k > 0 and words[k - 1] in ("'s", "’s"):
                k -= 1
            found = country_end.get(k)
            if found is not None and found.label:
                countries.add(found.label)
        if len(countries) == 1:
            country = countries.pop()
            old = g.label
            g.label = f"{old} ({country})"
            g.alias_rules.setdefault(old, ("generic-qualified", f"{old!r} of {country} in this document"))
